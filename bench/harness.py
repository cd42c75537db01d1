"""The benchmark harness: time cases in-process against a reference measured in the same run.

A case is a callable that does one unit of work (render a page through the test client, call
a renderer). A case with a ``check`` is run once more after its warm-up, untimed, and what that run
returned (the response, the PDF's bytes) is handed to the check, which raises AssertionError
(or returns False) when the case did not do what its name claims: an error page, an empty
list, a cache miss where a hit is meant. A failed check fails the case, which is then not
timed (its timings would describe the wrong work), so the bench cannot pass by measuring
nothing.

Each case is timed ``repeat`` times after the warm-up. A case with a reference is timed
alternately with it, round by round, and its median is compared with the reference's median
over the same rounds (``paired``, the default: see ``_paired_medians`` for how fast runners
are kept warm); an unpaired case is compared with the reference's own median. Its SQL
query count is taken from one extra run. A case with a memory budget gets one more run under
tracemalloc: the peak of what the Python allocator handed out during that run, in MB (memory
that C libraries allocate themselves is not seen, and the run is slower: it is never timed).
"""

import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Case:
    name: str
    run: Callable[[], object]
    reference: str | None = "hello view"
    budget_ratio: float | None = None
    budget_queries: int | None = None
    repeat: int = 30
    warmup: int = 3
    budget_memory_mb: float | None = None
    # Time the case and its reference alternately, round by round, and compare the medians of
    # those same rounds: on a shared machine, whose speed drifts between one case's runs and
    # the next's, pairing keeps the drift out of the ratio. Ignored without a reference.
    paired: bool = True
    # Called with what one untimed run after the warm-up returned: raises AssertionError (or
    # returns False) when the case does not do what its name says. See bench/checks.py.
    check: Callable[[Any], object] | None = None


@dataclass
class Result:
    case: str
    median_seconds: float | None  # None when the case failed its check (it is not timed)
    reference: str | None
    ratio: float | None
    queries: int
    budget_ratio: float | None
    budget_queries: int | None
    ok: bool
    problems: list[str] = field(default_factory=list)
    memory_mb: float | None = None


Clock = Callable[[], float]


class CheckFailed(Exception):
    """A case's check did not hold: it did not do what its name says."""


def _verify(case: Case, outcome=None) -> None:
    """Run the case once, untimed, and hand what it returned to its check (or check
    ``outcome``, what a run already returned)."""
    if case.check is None:
        return
    if outcome is None:
        outcome = case.run()
    try:
        verdict = case.check(outcome)
    except AssertionError as error:
        raise CheckFailed(f"check failed: {error or 'assertion without a message'}") from None
    if verdict is False:
        raise CheckFailed("check failed: the check returned False")


def _median_seconds(case: Case, clock: Clock, *, check: bool = True) -> float:
    for _ in range(case.warmup):
        case.run()
    if check:
        _verify(case)
    timings = []
    for _ in range(case.repeat):
        started = clock()
        case.run()
        timings.append(clock() - started)
    return statistics.median(timings)


# A run that follows other work runs with cold caches: the hello view takes 0.5 ms right after
# a 30 ms page against 0.2 ms in a loop of its own (measured on this project's bench). A fast
# runner (reference or case) is therefore timed in each round after one untimed run and in a
# block of runs, whose median is its speed in a loop, as the budgets were set against; a slow
# one (a page of 30 ms, a PDF) is timed once a round, the cold start being lost in its time.
FAST_SECONDS = 0.005
FAST_BLOCK = 20


def _paired_medians(
    case: Case, reference: Case, clock: Clock, *, reference_seconds: float | None = None
) -> tuple[float, float]:
    """Medians of the case and its reference timed alternately, round by round, after a
    collection each. ``reference_seconds``: the reference's median, if already measured.

    The collections are cheap: ``run_cases`` freezes what existed before it started (the
    seeded data, the modules), so they only look at what the cases themselves left behind."""
    reference_times, case_times = [], []
    for _ in range(case.warmup):
        for runner, times in ((reference, reference_times), (case, case_times)):
            started = clock()
            runner.run()
            times.append(clock() - started)
    if reference_seconds is not None:
        reference_times.append(reference_seconds)
    reference_fast = bool(reference_times) and min(reference_times) < FAST_SECONDS
    case_fast = bool(case_times) and min(case_times) < FAST_SECONDS
    _verify(case)
    own, theirs = [], []
    for _ in range(case.repeat):
        for runner, timings, fast in ((reference, theirs, reference_fast), (case, own, case_fast)):
            gc.collect()
            if fast:
                runner.run()  # re-warm what the other runner left cold: untimed
            for _ in range(FAST_BLOCK if fast else 1):
                started = clock()
                runner.run()
                timings.append(clock() - started)
    return statistics.median(own), statistics.median(theirs)


def _query_count(case: Case) -> int:
    with CaptureQueriesContext(connection) as queries:
        case.run()
    return len(queries)


def _peak_memory_mb(case: Case) -> float:
    """Peak extra Python memory of one run, in MB."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        case.run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return (peak - before) / (1024 * 1024)


def run_cases(
    cases: list[Case], *, clock: Clock = time.perf_counter, timed: bool = True
) -> list[Result]:
    """Check and measure every case; references are measured first so ratios use the same
    run. ``clock`` is the timer (the harness's own tests pass a counting clock, so that they
    judge its arithmetic without timing anything). ``timed=False`` is the query half: each
    case is warmed once, then run once to be checked and have its queries (and memory)
    judged; nothing is timed, so no ratio is judged."""
    by_name = {case.name: case for case in cases}
    missing = sorted({c.reference for c in cases if c.reference and c.reference not in by_name})
    if missing:
        raise ValueError(f"unknown reference case(s): {', '.join(missing)}")
    ordered = sorted(cases, key=lambda case: case.reference is not None)
    results: dict[str, Result] = {}
    gc.collect()
    gc.freeze()
    try:
        for case in ordered:
            if timed:
                results[case.name] = _measure(case, by_name, results, clock)
            else:
                results[case.name] = _count(case)
    finally:
        gc.unfreeze()
    return [results[case.name] for case in cases]


def _failed(case: Case, failure: CheckFailed) -> Result:
    # Loudly, as it happens, and in the table: the case is not timed.
    print(f"bench: {case.name}: {failure}", file=sys.stderr)
    return Result(
        case=case.name,
        median_seconds=None,
        reference=case.reference,
        ratio=None,
        queries=0,
        budget_ratio=case.budget_ratio,
        budget_queries=case.budget_queries,
        ok=False,
        problems=[str(failure)],
    )


def _judged(case: Case, *, median, ratio, queries, problems) -> Result:
    """The result, with the query and memory budgets judged on top of ``problems``."""
    if case.budget_queries is not None and queries > case.budget_queries:
        problems.append(f"{queries} queries > budget {case.budget_queries}")
    memory = None
    if case.budget_memory_mb is not None:
        memory = _peak_memory_mb(case)
        if memory > case.budget_memory_mb:
            problems.append(f"{memory:.1f} MB > budget {case.budget_memory_mb:g} MB")
    return Result(
        case=case.name,
        median_seconds=median,
        reference=case.reference,
        ratio=ratio,
        queries=queries,
        budget_ratio=case.budget_ratio,
        budget_queries=case.budget_queries,
        ok=not problems,
        problems=problems,
        memory_mb=memory,
    )


def _count(case: Case) -> Result:
    """The query half: one warm-up run, then one run both checked and counted."""
    if case.warmup:
        case.run()
    with CaptureQueriesContext(connection) as queries:
        outcome = case.run()
    try:
        _verify(case, outcome)
    except CheckFailed as failure:
        return _failed(case, failure)
    return _judged(case, median=None, ratio=None, queries=len(queries), problems=[])


def _measure(case: Case, by_name: dict[str, Case], done: dict[str, Result], clock: Clock) -> Result:
    reference = done.get(case.reference) if case.reference is not None else None
    paired_reference = None
    try:
        if reference is not None and reference.median_seconds is None:
            raise CheckFailed(f"its reference {case.reference!r} failed its check")
        if case.paired and case.reference is not None:
            median, paired_reference = _paired_medians(
                case,
                by_name[case.reference],
                clock,
                reference_seconds=reference.median_seconds if reference is not None else None,
            )
        else:
            median = _median_seconds(case, clock)
    except CheckFailed as failure:
        return _failed(case, failure)
    queries = _query_count(case)
    ratio = None
    problems = []
    if case.reference is not None:
        if paired_reference is None:
            paired_reference = (
                reference.median_seconds
                if reference is not None
                else _median_seconds(by_name[case.reference], clock, check=False)
            )
        ratio = median / paired_reference
        if case.budget_ratio is not None and ratio > case.budget_ratio:
            problems.append(f"ratio {ratio:.2f} > budget {case.budget_ratio}")
    return _judged(case, median=median, ratio=ratio, queries=queries, problems=problems)


def report(results: list[Result]) -> str:
    width = max([44, *(len(result.case) for result in results)])
    header = f"{'case':<{width}} {'median ms':>10} {'ratio':>7} {'budget':>7} {'queries':>8}"
    lines = [f"{header} {'budget':>7}  ok"]
    for result in results:
        ratio = f"{result.ratio:.2f}" if result.ratio is not None else "-"
        budget_ratio = f"{result.budget_ratio:g}" if result.budget_ratio is not None else "-"
        budget_queries = str(result.budget_queries) if result.budget_queries is not None else "-"
        median = f"{result.median_seconds * 1000:.2f}" if result.median_seconds is not None else "-"
        lines.append(
            f"{result.case:<{width}} {median:>10} {ratio:>7} "
            f"{budget_ratio:>7} {result.queries:>8} {budget_queries:>7}  "
            f"{'yes' if result.ok else 'NO: ' + '; '.join(result.problems)}"
            + (f"  ({result.memory_mb:.1f} MB)" if result.memory_mb is not None else "")
        )
    return "\n".join(lines)


def write_json(results: list[Result], path: str) -> None:
    rows = []
    for result in results:
        row = asdict(result)
        row.pop("problems")
        if row["memory_mb"] is None:
            row.pop("memory_mb")
        rows.append(row)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, indent=2)
