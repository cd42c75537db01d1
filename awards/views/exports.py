"""Excel exports from the staff lists: download now, or prepare in the background and
collect from "Your exports". Deny by default: anyone an export is not for gets a 404."""

import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from awards import exports
from awards.enums import ExportStatus
from awards.models import DataExport
from awards.views.applicant import _base_url

EXPORTS_PAGE_SIZE = 25
# Small files stay in memory; larger ones spill to a temporary file.
SPOOL_MAX_BYTES = 8 * 1024 * 1024


def _xlsx_response(fileobj, filename: str) -> FileResponse:
    response = FileResponse(
        fileobj,
        as_attachment=True,
        filename=filename,
        content_type=exports.XLSX_CONTENT_TYPE,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def export(request, kind: str):
    """The list's rows, with the list's filters from the query string, as a spreadsheet."""
    try:
        prepared = exports.export_prepare(user=request.user, kind=kind, params=request.GET)
    except exports.ExportNotAvailable:
        raise Http404 from None
    except exports.ExportRequestError as error:
        return render(
            request,
            "awards/workspace/export_refused.html",
            {"message": str(error), "title": str(exports.EXPORTS[kind].title)},
            status=400,
        )
    now = timezone.now()
    if prepared.count() <= settings.EXPORT_INLINE_MAX_ROWS:
        # FileResponse closes the file when the response is done with it.
        handle = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
        exports.export_write(prepared=prepared, user=request.user, fileobj=handle, now=now)
        handle.seek(0)
        return _xlsx_response(handle, exports.export_filename(kind, now))
    exports.data_export_request(
        user=request.user, prepared=prepared, now=now, base_url=_base_url(request)
    )
    messages.info(request, _("We are preparing your file; we will email you when it is ready."))
    return redirect("workspace:exports")


def _offered(user) -> list[tuple[str, str]]:
    return [(kind, str(spec.title)) for kind, spec in exports.EXPORTS.items() if spec.allowed(user)]


@login_required
@require_GET
def export_list(request):
    """The files prepared in the background for this user."""
    offered = _offered(request.user)
    if not offered:
        raise Http404
    titles = {kind: str(spec.title) for kind, spec in exports.EXPORTS.items()}
    page_obj = Paginator(
        DataExport.objects.filter(requested_by=request.user).order_by("-created_at", "-pk"),
        EXPORTS_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    for item in page_obj:
        item.title = titles.get(item.kind, item.kind)
    return render(
        request,
        "awards/workspace/exports.html",
        {"page_obj": page_obj, "offered": offered, "ready": ExportStatus.READY},
    )


@login_required
@require_GET
def export_download(request, pk: int):
    """A prepared file, for the person who asked for it only, while they may still export
    that list."""
    item = get_object_or_404(
        DataExport, pk=pk, requested_by=request.user, status=ExportStatus.READY
    )
    spec = exports.EXPORTS.get(item.kind)
    if spec is None or not spec.allowed(request.user) or not item.file:
        raise Http404
    return _xlsx_response(item.file.open("rb"), exports.export_filename(item.kind, item.created_at))
