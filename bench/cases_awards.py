"""Issue 6 benchmark cases: the awards behind the public register (its cases are in
cases_public), the staff award list with 10 and 10,000 awards (at most 10 queries, the same
for both), and the lifecycle job over 10,000 awards (queries
grow per batch of 500, not per award).

The lifecycle job works on every award in the database, so the awards the register and the
staff list show expire well after the day it runs for and its reminder horizon: it leaves
them current (checked after it ran, and again by each page's check).

Each size of the staff award list is seen by its own stream's coordinator, whose status
totals count that stream's awards only: 10 against 10,000, not 10 against everything.
"""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.enums import Role
from awards import lifecycle
from awards.enums import AwardStatus
from awards.models import Application, Award
from bench.checks import page
from bench.harness import Case
from organisations.models import Organisation
from tests.factories import published_stream, staff_user
from tests.panels.test_assessment_budgets import _assessed


def _awards(stream, size: int, *, expires_on: datetime.date, prefix: str):

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


# The lifecycle case's day and its awards' expiry (all within its 6-month reminder horizon);
# the register's and the staff list's awards expire long after both.
LIFECYCLE_DAY = datetime.date(2030, 1, 10)
LIFECYCLE_EXPIRES = datetime.date(2030, 6, 30)
LISTED_EXPIRES = datetime.date(2032, 6, 30)
REGISTER_PAGE_SIZE = 25  # awards/views/register.py and award_admin.py: 25 a page


def awards_cases(client: Client, scale: int) -> list[Case]:

    cases = []
    streams = []
    for size in (10, 10000 * scale):
        stream = published_stream(criteria=3, slug=f"bench-awards-{size}")
        streams.append(stream)
        prefix = f"B{size}"
        _awards(stream, size, expires_on=LISTED_EXPIRES, prefix=prefix)
        coordinator = staff_user(Role.STREAM_COORDINATOR, email=f"bench.awards{size}@example.org")
        stream.coordinators.add(coordinator)
        signed_in = Client()
        signed_in.force_login(coordinator)
        shown = min(size, REGISTER_PAGE_SIZE)
        first = f"{prefix} school 00000"  # first by name, and by expiry then pk
        cases.append(
            Case(
                f"staff award list, {size:,} awards",
                lambda signed_in=signed_in: signed_in.get("/workspace/awards/"),
                budget_queries=10,
                budget_ratio=200,
                check=page(
                    h1="Awards",
                    texts=[f"{size} awards", first],
                    rows=shown,
                    # One status total (all current), counting this stream's awards only.
                    selectors={'ul[aria-label="Awards by status"] li': 1},
                ),
            )
        )
    lifecycle_case = _lifecycle_case(scale)
    left = Award.objects.filter(stream__in=streams).exclude(status=AwardStatus.ACTIVE).count()
    assert not left, f"the lifecycle job changed {left} of the listed awards"
    return cases + [lifecycle_case]


def _lifecycle_case(scale: int) -> Case:
    """10,000 awards all reaching "renewal due" and their first reminder on the same day:
    the job's queries are counted once, then compared with the number of batches."""

    size = 10000 * scale
    stream = published_stream(criteria=3, slug="bench-lifecycle")
    day = LIFECYCLE_DAY
    _awards(stream, size, expires_on=LIFECYCLE_EXPIRES, prefix="L")
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

    def nothing_done(summary) -> None:
        done = (summary.renewal_due, summary.reminders, summary.lapsed, summary.conditions_flagged)
        assert summary.already_ran and not any(done), f"the re-run did something: {summary}"

    # The timed run is a second run for the same day: it must find nothing to do.
    return Case(
        f"lifecycle job re-run over {size:,} awards (nothing to send)",
        lambda: lifecycle.process_awards(today=day),
        budget_queries=8 * batches + 20,
        budget_ratio=None,
        repeat=3,
        warmup=0,
        check=nothing_done,
    )


def assessment_cases(client: Client, scale: int) -> list[Case]:
    """Issue 5: the assessor portal, the judging page and the consensus grid at most 15
    queries, constant in members and criteria (3 criteria and 3 members against 12 and 7)."""

    admin = staff_user(Role.NATIONAL_ADMIN, email="bench.assess@example.org")
    cases = []
    for size, members in ((3, 3), (12, 7)):
        application, chair = _assessed(size, members, admin)
        signed_in = Client()
        signed_in.force_login(chair.user)
        name = application.organisation.name
        for label, path, check in (
            (
                "assessor portal",
                "/assess/",
                page(h1="Your assessments", texts=[name], selectors={"li.sa-task-list__item": 1}),
            ),
            (
                "judging page",
                f"/assess/applications/{application.pk}/",
                # Every member's judgement of every criterion.
                page(h1=name, rows=size * members),
            ),
            (
                "consensus grid",
                f"/assess/applications/{application.pk}/decision/",
                page(
                    h1="Consensus and decision",
                    rows=size,
                    selectors={"table thead th": members + 1},
                ),
            ),
        ):
            cases.append(
                Case(
                    f"{label}, {size} criteria x {members} members",
                    lambda path=path, signed_in=signed_in: signed_in.get(path),
                    budget_queries=15,
                    budget_ratio=150,
                    repeat=15,
                    check=check,
                )
            )
    return cases
