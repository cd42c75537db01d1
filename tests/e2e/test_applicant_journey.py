"""Issue 4 tried as a new user would: sign up, set up the organisation, invite a colleague,
sign the pledge, fill every task with evidence, check answers and submit; and a colleague's
stale save is caught rather than overwriting."""

import re

from django.core import mail
from playwright.sync_api import expect

from awards.models import Application
from organisations.models import Invitation, Membership
from tests.e2e.helpers import sign_in
from tests.factories import UserFactory


def test_new_user_applies_from_sign_up_to_submission(page, public_site):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("business.manager@example.org")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okoro")
    page.get_by_label("Password", exact=True).fill("a-long-pass-phrase")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign Up").click()
    link = re.search(r"(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your applications")).to_be_visible()

    page.get_by_role("link", name="Add an organisation").click()
    page.get_by_label("Organisation name").fill("Meadow Lane Primary School")
    page.get_by_label("Type of organisation").select_option("school")
    page.get_by_label("Stream").select_option(str(public_site["schools"].pk))
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_label("Full name of the person signing").fill("Jo Patel")
    page.get_by_label("Their role").fill("Head teacher")
    page.get_by_label("We pledge to welcome people").check()
    page.get_by_role("button", name="Sign the pledge").click()
    expect(page.get_by_text("your pledge is signed")).to_be_visible()

    page.get_by_label("Colleague's email address").fill("deputy@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to deputy@example.org")).to_be_visible()
    assert Invitation.objects.filter(email="deputy@example.org").exists()

    page.get_by_role("link", name="Evidence library").click()
    page.get_by_role("link", name="Add a link").click()
    page.get_by_label("Title").fill("Our welcome policy")
    page.get_by_label("Web address").fill("https://example.org/welcome")
    page.get_by_role("button", name="Add to the library").click()

    page.goto("/apply/")
    page.get_by_role("link", name="Start an application").click()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("You have completed 0 of")).to_be_visible()

    application = Application.objects.get(organisation__name="Meadow Lane Primary School")
    codes = list(application.criteria_version.criteria.values_list("code", flat=True))
    for code in codes:
        page.goto(f"/apply/applications/{application.pk}/criteria/{code}/")
        page.get_by_label("How do you meet this criterion?").fill(
            f"For {code}, pupils and families who sought sanctuary planned this with us."
        )
        page.get_by_label("Met", exact=True).check()
        page.get_by_label("Our welcome policy").check()
        page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("Still needed")).to_have_count(0)

    sections = {
        "about": [("About your organisation", "A two-form entry primary school.")],
        "lived-experience": [
            (
                "How people with lived experience",
                "Parents who sought sanctuary chose our priorities.",
            )
        ],
        "consent": [("Safeguarding lead", "Deputy head")],
        "endorsement": [
            ("Senior signatory", "Jo Patel"),
            ("Role", "Head teacher"),
            ("Endorsed on", "2026-03-01"),
        ],
    }
    for section, fields in sections.items():
        page.goto(f"/apply/applications/{application.pk}/{section}/")
        for label, value in fields:
            page.get_by_label(label).first.fill(value)
        if section == "consent":
            page.get_by_label("We have recorded consent").check()
        page.get_by_role("button", name="Save and return to the task list").click()

    expect(page.get_by_text("All tasks completed")).to_be_visible()
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_label("I confirm that this application is accurate").check()
    page.get_by_role("button", name="Submit the application").click()

    expect(page.get_by_role("heading", name="Application submitted")).to_be_visible()
    expect(page.get_by_text(application.reference)).to_be_visible()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_colleagues_stale_save_is_caught_and_merged(
    browser, live_server, applicant_site, applicant_lead
):

    colleague = UserFactory(email="colleague@example.org")
    Membership.objects.create(
        organisation_id=applicant_site["organisation"], user=colleague, role="contributor"
    )
    url = f"/apply/applications/{applicant_site['application']}/criteria/L1/"
    lead_page = browser.new_context(base_url=live_server.url).new_page()
    colleague_page = browser.new_context(base_url=live_server.url).new_page()
    sign_in(lead_page, applicant_lead)
    sign_in(colleague_page, colleague)
    lead_page.goto(url)
    colleague_page.goto(url)

    lead_page.get_by_label("How do you meet this criterion?").fill("The lead's new answer.")
    lead_page.get_by_role("button", name="Save", exact=True).click()
    expect(lead_page.get_by_text("L1 is saved")).to_be_visible()
    box = colleague_page.get_by_label("How do you meet this criterion?")
    box.fill("The colleague's answer, typed in an old tab.")
    # Autosave notices the conflict without losing the colleague's text.
    expect(colleague_page.get_by_text("Someone else has saved this answer")).to_be_visible(
        timeout=10_000
    )
    colleague_page.get_by_role("button", name="Save", exact=True).click()

    expect(
        colleague_page.get_by_role("heading", name=re.compile("Someone else saved"))
    ).to_be_visible()
    expect(colleague_page.get_by_text("The lead's new answer.")).to_be_visible()
    merged = colleague_page.get_by_label("The answer to save")
    merged.fill("The lead's new answer. The colleague's answer, typed in an old tab.")
    colleague_page.get_by_role("button", name="Save the combined answer").click()
    expect(colleague_page.get_by_text("L1 is saved")).to_be_visible()


def _tab_to(page, locator, limit=80):
    """Press Tab until ``locator`` has focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Could not reach {locator} with the Tab key")


def test_a_criterion_can_be_answered_by_keyboard_alone(page, applicant_site, applicant_lead):

    sign_in(page, applicant_lead)
    page.goto(f"/apply/applications/{applicant_site['application']}/")

    link = page.get_by_role("link", name=re.compile(r"^E\d"))
    first_embed = link.first
    code = first_embed.inner_text().split()[0]
    _tab_to(page, first_embed)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("E")

    narrative = page.get_by_label("How do you meet this criterion?")
    _tab_to(page, narrative)
    page.keyboard.type("Families who sought sanctuary run our welcome café each Friday.")
    met = page.get_by_label("Met", exact=True)
    _tab_to(page, met)
    page.keyboard.press("Space")
    evidence = page.get_by_label("Welcome policy")
    _tab_to(page, evidence)
    page.keyboard.press("Space")
    save = page.get_by_role("button", name="Save and come back later")
    _tab_to(page, save)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("application")
    expect(page.locator(f"#task-{code}-status")).to_have_text("Completed")
