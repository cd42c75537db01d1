"""Editorial permissions for local groups' pages."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

# Editors may add and change pages under their own group's page; publishing goes through
# the moderation workflow, approved by national staff.
LOCAL_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def local_group_editors_group_name(page: Page) -> str:
    return f"{page.title} editors"


def local_group_editors_group_ensure(*, page: Page) -> Group:
    """The group whose members edit ``page`` and the pages beneath it (and nothing else).
    Creates it, with its page permissions, if it does not exist. Idempotent."""
    group, _ = Group.objects.get_or_create(name=local_group_editors_group_name(page))
    for codename in LOCAL_EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    return group
