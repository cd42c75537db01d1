"""Demo content for the public site."""

from cms.models import HomePage

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


def load_demo_pages(*, stdout=None) -> HomePage:
    """Fill the home page with text that explains the scheme. Idempotent."""
    home = HomePage.objects.get()
    if home.introduction == HOME_INTRODUCTION and home.body == HOME_BODY.strip() and home.live:
        return home
    home.title = "Sanctuary Award"
    home.introduction = HOME_INTRODUCTION
    home.body = HOME_BODY.strip()
    home.save_revision().publish()
    if stdout:
        stdout.write("Home page: published")
    return home
