"""Apply the personal-data retention schedule: ``manage.py apply_retention [--dry-run]
[--now ISO-DATETIME]``. Run daily by the scheduler (03:30). Prints one line per rule with how
many objects would go (``--dry-run``) or went; privacy/retention.py holds the rules."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from privacy.retention import RULE_LABELS, retention_apply


class Command(BaseCommand):
    help = "Apply the personal-data retention schedule (SANCTUARY_RETENTION)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would go.")
        parser.add_argument("--now", help="Apply as at this moment (ISO date and time).")

    def handle(self, *args, dry_run: bool = False, now: str | None = None, **options):
        moment = timezone.now()
        if now:
            try:
                moment = datetime.datetime.fromisoformat(now)
            except ValueError as error:
                raise CommandError(f"--now must be a date and time, not {now!r}") from error
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        plan = retention_apply(now=moment, dry_run=dry_run)
        verb = "would go" if dry_run else "removed"
        for rule, label in RULE_LABELS.items():
            ids = getattr(plan, rule)
            listed = f": {', '.join(map(str, ids))}" if ids else ""
            self.stdout.write(f"{label} ({rule}): {len(ids)} {verb}{listed}")
        self.stdout.write(
            "Export files: pruned by manage.py prune (SANCTUARY_EXPORT_RETENTION_DAYS)"
        )
