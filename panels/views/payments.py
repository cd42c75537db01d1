"""Honoraria and expenses for panel members (lived-experience assessors in most schemes),
recorded per panel by national staff and stream coordinators."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as account_permissions
from core.errors import ServiceError
from core.widgets import DateInput
from panels import permissions as panel_permissions
from panels.enums import PaymentKind
from panels.models import Payment
from panels.services import payments as payment_services
from panels.views.workspace import panel_or_404


class PaymentForm(forms.Form):
    member = forms.ModelChoiceField(label=gettext_lazy("Panel member"), queryset=None)
    kind = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=PaymentKind.choices, widget=forms.RadioSelect
    )
    amount = forms.DecimalField(
        label=gettext_lazy("Amount (£)"), min_value=0.01, max_digits=8, decimal_places=2
    )
    description = forms.CharField(
        label=gettext_lazy("What for"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("For example: panel day, or train fare Leeds to Sheffield."),
    )
    claimed_on = forms.DateField(
        label=gettext_lazy("Claimed on"),
        required=False,
        widget=DateInput(),
    )
    paid_on = forms.DateField(
        label=gettext_lazy("Paid on"),
        required=False,
        widget=DateInput(),
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = panel.members.select_related("user")
        self.fields["member"].label_from_instance = lambda member: (
            f"{member.user} ({member.get_role_display()})"
        )

    def clean(self):
        data = super().clean()
        claimed, paid = data.get("claimed_on"), data.get("paid_on")
        if claimed and paid and paid < claimed:
            self.add_error("paid_on", _("The date paid must be on or after the date claimed."))
        return data


@login_required
@require_http_methods(["GET", "POST"])
def panel_payments(request, pk: int):
    panel = panel_or_404(request, pk)
    account_permissions.require(panel_permissions.can_record_payments(request.user, panel))
    form = PaymentForm(request.POST or None, panel=panel)
    if request.method == "POST" and form.is_valid():
        try:
            payment_services.payment_record(
                user=request.user, now=timezone.now(), **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Payment recorded."))
            return redirect("workspace:panel_payments", panel.pk)
    payments = Payment.objects.filter(member__panel=panel).select_related(
        "member__user", "recorded_by"
    )
    totals = payments.aggregate(total=Sum("amount"))
    unpaid = payments.filter(paid_on__isnull=True).aggregate(total=Sum("amount"))
    return render(
        request,
        "awards/workspace/payments.html",
        {
            "panel": panel,
            "payments": payments,
            "form": form,
            "total": totals["total"] or 0,
            "unpaid": unpaid["total"] or 0,
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def payment_paid(request, pk: int):
    payment = get_object_or_404(Payment.objects.select_related("member__panel"), pk=pk)
    panel = panel_or_404(request, payment.member.panel_id)
    account_permissions.require(panel_permissions.can_record_payments(request.user, panel))
    try:
        payment_services.payment_mark_paid(
            payment=payment, paid_on=timezone.localdate(), user=request.user, now=timezone.now()
        )
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Marked as paid today."))
    return redirect("workspace:panel_payments", panel.pk)
