"""Production settings fail loudly (production issue): each check is an Error with a plain
message, and `make check-deploy` (production settings as the README's deploy sets them)
passes them all."""

import pytest

from core import checks
from tests.cms.test_settings import run_manage

STRONG_KEY = "k7P2-vQ9xL_4mZ8bN1cR6tY3wE0aS5dF-hJ2gK9lU7iO4pA1sD8fG3hJ6kL0zX5c"


def _ids(messages):
    return [message.id for message in messages]


@pytest.mark.parametrize(
    "scanner", ["core.scanning.accept_everything", "core.scanning.test_scanner"]
)
def test_no_virus_scanner_is_an_error(settings, scanner):
    settings.SANCTUARY_VIRUS_SCANNER = scanner
    assert _ids(checks.check_virus_scanner()) == ["sanctuary.E001"]


def test_clamd_passes(settings):
    settings.SANCTUARY_VIRUS_SCANNER = "core.scanning.clamd"
    assert checks.check_virus_scanner() == []


@pytest.mark.parametrize(
    "key",
    [
        "short",
        "a" * 60,  # long enough, but one character (Django only warns about this)
        "ab" * 40,
        "django-insecure-" + "x1y2z3w4v5u6t7s8r9q0p1o2n3m4l5k6j7i8h9g0f1e2d3c4b5a6",
        "dev-only-insecure-key-do-not-use-in-production",
    ],
)
def test_a_weak_secret_key_is_an_error(settings, key):
    settings.SECRET_KEY = key
    assert _ids(checks.check_secret_key()) == ["sanctuary.E002"]


def test_a_random_secret_key_passes(settings):
    settings.SECRET_KEY = STRONG_KEY
    assert checks.check_secret_key() == []


def test_a_cache_each_process_keeps_to_itself_is_an_error(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "x"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    messages = checks.check_shared_cache()
    assert _ids(messages) == ["sanctuary.E003"]
    assert "pages" in messages[0].msg and "REDIS_URL" in messages[0].hint


def test_a_shared_cache_passes(settings):
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "x"}
    settings.CACHES = {"default": redis, "pages": redis}
    assert checks.check_shared_cache() == []


def test_pdf_rendering_passes_here():
    assert checks.check_pdf_rendering() == []


def test_missing_pango_is_an_error(monkeypatch):
    import weasyprint  # noqa: PLC0415 - replaced below

    def no_pango(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(weasyprint, "HTML", no_pango)
    messages = checks.check_pdf_rendering()
    assert _ids(messages) == ["sanctuary.E004"]
    assert "pango" in messages[0].hint


def test_no_fonts_is_an_error(monkeypatch):
    import weasyprint  # noqa: PLC0415 - replaced below

    class Fontless:
        def __init__(self, **kwargs):
            pass

        def write_pdf(self, **kwargs):
            return b"%PDF-1.7\n1 0 obj<</Type/Page>>endobj\n%%EOF"

    monkeypatch.setattr(weasyprint, "HTML", Fontless)
    assert _ids(checks.check_pdf_rendering()) == ["sanctuary.E005"]


def _check_deploy(**environment):
    # A process of its own: the production settings as the environment gives them.
    return run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="awards.example.org",
        **environment,
    )


def test_production_settings_without_scanner_or_shared_cache_refuse_to_pass():
    result = _check_deploy()
    assert result.returncode != 0
    assert "sanctuary.E001" in result.stderr
    assert "sanctuary.E003" in result.stderr


def test_production_settings_as_deployed_pass():
    result = _check_deploy(
        SANCTUARY_VIRUS_SCANNER="core.scanning.clamd",
        CLAMD_ADDRESS="tcp://clamav.internal:3310",
        REDIS_URL="redis://redis.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
