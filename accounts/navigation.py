"""The account pages and the admin in the service navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import can_access_admin


def entries(user) -> list[tuple[int, str, str]]:
    if not user.is_authenticated:
        return []
    items = [(90, _("Your account"), reverse("accounts:profile"))]
    if can_access_admin(user):
        items.append((100, _("Admin"), "/admin/"))
    return items
