"""JPG, PNG and HEIC: decoded under a pixel limit, turned upright and re-encoded without their
metadata. HEIC photos (what iPhones take) come out as JPEG."""

from __future__ import annotations

import io
from typing import Final

from PIL import Image, ImageOps

from core.uploads.kinds import MAX_IMAGE_PIXELS
from core.uploads.refusals import UploadRejected, _damaged, _image_too_large

JPEG_QUALITY: Final = 90


def _reencode_image(content: bytes, *, kind: str) -> bytes:
    """Decode, check, turn upright and re-encode, keeping only pixels, ICC and transparency.
    ``kind`` is ``jpg``, ``png`` or ``heic``; a ``heic`` photo is re-encoded as JPEG."""
    try:
        upright = _decode_heif(content) if kind == "heic" else _decode(content, kind=kind)
        keep = {
            key: upright.info[key] for key in ("icc_profile", "transparency") if key in upright.info
        }
        # Clearing info drops EXIF, XMP, comments and text chunks that some encoders
        # would otherwise copy across.
        upright.info = {}
        output = io.BytesIO()
        if kind in ("jpg", "heic"):
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
        # Pillow and libheif report damaged input through many exception types (OSError,
        # ValueError, SyntaxError, struct.error, ...); any of them means we cannot trust this file.
        raise _damaged() from error
    return output.getvalue()


def _decode(content: bytes, *, kind: str) -> Image.Image:
    """Open a JPG or PNG, check it, and return it turned upright."""
    expected_formats = {"jpg": ("JPEG", "MPO"), "png": ("PNG",)}[kind]
    with Image.open(io.BytesIO(content)) as probe:
        if probe.format not in expected_formats:
            raise _damaged()
        _check_pixels(probe.size)
        probe.verify()
    with Image.open(io.BytesIO(content)) as image:
        image.load()
        return ImageOps.exif_transpose(image)


def _decode_heif(content: bytes) -> Image.Image:
    """Open a HEIC/HEIF photo's primary image and return it turned upright."""
    # Read through pillow-heif directly rather than registering it with Pillow, so no other
    # code that opens images starts accepting HEIF by accident.
    import pillow_heif  # noqa: PLC0415 - loads the native libheif: only when a HEIC arrives

    heif = pillow_heif.open_heif(io.BytesIO(content), convert_hdr_to_8bit=True)
    _check_pixels(heif.size)  # read from the header, before any pixels are decoded
    return ImageOps.exif_transpose(heif.to_pillow())


def _check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_IMAGE_PIXELS:
        raise _image_too_large()
