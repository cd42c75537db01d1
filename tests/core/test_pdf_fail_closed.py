"""PDF checks fail closed.

Script hidden behind other filters, behind an image-looking dictionary or after a big harmless
stream is refused; a stream we cannot decode, or more decoded data than we allow, refuses the
file as unchecked; ordinary PDFs still pass. Every file is built here in code.
"""

import base64
import binascii
import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import UploadRejected, clean_upload

MB = 1024 * 1024
MAX_BYTES = 20 * MB
# An object stream's content: one object, an action that runs JavaScript.
SCRIPT = b"2 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
OBJECT_STREAM = b"/Type /ObjStm /N 1 /First 4"


def _stream(number: int, dictionary: bytes, data: bytes) -> bytes:
    return (
        b"%d 0 obj\n<< %s /Length %d >>\nstream\n" % (number, dictionary, len(data))
        + data
        + b"\nendstream\nendobj\n"
    )


def _pdf(*objects: bytes) -> bytes:
    catalog = b"1 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n"
    return b"%PDF-1.7\n" + catalog + b"".join(objects) + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _zeros_deflated(size: int) -> bytes:
    """Flate data that inflates to ``size`` zero bytes, built without holding them all."""
    compressor = zlib.compressobj(9)
    chunk = bytes(MB)
    parts = [compressor.compress(chunk) for _ in range(size // MB)]
    parts.append(compressor.compress(bytes(size % MB)))
    return b"".join(parts) + compressor.flush()


def _png_sub_rows(data: bytes, *, columns: int) -> bytes:
    """Apply PNG's "Sub" filter to every row: each byte becomes its difference from the last."""
    rows = [data[start : start + columns] for start in range(0, len(data), columns)]
    encoded = bytearray()
    for row in rows:
        row = row.ljust(columns, b" ")
        encoded.append(1)
        encoded.extend((row[i] - (row[i - 1] if i else 0)) & 0xFF for i in range(columns))
    return bytes(encoded)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, format="JPEG")
    return buffer.getvalue()


def _clean(content: bytes):
    return clean_upload(
        uploaded_file=SimpleUploadedFile("report.pdf", content), max_bytes=MAX_BYTES
    )


def _refusal_code(content: bytes) -> str:
    with pytest.raises(UploadRejected) as excinfo:
        _clean(content)
    return excinfo.value.code


# Script the old check missed -----------------------------------------------------------------


def test_pdf_check_refuses_script_in_ascii_hex_object_stream():
    content = _pdf(
        _stream(4, OBJECT_STREAM + b" /Filter /ASCIIHexDecode", binascii.hexlify(SCRIPT) + b">")
    )

    assert _refusal_code(content) == "unsafe_pdf"


@pytest.mark.parametrize(
    "dictionary",
    [
        OBJECT_STREAM + b" /Subtype /Image /Filter /FlateDecode",
        OBJECT_STREAM + b" /ImageB true /Filter /FlateDecode",
        OBJECT_STREAM + b" /Extra << /Subtype /Image >> /Filter /FlateDecode",
    ],
    ids=["subtype-image", "image-b-name", "nested-subtype-image"],
)
def test_pdf_check_refuses_script_in_flate_stream_that_mentions_image(dictionary):
    content = _pdf(_stream(4, dictionary, zlib.compress(SCRIPT)))

    assert _refusal_code(content) == "unsafe_pdf"


@pytest.mark.parametrize(
    ("filters", "encode"),
    [
        (b"[/ASCIIHexDecode /FlateDecode]", lambda data: binascii.hexlify(data) + b">"),
        (b"[/ASCII85Decode /FlateDecode]", lambda data: base64.a85encode(data) + b"~>"),
        (b"[/AHx /Fl]", lambda data: binascii.hexlify(data) + b">"),
    ],
    ids=["hex-then-flate", "ascii85-then-flate", "abbreviated-names"],
)
def test_pdf_check_refuses_script_behind_a_filter_chain(filters, encode):
    content = _pdf(
        _stream(4, OBJECT_STREAM + b" /Filter " + filters, encode(zlib.compress(SCRIPT)))
    )

    assert _refusal_code(content) == "unsafe_pdf"


def test_pdf_check_refuses_script_after_a_big_harmless_stream():
    # 64 MB was the whole inflate budget: once spent, later streams were never looked at.
    content = _pdf(
        _stream(4, b"/Filter /FlateDecode", _zeros_deflated(64 * MB)),
        _stream(5, OBJECT_STREAM + b" /Filter /FlateDecode", zlib.compress(SCRIPT)),
    )

    assert _refusal_code(content) == "unsafe_pdf"


def test_pdf_check_refuses_script_hidden_by_a_png_predictor():
    columns = 16
    dictionary = (
        OBJECT_STREAM + b" /Filter /FlateDecode /DecodeParms << /Predictor 11 /Columns %d >>"
    )
    content = _pdf(
        _stream(4, dictionary % columns, zlib.compress(_png_sub_rows(SCRIPT, columns=columns)))
    )

    assert _refusal_code(content) == "unsafe_pdf"


# Streams we cannot check ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dictionary", "data"),
    [
        (b"/Filter /LZWDecode", b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"),
        (b"/Filter /RunLengthDecode", b"\x02abc\x80"),
        (b"/Filter /FlateDecode", b"x\x9cthis is not deflate data"),
        (b"/Filter /FlateDecode", zlib.compress(b"BT (Welcome) Tj ET " * 500)[:-40]),
        (b"/Filter /ASCIIHexDecode", b"2F4A6176615363726970 no end marker"),
        (b"/Filter /ASCII85Decode", b"not ascii85 {}~>"),
        (b"/Filter /DCTDecode", _jpeg()),
        (b"/Filter /FlateDecode /DecodeParms << /Predictor 2 >>", zlib.compress(b"tiff")),
    ],
    ids=[
        "lzw",
        "run-length",
        "corrupt-flate",
        "truncated-flate",
        "hex-without-end",
        "bad-ascii85",
        "jpeg-filter-without-image-subtype",
        "tiff-predictor",
    ],
)
def test_pdf_check_refuses_streams_it_cannot_decode(dictionary, data):
    with pytest.raises(UploadRejected, match="We couldn't check everything inside this PDF"):
        _clean(_pdf(_stream(4, dictionary, data)))


def test_pdf_check_refuses_a_stream_larger_than_it_will_decode():
    content = _pdf(_stream(4, b"/Filter /FlateDecode", _zeros_deflated(64 * MB + 1)))

    assert _refusal_code(content) == "unchecked_pdf"


def test_pdf_check_refuses_more_decoded_data_than_its_budget():
    sixty_megabytes = _zeros_deflated(60 * MB)
    content = _pdf(
        *(_stream(number, b"/Filter /FlateDecode", sixty_megabytes) for number in range(4, 9))
    )

    assert _refusal_code(content) == "unchecked_pdf"


def test_pdf_check_refuses_a_stream_whose_dictionary_it_cannot_read():
    # The real dictionary asks for Flate; a fake object header inside a string must not hide it.
    content = _pdf(
        b"4 0 obj\n<< /Filter /FlateDecode /Note (5 0 obj << >>) >>\nstream\n"
        + zlib.compress(SCRIPT)
        + b"\nendstream\nendobj\n"
    )

    assert _refusal_code(content) == "unchecked_pdf"


# Ordinary PDFs -------------------------------------------------------------------------------


def test_pdf_check_accepts_weasyprint_pdf_with_images_and_a_link():
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    png = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(png, format="PNG")
    html = (
        "<h1>Our welcome policy</h1><p><a href='https://example.org'>Read more</a></p>"
        f"<img src='data:image/png;base64,{base64.b64encode(png.getvalue()).decode()}'>"
        f"<img src='data:image/jpeg;base64,{base64.b64encode(_jpeg()).decode()}'>"
    )
    content = HTML(string=html).write_pdf()

    assert _clean(content).kind == "pdf"


def test_pdf_check_accepts_project_rendered_pdf():
    from core.pdf import render_trivial_pdf  # noqa: PLC0415 - loads WeasyPrint

    assert _clean(render_trivial_pdf()).kind == "pdf"


def test_pdf_check_accepts_jpeg_image_without_decoding_it():
    jpeg = _jpeg()
    image = (
        b"/Type /XObject /Subtype /Image /Width 40 /Height 20 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /DCTDecode"
    )
    content = _pdf(_stream(4, image, jpeg))

    assert _clean(content).content == content


def test_pdf_check_accepts_many_flate_streams_and_an_empty_one():
    page = b"BT /F1 12 Tf 72 712 Td (Welcome policy, page %d) Tj ET"
    streams = [
        _stream(number, b"/Filter /FlateDecode", zlib.compress(page % number))
        for number in range(4, 304)
    ]
    content = _pdf(*streams, _stream(304, b"/Filter /FlateDecode", b""))

    assert _clean(content).kind == "pdf"


def test_pdf_check_accepts_flate_image_with_png_predictor():
    pixels = bytes(range(48)) * 8
    image = (
        b"/Type /XObject /Subtype /Image /Width 48 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 48 >>"
    )
    content = _pdf(_stream(4, image, zlib.compress(_png_sub_rows(pixels, columns=48))))

    assert _clean(content).kind == "pdf"
