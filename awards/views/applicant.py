"""The applicant's screens. Thin: load the object, check permission (404 for other
organisations' objects), make one service call, map domain errors to form errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from awards import permissions, selectors, services
from awards.enums import EvidenceKind, ScanStatus
from awards.forms import (
    SECTION_FIELDS,
    CriterionAnswerForm,
    EvidenceForm,
    InvitationForm,
    OrganisationForm,
    PledgeForm,
    StartApplicationForm,
    SubmitForm,
    WithdrawForm,
    section_form_class,
)
from awards.models import (
    Application,
    CriterionAnswer,
    EvidenceItem,
    Invitation,
    Membership,
    Organisation,
)
from awards.uploads import UploadRejected, clean_upload
from awards.workflow import TransitionNotAllowed
from criteria.models import Stream


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _organisation(request, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.select_related("stream"), pk=pk)
    if not permissions.can_view_organisation(request.user, organisation):
        raise Http404
    return organisation


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
    return render(
        request,
        "awards/dashboard.html",
        {"memberships": memberships, "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            user=request.user, now=timezone.now(), **form.cleaned_data
        )
        messages.success(
            request, _("%(name)s is set up. Next, sign the pledge.") % {"name": organisation.name}
        )
        return redirect("awards:pledge", organisation.pk)
    return render(request, "awards/organisation_form.html", {"form": form})


@login_required
def organisation_detail(request, pk: int):
    organisation = _organisation(request, pk)
    return render(
        request,
        "awards/organisation_detail.html",
        {
            "organisation": organisation,
            "team": selectors.organisation_team(organisation),
            "applications": organisation.applications.select_related("stream"),
            "can_manage_team": permissions.can_manage_team(request.user, organisation),
            "invitations": organisation.invitations.filter(accepted_at__isnull=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int):
    organisation = _organisation(request, pk)
    if not permissions.can_manage_team(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your organisation's details are saved."))
        return redirect("awards:organisation", organisation.pk)
    return render(
        request, "awards/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge(request, pk: int):
    organisation = _organisation(request, pk)
    if not permissions.can_manage_team(request.user, organisation):
        raise PermissionDenied
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.organisation_sign_pledge(
            organisation=organisation,
            user=request.user,
            now=timezone.now(),
            signatory_name=form.cleaned_data["signatory_name"],
            signatory_role=form.cleaned_data["signatory_role"],
        )
        messages.success(request, _("Thank you: your pledge is signed."))
        return redirect("awards:organisation", organisation.pk)
    return render(request, "awards/pledge.html", {"form": form, "organisation": organisation})


@login_required
@require_http_methods(["POST"])
def invite(request, pk: int):
    organisation = _organisation(request, pk)
    if not permissions.can_manage_team(request.user, organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_send(
                organisation=organisation,
                invited_by=request.user,
                now=timezone.now(),
                base_url=_base_url(request),
                **form.cleaned_data,
            )
        except services.ServiceError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("awards:organisation", organisation.pk)


@login_required
@require_http_methods(["POST"])
def member_remove(request, pk: int, membership_pk: int):
    organisation = _organisation(request, pk)
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    if not (
        permissions.can_manage_team(request.user, organisation)
        or membership.user_id == request.user.pk
    ):
        raise PermissionDenied
    try:
        services.membership_remove(
            membership=membership, removed_by=request.user, now=timezone.now()
        )
    except services.ServiceError as error:
        messages.error(request, str(error))
        return redirect("awards:organisation", organisation.pk)
    if membership.user_id == request.user.pk:
        messages.success(request, _("You have left %(name)s.") % {"name": organisation.name})
        return redirect("awards:dashboard")
    messages.success(request, _("%(email)s has been removed.") % {"email": membership.user.email})
    return redirect("awards:organisation", organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    if request.method == "POST":
        try:
            membership = services.invitation_accept(
                token=token, user=request.user, now=timezone.now()
            )
        except services.ServiceError as error:
            return render(
                request, "awards/invitation_problem.html", {"message": str(error)}, status=410
            )
        messages.success(
            request, _("You have joined %(name)s.") % {"name": membership.organisation.name}
        )
        return redirect("awards:organisation", membership.organisation_id)
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if problem := services.invitation_problem(invitation, now=timezone.now()):
        return render(request, "awards/invitation_problem.html", {"message": problem}, status=410)
    return render(request, "awards/invitation_accept.html", {"invitation": invitation})


# --- Evidence ---------------------------------------------------------------------------------


@login_required
def evidence_list(request, pk: int):
    organisation = _organisation(request, pk)
    return render(
        request,
        "awards/evidence_list.html",
        {
            "organisation": organisation,
            "items": selectors.evidence_library(organisation),
            "can_add": permissions.can_contribute(request.user, organisation),
            "kinds": EvidenceKind.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, pk: int, kind: str):
    organisation = _organisation(request, pk)
    if not permissions.can_contribute(request.user, organisation):
        raise PermissionDenied
    if kind not in EvidenceKind.values:
        raise Http404
    form = EvidenceForm(request.POST or None, request.FILES or None, kind=kind)
    next_url = request.GET.get("next", "")
    if request.method == "POST" and form.is_valid():
        details = {k: v for k, v in form.cleaned_data.items() if k not in {"upload"}}
        try:
            if kind == EvidenceKind.FILE:
                from django.conf import settings

                upload = clean_upload(
                    uploaded_file=form.cleaned_data["upload"],
                    max_bytes=settings.SANCTUARY_UPLOAD_MAX_BYTES,
                )
                title = details.pop("title")
                item = services.evidence_add_file(
                    organisation=organisation,
                    user=request.user,
                    upload=upload,
                    title=title,
                    **details,
                )
            else:
                item = services.evidence_add(
                    organisation=organisation, user=request.user, kind=kind, **details
                )
        except UploadRejected as error:
            form.add_error("upload", error)
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("“%(title)s” is in your evidence library.") % {"title": item.title}
            )
            if next_url.startswith("/apply/"):
                return redirect(next_url)
            return redirect("awards:evidence", organisation.pk)
    return render(
        request,
        "awards/evidence_form.html",
        {
            "organisation": organisation,
            "form": form,
            "kind": kind,
            "kind_label": EvidenceKind(kind).label,
            "next": next_url,
        },
    )


@login_required
def evidence_download(request, pk: int):
    item = get_object_or_404(EvidenceItem.objects.select_related("organisation"), pk=pk)
    if not permissions.can_view_evidence(request.user, item) or item.kind != EvidenceKind.FILE:
        raise Http404
    if item.scan_status != ScanStatus.CLEAN:
        return render(request, "awards/evidence_not_ready.html", {"item": item}, status=409)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.file_name,
        content_type=item.mime_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Applications -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def application_start(request, pk: int):
    organisation = _organisation(request, pk)
    if not permissions.can_manage_team(request.user, organisation):
        raise PermissionDenied
    streams = Stream.objects.filter(is_active=True, versions__status="published").distinct()
    initial = {"stream": organisation.stream_id} if organisation.stream_id else {}
    form = StartApplicationForm(request.POST or None, streams=streams, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_start(
                organisation=organisation,
                stream=form.cleaned_data["stream"],
                user=request.user,
                now=timezone.now(),
            )
        except services.ServiceError as error:
            form.add_error("stream", str(error))
        else:
            return redirect("awards:application", application.pk)
    return render(
        request, "awards/application_start.html", {"organisation": organisation, "form": form}
    )


@login_required
def application_detail(request, pk: int):
    application = _application(request, pk)
    task_list = selectors.application_task_list(application)
    return render(
        request,
        "awards/task_list.html",
        {
            "application": application,
            "task_list": task_list,
            "can_edit": permissions.can_edit_application(request.user, application),
            "can_submit": permissions.can_submit_application(request.user, application),
            "can_withdraw": permissions.can_withdraw_application(request.user, application),
            "released": selectors.released_decision(application),
        },
    )


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@login_required
@require_http_methods(["GET", "POST"])
def criterion_task(request, pk: int, code: str):
    application = _application(request, pk)
    criterion = get_object_or_404(application.criteria_version.criteria, code=code)
    answer = CriterionAnswer.objects.filter(application=application, criterion=criterion).first()
    can_edit = permissions.can_edit_task(request.user, application, criterion.code)
    evidence = application.organisation.evidence.order_by("title")
    initial = {
        "version": answer.version if answer else 0,
        "narrative": answer.narrative if answer else "",
        "self_assessment": answer.self_assessment if answer else "",
        "evidence": list(answer.evidence.values_list("pk", flat=True)) if answer else [],
    }
    form = CriterionAnswerForm(
        request.POST or None,
        initial=initial,
        evidence=evidence,
        max_length=application.stream.narrative_max_characters,
    )
    conflict = None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                answer = services.answer_save(
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
            except services.StaleWrite as stale:
                conflict = stale.current
                if _wants_json(request):
                    return JsonResponse({"saved": False, "conflict": True}, status=409)
            except services.ServiceError as error:
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
                if "save_and_return" in request.POST:
                    return redirect("awards:application", application.pk)
                return redirect("awards:criterion", application.pk, criterion.code)
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
    return render(
        request,
        "awards/criterion_task.html",
        {
            "application": application,
            "criterion": criterion,
            "answer": answer,
            "form": form,
            "can_edit": can_edit,
        },
    )


SECTION_TITLES = {
    "about": _("About your organisation"),
    "progress": _("Progress since your last award"),
    "lived-experience": _("How people with lived experience shaped this work"),
    "consent": _("Consent and safeguarding"),
    "endorsement": _("Senior endorsement"),
}


@login_required
@require_http_methods(["GET", "POST"])
def section_task(request, pk: int, section: str):
    application = _application(request, pk)
    if section not in SECTION_FIELDS or (section == "progress" and not application.renewal_of_id):
        raise Http404
    can_edit = permissions.can_edit_task(request.user, application, section)
    form_class = section_form_class(section)
    form = form_class(
        request.POST or None, instance=application, initial={"version": application.version}
    )
    theirs = None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in SECTION_FIELDS[section]}
            try:
                services.application_save_section(
                    application=application,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    fields=fields,
                    now=timezone.now(),
                )
            except services.StaleWrite as stale:
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
                    (form.fields[name].label, getattr(stale.current, name))
                    for name in SECTION_FIELDS[section]
                ]
            except services.ServiceError as error:
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
            "title": SECTION_TITLES[section],
            "section": section,
            "can_edit": can_edit,
            "theirs": theirs,
            "criteria_changes": selectors.renewal_criteria_changes(application)
            if section == "progress"
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
            "can_submit": permissions.can_submit_application(request.user, application),
            "answers": task_list.answers,
        },
    )


@login_required
@require_http_methods(["POST"])
def submit(request, pk: int):
    application = _application(request, pk)
    if not permissions.can_view_application(request.user, application):
        raise Http404
    if application.status not in ("draft", "returned"):
        if application.submitted_by_id == request.user.pk:
            return redirect("awards:submitted", application.pk)  # double click
        return HttpResponse(_("This application has already been submitted."), status=409)
    if not permissions.can_submit_application(request.user, application):
        raise PermissionDenied
    form = SubmitForm(request.POST)
    task_list = selectors.application_task_list(application)
    if form.is_valid():
        try:
            services.application_submit(
                application=application,
                user=request.user,
                now=timezone.now(),
                base_url=_base_url(request),
            )
        except services.ServiceError as error:
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
    if not permissions.can_withdraw_application(request.user, application):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application,
                user=request.user,
                now=timezone.now(),
                reason=form.cleaned_data["reason"],
            )
        except TransitionNotAllowed:
            return HttpResponse(_("This application cannot be withdrawn now."), status=409)
        messages.success(
            request,
            _("Application %(reference)s is withdrawn.") % {"reference": application.reference},
        )
        return redirect("awards:dashboard")
    return render(request, "awards/withdraw.html", {"application": application, "form": form})


@login_required
def feedback_letter(request, pk: int):
    """The panel's feedback letter as a PDF, once the decision is released."""
    from awards.pdf import render_pdf

    application = _application(request, pk)
    context = selectors.feedback_letter_context(application)
    if context is None:
        raise Http404
    content = render_pdf(template="awards/pdf/feedback_letter.html", context=context)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="feedback-{application.reference}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
