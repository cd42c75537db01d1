"""Panels (for coordinators) and the assessor portal (for panel members)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.permissions import has_role
from awards import award_services as services_awards
from awards import permissions, selectors, services
from awards.enums import ApplicationStatus, Judgement, PanelRole
from awards.models import (
    Application,
    Assessment,
    ConflictDeclaration,
    Panel,
    PanelMeeting,
    PanelMember,
)
from awards.panels import panel_composition
from awards.workflow import TransitionNotAllowed
from criteria.models import Stream


def _panel_scope(user):
    if has_role(user, Role.NATIONAL_ADMIN):
        return Panel.objects.all()
    scope = permissions.coordinated_applications_q(user)
    if scope is None:
        raise PermissionDenied
    streams = list(user.coordinated_streams.values_list("pk", flat=True))
    groups = list(user.local_coordinations.values_list("local_group_id", flat=True))
    return Panel.objects.filter(stream_id__in=streams) | Panel.objects.filter(
        local_group_id__in=groups
    )


class PanelForm(forms.ModelForm):
    class Meta:
        model = Panel
        fields = ["stream", "name", "local_group", "meeting_date", "meeting_format", "place"]
        widgets = {"meeting_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, streams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stream"].queryset = streams


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=gettext_lazy("Panel member"), queryset=None)
    role = forms.ChoiceField(label=gettext_lazy("Role on the panel"), choices=PanelRole.choices)
    is_chair = forms.BooleanField(label=gettext_lazy("Chair"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(groups__name=ROLE_GROUP_NAMES[Role.PANEL_MEMBER])
            .order_by("last_name", "email")
        )


class AssignForm(forms.Form):
    application = forms.ModelChoiceField(label=gettext_lazy("Application"), queryset=None)

    def __init__(self, *args, panel, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = permissions.coordinated_applications_q(user)
        self.fields["application"].queryset = Application.objects.filter(
            scope,
            stream=panel.stream,
            status=ApplicationStatus.IN_ASSESSMENT,
            panel__isnull=True,
        ).select_related("organisation")
        self.fields["application"].label_from_instance = lambda application: (
            f"{application.organisation.name} ({application.reference})"
        )


@login_required
@require_http_methods(["GET", "POST"])
def panel_list(request):
    panels = _panel_scope(request.user).select_related("stream").order_by("-created_at")
    streams = Stream.objects.filter(pk__in=_panel_stream_ids(request.user))
    form = PanelForm(request.POST or None, streams=streams)
    if request.method == "POST" and form.is_valid():
        panel = form.save(commit=False)
        panel.created_by = request.user
        panel.save()
        messages.success(request, _("Panel created. Now add its members."))
        return redirect("workspace:panel", panel.pk)
    from awards.exports import can_export_payments

    return render(
        request,
        "awards/workspace/panels.html",
        {
            "panels": panels,
            "form": form,
            "may_export_payments": can_export_payments(request.user),
        },
    )


def _panel_stream_ids(user):
    if has_role(user, Role.NATIONAL_ADMIN):
        return Stream.objects.values_list("pk", flat=True)
    return user.coordinated_streams.values_list("pk", flat=True)


def panel_or_404(request, pk):
    panel = get_object_or_404(_panel_scope(request.user).select_related("stream"), pk=pk)
    return panel


@login_required
@require_http_methods(["GET", "POST"])
def panel_detail(request, pk: int):
    panel = panel_or_404(request, pk)
    member_form = MemberForm(request.POST if "add_member" in request.POST else None)
    assign_form = AssignForm(
        request.POST if "assign" in request.POST else None, panel=panel, user=request.user
    )
    assign_report = None
    if request.method == "POST":
        if "add_member" in request.POST and member_form.is_valid():
            data = member_form.cleaned_data
            if data["is_chair"]:
                panel.members.update(is_chair=False)
            PanelMember.objects.update_or_create(
                panel=panel,
                user=data["user"],
                defaults={"role": data["role"], "is_chair": data["is_chair"]},
            )
            messages.success(request, _("%(name)s is on the panel.") % {"name": data["user"]})
            return redirect("workspace:panel", panel.pk)
        if "assign" in request.POST and assign_form.is_valid():
            application = assign_form.cleaned_data["application"]
            try:
                services.panel_assign_application(
                    panel=panel, application=application, user=request.user, now=timezone.now()
                )
            except services.CompositionError as error:
                assign_report = error.report
                assign_form.add_error(
                    "application",
                    _("The panel cannot take this application yet: %(problems)s")
                    % {"problems": " ".join(str(problem) for problem in error.report.problems)},
                )
            except services.ServiceError as error:
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
            "applications": panel.applications.select_related("organisation"),
            "may_pay": has_role(request.user, Role.NATIONAL_ADMIN)
            or has_role(request.user, Role.STREAM_COORDINATOR),
        },
        status=400 if assign_report else 200,
    )


@login_required
@require_POST
def member_remove(request, pk: int, member_pk: int):
    panel = panel_or_404(request, pk)
    member = get_object_or_404(PanelMember, pk=member_pk, panel=panel)
    if member.assessments.exists():
        messages.error(
            request, _("This member has started judging, so they stay on the panel's record.")
        )
    else:
        member.delete()
        messages.success(request, _("Removed from the panel."))
    return redirect("workspace:panel", panel.pk)


# --- Assessor portal -----------------------------------------------------------------------


@login_required
def portal(request):
    memberships = (
        PanelMember.objects.filter(user=request.user)
        .select_related("panel", "panel__stream")
        .prefetch_related("panel__applications__organisation")
    )
    return render(request, "awards/assess/portal.html", {"memberships": memberships})


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=gettext_lazy("Do you have a conflict of interest with this applicant?"),
        choices=[("no", gettext_lazy("No")), ("yes", gettext_lazy("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "For example you work for, study at, or are a governor or "
            "trustee of the applicant, or know its staff well."
        ),
    )
    details = forms.CharField(
        label=gettext_lazy("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def panel_member_or_404(request, pk):
    application = get_object_or_404(
        Application.objects.select_related(
            "organisation", "criteria_version", "panel", "stream", "renewal_of"
        ),
        pk=pk,
    )
    member = (
        PanelMember.objects.filter(panel_id=application.panel_id, user=request.user)
        .select_related("panel")
        .first()
    )
    if application.panel_id is None or member is None:
        raise Http404
    return application, member


@login_required
@require_http_methods(["GET", "POST"])
def assess(request, pk: int):
    application, member = panel_member_or_404(request, pk)
    declaration = ConflictDeclaration.objects.filter(member=member, application=application).first()
    if declaration is None:
        form = DeclarationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.conflict_declare(
                member=member,
                application=application,
                has_conflict=form.cleaned_data["has_conflict"],
                details=form.cleaned_data["details"],
                now=timezone.now(),
            )
            return redirect("assess:application", application.pk)
        return render(
            request, "awards/assess/declare.html", {"application": application, "form": form}
        )
    if declaration.has_conflict:
        return render(request, "awards/assess/conflicted.html", {"application": application})

    assessment = Assessment.objects.filter(
        member=member, application=application, round=application.assessment_round
    ).first()
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    answers = {a.criterion_id: a for a in application.answers.prefetch_related("evidence")}
    own = {j.criterion_id: j for j in (assessment.judgements.all() if assessment else [])}
    errors = []
    if request.method == "POST" and not (assessment and assessment.submitted_at):
        judgements = {
            criterion.pk: (
                request.POST.get(f"outcome-{criterion.pk}", ""),
                request.POST.get(f"comment-{criterion.pk}", "")[:4000],
            )
            for criterion in criteria
        }
        try:
            services.assessment_save(
                member=member,
                application=application,
                expected_version=int(request.POST.get("version", "0")),
                judgements=judgements,
                now=timezone.now(),
                submit="submit" in request.POST,
            )
        except services.StaleWrite:
            errors.append(
                _(
                    "You saved these judgements in another tab or window. This page "
                    "now shows the saved version: check it and save again."
                )
            )
        except services.ServiceError as error:
            errors.append(str(error))
        else:
            messages.success(
                request,
                _("Your judgements are submitted.")
                if "submit" in request.POST
                else _("Draft saved."),
            )
            return redirect("assess:application", application.pk)
        assessment = Assessment.objects.filter(
            member=member, application=application, round=application.assessment_round
        ).first()
        own = {j.criterion_id: j for j in (assessment.judgements.all() if assessment else [])}
    rows = [
        {"criterion": c, "answer": answers.get(c.pk), "judgement": own.get(c.pk)} for c in criteria
    ]
    others = None
    if assessment and assessment.submitted_at:
        others = selectors.judgements_visible_to(member, application)
    return render(
        request,
        "awards/assess/assess.html",
        {
            "application": application,
            "member": member,
            "rows": rows,
            "assessment": assessment,
            "choices": Judgement.choices,
            "errors": errors,
            "others": others,
            "changes": selectors.renewal_change_by_code(application),
            "meeting_count": application.panel_meetings.count(),
        },
        status=400 if errors else 200,
    )


def _parse_date(value: str):
    import datetime

    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def decision(request, pk: int):
    """The chair's consensus grid and decision form."""
    application, member = panel_member_or_404(request, pk)
    if not member.is_chair:
        raise PermissionDenied
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    members = list(application.panel.members.select_related("user"))
    judgements = {}
    for assessment in Assessment.objects.filter(
        application=application,
        round=application.assessment_round,
        submitted_at__isnull=False,
    ).prefetch_related("judgements"):
        for judgement in assessment.judgements.all():
            judgements[(judgement.criterion_id, assessment.member_id)] = judgement
    agreed_existing = {a.criterion_id: a for a in application.agreed_outcomes.all()}
    grid = []
    for criterion in criteria:
        cells = [judgements.get((criterion.pk, m.pk)) for m in members]
        outcomes = {cell.outcome for cell in cells if cell}
        grid.append(
            {
                "criterion": criterion,
                "cells": cells,
                "disagree": len(outcomes) > 1,
                "agreed": agreed_existing.get(criterion.pk),
            }
        )
    errors = []
    if request.method == "POST":
        agreed = {
            c.pk: (
                request.POST.get(f"agreed-{c.pk}", ""),
                request.POST.get(f"agreed-comment-{c.pk}", "")[:4000],
            )
            for c in criteria
        }
        conditions = [
            (
                request.POST.get(f"condition-{n}", ""),
                _parse_date(request.POST.get(f"condition-due-{n}", "")),
            )
            for n in range(3)
            if request.POST.get(f"condition-{n}", "").strip()
            or request.POST.get(f"condition-due-{n}", "")
        ]
        try:
            services.decision_record(
                application=application,
                chair=member,
                agreed=agreed,
                outcome=request.POST.get("outcome", ""),
                strengths=request.POST.get("strengths", ""),
                recommendations=request.POST.get("recommendations", ""),
                conditions=conditions,
                evidence_needed=request.POST.get("evidence_needed", ""),
                evidence_due_date=_parse_date(request.POST.get("evidence_due_date", "")),
                now=timezone.now(),
            )
        except TransitionNotAllowed:
            errors.append(
                _("A decision can only be recorded while the application is in assessment.")
            )
        except services.ServiceError as error:
            errors.append(str(error))
        else:
            messages.success(
                request,
                _("The decision is recorded. The coordinator will release it to the applicant."),
            )
            return redirect("assess:portal")
    from awards.enums import DecisionOutcome

    return render(
        request,
        "awards/assess/decision.html",
        {
            "application": application,
            "members": members,
            "grid": grid,
            "choices": Judgement.choices,
            "outcomes": DecisionOutcome.choices,
            "errors": errors,
            "post": request.POST,
            "conditions_range": range(3),
        },
        status=400 if errors else 200,
    )


class MeetingForm(forms.ModelForm):
    class Meta:
        model = PanelMeeting
        fields = ["held_on", "meeting_format", "place", "people_met", "notes", "extra_evidence"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "meeting_format": forms.RadioSelect,
            "people_met": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 8}),
            "extra_evidence": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "people_met": gettext_lazy(
                "Roles rather than names for pupils, students and people seeking sanctuary."
            ),
            "extra_evidence": gettext_lazy("What the applicant showed or gave you on the day."),
        }


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request, pk: int):
    """The chair records the panel's meeting with, or visit to, the applicant. Every member
    sees the record."""
    application, member = panel_member_or_404(request, pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST":
        if not member.is_chair:
            raise PermissionDenied
        if form.is_valid():
            try:
                services_awards.meeting_record(
                    application=application,
                    member=member,
                    now=timezone.now(),
                    **form.cleaned_data,
                )
            except services.ServiceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The meeting is recorded."))
                return redirect("assess:meeting", application.pk)
    return render(
        request,
        "awards/assess/meeting.html",
        {
            "application": application,
            "member": member,
            "form": form,
            "meetings": application.panel_meetings.select_related("recorded_by"),
        },
        status=400 if form.errors else 200,
    )
