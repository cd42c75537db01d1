"""Printable documents as downloads: the application pack for the panel and for coordinators."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from accounts import permissions as account_permissions
from awards.models import Application
from awards.views.workspace import coordinated_application_or_404
from core.http import file_attachment
from panels import documents
from panels import permissions as panel_permissions
from panels.views.assess import cleared_application_or_404


def _application_pack(request, application: Application) -> HttpResponse:
    """The stored pack, or a page saying it is being prepared (202) with a way to try again."""
    pack = documents.application_pack_download(
        application=application, user=request.user, now=timezone.now()
    )
    if pack is None:
        return render(
            request,
            "panels/pack_preparing.html",
            {"application": application, "retry_url": request.path},
            status=202,
        )
    return file_attachment(
        pack.file.open("rb"),
        filename=f"{application.reference}-application-pack.pdf",
        content_type="application/pdf",
    )


@never_cache
@login_required
def application_pack_for_panel(request, pk: int):
    """For a member of the application's panel who has declared no conflict of interest, as
    the assessor portal requires before showing the answers; 404 for everyone else."""
    application = cleared_application_or_404(request, pk)
    account_permissions.require_or_404(panel_permissions.can_read_pack(request.user, application))
    return _application_pack(request, application)


@never_cache
@login_required
def application_pack_for_coordinator(request, pk: int):
    """For whoever may review the application in the workspace; 404 for everyone else."""
    return _application_pack(request, coordinated_application_or_404(request, pk))
