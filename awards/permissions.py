"""Who may see and change organisations, evidence and applications.

Views turn a False into a 404 for objects of other organisations, so that nobody learns that an
application they cannot see exists.
"""

from accounts.enums import Role
from accounts.permissions import AnyUser, has_role
from awards.enums import APPLICANT_EDITABLE_STATUSES, MembershipRole
from awards.models import Application, EvidenceItem, Organisation


def membership_role(user: AnyUser, organisation: Organisation) -> str | None:
    """The user's role in the organisation's team, cached per request on the user."""
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_sanctuary_memberships", None)
    if cache is None:
        cache = dict(user.memberships.values_list("organisation_id", "role"))
        user._sanctuary_memberships = cache
    return cache.get(organisation.pk)


def is_staff_reader(user: AnyUser) -> bool:
    return has_role(user, Role.NATIONAL_ADMIN)


def can_view_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) is not None or is_staff_reader(user)


def can_manage_team(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) == MembershipRole.LEAD


def can_contribute(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) in (MembershipRole.LEAD, MembershipRole.CONTRIBUTOR)


def can_view_application(user: AnyUser, application: Application) -> bool:
    return can_view_organisation(user, application.organisation)


def can_edit_application(user: AnyUser, application: Application) -> bool:
    return (
        can_contribute(user, application.organisation)
        and application.status in APPLICANT_EDITABLE_STATUSES
    )


def can_submit_application(user: AnyUser, application: Application) -> bool:
    """Only a lead submits; contributors edit."""
    return (
        membership_role(user, application.organisation) == MembershipRole.LEAD
        and application.status in APPLICANT_EDITABLE_STATUSES
    )


def can_withdraw_application(user: AnyUser, application: Application) -> bool:
    from awards.workflow import Action, transition_allowed

    return membership_role(
        user, application.organisation
    ) == MembershipRole.LEAD and transition_allowed(application.status, Action.WITHDRAW)


def can_view_evidence(user: AnyUser, item: EvidenceItem) -> bool:
    """The organisation's team and staff. (Assigned panels join with the assessment work.)"""
    return can_view_organisation(user, item.organisation)
