"""The languages people and organisations choose: the site's languages (settings.LANGUAGES),
read when asked rather than at import, and remembering a choice in the browser the way the
footer's language switch does."""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from django.utils.text import capfirst

from core.http import set_language_cookie

# Welsh comes first on a bilingual document (the Welsh Language Standards).
WELSH = "cy"


def language_choices() -> list[tuple[str, str]]:
    """The model fields' choices: each language named in the reader's language."""
    return list(settings.LANGUAGES)


def default_language() -> str:
    return settings.LANGUAGE_CODE


def language_options() -> list[tuple[str, str]]:
    """The choices a person picks from: each language in its own name ("Cymraeg"), so that
    someone who cannot read the page can still find theirs."""
    return [
        (code, capfirst(translation.get_language_info(code)["name_local"]))
        for code, _name in settings.LANGUAGES
    ]


def browsing_language() -> str:
    """The language the page is shown in, as one of the site's languages."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def remember_language(request: HttpRequest, response: HttpResponseBase, language: str) -> None:
    """Show the rest of this request, and the pages after it, in ``language`` (the cookie
    that the footer's switch sets)."""
    translation.activate(language)
    request.LANGUAGE_CODE = language
    set_language_cookie(response, language)
