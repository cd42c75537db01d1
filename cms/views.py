"""The site search over published pages."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET
from wagtail.models import Page

from cms.models import StreamPage
from cms.search import excerpt, page_passages
from criteria.selectors import published_criteria_by_stream

SEARCH_PAGE_SIZE = 10


@dataclass
class SearchResult:
    page: Page
    excerpt: SafeString


def _results(pages: list[Page], query: str) -> list[SearchResult]:
    """Each page with the passage that matched, its words marked. A stream page's criteria
    come first (its published criteria for all stream pages in one query)."""
    criteria = published_criteria_by_stream(
        [page.stream_id for page in pages if isinstance(page, StreamPage)]
    )
    results = []
    for page in pages:
        if isinstance(page, StreamPage):
            passages = [criterion.search_text for criterion in criteria[page.stream_id]]
            passages += page_passages(page, skip=["published_criteria_text"])
        else:
            passages = page_passages(page)
        results.append(SearchResult(page, excerpt(passages, query)))
    return results


@require_GET
def search(request: HttpRequest):
    """Search the published pages: streams (by their criteria too), local groups' guidance;
    each result shows the words that matched."""
    query = request.GET.get("q", "").strip()[:200]
    page_obj = results = None
    if query:
        found = Page.objects.live().public().specific().search(query)
        page_obj = Paginator(found, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        results = _results(list(page_obj), query)
    return render(
        request, "cms/search.html", {"query": query, "page_obj": page_obj, "results": results}
    )
