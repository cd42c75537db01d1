"""The two transition tables: every (status, action) pair, and who may take each step.

The expected rules are written out here by hand, from DOMAIN.md §4, rather than read back from
the tables, so that a change to a table's predicate shows up as a failure here."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.enums import Role
from audit.enums import AuditAction
from audit.models import AuditEntry
from awards.enums import ApplicationStatus, AwardStatus
from awards.models import Application, Award
from awards.services import applications as application_services
from awards.workflow import (
    AWARD_TRANSITIONS,
    TRANSITIONS,
    Action,
    ActionNotPermitted,
    AwardAction,
    TransitionNotAllowed,
    action_verdict,
    allowed_actions,
    allowed_award_actions,
    award_action_verdict,
    award_transition,
    transition,
)
from organisations.models import LocalCoordinator
from panels.models import Panel, PanelMember
from tests.conftest import NOW, declare, judge
from tests.factories import (
    UserFactory,
    complete_application,
    decide_application,
    organisation_with_team,
    staff_user,
)

ALL_PAIRS = [(status, action) for status in ApplicationStatus for action in Action]
ALLOWED = {(t.source, t.action): t.target for t in TRANSITIONS}

ROLES = [
    "applicant_lead",
    "applicant_contributor",
    "other_organisation_lead",
    "stream_coordinator",
    "other_stream_coordinator",
    "local_coordinator",
    "national_admin",
    "chair",
    "chair_not_yet_judged",
    "panel_member",
    "conflicted_member",
    "anonymous",
]
COORDINATORS = {"stream_coordinator", "local_coordinator", "national_admin"}
# Who may take each step of the application table (DOMAIN.md §4).
EXPECTED_WHO = {
    Action.SUBMIT: {"applicant_lead"},
    Action.RESUBMIT: {"applicant_lead"},
    Action.WITHDRAW: {"applicant_lead"},
    Action.ACCEPT: COORDINATORS,
    Action.RETURN: COORDINATORS,
    Action.MARK_INELIGIBLE: COORDINATORS,
    Action.RECORD_DECISION: {"chair"},
    Action.RELEASE_AWARD: COORDINATORS,
    Action.RELEASE_AWARD_WITH_CONDITIONS: COORDINATORS,
    Action.RELEASE_MORE_EVIDENCE_NEEDED: COORDINATORS,
    Action.RELEASE_NOT_YET_AWARDED: COORDINATORS,
}


@pytest.fixture
def cast(application, applicant_lead, applicant_contributor, schools, leicester, assigned):
    """One person for every role, around one application on a panel: the chair has judged
    (and so may decide); a second panel member has judged; a third is conflicted."""

    school = application.organisation
    school.local_group = leicester
    school.save()
    stream_coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.co@example.org")
    schools.coordinators.add(stream_coordinator)
    local_coordinator = staff_user(Role.LOCAL_COORDINATOR, email="leicester.co@example.org")
    LocalCoordinator.objects.create(user=local_coordinator, local_group=leicester)
    other_lead = UserFactory(email="other.lead@example.org")
    organisation_with_team(lead=other_lead, name="Hillside Academy")
    panel = assigned.panel
    chair = PanelMember.objects.get(panel=panel, is_chair=True).user
    members = PanelMember.objects.filter(panel=panel, is_chair=False).order_by("pk")
    panel_member, conflicted = members[0].user, members[1].user
    for person in (chair, panel_member):
        declare(assigned, person)
        judge(assigned, person)
    declare(assigned, conflicted, has_conflict=True)
    not_yet = staff_user(Role.PANEL_MEMBER, email="second.chair@example.org")
    return {
        "applicant_lead": applicant_lead,
        "applicant_contributor": applicant_contributor,
        "other_organisation_lead": other_lead,
        "stream_coordinator": stream_coordinator,
        "other_stream_coordinator": staff_user(
            Role.STREAM_COORDINATOR, email="colleges.co@example.org"
        ),
        "local_coordinator": local_coordinator,
        "national_admin": staff_user(
            Role.NATIONAL_ADMIN, email="admin@example.org", is_superuser=True
        ),
        "chair": chair,
        "chair_not_yet_judged": not_yet,
        "panel_member": panel_member,
        "conflicted_member": conflicted,
        "anonymous": None,
        "_application": assigned,
    }


def _as(application_id: int, status: str) -> Application:
    """A fresh copy of the application in ``status`` (set directly: the test is about who)."""
    Application.objects.filter(pk=application_id).update(status=status, submitted_at=NOW)
    return Application.objects.get(pk=application_id)


def _anonymous_or(user):

    return AnonymousUser() if user is None else user


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_take_exactly_its_steps_of_the_application_table(cast, role):
    application = cast["_application"]
    user = _anonymous_or(cast[role])
    if role == "chair_not_yet_judged":
        # A second panel with this person as its chair, who has declared but not judged.

        panel = Panel.objects.create(stream=application.stream, name="Second panel")
        PanelMember.objects.create(panel=panel, user=user, role="sector_expert", is_chair=True)
        Application.objects.filter(pk=application.pk).update(panel=panel)
        declare(Application.objects.get(pk=application.pk), user)

    allowed = {}
    for row in TRANSITIONS:
        fresh = _as(application.pk, row.source)
        allowed[(row.source, row.action)] = bool(action_verdict(user, fresh, row.action))

    expected = {(row.source, row.action): role in EXPECTED_WHO[row.action] for row in TRANSITIONS}
    assert allowed == expected


@pytest.mark.parametrize("status", list(ApplicationStatus))
def test_allowed_actions_lists_only_steps_from_the_current_status(cast, status):
    application = _as(cast["_application"].pk, status)
    everyone = {role: _anonymous_or(cast[role]) for role in ROLES}

    offered = {role: allowed_actions(user, application) for role, user in everyone.items()}

    expected = {
        role: {
            action
            for (source, action) in ALLOWED
            if source == status and role in EXPECTED_WHO[action]
        }
        for role in ROLES
    }
    assert offered == expected


@pytest.mark.parametrize(("status", "action"), ALL_PAIRS)
def test_transition_table_is_enforced(status, action, cast):
    application = _as(cast["_application"].pk, status)
    actor = cast[next(iter(sorted(EXPECTED_WHO[action])))]

    if (status, action) in ALLOWED:
        result = transition(application=application, action=action, actor=actor, now=NOW)
        assert result.status == ALLOWED[(status, action)]
        entry = AuditEntry.objects.filter(application=application).latest("pk")
        assert (entry.from_status, entry.to_status, entry.actor) == (
            status,
            ALLOWED[(status, action)],
            actor,
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            transition(application=application, action=action, actor=actor, now=NOW)
        application.refresh_from_db()
        assert application.status == status


@pytest.mark.parametrize("row", TRANSITIONS, ids=lambda row: f"{row.source}-{row.action}")
def test_transition_refuses_an_actor_the_row_does_not_name(cast, row):
    application = _as(cast["_application"].pk, row.source)
    refused = (
        "other_organisation_lead" if row.action in (Action.SUBMIT,) else "applicant_contributor"
    )
    before = AuditEntry.objects.count()

    with pytest.raises(ActionNotPermitted):
        transition(application=application, action=row.action, actor=cast[refused], now=NOW)

    application.refresh_from_db()
    assert (application.status, AuditEntry.objects.count()) == (row.source, before)


def test_starting_an_application_is_audited(application):
    entry = AuditEntry.objects.get(application=application)

    assert entry.action == AuditAction.APPLICATION_STARTED


# --- The award table --------------------------------------------------------------------------

AWARD_ROLES = [
    "applicant_lead",
    "stream_coordinator",
    "local_coordinator",
    "national_admin",
    "chair",
    "anonymous",
]
# Only withdrawal is a person's step, and only national staff take it; the rest are the
# platform's (the daily job, or consequences of a renewal's submission and release).
EXPECTED_AWARD_WHO = {
    AwardAction.RENEWAL_DUE: set(),
    AwardAction.RENEWAL_SUBMITTED: set(),
    AwardAction.RENEW: set(),
    AwardAction.RENEWAL_FAILED: set(),
    AwardAction.LAPSE: set(),
    AwardAction.WITHDRAW: {"national_admin"},
}
AWARD_ALLOWED = {(t.source, t.action): t.target for t in AWARD_TRANSITIONS}


@pytest.fixture
def award(cast, schools):
    """An award of another school, made through the real services."""

    lead = UserFactory(email="awarded.lead@example.org")
    organisation = organisation_with_team(lead=lead, name="Awarded School", stream=schools)
    application = application_services.application_start(
        organisation=organisation, stream=schools, user=lead, now=NOW
    )
    complete_application(application, user=lead)
    application = application_services.application_submit(
        application=application, user=lead, now=NOW, base_url="http://testserver"
    )
    application = decide_application(
        application, admin=cast["national_admin"], now=NOW, outcome="award"
    )
    return Award.objects.get(application=application)


def _award_as(award_id: int, status: str) -> Award:
    reason = "Test withdrawal." if status == AwardStatus.WITHDRAWN else ""
    Award.objects.filter(pk=award_id).update(status=status, withdrawn_reason=reason)
    return Award.objects.get(pk=award_id)


@pytest.mark.parametrize("role", AWARD_ROLES)
def test_each_role_may_take_exactly_its_steps_of_the_award_table(cast, award, role):
    user = _anonymous_or(cast[role])

    allowed = {
        (row.source, row.action): bool(
            award_action_verdict(user, _award_as(award.pk, row.source), row.action)
        )
        for row in AWARD_TRANSITIONS
    }
    offered = {
        status: allowed_award_actions(user, _award_as(award.pk, status)) for status in AwardStatus
    }

    assert allowed == {
        (row.source, row.action): role in EXPECTED_AWARD_WHO[row.action]
        for row in AWARD_TRANSITIONS
    }
    assert offered == {
        status: {
            action
            for (source, action) in AWARD_ALLOWED
            if source == status and role in EXPECTED_AWARD_WHO[action]
        }
        for status in AwardStatus
    }


@pytest.mark.parametrize(
    ("status", "action"), [(status, action) for status in AwardStatus for action in AwardAction]
)
def test_award_table_is_enforced(cast, award, status, action):
    current = _award_as(award.pk, status)
    actor = cast["national_admin"]

    if (status, action) in AWARD_ALLOWED:
        result = award_transition(
            award=current,
            action=action,
            actor=actor,
            now=NOW,
            changes=lambda locked: setattr(locked, "withdrawn_reason", "Reason."),
        )
        assert result.status == AWARD_ALLOWED[(status, action)]
        entry = AuditEntry.objects.filter(award=award).latest("pk")
        assert (entry.from_status, entry.to_status) == (status, AWARD_ALLOWED[(status, action)])
    else:
        with pytest.raises(TransitionNotAllowed):
            award_transition(award=current, action=action, actor=actor, now=NOW)
        current.refresh_from_db()
        assert current.status == status


@pytest.mark.parametrize("role", ["applicant_lead", "stream_coordinator", "chair"])
def test_withdrawing_an_award_is_refused_to_all_but_national_staff(cast, award, role):
    with pytest.raises(ActionNotPermitted):
        award_transition(award=award, action=AwardAction.WITHDRAW, actor=cast[role], now=NOW)

    award.refresh_from_db()
    assert award.status == AwardStatus.ACTIVE
