"""Writes for council action plans: the import, and progress on each action (audited)."""

import datetime

from django.db import transaction

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from organisations.models import ActionPlan, Organisation, PlanAction

IMPORT_BATCH_SIZE = 500


@transaction.atomic
def action_plan_import(
    *,
    organisation: Organisation,
    user: User,
    title: str,
    rows: list,
    source_name: str,
    now: datetime.datetime,
):
    """Create an action plan from parsed rows (``action_plan_import.ActionRow``), in batches
    so that the number of queries grows per batch, not per row."""
    plan = ActionPlan.objects.create(
        organisation=organisation,
        title=title,
        source_file_name=source_name[:200],
        imported_at=now,
        imported_by=user,
    )
    PlanAction.objects.bulk_create(
        (
            PlanAction(
                plan=plan,
                sort_order=index,
                reference=row.reference[:50],
                directorate=row.directorate[:200],
                division=row.division[:200],
                service_area=row.service_area[:200],
                action=row.action,
                owner=row.owner[:200],
                milestones=row.milestones,
                status=row.status[:100],
                date_added=row.date_added,
                date_due=row.date_due,
                rag=row.rag,
                rag_date=row.rag_date,
                comments=row.comments,
                comments_date=row.comments_date,
            )
            for index, row in enumerate(rows)
        ),
        batch_size=IMPORT_BATCH_SIZE,
    )
    audit.record(
        organisation=organisation,
        actor=user,
        action=AuditAction.ACTION_PLAN_IMPORTED,
        note=f"{title} ({len(rows)})",
        data={"plan": plan.pk, "source": source_name[:200]},
        created_at=now,
    )
    return plan


@transaction.atomic
def action_update(*, action, user: User, now: datetime.datetime, **fields):
    """Record progress on one action (status, RAG rating, comments and their dates), with
    an audit entry naming what changed."""

    action = PlanAction.objects.select_for_update().select_related("plan").get(pk=action.pk)
    changed = {
        name: [_audit_value(getattr(action, name)), _audit_value(value)]
        for name, value in fields.items()
        if getattr(action, name) != value
    }
    for name, value in fields.items():
        setattr(action, name, value)
    action.updated_at = now
    action.updated_by = user
    action.save()
    if changed:
        audit.record(
            organisation_id=action.plan.organisation_id,
            actor=user,
            action=AuditAction.ACTION_PLAN_UPDATED,
            note=f"{action.plan.title}: {action.reference or action.pk}",
            data={"plan": action.plan_id, "action": action.pk, "changed": changed},
            created_at=now,
        )
    return action


def _audit_value(value) -> str | None:
    return None if value is None else str(value)
