import re

from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory


def test_signup_sends_verification_email_and_requires_it(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "first_name": "Grace",
                "last_name": "Okafor",
                "email": "school.manager@example.org",
                "password1": "a-long-pass-phrase",
                "password2": "a-long-pass-phrase",
            },
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="school.manager@example.org")
    assert (user.first_name, user.last_name) == ("Grace", "Okafor")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["school.manager@example.org"]

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body)
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200
    response = client.post(link.group(1))

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        User.objects.get(email="school.manager@example.org").pk
    )


def test_signup_with_mismatched_passwords_shows_error_and_keeps_email(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "keep.me@example.org",
            "password1": "a-long-pass-phrase",
            "password2": "different-phrase",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'value="keep.me@example.org"' in html
    assert "<title>Error:" in html


def test_password_reset_sends_email(client, db, django_capture_on_commit_callbacks):
    UserFactory(email="forgetful@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"), {"email": "forgetful@example.org"}
        )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_login_and_logout(client, db):
    UserFactory(email="lead@example.org")

    response = client.post(
        reverse("account_login"), {"login": "lead@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:dashboard")

    profile = client.get(reverse("accounts:profile"))
    assert "lead@example.org" in profile.content.decode()

    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_signup_without_names_is_refused_and_keeps_what_was_typed(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "school.manager@example.org",
            "password1": "a-long-pass-phrase",
            "password2": "a-long-pass-phrase",
        },
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="school.manager@example.org").exists()
    content = response.content.decode()
    assert "Enter your first name." in content
    assert 'value="school.manager@example.org"' in content
