"""Run the award lifecycle for a day: ``manage.py process_awards [--today YYYY-MM-DD]``.

Production runs it once a day (cron or a systemd timer), or enqueues
``awards.lifecycle.process_awards_task`` for the database worker with ``--enqueue``.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from awards.lifecycle import LifecycleError, process_awards, process_awards_task


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2026-11-22, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Move awards to renewal due, send renewal reminders, lapse expired awards "
        "and flag overdue conditions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_day, help="The day to run for (default: today)")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the job for the background worker"
        )

    def handle(self, *args, today=None, enqueue=False, **options):
        today = today or timezone.localdate()
        if enqueue:
            result = process_awards_task.enqueue(day=today.isoformat())
            self.stdout.write(f"Queued the lifecycle job for {today} ({result.id}).")
            return
        try:
            summary = process_awards(today=today)
        except LifecycleError as error:
            raise CommandError(str(error)) from error
        prefix = "Ran again (nothing new is sent twice) " if summary.already_ran else "Ran "
        self.stdout.write(
            f"{prefix}for {summary.day}: {summary.renewal_due} renewal due, "
            f"{summary.reminders} reminders sent, {summary.lapsed} lapsed, "
            f"{summary.conditions_flagged} overdue conditions flagged."
        )
