"""The "Criteria" admin menu: streams, criteria versions, and the compare screen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    PreviewOnEditView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from criteria import admin_views
from criteria.admin_views import URL_NAMESPACE
from criteria.forms import CriteriaVersionAdminForm
from criteria.grouping import group_criteria_by_principle
from criteria.models import CriteriaVersion, Stream
from criteria.permissions import (
    can_delete_version,
    can_manage_stream_criteria,
    can_publish_version,
    can_start_new_version,
    stream_ids_user_manages,
)
from criteria.selectors import criteria_version_is_editable
from criteria.services import LOG_NEW_VERSION, LOG_PUBLISH, LOG_RETIRE


class StreamScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the user's groups, narrowed to the streams they manage."""

    def __init__(self, model, stream_of):
        super().__init__(model)
        self.stream_of = stream_of

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_manage_stream_criteria(
            user, self.stream_of(instance)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        managed = stream_ids_user_manages(user)
        if managed is None:
            return queryset
        field = "pk" if self.model is Stream else "stream_id"
        return queryset.filter(**{f"{field}__in": managed})


class ManagedStreamObjectMixin:
    """Object views (edit, inspect, delete, history …) refuse objects of streams the user does
    not manage, whatever their model permissions say."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        stream = instance if isinstance(instance, Stream) else instance.stream
        if not can_manage_stream_criteria(self.request.user, stream):
            raise PermissionDenied
        return instance


class StreamScopedViewSetMixin:
    """Lists show only the streams (or their versions) the user manages."""

    stream_field = "stream_id"

    def get_queryset(self, request):
        managed = stream_ids_user_manages(request.user)
        queryset = self.model._default_manager.all()
        if self.stream_field != "pk":
            queryset = queryset.select_related("stream")
        if managed is None:
            return queryset
        return queryset.filter(**{f"{self.stream_field}__in": managed})


class ManagedHistoryView(ManagedStreamObjectMixin, HistoryView):
    pass


class ManagedUsageView(ManagedStreamObjectMixin, UsageView):
    pass


class ManagedPreviewOnEditView(ManagedStreamObjectMixin, PreviewOnEditView):
    pass


class ManagedEditView(ManagedStreamObjectMixin, EditView):
    pass


class ManagedDeleteView(ManagedStreamObjectMixin, DeleteView):
    pass


class StreamViewSet(StreamScopedViewSetMixin, SnippetViewSet):
    model = Stream
    icon = "group"
    menu_label = gettext_lazy("Streams")
    menu_order = 100
    list_display = ["name", "award_title", "is_active", "panel_min_size", "renewal_period_years"]
    search_fields = ["name", "award_title"]
    stream_field = "pk"
    edit_view_class = ManagedEditView
    delete_view_class = ManagedDeleteView
    history_view_class = ManagedHistoryView
    usage_view_class = ManagedUsageView
    copy_view_enabled = False


class CriteriaVersionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not criteria_version_is_editable(instance):
            buttons = [button for button in buttons if button.label != _("Edit")]
        buttons += _version_buttons(self.request.user, instance)
        return buttons


class CriteriaVersionEditView(ManagedStreamObjectMixin, EditView):
    """Refuses to edit a version that applications use (or a retired one), with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not criteria_version_is_editable(self.object):
            messages.error(
                request,
                _(
                    "Version %(number)s of %(stream)s is %(status)s and in use, so it cannot be "
                    "changed. Start a new version to change these criteria."
                )
                % {
                    "number": self.object.number,
                    "stream": self.object.stream.name,
                    "status": self.object.get_status_display().lower(),
                },
            )
            return redirect(reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        return super().header_more_buttons + _version_buttons(self.request.user, self.object)


class CriteriaVersionInspectView(ManagedStreamObjectMixin, InspectView):
    template_name = "criteria/admin/inspect_version.html"

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if not criteria_version_is_editable(self.object):
            buttons = [button for button in buttons if button.label != _("Edit")]
        return buttons + _version_buttons(self.request.user, self.object)

    def get_context_data(self, **kwargs):

        context = super().get_context_data(**kwargs)
        context["groups"] = group_criteria_by_principle(list(self.object.criteria.all()))
        context["version"] = self.object
        return context


class CriteriaVersionDeleteView(ManagedStreamObjectMixin, DeleteView):
    """Only drafts may be deleted: published and retired versions are the record."""

    def dispatch(self, request, *args, **kwargs):
        verdict = can_delete_version(request.user, self.object)
        if not verdict:
            messages.error(request, verdict.reason)
            return redirect(reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)


def _version_buttons(user, version) -> list[Button]:
    buttons = []
    if not can_manage_stream_criteria(user, version.stream):
        return buttons
    if can_publish_version(user, version):
        buttons.append(
            Button(
                _("Publish"),
                url=reverse(f"{URL_NAMESPACE}:publish", args=[version.pk]),
                icon_name="upload",
                priority=40,
            )
        )
    if can_start_new_version(user, version):
        buttons.append(
            Button(
                _("Start a new version"),
                url=reverse(f"{URL_NAMESPACE}:start_new", args=[version.pk]),
                icon_name="copy",
                priority=50,
            )
        )
    buttons.append(
        Button(
            _("Compare with the version before"),
            url=reverse(f"{URL_NAMESPACE}:compare") + f"?version={version.pk}",
            icon_name="doc-full",
            priority=60,
        )
    )
    return buttons


class CriteriaVersionViewSet(StreamScopedViewSetMixin, SnippetViewSet):
    model = CriteriaVersion
    icon = "list-ol"
    menu_label = gettext_lazy("Criteria versions")
    menu_order = 200
    url_prefix = "criteria/versions"
    url_namespace = URL_NAMESPACE
    edit_handler = ObjectList(CriteriaVersion.panels, base_form_class=CriteriaVersionAdminForm)
    list_display = [
        "stream",
        Column("number", label=gettext_lazy("Version"), sort_key="number"),
        "status",
        "effective_date",
        "published_at",
    ]
    list_filter = ["stream", "status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = CriteriaVersionIndexView
    edit_view_class = CriteriaVersionEditView
    inspect_view_class = CriteriaVersionInspectView
    delete_view_class = CriteriaVersionDeleteView
    history_view_class = ManagedHistoryView
    usage_view_class = ManagedUsageView
    preview_on_edit_view_class = ManagedPreviewOnEditView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("publish/<int:pk>/", admin_views.PublishVersionView.as_view(), name="publish"),
            path(
                "new-version/<int:pk>/",
                admin_views.StartNewVersionView.as_view(),
                name="start_new",
            ),
            path("compare/", admin_views.CompareVersionsView.as_view(), name="compare"),
        ]


class CriteriaGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Criteria")
    menu_icon = "list-ol"
    menu_order = 150
    items = (StreamViewSet, CriteriaVersionViewSet)


register_permission_policy(
    Stream, StreamScopedPermissionPolicy(Stream, stream_of=lambda stream: stream)
)
register_permission_policy(
    CriteriaVersion,
    StreamScopedPermissionPolicy(CriteriaVersion, stream_of=lambda version: version.stream),
)
register_snippet(CriteriaGroup)


@hooks.register("register_log_actions")
def register_criteria_log_actions(actions):
    @actions.register_action(LOG_PUBLISH)
    class PublishVersion(LogFormatter):
        label = gettext_lazy("Publish criteria version")

        def format_message(self, log_entry):
            return _("Published this version of the criteria")

    @actions.register_action(LOG_RETIRE)
    class RetireVersion(LogFormatter):
        label = gettext_lazy("Retire criteria version")

        def format_message(self, log_entry):
            return _("Retired: replaced by version %(number)s") % {
                "number": log_entry.data.get("replaced_by")
            }

    @actions.register_action(LOG_NEW_VERSION)
    class StartNewVersion(LogFormatter):
        label = gettext_lazy("Start new criteria version")

        def format_message(self, log_entry):
            return _("Started as a copy of version %(number)s") % {
                "number": log_entry.data.get("copied_from")
            }
