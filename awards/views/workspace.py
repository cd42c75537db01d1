"""The coordinator's workspace: the queue of applications in their area or stream, each
application in full with its timeline, and the triage actions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as account_permissions
from audit import selectors as audit_selectors
from awards import permissions, selectors
from awards.enums import ApplicationStatus
from awards.filters import ApplicationQueueFilter
from awards.models import Application, Award
from awards.services import decisions as decision_services
from awards.services import triage as triage_services
from awards.workflow import (
    RELEASE_ACTIONS,
    Action,
    TransitionNotAllowed,
    allowed_actions,
)
from core import errors as errors
from core.http import attachment, base_url, conflict_page
from core.widgets import DateInput
from panels import documents as panel_documents
from panels import permissions as panel_permissions
from panels import selectors as panel_selectors
from panels.forms import PanelChoiceForm
from panels.models import Panel
from panels.services import membership as membership_services

TRIAGE_ACTIONS = frozenset({Action.ACCEPT, Action.RETURN, Action.MARK_INELIGIBLE})

QUEUE_PAGE_SIZE = 25


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What information is needed?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    due_date = forms.DateField(label=gettext_lazy("Needed by"), widget=DateInput())
    tasks = forms.MultipleChoiceField(
        label=gettext_lazy("Tasks the applicant may change"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked to reopen every task."),
    )

    def __init__(self, *args, task_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].choices = task_choices


class IneligibleForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is the application not eligible?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


def coordinator_scope(request):
    """The coordinator's filter for applications and awards (403 for everyone else)."""
    scope = permissions.coordinated_applications_q(request.user)
    if scope is None:
        raise account_permissions.Refused(permissions.can_use_workspace(request.user).reason)
    return scope


@login_required
def queue(request):
    scope = coordinator_scope(request)
    base = selectors.coordinator_queue(scope)
    queue_filter = ApplicationQueueFilter(request.GET or None, queryset=base)
    applications = queue_filter.qs.select_related(
        "organisation", "organisation__local_group", "stream"
    ).order_by("-submitted_at", "-pk")
    counts = dict(base.order_by().values_list("status").annotate(total=Count("pk", distinct=True)))
    page_obj = Paginator(applications, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    status_counts = [
        (status, label, counts.get(status, 0))
        for status, label in ApplicationStatus.choices
        if counts.get(status)
    ]
    return render(
        request,
        "awards/workspace/queue.html",
        {
            "filter": queue_filter,
            "page_obj": page_obj,
            "status_counts": status_counts,
            "total": sum(counts.values()),
        },
    )


def coordinated_application_or_404(request, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related(
            "organisation", "stream", "criteria_version", "organisation__local_group"
        ),
        pk=pk,
    )
    account_permissions.require_or_404(
        permissions.can_coordinate_application(request.user, application)
    )
    return application


def _task_choices(task_list):
    return [(task.key, task.title) for task in task_list.tasks]


def _review_page(request, application, task_list, *, status=200, **forms_with_errors):
    """The coordinator's view of an application; triage forms with errors replace the blank
    ones when an action was refused."""
    actions = allowed_actions(request.user, application)
    context = {
        "application": application,
        "task_list": task_list,
        "answers": {a.criterion_id: a for a in application.answers.prefetch_related("evidence")},
        "timeline": audit_selectors.timeline(application=application),
        "may_triage": bool(actions & TRIAGE_ACTIONS),
        "may_release": bool(actions & RELEASE_ACTIONS),
        "meetings": application.panel_meetings.all(),
        "award": Award.objects.filter(application=application).first(),
        "return_form": ReturnForm(task_choices=_task_choices(task_list)),
        "ineligible_form": IneligibleForm(),
        "assign_form": PanelChoiceForm(panels=_panels_for(request.user, application))
        if application.awaits_panel
        else None,
        **forms_with_errors,
    }
    return render(request, "awards/workspace/application.html", context, status=status)


@login_required
def review(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    return _review_page(request, application, selectors.application_task_list(application))


def _conflict(request, application, message=None):
    """The 409 page for a step someone else took first, leading back to the application."""
    return conflict_page(
        request,
        message or _("This application is not waiting for triage any more."),
        back_url=reverse("workspace:application", args=[application.pk]),
    )


@login_required
@require_POST
def accept(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    try:
        triage_services.application_accept(
            application=application, user=request.user, now=timezone.now()
        )
    except TransitionNotAllowed:
        return _conflict(request, application)
    messages.success(
        request,
        _("%(reference)s is accepted for assessment.") % {"reference": application.reference},
    )
    return redirect("workspace:application", application.pk)


@login_required
@require_POST
def return_for_information(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    task_list = selectors.application_task_list(application)
    form = ReturnForm(request.POST, task_choices=_task_choices(task_list))
    if form.is_valid():
        try:
            triage_services.application_return(
                application=application,
                user=request.user,
                now=timezone.now(),
                note=form.cleaned_data["note"],
                due_date=form.cleaned_data["due_date"],
                tasks=form.cleaned_data["tasks"],
                base_url=base_url(request),
            )
        except TransitionNotAllowed:
            return _conflict(request, application)
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(reference)s is returned to the applicant.")
                % {"reference": application.reference},
            )
            return redirect("workspace:application", application.pk)
    return _review_page(request, application, task_list, status=400, return_form=form)


@login_required
@require_POST
def mark_ineligible(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    form = IneligibleForm(request.POST)
    if form.is_valid():
        try:
            triage_services.application_mark_ineligible(
                application=application,
                user=request.user,
                now=timezone.now(),
                reason=form.cleaned_data["reason"],
            )
        except TransitionNotAllowed:
            return _conflict(request, application)
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(reference)s is marked ineligible.") % {"reference": application.reference},
            )
            return redirect("workspace:application", application.pk)
    task_list = selectors.application_task_list(application)
    return _review_page(request, application, task_list, status=400, ineligible_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def release(request, pk: int):
    """Release the panel's pending decision to the applicant, after a preview of exactly what
    they will get: the decision, the feedback on each criterion, the conditions, the panel
    as they will see it, and the letter."""
    application = coordinated_application_or_404(request, pk)
    preview = panel_selectors.released_decision(application, preview=True)
    account_permissions.require_or_404(
        account_permissions.Verdict(
            bool(preview and allowed_actions(request.user, application) & RELEASE_ACTIONS)
        )
    )
    if request.method == "GET":
        return render(
            request,
            "awards/workspace/release.html",
            {"application": application, "released": preview},
        )
    try:
        decision_services.decision_release(
            application=application,
            user=request.user,
            now=timezone.now(),
            base_url=base_url(request),
        )
    except TransitionNotAllowed:
        return _conflict(request, application, _("There is no pending decision to release."))
    except errors.ServiceError as error:
        return _conflict(request, application, str(error))
    messages.success(request, _("The decision is released to the applicant."))
    return redirect("workspace:application", application.pk)


@login_required
def letter_preview(request, pk: int):
    """The feedback letter the applicant will get, before the decision is released."""
    application = coordinated_application_or_404(request, pk)
    context = panel_documents.feedback_letter_context(application, preview=True)
    account_permissions.require_or_404(account_permissions.Verdict(context is not None))
    return attachment(
        panel_documents.render_feedback_letter(context),
        filename=f"feedback-{application.reference}-preview.pdf",
        content_type="application/pdf",
    )


@login_required
@require_POST
def assign_panel(request, pk: int):
    """Give an application in assessment to one of the stream's panels, from its page."""
    application = coordinated_application_or_404(request, pk)
    form = PanelChoiceForm(request.POST, panels=_panels_for(request.user, application))
    if form.is_valid():
        panel = form.cleaned_data["panel"]
        try:
            membership_services.panel_assign_application(
                panel=panel, application=application, user=request.user, now=timezone.now()
            )
        except membership_services.CompositionError as error:
            form.add_error(
                "panel",
                _("The panel cannot take this application yet: %(problems)s")
                % {"problems": " ".join(str(problem) for problem in error.report.problems)},
            )
        except errors.ServiceError as error:
            form.add_error("panel", str(error))
        else:
            messages.success(
                request,
                _("%(reference)s is with %(panel)s.")
                % {"reference": application.reference, "panel": panel.name},
            )
            return redirect("workspace:application", application.pk)
    task_list = selectors.application_task_list(application)
    return _review_page(request, application, task_list, status=400, assign_form=form)


def _panels_for(user, application):
    """The panels of the application's stream that this coordinator manages."""
    scope = panel_permissions.coordinated_panels_q(user)
    if scope is None:
        return Panel.objects.none()
    return Panel.objects.filter(scope, stream_id=application.stream_id).order_by("name")
