"""PDF renderers: a context in, bytes out. WeasyPrint is imported where it is used."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def render_pdf(*, template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, context))


def html_to_pdf(html: str) -> bytes:
    """Lay out a rendered HTML document as a PDF (the slow part: about 57 ms a page)."""
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    return HTML(string=html).write_pdf()


def render_trivial_pdf() -> bytes:
    """A one-line document: the reference the benchmark compares real documents with."""
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    return HTML(string="<p>Sanctuary Award</p>").write_pdf()


def page_numbers_css() -> SafeString:
    """A CSS ``content`` value that prints "Page 3 of 7" (translated) in a page margin box:
    ``@bottom-right { content: {{ page_numbers }}; }``."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    before, _page, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _pages, after = rest.partition("%(pages)s")
    return mark_safe(  # noqa: S308 quoted above
        f"{quoted(before)} counter(page) {quoted(between)} counter(pages) {quoted(after)}"
    )
