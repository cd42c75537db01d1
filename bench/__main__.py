"""`make bench`: seed a throw-away database, time every case, print and save the results.

Environment: BENCH_SCALE (default 1) sizes the seeded data; BENCH_JSON (default
bench-results.json) is where the results go. Exits 1 when any case misses its budget.
"""

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from bench.cases import CASE_FACTORIES
    from bench.harness import report, run_cases, write_json

    scale = int(os.environ.get("BENCH_SCALE", "1"))
    output = os.environ.get("BENCH_JSON", "bench-results.json")
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
            results = run_cases(cases)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(report(results))
    write_json(results, output)
    print(f"\nResults written to {output}")
    failed = [result.case for result in results if not result.ok]
    if failed:
        print(f"Over budget: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
