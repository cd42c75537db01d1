"""Why an upload is refused, in words for the applicant."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.uploads.kinds import _MB, ALLOWED_EXTENSIONS_TEXT, ALLOWED_KINDS, MAX_IMAGE_PIXELS


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


def _not_plain_text(*, description: str, extension: str) -> UploadRejected:
    params = {"description": description, "extension": extension}
    if description:
        message = _("This file is named .%(extension)s but it is %(description)s, not plain text.")
    else:
        message = _("This file is named .%(extension)s but its contents are not plain text.")
    return UploadRejected(message % params, code="unsupported_type")


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


def _unsafe_pdf() -> UploadRejected:
    return UploadRejected(
        _(
            "This PDF contains scripts, attached files or actions that start other programs, "
            "so we can't accept it. Please save it again with “Print to PDF” or export it as a "
            "plain PDF."
        ),
        code="unsafe_pdf",
    )


def _unchecked_pdf() -> UploadRejected:
    return UploadRejected(
        _(
            "We couldn't check everything inside this PDF, so we can't accept it. Please save "
            "it again with “Print to PDF” or export it as a plain PDF."
        ),
        code="unchecked_pdf",
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


class UploadRejected(ValidationError):
    """An uploaded file we will not store. The message is written for the applicant.

    ``code`` says why, for callers and tests: ``empty``, ``too_large``, ``unsupported_type``,
    ``wrong_extension``, ``damaged``, ``unsafe_archive``, ``zip_bomb``, ``encrypted``,
    ``macros``, ``unsafe_pdf``, ``unchecked_pdf`` or ``image_too_large``.
    """
