"""The public register is cached per query string for anonymous visitors and forgotten when
anything it shows changes; its open data is streamed."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import Award
from awards.services import awards as award_services
from awards.workflow.awards import AwardAction, award_transition_many
from tests.awards.test_award_views import _many_awards
from tests.awards.test_award_views import award as award  # noqa: F401 - the fixture
from tests.conftest import NOW
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _get(client, path, data=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, data or {})
    return response, len(queries)


def test_each_query_string_is_cached_for_anonymous_visitors(client, award, page_cache):
    first, _ = _get(client, "/awards/", {"stream": award.stream_id})
    second, queries = _get(client, "/awards/", {"stream": award.stream_id})
    other, other_queries = _get(client, "/awards/", {"q": "no such school"})

    assert first.status_code == second.status_code == other.status_code == 200
    assert second["X-Page-Cache"] == "hit" and queries == 0
    assert second.content == first.content
    assert award.organisation.name in second.text
    assert other["X-Page-Cache"] == "miss" and other_queries > 0
    assert award.organisation.name not in other.text
    assert "Content-Security-Policy" in second


def test_the_same_filters_in_another_order_share_one_copy(client, award, page_cache):
    client.get("/awards/", {"stream": award.stream_id, "q": "school"})

    response = client.get(f"/awards/?q=school&stream={award.stream_id}")

    assert response["X-Page-Cache"] == "hit"


def test_signed_in_people_get_the_register_fresh(client, award, page_cache):
    client.get("/awards/")
    client.force_login(UserFactory(email="reader@example.org"))

    response = client.get("/awards/")

    assert response["X-Page-Cache"] == "miss"
    assert "Sign out" in response.text


def test_withdrawing_an_award_takes_it_off_the_cached_register(
    client, award, page_cache, national_admin, django_capture_on_commit_callbacks
):
    assert award.organisation.name in client.get("/awards/").text

    with django_capture_on_commit_callbacks(execute=True):
        award_services.award_withdraw(award=award, user=national_admin, now=NOW, reason="Closed.")

    assert award.organisation.name not in client.get("/awards/").text


def test_lapsing_in_bulk_takes_awards_off_the_cached_register(
    client, award, page_cache, django_capture_on_commit_callbacks
):
    assert award.organisation.name in client.get("/awards/").text

    with django_capture_on_commit_callbacks(execute=True):
        award_transition_many(award_ids=[award.pk], action=AwardAction.LAPSE, actor=None, now=NOW)

    assert award.organisation.name not in client.get("/awards/").text


def test_an_organisation_leaving_the_register_is_gone_at_once(
    client, award, page_cache, django_capture_on_commit_callbacks
):
    assert award.organisation.name in client.get("/awards/").text
    organisation = award.organisation

    with django_capture_on_commit_callbacks(execute=True):
        organisation.listed_publicly = False
        organisation.save()

    assert award.organisation.name not in client.get("/awards/").text


def test_verification_is_never_cached(client, award, page_cache):
    client.get(f"/awards/verify/{award.certificate_number}/")

    response = client.get(f"/awards/verify/{award.certificate_number}/")

    assert "X-Page-Cache" not in response


def test_register_json_is_streamed_and_complete(client, award):
    _many_awards(award, 30)

    response = client.get("/awards/register.json")

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(b"".join(response.streaming_content))
    assert data["count"] == len(data["awards"]) == 31
    assert data["licence"] == "Open Government Licence v3.0"
    numbers = {record["certificate_number"] for record in data["awards"]}
    assert numbers == set(Award.objects.values_list("certificate_number", flat=True))
    assert data["awards"][0]["verify_url"].startswith("http://testserver/awards/verify/")


def test_register_json_with_no_awards_is_valid(client, db):
    data = json.loads(b"".join(client.get("/awards/register.json").streaming_content))

    assert data["count"] == 0 and data["awards"] == []
