"""Roles people hold on the platform.

Staff roles are Django groups created by migration (``0002_create_role_groups``); the group
names are stable data and are not translated. Applicant roles (lead, contributor) belong to an
organisation membership, and the lived-experience flag to an assessor profile: neither is a
group, so that being a lived-experience assessor is never exposed through group lists.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("National admin")
    STREAM_COORDINATOR = "stream_coordinator", _("Stream coordinator")
    LOCAL_COORDINATOR = "local_coordinator", _("Local lead / coordinator")
    LOCAL_GROUP_EDITOR = "local_group_editor", _("Local group editor")
    PANEL_MEMBER = "panel_member", _("Panel member")


ROLE_GROUP_NAMES: dict[str, str] = {
    Role.NATIONAL_ADMIN: "National admins",
    Role.STREAM_COORDINATOR: "Stream coordinators",
    Role.LOCAL_COORDINATOR: "Local coordinators",
    Role.LOCAL_GROUP_EDITOR: "Local group editors",
    Role.PANEL_MEMBER: "Panel members",
}

# Roles that may open the Wagtail admin.
ADMIN_ROLES = frozenset(
    {
        Role.NATIONAL_ADMIN,
        Role.STREAM_COORDINATOR,
        Role.LOCAL_COORDINATOR,
        Role.LOCAL_GROUP_EDITOR,
    }
)

# Every role that sees other people's applications or personal data needs two-factor
# authentication in production.
TWO_FACTOR_ROLES = frozenset(ROLE_GROUP_NAMES)
