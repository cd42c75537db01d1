"""Admin screens for national staff: who coordinates which local group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organisations.models import LocalCoordinator


class LocalCoordinatorViewSet(SnippetViewSet):
    model = LocalCoordinator
    icon = "user"
    menu_label = _("Local coordinators")
    add_to_admin_menu = False
    list_display = ["user", "local_group"]
    copy_view_enabled = False


register_snippet(LocalCoordinatorViewSet)
