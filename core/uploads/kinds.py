"""The kinds of file evidence may be, by content, and their extensions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
        # Stored as JPEG: clean_upload converts it.
        "heic": ("image/heic", ("heic", "heif")),
    }
)


ALLOWED_EXTENSIONS_TEXT: Final = gettext_lazy(
    "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt) or "
    "spreadsheet (.ods), JPG, PNG or HEIC (iPhone photos)"
)


_SIGNATURE_BYTES: Final = 8 * 1024


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
        "heic": _("a HEIC photo"),
    }
    return descriptions[kind]


_DRIVE_LETTER_RE: Final = re.compile(r"^[A-Za-z]:")


# Pillow decodes the whole bitmap into memory; 40 megapixels is roughly 160 MB as RGBA.
MAX_IMAGE_PIXELS: Final = 40_000_000
