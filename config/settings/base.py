"""Settings shared by every environment.

This is the one module that reads the environment: dev, production and test
settings only choose between the values read here, never call ``os.environ``.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .storage import public_media_origins, storages_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("SANCTUARY_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Values read from the environment -------------------------------------------------------

ENV_SECRET_KEY = os.environ.get("SECRET_KEY", "")
ENV_ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
ENV_CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
ENV_DATABASE_URL = os.environ.get("DATABASE_URL", "")
ENV_CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "0"))
ENV_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
ENV_EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
ENV_EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
ENV_EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
ENV_EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
ENV_EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
ENV_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "")
ENV_DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Sanctuary Award <awards@cityofsanctuary.example>"
)
ENV_MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "")
ENV_PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")
ENV_STATIC_ROOT = os.environ.get("STATIC_ROOT", "")
ENV_SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
ENV_BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
ENV_REQUIRE_MFA = env_bool("SANCTUARY_REQUIRE_MFA", True)
ENV_LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
# "plain" (default) or "json": one JSON object per line, for log collectors.
ENV_LOG_FORMAT = "json" if os.environ.get("LOG_FORMAT", "plain") == "json" else "plain"
ENV_SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
ENV_REDIS_URL = os.environ.get("REDIS_URL", "")
# How many proxies of ours (nginx, a load balancer) stand between visitors and the app.
ENV_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# --- Django ---------------------------------------------------------------------------------

SECRET_KEY = ENV_SECRET_KEY
DEBUG = False
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = ENV_CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "core",
    "accounts",
    "cms",
    "audit",
    "notifications",
    "criteria",
    "organisations",
    "awards",
    "panels",
    "reporting",
    "privacy",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "accounts.middleware.SlidingSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.page_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

FORM_RENDERER = "core.forms.SiteFormRenderer"

# The service navigation: each app's entries, gathered by core.wayfinding.
SANCTUARY_NAVIGATION = [
    "cms.navigation.entries",
    "awards.navigation.entries",
    "panels.navigation.entries",
    "accounts.navigation.entries",
    "privacy.navigation.entries",
]
# Where signing in lands each person: the first of these with work for them.
SANCTUARY_LANDINGS = [
    "awards.navigation.workspace_landing",
    "panels.navigation.landing",
    "awards.navigation.applicant_landing",
]

_default_database_url = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    # Persistent connections (CONN_MAX_AGE) are checked before reuse, so a database restart
    # or failover costs one reconnect, not an error page.
    "default": dj_database_url.parse(
        ENV_DATABASE_URL or _default_database_url,
        conn_max_age=ENV_CONN_MAX_AGE,
        conn_health_checks=ENV_CONN_MAX_AGE > 0,
    )
}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Wagtail's database search backend uses PostgreSQL's full-text search there.
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web process read while the other writes;
    # IMMEDIATE takes the write lock up front so concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

if ENV_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ENV_REDIS_URL,
            "KEY_PREFIX": "sa",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ENV_REDIS_URL,
            "KEY_PREFIX": "sa-pages",
        },
    }
else:
    # One process's memory: fine for `make run` and tests; production sets REDIS_URL.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# Every per-visitor limit (sign-in, verification) reads the visitor's address through
# core.http.client_ip, which honours this; allauth is told the same for its own use.
SANCTUARY_TRUSTED_PROXY_COUNT = ENV_TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_PROXY_COUNT = ENV_TRUSTED_PROXY_COUNT
# Anonymous visitors' public pages (core/page_cache.py).
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
# The project's catalogue first (makemessages writes only there; it wins on shared msgids).
# locale_vendor/ holds Welsh for third-party strings that makemessages would drop:
# django-allauth's pages (allauth ships no Welsh) and a few Django and Wagtail corrections.
# compilemessages compiles both; update locale_vendor by hand when allauth is upgraded.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(ENV_STATIC_ROOT) if ENV_STATIC_ROOT else BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Public media: images and documents published through the CMS.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(ENV_MEDIA_ROOT) if ENV_MEDIA_ROOT else VAR_DIR / "media"
# Private media: applicants' evidence. Never given a URL; served only by views that
# check permission.
PRIVATE_MEDIA_ROOT = (
    Path(ENV_PRIVATE_MEDIA_ROOT) if ENV_PRIVATE_MEDIA_ROOT else VAR_DIR / "private-media"
)

# Local folders unless buckets are named (config/settings/storage.py).
STORAGES = storages_from_environment(os.environ, private_media_root=PRIVATE_MEDIA_ROOT)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers -----------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *public_media_origins(os.environ)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin still relies on inline styles and scripts; it is reached only by signed-in
# staff with two-factor authentication, so it gets a looser policy of its own.
SECURE_CSP_ADMIN = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *public_media_origins(os.environ)],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_PATH_PREFIX = "/admin/"

# --- Email and background tasks -------------------------------------------------------------

DEFAULT_FROM_EMAIL = ENV_DEFAULT_FROM_EMAIL
SERVER_EMAIL = ENV_DEFAULT_FROM_EMAIL
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Production sends through SMTP, or through the backend named by EMAIL_BACKEND (a provider's).
MAILERS_PRODUCTION = {
    "default": {
        "BACKEND": ENV_EMAIL_BACKEND or "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": ENV_EMAIL_HOST,
            "port": ENV_EMAIL_PORT,
            "username": ENV_EMAIL_HOST_USER,
            "password": ENV_EMAIL_HOST_PASSWORD,
            "use_tls": ENV_EMAIL_USE_TLS,
            "timeout": 30,
        }
        if not ENV_EMAIL_BACKEND
        else {},
    }
}
EMAIL_SUBJECT_PREFIX = "[Sanctuary Award] "

TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
TASKS_DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The scheduler (manage.py scheduler, one process in production): each job a management
# command, daily at a local time or every so many minutes (core/scheduler.py).
SANCTUARY_SCHEDULE_TIMEZONE = "Europe/London"
SANCTUARY_SCHEDULE = [
    {
        "name": "Award lifecycle",
        "command": "process_awards",
        "at": os.environ.get("DAILY_JOB_TIME", "06:00"),
    },
    {
        "name": "Personal data retention",
        "command": "apply_retention",
        "at": "03:30",
    },
    {
        "name": "Retention and stuck exports",
        "command": "prune",
        "every_minutes": int(os.environ.get("PRUNE_EVERY_MINUTES", "30")),
    },
]
# /health/deep/ answers only monitors sending this in X-Health-Token (unset: nobody).
SANCTUARY_HEALTH_TOKEN = os.environ.get("HEALTH_TOKEN", "")
# /health/deep/ reports the worker stalled when a task has waited longer than this.
SANCTUARY_WORKER_LAG_SECONDS = int(os.environ.get("WORKER_LAG_SECONDS", "300"))
# Exports with more rows than this are prepared in the background and emailed when ready.
EXPORT_INLINE_MAX_ROWS = int(os.environ.get("EXPORT_INLINE_MAX_ROWS", "2000"))
# Background exports still being prepared after this many minutes are marked failed
# (manage.py prune).
SANCTUARY_EXPORT_STUCK_MINUTES = int(os.environ.get("SANCTUARY_EXPORT_STUCK_MINUTES", "30"))
# Export files hold personal data: deleted this many days after they were ready.
SANCTUARY_EXPORT_RETENTION_DAYS = int(os.environ.get("SANCTUARY_EXPORT_RETENTION_DAYS", "7"))
# The retention schedule for personal data, applied daily at 03:30 by
# ``manage.py apply_retention`` (privacy/retention.py; README "Personal data"). In days:
# - draft_untouched_days: a draft application nobody has changed for this long is deleted
#   with its answers (the organisation's evidence library stays);
# - unsuccessful_after_decision_days: a "not yet awarded" application this long after its
#   decision keeps its decision, agreed outcomes and panel judgements, but loses its answers,
#   its personal fields (signatory, safeguarding lead, narratives), its application pack and the
#   evidence only it used (files removed from storage);
# - awarded_evidence_after_award_end_days: evidence used only by awarded applications whose
#   award ended (or expired) this long ago, one renewal cycle, is removed (files and rows);
#   the application, decision and award stay, and so does the register;
# - assessor_after_last_panel_days: a lived-experience assessor's profile this long after their
#   last panel is deleted and the person pseudonymised ("Former assessor 17"), in the audit
#   trail too, unless their profile says they stay on.
# Export files are not here: SANCTUARY_EXPORT_RETENTION_DAYS above, applied by manage.py prune.
SANCTUARY_RETENTION = {
    "draft_untouched_days": 2 * 365,
    "unsuccessful_after_decision_days": 3 * 365,
    "awarded_evidence_after_award_end_days": 3 * 365,
    "assessor_after_last_panel_days": 365,
}

# --- Accounts (django-allauth) --------------------------------------------------------------

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "awards:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = EMAIL_SUBJECT_PREFIX
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Sanctuary Award"
# One 30-second step either side (RFC 6238 section 5.2): a code read off the phone just
# before it changed still works. Each code is still accepted once only.
MFA_TOTP_TOLERANCE = 1
# Staff, coordinators and panel members must set up TOTP before using the service.
SANCTUARY_REQUIRE_MFA = ENV_REQUIRE_MFA
SANCTUARY_DEMO_MODE = False

# Signed-in people are signed out after two hours without activity. Activity extends the
# session at most every SESSION_REFRESH_SECONDS (accounts.middleware), so that most requests
# write nothing; pages warn before the session ends (static/js/app.js).
SESSION_COOKIE_AGE = 60 * 60 * 2
SESSION_REFRESH_SECONDS = 5 * 60
SESSION_WARNING_SECONDS = 5 * 60

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Sanctuary Award"
# Who issues the award: named on certificates and at the head of feedback letters.
SANCTUARY_ISSUER = os.environ.get("SANCTUARY_ISSUER", "City of Sanctuary UK")
WAGTAILADMIN_BASE_URL = ENV_BASE_URL
# Our redirect view at this URL sends anonymous visitors to our login and refuses signed-in
# people who lack admin access (instead of bouncing between login and admin).
WAGTAILADMIN_LOGIN_URL = "admin_login_redirect"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No Gravatar: it would send a hash of every admin user's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "csv", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Document uploads get the same content checks as evidence (core.uploads) before they are stored.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.forms.CheckedDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": ENV_LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": ENV_LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO; its warnings still show.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Evidence uploads -----------------------------------------------------------------------

SANCTUARY_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
SANCTUARY_EVIDENCE_QUOTA_BYTES = (
    int(os.environ.get("SANCTUARY_EVIDENCE_QUOTA_MB", "500")) * 1024 * 1024
)
SANCTUARY_VIRUS_SCANNER = os.environ.get(
    "SANCTUARY_VIRUS_SCANNER", "core.scanning.accept_everything"
)
# ClamAV's daemon, for SANCTUARY_VIRUS_SCANNER = "core.scanning.clamd".
SANCTUARY_CLAMD_ADDRESS = os.environ.get("CLAMD_ADDRESS", "unix:///run/clamav/clamd.ctl")
SANCTUARY_CLAMD_TIMEOUT_SECONDS = int(os.environ.get("CLAMD_TIMEOUT_SECONDS", "60"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
