"""Checking uploaded files (evidence, and CMS documents) before we store them.

`clean_upload` is the one entry point (`check_plain_text` serves CMS documents named .csv or
.txt, which evidence does not accept). It decides what a file is from its bytes (never from
its name or the browser's content type), insists the name's extension agrees, and either
returns a `CleanUpload` holding the bytes to store or raises `UploadRejected` with a message
written for the applicant.

Accepted kinds are listed in `ALLOWED_KINDS`. Per kind:

- PDF: must start with ``%PDF-``; refused if it declares JavaScript (``/JavaScript``), a launch
  action (``/Launch``) or attached files (``/EmbeddedFile``, ``/EmbeddedFiles``). Names are
  matched after undoing ``#xx`` escapes, in the raw file and in every stream after undoing its
  filters (object streams hide dictionaries there); only images in an image codec are left
  encoded. Fails closed: a stream we cannot decode, or too much decoded data, refuses the file.
- Word, Excel, PowerPoint (OOXML) and OpenDocument text/spreadsheet: zip containers. The
  central directory is checked for zip bombs (member count, total declared size, per-member
  compression ratio), path tricks, duplicate names, encryption and nested archives before any
  member is read; only ``[Content_Types].xml`` and ``mimetype`` are read, and only a bounded
  prefix of each. Macro-enabled Office files are refused.
- JPG, PNG and HEIC: decoded under a pixel limit (HEIC through pillow-heif), rotated upright
  from their EXIF orientation, then re-encoded, which drops EXIF (including GPS location), XMP,
  comments and text chunks. The ICC colour profile and PNG transparency are kept. HEIC photos
  are stored as JPEG, so their `CleanUpload` says ``jpg``.

This is a gatekeeper, not a virus scanner: scanning is a separate step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from core.uploads.containers import _first_position, _identify_zip
from core.uploads.images import _reencode_image
from core.uploads.kinds import (
    _SIGNATURE_BYTES,
    ALLOWED_EXTENSIONS_TEXT,
    ALLOWED_KINDS,
    MAX_IMAGE_PIXELS,
)
from core.uploads.pdf import _check_pdf
from core.uploads.refusals import (
    UploadRejected,
    _not_plain_text,
    _too_large,
    _unsupported,
    _wrong_extension,
)

_UNSAFE_NAME_CHARS_RE: Final = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class CleanUpload:
    """A file that passed every check.

    ``content`` is what to store: re-encoded bytes for images, the original bytes otherwise;
    ``size`` is ``len(content)``. ``extension`` is the lower-cased extension the applicant
    used (``jpeg`` stays ``jpeg``), except that a HEIC photo becomes ``jpg``, as do its
    ``kind`` and ``safe_name``; ``safe_name`` is `safe_filename` of the original name.
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
    content = _read_limited(uploaded_file=uploaded_file, max_bytes=max_bytes)
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
    elif kind in ("jpg", "png", "heic"):
        content = _reencode_image(content, kind=kind)
    # Zip containers were fully checked while identifying them.
    safe_name = safe_filename(original_name, extension=extension)
    if kind == "heic":
        # What we store is the JPEG we made, so it is described and named as one.
        safe_name = safe_name.removesuffix(f".{extension}") + ".jpg"
        kind = extension = "jpg"

    return CleanUpload(
        kind=kind,
        mime_type=ALLOWED_KINDS[kind][0],
        extension=extension,
        original_name=original_name,
        safe_name=safe_name,
        size=len(content),
        content=content,
    )


def check_plain_text(*, uploaded_file: UploadedFile, max_bytes: int) -> None:
    """Check a file named as plain text (CSV, TXT: not evidence, but CMS documents may be).

    Reads it as `clean_upload` does, then raises `UploadRejected` unless its content is plain
    text: a PDF, an archive, a program, a web page and the like are refused.
    """
    content = _read_limited(uploaded_file=uploaded_file, max_bytes=max_bytes)
    extension = _extension_of(uploaded_file.name or "")
    kind, description = _identify(content)
    if kind is not None:
        raise _wrong_extension(
            extension=extension, description=description, expected=ALLOWED_KINDS[kind][1][0]
        )
    if description != _("a plain text file"):
        raise _not_plain_text(description=description, extension=extension)


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
    """Refuse a file over ``max_bytes`` by its declared size before reading anything, then read
    it in chunks, stopping as soon as the limit is passed (the declared size can lie)."""
    if uploaded_file.size is not None and uploaded_file.size > max_bytes:
        raise _too_large(max_bytes=max_bytes)
    buffer = bytearray()
    for chunk in uploaded_file.chunks():
        buffer += chunk
        if len(buffer) > max_bytes:
            raise _too_large(max_bytes=max_bytes)
    if not buffer:
        raise UploadRejected(
            _("This file is empty. Please check you chose the right file."), code="empty"
        )
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
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"mif1", b"msf1"):
        return "heic", _("a HEIC photo")
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


# PDF ----------------------------------------------------------------------------------------


# Images -------------------------------------------------------------------------------------


# Messages -----------------------------------------------------------------------------------


__all__ = [
    "ALLOWED_EXTENSIONS_TEXT",
    "ALLOWED_KINDS",
    "MAX_IMAGE_PIXELS",
    "CleanUpload",
    "UploadRejected",
    "check_plain_text",
    "clean_upload",
    "safe_filename",
]
