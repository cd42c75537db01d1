from wagtail import hooks

from cms.editorial import local_group_editors_group_ensure
from cms.models import LocalGroupPage


@hooks.register("after_create_page")
def create_local_group_editors(request, page):
    """Every new local group gets its own editors group, scoped to its pages."""
    if isinstance(page.specific, LocalGroupPage):
        local_group_editors_group_ensure(page=page)
