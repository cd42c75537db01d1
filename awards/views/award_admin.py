"""Awards in the coordinator's workspace: the list with filters, one award with its
conditions and timeline, withdrawal (national staff) and marking conditions met."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as account_permissions
from audit import selectors as audit_selectors
from awards import permissions
from awards.enums import AwardStatus
from awards.filters import StaffAwardFilter
from awards.models import Award, Condition
from awards.services import awards as award_services
from awards.services import conditions as condition_services
from awards.views.workspace import coordinator_scope
from awards.workflow import (
    AwardAction,
    TransitionNotAllowed,
    allowed_award_actions,
    award_action_verdict,
)
from core.errors import ServiceError
from reporting import permissions as reporting_permissions

AWARDS_PAGE_SIZE = 25


@login_required
def award_list(request):
    scope = coordinator_scope(request)
    base = Award.objects.filter(scope)
    award_filter = StaffAwardFilter(request.GET or None, queryset=base)
    today = timezone.localdate()
    awards = (
        award_filter.qs.select_related("organisation", "organisation__local_group", "stream")
        .annotate(
            # Unmet conditions past their due date, read in the same query as the page.
            has_overdue=Exists(
                Condition.objects.filter(
                    decision__application=OuterRef("application"),
                    met_at__isnull=True,
                    due_date__lt=today,
                )
            )
        )
        .order_by("expires_on", "pk")
    )
    counts = dict(base.order_by().values_list("status").annotate(total=Count("pk")))
    page_obj = Paginator(awards, AWARDS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "awards/workspace/awards.html",
        {
            "filter": award_filter,
            "page_obj": page_obj,
            "status_counts": [
                (status, label, counts.get(status, 0))
                for status, label in AwardStatus.choices
                if counts.get(status)
            ],
            "query": request.GET.urlencode(),
            "today": today,
            "export_available": reporting_permissions.can_export_lists(request.user),
        },
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is the award being withdrawn?"),
        help_text=gettext_lazy("The organisation is emailed this reason and it is kept on record."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


def _award(request, pk: int) -> Award:
    award = get_object_or_404(
        Award.objects.select_related(
            "organisation", "organisation__local_group", "stream", "application", "renewed_by"
        ),
        pk=pk,
    )
    account_permissions.require_or_404(permissions.can_coordinate_award(request.user, award))
    return award


def _detail(request, award, *, withdraw_form=None, status=200):
    decision = getattr(award.application, "decision", None)
    conditions = (
        list(decision.conditions.select_related("met_by").prefetch_related("response_evidence"))
        if decision
        else []
    )
    for condition in conditions:
        condition.may_mark_met = bool(
            permissions.can_mark_condition_met(request.user, condition, award)
        )
    return render(
        request,
        "awards/workspace/award.html",
        {
            "award": award,
            "conditions": conditions,
            "today": timezone.localdate(),
            "renewals": award.renewal_applications.order_by("-created_at"),
            "reminders": award.reminders.all(),
            "timeline": audit_selectors.timeline(award=award),
            "can_withdraw": AwardAction.WITHDRAW in allowed_award_actions(request.user, award),
            "withdraw_form": withdraw_form or WithdrawForm(),
        },
        status=status,
    )


@login_required
def award_detail(request, pk: int):
    return _detail(request, _award(request, pk))


@login_required
@require_http_methods(["POST"])
def withdraw_award(request, pk: int):
    award = _award(request, pk)
    account_permissions.require(award_action_verdict(request.user, award, AwardAction.WITHDRAW))
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        return _detail(request, award, withdraw_form=form, status=400)
    try:
        award_services.award_withdraw(
            award=award, user=request.user, now=timezone.now(), reason=form.cleaned_data["reason"]
        )
    except ServiceError as error:
        form.add_error("reason", str(error))
        return _detail(request, award, withdraw_form=form, status=400)
    except TransitionNotAllowed:
        messages.error(request, _("This award has already ended."))
        return _detail(request, award, status=409)
    messages.success(request, _("The award is withdrawn and the organisation has been emailed."))
    return redirect("workspace:award", award.pk)


@login_required
@require_POST
def condition_met(request, pk: int):
    condition = get_object_or_404(Condition.objects.select_related("decision__application"), pk=pk)
    award = get_object_or_404(Award, application_id=condition.decision.application_id)
    account_permissions.require_or_404(permissions.can_coordinate_award(request.user, award))
    try:
        condition_services.condition_mark_met(
            condition=condition, user=request.user, now=timezone.now()
        )
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Condition marked as met. The organisation has been told."))
    return redirect("workspace:award", award.pk)
