"""The evidence library: list, add (files validated by content, then virus-checked), and
download (for whoever may read it)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import permissions as account_permissions
from awards import permissions
from awards.models import Application
from awards.services import applications as application_services
from awards.services import evidence as removal_services
from core import errors as errors
from core.uploads import UploadRejected, clean_upload
from organisations import permissions as organisation_permissions
from organisations import selectors as organisation_selectors
from organisations.enums import EvidenceKind
from organisations.forms import EvidenceEditForm, EvidenceForm
from organisations.models import EvidenceItem
from organisations.services import evidence as evidence_services
from organisations.views.organisations import organisation_or_404
from panels import permissions as panel_permissions

LIBRARY_PAGE_SIZE = 25


@login_required
def evidence_list(request, pk: int):
    organisation = organisation_or_404(request, pk)
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "awards/evidence_list.html",
        {
            "organisation": organisation,
            "page_obj": organisation_selectors.evidence_library_page(
                organisation=organisation,
                query=query,
                page_number=request.GET.get("page"),
                per_page=LIBRARY_PAGE_SIZE,
            ),
            "query": query,
            "can_add": organisation_permissions.can_contribute(request.user, organisation),
            "kinds": EvidenceKind.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_evidence(request, pk: int, kind: str):
    organisation = organisation_or_404(request, pk)
    account_permissions.require(organisation_permissions.can_contribute(request.user, organisation))
    if kind not in EvidenceKind.values:
        raise Http404
    form = EvidenceForm(request.POST or None, request.FILES or None, kind=kind)
    next_url = request.GET.get("next", "")
    target = _criterion_target(request, organisation)
    if target is not None:
        next_url = reverse("awards:criterion", args=[target[0].pk, target[1].code])
    if request.method == "POST" and form.is_valid():
        details = {k: v for k, v in form.cleaned_data.items() if k not in {"upload"}}
        try:
            if kind == EvidenceKind.FILE:
                upload = clean_upload(
                    uploaded_file=form.cleaned_data["upload"],
                    max_bytes=settings.SANCTUARY_UPLOAD_MAX_BYTES,
                )
                title = details.pop("title")
                item = evidence_services.evidence_add_file(
                    organisation=organisation,
                    user=request.user,
                    upload=upload,
                    title=title,
                    **details,
                )
            else:
                item = evidence_services.evidence_add(
                    organisation=organisation, user=request.user, kind=kind, **details
                )
        except UploadRejected as error:
            form.add_error("upload", error)
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        else:
            if target is not None:
                application_services.answer_add_evidence(
                    application=target[0],
                    criterion=target[1],
                    item=item,
                    user=request.user,
                    now=timezone.now(),
                )
                messages.success(
                    request,
                    _("“%(title)s” is in your library and chosen for %(code)s.")
                    % {"title": item.title, "code": target[1].code},
                )
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
    account_permissions.require_or_404(panel_permissions.can_download_evidence(request.user, item))
    if not item.is_file:
        raise Http404
    if not item.is_downloadable_file:
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


def _own_item_or_404(request, pk: int) -> EvidenceItem:
    """An item of an organisation whose team the person is in (archived items are gone
    from the library, so they cannot be edited or removed again)."""
    item = get_object_or_404(
        EvidenceItem.objects.select_related("organisation"), pk=pk, archived_at__isnull=True
    )
    account_permissions.require_or_404(
        organisation_permissions.can_view_organisation(request.user, item.organisation)
    )
    account_permissions.require(
        organisation_permissions.can_contribute(request.user, item.organisation)
    )
    return item


@login_required
@require_http_methods(["GET", "POST"])
def edit_evidence(request, pk: int):
    item = _own_item_or_404(request, pk)
    form = EvidenceEditForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            evidence_services.evidence_update(
                item=item, user=request.user, now=timezone.now(), **form.cleaned_data
            )
        except errors.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("“%(title)s” is saved.") % {"title": item.title})
            return redirect("awards:evidence", item.organisation_id)
    return render(
        request,
        "awards/evidence_edit.html",
        {"item": item, "organisation": item.organisation, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["POST"])
def remove_evidence(request, pk: int):
    item = _own_item_or_404(request, pk)
    title = item.title
    removal = removal_services.evidence_remove(item=item, user=request.user, now=timezone.now())
    if removal is removal_services.Removal.ARCHIVED:
        messages.success(
            request,
            _(
                "“%(title)s” is no longer in your library. An application you submitted uses "
                "it, so the panel can still read it there."
            )
            % {"title": title},
        )
    else:
        messages.success(request, _("“%(title)s” is deleted.") % {"title": title})
    return redirect("awards:evidence", item.organisation_id)


def _criterion_target(request, organisation):
    """``?for=<application>:<code>``: the criterion page the upload started from, when the
    person may still change that criterion's answer; None otherwise."""
    application_pk, _sep, code = request.GET.get("for", "").partition(":")
    if not application_pk.isdigit():
        return None
    application = Application.objects.filter(pk=application_pk, organisation=organisation).first()
    if application is None or not permissions.can_edit_task(request.user, application, code):
        return None
    criterion = application.criteria_version.criteria.filter(code=code).first()
    return (application, criterion) if criterion else None
