"""An organisation chooses the language of its feedback letter and certificate on its
details form; English unless it chooses otherwise."""

from django.urls import reverse

DETAILS = {
    "name": "Ysgol Glan yr Afon",
    "organisation_type": "school",
    "nation": "wales",
}


def test_a_new_organisation_is_offered_english(client, applicant_lead):
    client.force_login(applicant_lead)

    page = client.get(reverse("awards:organisation_create")).content.decode()

    assert 'type="radio" value="en-gb" checked' in page
    assert 'value="cy" checked' not in page


def test_the_details_form_changes_the_organisations_language(client, school, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(
        reverse("awards:organisation_edit", args=[school.pk]), {**DETAILS, "language": "cy"}
    )

    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.language) == ("Ysgol Glan yr Afon", "cy")


def test_the_details_form_keeps_the_chosen_language_on_error(client, school, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(
        reverse("awards:organisation_edit", args=[school.pk]),
        {**DETAILS, "name": "", "language": "cy"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'type="radio" value="cy" checked' in page
    school.refresh_from_db()
    assert school.language == "en-gb"
