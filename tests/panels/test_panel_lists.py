"""Issue 14: the panel list is paged, and panel detail offers assessors and applications by
search-then-choose (the first 20 matches and how many matched) instead of a list of everyone,
in a number of queries that does not grow with the pool. The composition check and the
permission rules stay as they were."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.enums import Role
from awards.enums import ApplicationStatus
from awards.models import Application
from organisations.models import Organisation
from panels.models import AssessorProfile, Panel, PanelMember
from tests.conftest import NOW
from tests.factories import published_stream, staff_user


def _soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _options(soup, name: str) -> list[str]:
    return [
        _text(option)
        for option in soup.select(f"select[name={name}] option")
        if option.get("value")
    ]


def _pool(count: int, *, prefix: str = "Pool") -> list:
    people = []
    for n in range(count):
        user = staff_user(
            Role.PANEL_MEMBER,
            email=f"{prefix.lower()}{n:03d}@assessors.example.org",
            first_name=prefix,
            last_name=f"Assessor {n:03d}",
        )
        AssessorProfile.objects.create(user=user, lived_experience=n % 4 == 0)
        people.append(user)
    return people


def _waiting(stream, count: int, *, prefix: str = "Waiting") -> list[Application]:
    """Applications in assessment without a panel, in ``stream``."""
    version = stream.versions.get()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"{prefix} School {n:03d}", organisation_type="school")
        for n in range(count)
    )
    return Application.objects.bulk_create(
        Application(
            organisation=organisation,
            stream=stream,
            criteria_version=version,
            status=ApplicationStatus.IN_ASSESSMENT,
            reference=f"{prefix[:3].upper()}-{n:04d}",
            created_at=NOW,
            submitted_at=NOW,
        )
        for n, organisation in enumerate(organisations)
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# --- The panel list -------------------------------------------------------------------------


def test_panel_list_shows_20_a_page_with_the_total(client, schools, national_admin):
    Panel.objects.bulk_create(Panel(stream=schools, name=f"Panel {n:03d}") for n in range(25))
    client.force_login(national_admin)

    first = _soup(client.get("/workspace/panels/"))
    second = _soup(client.get("/workspace/panels/?page=2"))

    assert len(first.select("li.sa-search-result")) == 20
    assert len(second.select("li.sa-search-result")) == 5
    assert "25 panels" in _text(first.select_one("main"))
    assert _text(first.select_one("nav.sa-pagination [rel=next]")) == "Next page"
    assert _text(second.select_one("nav.sa-pagination [rel=prev]")) == "Previous page"


def test_panel_list_query_count_does_not_grow_with_panels(client, schools, national_admin):
    client.force_login(national_admin)
    Panel.objects.bulk_create(Panel(stream=schools, name=f"Small {n}") for n in range(5))
    small = _queries(client, "/workspace/panels/")
    Panel.objects.bulk_create(Panel(stream=schools, name=f"Large {n}") for n in range(45))
    large = _queries(client, "/workspace/panels/")

    assert small == large


def test_panel_list_pages_only_the_coordinators_panels(client, schools, stream_coordinator):
    other = published_stream(criteria=3, slug="colleges")
    Panel.objects.bulk_create(Panel(stream=schools, name=f"Ours {n:02d}") for n in range(22))
    Panel.objects.bulk_create(Panel(stream=other, name=f"Theirs {n:02d}") for n in range(5))
    schools.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)

    page = _soup(client.get("/workspace/panels/?page=2"))

    assert "22 panels" in _text(page.select_one("main"))
    assert [_text(a) for a in page.select("li.sa-search-result a")] == ["Ours 01", "Ours 00"]


# --- Panel detail: search then choose ---------------------------------------------------------


@pytest.fixture
def panel(schools):
    return Panel.objects.create(stream=schools, name="Spring panel")


def test_panel_detail_query_count_does_not_grow_with_assessors_or_applications(
    client, schools, panel, national_admin
):
    client.force_login(national_admin)
    _pool(5, prefix="Few")
    _waiting(schools, 5, prefix="Few")
    small = _queries(client, f"/workspace/panels/{panel.pk}/")
    _pool(45, prefix="Many")
    _waiting(schools, 45, prefix="Many")
    large = _queries(client, f"/workspace/panels/{panel.pk}/")
    searched = _queries(
        client, f"/workspace/panels/{panel.pk}/?find_assessor=many&find_application=many"
    )

    assert small == large == searched


def test_panel_detail_offers_the_first_20_assessors_and_says_how_many_could_join(
    client, schools, panel, national_admin
):
    _pool(25)
    client.force_login(national_admin)

    soup = _soup(client.get(f"/workspace/panels/{panel.pk}/"))

    assert len(_options(soup, "user")) == 20
    assert _options(soup, "user")[:2] == [
        "Pool Assessor 000 (lived experience)",
        "Pool Assessor 001",
    ]
    assert _text(soup.select_one("#assessor-matches")) == (
        "25 assessors could join this panel. "
        "The first 20 are listed: search by name or email to find others."
    )
    label = soup.find("label", string="Find an assessor by name or email")
    assert soup.select_one(f"#{label['for']}")["name"] == "find_assessor"


def test_panel_detail_finds_assessors_by_name_or_email(client, schools, panel, national_admin):
    _pool(25)
    client.force_login(national_admin)

    by_name = _soup(client.get(f"/workspace/panels/{panel.pk}/?find_assessor=assessor+024"))
    by_email = _soup(client.get(f"/workspace/panels/{panel.pk}/?find_assessor=pool023@"))

    assert _options(by_name, "user") == ["Pool Assessor 024 (lived experience)"]
    assert _options(by_email, "user") == ["Pool Assessor 023"]
    assert _text(by_name.select_one("#assessor-matches")) == "1 assessor matches “assessor 024”."
    assert by_name.select_one("input[name=find_assessor]")["value"] == "assessor 024"


def test_panel_detail_search_leaves_out_current_members(
    client, schools, panel, national_admin, assessors
):
    PanelMember.objects.create(panel=panel, user=assessors["chair"], role="sector_expert")
    client.force_login(national_admin)

    soup = _soup(client.get(f"/workspace/panels/{panel.pk}/?find_assessor=assessor"))

    assert _options(soup, "user") == ["Expert Assessor", "Lived Assessor (lived experience)"]


def test_assessor_found_by_search_is_added(client, schools, panel, national_admin):
    people = _pool(25)
    client.force_login(national_admin)

    response = client.post(
        f"/workspace/panels/{panel.pk}/?find_assessor=assessor+024",
        {"add_member": "1", "user": people[24].pk, "role": "lived_experience"},
    )

    assert response.status_code == 302
    assert list(panel.members.values_list("user_id", "role")) == [
        (people[24].pk, "lived_experience")
    ]


def test_adding_without_a_role_keeps_the_chosen_assessor_and_the_search(
    client, schools, panel, national_admin
):
    people = _pool(25)
    client.force_login(national_admin)

    # Chosen from another search than the one the page now shows: still offered, selected.
    response = client.post(
        f"/workspace/panels/{panel.pk}/?find_assessor=assessor+001",
        {"add_member": "1", "user": people[24].pk, "role": "", "is_chair": "on"},
    )

    soup = _soup(response)
    assert response.status_code == 400
    assert "Choose the member's role on the panel." in _text(soup.select_one(".sa-error-summary"))
    selected = soup.select_one("select[name=user] option[selected]")
    assert _text(selected) == "Pool Assessor 024 (lived experience)"
    assert soup.select_one("input[name=is_chair]").has_attr("checked")
    assert soup.select_one("input[name=find_assessor]")["value"] == "assessor 001"
    assert not panel.members.exists()


def test_panel_detail_offers_the_first_20_applications_and_finds_by_name_or_reference(
    client, schools, panel, national_admin
):
    waiting = _waiting(schools, 25)
    client.force_login(national_admin)

    unsearched = _soup(client.get(f"/workspace/panels/{panel.pk}/"))
    by_reference = _soup(client.get(f"/workspace/panels/{panel.pk}/?find_application=WAI-0021"))
    by_name = _soup(
        client.get(f"/workspace/panels/{panel.pk}/?find_application=school+022&find_assessor=x")
    )

    assert len(_options(unsearched, "application")) == 20
    assert _text(unsearched.select_one("#application-matches")) == (
        "25 applications could go to this panel. "
        "The first 20 are listed: search by organisation or reference to find others."
    )
    assert _options(by_reference, "application") == [
        f"Waiting School 021 ({waiting[21].reference})"
    ]
    assert _options(by_name, "application") == ["Waiting School 022 (WAI-0022)"]
    # Each search form keeps the other's search in the query string.
    assert by_name.select_one("form[role=search] input[name=find_application][type=hidden]")
    assert by_name.select_one("input[type=hidden][name=find_assessor]")["value"] == "x"


def test_application_found_by_search_is_blocked_until_the_panel_is_complete(
    client, schools, panel, national_admin, in_assessment, assessors
):
    """The live composition check is asked as before."""
    client.force_login(national_admin)
    url = f"/workspace/panels/{panel.pk}/?find_application={in_assessment.reference}"

    blocked = client.post(url, {"assign": "1", "application": in_assessment.pk})
    for key, role, chair in [
        ("chair", "sector_expert", True),
        ("expert", "peer", False),
        ("lived", "lived_experience", False),
    ]:
        PanelMember.objects.create(panel=panel, user=assessors[key], role=role, is_chair=chair)
    assigned = client.post(url, {"assign": "1", "application": in_assessment.pk})

    soup = _soup(blocked)
    assert blocked.status_code == 400
    assert "lived-experience" in _text(soup.select_one(".sa-error-summary"))
    assert _text(soup.select_one("select[name=application] option[selected]")).startswith(
        "Riverside Primary School"
    )
    assert assigned.status_code == 302
    assert Application.objects.get(pk=in_assessment.pk).panel == panel


def test_stream_coordinator_is_offered_only_their_streams_applications(
    client, schools, panel, stream_coordinator
):
    other = published_stream(criteria=3, slug="colleges")
    ours = _waiting(schools, 2, prefix="Ours")
    theirs = _waiting(other, 2, prefix="Theirs")
    schools.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)

    soup = _soup(client.get(f"/workspace/panels/{panel.pk}/?find_application=school"))
    refused = client.post(
        f"/workspace/panels/{panel.pk}/", {"assign": "1", "application": theirs[0].pk}
    )

    assert _options(soup, "application") == [
        f"Ours School 000 ({ours[0].reference})",
        f"Ours School 001 ({ours[1].reference})",
    ]
    assert refused.status_code == 400
    assert Application.objects.get(pk=theirs[0].pk).panel is None
