"""The text WeasyPrint lays out on each page of a document, margin boxes (running headers,
footers and page numbers) included: what a reader of the PDF sees, in reading order."""

from django.template.loader import render_to_string


def laid_out_text(box) -> str:
    """The text WeasyPrint placed in ``box`` and its children, in reading order."""
    text = getattr(box, "text", "")
    children = box.all_children() if hasattr(box, "all_children") else []
    return text + " ".join(laid_out_text(child) for child in children)


def pages_text(template: str, context: dict) -> list[str]:
    """Each page's laid-out text for ``template`` rendered with ``context``."""
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    document = HTML(string=render_to_string(template, context)).render()
    return [" ".join(laid_out_text(page._page_box).split()) for page in document.pages]


def pages_lines(template: str, context: dict) -> list[list[str]]:
    """Each page's lines of text, as WeasyPrint broke them."""
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used
    from weasyprint.formatting_structure.boxes import LineBox  # noqa: PLC0415 - as above

    def lines(box) -> list[str]:
        if isinstance(box, LineBox):
            return [" ".join(laid_out_text(box).split())]
        children = box.all_children() if hasattr(box, "all_children") else []
        return [line for child in children for line in lines(child)]

    document = HTML(string=render_to_string(template, context)).render()
    return [lines(page._page_box) for page in document.pages]
