import pytest

from accounts.enums import Role
from tests.factories import UserFactory, staff_user


@pytest.fixture
def applicant_lead(db):
    return UserFactory(email="applicant.lead@example.org")


@pytest.fixture
def national_admin(db):
    return staff_user(
        Role.NATIONAL_ADMIN, email="national.admin@example.org", is_staff=True, is_superuser=True
    )


@pytest.fixture
def stream_coordinator(db):
    return staff_user(Role.STREAM_COORDINATOR, email="stream.coordinator@example.org")


@pytest.fixture
def local_group_editor(db):
    return staff_user(Role.LOCAL_GROUP_EDITOR, email="local.editor@example.org")


@pytest.fixture
def panel_member(db):
    return staff_user(Role.PANEL_MEMBER, email="panel.member@example.org")
