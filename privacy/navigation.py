"""National staff's screen for requests for personal data, in the service navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _

from privacy.permissions import can_produce_subject_access


def entries(user) -> list[tuple[int, str, str]]:
    if user.is_authenticated and can_produce_subject_access(user):
        return [(95, _("Data requests"), reverse("privacy:subject_access_request"))]
    return []
