"""The one mechanism behind both transition tables: a row (from, action, to, audit, who), the
rule that the platform alone takes some rows, and the function that performs a row (lock,
check, change, save, audit, side-effects after commit)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from accounts.permissions import Verdict, deny
from audit import services as audit


def by_the_platform(user, instance) -> Verdict:
    """Rows taken only by the platform itself: the daily lifecycle job, or a consequence of
    another transition (an award renewed when its renewal is released). No person is offered
    them, and ``allowed_actions`` never lists them."""
    return deny(_("Only the platform takes this step."))


@dataclass(frozen=True)
class Transition:
    source: str
    action: str  # an Action or an AwardAction
    target: str
    audit: str
    # Who may take this step: a predicate from awards/permissions.py, asked with the actor
    # and the (locked) object.
    who: Callable[..., Verdict]


@dataclass(frozen=True)
class PanelRule:
    """A predicate of the panels app, which sits above this one (panels depend on
    applications), named here by its dotted path and imported when first asked: the table
    still says exactly which rule decides, without an import cycle. The import-direction
    test checks that every name resolves."""

    path: str

    def __call__(self, user, instance) -> Verdict:
        return import_string(self.path)(user, instance)


class TransitionNotAllowed(Exception):
    """The action does not apply to the object's current status (HTTP 409)."""

    def __init__(self, status: str, action: str):
        super().__init__(f"Cannot {action} something that is {status}.")
        self.status = status
        self.action = action


class ActionNotPermitted(TransitionNotAllowed):
    """The table has the step, but its row's predicate refuses this person (HTTP 403)."""

    def __init__(self, status: str, action: str, reason):
        super().__init__(status, action)
        self.reason = reason


def _allowed(table, user, instance) -> frozenset:
    return frozenset(
        row.action
        for (source, _action), row in table.items()
        if source == instance.status and row.who is not by_the_platform and row.who(user, instance)
    )


def _verdict(table, user, instance, action) -> Verdict:
    row = table.get((instance.status, action))
    if row is None:
        return deny(_("This step does not apply to it now."))
    return row.who(user, instance)


def _perform(*, table, instance, action, actor, now, note, changes, after_commit, audit_links):
    """The one mechanism behind both tables: lock the row and re-read its status, refuse an
    action the table has no row for or whose predicate refuses the actor (platform rows are
    taken by the job or as a consequence of a checked step, so they ask no one), apply
    ``changes``, save the new status, write the audit entry (linked as ``audit_links``
    says), and queue side-effects after commit."""
    with transaction.atomic():
        locked = type(instance).objects.select_for_update().get(pk=instance.pk)
        row = table.get((locked.status, action))
        if row is None:
            raise TransitionNotAllowed(locked.status, action)
        if row.who is not by_the_platform:
            verdict = row.who(actor, locked)
            if not verdict:
                raise ActionNotPermitted(locked.status, action, verdict.reason)
        if changes is not None:
            changes(locked)
        locked.status = row.target
        locked.save()
        audit.record(
            organisation_id=locked.organisation_id,
            actor=actor,
            action=row.audit,
            from_status=row.source,
            to_status=row.target,
            note=note,
            created_at=now,
            **audit_links(locked),
        )
        for callback in after_commit or []:
            transaction.on_commit(callback)
    return locked
