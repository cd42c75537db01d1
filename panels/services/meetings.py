"""The panel's meeting with, or visit to, the applicant."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.models import Application
from core.errors import ServiceError
from panels import permissions as panel_permissions
from panels.models import PanelMeeting


@transaction.atomic
def meeting_record(
    *, application: Application, user: User, now: datetime.datetime, **fields
) -> PanelMeeting:
    """The chair records the panel's meeting or visit: when and how, who was met, notes,
    extra evidence given on the day. Refused unless ``user`` may record it (the unconflicted
    chair, while the panel assesses). Audited."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    verdict = panel_permissions.can_record_meeting(user, locked)
    if not verdict:
        raise ServiceError(verdict.reason)
    if fields.get("held_on") and fields["held_on"] > now.date():
        raise ServiceError(_("Record a meeting once it has happened."))
    meeting = PanelMeeting.objects.create(
        application=locked, recorded_by=user, recorded_at=now, **fields
    )
    audit.record(
        application=locked,
        organisation_id=locked.organisation_id,
        actor=user,
        action=AuditAction.MEETING_RECORDED,
        note=str(meeting.held_on),
        created_at=now,
    )
    return meeting
