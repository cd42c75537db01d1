def test_language_can_be_switched_to_welsh(client, db):
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    assert response.status_code == 302

    page = client.get("/").content.decode()

    assert '<html lang="cy"' in page
    assert "Neidio i&#x27;r prif gynnwys" in page or "Neidio i'r prif gynnwys" in page
    assert "Newid iaith" in page


def test_english_is_the_default(client, db):
    page = client.get("/").content.decode()

    assert '<html lang="en-gb"' in page
    assert "Skip to main content" in page
