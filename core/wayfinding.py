"""The service navigation, gathered from the apps that offer an entry.

Each app lists its entries in a ``navigation.py`` (``entries(user) -> [(order, label,
url)]``), named in ``SANCTUARY_NAVIGATION``; core imports none of them, so the kernel stays
below every app."""

from django.conf import settings
from django.utils.module_loading import import_string


def navigation_entries(user) -> list[tuple[str, str]]:
    """(label, url) for the menu, in order, for this user."""
    entries = []
    for path in settings.SANCTUARY_NAVIGATION:
        entries.extend(import_string(path)(user))
    return [(label, url) for _order, label, url in sorted(entries, key=lambda e: e[0])]


def landing_url(user) -> str | None:
    """Where signing in takes this person: the first app (in ``SANCTUARY_LANDINGS``' order)
    with work for them."""
    for path in settings.SANCTUARY_LANDINGS:
        if url := import_string(path)(user):
            return url
    return None
