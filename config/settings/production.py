"""Production: PostgreSQL, WhiteNoise with a manifest, SMTP, a database-backed task worker.

Refuses to start without a secret key or allowed hosts.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ENV_ALLOWED_HOSTS,
    ENV_BEHIND_TLS_PROXY,
    ENV_SECRET_KEY,
    ENV_SECURE_SSL_REDIRECT,
    ENV_SENTRY_DSN,
    MAILERS_PRODUCTION,
    TASKS_DATABASE,
)

if not ENV_SECRET_KEY or len(ENV_SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50 or more characters.")
if not ENV_ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names this site is served on.")

DEBUG = False
SECRET_KEY = ENV_SECRET_KEY
ALLOWED_HOSTS = ENV_ALLOWED_HOSTS

SECURE_SSL_REDIRECT = ENV_SECURE_SSL_REDIRECT
if ENV_BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

MAILERS = MAILERS_PRODUCTION
TASKS = TASKS_DATABASE

# Staff, coordinators and panel members always need two-factor authentication in production.
SANCTUARY_REQUIRE_MFA = True
SANCTUARY_DEMO_MODE = False

if ENV_SENTRY_DSN:
    import sentry_sdk  # noqa: PLC0415 - only when errors are reported to Sentry

    # Errors and their stack traces, without personal data: no request bodies, cookies or
    # user details are sent (send_default_pii off), and no performance tracing.
    sentry_sdk.init(
        dsn=ENV_SENTRY_DSN,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0.0,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
    )
