"""Benchmark cases. Each issue adds a function returning its cases to ``CASE_FACTORIES``."""

from django.test import Client

from bench.cases_exports import export_cases
from bench.harness import Case


def reference_cases(client: Client, scale: int) -> list[Case]:
    return [Case("hello view", lambda: client.get("/__bench__/hello/"), reference=None, repeat=300)]


def foundation_cases(client: Client, scale: int) -> list[Case]:
    from accounts.demo import load_demo_users
    from cms.demo import load_demo_pages

    users = load_demo_users()
    load_demo_pages()
    signed_in = Client()
    signed_in.force_login(users["school.lead@example.org"])
    return [
        Case("health check", lambda: client.get("/health/"), budget_ratio=3, budget_queries=1),
        # Wagtail's routing (site lookup, page tree walk) is a fixed ~2 ms of the home page.
        Case("home page", lambda: client.get("/"), budget_ratio=30, budget_queries=6),
        Case(
            "sign-in page",
            lambda: client.get("/accounts/login/"),
            budget_ratio=30,
            budget_queries=1,
        ),
        Case(
            "your account (signed in)",
            lambda: signed_in.get("/accounts/profile/"),
            budget_ratio=30,
            budget_queries=6,
        ),
    ]


def criteria_cases(client: Client, scale: int) -> list[Case]:
    """Issue 3: a stream page with 3, 12 and 30 criteria; budget 10 queries, 12x hello.

    Anonymous visitors are served from the public page cache (cms/page_cache.py); the
    uncached cases measure the render behind it."""
    import datetime

    from django.utils import timezone

    from cms.models import HomePage, StreamIndexPage, StreamPage
    from criteria.services import criteria_version_publish
    from tests.factories import StreamFactory, criteria_version_with

    now = timezone.make_aware(datetime.datetime(2026, 1, 5, 9, 0))
    uncached = Client()
    uncached.cookies["sessionid"] = "no-such-session-so-the-cache-is-bypassed"
    home = HomePage.objects.get()
    index = home.get_children().filter(slug="bench-streams").first()
    if index is None:
        index = StreamIndexPage(title="Streams", slug="bench-streams")
        home.add_child(instance=index)
    cases = []
    for count in (3, 12, 30):
        stream = StreamFactory(name=f"Bench {count}", slug=f"bench-{count}")
        version = criteria_version_with(count, stream=stream, number=1)
        criteria_version_publish(version=version, user=None, now=now)
        page = StreamPage(title=f"Bench {count}", slug=f"bench-{count}", stream=stream)
        index.add_child(instance=page)
        url = page.url
        cases.append(
            Case(
                f"stream page, {count} criteria",
                lambda url=url: client.get(url),
                budget_ratio=12,
                budget_queries=10,
            )
        )
        # The same page rendered for a visitor the cache cannot serve (a session): the cost
        # of routing and rendering, held to its query budget and a looser time budget.
        cases.append(
            Case(
                f"stream page, {count} criteria, uncached",
                lambda url=url: uncached.get(url),
                budget_ratio=100,
                budget_queries=10,
            )
        )
    return cases


def applicant_cases(client: Client, scale: int) -> list[Case]:
    """Issue 4: the task list (15 queries whatever the size) and importing a 1,000-row action
    plan (at most 3x a raw bulk_create of the same rows; queries grow per batch)."""
    import datetime

    from django.utils import timezone

    from awards import services
    from awards.action_plans import ActionRow
    from awards.models import ActionPlan, EvidenceItem, PlanAction
    from tests.factories import UserFactory, organisation_with_team, published_stream

    now = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
    lead = UserFactory(email="bench.lead@example.org")
    organisation = organisation_with_team(lead=lead, name="Bench Council")
    stream = published_stream(criteria=30, slug="bench-applicant")
    application = services.application_start(
        organisation=organisation, stream=stream, user=lead, now=now
    )
    items = EvidenceItem.objects.bulk_create(
        EvidenceItem(
            organisation=organisation,
            kind="link",
            title=f"Evidence {n}",
            url="https://example.org",
            scan_status="clean",
        )
        for n in range(200 * scale)
    )
    for criterion in application.criteria_version.criteria.all():
        answer = application.answers.create(
            criterion=criterion, narrative="Yes.", self_assessment="met"
        )
        answer.evidence.add(*items[:20])
    signed_in = Client()
    signed_in.force_login(lead)
    url = f"/apply/applications/{application.pk}/"

    rows = [
        ActionRow(
            reference=f"REF-{n:05d}",
            directorate="Housing",
            action=f"Action {n}",
            status="In progress",
            date_due=datetime.date(2026, 12, 31),
            rag="Amber",
        )
        for n in range(1000)
    ]

    def raw_bulk_create():
        plan = ActionPlan.objects.create(organisation=organisation, title="raw", imported_at=now)
        PlanAction.objects.bulk_create(
            (
                PlanAction(
                    plan=plan,
                    sort_order=i,
                    reference=row.reference,
                    directorate=row.directorate,
                    action=row.action,
                    status=row.status,
                    date_due=row.date_due,
                    rag=row.rag,
                )
                for i, row in enumerate(rows)
            ),
            batch_size=services.IMPORT_BATCH_SIZE,
        )

    def service_import():
        services.action_plan_import(
            organisation=organisation,
            user=lead,
            title="bench",
            rows=rows,
            source_name="bench.xlsx",
            now=now,
        )

    return [
        Case(
            "task list, 30 criteria, 200 evidence",
            lambda: signed_in.get(url),
            budget_ratio=150,
            budget_queries=15,
        ),
        Case(
            "bulk_create 1,000 actions (reference)",
            raw_bulk_create,
            reference=None,
            repeat=7,
            warmup=1,
        ),
        Case(
            "import 1,000-row action plan",
            service_import,
            reference="bulk_create 1,000 actions (reference)",
            budget_ratio=3,
            budget_queries=8,
            repeat=7,
            warmup=1,
        ),
    ]


def workspace_cases(client: Client, scale: int) -> list[Case]:
    """Issue 5: the coordinator's queue with 1,000 and 10,000 applications in the
    coordinator's stream: at most 12 queries, and 10,000 at most 1.2x the time of 1,000."""
    import datetime

    from django.utils import timezone

    from accounts.enums import Role
    from awards.models import Application, Organisation
    from tests.factories import published_stream, staff_user

    now = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
    cases = []
    for size in (1000 * scale, 10000 * scale):
        stream = published_stream(criteria=3, slug=f"bench-queue-{size}")
        version = stream.versions.get()
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Queue school {size}-{n}", organisation_type="school", region="London"
            )
            for n in range(size)
        )
        Application.objects.bulk_create(
            (
                Application(
                    organisation=organisation,
                    stream=stream,
                    criteria_version=version,
                    status="submitted" if n % 3 else "in_assessment",
                    reference=f"Q{size}-{n:06d}",
                    created_at=now,
                    submitted_at=now - datetime.timedelta(minutes=n),
                )
                for n, organisation in enumerate(organisations)
            ),
            batch_size=1000,
        )
        coordinator = staff_user(Role.STREAM_COORDINATOR, email=f"queue{size}@example.org")
        stream.coordinators.add(coordinator)
        signed_in = Client()
        signed_in.force_login(coordinator)
        cases.append((size, signed_in))
    (small, small_client), (large, large_client) = cases
    small_name = f"coordinator queue, {small:,} applications"
    return [
        Case(
            small_name, lambda: small_client.get("/workspace/"), budget_ratio=200, budget_queries=12
        ),
        Case(
            f"coordinator queue, {large:,} applications",
            lambda: large_client.get("/workspace/"),
            reference=small_name,
            budget_ratio=1.2,
            budget_queries=12,
        ),
    ]


def decision_cases(client: Client, scale: int) -> list[Case]:
    """Issue 5: the feedback letter at most 3x a trivial one-line WeasyPrint document.
    Documents: the certificate at most 3x the same; the panel's application pack at 80 pages
    at most 2.2x its time at 40 pages (3 queries each)."""
    import datetime

    from django.utils import timezone

    from accounts.enums import Role
    from awards import services
    from awards.documents import (
        application_pack_context,
        certificate_context,
        render_application_pack,
        render_certificate,
    )
    from awards.models import (
        Application,
        AssessorProfile,
        Award,
        EvidenceItem,
        Panel,
        PanelMember,
    )
    from awards.models.awards import new_certificate_number
    from awards.pdf import render_pdf, render_trivial_pdf
    from awards.selectors import feedback_letter_context
    from tests.factories import (
        UserFactory,
        complete_application,
        organisation_with_team,
        published_stream,
        staff_user,
    )

    now = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
    admin = staff_user(Role.NATIONAL_ADMIN, email="bench.admin@example.org", is_superuser=True)
    lead = UserFactory(email="bench.letter@example.org")
    stream = published_stream(criteria=10, slug="bench-letter")
    organisation = organisation_with_team(lead=lead, name="Bench Letter School", stream=stream)
    application = services.application_start(
        organisation=organisation, stream=stream, user=lead, now=now
    )
    complete_application(application, user=lead)
    services.application_submit(
        application=application, user=lead, now=now, base_url="http://bench"
    )
    services.application_accept(application=application, user=admin, now=now)
    panel = Panel.objects.create(stream=stream, name="Bench panel")
    members = []
    for n, role in enumerate(["sector_expert", "peer", "lived_experience"]):
        user = staff_user(Role.PANEL_MEMBER, email=f"bench.panel{n}@example.org")
        AssessorProfile.objects.create(user=user, lived_experience=role == "lived_experience")
        members.append(
            PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=n == 0)
        )
    application = services.panel_assign_application(
        panel=panel, application=application, user=admin, now=now
    )
    criteria = list(application.criteria_version.criteria.all())
    for member in members:
        services.conflict_declare(
            member=member, application=application, has_conflict=False, details="", now=now
        )
        services.assessment_save(
            member=member,
            application=application,
            expected_version=0,
            judgements={c.pk: ("met", "Good.") for c in criteria},
            now=now,
            submit=True,
        )
    application = services.decision_record(
        application=application,
        chair=members[0],
        agreed={c.pk: ("met", "The panel saw strong, well-evidenced work. " * 4) for c in criteria},
        outcome="award",
        strengths="A warm welcome. " * 20,
        recommendations="Share it. " * 20,
        conditions=[],
        evidence_needed="",
        evidence_due_date=None,
        now=now,
    )
    application = services.decision_release(
        application=application, user=admin, now=now, base_url="http://bench"
    )
    context = feedback_letter_context(application)

    award = Award.objects.filter(application=application).first() or Award.objects.create(
        organisation=organisation,
        stream=stream,
        application=application,
        criteria_version=application.criteria_version,
        certificate_number=new_certificate_number("BENCH", 2026),
        awarded_on=datetime.date(2026, 3, 1),
        expires_on=datetime.date(2029, 3, 1),
    )
    verify_url = f"https://sanctuary.example/register/verify/{award.certificate_number}/"

    def pack_application(criteria: int) -> Application:
        """An application whose pack runs to about 1.3 pages per criterion: a long narrative
        and ten evidence items (links, files and sensitive testimonies) for each."""
        pack_stream = published_stream(criteria=criteria, slug=f"bench-pack-{criteria}")
        pack_lead = UserFactory(email=f"bench.pack{criteria}@example.org")
        school = organisation_with_team(
            lead=pack_lead, name=f"Bench Pack School {criteria}", stream=pack_stream
        )
        pack = services.application_start(
            organisation=school, stream=pack_stream, user=pack_lead, now=now
        )
        complete_application(pack, user=pack_lead, evidence=False)
        items = EvidenceItem.objects.bulk_create(
            EvidenceItem(
                organisation=school,
                kind=("link", "file", "testimony")[n % 3],
                title=f"Evidence {n}: minutes, photographs and a welcome-week plan",
                url="https://example.org/evidence" if n % 3 == 0 else "",
                file=f"evidence/bench/{n}" if n % 3 == 1 else "",
                file_name=f"evidence-{n}.pdf" if n % 3 == 1 else "",
                testimony="In our own words." if n % 3 == 2 else "",
                contains_sanctuary_stories=n % 3 == 2,
                consent_obtained=n % 6 == 2,
                scan_status="clean",
            )
            for n in range(40)
        )
        narrative = "\n\n".join(
            f"Paragraph {n}: how we learn about sanctuary, embed welcome in our policies "
            "and share what we do with families, partners and the wider community. " * 4
            for n in range(4)
        )
        pack.answers.update(narrative=narrative)
        for index, answer in enumerate(pack.answers.order_by("criterion__sort_order")):
            answer.evidence.add(*items[index % 4 * 10 : index % 4 * 10 + 10])
        return Application.objects.select_related(
            "organisation", "organisation__local_group", "stream"
        ).get(pk=pack.pk)

    # 28 and 56 criteria render 42 and 79 pages (checked with len(document.pages)): twice the
    # content, so the budget judges how the time grows with the length.
    pack_40, pack_80 = pack_application(28), pack_application(56)
    return [
        Case(
            "trivial one-line PDF (reference)",
            render_trivial_pdf,
            reference=None,
            repeat=7,
            warmup=1,
        ),
        Case(
            "feedback letter PDF, 10 criteria",
            lambda: render_pdf(template="awards/pdf/feedback_letter.html", context=context),
            reference="trivial one-line PDF (reference)",
            budget_ratio=3,
            repeat=7,
            warmup=1,
            paired=True,
        ),
        Case(
            "certificate PDF",
            lambda: render_certificate(certificate_context(award, verify_url=verify_url)),
            reference="trivial one-line PDF (reference)",
            budget_ratio=3,
            repeat=7,
            warmup=1,
            paired=True,
        ),
        Case(
            "application pack PDF, 40 pages",
            lambda: render_application_pack(application_pack_context(pack_40)),
            # Compared with the one-liner for information only; having a reference also
            # makes the harness time it after the letter and certificate, so that they do
            # not inherit the heap a 40-page layout leaves behind.
            reference="trivial one-line PDF (reference)",
            budget_queries=3,
            repeat=5,
            warmup=1,
        ),
        Case(
            "application pack PDF, 80 pages",
            lambda: render_application_pack(application_pack_context(pack_80)),
            reference="application pack PDF, 40 pages",
            budget_ratio=2.2,
            budget_queries=3,
            repeat=5,
            warmup=1,
            paired=True,
        ),
    ]


from bench.cases_awards import assessment_cases, awards_cases  # noqa: E402

CASE_FACTORIES = [
    reference_cases,
    foundation_cases,
    criteria_cases,
    applicant_cases,
    workspace_cases,
    decision_cases,
    export_cases,
    assessment_cases,
    awards_cases,
]
