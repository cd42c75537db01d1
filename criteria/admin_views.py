"""Admin screens for criteria versions beyond Wagtail's generic ones: publish, start a new
version, and compare two versions. Thin: load, check permission, call one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.permissions import require
from criteria.enums import VersionStatus
from criteria.forms import CompareVersionsForm
from criteria.grouping import group_criteria_by_principle
from criteria.models import CriteriaVersion
from criteria.permissions import (
    can_manage_stream_criteria,
    can_publish_version,
    can_start_new_version,
    stream_ids_user_manages,
)
from criteria.selectors import criteria_version_diff
from criteria.services import CriteriaError, criteria_version_publish, criteria_version_start_new

URL_NAMESPACE = "criteria_versions"


def version_url(name: str, version: CriteriaVersion) -> str:
    return reverse(f"{URL_NAMESPACE}:{name}", args=[version.pk])


class CriteriaAdminViewMixin(WagtailAdminTemplateMixin):
    header_icon = "list-ol"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:list"), "label": _("Criteria versions")},
            {"url": "", "label": self.get_page_title()},
        ]


def _load_managed_version(request, pk: int) -> CriteriaVersion:
    version = get_object_or_404(CriteriaVersion.objects.select_related("stream"), pk=pk)
    if not can_manage_stream_criteria(request.user, version.stream):
        raise PermissionDenied
    return version


class PublishVersionView(CriteriaAdminViewMixin, TemplateView):
    template_name = "criteria/admin/publish_version.html"
    page_title = gettext_lazy("Publish criteria version")

    def dispatch(self, request, pk, *args, **kwargs):
        self.version = _load_managed_version(request, pk)
        require(can_publish_version(request.user, self.version))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = (
            CriteriaVersion.objects.filter(
                stream=self.version.stream, status=VersionStatus.PUBLISHED
            )
            .exclude(pk=self.version.pk)
            .first()
        )
        context.update(
            version=self.version,
            current=current,
            groups=group_criteria_by_principle(list(self.version.criteria.all())),
            diff=criteria_version_diff(old=current, new=self.version) if current else None,
            edit_url=version_url("edit", self.version),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            criteria_version_publish(version=self.version, user=request.user, now=timezone.now())
        except CriteriaError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(version_url("edit", self.version))
        messages.success(
            request,
            _("Version %(number)s of %(stream)s is published. The previous version is retired.")
            % {"number": self.version.number, "stream": self.version.stream.name},
        )
        return redirect(reverse(f"{URL_NAMESPACE}:inspect", args=[self.version.pk]))


class StartNewVersionView(CriteriaAdminViewMixin, TemplateView):
    """Confirm, then copy a version into a new draft and open it for editing."""

    template_name = "criteria/admin/start_new_version.html"
    page_title = gettext_lazy("Start a new criteria version")

    def dispatch(self, request, pk, *args, **kwargs):
        self.version = _load_managed_version(request, pk)
        require(can_start_new_version(request.user, self.version))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            version=self.version,
            existing_draft=self.version.stream.versions.filter(status=VersionStatus.DRAFT).first(),
        )
        return context

    def post(self, request, *args, **kwargs):
        had_draft = self.version.stream.versions.filter(status=VersionStatus.DRAFT).exists()
        draft = criteria_version_start_new(
            version=self.version, user=request.user, now=timezone.now()
        )
        if had_draft:
            messages.warning(
                request,
                _("%(stream)s already has a draft (version %(number)s): carry on editing it.")
                % {"stream": self.version.stream.name, "number": draft.number},
            )
        else:
            messages.success(
                request,
                _("Version %(number)s started as a copy of version %(source)s.")
                % {"number": draft.number, "source": self.version.number},
            )
        return HttpResponseRedirect(version_url("edit", draft))


class CompareVersionsView(CriteriaAdminViewMixin, TemplateView):
    """Added, removed and reworded criteria between two versions of one stream."""

    template_name = "criteria/admin/compare_versions.html"
    page_title = gettext_lazy("Compare criteria versions")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = CriteriaVersion.objects.select_related("stream").order_by(
            "stream__sort_order", "stream__name", "number"
        )
        managed = stream_ids_user_manages(self.request.user)
        if managed is not None:
            versions = versions.filter(stream_id__in=managed)
        initial = {}
        if "new" not in self.request.GET and (pk := self.request.GET.get("version")):
            newer = versions.filter(pk=pk).first()
            if newer is not None:
                older = versions.filter(stream=newer.stream, number__lt=newer.number).last()
                initial = {"old": older, "new": newer}
        form = CompareVersionsForm(
            self.request.GET if "new" in self.request.GET else None,
            initial=initial,
            versions=versions,
        )
        diff = None
        if form.is_bound and form.is_valid():
            old, new = form.cleaned_data["old"], form.cleaned_data["new"]
            diff = criteria_version_diff(old=old, new=new)
        elif initial.get("old") and initial.get("new"):
            old, new = initial["old"], initial["new"]
            diff = criteria_version_diff(old=old, new=new)
        else:
            old = new = None
        context.update(form=form, diff=diff, old=old, new=new)
        return context
