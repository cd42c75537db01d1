"""Who may see and act on applications and awards: coordinators' scope, the applicant's
leads and team, triage, conditions, renewal and withdrawal.

Every predicate is ``can_<verb>(user, object) -> Verdict`` (accounts.permissions): truthy
when allowed, falsy with a reason for the person when not. Views, template flags, PDFs,
downloads and the transition tables in awards/workflow/ (which name one predicate per
row) all ask these functions, with those of organisations/, panels/ and reporting/; nothing
else compares a role or a status to decide access. Views turn a refusal on something the
person must not know exists into a 404, and a refusal of a step on something they can see
into a 403 that gives the reason.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.permissions import (
    ALLOW,
    AnyUser,
    Verdict,
    deny,
    has_role,
)
from awards.enums import (
    APPLICANT_EDITABLE_STATUSES,
    RENEWABLE_AWARD_STATUSES,
    TRIAGE_STATUSES,
    ApplicationStatus,
)
from awards.models import Application, Award, Condition
from organisations.permissions import (
    can_contribute,
    can_view_organisation,
    is_organisation_lead,
    membership_role,
)


def is_national_admin(user: AnyUser) -> Verdict:
    if has_role(user, Role.NATIONAL_ADMIN):
        return ALLOW
    return deny(_("Only City of Sanctuary UK's national staff can do this."))


# --- Organisations and teams ------------------------------------------------------------------


# --- Applications -----------------------------------------------------------------------------


def coordinated_applications_q(user: AnyUser) -> Q | None:
    """The applications a coordinator looks after, as a filter: national admins all of them
    (``Q()``), stream coordinators their streams', local coordinators their local groups'.
    None for everyone else. Built from id lists (two small queries, cached on the user) so
    that the filter needs no joins and the queue no DISTINCT."""
    if user is None or not user.is_authenticated:
        return None
    if has_role(user, Role.NATIONAL_ADMIN):
        return Q()
    cached = getattr(user, "_sanctuary_scope", None)
    if cached is not None:
        return cached
    scope = None
    if has_role(user, Role.STREAM_COORDINATOR):
        streams = list(user.coordinated_streams.values_list("pk", flat=True))
        scope = Q(stream_id__in=streams)
    if has_role(user, Role.LOCAL_COORDINATOR):
        groups = list(user.local_coordinations.values_list("local_group_id", flat=True))
        local = Q(organisation__local_group_id__in=groups)
        scope = local if scope is None else scope | local
    user._sanctuary_scope = scope
    return scope


def can_use_workspace(user: AnyUser) -> Verdict:
    if coordinated_applications_q(user) is not None:
        return ALLOW
    return deny(_("The workspace is for coordinators."))


def can_coordinate_application(user: AnyUser, application: Application) -> Verdict:
    """Triage, panels and release: the coordinators of the application's stream or area, for
    an application that has been submitted."""
    scope = coordinated_applications_q(user)
    if scope is None:
        return deny(_("Only coordinators can do this."))
    if application.status == ApplicationStatus.DRAFT:
        return deny(_("Coordinators see an application once it is submitted."))
    if not Application.objects.filter(scope, pk=application.pk).exists():
        return deny(_("This application is outside your stream or area."))
    return ALLOW


def can_view_application(user: AnyUser, application: Application) -> Verdict:
    """The organisation's team and national staff, and its coordinators once submitted."""
    if can_view_organisation(user, application.organisation):
        return ALLOW
    return can_coordinate_application(user, application)


def is_applicant_lead(user: AnyUser, application: Application) -> Verdict:
    """Submitting, resubmitting and withdrawing are for the organisation's leads."""
    return is_organisation_lead(user, application.organisation)


def can_edit_application(user: AnyUser, application: Application) -> Verdict:
    if not can_contribute(user, application.organisation):
        return deny(_("Only the organisation's team can change the application."))
    if application.status not in APPLICANT_EDITABLE_STATUSES:
        return deny(_("This application has been submitted and can no longer be changed."))
    return ALLOW


def can_edit_task(user: AnyUser, application: Application, task_key: str) -> Verdict:
    """When an application comes back for more information, only the tasks the coordinator
    named can be changed."""
    verdict = can_edit_application(user, application)
    if not verdict:
        return verdict
    if (
        application.status == ApplicationStatus.RETURNED
        and application.returned_tasks
        and task_key not in application.returned_tasks
    ):
        return deny(_("The coordinator reopened other tasks; this one stays as it was."))
    return ALLOW


def can_triage(user: AnyUser, application: Application) -> Verdict:
    if application.status not in TRIAGE_STATUSES:
        return deny(_("This application is not waiting for triage."))
    return can_coordinate_application(user, application)


# --- Panels and assessment --------------------------------------------------------------------


# --- Evidence ---------------------------------------------------------------------------------


# --- Awards -----------------------------------------------------------------------------------


def can_coordinate_award(user: AnyUser, award: Award) -> Verdict:
    """Coordinators of the award's stream or area, and national admins."""
    scope = coordinated_applications_q(user)
    if scope is None or not Award.objects.filter(scope, pk=award.pk).exists():
        return deny(_("This award is outside your stream or area."))
    return ALLOW


def can_view_award(user: AnyUser, award: Award) -> Verdict:
    """The holder's team and the award's coordinators."""
    if membership_role(user, award.organisation) is not None:
        return ALLOW
    return can_coordinate_award(user, award)


def can_download_certificate(user: AnyUser, award: Award) -> Verdict:
    """The certificate and logo, while the award is held."""
    verdict = can_view_award(user, award)
    if not verdict:
        return verdict
    if not award.is_current:
        return deny(_("The certificate is available while the award is held."))
    return ALLOW


def can_withdraw_award(user: AnyUser, award: Award | None = None) -> Verdict:
    """Withdrawing an award is for national staff only (the award table names this)."""
    return is_national_admin(user)


def can_start_renewal(user: AnyUser, award: Award) -> Verdict:
    """The holder's leads renew an award that is current, due or lapsed, and not already
    replaced by a renewal."""
    verdict = is_organisation_lead(user, award.organisation)
    if not verdict:
        return verdict
    if award.status not in RENEWABLE_AWARD_STATUSES or award.renewed_by_id is not None:
        return deny(_("This award cannot be renewed."))
    return ALLOW


def can_answer_condition(user: AnyUser, condition: Condition) -> Verdict:
    application = condition.decision.application
    verdict = can_contribute(user, application.organisation)
    if not verdict:
        return verdict
    if application.status != ApplicationStatus.AWARDED_WITH_CONDITIONS:
        return deny(_("Only the conditions of an award held can be answered."))
    if condition.met_at:
        return deny(_("This condition has already been marked as met."))
    return ALLOW


def can_mark_condition_met(user: AnyUser, condition: Condition, award: Award | None) -> Verdict:
    """Staff who coordinate the award mark an unmet condition of an award still held (asked
    by the award page's button, the view and, under the lock, the service)."""
    if award is None:
        return deny(_("Only the conditions of an award can be marked met."))
    verdict = can_coordinate_award(user, award)
    if not verdict:
        return verdict
    if condition.met_at:
        return deny(_("This condition has already been marked as met."))
    if not award.is_current:
        return deny(_("This award has ended: its conditions can no longer be marked met."))
    return ALLOW


# --- Exports and reports ----------------------------------------------------------------------
