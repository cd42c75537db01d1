"""Zip containers (Office and OpenDocument files): what kind they are, checked for zip bombs,
path tricks, encryption, nested archives and macros before any member is read."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from django.utils.translation import gettext as _

from core.uploads.kinds import _DRIVE_LETTER_RE, _MB, _describe_kind
from core.uploads.refusals import UploadRejected, _damaged, _zip_bomb

# Zip limits. A real evidence document is nowhere near any of them.
MAX_ZIP_MEMBERS: Final = 2_000


MAX_ZIP_UNCOMPRESSED_BYTES: Final = 100 * _MB


MAX_ZIP_MEMBER_RATIO: Final = 100


ZIP_RATIO_CHECK_FROM_BYTES: Final = 1 * _MB


_CONTENT_TYPES_READ_LIMIT: Final = 1 * _MB


_NESTED_ARCHIVE_SUFFIXES: Final = (".zip", ".jar")


_ODF_MIME_TYPES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "application/vnd.oasis.opendocument.text": "odt",
        "application/vnd.oasis.opendocument.spreadsheet": "ods",
    }
)


# Top-level folder of the main part -> (kind, the word every content type of that family has).
_OOXML_FOLDERS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "word/": ("docx", "wordprocessingml"),
        "xl/": ("xlsx", "spreadsheetml"),
        "ppt/": ("pptx", "presentationml"),
    }
)


def _first_position(text: bytes, markers: tuple[bytes, ...]) -> int | None:
    positions = [position for marker in markers if (position := text.find(marker)) >= 0]
    return min(positions, default=None)


def _identify_zip(content: bytes) -> tuple[str | None, str]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise _damaged() from error
    with archive:
        members = archive.infolist()
        _check_zip_directory(members)
        names = {member.filename for member in members}

        if members and members[0].filename == "mimetype":
            mime_type = _read_member_prefix(archive, members[0], limit=200).decode(
                "ascii", "replace"
            )
            kind = _ODF_MIME_TYPES.get(mime_type.strip())
            first_is_valid = (
                members[0].compress_type == zipfile.ZIP_STORED and members[0].header_offset == 0
            )
            if kind is not None and first_is_valid:
                return kind, _describe_kind(kind)
            if mime_type.startswith("application/vnd.oasis.opendocument."):
                return None, _("an OpenDocument file of a type we do not accept")

        if "[Content_Types].xml" in names:
            content_types = _read_member_prefix(
                archive,
                archive.getinfo("[Content_Types].xml"),
                limit=_CONTENT_TYPES_READ_LIMIT,
            )
            if b"macroenabled" in content_types.lower() or any(
                name.lower().endswith("vbaproject.bin") for name in names
            ):
                raise UploadRejected(
                    _(
                        "This Office file contains macros, which we can't accept. Please save "
                        "it as an ordinary document (for example .docx or .xlsx) and try again."
                    ),
                    code="macros",
                )
            found = [
                (kind, family)
                for folder, (kind, family) in _OOXML_FOLDERS.items()
                if any(name.startswith(folder) for name in names)
            ]
            if len(found) == 1 and found[0][1].encode() in content_types:
                kind = found[0][0]
                return kind, _describe_kind(kind)
            return None, _("an Office file of a type we do not accept")

        if "META-INF/MANIFEST.MF" in names and any(name.endswith(".class") for name in names):
            return None, _("a Java program")
        return None, _("a ZIP archive")


def _check_zip_directory(members: list[zipfile.ZipInfo]) -> None:
    """Refuse bombs, path tricks, encryption and nesting using only the central directory."""
    if len(members) > MAX_ZIP_MEMBERS:
        raise _zip_bomb()
    total_uncompressed = 0
    seen_names: set[str] = set()
    for member in members:
        name = member.filename
        if (
            name.startswith("/")
            or "\\" in name
            or ".." in name
            or _DRIVE_LETTER_RE.match(name)
            or name in seen_names
        ):
            raise UploadRejected(
                _(
                    "This file contains items with unsafe names, so we can't accept it. "
                    "Please save it again from the program that made it."
                ),
                code="unsafe_archive",
            )
        seen_names.add(name)
        if member.flag_bits & 0x1:
            raise UploadRejected(
                _(
                    "This file is password-protected. Please remove the password and "
                    "upload it again, so the panel can read it."
                ),
                code="encrypted",
            )
        if name.lower().endswith(_NESTED_ARCHIVE_SUFFIXES):
            raise UploadRejected(
                _(
                    "This file has another archive packed inside it, which we can't accept. "
                    "Please upload the documents themselves."
                ),
                code="unsafe_archive",
            )
        total_uncompressed += member.file_size
        if total_uncompressed > MAX_ZIP_UNCOMPRESSED_BYTES:
            raise _zip_bomb()
        if (
            member.file_size > ZIP_RATIO_CHECK_FROM_BYTES
            and member.file_size > MAX_ZIP_MEMBER_RATIO * max(member.compress_size, 1)
        ):
            raise _zip_bomb()


def _read_member_prefix(archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, limit: int) -> bytes:
    """Inflate at most ``limit`` bytes of one member, whatever its header claims."""
    try:
        with archive.open(member) as stream:
            return stream.read(limit)
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
    ) as error:
        raise _damaged() from error
