"""Honoraria and expenses for panel members."""

import datetime
import decimal

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from core.errors import ServiceError
from panels import permissions as panel_permissions
from panels.enums import PaymentKind
from panels.models import PanelMember, Payment


@transaction.atomic
def payment_record(
    *,
    member: PanelMember,
    user: User,
    now: datetime.datetime,
    kind: str,
    amount: decimal.Decimal,
    description: str = "",
    claimed_on: datetime.date | None = None,
    paid_on: datetime.date | None = None,
) -> Payment:
    verdict = panel_permissions.can_record_payments(user, member.panel)
    if not verdict:
        raise ServiceError(verdict.reason)
    if kind not in PaymentKind.values:
        raise ServiceError(_("Choose honorarium or expenses."))
    if amount is None or amount <= 0:
        raise ServiceError(_("Enter an amount greater than £0."))
    if paid_on and claimed_on and paid_on < claimed_on:
        raise ServiceError(_("The date paid must be on or after the date claimed."))
    payment = Payment.objects.create(
        member=member,
        kind=kind,
        amount=amount,
        description=description.strip(),
        claimed_on=claimed_on,
        paid_on=paid_on,
        recorded_by=user,
        recorded_at=now,
    )
    audit.record(
        actor=user,
        action=AuditAction.PAYMENT_RECORDED,
        note=f"{payment.get_kind_display()} £{amount} – {member.panel.name}",
        data={"payment": payment.pk, "member": member.pk},
        created_at=now,
    )
    return payment


@transaction.atomic
def payment_mark_paid(
    *, payment: Payment, paid_on: datetime.date, user: User, now: datetime.datetime
) -> Payment:
    """Record the date a payment was made (once). Audited."""
    payment = Payment.objects.select_for_update().select_related("member__panel").get(pk=payment.pk)
    verdict = panel_permissions.can_record_payments(user, payment.member.panel)
    if not verdict:
        raise ServiceError(verdict.reason)
    if payment.paid_on is not None:
        raise ServiceError(_("This payment is already marked as paid."))
    if payment.claimed_on and paid_on < payment.claimed_on:
        raise ServiceError(_("The date paid must be on or after the date claimed."))
    payment.paid_on = paid_on
    payment.save(update_fields=["paid_on"])
    audit.record(
        actor=user,
        action=AuditAction.PAYMENT_PAID,
        note=f"{payment.get_kind_display()} £{payment.amount} – {payment.member.panel.name}",
        data={"payment": payment.pk, "member": payment.member_id, "paid_on": str(paid_on)},
        created_at=now,
    )
    return payment
