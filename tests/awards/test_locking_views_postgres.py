"""Every service that locks rows, driven through its view on PostgreSQL with real
transactions (issue 10). The default per-test transaction hides a lock taken outside an
atomic block (as the invitation's was); here each request commits on its own, as in
production, so such a lock is a 500 and fails the test."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from accounts.enums import Role
from audit.models import AuditEntry
from awards.enums import ApplicationStatus, AwardStatus
from awards.models import Application, Award
from awards.services import applications as application_services
from awards.services import triage as triage_services
from organisations.models import ActionPlan, Invitation, PlanAction
from panels.models import AssessorProfile, ConflictDeclaration, Panel, PanelMember, Payment
from panels.services import membership as membership_services
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
    staff_user,
)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real transactions (PostgreSQL)"
    ),
    pytest.mark.django_db(transaction=True),
]


def _client(user) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def _post(client, path, data=None, *, expect=302):
    response = client.post(path, data or {})
    assert response.status_code == expect, (path, response.status_code)
    return response


def test_every_locking_write_through_its_view():
    today = timezone.localdate()
    stream = published_stream(criteria=3, slug="locks", narrative_max_characters=2000)
    lead = UserFactory(email="lead@example.org")
    organisation = organisation_with_team(lead=lead, name="Lock Lane School", stream=stream)
    admin = staff_user(Role.NATIONAL_ADMIN, email="admin@example.org", is_superuser=True)
    as_lead, as_admin = _client(lead), _client(admin)

    # Team: invite, withdraw an invitation, accept one, remove a colleague.
    _post(
        as_lead,
        f"/apply/organisations/{organisation.pk}/invite/",
        {"email": "withdrawn@example.org", "role": "contributor"},
    )
    withdrawn = Invitation.objects.get(email="withdrawn@example.org")
    _post(as_lead, f"/apply/organisations/{organisation.pk}/invitations/{withdrawn.pk}/revoke/")
    _post(
        as_lead,
        f"/apply/organisations/{organisation.pk}/invite/",
        {"email": "colleague@example.org", "role": "contributor"},
    )
    colleague = UserFactory(email="colleague@example.org")
    invitation = Invitation.objects.get(email="colleague@example.org")
    _post(_client(colleague), f"/apply/invitations/{invitation.token}/")
    membership = organisation.memberships.get(user=colleague)
    _post(as_lead, f"/apply/organisations/{organisation.pk}/team/{membership.pk}/remove/")

    # Application: a section and an answer (compare-and-set), then submit.
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=lead, now=timezone.now()
    )
    complete_application(application, user=lead)
    application.refresh_from_db()
    _post(
        as_lead,
        f"/apply/applications/{application.pk}/about/",
        {"version": application.version, "organisation_context": "A school by the canal."},
    )
    criterion = application.criteria_version.criteria.order_by("sort_order").first()
    answer = application.answers.get(criterion=criterion)
    _post(
        as_lead,
        f"/apply/applications/{application.pk}/criteria/{criterion.code}/",
        {
            "version": answer.version,
            "narrative": "Staff training every term.",
            "self_assessment": "met",
            "evidence": [e.pk for e in answer.evidence.all()],
        },
    )
    _post(as_lead, f"/apply/applications/{application.pk}/submit/", {"declaration": "on"})

    # Triage and a panel formed in the workspace.
    _post(as_admin, f"/workspace/applications/{application.pk}/accept/")
    _post(
        as_admin,
        "/workspace/panels/",
        {"stream": stream.pk, "name": "Lock panel", "meeting_format": "online"},
    )
    panel = Panel.objects.get(name="Lock panel")
    people = {}
    for key, role in [
        ("chair", "sector_expert"),
        ("peer", "peer"),
        ("lived", "lived_experience"),
        ("spare", "peer"),
    ]:
        people[key] = staff_user(Role.PANEL_MEMBER, email=f"{key}@example.org")
        AssessorProfile.objects.create(user=people[key], lived_experience=key == "lived")
        _post(
            as_admin,
            f"/workspace/panels/{panel.pk}/",
            {
                "add_member": "1",
                "user": people[key].pk,
                "role": role,
                "is_chair": "on" if key == "chair" else "",
            },
        )
    spare = PanelMember.objects.get(panel=panel, user=people["spare"])
    _post(as_admin, f"/workspace/panels/{panel.pk}/members/{spare.pk}/remove/")
    _post(
        as_admin, f"/workspace/panels/{panel.pk}/", {"assign": "1", "application": application.pk}
    )

    # Each member declares and judges; the chair records the meeting and the decision.
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    for key in ("chair", "peer", "lived"):
        member_client = _client(people[key])
        _post(member_client, f"/assess/applications/{application.pk}/", {"has_conflict": "no"})
        data = {"version": "0", "submit": "1"}
        for c in criteria:
            data[f"outcome-{c.pk}"] = "met"
            data[f"comment-{c.pk}"] = f"{c.code} is well evidenced."
        _post(member_client, f"/assess/applications/{application.pk}/", data)
    as_chair = _client(people["chair"])
    _post(
        as_chair,
        f"/assess/applications/{application.pk}/meeting/",
        {"held_on": today.isoformat(), "meeting_format": "online", "notes": "A good visit."},
    )
    decision = {
        "outcome": "award_with_conditions",
        "condition-0": "Train the front desk.",
        "condition-due-0": (today + datetime.timedelta(days=60)).isoformat(),
    }
    for c in criteria:
        decision[f"agreed-{c.pk}"] = "met"
        decision[f"agreed-comment-{c.pk}"] = f"{c.code}: the panel agreed it is met."
    _post(as_chair, f"/assess/applications/{application.pk}/decision/", decision)
    _post(as_admin, f"/workspace/applications/{application.pk}/release/")
    award = Award.objects.get(application=application)

    # Payments, a condition answered and met, an action plan updated.
    lived_member = PanelMember.objects.get(panel=panel, user=people["lived"])
    _post(
        as_admin,
        f"/workspace/panels/{panel.pk}/payments/",
        {
            "member": lived_member.pk,
            "kind": "honorarium",
            "amount": "60.00",
            "claimed_on": today.isoformat(),
        },
    )
    payment = Payment.objects.get(member=lived_member)
    _post(as_admin, f"/workspace/payments/{payment.pk}/paid/")
    condition = application.decision.conditions.get()
    _post(
        as_lead, f"/apply/conditions/{condition.pk}/", {"response": "All front desk staff trained."}
    )
    _post(as_admin, f"/workspace/conditions/{condition.pk}/met/")
    plan = ActionPlan.objects.create(
        organisation=organisation,
        title="Welcome plan",
        imported_at=timezone.now(),
        imported_by=lead,
    )
    action = PlanAction.objects.create(plan=plan, sort_order=0, reference="A1", action="Signs")
    _post(
        as_lead,
        f"/apply/action-plans/{plan.pk}/actions/{action.pk}/",
        {
            "status": "In progress",
            "rag": "Green",
            "rag_date": today.isoformat(),
            "comments": "Signs ordered.",
            "comments_date": today.isoformat(),
        },
    )

    # The award is renewed from the dashboard, then withdrawn by national staff.
    _post(as_lead, f"/apply/awards/{award.pk}/renew/")
    _post(as_admin, f"/workspace/awards/{award.pk}/withdraw/", {"reason": "Test withdrawal."})

    application.refresh_from_db()
    award.refresh_from_db()
    payment.refresh_from_db()
    condition.refresh_from_db()
    assert application.status == ApplicationStatus.AWARDED_WITH_CONDITIONS
    assert award.status == AwardStatus.WITHDRAWN
    assert (payment.paid_on, condition.met_at is not None) == (today, True)
    assert Application.objects.filter(renewal_of=award).count() == 1
    audited = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "invitation_revoked",
        "member_joined",
        "member_removed",
        "application_submitted",
        "application_accepted",
        "panel_member_added",
        "panel_member_removed",
        "panel_assigned",
        "judgements_submitted",
        "meeting_recorded",
        "decision_recorded",
        "decision_released",
        "payment_recorded",
        "payment_paid",
        "condition_answered",
        "condition_met",
        "action_plan_updated",
        "award_renewal_started",
        "award_withdrawn",
    } <= audited


def _at_once(*calls):
    """Run the calls in threads released together; return what each returned."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_submitting_twice_at_once_submits_once():
    stream = published_stream(criteria=2, slug="twice")
    lead = UserFactory(email="lead@example.org")
    organisation = organisation_with_team(lead=lead, name="Twice School", stream=stream)
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=lead, now=timezone.now()
    )
    complete_application(application, user=lead)
    clients = [_client(lead), _client(lead)]
    path = f"/apply/applications/{application.pk}/submit/"

    statuses = _at_once(
        *(lambda c=c: c.post(path, {"declaration": "on"}).status_code for c in clients)
    )

    assert statuses == [302, 302]
    submitted = AuditEntry.objects.filter(application=application, action="application_submitted")
    assert submitted.count() == 1


def test_declaring_twice_at_once_records_one_declaration():
    stream = published_stream(criteria=2, slug="declare")
    lead = UserFactory(email="lead@example.org")
    admin = staff_user(Role.NATIONAL_ADMIN, email="admin@example.org", is_superuser=True)
    organisation = organisation_with_team(lead=lead, name="Declare School", stream=stream)
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=lead, now=timezone.now()
    )
    complete_application(application, user=lead)
    now = timezone.now()
    application = application_services.application_submit(
        application=application, user=lead, now=now, base_url="http://testserver"
    )
    application = triage_services.application_accept(application=application, user=admin, now=now)
    panel = Panel.objects.create(stream=stream, name="Declare panel")
    people = []
    for n, role in enumerate(["sector_expert", "peer", "lived_experience"]):
        user = staff_user(Role.PANEL_MEMBER, email=f"m{n}@example.org")
        AssessorProfile.objects.create(user=user, lived_experience=role == "lived_experience")
        PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=n == 0)
        people.append(user)
    membership_services.panel_assign_application(
        panel=panel, application=application, user=admin, now=now
    )
    member = people[1]
    clients = [_client(member), _client(member)]
    path = f"/assess/applications/{application.pk}/"

    statuses = _at_once(
        lambda: clients[0].post(path, {"has_conflict": "no"}).status_code,
        lambda: clients[1].post(path, {"has_conflict": "yes", "details": "Governor."}).status_code,
    )

    assert all(status in (302, 400, 404) for status in statuses), statuses
    assert ConflictDeclaration.objects.filter(application=application).count() == 1
