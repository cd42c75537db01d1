"""Trigram indexes for the lists' text searches, on PostgreSQL only.

The queue, award and register searches are ``icontains`` (``UPPER(column) LIKE
UPPER('%words%')``), which a B-tree cannot serve: each would scan every row. A GIN index with
``gin_trgm_ops`` on ``UPPER(column)`` serves exactly that expression. SQLite has no such
index and scans, which is fine at the sizes it is used for (development, tests).

pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner can create it.
"""


def trigram_index_operations(table: str, columns: list[str]):
    """Forwards and backwards functions for a RunPython operation creating ``pg_trgm`` and
    one trigram index per column of ``table`` (named ``<table>_<column>_trgm``)."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
                f'USING gin (UPPER("{column}") gin_trgm_ops)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')

    return forwards, backwards
