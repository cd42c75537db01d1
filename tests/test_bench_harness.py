import json
import time

from bench.harness import Case, run_cases, write_json


def _sleep(seconds):
    return lambda: time.sleep(seconds)


def test_ratio_and_budgets_are_judged_against_reference_in_same_run(tmp_path, db):
    cases = [
        Case("reference", _sleep(0.001), reference=None, repeat=5, warmup=1),
        Case("fast enough", _sleep(0.001), reference="reference", budget_ratio=3, repeat=5),
        Case("too slow", _sleep(0.006), reference="reference", budget_ratio=2, repeat=5),
        Case("too many queries", _sleep(0), reference=None, budget_queries=-1, repeat=2),
    ]

    results = {result.case: result for result in run_cases(cases)}

    assert results["fast enough"].ok is True
    assert results["too slow"].ok is False
    assert results["too slow"].ratio > 2
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
    calls = []

    def runner(name, seconds):
        def run():
            calls.append(name)
            time.sleep(seconds)

        return run

    cases = [
        Case("base", runner("base", 0.002), reference=None, repeat=3, warmup=0),
        Case(
            "double",
            runner("double", 0.004),
            reference="base",
            budget_ratio=1.5,
            repeat=4,
            warmup=1,
            paired=True,
        ),
    ]

    results = {result.case: result for result in run_cases(cases)}

    # After the base case's three runs and its query-count run: the warm-up pair, then four
    # alternating rounds.
    paired = calls[4:]
    assert paired[:10] == ["base", "double"] * 5
    assert results["double"].ratio > 1.5
    assert results["double"].ok is False
