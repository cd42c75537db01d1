"""Who may see and change organisations, evidence and applications.

Views turn a False into a 404 for objects of other organisations, so that nobody learns that an
application they cannot see exists.
"""

from django.db.models import Q

from accounts.enums import Role
from accounts.permissions import AnyUser, has_role
from awards.enums import (
    APPLICANT_EDITABLE_STATUSES,
    TRIAGE_STATUSES,
    ApplicationStatus,
    MembershipRole,
)
from awards.models import Application, EvidenceItem, Organisation


def membership_role(user: AnyUser, organisation: Organisation) -> str | None:
    """The user's role in the organisation's team, cached per request on the user."""
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_sanctuary_memberships", None)
    if cache is None:
        cache = dict(user.memberships.values_list("organisation_id", "role"))
        user._sanctuary_memberships = cache
    return cache.get(organisation.pk)


def is_staff_reader(user: AnyUser) -> bool:
    return has_role(user, Role.NATIONAL_ADMIN)


def can_view_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) is not None or is_staff_reader(user)


def can_manage_team(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) == MembershipRole.LEAD


def can_contribute(user: AnyUser, organisation: Organisation) -> bool:
    return membership_role(user, organisation) in (MembershipRole.LEAD, MembershipRole.CONTRIBUTOR)


def coordinated_applications_q(user: AnyUser) -> Q | None:
    """The applications a coordinator looks after, as a filter: national admins all of them
    (``Q()``), stream coordinators their streams', local coordinators their local groups'.
    None for everyone else. Built from id lists (two small queries, cached on the user) so
    that the filter needs no joins and the queue no DISTINCT."""
    if not user.is_authenticated:
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


def can_coordinate_application(user: AnyUser, application: Application) -> bool:
    scope = coordinated_applications_q(user)
    if scope is None:
        return False
    return Application.objects.filter(scope, pk=application.pk).exists()


def can_triage(user: AnyUser, application: Application) -> bool:
    return application.status in TRIAGE_STATUSES and can_coordinate_application(user, application)


def can_view_application(user: AnyUser, application: Application) -> bool:
    return can_view_organisation(user, application.organisation) or (
        application.status != ApplicationStatus.DRAFT
        and can_coordinate_application(user, application)
    )


def can_edit_application(user: AnyUser, application: Application) -> bool:
    return (
        can_contribute(user, application.organisation)
        and application.status in APPLICANT_EDITABLE_STATUSES
    )


def can_edit_task(user: AnyUser, application: Application, task_key: str) -> bool:
    """When an application comes back for more information, only the tasks the coordinator
    named can be changed."""
    if not can_edit_application(user, application):
        return False
    if application.status == ApplicationStatus.RETURNED and application.returned_tasks:
        return task_key in application.returned_tasks
    return True


def can_submit_application(user: AnyUser, application: Application) -> bool:
    """Only a lead submits; contributors edit."""
    return (
        membership_role(user, application.organisation) == MembershipRole.LEAD
        and application.status in APPLICANT_EDITABLE_STATUSES
    )


def can_withdraw_application(user: AnyUser, application: Application) -> bool:
    from awards.workflow import Action, transition_allowed

    return membership_role(
        user, application.organisation
    ) == MembershipRole.LEAD and transition_allowed(application.status, Action.WITHDRAW)


def can_view_evidence(user: AnyUser, item: EvidenceItem) -> bool:
    """The organisation's team, national staff, and the coordinators of a submitted
    application that uses it. (Assigned panels join with the panel work.)"""
    if can_view_organisation(user, item.organisation):
        return True
    scope = coordinated_applications_q(user)
    if scope is None:
        return False
    return (
        Application.objects.filter(scope, answers__evidence=item)
        .exclude(status=ApplicationStatus.DRAFT)
        .exists()
    )


def can_coordinate_award(user: AnyUser, award) -> bool:
    """Coordinators of the award's stream or area, and national admins."""
    from awards.models import Award

    scope = coordinated_applications_q(user)
    if scope is None:
        return False
    return Award.objects.filter(scope, pk=award.pk).exists()


def can_withdraw_award(user: AnyUser) -> bool:
    """Withdrawing an award is for national staff only."""
    return has_role(user, Role.NATIONAL_ADMIN)
