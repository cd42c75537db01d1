"""Issue 12, tried in a real browser: nothing people type or choose is lost; every page they
meet works at 320 pixels without scrolling sideways; and an application can be submitted
from sign-in by keyboard alone. Each test failed on the code before the issue was worked."""

import datetime
import re

from playwright.sync_api import expect

from awards.models import Application, CriterionAnswer
from organisations.models import PlanAction
from tests.e2e.helpers import serious_axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, complete_application


def test_a_date_survives_saving_the_page_again(page, applicant_site, applicant_lead):
    application = Application.objects.get(pk=applicant_site["application"])
    sign_in(page, applicant_lead)
    url = f"/apply/applications/{application.pk}/endorsement/"
    page.goto(url)
    page.get_by_label("Senior signatory").fill("Jo Patel")
    page.get_by_label("Role").fill("Head teacher")
    page.get_by_label("Endorsed on").fill("2026-10-30")
    page.get_by_role("button", name="Save and return to the task list").click()

    page.goto(url)
    expect(page.get_by_label("Endorsed on")).to_have_value("2026-10-30")
    page.get_by_role("button", name="Save and return to the task list").click()

    application.refresh_from_db()
    assert application.senior_endorsed_on == datetime.date(2026, 10, 30)


def test_an_actions_rag_and_comment_dates_survive_saving_again(
    page, applicant_site, applicant_lead
):
    sign_in(page, applicant_lead)
    url = f"/apply/action-plans/{applicant_site['plan']}/actions/{applicant_site['action']}/"
    page.goto(url)
    page.get_by_label("RAG date").fill("2026-09-15")
    page.get_by_label("Comments date").fill("2026-09-16")
    page.get_by_role("button", name=re.compile("Save")).click()
    page.goto(url)
    page.get_by_role("button", name=re.compile("Save")).click()

    action = PlanAction.objects.get(pk=applicant_site["action"])
    assert (action.rag_date, action.comments_date) == (
        datetime.date(2026, 9, 15),
        datetime.date(2026, 9, 16),
    )


def test_judgements_are_kept_when_one_is_missing(page, panel_site, panel_member):
    application = Application.objects.get(pk=panel_site["judging"])
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    sign_in(page, panel_member)
    page.goto(f"/assess/applications/{application.pk}/")
    for criterion in criteria[:-1]:
        page.get_by_role("group", name=f"Your judgement of {criterion.code}").get_by_label(
            "Partly met", exact=True
        ).check()
        page.get_by_label(f"Your comment on {criterion.code}").fill(f"My view of {criterion.code}.")
    page.get_by_role("button", name="Submit my judgements").click()

    summary = page.locator(".sa-error-summary")
    expect(summary).to_contain_text(criteria[-1].code)
    for criterion in criteria[:-1]:
        group = page.get_by_role("group", name=f"Your judgement of {criterion.code}")
        expect(group.get_by_label("Partly met", exact=True)).to_be_checked()
        expect(page.get_by_label(f"Your comment on {criterion.code}")).to_have_value(
            f"My view of {criterion.code}."
        )
    assert serious_axe_violations(page) == []


def test_the_chairs_decision_is_kept_when_something_is_missing(page, panel_site, panel_member):
    application = Application.objects.get(pk=panel_site["judged"])
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    sign_in(page, panel_member)
    page.goto(f"/assess/applications/{application.pk}/decision/")
    for criterion in criteria:
        page.get_by_role("group", name=f"Agreed outcome for {criterion.code}").get_by_label(
            "Met", exact=True
        ).check()
    for criterion in criteria[:-1]:
        page.get_by_label(re.compile(f"^Agreed comment on {criterion.code} ")).fill(
            f"The panel agreed {criterion.code}."
        )
    page.get_by_role("group", name="The panel's decision").get_by_label(
        "Award with conditions", exact=True
    ).check()
    page.get_by_label("Strengths").fill("Pupils lead the welcome.")
    page.get_by_role("button", name="Record the decision").click()

    summary = page.locator(".sa-error-summary")
    expect(summary).to_contain_text(criteria[-1].code)
    expect(summary).to_contain_text("at least one condition")
    expect(page.get_by_label("Strengths")).to_have_value("Pupils lead the welcome.")
    expect(
        page.get_by_role("group", name="The panel's decision").get_by_label(
            "Award with conditions", exact=True
        )
    ).to_be_checked()
    for criterion in criteria[:-1]:
        expect(
            page.get_by_label(re.compile(f"^Agreed comment on {criterion.code} "))
        ).to_have_value(f"The panel agreed {criterion.code}.")
    assert serious_axe_violations(page) == []


def test_new_evidence_from_a_criterion_keeps_the_answer_and_comes_back_ticked(
    page, applicant_site, applicant_lead
):
    application = Application.objects.get(pk=applicant_site["application"])
    sign_in(page, applicant_lead)
    page.goto(f"/apply/applications/{application.pk}/criteria/L2/")
    page.get_by_label("How do you meet this criterion?").fill(
        "Year 6 led the Refugee Week assembly."
    )
    page.get_by_role("button", name="Save and add a link").click()
    page.get_by_label("Title").fill("Assembly photos")
    page.get_by_label("Web address").fill("https://example.org/assembly")
    page.get_by_role("button", name="Add to the library").click()

    expect(page).to_have_url(re.compile(rf"/apply/applications/{application.pk}/criteria/L2/$"))
    expect(page.get_by_label("How do you meet this criterion?")).to_have_value(
        "Year 6 led the Refugee Week assembly."
    )
    expect(page.get_by_label(re.compile("^Assembly photos"))).to_be_checked()
    answer = CriterionAnswer.objects.get(application=application, criterion__code="L2")
    assert list(answer.evidence.values_list("title", flat=True)) == ["Assembly photos"]


def _no_sideways_scroll(page) -> bool:
    """Neither the page nor anything in it (a table in its wrapper, a long URL) scrolls or
    spills sideways."""
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth && "
        "[...document.querySelectorAll('main *')].every(el => "
        # Visually hidden text (1 pixel, clipped) is for screen readers: it does not show.
        "el.getBoundingClientRect().width <= 1 || el.scrollWidth <= el.clientWidth + 1 || "
        "getComputedStyle(el).overflowX === 'visible'"
        " && el.getBoundingClientRect().right <= window.innerWidth + 1)"
    )


def test_lists_reflow_at_320_pixels(phone_page, awards_site, national_admin, applicant_lead):
    phone_page.goto("/awards/")
    assert _no_sideways_scroll(phone_page), "register"
    sign_in(phone_page, national_admin)
    for name, path in [
        ("panel", f"/workspace/panels/{awards_site['panel']}/"),
        ("queue", "/workspace/"),
        ("staff awards", "/workspace/awards/"),
        ("application", f"/workspace/applications/{awards_site['submitted']}/"),
    ]:
        phone_page.goto(path)
        assert _no_sideways_scroll(phone_page), name
    phone_page.context.clear_cookies()
    sign_in(phone_page, applicant_lead)
    for name, path in [
        ("action plan", f"/apply/action-plans/{awards_site['plan']}/"),
        ("evidence library", f"/apply/organisations/{awards_site['organisation']}/evidence/"),
        ("organisation", f"/apply/organisations/{awards_site['organisation']}/"),
    ]:
        phone_page.goto(path)
        assert _no_sideways_scroll(phone_page), name


def _tab_to(page, name: str, *, limit: int = 80) -> None:
    """Press Tab until the focused element's text or label contains ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_load_state()
        focused = page.evaluate(
            "(() => { const el = document.activeElement; if (!el) return '';"
            " const label = el.labels && el.labels.length ? el.labels[0].innerText : '';"
            " return [el.innerText, el.value, label, el.getAttribute('aria-label')]"
            ".filter(Boolean).join(' '); })()"
        )
        if name in (focused or ""):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def _follow(page) -> None:
    """Enter on the focused link or button, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_alone_from_sign_in_to_submission(page, applicant_site, applicant_lead):
    application = Application.objects.get(pk=applicant_site["application"])
    application.answers.all().delete()
    complete_application(application, user=applicant_lead)
    page.goto("/accounts/login/")
    _tab_to(page, "Email")
    page.keyboard.type(applicant_lead.email)
    _tab_to(page, "Password")
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your applications")).to_be_visible()
    page.wait_for_load_state("networkidle")

    _tab_to(page, "School of Sanctuary")
    _follow(page)
    _tab_to(page, "Check your answers and submit")
    _follow(page)
    _tab_to(page, "I confirm that this application is accurate")
    page.keyboard.press("Space")
    _tab_to(page, "Submit the application")
    _follow(page)

    expect(page.get_by_role("heading", name="Application submitted")).to_be_visible()
    application.refresh_from_db()
    assert application.submitted_at is not None
