"""The award holders' register, the workspace and the applicant's dashboard in the service
navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _

from awards.permissions import can_use_workspace


def entries(user) -> list[tuple[int, str, str]]:
    items = [(40, _("Award holders"), reverse("register:register"))]
    if user.is_authenticated:
        if can_use_workspace(user):
            items.append((60, _("Workspace"), reverse("workspace:queue")))
        items.append((80, _("Your applications"), reverse("awards:dashboard")))
    return items


def workspace_landing(user) -> str | None:
    return reverse("workspace:queue") if can_use_workspace(user) else None


def applicant_landing(user) -> str | None:
    return reverse("awards:dashboard")
