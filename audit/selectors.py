"""Reads of the audit trail: an application's or an award's timeline, oldest first."""

from django.db.models import QuerySet

from audit.models import AuditEntry


def timeline(**about) -> QuerySet[AuditEntry]:
    """The entries about one application (``application=``) or one award (``award=``),
    with who did each, in order."""
    return AuditEntry.objects.filter(**about).select_related("actor")
