"""Operations: JSON log lines on request, Sentry only when configured, WeasyPrint quiet at
INFO (production issue)."""

import json
import logging
import sys

from core.logs import JsonFormatter
from tests.cms.test_settings import SECRET, run_manage


def test_json_log_lines_keep_the_message_extras_and_the_exception():
    formatter = JsonFormatter()
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.getLogger("sanctuary").makeRecord(
            "sanctuary",
            logging.ERROR,
            __file__,
            1,
            "Export %s failed",
            (42,),
            exc_info=sys.exc_info(),
            extra={"export_id": 42},
        )
    line = json.loads(formatter.format(record))

    assert line["level"] == "ERROR"
    assert line["logger"] == "sanctuary"
    assert line["message"] == "Export 42 failed"
    assert line["export_id"] == 42
    assert "ValueError: broken" in line["exception"]


def _production(code: str, **env):
    return run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="awards.example.org",
        **env,
    )


def test_log_format_json_is_chosen_by_the_environment():
    code = (
        "import logging; "
        "print(type(logging.getLogger().handlers[0].formatter).__name__); "
        "print(logging.getLogger('weasyprint').getEffectiveLevel())"
    )
    plain = _production(code)
    as_json = _production(code, LOG_FORMAT="json")

    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.split() == ["Formatter", str(logging.WARNING)]
    assert as_json.stdout.split() == ["JsonFormatter", str(logging.WARNING)]


def test_sentry_reports_only_when_a_dsn_is_set():
    code = (
        "import sentry_sdk; c = sentry_sdk.get_client(); "
        "print(c.is_active(), c.options['send_default_pii'])"
    )
    without = _production(code)
    with_dsn = _production(code, SENTRY_DSN="https://public@sentry.example.org/1")

    assert without.returncode == 0, without.stderr
    assert without.stdout.split()[0] == "False"
    assert with_dsn.returncode == 0, with_dsn.stderr
    assert with_dsn.stdout.split() == ["True", "False"]
