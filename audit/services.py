"""The only writer of audit entries: every transition, score, decision, export and change
that matters is recorded here, by the workflow or a service (never by a view or a signal).
Entries are never deleted by the application, and edited only by the retention schedule
(privacy/retention.py) and a person's erasure of their account (privacy/erasure.py), through
``detach_applications`` and ``pseudonymise`` below."""

import datetime
import json
import re

from django.db.models import Q

from audit.enums import AuditAction
from audit.models import AuditEntry


def record(*, action: str, created_at: datetime.datetime, **fields) -> AuditEntry:
    """Record one entry: ``action`` (an AuditAction), when, and any of ``actor``,
    ``organisation``/``organisation_id``, ``application``/``application_id``,
    ``award``/``award_id``, ``from_status``, ``to_status``, ``note`` and ``data``."""
    return AuditEntry.objects.create(action=action, created_at=created_at, **fields)


def entry(*, action: str, created_at: datetime.datetime, **fields) -> AuditEntry:
    """An unsaved entry, for ``record_many``."""
    return AuditEntry(action=action, created_at=created_at, **fields)


def record_many(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Record a batch of entries (from ``entry``) in one query: the daily job's."""
    return AuditEntry.objects.bulk_create(entries)


def detach_applications(*, application_ids: list[int]) -> int:
    """Keep the entries of applications about to be deleted by the retention schedule,
    pointing at no application (their organisation and notes stay). Returns how many."""
    return AuditEntry.objects.filter(application_id__in=application_ids).update(application=None)


def pseudonymise(
    *,
    user_id: int,
    names: list[str],
    pseudonym: str,
    member_ids: list[int],
    created_at: datetime.datetime,
    organisation_ids: list[int] | None = None,
) -> int:
    """Keep the trail, lose the person: in every entry by or about them (their panel seats in
    ``member_ids``; with ``organisation_ids``, also every entry of the organisations whose
    teams they were on, where colleagues' changes name them by email), each of ``names``
    (their name, email; in any case) in the note and the data is replaced by ``pseudonym``.
    The entries keep pointing at the (pseudonymised) account. Side-effects, in order: the
    changed entries saved (one update each); one PERSON_PSEUDONYMISED entry. Returns how many
    entries changed. This and ``detach_applications`` are the only edits of the trail (by the
    retention schedule and by erasure)."""
    about = Q(actor_id=user_id) | Q(data__user=user_id)
    if member_ids:
        about |= Q(data__member__in=member_ids)
    if organisation_ids:
        about |= Q(organisation_id__in=organisation_ids)
    names = sorted({name for name in names if name}, key=len, reverse=True)
    # Case-insensitive: an invitation typed "Amina.Haddad@…" names the same person.
    in_note = [re.compile(re.escape(name), re.IGNORECASE) for name in names]
    in_data = [re.compile(re.escape(json.dumps(name)[1:-1]), re.IGNORECASE) for name in names]
    changed = []
    for entry_ in AuditEntry.objects.filter(about).order_by("pk"):
        note, data = entry_.note, json.dumps(entry_.data)
        for pattern in in_note:
            note = pattern.sub(lambda _match: pseudonym, note)
        for pattern in in_data:
            data = pattern.sub(lambda _match: json.dumps(pseudonym)[1:-1], data)
        if note != entry_.note or data != json.dumps(entry_.data):
            entry_.note, entry_.data = note, json.loads(data)
            changed.append(entry_)
    AuditEntry.objects.bulk_update(changed, ["note", "data"])
    record(
        action=AuditAction.PERSON_PSEUDONYMISED,
        created_at=created_at,
        note=pseudonym,
        data={"user": user_id, "entries": len(changed)},
    )
    return len(changed)
