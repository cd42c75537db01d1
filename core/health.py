"""What the deeper health check asks of each part of the service (``/health/deep/``).

``/health/`` stays cheap (one ``SELECT 1``) for the load balancer's frequent polls; the deep
check is for monitoring every minute or so: the database, the shared cache (a write and a read
back), the private file storage (a write, a read back and a delete) and the task worker (no
task left waiting longer than ``SANCTUARY_WORKER_LAG_SECONDS``: a stopped worker shows as work
piling up). Each answers "ok" or a short reason; nothing personal is read or shown.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from core.storage import private_storage

logger = logging.getLogger(__name__)
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    found = cache.get(key)
    cache.delete(key)
    return "ok" if found == value else "does not keep what is written"


def _storage() -> str:
    storage = private_storage()
    name = storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with storage.open(name, "rb") as handle:
            found = handle.read()
    finally:
        storage.delete(name)
    return "ok" if found == b"ok" else "does not keep what is written"


def _worker() -> str:
    if settings.TASKS["default"]["BACKEND"] != DATABASE_BACKEND:
        return "ok"  # tasks run at once, in the web process (development)
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - only with that backend

    lag = datetime.timedelta(seconds=settings.SANCTUARY_WORKER_LAG_SECONDS)
    waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=timezone.now() - lag)
    return "stalled: tasks are waiting" if waiting.exists() else "ok"


CHECKS = {"database": _database, "cache": _cache, "storage": _storage, "worker": _worker}


def deep_health() -> tuple[bool, dict[str, str]]:
    """(all ok, each part's answer)."""
    answers = {}
    for name, check in CHECKS.items():
        try:
            answers[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            logger.exception("Health check: %s failed", name)
            answers[name] = f"error: {error.__class__.__name__}"
    return all(answer == "ok" for answer in answers.values()), answers
