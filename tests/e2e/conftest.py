"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright never downloads a browser: it uses ``CHROMIUM_PATH`` (default /usr/bin/chromium),
which `.ci/run` installs with apt when it is missing.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import sync_playwright

from accounts.enums import Role
from awards.models import Award
from awards.services import applications as application_services
from awards.services import triage as triage_services
from cms.editorial import local_group_editors_group_ensure
from cms.models import (
    GuidancePage,
    HomePage,
    LocalGroupIndexPage,
    LocalGroupPage,
    StreamIndexPage,
    StreamPage,
)
from criteria.services import criteria_version_publish
from organisations.action_plan_import import ActionRow
from organisations.enums import EvidenceKind, ScanStatus
from organisations.models import EvidenceItem, Membership
from organisations.services import action_plans as action_plan_services
from panels.models import AssessorProfile, Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from reporting.enums import ExportStatus
from reporting.models import DataExport
from tests.factories import (
    StreamFactory,
    UserFactory,
    complete_application,
    criteria_version_with,
    decide_application,
    organisation_with_team,
    staff_user,
)

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            # Live-server tests flush the database; restore what migrations created.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM_PATH}: install Debian's chromium package "
            "(apt-get install chromium) or set CHROMIUM_PATH."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def public_site(db):
    """A small published site: the schools stream with two versions and a page, and a local
    group with a guidance page using every block."""

    now = timezone.make_aware(datetime.datetime(2026, 1, 5, 9, 0))
    home = HomePage.objects.get()
    stream_index = StreamIndexPage(title="Streams of Sanctuary", slug="streams")
    home.add_child(instance=stream_index)
    schools = StreamFactory(name="Schools", slug="schools", award_title="School of Sanctuary")
    old = criteria_version_with(6, stream=schools, number=1)
    criteria_version_publish(version=old, user=None, now=now)
    current = criteria_version_with(8, stream=schools, number=2)
    current.criteria.filter(code="L1").update(title="Staff and governors build expertise")
    criteria_version_publish(version=current, user=None, now=now)
    stream_page = StreamPage(
        title="School of Sanctuary",
        slug="schools",
        stream=schools,
        introduction="<p>A school where everyone feels safe and welcome.</p>",
        how_to_apply="<ol><li>Sign the pledge.</li><li>Gather evidence.</li></ol>",
    )
    stream_index.add_child(instance=stream_page)

    group_index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=group_index)
    leicester = LocalGroupPage(
        title="Leicester City of Sanctuary",
        slug="leicester",
        area="Leicester and Leicestershire",
        region="East Midlands",
        contact_email="hello@leicester.example.org",
        introduction="Welcome in Leicester.",
    )
    group_index.add_child(instance=leicester)
    leicester.streams.add(schools)
    leicester.save_revision().publish()
    guidance = GuidancePage(
        title="Our service pathways",
        slug="pathways",
        introduction="Five pathways from arrival to settling in.",
        body=[
            ("heading", "Wellbeing"),
            ("paragraph", "<p>A friendly place to talk.</p>"),
            ("callout", {"title": "Need help now?", "text": "<p>Call the helpline.</p>"}),
            ("faq", [{"question": "Is it free?", "answer": "<p>Yes, always.</p>"}]),
        ],
    )
    leicester.add_child(instance=guidance)
    local_group_editors_group_ensure(page=leicester)
    return {
        "schools": schools,
        "stream_page": stream_page,
        "leicester": leicester,
        "guidance": guidance,
    }


@pytest.fixture
def applicant_site(public_site, applicant_lead):
    """The applicant lead's school with a draft application (one criterion answered), a piece
    of evidence and an action plan: ids for the accessibility test's paths."""

    now = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
    organisation = organisation_with_team(
        lead=applicant_lead, name="Riverside Primary School", stream=public_site["schools"]
    )
    application = application_services.application_start(
        organisation=organisation, stream=public_site["schools"], user=applicant_lead, now=now
    )
    item = EvidenceItem.objects.create(
        organisation=organisation,
        kind="link",
        title="Welcome policy",
        url="https://example.org",
        scan_status="clean",
    )
    criterion = application.criteria_version.criteria.get(code="L1")
    application_services.answer_save(
        application=application,
        criterion=criterion,
        user=applicant_lead,
        expected_version=0,
        narrative="Staff training every term.",
        self_assessment="met",
        evidence_ids=[item.pk],
        now=now,
    )
    plan = action_plan_services.action_plan_import(
        organisation=organisation,
        user=applicant_lead,
        title="Action plan",
        now=now,
        rows=[
            ActionRow(
                reference="A-1",
                directorate="Housing",
                action="Train staff",
                status="In progress",
                rag="Amber",
            )
        ],
        source_name="plan.xlsx",
    )
    return {
        "organisation": organisation.pk,
        "application": application.pk,
        "plan": plan.pk,
        "action": plan.actions.get().pk,
        "evidence": item.pk,
    }


@pytest.fixture
def workspace_site(public_site, applicant_site):
    """A second school's submitted application, for the coordinator's screens."""

    now = timezone.make_aware(datetime.datetime(2026, 3, 3, 10, 0))
    lead = UserFactory(email="hillside.lead@example.org")
    organisation = organisation_with_team(
        lead=lead, name="Hillside Academy", stream=public_site["schools"]
    )
    application = application_services.application_start(
        organisation=organisation, stream=public_site["schools"], user=lead, now=now
    )
    complete_application(application, user=lead)
    application_services.application_submit(
        application=application, user=lead, now=now, base_url="http://testserver"
    )
    return {**applicant_site, "submitted": application.pk}


@pytest.fixture
def panel_site(workspace_site, public_site, panel_member, national_admin):
    """A third school's application, accepted and with a panel chaired by ``panel_member``."""

    now = timezone.make_aware(datetime.datetime(2026, 3, 4, 10, 0))
    lead = UserFactory(email="brookside.lead@example.org")
    organisation = organisation_with_team(
        lead=lead, name="Brookside School", stream=public_site["schools"]
    )
    application = application_services.application_start(
        organisation=organisation, stream=public_site["schools"], user=lead, now=now
    )
    complete_application(application, user=lead)
    application_services.application_submit(
        application=application, user=lead, now=now, base_url="http://testserver"
    )
    triage_services.application_accept(application=application, user=national_admin, now=now)
    panel = Panel.objects.create(stream=public_site["schools"], name="Spring panel")
    PanelMember.objects.create(panel=panel, user=panel_member, role="sector_expert", is_chair=True)
    for email, role, lived in [
        ("expert2@example.org", "sector_expert", False),
        ("lived2@example.org", "lived_experience", True),
    ]:
        user = staff_user(Role.PANEL_MEMBER, email=email)
        AssessorProfile.objects.create(user=user, lived_experience=lived)
        PanelMember.objects.create(panel=panel, user=user, role=role)
    membership_services.panel_assign_application(
        panel=panel, application=application, user=national_admin, now=now
    )

    def another(name: str):
        """Another school's application with the same panel."""
        other_lead = UserFactory(email=f"{name.split()[0].lower()}.lead@example.org")
        other = organisation_with_team(lead=other_lead, name=name, stream=public_site["schools"])
        started = application_services.application_start(
            organisation=other, stream=public_site["schools"], user=other_lead, now=now
        )
        complete_application(started, user=other_lead)
        application_services.application_submit(
            application=started, user=other_lead, now=now, base_url="http://testserver"
        )
        triage_services.application_accept(application=started, user=national_admin, now=now)
        return membership_services.panel_assign_application(
            panel=panel, application=started, user=national_admin, now=now
        )

    # The chair has declared no conflict and is judging this one…
    judging = another("Elmfield School")
    chair = panel.members.get(user=panel_member)
    assessment_services.conflict_declare(
        member=chair, application=judging, has_conflict=False, details="", now=now
    )
    # …and everyone has judged this one, so the chair's consensus form is open.
    judged = another("Ferndale School")
    for member in panel.members.all():
        assessment_services.conflict_declare(
            member=member, application=judged, has_conflict=False, details="", now=now
        )
        assessment_services.assessment_save(
            member=member,
            application=judged,
            expected_version=0,
            judgements={
                c.pk: ("met", "Clear evidence.") for c in judged.criteria_version.criteria.all()
            },
            now=now,
            submit=True,
        )
    return {
        **workspace_site,
        "panel": panel.pk,
        "assessed": application.pk,
        "judging": judging.pk,
        "judged": judged.pk,
    }


@pytest.fixture
def awards_site(panel_site, public_site, applicant_lead, national_admin):
    """An award with conditions for a fourth school that the applicant lead also leads, in
    the Leicester local group: the register, verification, staff award and condition pages."""

    now = timezone.now() - datetime.timedelta(days=30)
    lead = UserFactory(email="orchard.lead@example.org")
    organisation = organisation_with_team(
        lead=lead,
        name="Orchard Primary School",
        stream=public_site["schools"],
        local_group=public_site["leicester"],
    )
    Membership.objects.create(organisation=organisation, user=applicant_lead, role="lead")
    application = application_services.application_start(
        organisation=organisation, stream=public_site["schools"], user=lead, now=now
    )
    complete_application(application, user=lead)
    application = application_services.application_submit(
        application=application, user=lead, now=now, base_url="http://testserver"
    )
    decide_application(
        application,
        admin=national_admin,
        now=now,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", now.date() + datetime.timedelta(days=60))],
    )
    award = Award.objects.get(application=application)
    # A decision recorded and not yet released, for the coordinator's preview.
    pending_lead = UserFactory(email="willow.lead@example.org")
    pending = application_services.application_start(
        organisation=organisation_with_team(
            lead=pending_lead, name="Willow Primary School", stream=public_site["schools"]
        ),
        stream=public_site["schools"],
        user=pending_lead,
        now=now,
    )
    complete_application(pending, user=pending_lead)
    application_services.application_submit(
        application=pending, user=pending_lead, now=now, base_url="http://testserver"
    )
    decide_application(pending, admin=national_admin, now=now, release=False)
    # Exports that failed or expired offer to be built again; evidence the scanner could not
    # check says so (issue 13).
    for status, error in (
        (ExportStatus.FAILED, "This export took too long and was stopped."),
        (ExportStatus.EXPIRED, ""),
    ):
        DataExport.objects.create(
            requested_by=national_admin,
            kind="applications",
            status=status,
            error=error,
            created_at=now,
            finished_at=now,
        )
    unscannable = EvidenceItem.objects.create(
        organisation_id=panel_site["organisation"],
        kind=EvidenceKind.FILE,
        title="Scanned minutes",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="minutes.pdf"),
        scan_status=ScanStatus.UNSCANNABLE,
    )
    return {
        **panel_site,
        "unscannable": unscannable.pk,
        "award": award.pk,
        "certificate": award.certificate_number,
        "condition": award.application.decision.conditions.get().pk,
        "decided": application.pk,
        "pending": pending.pk,
    }
