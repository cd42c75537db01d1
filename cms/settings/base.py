"""Settings shared by every environment.

This is the one module that reads the environment: dev, production and test
settings only choose between the values read here, never call ``os.environ``.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

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
ENV_REDIS_URL = os.environ.get("REDIS_URL", "")

# --- Django ---------------------------------------------------------------------------------

SECRET_KEY = ENV_SECRET_KEY
DEBUG = False
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = ENV_CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "accounts",
    "cms",
    "criteria",
    "awards",
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
    "cms.middleware.AdminContentSecurityPolicyMiddleware",
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
    "cms.page_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

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
                "cms.context_processors.site",
            ],
        },
    },
]

FORM_RENDERER = "cms.forms.SiteFormRenderer"

_default_database_url = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        ENV_DATABASE_URL or _default_database_url, conn_max_age=ENV_CONN_MAX_AGE
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
# Anonymous visitors' public pages (cms/page_cache.py).
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
LOCALE_PATHS = [BASE_DIR / "locale"]
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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

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
    "img-src": [CSP.SELF, "data:"],
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
    "img-src": [CSP.SELF, "data:", "blob:"],
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
# Exports with more rows than this are prepared in the background and emailed when ready.
EXPORT_INLINE_MAX_ROWS = int(os.environ.get("EXPORT_INLINE_MAX_ROWS", "2000"))

# --- Accounts (django-allauth) --------------------------------------------------------------

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "awards:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
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
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

# --- Logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": ENV_LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# --- Evidence uploads -----------------------------------------------------------------------

SANCTUARY_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
SANCTUARY_EVIDENCE_QUOTA_BYTES = (
    int(os.environ.get("SANCTUARY_EVIDENCE_QUOTA_MB", "500")) * 1024 * 1024
)
SANCTUARY_VIRUS_SCANNER = os.environ.get(
    "SANCTUARY_VIRUS_SCANNER", "awards.scanning.accept_everything"
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
