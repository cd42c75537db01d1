"""Issue 6 benchmark cases: the register and the staff award list with 10 and 10,000 awards
(at most 10 queries, the same for both), and the lifecycle job over 10,000 awards (queries
grow per batch of 500, not per award)."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Case


def _awards(stream, size: int, *, expires_on: datetime.date, prefix: str):
    from django.utils import timezone

    from awards.models import Application, Award, Organisation

    version = stream.versions.get()
    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"{prefix} school {n:05d}",
                organisation_type="school",
                region="London",
                local_authority="Lewisham",
                nation="england",
            )
            for n in range(size)
        ),
        batch_size=1000,
    )
    applications = Application.objects.bulk_create(
        (
            Application(
                organisation=organisation,
                stream=stream,
                criteria_version=version,
                status="awarded",
                reference=f"{prefix}-{n:06d}",
                created_at=now,
                submitted_at=now,
            )
            for n, organisation in enumerate(organisations)
        ),
        batch_size=1000,
    )
    Award.objects.bulk_create(
        (
            Award(
                organisation_id=application.organisation_id,
                stream=stream,
                application=application,
                criteria_version=version,
                certificate_number=f"{prefix}-{n:06d}",
                awarded_on=expires_on - datetime.timedelta(days=3 * 365),
                expires_on=expires_on,
            )
            for n, application in enumerate(applications)
        ),
        batch_size=1000,
    )


def awards_cases(client: Client, scale: int) -> list[Case]:
    from accounts.enums import Role
    from tests.factories import published_stream, staff_user

    far = datetime.date(2029, 6, 30)
    cases = []
    admin = staff_user(Role.NATIONAL_ADMIN, email="bench.awards@example.org")
    for size in (10, 10000 * scale):
        stream = published_stream(criteria=3, slug=f"bench-awards-{size}")
        _awards(stream, size, expires_on=far, prefix=f"B{size}")
        signed_in = Client()
        signed_in.force_login(admin)
        query = f"?stream={stream.pk}"
        cases.append(
            Case(
                f"public register, {size:,} awards",
                lambda query=query: client.get("/awards/" + query),
                budget_queries=10,
                budget_ratio=150,
            )
        )
        cases.append(
            Case(
                f"staff award list, {size:,} awards",
                lambda query=query, signed_in=signed_in: signed_in.get(
                    "/workspace/awards/" + query
                ),
                budget_queries=10,
                budget_ratio=200,
            )
        )
    return cases + [_lifecycle_case(scale)]


def _lifecycle_case(scale: int) -> Case:
    """10,000 awards all reaching "renewal due" and their first reminder on the same day:
    the job's queries are counted once, then compared with the number of batches."""
    from awards import lifecycle
    from tests.factories import published_stream

    size = 10000 * scale
    stream = published_stream(criteria=3, slug="bench-lifecycle")
    day = datetime.date(2030, 1, 10)
    _awards(stream, size, expires_on=datetime.date(2030, 6, 30), prefix="L")
    batches = -(-size // lifecycle.BATCH_SIZE)
    with CaptureQueriesContext(connection) as queries:
        summary = lifecycle.process_awards(today=day)
    assert summary.renewal_due >= size, summary
    per_batch = len(queries) / batches
    # About 25 per batch on SQLite, which splits a 500-row insert into several statements
    # (999 variables at most); fewer on PostgreSQL. Per award it would be 10,000s.
    assert len(queries) <= 40 * batches + 40, (len(queries), batches)
    print(
        f"lifecycle job: {size:,} awards, {batches} batches, {len(queries)} queries "
        f"({per_batch:.1f} per batch), {summary.reminders:,} reminders"
    )
    # The timed run is a second run for the same day: it must find nothing to do.
    return Case(
        f"lifecycle job re-run over {size:,} awards (nothing to send)",
        lambda: lifecycle.process_awards(today=day),
        budget_queries=8 * batches + 20,
        budget_ratio=None,
        repeat=3,
        warmup=0,
    )


def assessment_cases(client: Client, scale: int) -> list[Case]:
    """Issue 5: the assessor portal, the judging page and the consensus grid at most 15
    queries, constant in members and criteria (3 criteria and 3 members against 12 and 7)."""
    from accounts.enums import Role
    from tests.awards.test_assessment_budgets import _assessed
    from tests.factories import staff_user

    admin = staff_user(Role.NATIONAL_ADMIN, email="bench.assess@example.org")
    cases = []
    for size, members in ((3, 3), (12, 7)):
        application, chair = _assessed(size, members, admin)
        signed_in = Client()
        signed_in.force_login(chair.user)
        for label, path in (
            ("assessor portal", "/assess/"),
            ("judging page", f"/assess/applications/{application.pk}/"),
            ("consensus grid", f"/assess/applications/{application.pk}/decision/"),
        ):
            cases.append(
                Case(
                    f"{label}, {size} criteria x {members} members",
                    lambda path=path, signed_in=signed_in: signed_in.get(path),
                    budget_queries=15,
                    budget_ratio=150,
                    repeat=15,
                )
            )
    return cases
