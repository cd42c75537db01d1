"""Panels (for coordinators) and the assessor portal (for panel members).

Thin: each view loads its object, asks awards/permissions.py (a 404 for what the person must
not know about, such as an application they are conflicted on; a 403 with the reason for a
step they may not take), makes one service call and maps domain errors to form errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as account_permissions
from awards import permissions as can
from core import errors as errors
from criteria.models import Stream
from panels import permissions as panel_permissions
from panels import selectors as panel_selectors
from panels.composition import panel_composition
from panels.enums import PanelRole
from panels.forms import (
    AssignForm,
    MemberForm,
    MemberRoleForm,
    PanelForm,
)
from panels.models import Panel, PanelMember
from panels.services import membership as membership_services
from reporting import permissions as reporting_permissions


def panel_scope(request):
    """The panels the signed-in coordinator manages (403 for everyone else)."""
    scope = panel_permissions.coordinated_panels_q(request.user)
    if scope is None:
        raise account_permissions.Refused(can.can_use_workspace(request.user).reason)
    return Panel.objects.filter(scope)


def panel_or_404(request, pk) -> Panel:
    return get_object_or_404(panel_scope(request).select_related("stream"), pk=pk)


PANEL_PAGE_SIZE = 20


@login_required
@require_http_methods(["GET", "POST"])
def panel_list(request):
    panels = panel_scope(request).select_related("stream").order_by("-created_at", "-pk")
    page_obj = Paginator(panels, PANEL_PAGE_SIZE).get_page(request.GET.get("page"))
    streams_q = panel_permissions.panel_streams_q(request.user)
    streams = Stream.objects.filter(streams_q) if streams_q is not None else Stream.objects.none()
    form = PanelForm(request.POST or None, streams=streams.distinct())
    if request.method == "POST" and form.is_valid():
        panel = form.save(commit=False)
        panel.created_by = request.user
        panel.save()
        messages.success(request, _("Panel created. Now add its members."))
        return redirect("workspace:panel", panel.pk)
    return render(
        request,
        "awards/workspace/panels.html",
        {
            "page_obj": page_obj,
            "form": form,
            "may_create": streams_q is not None,
            "may_export_payments": reporting_permissions.can_export_payments(request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def panel_detail(request, pk: int):
    panel = panel_or_404(request, pk)
    adding, assigning = "add_member" in request.POST, "assign" in request.POST
    # Search then choose: each list offers the first matches of the coordinator's search
    # (kept in the query string), and the one chosen before when the form comes back.
    assessors = panel_selectors.assessor_shortlist(
        panel=panel,
        query=request.GET.get("find_assessor", "").strip(),
        chosen=request.POST.get("user") if adding else None,
    )
    applications = panel_selectors.application_shortlist(
        user=request.user,
        panel=panel,
        query=request.GET.get("find_application", "").strip(),
        chosen=request.POST.get("application") if assigning else None,
    )
    member_form = MemberForm(
        request.POST if adding else None,
        candidates=panel_selectors.panel_member_candidates(panel),
        shown=assessors.shown,
    )
    assign_form = AssignForm(
        request.POST if assigning else None,
        candidates=panel_selectors.panel_assignable_applications(request.user, panel),
        shown=applications.shown,
    )
    assign_report = None
    if request.method == "POST":
        if adding and member_form.is_valid():
            data = member_form.cleaned_data
            try:
                membership_services.panel_member_add(
                    panel=panel,
                    user=data["user"],
                    role=data["role"],
                    is_chair=data["is_chair"],
                    actor=request.user,
                    now=timezone.now(),
                )
            except errors.ServiceError as error:
                member_form.add_error(None, str(error))
            else:
                messages.success(request, _("%(name)s is on the panel.") % {"name": data["user"]})
                return redirect("workspace:panel", panel.pk)
        if assigning and assign_form.is_valid():
            application = assign_form.cleaned_data["application"]
            try:
                membership_services.panel_assign_application(
                    panel=panel, application=application, user=request.user, now=timezone.now()
                )
            except membership_services.CompositionError as error:
                assign_report = error.report
                assign_form.add_error(
                    "application",
                    _("The panel cannot take this application yet: %(problems)s")
                    % {"problems": " ".join(str(problem) for problem in error.report.problems)},
                )
            except errors.ServiceError as error:
                assign_form.add_error("application", str(error))
            else:
                messages.success(
                    request,
                    _("%(reference)s is with this panel.") % {"reference": application.reference},
                )
                return redirect("workspace:panel", panel.pk)
    members = panel.members.select_related("user", "user__assessor_profile")
    return render(
        request,
        "awards/workspace/panel.html",
        {
            "panel": panel,
            "members": members,
            "report": panel_composition(panel),
            "assign_report": assign_report,
            "member_form": member_form,
            "assign_form": assign_form,
            "assessors": assessors,
            "assignable": applications,
            "applications": panel.applications.select_related("organisation"),
            "may_pay": panel_permissions.can_record_payments(request.user, panel),
            "roles": PanelRole.choices,
        },
        status=400 if (member_form.errors or assign_form.errors) else 200,
    )


@login_required
@require_POST
def member_change(request, pk: int, member_pk: int):
    """Change a member's role, or make them the chair."""
    panel = panel_or_404(request, pk)
    member = get_object_or_404(PanelMember, pk=member_pk, panel=panel)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the member's role on the panel."))
        return redirect("workspace:panel", panel.pk)
    try:
        membership_services.panel_member_change(
            member=member,
            role=form.cleaned_data["role"],
            is_chair=form.cleaned_data["is_chair"],
            actor=request.user,
            now=timezone.now(),
        )
    except errors.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s's role is changed.") % {"name": member.user})
    return redirect("workspace:panel", panel.pk)


@login_required
@require_POST
def member_remove(request, pk: int, member_pk: int):
    panel = panel_or_404(request, pk)
    member = get_object_or_404(PanelMember, pk=member_pk, panel=panel)
    try:
        membership_services.panel_member_remove(
            member=member, actor=request.user, now=timezone.now()
        )
    except errors.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Removed from the panel."))
    return redirect("workspace:panel", panel.pk)


# --- Assessor portal -----------------------------------------------------------------------
