"""Issue 14: lists that grow with rows, each at 1x and 10x its rows and within 1.3x: the
evidence library and the criterion page's evidence picker at 200 and 2,000 items, panel detail
with 20 and 200 assessors (and as many applications waiting for a panel), and the panel list
with 20 and 200 panels.

Each size has its own organisation, stream, coordinator and assessors, so that a page shows
its own rows only. The assessors who could join a panel are everyone with the panel member
role, whatever the stream: each panel detail case searches its own pool (by the pool's email
domain), which its check proves holds 20 or 200 people.
"""

import datetime
import re

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User
from awards.enums import ApplicationStatus
from awards.models import Application
from awards.services import applications as application_services
from awards.views.applications import PICKER_PAGE_SIZE
from bench.checks import page
from bench.harness import Case
from organisations.models import EvidenceItem, Organisation
from organisations.views.evidence import LIBRARY_PAGE_SIZE
from panels.models import AssessorProfile, Panel, PanelMember
from panels.selectors import SHORTLIST_SIZE
from panels.views.workspace import PANEL_PAGE_SIZE
from tests.factories import (
    UserFactory,
    organisation_with_team,
    published_stream,
    staff_user,
)

NOW = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
CHOSEN = 5  # items already chosen for the criterion the picker case opens
BUDGET_RATIO = 1.3  # 10x the rows within 1.3x the time
# The 1x cases against the hello view: measured at 50-65x on SQLite and 110-150x on
# PostgreSQL (a connection per request) for the library, the picker and the panel list, and
# 100-170x and about 240x for panel detail, whose forms render every field through templates.
# The budgets that matter are the 10x cases' against their 1x.
PAGE_BUDGET = 200
PANEL_DETAIL_BUDGET = 400


def _exact(selector: str, expected: str):
    """The text of the first element matching ``selector`` starts with ``expected`` followed
    by something that is not a digit ("200 items" is not "2000 items")."""

    def check(response) -> None:
        node = BeautifulSoup(response.content, "html.parser").select_one(selector)
        shown = " ".join(node.get_text(" ").split()) if node is not None else ""
        assert re.match(re.escape(expected) + r"(?!\d)", shown), (
            f"{selector} says {shown!r}, expected it to start {expected!r}"
        )

    return check


def _both(*checks):
    def check(response) -> None:
        for one in checks:
            one(response)

    return check


def _library(organisation, size: int) -> list[EvidenceItem]:
    """Links, files and testimonies, a third of each, with the titles and descriptions of a
    real library."""
    return EvidenceItem.objects.bulk_create(
        (
            EvidenceItem(
                organisation=organisation,
                kind=("link", "file", "testimony")[n % 3],
                title=f"Evidence {n:05d}: minutes, photographs and a welcome-week plan",
                description="What we did, who took part and what changed afterwards.",
                evidence_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300),
                url="https://example.org/evidence" if n % 3 == 0 else "",
                file=f"evidence/bench/{n}" if n % 3 == 1 else "",
                file_name=f"evidence-{n}.pdf" if n % 3 == 1 else "",
                file_size=120_000 + n if n % 3 == 1 else 0,
                testimony="In our own words." if n % 3 == 2 else "",
                contains_sanctuary_stories=n % 3 == 2,
                consent_obtained=n % 6 == 2,
                scan_status="clean",
            )
            for n in range(size)
        ),
        batch_size=1000,
    )


def _evidence_cases(scale: int) -> list[Case]:
    cases = []
    reference = {}
    for size in (200 * scale, 2000 * scale):
        lead = UserFactory(email=f"bench.library{size}@example.org")
        organisation = organisation_with_team(lead=lead, name=f"Bench Library {size}")
        stream = published_stream(criteria=6, slug=f"bench-library-{size}")
        application = application_services.application_start(
            organisation=organisation, stream=stream, user=lead, now=NOW
        )
        items = _library(organisation, size)
        # Every criterion uses a few items (the library counts the uses of those it shows);
        # the picker opens L1, with CHOSEN items chosen, far apart in the library.
        for index, criterion in enumerate(application.criteria_version.criteria.all()):
            answer = application.answers.create(
                criterion=criterion, narrative="We do this.", self_assessment="met"
            )
            answer.evidence.add(*items[index * 7 : index * 7 + CHOSEN])
        first = application.criteria_version.criteria.order_by("sort_order").first()
        chosen_answer = application.answers.get(criterion=first)
        chosen_answer.evidence.set(items[:: size // CHOSEN][:CHOSEN])
        signed_in = Client()
        signed_in.force_login(lead)
        library_url = f"/apply/organisations/{organisation.pk}/evidence/"
        picker_url = f"/apply/applications/{application.pk}/criteria/{first.code}/"
        library_pages = -(-size // LIBRARY_PAGE_SIZE)
        picker_pages = -(-(size - CHOSEN) // PICKER_PAGE_SIZE)

        library_name = f"evidence library, {size:,} items"
        cases.append(
            Case(
                library_name,
                lambda client=signed_in, url=library_url: client.get(url),
                reference=reference.get("library", "hello view"),
                budget_ratio=BUDGET_RATIO if "library" in reference else PAGE_BUDGET,
                budget_queries=10,
                check=_both(
                    page(h1="Evidence library", rows=LIBRARY_PAGE_SIZE),
                    _exact("table caption", f"{size} items · page 1 of {library_pages}"),
                ),
            )
        )
        picker_name = f"evidence picker (criterion page), {size:,} items"
        cases.append(
            Case(
                picker_name,
                lambda client=signed_in, url=picker_url: client.get(url),
                reference=reference.get("picker", "hello view"),
                budget_ratio=BUDGET_RATIO if "picker" in reference else PAGE_BUDGET,
                budget_queries=12,
                check=_both(
                    page(
                        h1=first.code,
                        texts=[f"Chosen for {first.code} ({CHOSEN} items)"],
                        selectors={
                            "[aria-labelledby=evidence-chosen-title] input[checked]": CHOSEN,
                            "[aria-labelledby=evidence-library-title] input[type=checkbox]": (
                                PICKER_PAGE_SIZE
                            ),
                        },
                    ),
                    _exact(
                        "#evidence-library-count",
                        f"{size - CHOSEN} more items in your library · page 1 of {picker_pages}",
                    ),
                ),
            )
        )
        reference.setdefault("library", library_name)
        reference.setdefault("picker", picker_name)
    return cases


def _assessor_pool(size: int, domain: str) -> None:
    """``size`` people with the panel member role, a quarter with lived experience."""
    users = User.objects.bulk_create(
        User(
            email=f"assessor{n:04d}@{domain}",
            first_name="Bench",
            last_name=f"Assessor {n:04d}",
            password="!",
        )
        for n in range(size)
    )
    group, _created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[Role.PANEL_MEMBER])
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
    )
    AssessorProfile.objects.bulk_create(
        AssessorProfile(user=user, lived_experience=n % 4 == 0) for n, user in enumerate(users)
    )


def _waiting_applications(stream, size: int, prefix: str) -> None:
    """``size`` applications in assessment in ``stream``, none with a panel yet."""
    version = stream.versions.get()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"{prefix} school {n:04d}", organisation_type="school")
        for n in range(size)
    )
    Application.objects.bulk_create(
        Application(
            organisation=organisation,
            stream=stream,
            criteria_version=version,
            status=ApplicationStatus.IN_ASSESSMENT,
            reference=f"{prefix}-{n:05d}",
            created_at=NOW,
            submitted_at=NOW,
        )
        for n, organisation in enumerate(organisations)
    )


def _panel_cases(scale: int) -> list[Case]:
    cases = []
    reference = {}
    for size in (20 * scale, 200 * scale):
        stream = published_stream(criteria=3, slug=f"bench-panels-{size}")
        coordinator = staff_user(Role.STREAM_COORDINATOR, email=f"bench.panels{size}@example.org")
        stream.coordinators.add(coordinator)
        signed_in = Client()
        signed_in.force_login(coordinator)
        panels = Panel.objects.bulk_create(
            Panel(
                stream=stream,
                name=f"Bench panel {size}-{n:04d}",
                meeting_date=datetime.date(2026, 6, 1) + datetime.timedelta(days=n % 90),
            )
            for n in range(size)
        )
        panel = panels[0]
        domain = f"pool{size}.bench.example.org"
        _assessor_pool(size + 3, domain)
        members = User.objects.filter(email__endswith=f"@{domain}").order_by("email")[:3]
        for n, (user, role) in enumerate(
            zip(members, ["sector_expert", "peer", "lived_experience"], strict=True)
        ):
            PanelMember.objects.create(panel=panel, user=user, role=role, is_chair=n == 0)
        _waiting_applications(stream, size, prefix=f"BP{size}")
        detail_url = f"/workspace/panels/{panel.pk}/?find_assessor={domain}"
        shown = min(size, SHORTLIST_SIZE)

        detail_name = f"panel detail, {size:,} assessors"
        cases.append(
            Case(
                detail_name,
                lambda client=signed_in, url=detail_url: client.get(url),
                reference=reference.get("detail", "hello view"),
                budget_ratio=BUDGET_RATIO if "detail" in reference else PANEL_DETAIL_BUDGET,
                budget_queries=20,
                check=_both(
                    page(
                        h1=panel.name,
                        selectors={
                            'select[name=user] option:not([value=""])': shown,
                            'select[name=application] option:not([value=""])': shown,
                            "table tbody tr": 3,
                        },
                    ),
                    _exact("#assessor-matches", f"{size} assessors match"),
                    _exact("#application-matches", f"{size} applications could go"),
                ),
            )
        )
        list_name = f"panel list, {size:,} panels"
        cases.append(
            Case(
                list_name,
                lambda client=signed_in: client.get("/workspace/panels/"),
                reference=reference.get("list", "hello view"),
                budget_ratio=BUDGET_RATIO if "list" in reference else PAGE_BUDGET,
                budget_queries=12,
                check=_both(
                    page(
                        h1="Panels",
                        selectors={"li.sa-search-result": min(size, PANEL_PAGE_SIZE)},
                    ),
                    _exact("main h2", f"{size} panels"),
                ),
            )
        )
        reference.setdefault("detail", detail_name)
        reference.setdefault("list", list_name)
    return cases


def list_cases(client: Client, scale: int) -> list[Case]:
    return _evidence_cases(scale) + _panel_cases(scale)
