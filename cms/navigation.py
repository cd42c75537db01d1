"""The public site's entries in the service navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _


def entries(user) -> list[tuple[int, str, str]]:
    return [
        (10, _("Home"), "/"),
        (20, _("Streams"), "/streams/"),
        (30, _("Local groups"), "/local-groups/"),
        (50, _("Search"), reverse("search")),
    ]
