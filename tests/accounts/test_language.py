"""Each person's language: chosen on sign-up (the language they browse in unless they
choose another), changed on their account page or with the footer's switch, and shown to
them from the moment they sign in."""

import html

from django.conf import settings
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

SIGNUP = {
    "first_name": "Catrin",
    "last_name": "Jones",
    "email": "catrin.jones@example.org",
    "password1": "a-long-pass-phrase",
    "password2": "a-long-pass-phrase",
}


def test_signup_stores_the_chosen_language(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "language": "cy"})

    assert response.status_code == 302
    assert User.objects.get(email="catrin.jones@example.org").language == "cy"


def test_signup_offers_the_language_being_browsed_in(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    page = client.get(reverse("account_signup")).content.decode()

    assert 'type="radio" value="cy" checked' in page
    assert 'value="en-gb" checked' not in page


def test_signup_without_a_choice_stores_the_language_being_browsed_in(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    client.post(reverse("account_signup"), SIGNUP)

    assert User.objects.get(email="catrin.jones@example.org").language == "cy"


def test_the_verification_email_is_in_the_language_chosen_on_signup(
    client, db, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), {**SIGNUP, "language": "cy"})

    assert len(mailoutbox) == 1
    # allauth's "Please Confirm Your Email Address", in the vendor catalogue.
    assert "Cadarnhewch eich cyfeiriad e-bost" in mailoutbox[0].subject


def test_account_page_changes_the_language_and_shows_the_page_in_it(client, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(reverse("accounts:profile"), {"form": "language", "language": "cy"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    applicant_lead.refresh_from_db()
    assert applicant_lead.language == "cy"
    page = html.unescape(client.get(reverse("accounts:profile")).content.decode())
    assert '<html lang="cy"' in page
    assert "Mae eich iaith wedi'i chadw." in page


def test_account_page_refuses_an_unknown_language_and_keeps_the_rest(client, applicant_lead):
    applicant_lead.first_name = "Grace"
    applicant_lead.save()
    client.force_login(applicant_lead)

    response = client.post(reverse("accounts:profile"), {"form": "language", "language": "xx"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "Choose your language." in page
    assert 'value="Grace"' in page
    applicant_lead.refresh_from_db()
    assert applicant_lead.language == "en-gb"


def test_account_page_name_form_keeps_the_stored_language(client, applicant_lead):
    applicant_lead.language = "cy"
    applicant_lead.save()
    client.force_login(applicant_lead)

    response = client.post(reverse("accounts:profile"), {"first_name": "", "last_name": "Okafor"})

    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="Okafor"' in page
    assert 'type="radio" value="cy" checked' in page


def test_signing_in_shows_the_site_in_the_stored_language(client, db):
    UserFactory(email="welsh.reader@example.org", language="cy")

    response = client.post(
        reverse("account_login"),
        {"login": "welsh.reader@example.org", "password": "correct-horse-battery"},
    )

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="cy"' in page


def test_signing_in_with_an_english_account_switches_back_from_welsh(client, db):
    UserFactory(email="english.reader@example.org")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    response = client.post(
        reverse("account_login"),
        {"login": "english.reader@example.org", "password": "correct-horse-battery"},
    )

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"


def test_the_footer_switch_stores_a_signed_in_persons_language(client, applicant_lead):
    client.force_login(applicant_lead)

    response = client.get(reverse("switch_language", args=["cy"]), {"next": "/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    applicant_lead.refresh_from_db()
    assert applicant_lead.language == "cy"


def test_the_footer_switch_still_works_for_visitors(client, db):
    response = client.get(reverse("switch_language", args=["cy"]), {"next": "/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"


def test_the_footer_switch_refuses_an_unknown_language_and_stores_nothing(client, applicant_lead):
    client.force_login(applicant_lead)

    response = client.get(reverse("switch_language", args=["xx"]))

    assert response.status_code == 404
    applicant_lead.refresh_from_db()
    assert applicant_lead.language == "en-gb"


def test_a_password_reset_is_written_in_the_accounts_language(
    client, db, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(email="welsh.reader@example.org", language="cy")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "welsh.reader@example.org"})

    assert len(mailoutbox) == 1
    assert "E-bost ailosod cyfrinair" in mailoutbox[0].subject
