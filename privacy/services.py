"""Writes of the privacy app: subject access requests and their fulfilment, audited.

The archive itself is built by privacy/access.py; the retention schedule is
privacy/retention.py."""

import datetime

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction


def subject_access_fulfil(
    *, person: User, staff: User, received_on: datetime.date, how: str, now: datetime.datetime
) -> None:
    """National staff answer a request made by email (or letter) for ``person``'s data.
    Side-effects, in order: one SUBJECT_ACCESS_REQUESTED entry (when and how it came), one
    SUBJECT_ACCESS_FULFILLED entry; both name the person by id only."""
    audit.record(
        action=AuditAction.SUBJECT_ACCESS_REQUESTED,
        created_at=now,
        actor=staff,
        note=how,
        data={"user": person.pk, "received_on": received_on.isoformat()},
    )
    audit.record(
        action=AuditAction.SUBJECT_ACCESS_FULFILLED,
        created_at=now,
        actor=staff,
        data={"user": person.pk, "by": "staff"},
    )
