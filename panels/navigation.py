"""The assessor portal in the service navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _

from panels.permissions import can_use_assessor_portal


def entries(user) -> list[tuple[int, str, str]]:
    if user.is_authenticated and can_use_assessor_portal(user):
        return [(70, _("Assess"), reverse("assess:portal"))]
    return []


def landing(user) -> str | None:
    return reverse("assess:portal") if can_use_assessor_portal(user) else None
