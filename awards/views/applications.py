"""The applicant's screens. Thin: load the object, check permission (404 for other
organisations' objects), make one service call, map domain errors to form errors."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import permissions as account_permissions
from awards import permissions, sections, selectors
from awards.forms import (
    CriterionAnswerForm,
    StartApplicationForm,
    SubmitForm,
    WithdrawForm,
    section_form_class,
)
from awards.models import Application, CriterionAnswer
from awards.sections import section_for
from awards.services import applications as application_services
from awards.workflow import (
    SUBMIT_ACTIONS,
    Action,
    TransitionNotAllowed,
    action_verdict,
    allowed_actions,
    submit_action,
)
from core import errors as errors
from core.http import base_url, conflict_page
from criteria.selectors import streams_with_published_version
from organisations import permissions as organisation_permissions
from organisations import selectors as organisation_selectors
from organisations.views.organisations import organisation_or_404
from panels import documents as panel_documents
from panels import selectors as panel_selectors


def _application(request, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("organisation", "stream", "criteria_version"), pk=pk
    )
    if not permissions.can_view_application(request.user, application):
        raise Http404
    return application


@login_required
def dashboard(request):
    memberships = list(selectors.organisations_for_user(request.user))
    conditions = selectors.open_conditions_by_organisation(m.organisation_id for m in memberships)
    for membership in memberships:
        membership.open_conditions = conditions.get(membership.organisation_id, [])
        membership.is_lead = bool(
            organisation_permissions.can_manage_team(request.user, membership.organisation)
        )
        for award in membership.organisation.awards.all():
            award.open_renewal = next(
                (a for a in award.renewal_applications.all() if not a.ended_early), None
            )
            award.may_renew = award.open_renewal is None and bool(
                permissions.can_start_renewal(request.user, award)
            )
    return render(
        request,
        "awards/dashboard.html",
        {"memberships": memberships, "today": timezone.localdate()},
    )


# --- Evidence ---------------------------------------------------------------------------------


# --- Applications -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def start_application(request, pk: int):
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
    may_start = organisation_permissions.can_start_application(request.user, organisation)
    if not may_start:
        # A lead before the pledge: the organisation page is where it is signed.
        messages.warning(request, may_start.reason)
        return redirect("awards:organisation", organisation.pk)
    streams = streams_with_published_version()
    chosen = streams.filter(pk=request.GET.get("stream") or 0).values_list("pk", flat=True)
    initial = {"stream": chosen.first() or organisation.stream_id}
    form = StartApplicationForm(request.POST or None, streams=streams, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_services.application_start(
                organisation=organisation,
                stream=form.cleaned_data["stream"],
                user=request.user,
                now=timezone.now(),
            )
        except errors.ServiceError as error:
            form.add_error("stream", str(error))
        else:
            return redirect("awards:application", application.pk)
    return render(
        request, "awards/application_start.html", {"organisation": organisation, "form": form}
    )


@login_required
def start_for_stream(request, slug: str):
    """The stream page's "Start your application": for the organisation the person leads,
    straight to starting that stream's application; with several, a choice; with none,
    setting one up for the stream first."""
    stream = get_object_or_404(streams_with_published_version(), slug=slug)
    led = list(selectors.organisations_led_by(request.user))
    if len(led) == 1:
        url = reverse("awards:application_start", args=[led[0].pk])
        return redirect(f"{url}?stream={stream.pk}")
    if not led:
        return redirect(f"{reverse('awards:organisation_create')}?stream={stream.pk}")
    return render(request, "awards/start_for_stream.html", {"stream": stream, "organisations": led})


@login_required
def application_detail(request, pk: int):
    application = _application(request, pk)
    task_list = selectors.application_task_list(application)
    actions = allowed_actions(request.user, application)
    changes = selectors.changes_requested(application, task_list)
    return render(
        request,
        "awards/task_list.html",
        {
            "application": application,
            "task_list": task_list,
            "changes": changes,
            "can_edit": permissions.can_edit_application(request.user, application),
            "can_submit": bool(actions & SUBMIT_ACTIONS),
            "can_withdraw": Action.WITHDRAW in actions,
            "released": panel_selectors.released_decision(application),
        },
    )


# The picker lists every chosen item, then a page of this many of the rest of the library.
PICKER_PAGE_SIZE = 20


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@login_required
@require_http_methods(["GET", "POST"])
def criterion_task(request, pk: int, code: str):
    application = _application(request, pk)
    criterion = get_object_or_404(application.criteria_version.criteria, code=code)
    answer = CriterionAnswer.objects.filter(application=application, criterion=criterion).first()
    can_edit = permissions.can_edit_task(request.user, application, criterion.code)
    saved = list(answer.evidence.values_list("pk", flat=True)) if answer else []
    evidence = organisation_selectors.evidence_to_choose(application.organisation, chosen=saved)
    initial = {
        "version": answer.version if answer else 0,
        "narrative": answer.narrative if answer else "",
        "self_assessment": answer.self_assessment if answer else "",
        "evidence": saved,
    }
    form = CriterionAnswerForm(
        request.POST or None,
        initial=initial,
        evidence=evidence,
        max_length=application.stream.narrative_max_characters,
    )
    conflict = None
    if request.method == "POST":
        account_permissions.require(can_edit)
        if form.is_valid():
            data = form.cleaned_data
            try:
                answer = application_services.answer_save(
                    application=application,
                    criterion=criterion,
                    user=request.user,
                    expected_version=data["version"],
                    narrative=data["narrative"],
                    self_assessment=data["self_assessment"],
                    evidence_ids=None
                    if _wants_json(request) and "evidence" not in request.POST
                    else [item.pk for item in data["evidence"]],
                    now=timezone.now(),
                )
            except errors.StaleWrite as stale:
                conflict = stale.current
                if _wants_json(request):
                    return JsonResponse({"saved": False, "conflict": True}, status=409)
            except errors.ServiceError as error:
                if _wants_json(request):
                    return JsonResponse({"saved": False, "error": str(error)}, status=400)
                form.add_error(None, str(error))
            else:
                if _wants_json(request):
                    return JsonResponse(
                        {
                            "saved": True,
                            "version": answer.version,
                            "saved_at": timezone.localtime(answer.updated_at).strftime("%H:%M"),
                        }
                    )
                messages.success(request, _("%(code)s is saved.") % {"code": criterion.code})
                for kind in ("file", "link"):
                    if f"add_{kind}" in request.POST:
                        # Saved first, so nothing typed is lost; the new item comes back
                        # chosen for this criterion (organisations.views.evidence).
                        url = reverse(
                            "awards:evidence_add", args=[application.organisation_id, kind]
                        )
                        return redirect(f"{url}?for={application.pk}:{criterion.code}")
                if "save_and_return" in request.POST:
                    return redirect("awards:application", application.pk)
                url = reverse("awards:criterion", args=[application.pk, criterion.code])
                return redirect(url + _picker_listing(request))
        elif _wants_json(request):
            return JsonResponse({"saved": False, "errors": form.errors}, status=400)
    if conflict is not None:
        return render(
            request,
            "awards/conflict.html",
            {
                "application": application,
                "criterion": criterion,
                "form": form,
                "theirs": conflict,
                "mine": form.data.get("narrative", ""),
                # Every chosen evidence id (QueryDict.get would give only the last one).
                "evidence_ids": form.data.getlist("evidence"),
                "current_version": conflict.version,
            },
            status=409,
        )
    picker = None
    if can_edit:
        picker = organisation_selectors.evidence_picker(
            organisation=application.organisation,
            saved=saved,
            # Back with an error, the page shows what was ticked, not what was saved.
            ticked=_ids(form.data.getlist("evidence")) if form.is_bound else saved,
            query=request.POST.get("q", request.GET.get("q", "")).strip(),
            page_number=request.GET.get("page"),
            per_page=PICKER_PAGE_SIZE,
        )
    return render(
        request,
        "awards/criterion_task.html",
        {
            "application": application,
            "criterion": criterion,
            "answer": answer,
            "form": form,
            "can_edit": can_edit,
            "picker": picker,
        },
    )


def _ids(values) -> list[int]:
    return [int(value) for value in values if value.isascii() and value.isdecimal()]


def _picker_listing(request) -> str:
    """The picker's search and page to come back to after a save, as a query string. Its
    Search button and page buttons save the answer first (nothing ticked or typed is lost),
    then ask for their own listing; a plain Save keeps the page the person was on."""
    query = request.POST.get("q", "").strip()
    if "search" in request.POST:
        page = None
    elif "page" in request.POST:
        page = request.POST["page"]
    elif query == request.GET.get("q", "").strip():
        page = request.GET.get("page")
    else:
        page = None
    params = {name: value for name, value in (("q", query), ("page", page)) if value}
    return f"?{urlencode(params)}" if params else ""


@login_required
@require_http_methods(["GET", "POST"])
def section_task(request, pk: int, section: str):
    application = _application(request, pk)
    asked = section_for(application, section)
    if asked is None:
        raise Http404
    can_edit = permissions.can_edit_task(request.user, application, asked.key)
    form_class = section_form_class(asked)
    form = form_class(
        request.POST or None, instance=application, initial={"version": application.version}
    )
    theirs = None
    if request.method == "POST":
        account_permissions.require(can_edit)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in asked.fields}
            try:
                application_services.application_save_section(
                    application=application,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    fields=fields,
                    now=timezone.now(),
                )
            except errors.StaleWrite as stale:
                form.add_error(
                    None,
                    _(
                        "Someone else saved this section while you were editing. Their "
                        "saved answer is shown above yours: combine them and save again."
                    ),
                )
                form.data = form.data.copy()
                form.data["version"] = stale.current.version
                theirs = [
                    (form.fields[name].label, getattr(stale.current, name)) for name in asked.fields
                ]
            except errors.ServiceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Saved."))
                return redirect("awards:application", application.pk)
    return render(
        request,
        "awards/section_task.html",
        {
            "application": application,
            "form": form,
            "title": asked.title,
            "section": asked,
            "can_edit": can_edit,
            "theirs": theirs,
            "criteria_changes": selectors.renewal_criteria_changes(application)
            if asked is sections.PROGRESS
            else None,
        },
        status=409 if theirs else 200,
    )


@login_required
def check_answers(request, pk: int):
    application = _application(request, pk)
    task_list = selectors.application_task_list(application)
    form = SubmitForm()
    return render(
        request,
        "awards/check_answers.html",
        {
            "application": application,
            "task_list": task_list,
            "form": form,
            "can_submit": bool(allowed_actions(request.user, application) & SUBMIT_ACTIONS),
            "answers": task_list.answers,
            "needs_consent": selectors.evidence_needing_consent(application),
        },
    )


@login_required
@require_http_methods(["POST"])
def submit(request, pk: int):
    """Submit, or resubmit after a return or a request for more evidence (leads only)."""
    application = _application(request, pk)
    action = submit_action(application)
    if action is None:
        if application.submitted_by_id == request.user.pk:
            return redirect("awards:submitted", application.pk)  # a double click
        return conflict_page(
            request,
            _("This application has already been submitted."),
            back_url=reverse("awards:application_detail", args=[application.pk]),
        )
    account_permissions.require(action_verdict(request.user, application, action))
    form = SubmitForm(request.POST)
    task_list = selectors.application_task_list(application)
    if form.is_valid():
        try:
            application_services.application_submit(
                application=application,
                user=request.user,
                now=timezone.now(),
                base_url=base_url(request),
            )
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        except TransitionNotAllowed:
            return redirect("awards:submitted", application.pk)
        else:
            return redirect("awards:submitted", application.pk)
    return render(
        request,
        "awards/check_answers.html",
        {
            "application": application,
            "task_list": task_list,
            "form": form,
            "can_submit": True,
            "answers": task_list.answers,
            "needs_consent": selectors.evidence_needing_consent(application),
        },
        status=400,
    )


@login_required
def submitted(request, pk: int):
    application = _application(request, pk)
    return render(request, "awards/submitted.html", {"application": application})


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    application = _application(request, pk)
    account_permissions.require(action_verdict(request.user, application, Action.WITHDRAW))
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application_services.application_withdraw(
                application=application,
                user=request.user,
                now=timezone.now(),
                reason=form.cleaned_data["reason"],
            )
        except TransitionNotAllowed:
            return conflict_page(
                request,
                _("This application cannot be withdrawn now."),
                back_url=reverse("awards:application_detail", args=[application.pk]),
            )
        messages.success(
            request,
            _("Application %(reference)s is withdrawn.") % {"reference": application.reference},
        )
        return redirect("awards:dashboard")
    return render(request, "awards/withdraw.html", {"application": application, "form": form})


@login_required
def feedback_letter(request, pk: int):
    """The panel's feedback letter as a PDF, once the decision is released."""

    application = _application(request, pk)
    context = panel_documents.feedback_letter_context(application)
    if context is None:
        raise Http404
    content = panel_documents.render_feedback_letter(context)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="feedback-{application.reference}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
