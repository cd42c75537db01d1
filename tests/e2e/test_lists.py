"""Issue 14, in a real browser: the criterion page's evidence picker pages and searches the
library without losing the answer being typed or what is ticked, by keyboard and at 320
pixels; and a coordinator finds an assessor and an application by search, then chooses."""

import re

from playwright.sync_api import expect

from accounts.enums import Role
from awards.models import Application, CriterionAnswer
from organisations.models import EvidenceItem
from panels.models import AssessorProfile, Panel
from tests.e2e.helpers import serious_axe_violations, sign_in
from tests.factories import staff_user


def _library(organisation_pk: int, count: int) -> None:
    EvidenceItem.objects.bulk_create(
        EvidenceItem(
            organisation_id=organisation_pk,
            kind="link",
            title=f"Assembly photos {n:02d}",
            url="https://example.org/assembly",
            scan_status="clean",
        )
        for n in range(count)
    )


def _chosen(page):
    return page.get_by_role("group", name=re.compile("^Chosen for L2"))


def test_picker_pages_and_search_keep_the_answer_and_the_ticks(
    page, applicant_site, applicant_lead
):
    application = Application.objects.get(pk=applicant_site["application"])
    _library(applicant_site["organisation"], 30)
    sign_in(page, applicant_lead)
    page.goto(f"/apply/applications/{application.pk}/criteria/L2/")

    page.get_by_label("How do you meet this criterion?").fill("Year 6 led the assembly.")
    page.get_by_label("Assembly photos 00").check()
    page.get_by_role("button", name="Next page").click()

    expect(page).to_have_url(re.compile(r"/criteria/L2/\?page=2$"))
    expect(page.get_by_label("How do you meet this criterion?")).to_have_value(
        "Year 6 led the assembly."
    )
    expect(_chosen(page).get_by_label("Assembly photos 00")).to_be_checked()
    page.get_by_label("Assembly photos 25").check()
    search = page.get_by_label("Search your evidence library by title or description")
    search.fill("photos 1")
    search.press("Enter")  # the picker's Search button is the form's default button

    expect(page).to_have_url(re.compile(r"/criteria/L2/\?q=photos\+1$"))
    chosen = _chosen(page)
    expect(chosen.get_by_label("Assembly photos 00")).to_be_checked()
    expect(chosen.get_by_label("Assembly photos 25")).to_be_checked()
    # "photos" and "1": 01, 10 to 19 and 21 (00 and 25 are chosen, listed above).
    expect(page.get_by_text("12 more items match “photos 1”")).to_be_visible()
    expect(page.get_by_label("How do you meet this criterion?")).to_have_value(
        "Year 6 led the assembly."
    )
    assert serious_axe_violations(page) == []

    # Unticking a chosen item and saving takes it off the answer.
    chosen.get_by_label("Assembly photos 00").uncheck()
    page.get_by_role("button", name="Save", exact=True).click()
    answer = CriterionAnswer.objects.get(application=application, criterion__code="L2")
    expect(page.get_by_text("L2 is saved")).to_be_visible()
    assert list(answer.evidence.values_list("title", flat=True)) == ["Assembly photos 25"]
    expect(page).to_have_url(re.compile(r"/criteria/L2/\?q=photos\+1$"))


def test_picker_works_by_keyboard_and_fits_320_pixels(phone_page, applicant_site, applicant_lead):
    _library(applicant_site["organisation"], 30)
    sign_in(phone_page, applicant_lead)
    phone_page.goto(f"/apply/applications/{applicant_site['application']}/criteria/L2/")

    phone_page.get_by_role("button", name="Page 2").focus()
    with phone_page.expect_navigation():
        phone_page.keyboard.press("Enter")

    expect(phone_page).to_have_url(re.compile(r"\?page=2$"))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_coordinator_finds_an_assessor_and_an_application_then_chooses(
    page, workspace_site, public_site, national_admin
):
    for n in range(25):
        user = staff_user(
            Role.PANEL_MEMBER,
            email=f"pool{n:02d}@assessors.example.org",
            first_name="Pool",
            last_name=f"Person {n:02d}",
            two_factor=False,
        )
        AssessorProfile.objects.create(user=user, lived_experience=n == 24)
    panel = Panel.objects.create(stream=public_site["schools"], name="Autumn panel")
    sign_in(page, national_admin)
    page.goto(f"/workspace/panels/{panel.pk}/")

    expect(page.get_by_text("25 assessors could join this panel.")).to_be_visible()
    page.get_by_label("Find an assessor by name or email").fill("person 24")
    page.get_by_role("button", name="Search assessors").click()
    expect(page.get_by_text("1 assessor matches “person 24”.")).to_be_visible()
    assert serious_axe_violations(page) == []
    page.get_by_label("Panel member").select_option(label="Pool Person 24 (lived experience)")
    page.get_by_label("Role on the panel").select_option(label="Lived-experience assessor")
    page.get_by_role("button", name="Add to the panel").click()

    expect(page.get_by_text("Pool Person 24 is on the panel.")).to_be_visible()
    assert list(panel.members.values_list("user__email", flat=True)) == [
        "pool24@assessors.example.org"
    ]
