import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError
from wagtail.models import GroupPagePermission, Page

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.permissions import can_access_admin, requires_two_factor, user_roles
from tests.factories import UserFactory


def test_role_groups_are_created_by_migration(db):
    names = set(Group.objects.values_list("name", flat=True))

    assert set(ROLE_GROUP_NAMES.values()) <= names


@pytest.mark.parametrize(
    ("role", "admin_access"),
    [
        (Role.NATIONAL_ADMIN, True),
        (Role.STREAM_COORDINATOR, True),
        (Role.LOCAL_COORDINATOR, True),
        (Role.LOCAL_GROUP_EDITOR, True),
        (Role.PANEL_MEMBER, False),
    ],
)
def test_role_permission_matrix(role, admin_access, db):
    user = UserFactory(roles=[role])

    assert user_roles(user) == frozenset({role})
    assert can_access_admin(user) is admin_access
    assert user.has_perm("wagtailadmin.access_admin") is admin_access
    assert requires_two_factor(user) is True


def test_applicant_has_no_role_no_admin_and_no_two_factor_requirement(db):
    applicant_lead = UserFactory()

    assert user_roles(applicant_lead) == frozenset()
    assert can_access_admin(applicant_lead) is False
    assert requires_two_factor(applicant_lead) is False


def test_superuser_counts_as_national_admin(db):
    superuser = UserFactory(is_superuser=True, is_staff=True)

    assert user_roles(superuser) == frozenset({Role.NATIONAL_ADMIN})
    assert requires_two_factor(superuser) is True


def test_national_admin_group_can_manage_pages_from_root(db):

    root = Page.get_first_root_node()
    permissions = set(
        GroupPagePermission.objects.filter(group__name="National admins", page=root).values_list(
            "permission__codename", flat=True
        )
    )

    assert {"add_page", "change_page", "publish_page"} <= permissions


def test_email_is_unique_ignoring_case(db):

    UserFactory(email="Case@Example.org")
    with pytest.raises(IntegrityError):
        UserFactory(email="case@example.org")
