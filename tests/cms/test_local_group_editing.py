"""Local group editors edit only their own group's pages, and publish through moderation."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.enums import Role
from cms.editorial import local_group_editors_group_ensure, local_group_editors_group_name
from cms.models import GuidancePage, HomePage, LocalGroupIndexPage, LocalGroupPage
from tests.factories import staff_user


@pytest.fixture
def local_groups(db):
    home = HomePage.objects.get()
    index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=index)
    pages = {}
    for slug, title in [
        ("leicester", "Leicester City of Sanctuary"),
        ("lewisham", "Lewisham Borough of Sanctuary"),
    ]:
        page = LocalGroupPage(title=title, slug=slug, area=title)
        index.add_child(instance=page)
        page.add_child(instance=GuidancePage(title=f"{title} guidance", slug="guidance"))
        local_group_editors_group_ensure(page=page)
        pages[slug] = page
    return pages


@pytest.fixture
def leicester_editor(local_groups):
    editor = staff_user(Role.LOCAL_GROUP_EDITOR, email="leicester.editor@example.org")
    editor.groups.add(
        Group.objects.get(name=local_group_editors_group_name(local_groups["leicester"]))
    )
    return editor


def test_editor_can_edit_own_group_pages_only(local_groups, leicester_editor):
    leicester, lewisham = local_groups["leicester"], local_groups["lewisham"]
    leicester_guidance = leicester.get_children().get().specific
    lewisham_guidance = lewisham.get_children().get().specific

    assert leicester.permissions_for_user(leicester_editor).can_edit() is True
    assert leicester_guidance.permissions_for_user(leicester_editor).can_edit() is True
    assert leicester.permissions_for_user(leicester_editor).can_add_subpage() is True
    assert lewisham.permissions_for_user(leicester_editor).can_edit() is False
    assert lewisham_guidance.permissions_for_user(leicester_editor).can_edit() is False
    assert leicester.permissions_for_user(leicester_editor).can_publish() is False


def test_editor_is_refused_the_other_groups_edit_screen(client, local_groups, leicester_editor):
    lewisham_guidance = local_groups["lewisham"].get_children().get()
    client.force_login(leicester_editor)

    response = client.get(f"/admin/pages/{lewisham_guidance.pk}/edit/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] in ("/admin/", "/admin/login/")


def _guidance_form(title: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "guidance",
            "introduction": "Updated introduction.",
            "body": streamfield([("paragraph", rich_text("<p>New advice.</p>"))]),
        }
    )


def test_editor_submits_for_moderation_and_national_admin_approves(
    client, local_groups, leicester_editor, national_admin
):
    guidance = local_groups["leicester"].get_children().get().specific
    client.force_login(leicester_editor)

    response = client.post(
        f"/admin/pages/{guidance.pk}/edit/",
        {**_guidance_form("Updated guidance"), "action-submit": "Submit to Moderators approval"},
    )

    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(guidance.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    guidance.refresh_from_db()
    assert guidance.title != "Updated guidance"  # not live until approved

    client.force_login(national_admin)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{guidance.pk}/approve/{task_state.pk}/",
        {"comment": "Looks good."},
    )

    assert response.status_code in (200, 302)
    guidance.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert guidance.title == "Updated guidance"
    assert guidance.live is True


def test_new_local_group_gets_its_own_editors_group(client, local_groups, national_admin):
    index = LocalGroupIndexPage.objects.get()
    client.force_login(national_admin)

    response = client.post(
        f"/admin/pages/add/cms/localgrouppage/{index.pk}/",
        nested_form_data(
            {
                "title": "Bristol City of Sanctuary",
                "slug": "bristol",
                "area": "Bristol",
                "region": "South West",
                "introduction": "",
                "contact_email": "",
                "contact_phone": "",
            }
        ),
    )

    assert response.status_code == 302
    bristol = LocalGroupPage.objects.get(slug="bristol")
    group = Group.objects.get(name="Bristol City of Sanctuary editors")
    assert set(group.page_permissions.values_list("page_id", "permission__codename")) == {
        (bristol.pk, "add_page"),
        (bristol.pk, "change_page"),
    }
