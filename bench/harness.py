"""The benchmark harness: time cases in-process against a reference measured in the same run.

A case is a callable that does one unit of work (render a page through the test client, call
a renderer). Each is timed ``repeat`` times after a warm-up; the median is compared with the
median of its reference case, and its SQL query count is taken from one extra run. A case
with a memory budget gets one more run under tracemalloc: the peak of what the Python
allocator handed out during that run, in MB (memory that C libraries allocate themselves is
not seen, and the run is slower: it is never timed).
"""

import gc
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

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
    # those same rounds: for long cases (seconds each) on a shared machine, whose speed drifts
    # between one case's runs and the next's, pairing keeps the drift out of the ratio.
    paired: bool = False


@dataclass
class Result:
    case: str
    median_seconds: float
    reference: str | None
    ratio: float | None
    queries: int
    budget_ratio: float | None
    budget_queries: int | None
    ok: bool
    problems: list[str] = field(default_factory=list)
    memory_mb: float | None = None


def _median_seconds(case: Case) -> float:
    for _ in range(case.warmup):
        case.run()
    timings = []
    for _ in range(case.repeat):
        started = time.perf_counter()
        case.run()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _paired_medians(case: Case, reference: Case) -> tuple[float, float]:
    """Medians of the case and its reference timed alternately, after a collection each."""
    for _ in range(case.warmup):
        reference.run()
        case.run()
    own, theirs = [], []
    for _ in range(case.repeat):
        for runner, timings in ((reference, theirs), (case, own)):
            gc.collect()
            started = time.perf_counter()
            runner.run()
            timings.append(time.perf_counter() - started)
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


def run_cases(cases: list[Case]) -> list[Result]:
    """Measure every case; references are measured first so ratios use the same run."""
    medians: dict[str, float] = {}
    by_name = {case.name: case for case in cases}
    ordered = sorted(cases, key=lambda case: case.reference is not None)
    results: dict[str, Result] = {}
    for case in ordered:
        paired_reference = None
        if case.paired and case.reference is not None:
            median, paired_reference = _paired_medians(case, by_name[case.reference])
        else:
            median = _median_seconds(case)
        medians[case.name] = median
        queries = _query_count(case)
        ratio = None
        problems = []
        if case.reference is not None:
            if paired_reference is None and case.reference not in medians:
                medians[case.reference] = _median_seconds(by_name[case.reference])
            ratio = median / (paired_reference or medians[case.reference])
            if case.budget_ratio is not None and ratio > case.budget_ratio:
                problems.append(f"ratio {ratio:.2f} > budget {case.budget_ratio}")
        if case.budget_queries is not None and queries > case.budget_queries:
            problems.append(f"{queries} queries > budget {case.budget_queries}")
        memory = None
        if case.budget_memory_mb is not None:
            memory = _peak_memory_mb(case)
            if memory > case.budget_memory_mb:
                problems.append(f"{memory:.1f} MB > budget {case.budget_memory_mb:g} MB")
        results[case.name] = Result(
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
    return [results[case.name] for case in cases]


def report(results: list[Result]) -> str:
    header = f"{'case':<44} {'median ms':>10} {'ratio':>7} {'budget':>7} {'queries':>8}"
    lines = [f"{header} {'budget':>7}  ok"]
    for result in results:
        ratio = f"{result.ratio:.2f}" if result.ratio is not None else "-"
        budget_ratio = f"{result.budget_ratio:g}" if result.budget_ratio is not None else "-"
        budget_queries = str(result.budget_queries) if result.budget_queries is not None else "-"
        lines.append(
            f"{result.case:<44} {result.median_seconds * 1000:>10.2f} {ratio:>7} "
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
