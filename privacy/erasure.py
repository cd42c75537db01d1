"""Erasure: a person deletes their own account ("Delete your account", /privacy/delete-account/).

What goes: their name, email addresses, password and sign-in (the account row stays, under a
pseudonym, because decisions, judgements, payments and the audit trail point at it), their
two-factor authenticators, their sessions, their team memberships, their lived-experience and
assessor profile (lived experience, expertise, local group, affiliations, consent), the data
exports they made (with the files), the results of emails sent to them, and their name and
email wherever the trail or a record they signed repeats it.

What stays, and why: a panel judgement or comment they wrote is part of a decision the
applicant was given, so it stays, with their panel seat and any payment to them, under the
pseudonym ("Former assessor 17"; "Former user 17" for someone who never sat on a panel); the
audit trail stays, pseudonymised (audit.services.pseudonymise, as the retention schedule does);
evidence they uploaded belongs to their organisation and stays in its library.

Refused (privacy.permissions.can_erase_account, asked again under the locks) for someone else's
account, for an organisation's only applicant lead, and for the last national admin.
"""

import datetime
import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.models import Application
from core.errors import refuse_unless
from organisations.models import Invitation, Membership, Organisation
from panels.models import AssessorProfile, PanelMeeting, PanelMember, Payment
from privacy import permissions
from reporting.models import DataExport

DB_SESSIONS = "django.contrib.sessions.backends.db"


def erasure_pseudonym(user: User) -> tuple[str, str]:
    """The name an erased person goes by, as (first name, last name): "Former assessor 17"
    for someone who sat on a panel or had an assessor profile (as the retention schedule
    names them, privacy.retention.pseudonym), else "Former user 17"."""
    assessor = (
        PanelMember.objects.filter(user=user).exists()
        or AssessorProfile.objects.filter(user=user).exists()
    )
    return ("Former assessor" if assessor else "Former user"), str(user.pk)


def close_account(user: User, *, first_name: str, last_name: str, email: str) -> None:
    """The account can no longer be signed in to and names nobody: email addresses and
    two-factor authenticators deleted, the name and email replaced, the password made unusable
    (which also ends every session at its next request), inactive, no staff roles. The language
    stays (emails to the pseudonymised address go nowhere). Shared with the retention schedule."""
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _end_sessions(user: User, *, now: datetime.datetime) -> int:
    """Delete the stored sessions signed in as ``user`` (the unusable password already ends
    them; this removes the rows). Only database sessions are stored."""
    if settings.SESSION_ENGINE != DB_SESSIONS:
        return 0
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=now).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def _delete_exports(user: User) -> int:
    exports = list(DataExport.objects.filter(requested_by=user))
    for export in exports:
        if export.file:
            export.file.delete(save=False)
    DataExport.objects.filter(pk__in=[export.pk for export in exports]).delete()
    return len(exports)


def _finished_tasks_mentioning(addresses: list[str]):
    """Finished background tasks (sent emails) whose arguments mention any of ``addresses``."""
    mentions = Q()
    for address in addresses:
        mentions |= Q(arguments__icontains=address)
    return (
        DBTaskResult.objects.finished()
        .annotate(arguments=Cast("args_kwargs", TextField()))
        .filter(mentions)
    )


def _scrub_names(queryset, fields: list[str], names: list[str], pseudonym: str) -> int:
    """In the rows of ``queryset``, replace each of ``names`` (in any case) by ``pseudonym``
    in ``fields``: records that others typed the person's name into (a pledge, a meeting's
    notes, a payment). Returns how many rows changed."""
    names = [name for name in names if name]
    if not names:
        return 0
    patterns = [re.compile(re.escape(name), re.IGNORECASE) for name in names]
    mentions = Q()
    for field in fields:
        for name in names:
            mentions |= Q(**{f"{field}__icontains": name})
    changed = []
    for row in queryset.filter(mentions):
        for field in fields:
            value = getattr(row, field)
            for pattern in patterns:
                value = pattern.sub(lambda _match: pseudonym, value)
            setattr(row, field, value)
        changed.append(row)
    if changed:
        queryset.model.objects.bulk_update(changed, fields)
    return len(changed)


@transaction.atomic
def account_erase(*, person: User, by: User, now: datetime.datetime) -> str:
    """Erase ``person``'s account at their own request (``by`` is the person signed in).
    Returns the pseudonym. Side-effects, in order: the person's row and their organisations
    locked and the rule asked again; the audit trail by or about them, their panel seats and
    their organisations pseudonymised (audit.services.pseudonymise: one PERSON_PSEUDONYMISED
    entry); invitations sent to their addresses re-addressed to the pseudonymised address; their
    name replaced by the pseudonym where others typed it (their organisations' pledge and
    applications' signatory, safeguarding lead and consent notes, the meeting notes of their
    organisations' and panels' applications, their payments' descriptions); memberships
    deleted; assessor profile deleted; data exports deleted with their files; finished task
    results that mention their addresses deleted; Wagtail's profile and its log entries about
    the account cleared; the account closed (close_account); stored sessions deleted; one
    ACCOUNT_ERASED entry by the pseudonymised account."""
    person = User.objects.select_for_update().get(pk=person.pk)
    organisation_ids = list(
        Membership.objects.filter(user=person).values_list("organisation_id", flat=True)
    )
    # Two leads of one organisation erasing at once: the second waits, then is refused.
    list(Organisation.objects.select_for_update().filter(pk__in=organisation_ids))
    refuse_unless(permissions.can_erase_account(by, person))

    first_name, last_name = erasure_pseudonym(person)
    pseudonym = f"{first_name} {last_name}"
    email = f"former-user-{person.pk}@pseudonymised.invalid"
    full_name = person.get_full_name()
    addresses = sorted(
        {person.email, *EmailAddress.objects.filter(user=person).values_list("email", flat=True)}
    )
    member_ids = list(PanelMember.objects.filter(user=person).values_list("pk", flat=True))
    audit.pseudonymise(
        user_id=person.pk,
        names=[full_name, *addresses],
        pseudonym=pseudonym,
        member_ids=member_ids,
        organisation_ids=organisation_ids,
        created_at=now,
    )
    for address in addresses:
        Invitation.objects.filter(email__iexact=address).update(email=email)
    names = [full_name]
    panel_ids = PanelMember.objects.filter(user=person).values("panel_id")
    _scrub_names(
        Organisation.objects.filter(pk__in=organisation_ids),
        ["pledge_signatory_name"],
        names,
        pseudonym,
    )
    _scrub_names(
        Application.objects.filter(organisation_id__in=organisation_ids),
        ["senior_signatory_name", "safeguarding_lead", "consent_notes"],
        names,
        pseudonym,
    )
    _scrub_names(
        PanelMeeting.objects.filter(
            Q(application__organisation_id__in=organisation_ids)
            | Q(application__panel_id__in=panel_ids)
        ),
        ["people_met", "notes"],
        names,
        pseudonym,
    )
    _scrub_names(
        Payment.objects.filter(member_id__in=member_ids), ["description"], names, pseudonym
    )
    memberships = Membership.objects.filter(user=person).delete()[0]
    AssessorProfile.objects.filter(user=person).delete()
    exports = _delete_exports(person)
    _finished_tasks_mentioning(addresses).delete()
    UserProfile.objects.filter(user=person).delete()
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk)
    ).update(label=pseudonym)
    close_account(person, first_name=first_name, last_name=last_name, email=email)
    sessions = _end_sessions(person, now=now)
    audit.record(
        action=AuditAction.ACCOUNT_ERASED,
        created_at=now,
        actor=person,
        note=pseudonym,
        data={
            "user": person.pk,
            "memberships": memberships,
            "panel_seats": len(member_ids),
            "exports": exports,
            "sessions": sessions,
            "organisations": organisation_ids,
        },
    )
    return pseudonym
