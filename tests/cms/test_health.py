from unittest import mock

from django.db import OperationalError


def test_health_reports_ok_when_database_reachable(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_503_when_database_unreachable(client, db):
    # The database is the outside world here: simulate it refusing connections.
    with mock.patch("cms.views.connection.cursor", side_effect=OperationalError("refused")):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_health_refuses_post(client, db):
    assert client.post("/health/").status_code == 405
