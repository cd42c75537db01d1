"""The coordinator's workspace: the queue of applications in their area or stream, each
application in full with its timeline, and the triage actions."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from awards import permissions, selectors, services
from awards.enums import ApplicationStatus
from awards.filters import ApplicationQueueFilter
from awards.models import Application, AuditEntry, Award
from awards.views.applicant import _base_url
from awards.workflow import TransitionNotAllowed

QUEUE_PAGE_SIZE = 25


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What information is needed?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    due_date = forms.DateField(
        label=gettext_lazy("Needed by"), widget=forms.DateInput(attrs={"type": "date"})
    )
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
    scope = permissions.coordinated_applications_q(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


@login_required
def queue(request):
    scope = coordinator_scope(request)
    base = Application.objects.filter(scope).exclude(status=ApplicationStatus.DRAFT)
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
    if application.status == ApplicationStatus.DRAFT or not (
        permissions.can_coordinate_application(request.user, application)
    ):
        raise Http404
    return application


def _task_choices(task_list):
    return [(task.key, task.title) for task in task_list.tasks]


def _review_page(request, application, task_list, *, status=200, **forms_with_errors):
    """The coordinator's view of an application; triage forms with errors replace the blank
    ones when an action was refused."""
    context = {
        "application": application,
        "task_list": task_list,
        "answers": {a.criterion_id: a for a in application.answers.prefetch_related("evidence")},
        "timeline": AuditEntry.objects.filter(application=application).select_related("actor"),
        "can_triage": permissions.can_triage(request.user, application),
        "meetings": application.panel_meetings.all(),
        "award": Award.objects.filter(application=application).first(),
        "return_form": ReturnForm(task_choices=_task_choices(task_list)),
        "ineligible_form": IneligibleForm(),
        **forms_with_errors,
    }
    return render(request, "awards/workspace/application.html", context, status=status)


@login_required
def review(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    return _review_page(request, application, selectors.application_task_list(application))


def _conflict():
    return HttpResponse(_("This application is not waiting for triage any more."), status=409)


@login_required
@require_POST
def accept(request, pk: int):
    application = coordinated_application_or_404(request, pk)
    if not permissions.can_coordinate_application(request.user, application):
        raise PermissionDenied
    try:
        services.application_accept(application=application, user=request.user, now=timezone.now())
    except TransitionNotAllowed:
        return _conflict()
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
            services.application_return(
                application=application,
                user=request.user,
                now=timezone.now(),
                note=form.cleaned_data["note"],
                due_date=form.cleaned_data["due_date"],
                tasks=form.cleaned_data["tasks"],
                base_url=_base_url(request),
            )
        except TransitionNotAllowed:
            return _conflict()
        except services.ServiceError as error:
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
            services.application_mark_ineligible(
                application=application,
                user=request.user,
                now=timezone.now(),
                reason=form.cleaned_data["reason"],
            )
        except TransitionNotAllowed:
            return _conflict()
        except services.ServiceError as error:
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
@require_POST
def release(request, pk: int):
    """Release the panel's pending decision to the applicant."""
    application = coordinated_application_or_404(request, pk)
    try:
        services.decision_release(
            application=application,
            user=request.user,
            now=timezone.now(),
            base_url=_base_url(request),
        )
    except TransitionNotAllowed:
        return HttpResponse(_("There is no pending decision to release."), status=409)
    except services.ServiceError as error:
        return HttpResponse(str(error), status=409)
    messages.success(request, _("The decision is released to the applicant."))
    return redirect("workspace:application", application.pk)
