"""Retention and stuck work for background exports, run by ``manage.py prune``.

- An export still being prepared ``SANCTUARY_EXPORT_STUCK_MINUTES`` (default 30) after it was
  asked for has lost its worker (killed, or the queue was lost): it is marked failed and its
  requester told once, so that they can try again.
- A prepared file holds personal data: ``SANCTUARY_EXPORT_RETENTION_DAYS`` (default 7) after it
  was ready it is deleted and the export marked expired; the list says so and offers to build
  it again.

Both are idempotent: a second run finds nothing left to do. Neither is audited (the audit
trail records exports written, not files deleted or workers lost).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications import emails
from reporting.enums import ExportStatus
from reporting.models import DataExport

STUCK_MINUTES_DEFAULT = 30
RETENTION_DAYS_DEFAULT = 7
# Lazy: stored in the site's language, emailed in each requester's.
STOPPED_REASON = _("This export took too long and was stopped. Try again.")


def stuck_after() -> datetime.timedelta:
    minutes = getattr(settings, "SANCTUARY_EXPORT_STUCK_MINUTES", STUCK_MINUTES_DEFAULT)
    return datetime.timedelta(minutes=minutes)


def retention() -> datetime.timedelta:
    days = getattr(settings, "SANCTUARY_EXPORT_RETENTION_DAYS", RETENTION_DAYS_DEFAULT)
    return datetime.timedelta(days=days)


@transaction.atomic
def mark_stuck_exports(*, now: datetime.datetime) -> int:
    """Stop the exports still being prepared longer than the limit. Side-effects, in order:
    the exports marked failed with a plain reason (one update); after commit, one email to
    each requester, in their language (one background task). Returns how many."""
    stuck = list(
        DataExport.objects.select_for_update(of=("self",))
        .select_related("requested_by")
        .filter(status=ExportStatus.PENDING, created_at__lt=now - stuck_after())
        .order_by("pk")
    )
    if not stuck:
        return 0
    DataExport.objects.filter(pk__in=[export.pk for export in stuck]).update(
        status=ExportStatus.FAILED, error=str(STOPPED_REASON), finished_at=now
    )
    link = emails.absolute(reverse("workspace:exports"))
    messages = [
        emails.prepare(
            "export_failed",
            to=[export.requested_by.email],
            context={"reason": STOPPED_REASON, "link": link},
            language=export.params.get("language"),
        )
        for export in stuck
    ]
    emails.send_batch([message for message in messages if message is not None])
    return len(stuck)


def prune_exports(*, now: datetime.datetime) -> int:
    """Delete the files of exports ready longer ago than the retention period. Side-effects,
    in order: each file deleted from private storage (a file already gone is no error); the
    exports marked expired, without a file (one update). Files go first, so that a run that
    stops half-way leaves nothing behind that the next run would not find. Returns how many."""
    expired = list(
        DataExport.objects.filter(
            status=ExportStatus.READY, finished_at__lt=now - retention()
        ).only("pk", "file")
    )
    if not expired:
        return 0
    for export in expired:
        if export.file:
            export.file.delete(save=False)
    DataExport.objects.filter(
        pk__in=[export.pk for export in expired], status=ExportStatus.READY
    ).update(status=ExportStatus.EXPIRED, file="")
    return len(expired)
