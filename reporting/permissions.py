"""Who may export what, and who sees reports across every stream."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.permissions import (
    ALLOW,
    AnyUser,
    Verdict,
    deny,
    has_role,
)
from awards.permissions import can_use_workspace, is_national_admin


def can_export_lists(user: AnyUser) -> Verdict:
    return can_use_workspace(user)


def can_export_personal_data(user: AnyUser) -> Verdict:
    if has_role(user, Role.NATIONAL_ADMIN) or has_role(user, Role.STREAM_COORDINATOR):
        return ALLOW
    return deny(_("Only national staff and stream coordinators export personal details."))


def can_export_special_category(user: AnyUser) -> Verdict:
    if has_role(user, Role.NATIONAL_ADMIN):
        return ALLOW
    return deny(_("Only national staff export lived-experience details."))


def can_export_payments(user: AnyUser) -> Verdict:
    return can_export_personal_data(user)


def payments_q(user: AnyUser) -> Q | None:
    """The payments a person may see and export: national staff all of them, stream
    coordinators those of their streams' panels; None for everyone else."""
    if has_role(user, Role.NATIONAL_ADMIN):
        return Q()
    if has_role(user, Role.STREAM_COORDINATOR):
        return Q(member__panel__stream__coordinators=user)
    return None


def can_see_all_reports(user: AnyUser) -> Verdict:
    """National staff see reports across every stream and area; coordinators their own."""
    return is_national_admin(user)
