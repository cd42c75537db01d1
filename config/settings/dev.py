"""Local development and the `make run` demo: SQLite, console email, tasks run at once."""

from .base import *  # noqa: F403
from .base import ENV_SECRET_KEY, env_bool

DEBUG = True
SECRET_KEY = ENV_SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# DEMO ONLY: the demo accounts in the README skip two-factor set-up so that every role can be
# tried in a minute. The banner on every page says so. Production always enforces it.
SANCTUARY_REQUIRE_MFA = env_bool("SANCTUARY_REQUIRE_MFA", False)
SANCTUARY_DEMO_MODE = True

# Serve static files straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
