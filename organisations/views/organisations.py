"""An organisation's screens: setting it up, its details, the pledge, its team and invitations.
Thin: load, ask the rule (404 for other organisations' objects), one service call, domain
errors to form errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import permissions as account_permissions
from core import errors as errors
from core.http import base_url
from organisations import permissions as organisation_permissions
from organisations import selectors as organisation_selectors
from organisations.enums import MembershipRole
from organisations.forms import InvitationForm, MemberRoleForm, OrganisationForm, PledgeForm
from organisations.models import Invitation, Membership, Organisation
from organisations.services import teams as team_services


def organisation_or_404(request, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation.objects.select_related("stream"), pk=pk)
    if not organisation_permissions.can_view_organisation(request.user, organisation):
        raise Http404
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def create_organisation(request):
    stream = request.GET.get("stream", "")
    form = OrganisationForm(
        request.POST or None,
        user=request.user,
        initial={"stream": stream} if stream.isdigit() else {},
    )
    if request.method == "POST" and form.is_valid():
        organisation = team_services.organisation_create(
            user=request.user, now=timezone.now(), **form.cleaned_data
        )
        messages.success(
            request, _("%(name)s is set up. Next, sign the pledge.") % {"name": organisation.name}
        )
        return redirect("awards:pledge", organisation.pk)
    return render(request, "awards/organisation_form.html", {"form": form})


@login_required
def organisation_detail(request, pk: int):
    organisation = organisation_or_404(request, pk)
    team = list(organisation_selectors.organisation_team(organisation))
    for membership in team:
        membership.organisation = organisation  # asked below without a query per row
        membership.may_remove = bool(
            organisation_permissions.can_remove_member(request.user, membership)
        )
    return render(
        request,
        "awards/organisation_detail.html",
        {
            "organisation": organisation,
            "team": team,
            "applications": organisation.applications.select_related("stream"),
            "can_manage_team": organisation_permissions.can_manage_team(request.user, organisation),
            "may_start": organisation_permissions.can_start_application(request.user, organisation),
            "member_roles": MembershipRole.choices,
            "invitations": organisation_selectors.open_invitations(organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int):
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
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
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        team_services.organisation_sign_pledge(
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
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            team_services.invitation_send(
                organisation=organisation,
                invited_by=request.user,
                now=timezone.now(),
                base_url=base_url(request),
                **form.cleaned_data,
            )
        except errors.ServiceError as error:
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
    organisation = organisation_or_404(request, pk)
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    account_permissions.require(
        organisation_permissions.can_remove_member(request.user, membership)
    )
    try:
        team_services.membership_remove(
            membership=membership, removed_by=request.user, now=timezone.now()
        )
    except errors.ServiceError as error:
        messages.error(request, str(error))
        return redirect("awards:organisation", organisation.pk)
    if membership.user_id == request.user.pk:
        messages.success(request, _("You have left %(name)s.") % {"name": organisation.name})
        return redirect("awards:dashboard")
    messages.success(request, _("%(email)s has been removed.") % {"email": membership.user.email})
    return redirect("awards:organisation", organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token: str):
    """The invited person joins the team: 410 when the invitation is used, withdrawn or
    expired; 403 when it was sent to another address (or this one is not verified)."""
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    try:
        if request.method == "POST":
            membership = team_services.invitation_accept(
                token=token, user=request.user, now=timezone.now()
            )
        else:
            team_services.invitation_acceptance(
                invitation=invitation, user=request.user, now=timezone.now()
            )
    except team_services.InvitationUnusable as error:
        return render(
            request, "awards/invitation_problem.html", {"message": str(error)}, status=410
        )
    except team_services.InvitationRefused as error:
        return render(
            request, "awards/invitation_problem.html", {"message": str(error)}, status=403
        )
    if request.method == "GET":
        return render(request, "awards/invitation_accept.html", {"invitation": invitation})
    messages.success(
        request, _("You have joined %(name)s.") % {"name": membership.organisation.name}
    )
    return redirect("awards:organisation", membership.organisation_id)


@login_required
@require_http_methods(["POST"])
def revoke_invitation(request, pk: int, invitation_pk: int):
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
    invitation = get_object_or_404(Invitation, pk=invitation_pk, organisation=organisation)
    try:
        team_services.invitation_revoke(
            invitation=invitation, user=request.user, now=timezone.now()
        )
    except errors.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email},
        )
    return redirect("awards:organisation", organisation.pk)


@login_required
@require_http_methods(["POST"])
def change_member_role(request, pk: int, membership_pk: int):
    organisation = organisation_or_404(request, pk)
    account_permissions.require(
        organisation_permissions.can_manage_team(request.user, organisation)
    )
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose lead or contributor."))
        return redirect("awards:organisation", organisation.pk)
    try:
        team_services.membership_change_role(
            membership=membership,
            role=form.cleaned_data["role"],
            changed_by=request.user,
            now=timezone.now(),
        )
    except errors.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": membership.user, "role": MembershipRole(form.cleaned_data["role"]).label},
        )
    return redirect("awards:organisation", organisation.pk)
