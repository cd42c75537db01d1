from django.apps import AppConfig

# Registers the deployment checks (they import no models, so this is safe at load time).
from core import checks  # noqa: F401


class CoreConfig(AppConfig):
    """The shared kernel: tasks, rendering (PDF, XLSX, charts), upload checks, scanning,
    dates, HTTP helpers, the page cache and site-wide views. Imports no other app."""

    name = "core"
