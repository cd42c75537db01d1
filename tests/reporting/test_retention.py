"""Retention and stuck work: background exports that never finish are stopped and their
requester told once; export files are deleted after the retention period; a failed or expired
export can be asked for again; ``manage.py prune`` does all of it (and clears sessions and old
task results) as often as it is run."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.enums import Role
from core.storage import private_storage
from reporting.enums import ExportStatus
from reporting.exports.retention import mark_stuck_exports, prune_exports
from reporting.models import DataExport
from tests.conftest import NOW
from tests.factories import published_stream, staff_user

STOPPED = "This export took too long and was stopped. Try again."
QUERY = {"region": "East", "columns": "reference,status"}


@pytest.fixture
def schools(db):
    return published_stream(criteria=2, slug="schools")


@pytest.fixture
def schools_coordinator(schools):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.coordinator@example.org")
    schools.coordinators.add(coordinator)
    return coordinator


def _export(user, *, status=ExportStatus.PENDING, age=datetime.timedelta(0), **fields):
    return DataExport.objects.create(
        requested_by=user,
        kind="applications",
        params={"query": dict(QUERY), "language": "en"},
        status=status,
        created_at=NOW - age,
        **fields,
    )


def _ready_export(user, *, age: datetime.timedelta) -> DataExport:
    export = _export(user, status=ExportStatus.READY, age=age, finished_at=NOW - age, row_count=3)
    export.file.save(f"applications-{export.pk}.xlsx", ContentFile(b"spreadsheet"), save=True)
    return export


# --- Stuck exports -------------------------------------------------------------------------


def test_mark_stuck_exports_fails_an_old_export_and_emails_the_requester_once(
    schools_coordinator, django_capture_on_commit_callbacks
):
    export = _export(schools_coordinator, age=datetime.timedelta(minutes=31))

    with django_capture_on_commit_callbacks(execute=True):
        first = mark_stuck_exports(now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        second = mark_stuck_exports(now=NOW)

    export.refresh_from_db()
    assert (first, second) == (1, 0)
    assert (export.status, export.error, export.finished_at) == (ExportStatus.FAILED, STOPPED, NOW)
    assert [message.to for message in mail.outbox] == [["schools.coordinator@example.org"]]
    assert mail.outbox[0].subject == "Your export could not be prepared"
    assert STOPPED in mail.outbox[0].body
    assert "http://testserver/workspace/exports/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("stuck_minutes", "age_minutes", "expected"),
    [
        (None, 29, ExportStatus.PENDING),
        (None, 31, ExportStatus.FAILED),
        (10, 11, ExportStatus.FAILED),
        (60, 59, ExportStatus.PENDING),
    ],
)
def test_mark_stuck_exports_honours_the_limit(
    settings, schools_coordinator, stuck_minutes, age_minutes, expected
):
    if stuck_minutes is not None:
        settings.SANCTUARY_EXPORT_STUCK_MINUTES = stuck_minutes
    export = _export(schools_coordinator, age=datetime.timedelta(minutes=age_minutes))

    mark_stuck_exports(now=NOW)

    export.refresh_from_db()
    assert export.status == expected


def test_mark_stuck_exports_leaves_finished_exports_alone(
    schools_coordinator, django_capture_on_commit_callbacks
):
    ready = _ready_export(schools_coordinator, age=datetime.timedelta(hours=2))
    failed = _export(
        schools_coordinator, status=ExportStatus.FAILED, age=datetime.timedelta(hours=2)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert mark_stuck_exports(now=NOW) == 0

    assert [
        DataExport.objects.get(pk=ready.pk).status,
        DataExport.objects.get(pk=failed.pk).status,
    ] == [ExportStatus.READY, ExportStatus.FAILED]
    assert mail.outbox == []


def _queries(action) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def test_mark_stuck_exports_query_count_does_not_grow_with_rows(
    schools_coordinator, django_capture_on_commit_callbacks
):
    _export(schools_coordinator, age=datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=False):
        one = _queries(lambda: mark_stuck_exports(now=NOW))
    for n in range(5):
        user = staff_user(Role.STREAM_COORDINATOR, email=f"coordinator{n}@example.org")
        _export(user, age=datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=False):
        five = _queries(lambda: mark_stuck_exports(now=NOW))

    assert DataExport.objects.filter(status=ExportStatus.FAILED).count() == 6
    assert five == one


# --- Retention -----------------------------------------------------------------------------


def test_prune_exports_deletes_old_files_and_says_they_expired(schools_coordinator):
    old = _ready_export(schools_coordinator, age=datetime.timedelta(days=8))
    recent = _ready_export(schools_coordinator, age=datetime.timedelta(days=6))
    old_name, recent_name = old.file.name, recent.file.name

    assert (prune_exports(now=NOW), prune_exports(now=NOW)) == (1, 0)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.status, old.file.name, private_storage().exists(old_name)) == (
        ExportStatus.EXPIRED,
        "",
        False,
    )
    assert (recent.status, recent.file.name, private_storage().exists(recent_name)) == (
        ExportStatus.READY,
        recent_name,
        True,
    )


def test_prune_exports_honours_the_retention_setting(settings, schools_coordinator):
    settings.SANCTUARY_EXPORT_RETENTION_DAYS = 1
    export = _ready_export(schools_coordinator, age=datetime.timedelta(days=2))

    assert prune_exports(now=NOW) == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED


def test_prune_exports_query_count_does_not_grow_with_rows(schools_coordinator):
    _ready_export(schools_coordinator, age=datetime.timedelta(days=10))
    one = _queries(lambda: prune_exports(now=NOW))
    for _ in range(5):
        _ready_export(schools_coordinator, age=datetime.timedelta(days=10))
    five = _queries(lambda: prune_exports(now=NOW))

    assert DataExport.objects.filter(status=ExportStatus.EXPIRED).count() == 6
    assert five == one


# --- Try again -----------------------------------------------------------------------------


def test_exports_page_offers_try_again_on_failed_and_build_again_on_expired(
    client, schools_coordinator
):
    failed = _export(schools_coordinator, status=ExportStatus.FAILED, error=STOPPED)
    expired = _export(schools_coordinator, status=ExportStatus.EXPIRED)
    _ready_export(schools_coordinator, age=datetime.timedelta(days=1))
    _export(schools_coordinator)
    client.force_login(schools_coordinator)

    page = client.get("/workspace/exports/").content.decode()

    assert page.count('name="retry"') == 2
    assert f'name="retry" value="{failed.pk}"' in page
    assert f'name="retry" value="{expired.pk}"' in page
    assert "Try again" in page
    assert "Expired" in page
    assert "Build it again" in page


@pytest.mark.parametrize("status", [ExportStatus.FAILED, ExportStatus.EXPIRED])
def test_try_again_creates_a_new_pending_export_for_the_same_list(
    client, schools_coordinator, status
):
    original = _export(
        schools_coordinator, status=status, error=STOPPED, age=datetime.timedelta(days=9)
    )
    client.force_login(schools_coordinator)

    response = client.post("/workspace/exports/", {"retry": original.pk})

    assert response.status_code == 302
    assert response["Location"] == "/workspace/exports/"
    fresh = DataExport.objects.exclude(pk=original.pk).get()
    assert (fresh.requested_by, fresh.kind, fresh.params["query"], fresh.status) == (
        schools_coordinator,
        "applications",
        QUERY,
        ExportStatus.PENDING,
    )
    original.refresh_from_db()
    assert original.status == status


@pytest.mark.parametrize(
    "who", ["other_stream_coordinator", "local_coordinator", "national_admin", "applicant_lead"]
)
def test_try_again_refuses_someone_elses_export(client, request, schools_coordinator, who):
    if who == "other_stream_coordinator":
        user = staff_user(Role.STREAM_COORDINATOR, email="other.coordinator@example.org")
    elif who == "local_coordinator":
        user = staff_user(Role.LOCAL_COORDINATOR, email="local.coordinator@example.org")
    else:
        user = request.getfixturevalue(who)
    original = _export(schools_coordinator, status=ExportStatus.FAILED)
    client.force_login(user)

    response = client.post("/workspace/exports/", {"retry": original.pk})

    assert response.status_code == 404
    assert list(DataExport.objects.values_list("pk", flat=True)) == [original.pk]


@pytest.mark.parametrize("status", [ExportStatus.PENDING, ExportStatus.READY])
def test_try_again_refuses_an_export_that_did_not_fail(client, schools_coordinator, status):
    original = _export(schools_coordinator, status=status)
    client.force_login(schools_coordinator)

    assert client.post("/workspace/exports/", {"retry": original.pk}).status_code == 404
    assert DataExport.objects.count() == 1


def test_try_again_refused_once_the_user_may_no_longer_export(client, schools_coordinator):
    original = _export(schools_coordinator, status=ExportStatus.FAILED)
    client.force_login(schools_coordinator)
    schools_coordinator.groups.clear()

    assert client.post("/workspace/exports/", {"retry": original.pk}).status_code == 404
    assert DataExport.objects.count() == 1


def test_try_again_with_a_column_no_longer_allowed_is_refused(client, schools_coordinator):
    original = DataExport.objects.create(
        requested_by=schools_coordinator,
        kind="panel_judgements",
        params={"query": {"columns": "lived_experience"}, "language": "en"},
        status=ExportStatus.FAILED,
        created_at=NOW,
    )
    client.force_login(schools_coordinator)

    response = client.post("/workspace/exports/", {"retry": original.pk})

    assert response.status_code == 400
    assert DataExport.objects.count() == 1


# --- The command ---------------------------------------------------------------------------


def _task_result(*, finished_at: datetime.datetime, backend_name: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="SUCCESSFUL",
        finished_at=finished_at,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="core.tasks.send_email",
        backend_name=backend_name,
        run_after=finished_at,
    )


def _prune(*args: str) -> list[str]:
    out = StringIO()
    call_command("prune", "--now", NOW.isoformat(), *args, stdout=out)
    return out.getvalue().splitlines()


def test_prune_command_runs_every_part_and_is_idempotent(
    settings, schools_coordinator, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    stuck = _export(schools_coordinator, age=datetime.timedelta(hours=1))
    old = _ready_export(schools_coordinator, age=datetime.timedelta(days=30))
    old_name = old.file.name
    Session.objects.create(
        session_key="expired" * 4,
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )
    live_session = Session.objects.create(
        session_key="live" * 8,
        session_data="",
        expire_date=timezone.now() + datetime.timedelta(days=1),
    )
    old_result = _task_result(
        finished_at=NOW - datetime.timedelta(days=15), backend_name="database"
    )
    recent_result = _task_result(
        finished_at=NOW - datetime.timedelta(days=1), backend_name="database"
    )

    with django_capture_on_commit_callbacks(execute=True):
        first = _prune()
    with django_capture_on_commit_callbacks(execute=True):
        second = _prune()

    assert first == [
        "Stuck exports marked failed: 1",
        "Expired export files deleted: 1",
        "Expired sessions cleared: 1",
        "Finished task results deleted: 1 (backend 'database')",
    ]
    assert second == [
        "Stuck exports marked failed: 0",
        "Expired export files deleted: 0",
        "Expired sessions cleared: 0",
        "Finished task results deleted: 0 (backend 'database')",
    ]
    assert DataExport.objects.get(pk=stuck.pk).status == ExportStatus.FAILED
    assert DataExport.objects.get(pk=old.pk).status == ExportStatus.EXPIRED
    assert not private_storage().exists(old_name)
    assert list(Session.objects.values_list("pk", flat=True)) == [live_session.pk]
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [recent_result.pk]
    assert not DBTaskResult.objects.filter(pk=old_result.pk).exists()
    assert [message.to for message in mail.outbox] == [["schools.coordinator@example.org"]]


def test_prune_command_without_a_database_task_backend_says_so(db):
    assert _prune()[-1] == "Finished task results: no database task backend configured"


def test_prune_command_refuses_a_bad_now(db):
    with pytest.raises(Exception, match="--now"):
        call_command("prune", "--now", "next tuesday")


def test_prune_command_uses_the_task_result_age_option(settings, db):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    _task_result(finished_at=NOW - datetime.timedelta(days=3), backend_name="default")

    assert _prune("--task-result-days", "2")[-1] == (
        "Finished task results deleted: 1 (backend 'default')"
    )
