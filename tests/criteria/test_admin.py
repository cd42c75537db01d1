"""The criteria screens in the Wagtail admin, as a coordinator uses them."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.enums import Role
from criteria.enums import VersionStatus
from criteria.models import CriteriaVersion, Criterion
from criteria.services import criteria_version_publish
from tests.factories import StreamFactory, criteria_version_with, staff_user

NOW = timezone.make_aware(datetime.datetime(2026, 11, 1, 10, 0))
BASE = "/admin/criteria/versions"


@pytest.fixture
def schools(db):
    return StreamFactory(name="Schools", slug="schools")


@pytest.fixture
def schools_coordinator(schools):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.coord@example.org")
    schools.coordinators.add(coordinator)
    return coordinator


@pytest.fixture
def published_schools_version(schools):
    version = criteria_version_with(3, stream=schools, number=1)
    criteria_version_publish(version=version, user=None, now=NOW)
    return version


def _criteria_form_data(version, criteria, **fields):
    return nested_form_data(
        {
            "effective_date": "2026-12-01",
            "change_summary": "Reworded.",
            **fields,
            "criteria": inline_formset(
                criteria, initial=version.criteria.count() if version else 0
            ),
        }
    )


def _existing_rows(version, **changes):
    rows = []
    for criterion in version.criteria.order_by("sort_order"):
        row = {
            "id": criterion.pk,
            "code": criterion.code,
            "principle": criterion.principle,
            "title": criterion.title,
            "asks": criterion.asks,
            "guidance": criterion.guidance,
            "evidence_examples": criterion.evidence_examples,
        }
        row.update(changes.get(criterion.code, {}))
        rows.append(row)
    return rows


def _errors(response):

    return re.findall(r'class="error-message"[^>]*>(.*?)</', response.content.decode(), re.S) or [
        str(response.context.get("form").errors if response.context else "")
    ]


def _refused(response) -> bool:
    """Wagtail turns a permission error into a redirect to the dashboard with a message."""
    if response.status_code == 302:
        return response["Location"] in ("/admin/", "/admin/login/") or response[
            "Location"
        ].startswith("/admin/login/")
    return response.status_code in (403, 404)


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_coordinator_sees_only_their_streams_versions(
    client, schools_coordinator, published_schools_version
):
    other = criteria_version_with(2, stream=StreamFactory(name="Libraries"), number=1)
    client.force_login(schools_coordinator)

    listing = client.get(f"{BASE}/").content.decode()

    assert f"{BASE}/edit/{published_schools_version.pk}/" in listing
    assert f"{BASE}/edit/{other.pk}/" not in listing
    assert _refused(client.get(f"{BASE}/edit/{other.pk}/"))
    assert _refused(client.get(f"{BASE}/inspect/{other.pk}/"))
    assert _refused(client.get(f"{BASE}/history/{other.pk}/"))
    assert _refused(client.post(f"{BASE}/publish/{other.pk}/"))
    other.refresh_from_db()
    assert other.status == VersionStatus.DRAFT


def test_start_new_version_change_a_criterion_publish_and_diff(
    client, schools_coordinator, published_schools_version
):
    client.force_login(schools_coordinator)

    response = client.post(f"{BASE}/new-version/{published_schools_version.pk}/")
    draft = CriteriaVersion.objects.get(stream=published_schools_version.stream, number=2)
    assert response["Location"] == f"{BASE}/edit/{draft.pk}/"

    rows = _existing_rows(draft, L1={"title": "Staff and governors build expertise"})
    response = client.post(f"{BASE}/edit/{draft.pk}/", _criteria_form_data(draft, rows))
    assert response.status_code == 302, _errors(response)
    assert draft.criteria.get(code="L1").title == "Staff and governors build expertise"

    confirm = client.get(f"{BASE}/publish/{draft.pk}/").content.decode()
    assert "Reworded" in confirm
    response = client.post(f"{BASE}/publish/{draft.pk}/")
    assert response.status_code == 302

    published_schools_version.refresh_from_db()
    draft.refresh_from_db()
    assert (published_schools_version.status, draft.status) == (
        VersionStatus.RETIRED,
        VersionStatus.PUBLISHED,
    )
    diff_page = client.get(f"{BASE}/compare/?version={draft.pk}").content.decode()
    assert "Staff and governors build expertise" in diff_page
    assert "Reworded" in diff_page


def test_duplicate_codes_are_refused_with_a_message_and_nothing_saved(
    client, schools_coordinator, schools
):
    draft = criteria_version_with(2, stream=schools, number=1)
    client.force_login(schools_coordinator)
    rows = _existing_rows(draft, E2={"code": "L1", "principle": "learn"})

    response = client.post(f"{BASE}/edit/{draft.pk}/", _criteria_form_data(draft, rows))

    assert response.status_code == 200
    assert "used twice" in response.content.decode()
    assert sorted(draft.criteria.values_list("code", flat=True)) == ["E2", "L1"]


def test_publishing_an_empty_version_is_refused_with_a_message(
    client, schools_coordinator, schools
):
    empty = CriteriaVersion.objects.create(stream=schools, number=1)
    client.force_login(schools_coordinator)

    response = client.post(f"{BASE}/publish/{empty.pk}/")

    assert response.status_code == 302
    assert "at least one criterion" in " ".join(_messages(response))
    empty.refresh_from_db()
    assert empty.status == VersionStatus.DRAFT


def test_retired_version_cannot_be_edited(client, schools_coordinator, published_schools_version):
    newer = criteria_version_with(2, stream=published_schools_version.stream, number=2)
    criteria_version_publish(version=newer, user=None, now=NOW)
    client.force_login(schools_coordinator)
    rows = _existing_rows(published_schools_version, L1={"title": "Sneaky change"})

    get_response = client.get(f"{BASE}/edit/{published_schools_version.pk}/")
    post_response = client.post(
        f"{BASE}/edit/{published_schools_version.pk}/",
        _criteria_form_data(published_schools_version, rows),
    )

    assert get_response["Location"] == f"{BASE}/inspect/{published_schools_version.pk}/"
    assert post_response.status_code == 302
    assert "cannot be changed" in " ".join(_messages(post_response))
    assert not Criterion.objects.filter(title="Sneaky change").exists()


def test_only_drafts_can_be_deleted(client, schools_coordinator, published_schools_version):
    client.force_login(schools_coordinator)

    response = client.post(f"{BASE}/delete/{published_schools_version.pk}/")

    assert response.status_code == 302
    assert CriteriaVersion.objects.filter(pk=published_schools_version.pk).exists()


def test_coordinator_can_create_a_first_version(client, schools_coordinator, schools):
    client.force_login(schools_coordinator)
    rows = [
        {
            "code": "l1",
            "principle": "learn",
            "title": "Learn",
            "asks": "Learn things.",
            "guidance": "",
            "evidence_examples": "",
        },
    ]

    response = client.post(f"{BASE}/add/", _criteria_form_data(None, rows, stream=schools.pk))

    assert response.status_code == 302, _errors(response)
    version = CriteriaVersion.objects.get(stream=schools)
    assert (version.number, version.status) == (1, VersionStatus.DRAFT)
    assert list(version.criteria.values_list("code", flat=True)) == ["L1"]


@pytest.mark.parametrize("role", [Role.LOCAL_GROUP_EDITOR, Role.LOCAL_COORDINATOR])
def test_other_roles_cannot_reach_criteria_admin(role, client, published_schools_version):
    client.force_login(staff_user(role))

    assert _refused(client.get(f"{BASE}/"))
    assert _refused(client.get(f"{BASE}/publish/{published_schools_version.pk}/"))
