from dataclasses import dataclass

from django import template

from core.wayfinding import navigation_entries

register = template.Library()


@dataclass(frozen=True)
class NavigationItem:
    label: str
    url: str
    active: bool


@register.simple_tag(takes_context=True)
def service_navigation_items(context) -> list[NavigationItem]:
    request = context.get("request")
    if request is None:
        return []
    path = request.path
    items = []
    for label, url in navigation_entries(request.user):
        active = path == url if url == "/" else path.startswith(url)
        items.append(NavigationItem(label=label, url=url, active=active))
    return items


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced: keeps filters when paging."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.filter
def elided_page_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)


_WIDGET_CLASSES = {
    "textarea": "sa-textarea",
    "select": "sa-select",
    "selectmultiple": "sa-select",
    "checkboxinput": "sa-checkboxes__input",
}


@register.filter
def widget_kind(bound_field) -> str:
    """A short name for a field's widget, used by the field template to pick its markup."""
    widget = bound_field.field.widget
    name = type(widget).__name__.lower()
    if getattr(widget, "input_type", None) == "radio":
        return "radios"
    if name == "checkboxselectmultiple":
        return "checkboxes"
    if name == "checkboxinput":
        return "checkbox"
    if widget.is_hidden:
        return "hidden"
    return name


@register.filter
def sa_widget(bound_field):
    """Render a field's widget with our classes and the hint and error ids it is described by."""
    widget = bound_field.field.widget
    name = type(widget).__name__.lower()
    css = _WIDGET_CLASSES.get(name, "sa-input")
    if bound_field.errors:
        css += f" {css.split()[0]}--error"
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {"class": " ".join(filter(None, [widget.attrs.get("class", ""), css]))}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page) -> list:
    """The pages above ``page`` for its breadcrumbs, from the routing trail when Wagtail has
    just walked it, otherwise from the tree. The root page is left out."""
    request = context.get("request")
    trail = getattr(request, "_page_trail", None) if request else None
    if trail and trail[-1].pk == page.pk:
        return trail[:-1]
    return list(page.get_ancestors().filter(depth__gt=1))


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
