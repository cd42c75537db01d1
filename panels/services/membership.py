"""Writes for panels: members added, changed and removed (audited), and applications given to a
panel whose composition holds."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.enums import ApplicationStatus
from awards.models import Application
from core.errors import ServiceError, refuse_unless
from notifications import emails
from panels import documents
from panels import permissions as panel_permissions
from panels.composition import panel_composition
from panels.enums import PanelRole
from panels.models import Panel, PanelMember


class CompositionError(ServiceError):
    def __init__(self, report):
        super().__init__(" ".join(report.problems))
        self.report = report


@transaction.atomic
def panel_member_add(
    *, panel, user: User, role: str, is_chair: bool, actor: User, now: datetime.datetime
):
    """Put someone on a panel (audited). Someone already on it is refused: their role changes
    only through ``panel_member_change``, never as a side-effect of adding them again.
    Choosing a new chair takes the chair from whoever had it."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    refuse_unless(panel_permissions.can_manage_panel(actor, panel))
    if role not in PanelRole.values:
        raise ServiceError(_("Choose the member's role on the panel."))
    existing = PanelMember.objects.filter(panel=panel, user=user).first()
    if existing is not None:
        raise ServiceError(
            _("%(name)s is already on the panel as %(role)s. Change their role in the list.")
            % {"name": user, "role": existing.get_role_display()}
        )
    if is_chair:
        panel.members.filter(is_chair=True).update(is_chair=False)
    member = PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=is_chair)
    audit.record(
        actor=actor,
        action=AuditAction.PANEL_MEMBER_ADDED,
        note=f"{user} ({role})" + (" · chair" if is_chair else ""),
        data={"panel": panel.pk, "member": member.pk, "role": role, "is_chair": is_chair},
        created_at=now,
    )
    return member


@transaction.atomic
def panel_member_change(*, member, role: str, is_chair: bool, actor: User, now: datetime.datetime):
    """Change a member's role on the panel, or make them the chair (audited)."""
    member = (
        PanelMember.objects.select_for_update().select_related("panel", "user").get(pk=member.pk)
    )
    refuse_unless(panel_permissions.can_manage_panel(actor, member.panel))
    if role not in PanelRole.values:
        raise ServiceError(_("Choose the member's role on the panel."))
    before = (member.role, member.is_chair)
    if before == (role, is_chair):
        return member
    if is_chair:
        member.panel.members.exclude(pk=member.pk).filter(is_chair=True).update(is_chair=False)
    member.role, member.is_chair = role, is_chair
    member.save(update_fields=["role", "is_chair"])
    audit.record(
        actor=actor,
        action=AuditAction.PANEL_MEMBER_CHANGED,
        note=f"{member.user}: {before[0]} → {role}" + (" · chair" if is_chair else ""),
        data={"panel": member.panel_id, "member": member.pk, "role": role, "is_chair": is_chair},
        created_at=now,
    )
    return member


@transaction.atomic
def panel_member_remove(*, member, actor: User, now: datetime.datetime) -> None:
    """Take someone off a panel, unless they have started judging (then they stay on the
    panel's record). Audited."""

    member = (
        PanelMember.objects.select_for_update().select_related("panel", "user").get(pk=member.pk)
    )
    refuse_unless(panel_permissions.can_manage_panel(actor, member.panel))
    if member.assessments.exists() or member.payments.exists():
        raise ServiceError(
            _("This member has started judging or been paid, so they stay on the panel's record.")
        )
    audit.record(
        actor=actor,
        action=AuditAction.PANEL_MEMBER_REMOVED,
        note=str(member.user),
        data={"panel": member.panel_id, "member": member.pk},
        created_at=now,
    )
    member.delete()


@transaction.atomic
def panel_assign_application(
    *, panel, application: Application, user: User, now: datetime.datetime
) -> Application:
    """Give an application in assessment to a panel whose composition holds for it (the
    stream's rule, with conflicted members left out). Audited."""

    locked = Application.objects.select_for_update().get(pk=application.pk)
    refuse_unless(panel_permissions.can_assign_to_panel(user, locked, panel))
    if locked.status != ApplicationStatus.IN_ASSESSMENT:
        raise ServiceError(_("Only an application accepted for assessment can go to a panel."))
    if panel.stream_id != locked.stream_id:
        raise ServiceError(_("The panel is for a different stream."))
    report = panel_composition(panel, locked)
    if not report.ok:
        raise CompositionError(report)
    locked.panel = panel
    locked.save(update_fields=["panel", "updated_at"])
    emails.send(
        "panel_assigned",
        to=list(panel.members.values_list("user__email", flat=True)),
        context={
            "organisation": locked.organisation.name,
            "award": locked.stream.award_title,
            "reference": locked.reference,
            "panel": panel.name,
            "link": emails.absolute(reverse("assess:application", args=[locked.pk])),
        },
    )
    audit.record(
        application=locked,
        organisation_id=locked.organisation_id,
        actor=user,
        action=AuditAction.PANEL_ASSIGNED,
        note=panel.name,
        created_at=now,
    )
    # The panel will want the pack: lay it out now, in the background.
    documents.request_pack_build(locked)
    return locked
