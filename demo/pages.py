"""Demo content for the public site: the home page, the streams' pages and two local groups
with guidance pages and their editors."""

from django.contrib.auth.models import Group
from wagtail.models import Page

from accounts.models import User
from cms.editorial import local_group_editors_group_ensure
from cms.models import (
    GuidancePage,
    HomePage,
    LocalGroupIndexPage,
    LocalGroupPage,
    StreamIndexPage,
    StreamPage,
)
from criteria.models import Stream
from demo.content import LOCAL_GROUPS, STREAMS

HOME_BODY = """
<h2>What the award is</h2>
<p>City of Sanctuary UK builds a movement of welcome for people seeking sanctuary: people who
have claimed asylum, refugees and their families. Its Streams of Sanctuary invite schools,
colleges, universities, councils, libraries, health services, theatres, museums, faith groups
and charity shops to earn a Sanctuary Award, such as <i>School of Sanctuary</i> or
<i>Council of Sanctuary</i>.</p>
<h2>How it works</h2>
<ol>
<li>Sign the City of Sanctuary pledge and tell us which stream and local group you belong to.</li>
<li>Review what you already do against the Learn, Embed and Share criteria for your stream, and
plan what you will do next.</li>
<li>Build your application criterion by criterion, with evidence, and submit it when your
senior leader has endorsed it.</li>
<li>A panel that always includes someone with lived experience of seeking sanctuary reads your
application, meets you, and decides.</li>
<li>Awards last three years. We remind you well before it is time to renew.</li>
</ol>
<h2>Who can apply</h2>
<p>Any organisation that wants to welcome people seeking sanctuary. If no stream fits you, you
can apply through your local City of Sanctuary group against the generic minimum criteria.</p>
"""

HOME_INTRODUCTION = (
    "The Sanctuary Award recognises schools, colleges, universities, councils, libraries, "
    "health services, theatres, faith groups and shops that welcome people seeking sanctuary."
)

STREAMS_INTRODUCTION = (
    "<p>Each Stream of Sanctuary has its own award and its own criteria, under the same three "
    "principles: <b>Learn</b>, <b>Embed</b> and <b>Share</b>. Choose your sector to see what "
    "the award asks of you. If none fits, apply through your local group against the generic "
    "minimum criteria.</p>"
)
LOCAL_GROUPS_INTRODUCTION = (
    "<p>Local City of Sanctuary groups support organisations in their area, write guidance for "
    "them and, for the generic award, run the assessment.</p>"
)
LOCAL_GROUP_EDITORS = {
    "leicester": "leicester.editor@example.org",
    "lewisham": "lewisham.editor@example.org",
}


def load_demo_pages(*, stdout=None) -> HomePage:
    """Publish the home page text, the streams' pages and the local groups. Idempotent."""
    home = HomePage.objects.get()
    if not (home.introduction == HOME_INTRODUCTION and home.body == HOME_BODY.strip()):
        home.title = "Sanctuary Award"
        home.introduction = HOME_INTRODUCTION
        home.body = HOME_BODY.strip()
        home.save_revision().publish()

    stream_index = _child(
        home,
        StreamIndexPage,
        slug="streams",
        title="Streams of Sanctuary",
        introduction=STREAMS_INTRODUCTION,
    )
    streams = {stream.slug: stream for stream in Stream.objects.all()}
    for spec in STREAMS:
        stream = streams.get(spec["slug"])
        if stream is None:
            continue
        _child(
            stream_index,
            StreamPage,
            slug=spec["slug"],
            title=spec["award_title"],
            stream=stream,
            introduction=spec["introduction"],
            how_to_apply=spec["how_to_apply"],
            search_description=spec["description"],
        )

    group_index = _child(
        home,
        LocalGroupIndexPage,
        slug="local-groups",
        title="Local groups",
        introduction=LOCAL_GROUPS_INTRODUCTION,
    )
    for spec in LOCAL_GROUPS:
        group_page = _child(
            group_index,
            LocalGroupPage,
            slug=spec["slug"],
            title=spec["title"],
            area=spec["area"],
            region=spec["region"],
            contact_email=spec["contact_email"],
            contact_phone=spec["contact_phone"],
            introduction=spec["introduction"],
        )
        wanted = [streams[slug] for slug in spec["stream_slugs"] if slug in streams]
        if set(group_page.streams.all()) != set(wanted):
            group_page.streams = wanted
            group_page.save_revision().publish()
        for guidance in spec["guidance_pages"]:
            _child(
                group_page,
                GuidancePage,
                slug=guidance["slug"],
                title=guidance["title"],
                introduction=guidance["introduction"],
                body=guidance["body"],
            )
        editors = local_group_editors_group_ensure(page=group_page)
        if editor := User.objects.filter(email=LOCAL_GROUP_EDITORS.get(spec["slug"])).first():
            editor.groups.add(editors, Group.objects.get(name="Local group editors"))
    if stdout:
        stdout.write("Pages: home, streams, local groups and guidance published")
    return home


def _child(parent: Page, model: type[Page], *, slug: str, **fields) -> Page:
    """The live child of ``parent`` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
