"""PDF renderers: a context in, bytes out. WeasyPrint is imported where it is used."""

from django.template.loader import render_to_string


def render_pdf(*, template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def render_trivial_pdf() -> bytes:
    """A one-line document: the reference the benchmark compares real documents with."""
    from weasyprint import HTML

    return HTML(string="<p>Sanctuary Award</p>").write_pdf()
