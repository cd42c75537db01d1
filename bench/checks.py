"""What a bench case must have done, checked once on its first (untimed) run.

``page(...)`` builds the check of an HTTP case: its status code, and that the page shows what
the case's name claims (a heading, a number of table rows, a known name, a cache hit or miss).
``pdf(...)`` checks a rendered document. A check raises AssertionError with a message saying
what was expected and what came back; the harness then fails the case (bench/harness.py).
"""

import json as jsonlib
import re
import zlib
from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup

CACHE_HEADER = "X-Page-Cache"


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _table_rows(soup) -> int:
    """Rows of data in the page's tables: a row whose only cell spans the table ("No awards
    match.") is not one."""
    rows = 0
    for row in soup.select("table tbody tr"):
        cells = row.find_all(["td", "th"])
        if len(cells) == 1 and cells[0].has_attr("colspan"):
            continue
        rows += 1
    return rows


def page(
    *,
    status: int = 200,
    h1: str | None = None,
    texts: Iterable[str] = (),
    rows: int | None = None,
    selectors: dict[str, int] | None = None,
    cached: bool | None = None,
    json: dict | None = None,
) -> Callable[[object], None]:
    """The check of a test-client response.

    ``h1``: the page's first-level heading contains it. ``texts``: each appears in the page's
    visible text. ``rows``: the number of data rows in its tables' bodies. ``selectors``: CSS
    selector -> how many elements match. ``cached``: True for a page-cache hit, False for a
    page rendered for this request. ``json``: items the JSON body must contain.
    """
    texts = tuple(texts)

    def check(response) -> None:
        code = getattr(response, "status_code", None)
        location = response.get("Location") if hasattr(response, "get") else None
        assert code == status, f"status {code}, expected {status}" + (
            f" (to {location})" if location else ""
        )
        if cached is not None:
            hit = response.get(CACHE_HEADER) == "hit"
            assert hit == cached, (
                "served from the page cache, expected a fresh render"
                if hit
                else "rendered afresh, expected a page-cache hit"
            )
        if json is not None:
            body = jsonlib.loads(response.content)
            wrong = {key: body.get(key) for key, value in json.items() if body.get(key) != value}
            assert not wrong, f"JSON {wrong}, expected {json}"
        if h1 is None and not texts and rows is None and not selectors:
            return
        soup = BeautifulSoup(response.content, "html.parser")
        if h1 is not None:
            heading = _text(soup.find("h1"))
            assert h1 in heading, f"heading {heading!r}, expected it to contain {h1!r}"
        if texts:
            visible = _text(soup.body or soup)
            missing = [text for text in texts if text not in visible]
            assert not missing, f"the page does not show {missing}"
        if rows is not None:
            shown = _table_rows(soup)
            assert shown == rows, f"{shown} table rows shown, expected {rows}"
        for selector, expected in (selectors or {}).items():
            found = len(soup.select(selector))
            assert found == expected, f"{found} elements match {selector!r}, expected {expected}"

    return check


_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
_PDF_PAGE_TREE = re.compile(rb"<<[^<>]*?/Type\s*/Pages(?![a-zA-Z])[^<>]*>>")
_PDF_COUNT = re.compile(rb"/Count\s+(\d+)")


def pdf_pages(content: bytes) -> int:
    """The page count of a PDF: the /Count of its page tree's root (the largest), looked for
    in the file and in its compressed streams (WeasyPrint packs its objects in them)."""
    parts = [content]
    for stream in _PDF_STREAM.findall(content):
        try:
            parts.append(zlib.decompressobj().decompress(stream))
        except zlib.error:
            continue  # not a Flate stream: an image or the like
    counts = [
        int(count)
        for part in parts
        for tree in _PDF_PAGE_TREE.findall(part)
        for count in _PDF_COUNT.findall(tree)
    ]
    return max(counts, default=0)


def pdf(*, pages: tuple[int, int] = (1, 1)) -> Callable[[object], None]:
    """The check of a rendered PDF: a PDF, with between ``pages[0]`` and ``pages[1]`` pages."""
    low, high = pages

    def check(content) -> None:
        assert isinstance(content, bytes), f"{type(content).__name__}, expected PDF bytes"
        assert content.startswith(b"%PDF-"), f"starts {content[:8]!r}, expected a PDF"
        count = pdf_pages(content)
        assert low <= count <= high, f"{count} pages, expected {low} to {high}"

    return check
