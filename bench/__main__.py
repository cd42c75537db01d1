"""`make bench`: seed a throw-away database, time every case, print and save the results.

Runs on the database DATABASE_URL names (PostgreSQL), or on SQLite without it; the seeded
database is a throw-away test database beside it (``test_<name>``: not while the test suite
runs on the same server).

Environment: BENCH_SCALE (default 1) sizes the seeded data; BENCH_MODE ``timed`` (default)
times every case against its reference, ``queries`` only checks each case and judges its
query and memory budgets (what CI runs: times are never asserted there); BENCH_JSON (default
bench-results-<database>.json) is where the results go. Exits 1 when any case misses its
budget or fails its check (bench/checks.py).
"""

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django  # noqa: PLC0415 - after the settings

    django.setup()
    from django.conf import settings  # noqa: PLC0415 - after the settings
    from django.db import connection  # noqa: PLC0415 - after the settings
    from django.test import Client  # noqa: PLC0415 - after the settings
    from django.test.utils import override_settings  # noqa: PLC0415 - after the settings

    from bench.cases import CASE_FACTORIES  # noqa: PLC0415 - after the settings
    from bench.harness import run_cases  # noqa: PLC0415 - after the settings

    scale = int(os.environ.get("BENCH_SCALE", "1"))
    mode = os.environ.get("BENCH_MODE", "timed")
    if mode not in ("timed", "queries"):
        print(f"BENCH_MODE must be timed or queries, not {mode!r}", file=sys.stderr)
        return 2
    output = os.environ.get("BENCH_JSON", f"bench-results-{connection.vendor}.json")
    print(f"bench: {mode}, on {connection.vendor}, scale {scale}", flush=True)
    # No setup_test_environment(): its template instrumentation would distort the timings.
    old_name = settings.DATABASES["default"]["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        # The page cache as production has it (tests swap it for a dummy).
        caches_setting = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "pages": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "bench-pages",
            },
        }
        with override_settings(ROOT_URLCONF="bench.urls", DEBUG=False, CACHES=caches_setting):
            client = Client()
            cases = []
            for factory in CASE_FACTORIES:
                cases.extend(factory(client, scale))
            if connection.vendor == "postgresql":
                # What autovacuum does on a live database: planner statistics for what was
                # just seeded (without them PostgreSQL plans for empty tables), and GIN
                # indexes' pending entries merged (until then a trigram search scans).
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            results = run_cases(cases, timed=mode == "timed")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return finish(results, output)


def finish(results, output: str) -> int:
    """Print and save the results; the exit status: 1 when a case missed its budget or
    failed its check."""
    from bench.harness import report, write_json  # noqa: PLC0415 - after the settings

    print(report(results))
    write_json(results, output)
    print(f"\nResults written to {output}")
    failed = [result.case for result in results if not result.ok]
    if failed:
        print(f"Over budget or failed its check: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
