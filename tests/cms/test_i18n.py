import pytest


def test_language_can_be_switched_to_welsh_from_a_link(client, db):
    response = client.get("/language/cy/", {"next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"

    page = client.get("/").content.decode()

    assert '<html lang="cy"' in page
    assert "Neidio i&#x27;r prif gynnwys" in page or "Neidio i'r prif gynnwys" in page
    assert 'hreflang="en-gb"' in page


def test_english_is_the_default(client, db):
    page = client.get("/").content.decode()

    assert '<html lang="en-gb"' in page
    assert "Skip to main content" in page


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/"])
def test_language_switch_never_redirects_off_site(next_url, client, db):
    response = client.get("/language/cy/", {"next": next_url})

    assert response["Location"] == "/"


def test_unknown_language_is_404(client, db):
    assert client.get("/language/xx/").status_code == 404
