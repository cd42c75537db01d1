import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings
from django.urls import reverse

from accounts.enums import Role
from tests.factories import UserFactory, staff_user
from tests.totp import current_totp_code

ACTIVATE_URL = "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("role", list(Role))
def test_staff_cannot_reach_admin_or_pages_before_setting_up_totp(role, client, db):
    user = staff_user(role, two_factor=False)
    client.force_login(user)

    for url in ["/admin/", "/accounts/profile/", "/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == ACTIVATE_URL


def test_staff_with_totp_reaches_admin(client, db):
    national_admin = staff_user(Role.NATIONAL_ADMIN, is_staff=True)
    client.force_login(national_admin)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_staff_can_set_up_totp_then_reach_admin(client, db):
    stream_coordinator = staff_user(
        Role.STREAM_COORDINATOR, two_factor=False, email="coordinator@example.org"
    )
    client.post(
        reverse("account_login"),
        {"login": "coordinator@example.org", "password": "correct-horse-battery"},
    )
    # Changing sign-in security asks for the password again first.
    assert client.get(ACTIVATE_URL)["Location"].startswith(reverse("account_reauthenticate"))
    client.post(
        reverse("account_reauthenticate") + "?next=" + ACTIVATE_URL,
        {"password": "correct-horse-battery"},
    )
    page = client.get(ACTIVATE_URL)
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]

    response = client.post(ACTIVATE_URL, {"code": current_totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=stream_coordinator, type=Authenticator.Type.TOTP
    ).exists()
    assert client.get("/admin/").status_code == 200


def test_staff_without_totp_can_still_sign_out(client, db):
    panel_member = staff_user(Role.PANEL_MEMBER, two_factor=False)
    client.force_login(panel_member)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_applicant_is_not_asked_for_totp(client, db):
    applicant_lead = UserFactory()
    client.force_login(applicant_lead)

    assert client.get("/accounts/profile/").status_code == 200


@override_settings(SANCTUARY_REQUIRE_MFA=False)
def test_demo_setting_lets_staff_skip_totp(client, db):
    national_admin = staff_user(Role.NATIONAL_ADMIN, two_factor=False, is_staff=True)
    client.force_login(national_admin)

    assert client.get("/admin/").status_code == 200


def test_login_with_totp_asks_for_code_before_signing_in(client, db):
    panel_member = staff_user(Role.PANEL_MEMBER, email="panel@example.org")

    response = client.post(
        reverse("account_login"),
        {"login": "panel@example.org", "password": "correct-horse-battery"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(
        reverse("mfa_authenticate"), {"code": current_totp_code(panel_member.totp_secret)}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(panel_member.pk)


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/"])
def test_wagtail_login_forms_redirect_to_our_login(path, client, db):
    response = client.get(path + "?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize("role", [None, Role.PANEL_MEMBER])
def test_signed_in_user_without_admin_access_gets_403_not_a_redirect_loop(role, client, db):
    user = UserFactory() if role is None else staff_user(role)
    client.force_login(user)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2
    assert "You cannot see this page" in response.content.decode()


def test_keep_alive_extends_the_session_and_needs_sign_in(client, db):
    assert client.post("/accounts/keep-alive/").status_code == 302
    client.force_login(UserFactory())

    response = client.post("/accounts/keep-alive/")

    assert response.status_code == 204
    assert "sessionid" in response.cookies


def test_a_code_that_rolled_over_while_being_typed_is_still_accepted(client, db):
    """RFC 6238 5.2: allow one time step of delay, so that a code read off the phone just
    before it changed still signs in (the e2e sign-in failed on such a boundary)."""
    national_admin = staff_user(Role.NATIONAL_ADMIN, email="admin@example.org")
    client.post(
        reverse("account_login"),
        {"login": "admin@example.org", "password": "correct-horse-battery"},
    )
    code = current_totp_code(national_admin.totp_secret, steps_ago=1)

    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
