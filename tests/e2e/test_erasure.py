"""A panel member deletes their account; the coordinator's view of the panel still reads."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import sign_in
from tests.factories import DEFAULT_PASSWORD


def test_panel_member_deletes_their_account(page, panel_site, panel_member, national_admin):
    name = panel_member.get_full_name()
    sign_in(page, panel_member)
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Delete your account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    expect(page.get_by_role("heading", name="What we keep, and why")).to_be_visible()
    expect(page.get_by_text(f"Former assessor {panel_member.pk}").first).to_be_visible()

    # A wrong password: the error summary takes focus, the tick stays.
    page.get_by_label("I understand that my account will be deleted").check()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete your account").click()
    summary = page.locator(".sa-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(summary.get_by_role("link", name="The password is not right")).to_be_visible()
    expect(page.get_by_label("I understand that my account will be deleted")).to_be_checked()

    page.get_by_label("Your password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Delete your account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your account has been deleted")
    page.goto("/accounts/profile/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))

    # The coordinator's view of the panel reads, under the pseudonym.
    sign_in(page, national_admin)
    page.goto(f"/workspace/panels/{panel_site['panel']}/")
    expect(page.get_by_text(f"Former assessor {panel_member.pk}").first).to_be_visible()
    expect(page.get_by_text(name)).to_have_count(0)
