"""Subject access: everything the platform holds about one person, as one ZIP archive with a
readable index (README.txt) and a JSON or CSV file per kind of record.

What goes in is the person's own data only: their account, their memberships (with their
organisations' names), the evidence they uploaded (with the files), their panel seats, the
judgements and comments they wrote, their conflict declarations, payments to them, and the
audit entries by them or about them. Other panel members are never named; applications are
named by reference and organisation, which the person saw when they worked on them.

Built in the request into a temporary file (spilling to disk when large) and streamed; one
query per kind of record, whatever the number of rows.
"""

import csv
import datetime
import io
import json
import tempfile
import zipfile

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from accounts.models import User
from accounts.permissions import user_roles
from audit.models import AuditEntry
from awards.models import Application
from organisations.models import EvidenceItem, Membership
from panels.models import (
    AssessorProfile,
    ConflictDeclaration,
    CriterionJudgement,
    PanelMember,
    Payment,
)

SPOOL_MAX_BYTES = 10 * 1024 * 1024


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[_text(value) for value in row] for row in rows])
    return out.getvalue()


def _account(user: User) -> dict:
    roles = sorted(str(role.label) for role in _role_choices(user))
    profile = (
        AssessorProfile.objects.filter(user=user)
        .select_related("local_group")
        .prefetch_related("affiliations")
        .first()
    )
    account = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "language": getattr(user, "language", ""),
        "roles": roles,
        "joined_at": _text(user.date_joined),
        "last_signed_in_at": _text(user.last_login),
        "active": user.is_active,
    }
    if profile is not None:
        account["assessor_profile"] = {
            "lived_experience": profile.lived_experience,
            "expertise": profile.expertise,
            "local_group": profile.local_group.title if profile.local_group else "",
            "affiliations": [organisation.name for organisation in profile.affiliations.all()],
            "consent_given_at": _text(profile.consent_given_at),
            "privacy_notice_version": profile.privacy_notice_version,
            "named_to_applicants": profile.named_to_applicants,
            "last_calibrated_on": _text(profile.last_calibrated_on),
            "stays_on": profile.stays_on,
        }
    return account


def _role_choices(user: User):
    return [Role(role) for role in user_roles(user)]


def _files(user: User) -> list[tuple[str, str]]:
    """(name in the archive, text) for each record file, in the index's order."""
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    evidence = list(
        EvidenceItem.objects.filter(uploaded_by=user).select_related("organisation").order_by("pk")
    )
    applications = (
        Application.objects.filter(Q(created_by=user) | Q(submitted_by=user))
        .select_related("organisation")
        .order_by("pk")
    )
    seats = PanelMember.objects.filter(user=user).select_related("panel").order_by("pk")
    judgements = (
        CriterionJudgement.objects.filter(assessment__member__user=user)
        .select_related(
            "criterion", "assessment__application__organisation", "assessment__member__panel"
        )
        .order_by("assessment__application_id", "assessment__round", "criterion__sort_order")
    )
    declarations = (
        ConflictDeclaration.objects.filter(member__user=user)
        .select_related("application__organisation")
        .order_by("pk")
    )
    payments = Payment.objects.filter(member__user=user).select_related("member__panel")
    member_ids = [seat.pk for seat in seats]
    about = Q(actor=user) | Q(data__user=user.pk)
    if member_ids:
        about |= Q(data__member__in=member_ids)
    entries = (
        AuditEntry.objects.filter(about)
        .select_related("application", "organisation")
        .order_by("created_at", "pk")
    )
    return [
        ("account.json", json.dumps(_account(user), indent=2, ensure_ascii=False)),
        (
            "memberships.csv",
            _csv(
                ["organisation", "role", "joined_at"],
                [[m.organisation.name, m.get_role_display(), m.joined_at] for m in memberships],
            ),
        ),
        (
            "applications.csv",
            _csv(
                ["reference", "organisation", "status", "started_at", "submitted_at"],
                [
                    [a.reference, a.organisation.name, a.get_status_display(), a.created_at]
                    + [a.submitted_at if a.submitted_by_id == user.pk else ""]
                    for a in applications
                ],
            ),
        ),
        (
            "evidence.csv",
            _csv(
                ["id", "organisation", "kind", "title", "date", "description", "file", "link"]
                + ["testimony", "added_at"],
                [
                    [e.pk, e.organisation.name, e.get_kind_display(), e.title, e.evidence_date]
                    + [e.description, _evidence_path(e) if e.file else "", e.url, e.testimony]
                    + [e.created_at]
                    for e in evidence
                ],
            ),
        ),
        (
            "panels.csv",
            _csv(
                ["panel", "role", "chair", "meeting_date"],
                [
                    [s.panel.name, s.get_role_display(), s.is_chair, s.panel.meeting_date]
                    for s in seats
                ],
            ),
        ),
        (
            "judgements.csv",
            _csv(
                ["application", "organisation", "round", "criterion", "judgement", "comment"]
                + ["submitted_at"],
                [
                    [
                        j.assessment.application.reference,
                        j.assessment.application.organisation.name,
                        j.assessment.round,
                        j.criterion.code,
                        j.get_outcome_display(),
                        j.comment,
                        j.assessment.submitted_at,
                    ]
                    for j in judgements
                ],
            ),
        ),
        (
            "conflict_declarations.csv",
            _csv(
                ["application", "organisation", "has_conflict", "details", "declared_at"],
                [
                    [d.application.reference, d.application.organisation.name, d.has_conflict]
                    + [d.details, d.declared_at]
                    for d in declarations
                ],
            ),
        ),
        (
            "payments.csv",
            _csv(
                ["panel", "kind", "amount", "description", "claimed_on", "paid_on"],
                [
                    [p.member.panel.name, p.get_kind_display(), p.amount, p.description]
                    + [p.claimed_on, p.paid_on]
                    for p in payments
                ],
            ),
        ),
        (
            "audit.csv",
            _csv(
                ["when", "what", "by_you", "application", "organisation", "from", "to", "note"],
                [
                    [
                        e.created_at,
                        e.get_action_display(),
                        e.actor_id == user.pk,
                        e.application.reference if e.application else "",
                        e.organisation.name if e.organisation else "",
                        e.from_status,
                        e.to_status,
                        e.note,
                    ]
                    for e in entries
                ],
            ),
        ),
    ], evidence


def _evidence_path(item: EvidenceItem) -> str:
    name = (item.file_name or "file").replace("/", "_").replace("\\", "_")
    return f"evidence/{item.pk}-{name}"


def _index(user: User, names: list[str], *, now: datetime.datetime) -> str:
    lines = [
        _("Everything City of Sanctuary UK's Sanctuary Award platform holds about you"),
        _("Prepared for %(email)s on %(when)s.") % {"email": user.email, "when": _text(now)},
        "",
        _("What each file holds:"),
    ]
    descriptions = {
        "account.json": _("your account: name, email addresses, language, roles, sign-ins"),
        "memberships.csv": _("the organisations whose teams you are on, and your role"),
        "applications.csv": _("the applications you started or submitted"),
        "evidence.csv": _("the evidence you uploaded; the files are in the evidence folder"),
        "panels.csv": _("the assessment panels you sat on"),
        "judgements.csv": _("the judgements and comments you wrote as an assessor"),
        "conflict_declarations.csv": _("your declarations of conflicts of interest"),
        "payments.csv": _("honoraria and expenses paid to you"),
        "audit.csv": _("the audit trail: what you did, and what was done about you"),
    }
    lines += [f"- {name}: {descriptions[name]}" for name in names]
    lines += ["", _("Write to City of Sanctuary UK if anything here is wrong.")]
    return "\n".join(lines) + "\n"


def subject_access_archive(*, user: User, now: datetime.datetime):
    """The archive for ``user`` as an open file positioned at the start (the caller streams
    and closes it)."""
    files, evidence = _files(user)
    # Not a context manager: the response streams it and closes it.
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _index(user, [name for name, _content in files], now=now))
        for name, text in files:
            archive.writestr(name, text)
        for item in evidence:
            if not item.file or not item.file.storage.exists(item.file.name):
                continue
            with item.file.open("rb") as source, archive.open(_evidence_path(item), "w") as out:
                for chunk in iter(lambda: source.read(64 * 1024), b""):
                    out.write(chunk)
    spool.seek(0)
    return spool
