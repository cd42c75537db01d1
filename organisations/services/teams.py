"""Writes for organisations and their teams: set up, the pledge, invitations (sent, accepted
once by the invited address, revoked) and leaving."""

import datetime
import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from core.errors import ServiceError, refuse_unless
from notifications import emails
from organisations import permissions as organisation_permissions
from organisations.enums import MembershipRole
from organisations.models import Invitation, Membership, Organisation

INVITATION_DAYS = 14


@transaction.atomic
def organisation_create(*, user: User, now: datetime.datetime, **fields) -> Organisation:
    """Create an organisation with ``user`` as its first applicant lead."""
    organisation = Organisation.objects.create(**fields)
    Membership.objects.create(organisation=organisation, user=user, role=MembershipRole.LEAD)
    return organisation


@transaction.atomic
def organisation_sign_pledge(
    *,
    organisation: Organisation,
    user: User,
    signatory_name: str,
    signatory_role: str,
    now: datetime.datetime,
) -> Organisation:
    """Record that the organisation signed the City of Sanctuary pledge (once)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.pledge_signed_at is not None:
        return organisation
    organisation.pledge_signatory_name = signatory_name.strip()
    organisation.pledge_signatory_role = signatory_role.strip()
    organisation.pledge_signed_at = now
    organisation.pledge_signed_by = user
    organisation.save()
    audit.record(
        organisation=organisation,
        actor=user,
        action=AuditAction.PLEDGE_SIGNED,
        note=f"{signatory_name} ({signatory_role})",
        created_at=now,
    )
    return organisation


@transaction.atomic
def invitation_send(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User,
    now: datetime.datetime,
    base_url: str,
) -> Invitation:
    """Invite a colleague by email. Side-effects: the invitation, an audit entry, and the
    email (queued after commit)."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ServiceError(_("%(email)s is already in your team.") % {"email": email})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    audit.record(
        organisation=organisation,
        actor=invited_by,
        action=AuditAction.MEMBER_INVITED,
        note=f"{email} ({role})",
        created_at=now,
    )
    emails.send(
        "invitation",
        to=[email],
        context={
            "inviter": str(invited_by),
            "organisation": organisation.name,
            "days": INVITATION_DAYS,
            "link": emails.absolute(
                reverse("awards:invitation_accept", args=[invitation.token]), base_url=base_url
            ),
        },
    )
    return invitation


def invitation_problem(invitation: Invitation | None, *, now: datetime.datetime) -> str | None:
    """Why an invitation cannot be used by anyone, for the person holding it; None if it
    can."""
    if invitation is None or invitation.accepted_at is not None:
        return _("This invitation has already been used or does not exist.")
    if invitation.revoked_at is not None:
        return _("This invitation has been withdrawn. Ask your applicant lead for a new one.")
    if invitation.expires_at <= now:
        return _("This invitation has expired. Ask your applicant lead to send a new one.")
    return None


class InvitationRefused(ServiceError):
    """The invitation is usable, but not by this account (HTTP 403)."""


class InvitationUnusable(ServiceError):
    """Used, revoked, expired or unknown (HTTP 410)."""


def has_verified_email(user: User, email: str) -> bool:

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


def invitation_acceptance(
    *, invitation: Invitation | None, user: User, now: datetime.datetime
) -> None:
    """Raise InvitationUnusable or InvitationRefused unless ``user`` may accept it now."""
    if problem := invitation_problem(invitation, now=now):
        raise InvitationUnusable(problem)
    verdict = organisation_permissions.can_accept_invitation(
        user, invitation, email_verified=has_verified_email(user, invitation.email)
    )
    if not verdict:
        raise InvitationRefused(verdict.reason)


@transaction.atomic
def invitation_accept(*, token: str, user: User, now: datetime.datetime) -> Membership:
    """Join the team as the invitation says, once. The invitation row is locked, so two
    acceptances at once give one membership; the second is told it has been used. Only the
    account holding the invited address, verified, may accept."""
    invitation = (
        Invitation.objects.select_for_update().select_related("organisation").filter(token=token)
    ).first()
    invitation_acceptance(invitation=invitation, user=user, now=now)
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if created:
        audit.record(
            organisation=invitation.organisation,
            actor=user,
            action=AuditAction.MEMBER_JOINED,
            note=user.email,
            created_at=now,
        )
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, user: User, now: datetime.datetime) -> Invitation:
    """A lead withdraws an invitation that has not been used. Audited."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    verdict = organisation_permissions.can_manage_team(user, invitation.organisation)
    if not verdict:
        raise ServiceError(verdict.reason)
    if invitation.accepted_at is not None:
        raise ServiceError(_("This invitation has already been accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = now
        invitation.revoked_by = user
        invitation.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(
            organisation_id=invitation.organisation_id,
            actor=user,
            action=AuditAction.INVITATION_REVOKED,
            note=invitation.email,
            created_at=now,
        )
    return invitation


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by: User, now: datetime.datetime):
    """Remove a colleague. The last lead cannot leave or be removed."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    leads = organisation.memberships.filter(role=MembershipRole.LEAD)
    if membership.role == MembershipRole.LEAD and leads.count() <= 1:
        raise ServiceError(
            _("An organisation needs at least one applicant lead. Make someone else a lead first.")
        )
    membership.delete()
    audit.record(
        organisation=organisation,
        actor=removed_by,
        action=AuditAction.MEMBER_REMOVED,
        note=membership.user.email,
        created_at=now,
    )


@transaction.atomic
def membership_change_role(
    *, membership: Membership, role: str, changed_by: User, now: datetime.datetime
) -> Membership:
    """A lead makes a colleague a lead or a contributor (audited). The last lead cannot
    stop being one: make someone else a lead first."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    refuse_unless(organisation_permissions.can_manage_team(changed_by, organisation))
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    if role not in MembershipRole.values:
        raise ServiceError(_("Choose lead or contributor."))
    if membership.role == role:
        return membership
    leads = organisation.memberships.filter(role=MembershipRole.LEAD).count()
    if membership.role == MembershipRole.LEAD and leads <= 1:
        raise ServiceError(
            _("An organisation needs at least one applicant lead. Make someone else a lead first.")
        )
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        organisation=organisation,
        actor=changed_by,
        action=AuditAction.MEMBER_ROLE_CHANGED,
        note=f"{membership.user.email}: {before} → {role}",
        created_at=now,
    )
    return membership
