"""Demo organisations and applications: a school half way through, a council with a
submitted application, a university with a complete draft."""

import datetime

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from awards.models import Application, CriterionAnswer
from awards.services import applications as application_services
from awards.services import triage as triage_services
from cms.models import LocalGroupPage
from core.pdf import render_pdf
from core.uploads import clean_upload
from criteria.models import Stream
from demo.content import ACTION_PLAN_ROWS
from organisations.action_plan_import import ActionRow
from organisations.enums import EvidenceKind, ScanStatus
from organisations.models import EvidenceItem, LocalCoordinator, Membership, Organisation
from organisations.services import action_plans as action_plan_services
from organisations.services import evidence as evidence_services
from organisations.services import teams as team_services
from panels.models import AssessorProfile, Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services

DEMO_NOW = timezone.make_aware(datetime.datetime(2026, 11, 2, 10, 0))

ORGANISATIONS = [
    {
        "slug": "schools",
        "lead": "school.lead@example.org",
        "contributor": "school.contributor@example.org",
        "fields": {
            "name": "Riverside Primary School",
            "organisation_type": "school",
            "address": "1 River Lane, Leicester",
            "postcode": "LE1 1AA",
            "local_authority": "Leicester",
            "nation": "england",
            "region": "East Midlands",
            "school_urn": "120001",
            "website": "https://riverside.example.org",
        },
        "group": "leicester",
        "pledge": ("Sarah Doyle", "Head teacher"),
        "fill": 0.5,
        "submit": False,
    },
    {
        "slug": "local-authorities",
        "lead": "council.lead@example.org",
        "contributor": None,
        "fields": {
            "name": "London Borough of Lewisham",
            "organisation_type": "local_authority",
            "address": "Civic Suite, Catford Road, London",
            "postcode": "SE6 4RU",
            "local_authority": "Lewisham",
            "nation": "england",
            "region": "London",
            "council_code": "E09000023",
            "website": "https://lewisham.example.org",
        },
        "group": "lewisham",
        "pledge": ("Grace Mensah", "Cabinet member for communities"),
        "fill": 1.0,
        "submit": True,
    },
    {
        "slug": "universities",
        "lead": "university.lead@example.org",
        "contributor": None,
        "fields": {
            "name": "University of Leicester (demo)",
            "organisation_type": "university",
            "address": "University Road, Leicester",
            "postcode": "LE1 7RH",
            "local_authority": "Leicester",
            "nation": "england",
            "region": "East Midlands",
            "ukprn": "10007796",
        },
        "group": "leicester",
        "pledge": ("Owen Price", "Pro-vice-chancellor"),
        "fill": 1.0,
        "submit": False,
    },
    {
        "slug": "libraries",
        "lead": "library.lead@example.org",
        "contributor": None,
        "fields": {
            "name": "Leicester Libraries",
            "organisation_type": "library",
            "address": "Bishop Street, Leicester",
            "postcode": "LE1 6AA",
            "local_authority": "Leicester",
            "nation": "england",
            "region": "East Midlands",
            "website": "https://libraries.example.org",
        },
        "group": "leicester",
        "pledge": ("Amina Hussain", "Head of library services"),
        "fill": 1.0,
        "submit": True,
        # Sent back by the coordinator: the returned task list shows the request.
        "return": (
            "Thank you for a thoughtful application. Before the panel reads it, please tell us "
            "more about how people with lived experience shaped your welcome programme, and "
            "add the minutes or notes of a meeting where they did.",
            ["lived-experience", "E3"],
        ),
    },
]

EVIDENCE = [
    (
        "Staff training on welcoming new arrivals",
        EvidenceKind.LINK,
        {"url": "https://example.org/training-slides"},
    ),
    (
        "Refugee Week assembly",
        EvidenceKind.TESTIMONY,
        {
            "testimony": "Pupils from Year 5 led the assembly and shared stories of journeys, with "
            "their families' consent.",
            "contains_sanctuary_stories": True,
            "consent_obtained": True,
            "consent_recorded_by": "Deputy head",
        },
    ),
    ("Welcome policy", EvidenceKind.LINK, {"url": "https://example.org/welcome-policy"}),
]


def load_demo_applications(*, stdout=None) -> list[Application]:

    leicester = LocalGroupPage.objects.filter(slug="leicester").first()
    local_lead = User.objects.filter(email="leicester.lead@example.org").first()
    if leicester and local_lead:
        LocalCoordinator.objects.get_or_create(user=local_lead, local_group=leicester)
    applications = []
    for spec in ORGANISATIONS:
        stream = Stream.objects.get(slug=spec["slug"])
        lead = User.objects.get(email=spec["lead"])
        organisation = Organisation.objects.filter(name=spec["fields"]["name"]).first()
        if organisation is None:
            organisation = team_services.organisation_create(
                user=lead,
                now=DEMO_NOW,
                stream=stream,
                local_group=LocalGroupPage.objects.filter(slug=spec["group"]).first(),
                **spec["fields"],
            )
        if spec["contributor"]:
            Membership.objects.get_or_create(
                organisation=organisation,
                user=User.objects.get(email=spec["contributor"]),
                defaults={"role": "contributor"},
            )
        name, role = spec["pledge"]
        team_services.organisation_sign_pledge(
            organisation=organisation,
            user=lead,
            signatory_name=name,
            signatory_role=role,
            now=DEMO_NOW,
        )
        organisation.refresh_from_db()
        application = organisation.applications.first()
        if application is None:
            application = application_services.application_start(
                organisation=organisation, stream=stream, user=lead, now=DEMO_NOW
            )
            _fill(application, lead=lead, share=spec["fill"])
            if spec["slug"] == "local-authorities":
                _import_action_plan(application, lead=lead)
            if spec["submit"]:
                application = application_services.application_submit(
                    application=application,
                    user=lead,
                    now=DEMO_NOW,
                    base_url=settings.WAGTAILADMIN_BASE_URL,
                )
            if spec.get("return"):
                note, tasks = spec["return"]
                application = triage_services.application_return(
                    application=application,
                    user=User.objects.get(email="admin@example.org"),
                    now=DEMO_NOW,
                    note=note,
                    # Four weeks from whenever the demo is loaded, so the request is never
                    # already overdue on a fresh demo.
                    due_date=(max(DEMO_NOW, timezone.now()) + datetime.timedelta(days=28)).date(),
                    tasks=tasks,
                    base_url=settings.WAGTAILADMIN_BASE_URL,
                )
        applications.append(application)
    _load_panels(applications)
    if stdout:
        stdout.write(f"Applications: {len(applications)}")
    return applications


def _load_panels(applications: list[Application]) -> None:
    """A council panel mid-assessment, and a schools panel missing its lived-experience
    assessor (its composition check says so)."""

    admin = User.objects.get(email="admin@example.org")
    people = {}
    for email, lived in [
        ("assessor@example.org", False),
        ("lived.experience@example.org", True),
        ("peer.assessor@example.org", False),
    ]:
        user = User.objects.get(email=email)
        AssessorProfile.objects.get_or_create(
            user=user,
            defaults={
                "lived_experience": lived,
                "consent_given_at": DEMO_NOW,
                "privacy_notice_version": "2026-01",
            },
        )
        people[email] = user
    council = next(a for a in applications if a.stream.slug == "local-authorities")
    council.refresh_from_db()
    if not Panel.objects.filter(name="Councils panel, December").exists():
        panel = Panel.objects.create(
            stream=council.stream,
            name="Councils panel, December",
            meeting_date=datetime.date(2026, 12, 9),
            meeting_format="online",
            created_by=admin,
        )
        PanelMember.objects.create(
            panel=panel, user=people["assessor@example.org"], role="sector_expert", is_chair=True
        )
        PanelMember.objects.create(
            panel=panel, user=people["lived.experience@example.org"], role="lived_experience"
        )
        PanelMember.objects.create(
            panel=panel, user=people["peer.assessor@example.org"], role="peer"
        )
        if council.status == "submitted":
            council = triage_services.application_accept(
                application=council, user=admin, now=DEMO_NOW
            )
        council = membership_services.panel_assign_application(
            panel=panel, application=council, user=admin, now=DEMO_NOW
        )
        lived = panel.members.get(role="lived_experience")
        assessment_services.conflict_declare(
            member=lived, application=council, has_conflict=False, details="", now=DEMO_NOW
        )
        judgements = {
            criterion.pk: (
                "met" if n % 4 else "partly_met",
                "Clear evidence, and people with lived experience were involved.",
            )
            for n, criterion in enumerate(council.criteria_version.criteria.all())
        }
        assessment_services.assessment_save(
            member=lived,
            application=council,
            expected_version=0,
            judgements=judgements,
            now=DEMO_NOW,
            submit=True,
        )
    schools = Stream.objects.get(slug="schools")
    if not Panel.objects.filter(name="Schools panel, January").exists():
        panel = Panel.objects.create(
            stream=schools,
            name="Schools panel, January",
            meeting_date=datetime.date(2027, 1, 20),
            meeting_format="in_person",
            place="Leicester",
            created_by=admin,
        )
        PanelMember.objects.create(
            panel=panel, user=people["assessor@example.org"], role="sector_expert", is_chair=True
        )
        PanelMember.objects.create(
            panel=panel, user=people["peer.assessor@example.org"], role="peer"
        )


def _fill(application: Application, *, lead: User, share: float) -> None:
    items = []
    for title, kind, fields in EVIDENCE:
        items.append(
            EvidenceItem.objects.create(
                organisation=application.organisation,
                kind=kind,
                title=title,
                uploaded_by=lead,
                scan_status=ScanStatus.CLEAN,
                evidence_date=datetime.date(2026, 6, 20),
                **fields,
            )
        )
    items.append(_welcome_policy(application.organisation, lead=lead))
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    for index, criterion in enumerate(criteria[: round(len(criteria) * share)]):
        answer = CriterionAnswer.objects.create(
            application=application,
            criterion=criterion,
            updated_by=lead,
            updated_at=DEMO_NOW,
            self_assessment="met" if index % 3 else "partly_met",
            narrative=(
                f"{criterion.title}: {application.organisation.name} has done this "
                "for two years. Staff, students and families who have sought sanctuary "
                "planned the work together, and we review it each term."
            ),
        )
        answer.evidence.add(items[index % len(items)])
    if share >= 1:
        application.organisation_context = (
            f"{application.organisation.name} serves a diverse community where many families "
            "have sought sanctuary."
        )
        application.lived_experience = (
            "A group of parents and staff with lived experience of seeking sanctuary meets "
            "each half term; they chose our priorities and reviewed this application."
        )
        application.safeguarding_lead = "Designated safeguarding lead"
        application.consent_confirmed = True
        application.consent_notes = "Consent forms are kept by the office for three years."
        application.senior_signatory_name = application.organisation.pledge_signatory_name
        application.senior_signatory_role = application.organisation.pledge_signatory_role
        application.senior_endorsed_on = datetime.date(2026, 10, 30)
        application.save()
    else:
        application.organisation_context = "We are a two-form entry primary school."
        application.save()


def _welcome_policy(organisation: Organisation, *, lead: User) -> EvidenceItem:
    """A real PDF in the library, stored and virus-checked as an upload is."""
    content = render_pdf(
        template="demo/welcome_policy.html",
        context={"organisation": organisation.name, "adopted": datetime.date(2026, 5, 1)},
    )
    upload = clean_upload(
        uploaded_file=SimpleUploadedFile("welcome-policy.pdf", content, "application/pdf"),
        max_bytes=settings.SANCTUARY_UPLOAD_MAX_BYTES,
    )
    return evidence_services.evidence_add_file(
        organisation=organisation,
        user=lead,
        upload=upload,
        title="Welcome policy (PDF)",
        evidence_date=datetime.date(2026, 5, 1),
        description="Our welcome policy, as adopted by the governing body.",
    )


def _import_action_plan(application: Application, *, lead: User) -> None:

    def as_date(value):
        return datetime.date.fromisoformat(value) if value else None

    rows = [
        ActionRow(
            **{
                **row,
                **{
                    name: as_date(row[name])
                    for name in ("date_added", "date_due", "rag_date", "comments_date")
                },
            }
        )
        for row in ACTION_PLAN_ROWS
    ]
    plan = action_plan_services.action_plan_import(
        organisation=application.organisation,
        user=lead,
        title="Borough of Sanctuary action plan 2025–2028",
        rows=rows,
        source_name="lewisham-action-plan.xlsx",
        now=DEMO_NOW,
    )
    plan.criteria.set(application.criteria_version.criteria.filter(principle="embed"))
