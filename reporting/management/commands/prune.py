"""Retention and stuck work: ``manage.py prune [--now ISO-DATETIME] [--task-result-days N]``.

Run it from cron or a systemd timer, every few minutes to an hour (stuck exports are noticed
no sooner than it runs). In order, one line each with a count:

1. exports being prepared longer than ``SANCTUARY_EXPORT_STUCK_MINUTES`` are marked failed
   and their requesters emailed once (`reporting.exports.retention.mark_stuck_exports`);
2. export files older than ``SANCTUARY_EXPORT_RETENTION_DAYS`` are deleted and the exports
   marked expired (`prune_exports`);
3. expired sessions are deleted (Django's ``clearsessions``, which reads the clock itself);
4. finished results of every ``django_tasks_db`` backend older than ``--task-result-days``
   are deleted, as the package's ``prune_db_task_results`` does, but from ``--now`` and
   counted per backend (the email tasks' results hold addresses and message bodies).

A second run finds nothing more to do.
"""

import datetime
from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from reporting.exports.retention import mark_stuck_exports, prune_exports

# The default of django_tasks_db's prune_db_task_results.
TASK_RESULT_DAYS_DEFAULT = 14


def _moment(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"--now must be a date and time like 2026-11-22T03:00, not {value!r}"
        ) from error
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Stop stuck exports, delete old export files, clear expired sessions and delete old "
        "task results."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", type=_moment, help="The moment to run as, ISO 8601 (default: now)"
        )
        parser.add_argument(
            "--task-result-days",
            type=int,
            default=TASK_RESULT_DAYS_DEFAULT,
            help="Delete finished task results older than this (default: %(default)s)",
        )

    def handle(self, *args, now=None, task_result_days=TASK_RESULT_DAYS_DEFAULT, **options):
        if task_result_days < 0:
            raise CommandError("--task-result-days must be 0 or more")
        now = now or timezone.now()
        self.stdout.write(f"Stuck exports marked failed: {mark_stuck_exports(now=now)}")
        self.stdout.write(f"Expired export files deleted: {prune_exports(now=now)}")
        self.stdout.write(self._clear_sessions())
        for line in self._prune_task_results(now - datetime.timedelta(days=task_result_days)):
            self.stdout.write(line)

    def _clear_sessions(self) -> str:
        store = import_module(settings.SESSION_ENGINE).SessionStore
        model = store.get_model_class() if hasattr(store, "get_model_class") else None
        expired = model.objects.filter(expire_date__lt=timezone.now()).count() if model else None
        call_command("clearsessions")
        if expired is None:
            return "Expired sessions cleared"
        return f"Expired sessions cleared: {expired}"

    def _prune_task_results(self, cutoff: datetime.datetime) -> list[str]:
        aliases = [
            alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)
        ]
        if not aliases:
            return ["Finished task results: no database task backend configured"]
        lines = []
        for alias in aliases:
            deleted, _by_model = (
                DBTaskResult.objects.finished()
                .filter(backend_name=alias, finished_at__lte=cutoff)
                .delete()
            )
            lines.append(f"Finished task results deleted: {deleted} (backend {alias!r})")
        return lines
