"""The public pages: streams, a stream's criteria, local groups and their guidance."""

import datetime
import re

import pytest
from django.core.management import call_command
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

    page = make_stream_page(stream_index, criteria=3)
    page.stream.versions.get().criteria.filter(code="L1").update(title="Refugee Week celebrations")
    call_command("update_index", verbosity=0)

    found = client.get("/search/", {"q": "Refugee Week"}).content.decode()
    nothing = client.get("/search/", {"q": "xylophone"}).content.decode()

    assert "/streams/schools/" in found
    assert "No pages match" in nothing


def test_site_search_shows_the_matching_words_of_a_criterion(client, stream_index):
    page = make_stream_page(stream_index, criteria=3)
    page.stream.versions.get().criteria.filter(code="E2").update(
        title="A welcoming front door",
        asks="Reception staff know how to welcome families who are seeking sanctuary.",
    )
    call_command("update_index", verbosity=0)

    html = client.get("/search/", {"q": "welcoming families"}).content.decode()

    assert "/streams/schools/" in html
    # The criterion that matched, by its code and title, with the words marked.
    assert "E2 A <mark>welcoming</mark> front door" in html
    assert "how to <mark>welcome</mark> <mark>families</mark> who" in html


def test_site_search_shows_the_matching_words_of_guidance(client, stream_index):
    home = HomePage.objects.get()
    index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=index)
    group = LocalGroupPage(title="Leicester City of Sanctuary", slug="leicester", area="Leicester")
    index.add_child(instance=group)
    group.add_child(
        instance=GuidancePage(
            title="Our service pathways",
            slug="pathways",
            body=[("paragraph", "<p>Drop in to the wellbeing café on Tuesdays <b>&</b> more.</p>")],
        )
    )
    call_command("update_index", verbosity=0)

    html = client.get("/search/", {"q": "wellbeing"}).content.decode()

    assert "Drop in to the <mark>wellbeing</mark> café on Tuesdays &amp; more." in html


def test_site_search_queries_do_not_grow_with_the_results(
    client, stream_index, django_assert_max_num_queries
):
    for slug in ["schools", "colleges", "libraries", "councils", "theatres", "faith"]:
        make_stream_page(stream_index, criteria=3, slug=slug)
    call_command("update_index", verbosity=0)

    with django_assert_max_num_queries(8):
        html = client.get("/search/", {"q": "Criterion"}).content.decode()

    assert html.count("sa-search-result") >= 6


def test_principle_badges_show_the_criterion_code_letter_in_welsh_too(client, stream_index):
    """Codes stay L1 / E2 / S3 in both languages (they are printed on certificates and in
    exports): the badge beside "Dysgu" shows L, like the codes under it."""
    make_stream_page(stream_index, criteria=3)
    client.get("/language/cy/", {"next": "/"})

    html = client.get("/streams/schools/").content.decode()

    letters = re.findall(r'class="sa-principle__letter" aria-hidden="true">(\w)<', html)
    assert letters == ["L", "E", "S"]
    assert "Dysgu" in html and ">L1<" in html
