"""The public pages: streams, a stream's criteria, local groups and their guidance."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import (
    GuidancePage,
    HomePage,
    LocalGroupIndexPage,
    LocalGroupPage,
    StreamIndexPage,
    StreamPage,
)
from criteria.services import criteria_version_publish
from tests.factories import StreamFactory, criteria_version_with

NOW = timezone.make_aware(datetime.datetime(2026, 11, 1, 10, 0))


@pytest.fixture
def stream_index(db):
    home = HomePage.objects.get()
    index = StreamIndexPage(title="Streams of Sanctuary", slug="streams")
    home.add_child(instance=index)
    return index


def make_stream_page(stream_index, *, criteria: int, prerequisites: int = 0, slug="schools"):
    stream = StreamFactory(name=slug.title(), slug=slug, award_title=f"{slug.title()} Award")
    version = criteria_version_with(criteria, stream=stream, number=1, prerequisites=prerequisites)
    criteria_version_publish(version=version, user=None, now=NOW)
    page = StreamPage(
        title=stream.award_title,
        slug=slug,
        stream=stream,
        introduction="<p>Welcome.</p>",
        how_to_apply="<p>Apply like this.</p>",
    )
    stream_index.add_child(instance=page)
    return page


def test_stream_page_shows_current_criteria_grouped_with_prerequisites_first(client, stream_index):
    make_stream_page(stream_index, criteria=6, prerequisites=2)

    html = client.get("/streams/schools/").content.decode()

    anchors = ["prerequisite", "learn", "embed", "share"]
    headings = [html.index(f'id="principle-{anchor}"') for anchor in anchors]
    headings.append(html.index('id="how-to-apply"'))
    assert headings == sorted(headings)
    assert all(f">{code}<" in html for code in ["P1", "P2", "L1", "E3", "S6"])
    assert "Start your Schools Award application" in html


def test_stream_page_shows_the_newly_published_version(client, stream_index):
    page = make_stream_page(stream_index, criteria=3)
    newer = criteria_version_with(2, stream=page.stream, number=2)
    newer.criteria.filter(code="L1").update(title="A brand new first criterion")
    criteria_version_publish(version=newer, user=None, now=NOW)

    html = client.get("/streams/schools/").content.decode()

    assert "A brand new first criterion" in html
    assert "version 2" in html


def test_stream_page_query_count_is_constant_and_within_budget(client, stream_index):
    counts = {}
    for criteria in (3, 12, 30):
        slug = f"stream-with-{criteria}"
        make_stream_page(stream_index, criteria=criteria, slug=slug)
        client.get(f"/streams/{slug}/")  # warm Wagtail's site-root cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/streams/{slug}/")
        assert response.status_code == 200
        assert response.content.decode().count('class="sa-criterion"') == criteria
        counts[criteria] = len(queries)

    assert counts[3] == counts[12] == counts[30]
    assert counts[12] <= 10


def test_stream_index_lists_every_live_stream_page(client, stream_index):
    make_stream_page(stream_index, criteria=3, slug="schools")
    make_stream_page(stream_index, criteria=3, slug="libraries")

    html = client.get("/streams/").content.decode()

    assert "Schools Award" in html and "Libraries Award" in html


def test_local_group_and_guidance_pages_render(client, db):
    home = HomePage.objects.get()
    index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=index)
    group = LocalGroupPage(
        title="Leicester City of Sanctuary",
        slug="leicester",
        area="Leicester",
        region="East Midlands",
        contact_email="hello@example.org",
    )
    index.add_child(instance=group)
    guidance = GuidancePage(
        title="Our service pathways",
        slug="pathways",
        introduction="Five pathways.",
        body=[
            ("heading", "Wellbeing"),
            ("paragraph", "<p>A friendly place to talk.</p>"),
            ("callout", {"title": "Need help now?", "text": "<p>Call us.</p>"}),
            ("faq", [{"question": "Is it free?", "answer": "<p>Yes.</p>"}]),
        ],
    )
    group.add_child(instance=guidance)

    group_html = client.get("/local-groups/leicester/").content.decode()
    guidance_html = client.get("/local-groups/leicester/pathways/").content.decode()

    assert "Our service pathways" in group_html
    assert "hello@example.org" in group_html
    for text in ["Wellbeing", "A friendly place to talk.", "Need help now?", "Is it free?"]:
        assert text in guidance_html
    assert guidance.local_group.pk == group.pk


def test_site_search_finds_guidance_and_criteria(client, stream_index):
    from django.core.management import call_command

    page = make_stream_page(stream_index, criteria=3)
    page.stream.versions.get().criteria.filter(code="L1").update(title="Refugee Week celebrations")
    call_command("update_index", verbosity=0)

    found = client.get("/search/", {"q": "Refugee Week"}).content.decode()
    nothing = client.get("/search/", {"q": "xylophone"}).content.decode()

    assert "/streams/schools/" in found
    assert "No pages match" in nothing
