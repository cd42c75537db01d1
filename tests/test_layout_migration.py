"""Moving models to their own apps loses nothing (issue 11).

A database holding the full demo data is taken back to the schema before the move (awards
0011, no organisations, panels, audit or reporting app), as a deployed site was, then
migrated forward as a deploy would. Every row of every table and every stored file must be
the same at each step; the content types (and so the permissions and every group's grants)
follow the models to their new apps and back.
"""

import hashlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

BEFORE_THE_MOVE = [
    ("awards", "0011_outcome_constraints_invitation_revocation"),
    ("organisations", None),
    ("panels", None),
    ("audit", None),
    ("reporting", None),
]
MOVED = {
    "organisations": {"organisation", "membership", "localcoordinator", "evidenceitem"},
    "panels": {"panel", "panelmember", "assessorprofile", "payment"},
    "audit": {"auditentry"},
    "reporting": {"dataexport"},
}
# Bookkeeping that the migration is meant to change.
NOT_DATA = {"django_migrations", "django_content_type"}
# Columns that migrations after the move added (so the schema before the move lacks them):
# they are left out of the digests, and every other column must match.
ADDED_AFTER_THE_MOVE = {
    "awards_evidenceitem": {"archived_at"},
    "awards_organisation": {"language"},
    "awards_assessorprofile": {"stays_on"},
}


def _rows() -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows (sorted), columns by
    name (a table rebuilt by a migration may order them differently)."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in NOT_DATA:
                continue
            quoted = connection.ops.quote_name(table)
            later = ADDED_AFTER_THE_MOVE.get(table, set())
            columns = sorted(
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
                if column.name not in later
            )
            selected = ", ".join(connection.ops.quote_name(column) for column in columns)
            # Table and column names come from the database's own catalogue.
            cursor.execute(f"SELECT {selected} FROM {quoted}")  # noqa: S608
            rows = sorted(cursor.fetchall(), key=repr)
            digest = hashlib.sha256(repr(rows).encode()).hexdigest()
            snapshot[table] = (len(rows), digest)
    return snapshot


def _files() -> dict[str, str]:
    """Every stored file, by model, row and field: a digest of its bytes."""
    found = {}
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.db_table not in tables:
            continue  # added after the move (e.g. panels.ApplicationPack): not there yet
        fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in fields:
            for pk, name in model.objects.exclude(**{field.name: ""}).values_list("pk", field.name):
                storage = field.storage
                with storage.open(name, "rb") as handle:
                    found[f"{model._meta.db_table}:{pk}:{field.name}"] = hashlib.sha256(
                        handle.read()
                    ).hexdigest()
    return found


def _labels() -> dict[str, str]:
    return {
        model: app_label
        for app_label, model in ContentType.objects.values_list("app_label", "model")
        if any(model in names for names in MOVED.values())
    }


def _grants() -> set[tuple[str, str]]:
    return set(
        Group.objects.values_list("name", "permissions__codename").exclude(
            permissions__codename=None
        )
    )


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


# Runs in a pytest session of its own (`make test` runs `pytest -m migration`): it needs the
# database exactly as the migrations leave it, which other transactional tests flush.
@pytest.mark.migration
@pytest.mark.django_db(transaction=True)
def test_moving_models_to_their_apps_keeps_every_row_and_file():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rows, files, grants = _rows(), _files(), _grants()
    latest = [(key[0], key[1]) for key in MigrationExecutor(connection).loader.graph.leaf_nodes()]
    assert rows["awards_auditentry"][0] > 100
    assert rows["awards_evidenceitem"][0] > 10
    assert files != {}
    assert Permission.objects.filter(codename="add_localcoordinator").count() == 1

    _migrate(BEFORE_THE_MOVE)
    before = (_rows(), _files(), _labels(), _grants())
    _migrate(latest)
    after = (_rows(), _files(), _labels(), _grants())

    # Tables created after the move (e.g. panels_applicationpack) are not there before it.
    older = set(before[0])
    kept = (
        {table: value for table, value in rows.items() if table in older},
        {key: value for key, value in files.items() if key.split(":")[0] in older},
    )
    assert before[:2] == kept
    assert set(before[2].values()) == {"awards"}
    assert before[3] == grants
    # Those later tables hold derived data (stored packs, rebuilt on demand): recreated empty.
    assert (
        {table: value for table, value in after[0].items() if table in older},
        {key: value for key, value in after[1].items() if key.split(":")[0] in older},
    ) == kept
    assert after[2] == {model: app for app, names in MOVED.items() for model in names}
    assert after[3] == grants
    assert Permission.objects.get(codename="add_localcoordinator").content_type.app_label == (
        "organisations"
    )
