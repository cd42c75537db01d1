"""The Welsh catalogue is complete: every interface string the code holds has a Welsh
translation that gettext will show (none missing, none marked fuzzy)."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [
    ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po",
    ROOT / "locale_vendor" / "cy" / "LC_MESSAGES" / "django.po",
]


def _entries(po: str):
    """(flags, msgid, msgstrs) of each entry but the header, from a catalogue's text."""
    for block in re.split(r"\n\s*\n", po):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines or all(line.startswith("#~") for line in lines):
            continue  # blank, or obsolete (kept by gettext, never shown)
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d+\])?|msgctxt)\s+"(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid") == "":
            continue  # the header
        msgstrs = [value for key, value in fields.items() if key.startswith("msgstr")]
        yield flags, fields.get("msgid", ""), msgstrs


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parent.parent.parent.name)
def test_every_welsh_entry_is_translated_and_none_is_fuzzy(path):
    entries = list(_entries(path.read_text(encoding="utf-8")))

    fuzzy = [msgid for flags, msgid, _msgstrs in entries if "fuzzy" in flags]
    missing = [msgid for _flags, msgid, msgstrs in entries if not all(msgstrs)]

    assert len(entries) > 200
    assert fuzzy == [], f"{len(fuzzy)} fuzzy: {fuzzy[:10]}"
    assert missing == [], f"{len(missing)} untranslated: {missing[:10]}"


def _makemessages_command() -> list[str]:
    """`make messages`'s makemessages arguments, read from the Makefile (one source)."""
    makefile = (ROOT / "Makefile").read_text()
    line = next(line for line in makefile.splitlines() if "manage.py makemessages" in line)
    return shlex.split(line.split("manage.py", 1)[1])


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (.ci/run installs it)"
)
def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    """Extract the strings again, as `make messages` does, into a copy of the project: any
    string added since the catalogue was last brought up to date shows as untranslated."""
    if connection.vendor != "sqlite":
        pytest.skip("the code is the same whatever the database: checked in the SQLite run")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "staticfiles",
            "media",
            "var",
            "node_modules",
            "__pycache__",
            "*.sqlite3",
        ),
    )
    subprocess.run(  # noqa: S603 - our own manage.py, our own arguments
        [sys.executable, "manage.py", *_makemessages_command()],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    entries = list(_entries((copy / "locale/cy/LC_MESSAGES/django.po").read_text("utf-8")))

    new = [msgid for flags, msgid, msgstrs in entries if "fuzzy" in flags or not all(msgstrs)]
    assert new == [], f"{len(new)} strings need Welsh (run `make messages`): {new[:10]}"
