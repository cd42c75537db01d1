"""PDFs: refused when they declare JavaScript, a launch action or attached files.

We look for those names in the raw file and inside every stream a reader would decode, after
undoing the stream's filters: ASCIIHex, ASCII85 and Flate (with PNG predictors), alone or
chained. Only images in an image codec (``/Subtype /Image`` whose last filter is JPEG, JPEG 2000,
CCITT fax or JBIG2) stay encoded: a reader paints those and never parses them as PDF objects.

Fail closed: a stream whose dictionary we cannot read or whose filters we cannot undo (LZW,
run-length, encryption, corrupt or cut-short data), or more decoded data than the limits below,
refuses the file as unchecked. This is a byte scanner, not a PDF parser: it reads a stream's
dictionary from the nearest object header before it and ignores the cross-reference table.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib
from collections.abc import Iterator
from typing import Final

from PIL import Image

from core.uploads.kinds import _MB
from core.uploads.refusals import _unchecked_pdf, _unsafe_pdf

# The largest single decoded stream we hold in memory, and all decoding for one file (which
# bounds the time spent on it).
_PDF_STREAM_LIMIT_BYTES: Final = 64 * _MB
_PDF_DECODE_BUDGET_BYTES: Final = 256 * _MB

_PDF_BLOCKED_NAMES: Final = ("JavaScript", "Launch", "EmbeddedFiles", "EmbeddedFile")
_IMAGE_CODECS: Final = frozenset(
    {b"DCTDecode", b"DCT", b"JPXDecode", b"CCITTFaxDecode", b"CCF", b"JBIG2Decode"}
)

# PDF 32000-1, 7.2.2: white-space and delimiters; anything else is "regular" and continues a
# token, so _TOKEN_END says a name or keyword ends here.
_WHITESPACE: Final = b"\x00\t\n\x0c\r "
_WS: Final = rb"[\x00\t\n\x0c\r ]"
_TOKEN_END: Final = rb"(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])"
_SPACE_RE: Final = re.compile(rb"(?:" + _WS + rb"+|%[^\r\n]*)*")


def _name_pattern(name: str) -> bytes:
    # Any character of a name may be written as #xx (7.3.5), in either case.
    return b"".join(b"(?:%s|#(?i:%02x))" % (char.encode(), ord(char)) for char in name)


_BLOCKED_NAME_RE: Final = re.compile(
    rb"/(?:" + b"|".join(map(_name_pattern, _PDF_BLOCKED_NAMES)) + rb")" + _TOKEN_END
)
_OBJECT_HEADER_RE: Final = re.compile(
    rb"(?<![0-9])[0-9]+" + _WS + rb"+[0-9]+" + _WS + rb"+obj" + _TOKEN_END
)
_REFERENCE_RE: Final = re.compile(rb"[0-9]+" + _WS + rb"+[0-9]+" + _WS + rb"+R" + _TOKEN_END)
# A dictionary's end, the "stream" keyword and its end of line; the data starts after it.
_STREAM_RE: Final = re.compile(
    rb">>(?:" + _WS + rb"+|%[^\r\n]*)*stream" + _TOKEN_END + rb"(?:[\x00\t\x0c ]*(?:\r\n|\r|\n))?"
)
_WORD_RE: Final = re.compile(rb"/?[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
_HEX_ESCAPE_RE: Final = re.compile(rb"#([0-9A-Fa-f]{2})")
_STRING_SPECIAL_RE: Final = re.compile(rb"[()\\]")

_INDIRECT: Final = object()  # an "N G R" reference, which we do not follow

# Bytes per pixel -> the Pillow mode whose PNG decoder undoes rows of that width.
_PNG_MODES: Final = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}


class _Unreadable(Exception):
    """Something in a stream we cannot read or decode with confidence."""


class _Allowance:
    """How much more decoded data we accept for one file."""

    def __init__(self) -> None:
        self.left = _PDF_DECODE_BUDGET_BYTES

    @property
    def limit(self) -> int:
        return min(self.left, _PDF_STREAM_LIMIT_BYTES)

    def spend(self, size: int) -> None:
        if size > self.limit:
            raise _unchecked_pdf()
        self.left -= size


def _check_pdf(content: bytes) -> None:
    """Raise `UploadRejected` if the PDF declares script, a launch action or attached files
    (``unsafe_pdf``), or holds anything we could not check (``unchecked_pdf``)."""
    for data in _views(content):
        if _BLOCKED_NAME_RE.search(data):
            raise _unsafe_pdf()


def _views(content: bytes) -> Iterator[bytes]:
    """Yield the raw file, then each stream as a reader would decode it."""
    yield content
    allowance = _Allowance()
    header_ends = [match.end() for match in _OBJECT_HEADER_RE.finditer(content)]
    for match in _STREAM_RE.finditer(content):
        end = content.find(b"endstream", match.end())
        try:
            dictionary = _stream_dictionary(content, header_ends, match.start() + 2)
            decoded = _decoded(
                content[match.end() : end if end >= 0 else None], dictionary, allowance
            )
        except (_Unreadable, ValueError, OSError, zlib.error) as error:
            # ValueError covers binascii.Error and Pillow's "not enough image data".
            raise _unchecked_pdf() from error
        if decoded is not None:
            yield decoded


# Stream dictionaries --------------------------------------------------------------------------


def _stream_dictionary(content: bytes, header_ends: list[int], end: int) -> dict:
    """Read the dictionary that ends at ``end`` from the last object header before it."""
    index = bisect.bisect_right(header_ends, end) - 1
    if index < 0:
        raise _Unreadable("no object header")
    value, position = _parse(content, header_ends[index])
    if not isinstance(value, dict) or position != end:
        raise _Unreadable("the dictionary does not end where the stream starts")
    return value


def _parse(data: bytes, position: int, depth: int = 0) -> tuple[object, int]:
    """Parse one object; return (value, position after it). Dictionaries, arrays, names (as
    bytes, unescaped) and whole numbers are kept; references become _INDIRECT; strings, other
    numbers and keywords None."""
    position = _SPACE_RE.match(data, position).end()
    if depth > 32:
        raise _Unreadable("nested too deeply")
    for opener, closer in ((b"<<", b">>"), (b"[", b"]")):
        if data.startswith(opener, position):
            items, position = [], position + len(opener)
            while not data.startswith(closer, position := _SPACE_RE.match(data, position).end()):
                item, position = _parse(data, position, depth + 1)
                items.append(item)
            if opener == b"[":
                return items, position + 1
            if len(items) % 2 or not all(isinstance(key, bytes) for key in items[::2]):
                raise _Unreadable("a dictionary key is not a name")
            return dict(zip(items[::2], items[1::2], strict=True)), position + 2
    if data.startswith(b"(", position):
        return None, _string_end(data, position)
    if data.startswith(b"<", position):
        end = data.find(b">", position)
        if end < 0:
            raise _Unreadable("unterminated hex string")
        return None, end + 1
    if reference := _REFERENCE_RE.match(data, position):
        return _INDIRECT, reference.end()
    word = _WORD_RE.match(data, position).group()
    if not word:
        raise _Unreadable("unexpected character or end of file")
    end = position + len(word)
    if word.startswith(b"/"):
        return _HEX_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), word[1:]), end
    return (int(word) if word.isdigit() else None), end


def _string_end(data: bytes, position: int) -> int:
    depth = 0
    while match := _STRING_SPECIAL_RE.search(data, position):
        position = match.end()
        if match.group() == b"\\":
            position += 1
        elif match.group() == b"(":
            depth += 1
        elif (depth := depth - 1) == 0:
            return position
    raise _Unreadable("unterminated string")


# Filters --------------------------------------------------------------------------------------


def _decoded(data: bytes, dictionary: dict, allowance: _Allowance) -> bytes | None:
    """Undo the stream's filters in order. None when there is nothing new to look at: no
    filters (the raw scan saw the data), or an image left in its image codec."""
    # Indirect references, which we do not follow, fail these checks too.
    filters = _entry(dictionary, b"Filter", b"F")
    filters = [filters] if isinstance(filters, bytes) else filters or []
    if not isinstance(filters, list) or not all(isinstance(name, bytes) for name in filters):
        raise _Unreadable("filters are not names")
    parameters = _entry(dictionary, b"DecodeParms", b"DP")
    parameters = parameters if isinstance(parameters, list) else [parameters] * len(filters)
    if not all(parameter is None or isinstance(parameter, dict) for parameter in parameters):
        raise _Unreadable("filter parameters are not dictionaries")
    if not filters or (dictionary.get(b"Subtype") == b"Image" and filters[-1] in _IMAGE_CODECS):
        return None
    for name, parameter in zip(filters, parameters + [None] * len(filters), strict=False):
        if name in (b"ASCIIHexDecode", b"AHx"):
            digits = _ascii_data(data, end_marker=b">")
            data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        elif name in (b"ASCII85Decode", b"A85"):
            data = base64.a85decode(_ascii_data(data, end_marker=b"~>"))
        elif name in (b"FlateDecode", b"Fl"):
            data = _inflate(data, parameter or {}, allowance)
        else:
            raise _Unreadable(f"cannot undo {name!r}")
        allowance.spend(len(data))
    return data


def _entry(dictionary: dict, key: bytes, short_key: bytes) -> object:
    # pdf.js reads the inline-image abbreviation first, other readers the full key: when both
    # are present they must agree.
    values = [dictionary[k] for k in (key, short_key) if k in dictionary]
    if len(values) == 2 and values[0] != values[1]:
        raise _Unreadable(f"{key!r} and {short_key!r} disagree")
    return values[0] if values else None


def _ascii_data(data: bytes, *, end_marker: bytes) -> bytes:
    end = data.find(end_marker)
    if end < 0:
        raise _Unreadable("ASCII-encoded data has no end marker")
    return data[:end].translate(None, _WHITESPACE)


def _inflate(data: bytes, parameters: dict, allowance: _Allowance) -> bytes:
    if not data.strip(_WHITESPACE):
        return b""
    # Raw deflate after the two-byte zlib header: readers ignore the trailing checksum, but a
    # stream cut short (by a stray "endstream" inside it, say) never reaches its last block.
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    inflated = inflater.decompress(data[2:], allowance.limit + 1)
    if len(inflated) > allowance.limit:
        return inflated  # spend() refuses it
    if not inflater.eof:
        raise _Unreadable("Flate data is cut short")
    predictor = parameters.get(b"Predictor", 1)
    if predictor == 1:
        return inflated
    if not isinstance(predictor, int) or not 10 <= predictor <= 15:
        raise _Unreadable(f"cannot undo predictor {predictor!r}")
    return _undo_png_predictor(data, size=len(inflated), parameters=parameters)


def _undo_png_predictor(compressed: bytes, *, size: int, parameters: dict) -> bytes:
    """Predictors 10-15 are PNG's row filters; Pillow's PNG ("zip") decoder undoes them in C,
    which matters for big images."""
    colors, bits, columns = (
        parameters.get(key, 8 if key == b"BitsPerComponent" else 1)
        for key in (b"Colors", b"BitsPerComponent", b"Columns")
    )
    if not all(isinstance(value, int) and value > 0 for value in (colors, bits, columns)):
        raise _Unreadable("bad predictor parameters")
    pixel_bytes = (colors * bits + 7) // 8
    row_bytes = (colors * bits * columns + 7) // 8
    rows, rest = divmod(size, row_bytes + 1)
    if rest or pixel_bytes not in _PNG_MODES or row_bytes % pixel_bytes:
        raise _Unreadable("predictor rows do not fit")
    if not rows:
        return b""
    mode = _PNG_MODES[pixel_bytes]
    return Image.frombytes(
        mode, (row_bytes // pixel_bytes, rows), compressed, "zip", mode
    ).tobytes()
