"""Printable documents as downloads: the application pack for the panel and for coordinators."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from awards.documents import application_pack_context, render_application_pack
from awards.enums import AuditAction
from awards.models import Application, AuditEntry, ConflictDeclaration
from awards.panels import conflicted_members
from awards.views.panels import panel_member_or_404
from awards.views.workspace import coordinated_application_or_404


def _pdf_download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _application_pack(request, application: Application) -> HttpResponse:
    content = render_application_pack(application_pack_context(application))
    # The pack holds the applicant's answers: who took a copy, and when, is on the record.
    AuditEntry.objects.create(
        application=application,
        organisation_id=application.organisation_id,
        actor=request.user,
        action=AuditAction.EXPORT_CREATED,
        note=_("Application pack (PDF) downloaded"),
        created_at=timezone.now(),
    )
    return _pdf_download(content, f"{application.reference}-application-pack.pdf")


@never_cache
@login_required
def application_pack_for_panel(request, pk: int):
    """For a member of the application's panel who has declared no conflict of interest, as
    the assessor portal requires before showing the answers; 404 for everyone else."""
    application, member = panel_member_or_404(request, pk)
    if not ConflictDeclaration.objects.filter(
        member=member, application=application, has_conflict=False
    ).exists() or member in conflicted_members(member.panel, application):
        raise Http404
    return _application_pack(request, application)


@never_cache
@login_required
def application_pack_for_coordinator(request, pk: int):
    """For whoever may review the application in the workspace; 404 for everyone else."""
    return _application_pack(request, coordinated_application_or_404(request, pk))
