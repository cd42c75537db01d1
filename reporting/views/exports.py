"""Excel exports from the staff lists: download now, or prepare in the background and
collect from "Your exports" (where a failed or expired one can be asked for again). Deny by
default: anyone an export is not for gets a 404."""

import tempfile

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import base_url, file_attachment
from core.xlsx import XLSX_CONTENT_TYPE
from reporting import exports
from reporting.enums import ExportStatus
from reporting.models import DataExport

EXPORTS_PAGE_SIZE = 25
# Small files stay in memory; larger ones spill to a temporary file.
SPOOL_MAX_BYTES = 8 * 1024 * 1024


def _refused(request, kind: str, error: Exception):
    return render(
        request,
        "awards/workspace/export_refused.html",
        {"message": str(error), "title": str(exports.EXPORTS[kind].title)},
        status=400,
    )


def _xlsx_response(fileobj, filename: str) -> FileResponse:
    return file_attachment(fileobj, filename=filename, content_type=XLSX_CONTENT_TYPE)


@login_required
@require_GET
def export(request, kind: str):
    """The list's rows, with the list's filters from the query string, as a spreadsheet."""
    try:
        prepared = exports.export_prepare(user=request.user, kind=kind, params=request.GET)
    except exports.ExportNotAvailable:
        raise Http404 from None
    except exports.ExportRequestError as error:
        return _refused(request, kind, error)
    now = timezone.now()
    if prepared.count() <= settings.EXPORT_INLINE_MAX_ROWS:
        # FileResponse closes the file when the response is done with it.
        handle = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES)  # noqa: SIM115
        exports.export_write(prepared=prepared, user=request.user, fileobj=handle, now=now)
        handle.seek(0)
        return _xlsx_response(handle, exports.export_filename(kind, now))
    exports.data_export_request(
        user=request.user, prepared=prepared, now=now, base_url=base_url(request)
    )
    messages.info(request, _("We are preparing your file; we will email you when it is ready."))
    return redirect("workspace:exports")


def _offered(user) -> list[tuple[str, str]]:
    return [(kind, str(spec.title)) for kind, spec in exports.EXPORTS.items() if spec.allowed(user)]


@login_required
@require_http_methods(["GET", "POST"])
def export_list(request):
    """The files prepared in the background for this user; POST ``retry`` asks again for a
    failed or expired one."""
    offered = _offered(request.user)
    if not offered:
        raise Http404
    if request.method == "POST":
        return _export_retry(request)
    titles = {kind: str(spec.title) for kind, spec in exports.EXPORTS.items()}
    allowed = {kind for kind, _title in offered}
    page_obj = Paginator(
        DataExport.objects.filter(requested_by=request.user).order_by("-created_at", "-pk"),
        EXPORTS_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    for item in page_obj:
        item.title = titles.get(item.kind, item.kind)
        item.can_retry = item.is_retryable and item.kind in allowed
    return render(
        request,
        "awards/workspace/exports.html",
        {"page_obj": page_obj, "offered": offered},
    )


def _export_retry(request):
    pk = request.POST.get("retry", "")
    if not pk.isdigit():
        raise Http404
    item = get_object_or_404(DataExport, pk=pk, requested_by=request.user)
    try:
        exports.data_export_retry(
            user=request.user, export=item, now=timezone.now(), base_url=base_url(request)
        )
    except exports.ExportNotAvailable:
        raise Http404 from None
    except exports.ExportRequestError as error:
        return _refused(request, item.kind, error)
    messages.info(request, _("We are preparing your file; we will email you when it is ready."))
    return redirect("workspace:exports")


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
