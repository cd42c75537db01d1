import re

from playwright.sync_api import expect

from accounts.enums import Role
from tests.e2e.helpers import sign_in
from tests.factories import staff_user


def test_home_page_shows_the_scheme(page):
    page.goto("/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sanctuary Award")
    expect(page.get_by_role("button", name="Start now")).to_have_attribute(
        "href", "/accounts/signup/"
    )
    assert page.csp_violations == []


def test_skip_link_is_first_and_moves_focus_to_main_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.locator("main#main-content")).to_be_focused()


def test_phone_width_has_no_horizontal_scroll_and_menu_toggles(phone_page):
    phone_page.goto("/accounts/login/")

    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    toggle = phone_page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(phone_page.locator("#sa-service-navigation-list")).to_be_hidden()
    toggle.click()
    expect(phone_page.locator("#sa-service-navigation-list")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def test_error_summary_takes_focus_and_links_to_the_field(page):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("someone@example.org")
    page.get_by_role("button", name="Sign In").click()

    summary = page.locator(".sa-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.get_by_label("Email")).to_have_value("someone@example.org")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Password")).to_be_focused()


def test_language_switch_to_welsh_and_back(page):
    page.goto("/")

    page.get_by_role("link", name="Cymraeg").click()

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("link", name="Neidio i'r prif gynnwys")).to_be_attached()
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en-gb")


def test_staff_signs_in_with_totp_and_opens_admin(page, national_admin):
    sign_in(page, national_admin)

    # Staff land where their work is; the admin is one step away, from their account.
    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.get_by_role("heading", name="Applications to look after")).to_be_visible()
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    page.get_by_role("link", name="Open the content and criteria admin").click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("Sanctuary Award")


def test_staff_without_totp_is_sent_to_set_it_up(page, db):

    stream_coordinator = staff_user(Role.STREAM_COORDINATOR, two_factor=False)
    sign_in(page, stream_coordinator)
    page.goto("/admin/")

    expect(page).to_have_url(re.compile(r"/accounts/"))
    assert "/admin/" not in page.url


def test_session_timeout_warning_offers_to_stay_signed_in(page, applicant_lead):
    sign_in(page, applicant_lead)
    page.clock.install()
    page.goto("/apply/")

    warning = page.get_by_role("alertdialog", name="You will be signed out soon")
    expect(warning).to_be_hidden()
    page.clock.fast_forward("01:56:00")
    expect(warning).to_be_visible()
    page.get_by_role("button", name="Stay signed in").click()

    expect(warning).to_be_hidden()
