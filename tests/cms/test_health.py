from unittest import mock

import pytest
from django.db import OperationalError


def test_health_reports_ok_when_database_reachable(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_503_when_database_unreachable(client, db):
    # The database is the outside world here: simulate it refusing connections.
    with mock.patch("core.views.connection.cursor", side_effect=OperationalError("refused")):
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_health_refuses_post(client, db):
    assert client.post("/health/").status_code == 405


TOKEN = "monitor-token-0123456789"


@pytest.fixture
def monitor(client, settings):
    settings.SANCTUARY_HEALTH_TOKEN = TOKEN
    client.defaults["HTTP_X_HEALTH_TOKEN"] = TOKEN
    return client


@pytest.mark.parametrize("configured, sent", [("", ""), ("", "x"), (TOKEN, ""), (TOKEN, "wrong")])
def test_deep_health_answers_only_the_monitor(client, db, settings, configured, sent):
    settings.SANCTUARY_HEALTH_TOKEN = configured
    assert client.get("/health/deep/", HTTP_X_HEALTH_TOKEN=sent).status_code == 404


def test_deep_health_checks_every_part(monitor, db):
    response = monitor.get("/health/deep/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "worker": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_deep_health_reports_a_stalled_worker(monitor, db, settings):
    import datetime  # noqa: PLC0415 - only this test

    from django.utils import timezone  # noqa: PLC0415 - only this test
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - only this test

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SANCTUARY_WORKER_LAG_SECONDS = 300
    from core.tasks import send_email  # noqa: PLC0415 - after the backend changes

    result = send_email.enqueue(subject="s", body="b", to=["a@example.org"])
    assert monitor.get("/health/deep/").json()["worker"] == "ok"  # just queued: fine

    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    response = monitor.get("/health/deep/")
    assert response.status_code == 503
    assert response.json()["worker"] == "stalled: tasks are waiting"


def test_deep_health_reports_storage_that_fails(monitor, db):
    with mock.patch("core.health.private_storage", side_effect=OSError("disk gone")):
        response = monitor.get("/health/deep/")

    assert response.status_code == 503
    assert response.json()["storage"] == "error: OSError"
    assert response.json()["database"] == "ok"
