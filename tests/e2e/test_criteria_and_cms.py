"""Issue 3 tried as people would: browsing the criteria, a coordinator changing them, and a
local group editor publishing guidance through moderation."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.enums import Role
from cms.editorial import local_group_editors_group_name
from criteria.enums import VersionStatus
from criteria.models import CriteriaVersion
from tests.e2e.helpers import sign_in
from tests.factories import staff_user


def test_visitor_browses_streams_and_reads_criteria_under_three_headings(page, public_site):
    page.goto("/")
    page.get_by_role("link", name="Streams", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Streams of Sanctuary")

    page.get_by_role("link", name="School of Sanctuary").click()

    for heading in ["Learn", "Embed", "Share"]:
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(page.get_by_text("Staff and governors build expertise")).to_be_visible()
    page.get_by_text("Guidance and examples of evidence for L1").click()
    expect(page.locator("#criterion-l1").get_by_text("A training record")).to_be_visible()
    expect(
        page.get_by_role("button", name="Start your School of Sanctuary application")
    ).to_be_visible()


def test_coordinator_starts_changes_publishes_a_version_and_sees_the_diff(page, public_site):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="coordinator@example.org")
    public_site["schools"].coordinators.add(coordinator)
    current = CriteriaVersion.objects.get(stream=public_site["schools"], number=2)
    sign_in(page, coordinator)

    page.goto(f"/admin/criteria/versions/new-version/{current.pk}/")
    page.get_by_role("button", name="Start the new version").click()
    expect(page).to_have_url(re.compile(r"/admin/criteria/versions/edit/\d+/$"))
    title = page.locator("input[name='criteria-0-title']")
    title.fill("Everyone in the school builds expertise in welcome")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("updated", exact=False).first).to_be_visible()

    draft = CriteriaVersion.objects.get(stream=public_site["schools"], number=3)
    assert draft.criteria.get(code="L1").title == (
        "Everyone in the school builds expertise in welcome"
    )
    page.goto(f"/admin/criteria/versions/publish/{draft.pk}/")
    expect(page.get_by_text("Reworded").first).to_be_visible()
    page.get_by_role("button", name="Publish this version").click()
    expect(page.get_by_text("is published").first).to_be_visible()

    page.goto(f"/admin/criteria/versions/compare/?version={draft.pk}")
    expect(page.get_by_text("Everyone in the school builds expertise in welcome")).to_be_visible()
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED
    page.goto("/streams/schools/")
    expect(page.get_by_text("Everyone in the school builds expertise in welcome")).to_be_visible()


def test_editor_submits_guidance_for_moderation_and_admin_publishes_it(
    browser, live_server, public_site, national_admin
):
    editor = staff_user(Role.LOCAL_GROUP_EDITOR, email="editor@example.org")
    editor.groups.add(
        Group.objects.get(name=local_group_editors_group_name(public_site["leicester"]))
    )
    guidance = public_site["guidance"]

    editor_page = browser.new_context(base_url=live_server.url).new_page()
    editor_page.set_default_timeout(60_000)
    sign_in(editor_page, editor)
    editor_page.goto(f"/admin/pages/{guidance.pk}/edit/")
    editor_page.locator("#id_introduction").fill("Five pathways, now with a drop-in clinic.")
    editor_page.locator("[data-w-dropdown-target='toggle']").last.click()
    editor_page.get_by_role("button", name=re.compile("Submit to Moderators approval")).click()
    expect(editor_page.get_by_text("submitted", exact=False).first).to_be_visible()

    admin_page = browser.new_context(base_url=live_server.url).new_page()
    admin_page.set_default_timeout(60_000)
    sign_in(admin_page, national_admin)
    admin_page.goto(f"/admin/pages/{guidance.pk}/edit/")
    expect(admin_page.locator("footer")).to_contain_text("Approve")
    admin_page.locator("[data-w-dropdown-target='toggle']").last.click()
    admin_page.get_by_role("button", name="Approve", exact=False).first.click()
    dialog_button = admin_page.get_by_role("button", name=re.compile("Approve"))
    if dialog_button.count():
        dialog_button.last.click()

    admin_page.goto("/local-groups/leicester/pathways/")
    expect(admin_page.get_by_text("Five pathways, now with a drop-in clinic.")).to_be_visible()
