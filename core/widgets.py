"""Form widgets shared by every form."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker. It reads and writes ISO dates (2026-10-30) whatever the
    page's language, so the value is always rendered that way: a localised "30/10/2026" is
    one the browser cannot show, and saving the form again would clear the date."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
