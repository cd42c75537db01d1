"""Checking evidence files before we store them.

`clean_upload` is the one entry point. It decides what a file is from its bytes (never from
its name or the browser's content type), insists the name's extension agrees, and either
returns a `CleanUpload` holding the bytes to store or raises `UploadRejected` with a message
written for the applicant.

Accepted kinds are listed in `ALLOWED_KINDS`. Per kind:

- PDF: must start with ``%PDF-``; refused if it declares JavaScript (``/JavaScript``), a launch
  action (``/Launch``) or attached files (``/EmbeddedFile``, ``/EmbeddedFiles``). Names are
  matched after undoing ``#xx`` escapes, in the raw file and in Flate-compressed non-image
  streams (where object streams hide dictionaries), within a decompression budget.
- Word, Excel, PowerPoint (OOXML) and OpenDocument text/spreadsheet: zip containers. The
  central directory is checked for zip bombs (member count, total declared size, per-member
  compression ratio), path tricks, duplicate names, encryption and nested archives before any
  member is read; only ``[Content_Types].xml`` and ``mimetype`` are read, and only a bounded
  prefix of each. Macro-enabled Office files are refused.
- JPG and PNG: decoded with Pillow under a pixel limit, rotated upright from their EXIF
  orientation, then re-encoded, which drops EXIF (including GPS location), XMP, comments and
  text chunks. The ICC colour profile and PNG transparency are kept.

This is a gatekeeper, not a virus scanner: scanning is a separate step.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps

_MB: Final = 1024 * 1024

ALLOWED_KINDS: Final[Mapping[str, tuple[str, tuple[str, ...]]]] = MappingProxyType(
    {
        "pdf": ("application/pdf", ("pdf",)),
        "docx": (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ("docx",),
        ),
        "xlsx": (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ("xlsx",),
        ),
        "pptx": (
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ("pptx",),
        ),
        "odt": ("application/vnd.oasis.opendocument.text", ("odt",)),
        "ods": ("application/vnd.oasis.opendocument.spreadsheet", ("ods",)),
        "jpg": ("image/jpeg", ("jpg", "jpeg")),
        "png": ("image/png", ("png",)),
    }
)

ALLOWED_EXTENSIONS_TEXT: Final = gettext_lazy(
    "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt) or "
    "spreadsheet (.ods), JPG or PNG"
)

# Zip limits. A real evidence document is nowhere near any of them.
MAX_ZIP_MEMBERS: Final = 2_000
MAX_ZIP_UNCOMPRESSED_BYTES: Final = 100 * _MB
MAX_ZIP_MEMBER_RATIO: Final = 100
ZIP_RATIO_CHECK_FROM_BYTES: Final = 1 * _MB

# Pillow decodes the whole bitmap into memory; 40 megapixels is roughly 160 MB as RGBA.
MAX_IMAGE_PIXELS: Final = 40_000_000
JPEG_QUALITY: Final = 90

# How much Flate data we are prepared to inflate while looking inside a PDF's streams.
_PDF_INFLATE_BUDGET_BYTES: Final = 64 * _MB

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
_PDF_BLOCKED_NAMES: Final = frozenset({b"JavaScript", b"Launch", b"EmbeddedFile", b"EmbeddedFiles"})
# A PDF name: a solidus then regular characters (PDF 32000-1, 7.2.2 and 7.3.5).
_PDF_NAME_RE: Final = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]+)")
_PDF_HEX_ESCAPE_RE: Final = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM_RE: Final = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DRIVE_LETTER_RE: Final = re.compile(r"^[A-Za-z]:")
_UNSAFE_NAME_CHARS_RE: Final = re.compile(r"[^A-Za-z0-9._-]+")

_SIGNATURE_BYTES: Final = 8 * 1024


class UploadRejected(ValidationError):
    """An uploaded file we will not store. The message is written for the applicant.

    ``code`` says why, for callers and tests: ``empty``, ``too_large``, ``unsupported_type``,
    ``wrong_extension``, ``damaged``, ``unsafe_archive``, ``zip_bomb``, ``encrypted``,
    ``macros``, ``unsafe_pdf`` or ``image_too_large``.
    """


@dataclass(frozen=True)
class CleanUpload:
    """A file that passed every check.

    ``content`` is what to store: re-encoded bytes for images, the original bytes otherwise;
    ``size`` is ``len(content)``. ``extension`` is the lower-cased extension the applicant
    used (``jpeg`` stays ``jpeg``); ``safe_name`` is `safe_filename` of the original name.
    """

    kind: str
    mime_type: str
    extension: str
    original_name: str
    safe_name: str
    size: int
    content: bytes


def clean_upload(*, uploaded_file: UploadedFile, max_bytes: int) -> CleanUpload:
    """Check an uploaded evidence file and return what to store.

    Refuses files over ``max_bytes`` from their declared size before reading anything, then
    reads in chunks and stops as soon as the limit is passed (the declared size can lie).
    Never writes to disk. Raises `UploadRejected` for any file it will not accept.
    """
    original_name = uploaded_file.name or ""
    declared_size = uploaded_file.size
    if declared_size is not None and declared_size > max_bytes:
        raise _too_large(max_bytes=max_bytes)
    content = _read_limited(uploaded_file=uploaded_file, max_bytes=max_bytes)
    if not content:
        raise UploadRejected(
            _("This file is empty. Please check you chose the right file."), code="empty"
        )

    extension = _extension_of(original_name)
    kind, description = _identify(content)
    if kind is None:
        raise _unsupported(description=description, extension=extension)
    allowed_extensions = ALLOWED_KINDS[kind][1]
    if extension not in allowed_extensions:
        raise _wrong_extension(
            extension=extension, description=description, expected=allowed_extensions[0]
        )

    if kind == "pdf":
        _check_pdf(content)
    elif kind in ("jpg", "png"):
        content = _reencode_image(content, kind=kind)
    # Zip containers were fully checked while identifying them.

    return CleanUpload(
        kind=kind,
        mime_type=ALLOWED_KINDS[kind][0],
        extension=extension,
        original_name=original_name,
        safe_name=safe_filename(original_name, extension=extension),
        size=len(content),
        content=content,
    )


def safe_filename(name: str, *, extension: str) -> str:
    """Return a file name that is safe to store and to offer for download.

    The result is ASCII letters, digits, ``.``, ``_`` and ``-`` only, has no directory parts,
    no leading dot and no control characters, turns spaces into hyphens, is at most 100
    characters and always ends with ``.<extension>`` (lower-cased). A trailing copy of the
    extension, or of its twin (``jpeg`` for ``jpg``), is replaced rather than doubled. Falls
    back to ``evidence.<extension>`` when nothing usable is left. Raises ValueError if
    ``extension`` itself is not 1-10 ASCII letters or digits.
    """
    extension = extension.lower().lstrip(".")
    if not (extension.isascii() and extension.isalnum() and len(extension) <= 10):
        raise ValueError(f"Not a usable file extension: {extension!r}")

    base = re.split(r"[/\\]", name)[-1]
    ascii_base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem = "".join(ch for ch in ascii_base if ch.isprintable())
    same_kind = next((exts for _mime, exts in ALLOWED_KINDS.values() if extension in exts), ())
    for known in (extension, *same_kind):
        if stem.lower().endswith("." + known):
            stem = stem[: -len(known) - 1]
            break
    stem = re.sub(r"\s+", "-", stem.strip())
    stem = _UNSAFE_NAME_CHARS_RE.sub("-", stem)
    stem = re.sub(r"-{2,}", "-", stem)
    stem = re.sub(r"\.{2,}", ".", stem)
    max_stem = 100 - len(extension) - 1
    stem = stem.strip("-._")[:max_stem].strip("-._")
    return f"{stem or 'evidence'}.{extension}"


# Reading ------------------------------------------------------------------------------------


def _read_limited(*, uploaded_file: UploadedFile, max_bytes: int) -> bytes:
    buffer = bytearray()
    for chunk in uploaded_file.chunks():
        buffer += chunk
        if len(buffer) > max_bytes:
            raise _too_large(max_bytes=max_bytes)
    return bytes(buffer)


def _extension_of(name: str) -> str:
    base = re.split(r"[/\\]", name)[-1]
    if "." not in base:
        return ""
    return base.rsplit(".", 1)[1].strip().lower()


# Identifying --------------------------------------------------------------------------------


def _identify(content: bytes) -> tuple[str | None, str]:
    """Return (allowed kind or None, how to describe the file to the applicant).

    Zip containers are safety-checked here, so a rejected archive raises instead.
    """
    head = content[:_SIGNATURE_BYTES]
    if head.startswith(b"%PDF-"):
        return "pdf", _("a PDF document")
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg", _("a JPG image")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", _("a PNG image")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _identify_zip(content)
    return None, _describe_other(head)


def _describe_other(head: bytes) -> str:
    binary_signatures: tuple[tuple[tuple[bytes, ...], str], ...] = (
        ((b"\x7fELF",), _("a Linux program")),
        ((b"MZ",), _("a Windows program")),
        (
            (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe"),
            _("a Mac program"),
        ),
        ((b"\xca\xfe\xba\xbe",), _("a program")),
        ((b"#!",), _("a script")),
        (
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
            _("an old-style Office file (.doc, .xls or .ppt)"),
        ),
        ((b"{\\rtf",), _("an RTF document")),
        ((b"GIF87a", b"GIF89a"), _("a GIF image")),
        ((b"II*\x00", b"MM\x00*"), _("a TIFF image")),
        ((b"Rar!\x1a\x07",), _("a RAR archive")),
        ((b"7z\xbc\xaf\x27\x1c",), _("a 7-Zip archive")),
        ((b"\x1f\x8b",), _("a compressed archive")),
    )
    for signatures, description in binary_signatures:
        if head.startswith(signatures):
            return description
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _("a WebP image")
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"mif1", b"msf1"):
        return _("a HEIC photo")

    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"<"):
        # Whichever root-ish tag comes first wins: an SVG may hold <script>, a page may hold <svg>.
        svg_at = _first_position(text, (b"<svg", b"<!doctype svg"))
        html_at = _first_position(
            text, (b"<html", b"<!doctype html", b"<head", b"<body", b"<script")
        )
        if svg_at is not None and (html_at is None or svg_at < html_at):
            return _("an SVG image")
        if html_at is not None:
            return _("an HTML page")
        if text.startswith(b"<?php"):
            return _("a script")
        if text.startswith(b"<?xml"):
            return _("an XML file")
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # The 8 KB cut can split a character; only the very end may be ragged.
            try:
                head[:-4].decode("utf-8")
            except UnicodeDecodeError:
                return ""
        return _("a plain text file")
    return ""


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


def _describe_kind(kind: str) -> str:
    descriptions = {
        "pdf": _("a PDF document"),
        "docx": _("a Word document"),
        "xlsx": _("an Excel spreadsheet"),
        "pptx": _("a PowerPoint presentation"),
        "odt": _("an OpenDocument text document"),
        "ods": _("an OpenDocument spreadsheet"),
        "jpg": _("a JPG image"),
        "png": _("a PNG image"),
    }
    return descriptions[kind]


# PDF ----------------------------------------------------------------------------------------


def _check_pdf(content: bytes) -> None:
    for name in _pdf_names(content):
        if name in _PDF_BLOCKED_NAMES:
            raise UploadRejected(
                _(
                    "This PDF contains scripts, attached files or actions that start other "
                    "programs, so we can't accept it. Please save it again with “Print to "
                    "PDF” or export it as a plain PDF."
                ),
                code="unsafe_pdf",
            )


def _pdf_names(content: bytes) -> Iterator[bytes]:
    """Yield every PDF name in the file and in its inflatable non-image streams."""
    yield from _names_in(content)
    budget = _PDF_INFLATE_BUDGET_BYTES
    for match in _PDF_STREAM_RE.finditer(content):
        if budget <= 0:
            return
        start = match.end()
        # The stream's dictionary sits between the previous "obj" and the "stream" keyword.
        dictionary = content[max(content.rfind(b"obj", 0, match.start()), 0) : match.start()]
        if b"/Image" in dictionary or b"FlateDecode" not in dictionary:
            continue
        end = content.find(b"endstream", start)
        data = content[start : end if end >= 0 else len(content)]
        try:
            inflated = zlib.decompressobj().decompress(data, budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        yield from _names_in(inflated)


def _names_in(data: bytes) -> Iterator[bytes]:
    for match in _PDF_NAME_RE.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = _PDF_HEX_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), name)
        yield name


# Images -------------------------------------------------------------------------------------


def _reencode_image(content: bytes, *, kind: str) -> bytes:
    """Decode, check, turn upright and re-encode, keeping only pixels, ICC and transparency."""
    expected_formats = {"jpg": ("JPEG", "MPO"), "png": ("PNG",)}[kind]
    try:
        with Image.open(io.BytesIO(content)) as probe:
            if probe.format not in expected_formats:
                raise _damaged()
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _image_too_large()
            probe.verify()
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
        keep = {
            key: upright.info[key] for key in ("icc_profile", "transparency") if key in upright.info
        }
        # Clearing info drops EXIF, XMP, comments and text chunks that some encoders
        # would otherwise copy across.
        upright.info = {}
        output = io.BytesIO()
        if kind == "jpg":
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            keep.pop("transparency", None)
            upright.save(output, format="JPEG", quality=JPEG_QUALITY, **keep)
        else:
            upright.save(output, format="PNG", **keep)
    except UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _image_too_large() from error
    except Exception as error:
        # Pillow reports damaged input through many exception types (OSError, ValueError,
        # SyntaxError, struct.error, ...); any of them means we cannot trust this file.
        raise _damaged() from error
    return output.getvalue()


# Messages -----------------------------------------------------------------------------------


def _too_large(*, max_bytes: int) -> UploadRejected:
    limit = f"{round(max_bytes / _MB, 1):g}"
    return UploadRejected(
        _("This file is too big. The largest file we can accept is %(limit)s MB.")
        % {"limit": limit},
        code="too_large",
    )


def _unsupported(*, description: str, extension: str) -> UploadRejected:
    allowed_extensions = {ext for _mime, exts in ALLOWED_KINDS.values() for ext in exts}
    params = {
        "description": description,
        "extension": extension,
        "allowed": ALLOWED_EXTENSIONS_TEXT,
    }
    if description and extension in allowed_extensions:
        message = _(
            "This file is named .%(extension)s but it is %(description)s. "
            "We can only accept %(allowed)s files."
        )
    elif description:
        message = _(
            "This file is %(description)s, which we can't accept. Please upload %(allowed)s."
        )
    elif extension in allowed_extensions:
        message = _(
            "This file is named .%(extension)s but its contents are not a type of file we "
            "accept. Please upload %(allowed)s."
        )
    else:
        message = _("We can't accept this type of file. Please upload %(allowed)s.")
    return UploadRejected(message % params, code="unsupported_type")


def _wrong_extension(*, extension: str, description: str, expected: str) -> UploadRejected:
    params = {"extension": extension, "description": description, "expected": expected}
    if extension:
        message = _(
            "This file is named .%(extension)s but it is %(description)s. Please check you "
            "chose the right file, or rename it to end in .%(expected)s."
        )
    else:
        message = _(
            "This file's name has no extension, but it is %(description)s. Please rename it "
            "to end in .%(expected)s."
        )
    return UploadRejected(message % params, code="wrong_extension")


def _damaged() -> UploadRejected:
    return UploadRejected(
        _(
            "We couldn't read this file; it may be damaged or incomplete. Please save it again "
            "and upload the new copy."
        ),
        code="damaged",
    )


def _zip_bomb() -> UploadRejected:
    return UploadRejected(
        _(
            "This file unpacks to far more data than a normal document, so we can't accept "
            "it. Please save it again from the program that made it."
        ),
        code="zip_bomb",
    )


def _image_too_large() -> UploadRejected:
    return UploadRejected(
        _(
            "This image has too many pixels (the limit is %(megapixels)s megapixels). Please "
            "make it smaller and upload it again."
        )
        % {"megapixels": MAX_IMAGE_PIXELS // 1_000_000},
        code="image_too_large",
    )
