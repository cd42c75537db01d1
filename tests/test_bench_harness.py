"""The bench harness's arithmetic, judged with a counting clock: each case "takes" a fixed
number of ticks, so the results are the same on an idle or a loaded machine. (Timing real
work belongs in `make bench`, never in the test suite.)"""

import gc
import json
import zlib

import pytest
from django.http import HttpResponse, JsonResponse

from bench.__main__ import finish
from bench.checks import page, pdf, pdf_pages
from bench.harness import FAST_BLOCK, Case, run_cases, write_json


class TickClock:
    """A clock that moves only when a case says it did some work."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def work(self, seconds: float):
        def run():
            self.now += seconds

        return run


def test_ratio_and_budgets_are_judged_against_reference_in_same_run(tmp_path, db):
    clock = TickClock()
    cases = [
        Case("reference", clock.work(0.001), reference=None, repeat=5, warmup=1),
        Case("fast enough", clock.work(0.002), reference="reference", budget_ratio=3, repeat=5),
        Case("too slow", clock.work(0.006), reference="reference", budget_ratio=2, repeat=5),
        Case("too many queries", clock.work(0), reference=None, budget_queries=-1, repeat=2),
    ]

    results = {result.case: result for result in run_cases(cases, clock=clock)}

    assert results["fast enough"].ok is True
    assert round(results["fast enough"].ratio, 6) == 2.0
    assert results["too slow"].ok is False
    assert round(results["too slow"].ratio, 6) == 6.0
    assert results["too slow"].problems == ["ratio 6.00 > budget 2"]
    assert results["too many queries"].ok is False
    assert results["reference"].ratio is None

    output = tmp_path / "bench.json"
    write_json(list(results.values()), str(output))
    rows = json.loads(output.read_text())
    assert set(rows[0]) == {
        "case",
        "median_seconds",
        "reference",
        "ratio",
        "queries",
        "budget_ratio",
        "budget_queries",
        "ok",
    }


def test_paired_cases_alternate_with_their_reference(db):
    clock = TickClock()
    calls = []

    def runner(name, seconds):
        work = clock.work(seconds)

        def run():
            calls.append(name)
            work()

        return run

    # Both slower than FAST_SECONDS: one run each per round.
    cases = [
        Case("base", runner("base", 0.02), reference=None, repeat=3, warmup=0),
        Case(
            "double",
            runner("double", 0.04),
            reference="base",
            budget_ratio=1.5,
            repeat=4,
            warmup=1,
            paired=True,
        ),
    ]

    results = {result.case: result for result in run_cases(cases, clock=clock)}

    # After the base case's three runs and its query-count run: the warm-up pair, then four
    # alternating rounds.
    paired = calls[4:]
    assert paired[:10] == ["base", "double"] * 5
    assert round(results["double"].ratio, 6) == 2.0
    assert results["double"].ok is False


def _response(html: str, status: int = 200, **headers) -> HttpResponse:
    return HttpResponse(html, status=status, headers=headers)


EMPTY_REGISTER = (
    "<h1>Register of Sanctuary Award holders</h1><h2>0 award holders</h2><table><tbody>"
    '<tr><td colspan="4">No award holders match these filters.</td></tr></tbody></table>'
)


def test_a_case_whose_check_fails_fails_the_bench_and_is_not_timed(tmp_path, db, capsys):
    clock = TickClock()
    calls = []

    def empty_register():
        calls.append("register")
        clock.work(0.001)()
        return _response(EMPTY_REGISTER)

    cases = [
        Case("hello", clock.work(0.001), reference=None, repeat=3, warmup=0),
        Case(
            "public register, 10 awards",
            empty_register,
            reference="hello",
            budget_ratio=150,
            budget_queries=10,
            repeat=5,
            warmup=2,
            check=page(h1="Register", texts=["10 award holders"], rows=10),
        ),
    ]

    results = {result.case: result for result in run_cases(cases, clock=clock)}

    failed = results["public register, 10 awards"]
    assert failed.ok is False
    assert failed.problems == ["check failed: the page does not show ['10 award holders']"]
    # Checked once after its warm-up, then never timed: its timings would describe the wrong work.
    assert calls == ["register"] * 3
    assert failed.median_seconds is None and failed.ratio is None
    assert "public register, 10 awards: check failed" in capsys.readouterr().err

    status = finish(list(results.values()), str(tmp_path / "bench.json"))

    assert status == 1
    output = capsys.readouterr()
    assert "NO: check failed: the page does not show" in output.out
    assert "failed its check: public register, 10 awards" in output.err
    assert json.loads((tmp_path / "bench.json").read_text())[1]["median_seconds"] is None


def test_the_same_bench_passes_when_the_check_holds(tmp_path, db):
    clock = TickClock()
    rows = "".join(f"<tr><td>B10 school {n:05d}</td></tr>" for n in range(10))
    register = f"<h1>Register</h1><h2>10 award holders</h2><table><tbody>{rows}</tbody></table>"

    def full_register():
        clock.work(0.002)()
        return _response(register)

    cases = [
        Case("hello", clock.work(0.001), reference=None, repeat=3, warmup=0),
        Case(
            "public register, 10 awards",
            full_register,
            reference="hello",
            budget_ratio=150,
            repeat=5,
            check=page(h1="Register", texts=["10 award holders", "B10 school 00000"], rows=10),
        ),
    ]

    results = run_cases(cases, clock=clock)

    assert [result.ok for result in results] == [True, True]
    assert round(results[1].ratio, 6) == 2.0
    assert finish(results, str(tmp_path / "bench.json")) == 0


def test_a_check_returning_false_and_a_failed_reference_fail_the_cases(db, capsys):
    clock = TickClock()
    cases = [
        Case("reference", clock.work(0.001), reference=None, repeat=2, check=lambda _: False),
        Case("dependent", clock.work(0.002), reference="reference", budget_ratio=5, repeat=2),
    ]

    reference, dependent = run_cases(cases, clock=clock)

    assert reference.problems == ["check failed: the check returned False"]
    assert dependent.ok is False
    assert dependent.problems == ["its reference 'reference' failed its check"]


def test_many_cases_share_one_reference_each_paired_round_by_round(db):
    clock = TickClock()
    calls = []

    def runner(name, seconds):
        work = clock.work(seconds)

        def run():
            calls.append(name)
            work()

        return run

    cases = [
        Case("hello", runner("hello", 0.001), reference=None, repeat=4, warmup=0),
        *(
            Case(f"page {n}", runner(f"page {n}", 0.001 * n), budget_ratio=2.5, repeat=3, warmup=1)
            for n in (2, 3, 4)
        ),
    ]
    for case in cases[1:]:
        case.reference = "hello"

    results = {result.case: result for result in run_cases(cases, clock=clock)}

    assert [round(results[f"page {n}"].ratio, 6) for n in (2, 3, 4)] == [2.0, 3.0, 4.0]
    assert [results[f"page {n}"].ok for n in (2, 3, 4)] == [True, False, False]
    # hello alone (4 timed and 1 counted); then each page: its warm-up pair, 3 rounds and its
    # query-count run. Both are faster than FAST_SECONDS, so in each round each gets an
    # untimed run first (to warm what the other left cold), then is timed in a block.
    block = ["hello"] * (1 + FAST_BLOCK) + ["page {n}"] * (1 + FAST_BLOCK)
    per_page = ["hello", "page {n}"] + block * 3 + ["page {n}"]
    expected = ["hello"] * 5 + [name.format(n=n) for n in (2, 3, 4) for name in per_page]
    assert calls == expected
    assert gc.get_freeze_count() == 0  # run_cases leaves the collector as it found it


def test_page_checks_status_cache_and_json():
    with pytest.raises(AssertionError, match=r"status 302, expected 200 \(to /accounts/login/\)"):
        page()(_response("", status=302, Location="/accounts/login/"))
    with pytest.raises(AssertionError, match="rendered afresh, expected a page-cache hit"):
        page(cached=True)(_response("<h1>Home</h1>"))
    with pytest.raises(AssertionError, match="served from the page cache"):
        page(cached=False)(_response("<h1>Home</h1>", **{"X-Page-Cache": "hit"}))
    with pytest.raises(AssertionError, match="2 elements match 'li.sa-criterion', expected 3"):
        page(selectors={"li.sa-criterion": 3})(_response('<li class="sa-criterion"></li>' * 2))
    with pytest.raises(AssertionError, match="JSON"):
        page(json={"status": "ok"})(JsonResponse({"status": "error"}))
    page(h1="Home", cached=True)(_response("<h1>Home</h1>", **{"X-Page-Cache": "hit"}))
    page(json={"status": "ok"})(JsonResponse({"status": "ok", "database": "ok"}))


def test_pdf_pages_reads_the_page_tree_in_compressed_object_streams():
    tree = zlib.compress(b"<</Type /Pages/Kids [6 0 R 7 0 R 8 0 R]/Count 3>>")
    document = b"%PDF-1.7\n1 0 obj\n<</Filter /FlateDecode>>\nstream\n" + tree + b"\nendstream\n"

    assert pdf_pages(document) == 3
    pdf(pages=(3, 3))(document)
    with pytest.raises(AssertionError, match="3 pages, expected 40 to 44"):
        pdf(pages=(40, 44))(document)
    with pytest.raises(AssertionError, match="expected a PDF"):
        pdf()(b"<html>")


def test_query_mode_checks_and_counts_but_never_times(db, capsys):
    """`make bench-queries` (CI): every case is checked and its queries counted against its
    budget; nothing is timed and no ratio is judged, so a busy machine cannot fail it."""
    clock = TickClock()
    calls = []

    def counted(name, seconds):
        def run():
            calls.append(name)
            clock.work(seconds)()
            return _response(EMPTY_REGISTER)

        return run

    cases = [
        Case("hello", counted("hello", 0.001), reference=None, repeat=50, warmup=3),
        Case(
            "slow but within its queries",
            counted("slow", 1.0),
            reference="hello",
            budget_ratio=2,
            budget_queries=0,
            repeat=50,
            warmup=3,
        ),
        Case("over its queries", counted("over", 0), reference="hello", budget_queries=-1),
        Case(
            "fails its check",
            counted("check", 0),
            reference="hello",
            check=page(texts=["10 award holders"]),
        ),
    ]

    results = {result.case: result for result in run_cases(cases, clock=clock, timed=False)}

    assert results["slow but within its queries"].ok is True
    assert results["slow but within its queries"].ratio is None
    assert results["slow but within its queries"].median_seconds is None
    assert results["over its queries"].problems == ["0 queries > budget -1"]
    assert results["fails its check"].ok is False
    # One warm-up run and one counted run each (the check's run is the counted one).
    assert calls.count("slow") == 2 and calls.count("hello") == 2
    assert calls.count("check") == 2
    assert "fails its check: check failed" in capsys.readouterr().err
