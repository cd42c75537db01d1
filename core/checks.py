"""Deployment checks that fail loudly (``manage.py check --deploy``; production issue).

Each is an Error, not a warning, with a plain message saying what to set: a production site
without a virus scanner, with a weak secret key, with a cache that each process keeps to
itself, or without the libraries and fonts that PDFs need must not start quietly.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

from core.scanning import DEVELOPMENT_SCANNER

TEST_SCANNER = "core.scanning.test_scanner"
# Caches that each process keeps to itself: limits and the page cache's clear would not be
# shared between app nodes.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
KNOWN_SECRET_KEYS = (
    "dev-only-insecure-key-do-not-use-in-production",
    "test-only-secret-key-not-for-production-0123456789abcdef",
)
MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_CHARACTERS = 20


@register(Tags.security, deploy=True)
def check_virus_scanner(app_configs=None, **kwargs):
    if settings.SANCTUARY_VIRUS_SCANNER in (DEVELOPMENT_SCANNER, TEST_SCANNER):
        return [
            Error(
                "No virus scanner is configured: uploaded files would be passed unchecked.",
                hint=(
                    "Set SANCTUARY_VIRUS_SCANNER=core.scanning.clamd and CLAMD_ADDRESS "
                    "(tcp://host:3310 or unix:///run/clamav/clamd.ctl)."
                ),
                id="sanctuary.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs):
    key = settings.SECRET_KEY or ""
    weak = (
        len(key) < MIN_SECRET_KEY_LENGTH
        or len(set(key)) < MIN_SECRET_KEY_CHARACTERS
        or key.startswith("django-insecure-")
        or key in KNOWN_SECRET_KEYS
    )
    if weak:
        return [
            Error(
                "SECRET_KEY is weak: sessions, password resets and signed links could be forged.",
                hint=(
                    f"Set SECRET_KEY to a random value of at least {MIN_SECRET_KEY_LENGTH} "
                    "characters, for example the output of "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
                ),
                id="sanctuary.E002",
            )
        ]
    return []


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    local = [
        alias
        for alias, config in settings.CACHES.items()
        if config.get("BACKEND") in PROCESS_LOCAL_CACHES
    ]
    if local:
        return [
            Error(
                f"The cache ({', '.join(local)}) is kept by each process on its own: sign-in "
                "and verification limits and the public page cache would not be shared "
                "between app servers.",
                hint="Set REDIS_URL (for example redis://redis.internal:6379/0).",
                id="sanctuary.E003",
            )
        ]
    return []


@register(deploy=True)
def check_pdf_rendering(app_configs=None, **kwargs):
    """Certificates, letters and packs need WeasyPrint's native libraries (pango) and at
    least one font: without pango a certificate is a server error, without fonts a blank
    page. Renders a line of text and looks for an embedded font."""
    try:
        from weasyprint import HTML  # noqa: PLC0415 - importing it is what we check

        pdf = HTML(string="<p>Sanctuary Award</p>").write_pdf(uncompressed_pdf=True)
    except (ImportError, OSError) as error:
        return [
            Error(
                f"PDFs cannot be made: WeasyPrint's libraries are missing ({error}).",
                hint="Install pango (Debian: libpango-1.0-0 libpangoft2-1.0-0).",
                id="sanctuary.E004",
            )
        ]
    if b"/FontFile" not in pdf:
        return [
            Error(
                "PDFs would be blank: no font is installed for WeasyPrint.",
                hint="Install a font package (Debian: fonts-dejavu-core).",
                id="sanctuary.E005",
            )
        ]
    return []
