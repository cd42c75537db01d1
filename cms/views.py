"""Site-wide views: health check, language switching support and error pages."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Report whether the service can reach its database. Load balancers poll this."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check could not reach the database")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke may be what they rely on.
    return HttpResponseServerError(loader.get_template("500.html").render())


SEARCH_PAGE_SIZE = 10


@require_GET
def search(request: HttpRequest):
    """Search the published pages: streams, criteria pages, local groups' guidance."""
    query = request.GET.get("q", "").strip()[:200]
    page_obj = None
    if query:
        results = Page.objects.live().public().specific().search(query)
        page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "page_obj": page_obj})


def switch_language(request: HttpRequest, language_code: str) -> HttpResponseRedirect:
    """Switch the interface language from a plain link (GOV.UK's pattern for Welsh).

    A GET, so that public pages carry no CSRF token and can be cached for everyone; choosing
    a language is not a change anyone could abuse.
    """
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
