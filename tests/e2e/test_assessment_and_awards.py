"""The assessment and award journeys, tried as new users would in a real browser.

1. A coordinator accepts an application and forms a panel; the composition check blocks a
   panel without a lived-experience assessor; each member declares and scores on a phone-sized
   screen; the chair records consensus and the decision; the coordinator releases it; the
   applicant sees it and downloads the feedback letter, in which the lived-experience assessor
   is not named.
2. The award: the certificate PDF's QR code decodes to the verification page; the register
   lists it and its filters work; the lifecycle job, travelled forward, sends each reminder
   once, lapses the unrenewed award and drops it from the register; a renewal starts
   pre-filled from the dashboard.
"""

import datetime
import re
import shutil
import subprocess

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.enums import Role
from awards.lifecycle import process_awards
from awards.models import Application, Award, AwardReminder
from panels.models import AssessorProfile
from tests.e2e.helpers import serious_axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, staff_user


def _run(tool: str, *args: str, **kwargs):
    """Run a Debian tool by its full path (poppler-utils, zbar-tools)."""
    return subprocess.run([shutil.which(tool), *args], check=True, **kwargs)  # noqa: S603


def _phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 740}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_coordinator_panel_members_chair_and_applicant(
    page, browser, live_server, workspace_site, national_admin
):
    chair = staff_user(
        Role.PANEL_MEMBER, email="chair.e2e@example.org", first_name="Chidi", last_name="Okafor"
    )
    expert = staff_user(
        Role.PANEL_MEMBER, email="expert.e2e@example.org", first_name="Erin", last_name="Shaw"
    )
    lived = staff_user(
        Role.PANEL_MEMBER, email="lived.e2e@example.org", first_name="Laleh", last_name="Karimi"
    )
    AssessorProfile.objects.create(user=lived, lived_experience=True)
    application = Application.objects.get(pk=workspace_site["submitted"])

    # The coordinator accepts the application for assessment.
    sign_in(page, national_admin)
    page.goto(f"/workspace/applications/{application.pk}/")
    page.get_by_role("button", name="Accept for assessment").click()
    expect(page.locator(".sa-tag").first).to_have_text("In assessment")

    # …forms a panel, and the composition check blocks it without lived experience.
    page.goto("/workspace/panels/")
    page.get_by_label("Stream").select_option(label="Schools")
    page.get_by_label("Name").fill("Summer schools panel")
    page.get_by_role("button", name="Create the panel").click()
    for user, role, is_chair in [(chair, "Sector expert", True), (expert, "Sector expert", False)]:
        page.get_by_label("Panel member").select_option(label=str(user))
        page.get_by_label("Role on the panel").select_option(label=role)
        if is_chair:
            page.get_by_label("Chair").check()
        page.get_by_role("button", name="Add to the panel").click()
    expect(page.get_by_text("The panel is not complete")).to_be_visible()
    page.get_by_label("Application", exact=True).select_option(index=1)
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".sa-error-summary")).to_contain_text("lived")
    # The list marks who has lived experience.
    page.get_by_label("Panel member").select_option(label=f"{lived} (lived experience)")
    page.get_by_label("Role on the panel").select_option(label="Lived-experience assessor")
    page.get_by_role("button", name="Add to the panel").click()
    expect(page.get_by_text("The panel meets the stream's rule")).to_be_visible()
    page.get_by_label("Application", exact=True).select_option(index=1)
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("link", name=re.compile("Hillside Academy"))).to_be_visible()

    # Each member declares no conflict and scores every criterion on a phone-sized screen.
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    for member in (chair, expert, lived):
        context, phone = _phone(browser, live_server)
        sign_in(phone, member)
        phone.goto("/assess/")
        phone.get_by_role("link", name=re.compile("Hillside Academy")).first.click()
        phone.get_by_label("No").check()
        phone.get_by_role("button", name="Continue").click()
        for criterion in criteria:
            phone.get_by_role("group", name=f"Your judgement of {criterion.code}").get_by_label(
                "Met", exact=True
            ).check()
            phone.get_by_label(f"Your comment on {criterion.code}").fill(
                f"{criterion.code} is well shown."
            )
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        phone.get_by_role("button", name="Submit my judgements").click()
        expect(phone.get_by_text("You submitted your judgements")).to_be_visible()
        if member is chair:
            chair_context, chair_page = context, phone
        else:
            context.close()

    # The chair records consensus and the decision.
    chair_page.get_by_role("link", name="Record the panel's consensus and decision").click()
    assert serious_axe_violations(chair_page) == []
    for criterion in criteria:
        chair_page.get_by_role("group", name=f"Agreed outcome for {criterion.code}").get_by_label(
            "Met", exact=True
        ).check()
        chair_page.get_by_label(re.compile(f"^Agreed comment on {criterion.code} ")).fill(
            f"The panel agreed {criterion.code} is met."
        )
    chair_page.get_by_role("group", name="The panel's decision").get_by_label(
        "Award", exact=True
    ).check()
    chair_page.get_by_label("Strengths").fill("Pupils who sought sanctuary lead the welcome.")
    chair_page.get_by_label("Recommendations").fill("Share your buddy scheme.")
    chair_page.get_by_role("button", name="Record the decision").click()
    expect(chair_page.get_by_text(re.compile("recorded", re.I)).first).to_be_visible()
    chair_context.close()

    # The coordinator releases it; the applicant is emailed.
    mail.outbox.clear()
    page.goto(f"/workspace/applications/{application.pk}/")
    page.get_by_role("link", name="Preview and release the decision").click()
    # The preview shows exactly what the applicant will get before it goes.
    expect(page.get_by_text("Award", exact=True).first).to_be_visible()
    assert serious_axe_violations(page) == []
    page.get_by_role("button", name="Release the decision to the applicant").click()
    expect(page.get_by_text("Awarded").first).to_be_visible()
    award = Award.objects.get(application=application)

    # The applicant sees the decision and downloads the letter; the lived-experience
    # assessor is not named anywhere they can see.
    page.context.clear_cookies()
    lead = application.organisation.memberships.get(role="lead").user
    sign_in(page, lead, password=DEFAULT_PASSWORD)
    page.goto(f"/apply/applications/{application.pk}/")
    expect(page.get_by_text("Award", exact=False).first).to_be_visible()
    body = page.content()
    assert "Karimi" not in body and "Laleh" not in body
    assert "(lived experience)" in body
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("feedback letter", re.I)).click()
    letter = download_info.value.path().read_bytes()
    assert letter.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = _run("pdftotext", "-", "-", input=letter, capture_output=True).stdout.decode()
        assert "Karimi" not in text and "Laleh" not in text
        assert "The panel agreed" in text
    page.goto("/apply/")
    expect(page.get_by_text(award.certificate_number)).to_be_visible()


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs Debian's poppler-utils and zbar-tools (.ci/run installs them)",
)
def test_certificate_qr_register_lifecycle_and_renewal(
    page, live_server, awards_site, applicant_lead, tmp_path
):

    award = Award.objects.get(pk=awards_site["award"])

    # The organisation downloads its certificate; its QR code opens the verification page.
    sign_in(page, applicant_lead)
    page.goto("/apply/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    _run("pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page"))
    png = sorted(tmp_path.glob("page*.png"))[0]
    decoded = _run(
        "zbarimg", "--raw", "-q", str(png), capture_output=True, text=True
    ).stdout.strip()
    assert decoded.endswith(f"/awards/verify/{award.certificate_number}/")
    page.goto(decoded.replace(decoded.split("/awards/")[0], live_server.url))
    expect(page.get_by_role("heading", name="This award is current")).to_be_visible()

    # The register lists it, and its filters work.
    page.goto("/awards/")
    expect(page.get_by_role("cell", name=re.compile("Orchard Primary School"))).to_be_visible()
    page.get_by_label("Name").fill("Nowhere at all")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("No award holders match these filters.")).to_be_visible()
    page.get_by_label("Name").fill("Orchard")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("1 award holder")).to_be_visible()

    # The daily job, travelled forward a week at a time, sends each reminder once…
    mail.outbox.clear()
    day = award.expires_on - datetime.timedelta(days=200)
    while day <= award.expires_on + datetime.timedelta(days=3):
        process_awards(today=day)
        day += datetime.timedelta(days=7)
    assert sorted(
        AwardReminder.objects.filter(award=award).values_list("months_before", flat=True)
    ) == [1, 3, 6]
    reminders = [m for m in mail.outbox if "time to renew" in m.subject]
    assert len(reminders) == 3
    # …and lapses the award, which leaves the register and says so when verified.
    award.refresh_from_db()
    assert award.status == "lapsed"
    page.goto("/awards/?q=Orchard")
    expect(page.get_by_text("No award holders match these filters.")).to_be_visible()
    page.goto(f"/awards/verify/{award.certificate_number}/")
    expect(page.get_by_role("heading", name="This award has lapsed")).to_be_visible()

    # A renewal starts from the dashboard, pre-filled from the awarded application.
    page.goto("/apply/")
    page.get_by_role("button", name="Start your renewal").click()
    expect(page.get_by_text("Your renewal has started")).to_be_visible()
    renewal = Application.objects.get(renewal_of=award)
    first = renewal.answers.select_related("criterion").first()
    assert first.narrative == "We do this well."
    page.get_by_role("link", name="Progress since your last award").click()
    expect(
        page.get_by_role("heading", name="How the criteria changed since your last award")
    ).to_be_visible()
