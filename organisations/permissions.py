"""Who may see and change an organisation, its team and its evidence library. Predicates return
a Verdict (accounts.permissions): truthy when allowed, with the reason when not."""

from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.permissions import (
    ALLOW,
    AnyUser,
    Verdict,
    deny,
    has_role,
)
from organisations.enums import MembershipRole
from organisations.models import Organisation


def membership_role(user: AnyUser, organisation: Organisation) -> str | None:
    """The user's role in the organisation's team, cached per request on the user."""
    if user is None or not user.is_authenticated:
        return None
    cache = getattr(user, "_sanctuary_memberships", None)
    if cache is None:
        cache = dict(user.memberships.values_list("organisation_id", "role"))
        user._sanctuary_memberships = cache
    return cache.get(organisation.pk)


def can_view_organisation(user: AnyUser, organisation: Organisation) -> Verdict:
    if membership_role(user, organisation) is not None or has_role(user, Role.NATIONAL_ADMIN):
        return ALLOW
    return deny(_("You are not in this organisation's team."))


def is_organisation_lead(user: AnyUser, organisation: Organisation) -> Verdict:
    if membership_role(user, organisation) == MembershipRole.LEAD:
        return ALLOW
    return deny(_("Only the organisation's applicant leads can do this."))


def can_manage_team(user: AnyUser, organisation: Organisation) -> Verdict:
    """Invite, revoke invitations, remove colleagues, edit the details, sign the pledge,
    start applications: the leads."""
    return is_organisation_lead(user, organisation)


def can_remove_member(user: AnyUser, membership) -> Verdict:
    """Leads remove colleagues; anyone may leave."""
    if user is not None and membership.user_id == user.pk:
        return ALLOW
    return can_manage_team(user, membership.organisation)


def can_contribute(user: AnyUser, organisation: Organisation) -> Verdict:
    if membership_role(user, organisation) in (MembershipRole.LEAD, MembershipRole.CONTRIBUTOR):
        return ALLOW
    return deny(_("Only the organisation's team can do this."))


def can_accept_invitation(user: AnyUser, invitation, *, email_verified: bool) -> Verdict:
    """An invitation is for the address it was sent to, once that address is verified on
    the account accepting it."""
    if user is None or not user.is_authenticated:
        return deny(_("Sign in to accept the invitation."))
    if user.email.strip().lower() != invitation.email.strip().lower():
        return deny(
            _(
                "This invitation was sent to a different email address. Sign in with the "
                "address it was sent to, or ask your applicant lead to invite this one."
            )
        )
    if not email_verified:
        return deny(_("Verify your email address first, then open the invitation again."))
    return ALLOW


def can_start_application(user: AnyUser, organisation: Organisation) -> Verdict:
    """A lead starts an application once the organisation has signed the pledge."""
    verdict = can_manage_team(user, organisation)
    if not verdict:
        return verdict
    if not organisation.has_signed_pledge:
        return deny(_("Sign the City of Sanctuary pledge first."))
    return ALLOW
