"""The award lifecycle.

    active ──(lifecycle job: first reminder date)──▶ renewal due
    active | renewal due ──renewal submitted before expiry──▶ in renewal
    in renewal ──renewal awarded──▶ renewed
    in renewal ──renewal not awarded or withdrawn, before expiry──▶ renewal due
    active | renewal due | in renewal ──lapse (expiry, or a failed renewal after it)──▶ lapsed
    active | renewal due | in renewal ──withdraw (national staff, with a reason)──▶ withdrawn

Only withdrawal is a person's step; the rest are the platform's (the daily job, or the
consequence of a renewal's submission or release, which were themselves checked).
"""

import datetime
from collections.abc import Callable
from enum import StrEnum

from django.db import transaction

from accounts.models import User
from accounts.permissions import Verdict
from audit import services as audit
from audit.enums import AuditAction
from awards import permissions as can
from awards.enums import AwardStatus as A
from awards.models import Award
from awards.workflow.machine import (
    Transition,
    _allowed,
    _perform,
    _verdict,
    by_the_platform,
)
from core.page_cache import page_cache_clear


class AwardAction(StrEnum):
    RENEWAL_DUE = "renewal_due"
    RENEWAL_SUBMITTED = "renewal_submitted"
    RENEW = "renew"
    RENEWAL_FAILED = "renewal_failed"
    LAPSE = "lapse"
    WITHDRAW = "withdraw"


PLATFORM = by_the_platform


NATIONAL_STAFF = can.can_withdraw_award


AWARD_TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        A.ACTIVE, AwardAction.RENEWAL_DUE, A.RENEWAL_DUE, AuditAction.AWARD_RENEWAL_DUE, PLATFORM
    ),
    Transition(
        A.ACTIVE,
        AwardAction.RENEWAL_SUBMITTED,
        A.IN_RENEWAL,
        AuditAction.AWARD_RENEWAL_STARTED,
        PLATFORM,
    ),
    Transition(
        A.RENEWAL_DUE,
        AwardAction.RENEWAL_SUBMITTED,
        A.IN_RENEWAL,
        AuditAction.AWARD_RENEWAL_STARTED,
        PLATFORM,
    ),
    Transition(A.IN_RENEWAL, AwardAction.RENEW, A.RENEWED, AuditAction.AWARD_RENEWED, PLATFORM),
    Transition(
        A.IN_RENEWAL,
        AwardAction.RENEWAL_FAILED,
        A.RENEWAL_DUE,
        AuditAction.AWARD_RENEWAL_NOT_AWARDED,
        PLATFORM,
    ),
    Transition(A.ACTIVE, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED, PLATFORM),
    Transition(A.RENEWAL_DUE, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED, PLATFORM),
    Transition(A.IN_RENEWAL, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED, PLATFORM),
    Transition(
        A.ACTIVE, AwardAction.WITHDRAW, A.WITHDRAWN, AuditAction.AWARD_WITHDRAWN, NATIONAL_STAFF
    ),
    Transition(
        A.RENEWAL_DUE,
        AwardAction.WITHDRAW,
        A.WITHDRAWN,
        AuditAction.AWARD_WITHDRAWN,
        NATIONAL_STAFF,
    ),
    Transition(
        A.IN_RENEWAL,
        AwardAction.WITHDRAW,
        A.WITHDRAWN,
        AuditAction.AWARD_WITHDRAWN,
        NATIONAL_STAFF,
    ),
)


_AWARD_BY_KEY = {(t.source, t.action): t for t in AWARD_TRANSITIONS}


def award_transition_allowed(status: str, action: AwardAction) -> bool:
    return (status, action) in _AWARD_BY_KEY


def allowed_award_actions(user, award: Award) -> frozenset[AwardAction]:
    return _allowed(_AWARD_BY_KEY, user, award)


def award_action_verdict(user, award: Award, action: AwardAction) -> Verdict:
    return _verdict(_AWARD_BY_KEY, user, award, action)


def award_transition(
    *,
    award: Award,
    action: AwardAction,
    actor: User | None,
    now: datetime.datetime,
    note: str = "",
    changes: Callable[[Award], None] | None = None,
    after_commit: list[Callable[[], object]] | None = None,
) -> Award:
    """``transition`` for one award: lock, check the table, change, save, audit, and queue
    side-effects after commit. Refused with TransitionNotAllowed (HTTP 409)."""
    return _perform(
        table=_AWARD_BY_KEY,
        instance=award,
        action=action,
        actor=actor,
        now=now,
        note=note,
        changes=changes,
        after_commit=after_commit,
        audit_links=lambda locked: {"award": locked, "application_id": locked.application_id},
    )


def award_transition_many(
    *,
    award_ids: list[int],
    action: AwardAction,
    actor: User | None,
    now: datetime.datetime,
    note: str = "",
    extra: dict | None = None,
) -> list[int]:
    """The same move for a batch of awards in a constant number of queries, for the
    lifecycle job. Awards whose status has no row for the action (changed since they were
    selected) are left alone. Returns the ids that moved."""
    sources = [row.source for row in AWARD_TRANSITIONS if row.action == action]
    moved: list[int] = []
    with transaction.atomic():
        rows = list(
            Award.objects.select_for_update()
            .filter(pk__in=award_ids, status__in=[str(s) for s in sources])
            .values_list("pk", "status", "application_id", "organisation_id")
        )
        entries = []
        for source in sources:
            row = _AWARD_BY_KEY[(source, action)]
            ids = [pk for pk, status, *_ in rows if status == source]
            if not ids:
                continue
            Award.objects.filter(pk__in=ids).update(status=row.target, **(extra or {}))
            moved.extend(ids)
            entries.extend(
                audit.entry(
                    award_id=pk,
                    application_id=application_id,
                    organisation_id=organisation_id,
                    actor=actor,
                    action=row.audit,
                    from_status=row.source,
                    to_status=row.target,
                    note=note,
                    created_at=now,
                )
                for pk, status, application_id, organisation_id in rows
                if status == source
            )
        audit.record_many(entries)
        if moved:
            # What the register and verification show has changed.
            transaction.on_commit(page_cache_clear)
    return moved
