"""Wagtail page types for the public site.

Issue-by-issue this grows the stream pages, local group pages and guidance pages; the home
page and the simple standard page are here from the start.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import GuidanceStreamBlock
from criteria.grouping import group_criteria_by_principle
from criteria.selectors import criteria_version_published_for_stream


class RouteTrailMixin:
    """Remember the pages Wagtail walks through while routing a request, so breadcrumbs can be
    drawn without querying the ancestors again (see the ``breadcrumb_pages`` tag)."""

    def route(self, request, path_components):
        trail = getattr(request, "_page_trail", None)
        if trail is None:
            trail = request._page_trail = []
        trail.append(self)
        return super().route(request, path_components)


class HomePage(RouteTrailMixin, Page):
    """The front page: what the award is and where to start."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StreamIndexPage", "cms.LocalGroupIndexPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stream_pages"] = (
            StreamPage.objects.live()
            .public()
            .select_related("stream")
            .order_by("stream__sort_order", "stream__name")
        )
        return context


class StandardPage(RouteTrailMixin, Page):
    """A plain page: about the award, privacy notice, accessibility statement."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class StreamIndexPage(RouteTrailMixin, Page):
    """`/streams/`: every Stream of Sanctuary, with its award title and a link to its page."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StreamPage"]
    max_count = 1

    class Meta:
        verbose_name = _("stream index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stream_pages"] = (
            StreamPage.objects.child_of(self).live().public().select_related("stream")
        )
        return context


class StreamPage(RouteTrailMixin, Page):
    """One stream's public page: its current criteria under Learn, Embed and Share (with
    prerequisites first), how to apply, and a call to action to start an application."""

    stream = models.OneToOneField(
        "criteria.Stream",
        on_delete=models.PROTECT,
        related_name="page",
        verbose_name=_("stream"),
    )
    introduction = RichTextField(_("introduction"), blank=True)
    how_to_apply = RichTextField(_("how to apply"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("stream"),
        FieldPanel("introduction"),
        FieldPanel("how_to_apply"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("how_to_apply"),
        index.RelatedFields("stream", [index.SearchField("award_title")]),
        index.SearchField("published_criteria_text"),
    ]
    parent_page_types = ["cms.StreamIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("stream page")

    def published_criteria_text(self) -> str:
        """The current criteria as text, so that site search finds a stream by what it asks.
        Re-indexed when a new version is published (criteria.services)."""

        version = criteria_version_published_for_stream(stream_id=self.stream_id)
        if version is None:
            return ""
        return "\n".join(criterion.search_text for criterion in version.criteria.all())

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        version = criteria_version_published_for_stream(stream_id=self.stream_id)
        if version is not None:
            self.stream = version.stream  # loaded with the version: saves a query
        context["version"] = version
        context["groups"] = (
            group_criteria_by_principle(list(version.criteria.all())) if version else []
        )
        return context


class LocalGroupIndexPage(RouteTrailMixin, Page):
    """`/local-groups/`: the local City of Sanctuary groups."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.LocalGroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("local group index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = LocalGroupPage.objects.child_of(self).live().public()
        return context


class LocalGroupPage(RouteTrailMixin, Page):
    """A local City of Sanctuary group: its area, how to contact it, the streams it supports.
    Its editors write guidance pages beneath it."""

    area = models.CharField(_("area"), max_length=200)
    region = models.CharField(_("nation or region"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    streams = ParentalManyToManyField(
        "criteria.Stream", blank=True, related_name="local_groups", verbose_name=_("streams")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
        FieldPanel("streams", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("area"),
        index.SearchField("introduction"),
        index.FilterField("region"),
    ]
    parent_page_types = ["cms.LocalGroupIndexPage"]
    subpage_types = ["cms.GuidancePage"]

    class Meta:
        verbose_name = _("local group page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = GuidancePage.objects.child_of(self).live().public()
        context["supported_streams"] = self.streams.filter(is_active=True).select_related("page")
        # The award holders in the area come from the awards app's template tag.
        return context


class GuidancePage(RouteTrailMixin, Page):
    """Guidance a local group writes for its area: headings, text, call-outs, documents, FAQs."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.LocalGroupPage", "cms.GuidancePage"]
    subpage_types = ["cms.GuidancePage"]

    class Meta:
        verbose_name = _("guidance page")

    @property
    def local_group(self) -> "LocalGroupPage | None":
        return LocalGroupPage.objects.ancestor_of(self).first()
