"""The assessor portal: the to-do list, declaring conflicts, judging each criterion, the
chair's consensus and decision, and the meeting record. Each view asks
panels/permissions.py: 404 for an application the person is not on or is conflicted on, 403
with the reason for a step they may not take."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import permissions as account_permissions
from awards import selectors
from awards.models import Application
from awards.workflow import Action, TransitionNotAllowed, allowed_actions
from core import errors as errors
from panels import permissions as panel_permissions
from panels import selectors as panel_selectors
from panels.forms import (
    DecisionForm,
    DeclarationForm,
    JudgementsForm,
    MeetingForm,
)
from panels.services import assessment as assessment_services
from panels.services import meetings as meeting_services


@login_required
def portal(request):
    account_permissions.require(panel_permissions.can_use_assessor_portal(request.user))
    worklist = panel_selectors.assessor_worklist(request.user)
    return render(
        request,
        "awards/assess/portal.html",
        {
            "live": [item for item in worklist if item.is_live],
            "finished": [item for item in worklist if not item.is_live],
        },
    )


def member_application_or_404(request, pk: int) -> Application:
    """An application on a panel the user sits on, and is not conflicted on; 404 otherwise
    (a conflicted member learns nothing more about it)."""
    application = get_object_or_404(
        Application.objects.select_related(
            "organisation", "criteria_version", "panel", "stream", "renewal_of"
        ),
        pk=pk,
        panel__isnull=False,
    )
    seat = panel_permissions.panel_seat(request.user, application)
    if not seat.on_panel or seat.conflicted:
        raise Http404
    return application


def cleared_application_or_404(request, pk: int) -> Application:
    """As above, once the member has declared no conflict (they may read it)."""
    application = member_application_or_404(request, pk)
    account_permissions.require_or_404(
        panel_permissions.can_read_application_as_member(request.user, application)
    )
    return application


def _declare(request, application):
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_services.conflict_declare(
                member=panel_permissions.panel_seat(request.user, application).member,
                application=application,
                has_conflict=form.cleaned_data["has_conflict"],
                details=form.cleaned_data["details"],
                now=timezone.now(),
            )
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        else:
            if form.cleaned_data["has_conflict"]:
                messages.success(
                    request,
                    _(
                        "Thank you. You have declared a conflict of interest, so you will not "
                        "see or assess this application. The coordinator has been told."
                    ),
                )
                return redirect("assess:portal")
            return redirect("assess:application", application.pk)
    return render(
        request,
        "awards/assess/declare.html",
        {"application": application, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def assess(request, pk: int):
    application = member_application_or_404(request, pk)
    user = request.user
    if panel_permissions.can_declare_conflict(user, application):
        return _declare(request, application)
    account_permissions.require_or_404(
        panel_permissions.can_read_application_as_member(user, application)
    )

    seat = panel_permissions.panel_seat(user, application)
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    may_judge = panel_permissions.can_judge(user, application)
    own = panel_selectors.own_judgements(seat.assessment)
    initial = {"version": seat.assessment.version if seat.assessment else 0}
    for criterion_id, judgement in own.items():
        initial[f"outcome-{criterion_id}"] = judgement.outcome
        initial[f"comment-{criterion_id}"] = judgement.comment
    submitting = "submit" in request.POST
    form = JudgementsForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        criteria=criteria,
        submitting=submitting,
    )
    status = 200
    if request.method == "POST":
        account_permissions.require(may_judge)
        if form.is_valid():
            try:
                assessment_services.assessment_save(
                    member=seat.member,
                    application=application,
                    expected_version=form.cleaned_data["version"],
                    judgements=form.judgements(),
                    now=timezone.now(),
                    submit=submitting,
                )
            except errors.StaleWrite as stale:
                form.add_error(
                    None,
                    _(
                        "You saved these judgements in another tab or window since you opened "
                        "this page. What you typed is below: check it and save again."
                    ),
                )
                form.data = form.data.copy()
                form.data["version"] = stale.current.version
            except assessment_services.JudgementsIncomplete as error:
                form.add_error(None, str(error))
            except errors.ServiceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your judgements are submitted.") if submitting else _("Draft saved."),
                )
                return redirect("assess:application", application.pk)
        status = 400
    answers = selectors.answers_by_criterion(application)
    return render(
        request,
        "awards/assess/assess.html",
        {
            "application": application,
            "member": seat.member,
            "assessment": seat.assessment,
            "form": form,
            "rows": [
                {
                    "criterion": criterion,
                    "answer": answers.get(criterion.pk),
                    "outcome": outcome,
                    "comment": comment,
                    "judgement": own.get(criterion.pk),
                }
                for criterion, outcome, comment in form.rows()
            ],
            "may_judge": may_judge,
            "judged": sum(bool(j.outcome) for j in own.values()),
            "first_to_judge": next(
                (c.code for c in criteria if not (own.get(c.pk) and own[c.pk].outcome)),
                criteria[0].code if criteria else "",
            ),
            "others": panel_selectors.panel_judgements(application)
            if panel_permissions.can_see_others_judgements(user, application)
            else None,
            "may_decide": Action.RECORD_DECISION in allowed_actions(user, application),
            "may_open_consensus": panel_permissions.can_open_consensus(user, application),
            "changes": selectors.renewal_change_by_code(application),
            "meeting_count": application.panel_meetings.count(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, pk: int):
    """The chair's consensus grid and decision form, once the chair's own judgements are in."""
    application = cleared_application_or_404(request, pk)
    account_permissions.require(panel_permissions.can_open_consensus(request.user, application))
    chair = panel_permissions.panel_seat(request.user, application).member
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    consensus = panel_selectors.consensus_grid(application, criteria)
    initial = {}
    for criterion_id, agreed in consensus.agreed.items():
        initial[f"agreed-{criterion_id}"] = agreed.outcome
        initial[f"agreed-comment-{criterion_id}"] = agreed.comment
    may_record = Action.RECORD_DECISION in allowed_actions(request.user, application)
    form = DecisionForm(
        request.POST if request.method == "POST" else None, initial=initial, criteria=criteria
    )
    if request.method == "POST":
        account_permissions.require(
            may_record
            or account_permissions.deny(
                _("A decision can only be recorded while the application is in assessment.")
            )
        )
        if form.is_valid():
            try:
                assessment_services.decision_record(
                    application=application,
                    chair=chair,
                    agreed=form.agreed(),
                    now=timezone.now(),
                    **form.decision_fields(),
                )
            except TransitionNotAllowed:
                form.add_error(
                    None,
                    _("A decision can only be recorded while the application is in assessment."),
                )
            except errors.ServiceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "The decision is recorded. The coordinator will release it to the "
                        "applicant."
                    ),
                )
                return redirect("assess:portal")
    return render(
        request,
        "awards/assess/decision.html",
        {
            "application": application,
            "consensus": consensus,
            "form": form,
            "may_record": may_record,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request, pk: int):
    """The chair records the panel's meeting with, or visit to, the applicant. Every cleared
    member reads the record."""
    application = cleared_application_or_404(request, pk)
    may_record = panel_permissions.can_record_meeting(request.user, application)
    form = MeetingForm(request.POST or None)
    if request.method == "POST":
        account_permissions.require(may_record)
        if form.is_valid():
            try:
                meeting_services.meeting_record(
                    application=application,
                    user=request.user,
                    now=timezone.now(),
                    **form.cleaned_data,
                )
            except errors.ServiceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The meeting is recorded."))
                return redirect("assess:meeting", application.pk)
    return render(
        request,
        "awards/assess/meeting.html",
        {
            "application": application,
            "form": form,
            "may_record": may_record,
            "meetings": application.panel_meetings.select_related("recorded_by"),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def judge_criterion(request, pk: int, code: str):
    """One criterion at a time (for a phone): what the applicant says and their evidence,
    then the judgement and comment, saved as a draft before moving on. The whole page
    (``assess``) is where the judgements are reviewed and submitted."""
    application = cleared_application_or_404(request, pk)
    user = request.user
    seat = panel_permissions.panel_seat(user, application)
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    index = next((n for n, c in enumerate(criteria) if c.code == code), None)
    if index is None:
        raise Http404
    criterion = criteria[index]
    may_judge = panel_permissions.can_judge(user, application)
    own = panel_selectors.own_judgements(seat.assessment)
    judgement = own.get(criterion.pk)
    form = JudgementsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "version": seat.assessment.version if seat.assessment else 0,
            f"outcome-{criterion.pk}": judgement.outcome if judgement else "",
            f"comment-{criterion.pk}": judgement.comment if judgement else "",
        },
        criteria=[criterion],
    )
    following = criteria[index + 1] if index + 1 < len(criteria) else None
    if request.method == "POST":
        account_permissions.require(may_judge)
        if form.is_valid():
            try:
                assessment_services.assessment_save(
                    member=seat.member,
                    application=application,
                    expected_version=form.cleaned_data["version"],
                    judgements=form.judgements(),
                    now=timezone.now(),
                )
            except errors.StaleWrite as stale:
                form.add_error(
                    None,
                    _(
                        "You saved your judgements in another tab or window since you opened "
                        "this page. What you typed is below: check it and save again."
                    ),
                )
                form.data = form.data.copy()
                form.data["version"] = stale.current.version
            except errors.ServiceError as error:
                form.add_error(None, str(error))
            else:
                if following is not None and "review" not in request.POST:
                    return redirect("assess:criterion", application.pk, following.code)
                return redirect("assess:application", application.pk)
    judged = sum(bool(j.outcome) for j in own.values())
    (_criterion, outcome_field, comment_field) = form.rows()[0]
    return render(
        request,
        "awards/assess/criterion.html",
        {
            "application": application,
            "criterion": criterion,
            "answer": selectors.answers_by_criterion(application).get(criterion.pk),
            "form": form,
            "outcome": outcome_field,
            "comment": comment_field,
            "judgement": judgement,
            "may_judge": may_judge,
            "position": index + 1,
            "total": len(criteria),
            "judged": judged,
            "previous": criteria[index - 1] if index else None,
            "following": following,
            "changes": selectors.renewal_change_by_code(application),
        },
        status=400 if form.errors else 200,
    )
