"""Council action plans: import from Excel with a preview, update progress, export."""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts import permissions as account_permissions
from core.uploads import UploadRejected, clean_upload
from core.widgets import DateInput
from criteria.enums import Principle
from organisations import permissions as organisation_permissions
from organisations.action_plan_export import export_action_plan
from organisations.action_plan_import import ActionRow, parse_action_plan
from organisations.models import ActionPlan, PlanAction
from organisations.services import action_plans as action_plan_services
from organisations.views.organisations import organisation_or_404

PENDING_KEY = "action_plan_pending"


class ImportForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Name of the plan"),
        max_length=200,
        initial=gettext_lazy("Borough of Sanctuary action plan"),
    )
    upload = forms.FileField(label=gettext_lazy("Action plan spreadsheet (.xlsx)"))


class ActionForm(forms.ModelForm):
    class Meta:
        model = PlanAction
        fields = ["status", "rag", "rag_date", "comments", "comments_date"]
        widgets = {
            "rag_date": DateInput(),
            "comments_date": DateInput(),
            "comments": forms.Textarea(attrs={"rows": 4}),
        }


class LinkCriteriaForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["criteria"]
        widgets = {"criteria": forms.CheckboxSelectMultiple}


def _plan(request, pk: int) -> ActionPlan:
    plan = get_object_or_404(ActionPlan.objects.select_related("organisation"), pk=pk)
    if not organisation_permissions.can_view_organisation(request.user, plan.organisation):
        raise Http404
    return plan


@login_required
def plan_list(request, pk: int):
    organisation = organisation_or_404(request, pk)
    return render(
        request,
        "awards/action_plans/list.html",
        {
            "organisation": organisation,
            "plans": organisation.action_plans.all(),
            "can_edit": organisation_permissions.can_contribute(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request, pk: int):
    """Upload → preview with row-level errors → confirm. Nothing is saved before confirm."""
    organisation = organisation_or_404(request, pk)
    account_permissions.require(organisation_permissions.can_contribute(request.user, organisation))
    storage = storages["private"]
    pending = request.session.get(PENDING_KEY)
    if request.method == "POST" and "confirm" in request.POST:
        if not pending or pending["organisation"] != organisation.pk:
            messages.error(request, _("Upload the spreadsheet again: the preview has expired."))
            return redirect("awards:action_plan_import", organisation.pk)
        with storage.open(pending["path"], "rb") as handle:
            preview = parse_action_plan(data=handle.read())
        if not preview.ok:
            messages.error(request, _("Fix the problems in the spreadsheet and upload it again."))
            return redirect("awards:action_plan_import", organisation.pk)
        plan = action_plan_services.action_plan_import(
            organisation=organisation,
            user=request.user,
            title=pending["title"],
            rows=preview.rows,
            source_name=pending["name"],
            now=timezone.now(),
        )
        storage.delete(pending["path"])
        del request.session[PENDING_KEY]
        messages.success(request, _("%(count)s actions imported.") % {"count": len(preview.rows)})
        return redirect("awards:action_plan", plan.pk)

    form = ImportForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            upload = clean_upload(
                uploaded_file=form.cleaned_data["upload"],
                max_bytes=settings.SANCTUARY_UPLOAD_MAX_BYTES,
            )
        except UploadRejected as error:
            form.add_error("upload", error)
        else:
            if upload.kind != "xlsx":
                form.add_error("upload", _("Upload the action plan as an Excel .xlsx file."))
            else:
                preview = parse_action_plan(data=upload.content)
                for message in preview.file_errors:
                    form.add_error("upload", message)
                if not preview.file_errors:
                    path = storage.save(
                        f"action-plan-uploads/{uuid.uuid4().hex}", ContentFile(upload.content)
                    )
                    request.session[PENDING_KEY] = {
                        "organisation": organisation.pk,
                        "path": path,
                        "title": form.cleaned_data["title"],
                        "name": upload.safe_name,
                    }
    return render(
        request,
        "awards/action_plans/import.html",
        {
            "organisation": organisation,
            "form": form,
            "preview": preview,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    can_edit = organisation_permissions.can_contribute(request.user, plan.organisation)
    embed = (
        plan.organisation.applications.order_by("-created_at")
        .values_list("criteria_version_id", flat=True)
        .first()
    )
    link_form = LinkCriteriaForm(request.POST or None, instance=plan)
    link_form.fields["criteria"].queryset = (
        plan.criteria.model.objects.filter(version_id=embed, principle=Principle.EMBED)
        if embed
        else plan.criteria.none()
    )
    link_form.fields["criteria"].label_from_instance = lambda c: f"{c.code} {c.title}"
    if request.method == "POST":
        account_permissions.require(can_edit)
        if link_form.is_valid():
            link_form.save()
            messages.success(request, _("Linked criteria saved."))
            return redirect("awards:action_plan", plan.pk)
    return render(
        request,
        "awards/action_plans/detail.html",
        {
            "plan": plan,
            "actions": plan.actions.all(),
            "can_edit": can_edit,
            "link_form": link_form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk: int, action_pk: int):
    plan = _plan(request, pk)
    account_permissions.require(
        organisation_permissions.can_contribute(request.user, plan.organisation)
    )
    action = get_object_or_404(PlanAction, pk=action_pk, plan=plan)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        action_plan_services.action_update(
            action=action, user=request.user, now=timezone.now(), **form.cleaned_data
        )
        messages.success(request, _("%(reference)s updated.") % {"reference": action.reference})
        return redirect("awards:action_plan", plan.pk)
    return render(
        request,
        "awards/action_plans/action_form.html",
        {"plan": plan, "action": action, "form": form},
    )


@login_required
def plan_export(request, pk: int):
    plan = _plan(request, pk)
    rows = (
        ActionRow(
            reference=a.reference,
            directorate=a.directorate,
            division=a.division,
            service_area=a.service_area,
            action=a.action,
            owner=a.owner,
            milestones=a.milestones,
            status=a.status,
            date_added=a.date_added,
            date_due=a.date_due,
            rag=a.rag,
            rag_date=a.rag_date,
            comments=a.comments,
            comments_date=a.comments_date,
        )
        for a in plan.actions.all().iterator()
    )
    content = export_action_plan(
        rows=rows, title=plan.title, generated_by=str(request.user), generated_at=timezone.now()
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{slugify(plan.title) or 'action-plan'}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
