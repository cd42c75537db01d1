"""Site-wide views: the health check, switching language, and the error pages."""

import hmac
import logging

from django.conf import settings
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

from core.health import deep_health
from core.http import set_language_cookie

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


@never_cache
@require_GET
def health_deep(request: HttpRequest) -> JsonResponse:
    """Every part the service needs, for monitoring (core/health.py): 503 if any fails.
    It writes to the cache and the storage, so it answers only a monitor that sends the
    ``X-Health-Token`` header matching ``SANCTUARY_HEALTH_TOKEN`` (unset: nobody)."""
    expected = settings.SANCTUARY_HEALTH_TOKEN
    given = request.headers.get("X-Health-Token", "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Http404
    healthy, answers = deep_health()
    return JsonResponse(
        {"status": "ok" if healthy else "error", **answers}, status=200 if healthy else 503
    )


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    # A refusal that carries a reason for the person (accounts.permissions.Refused) shows it.
    reason = str(getattr(exception, "reason", "") or "")
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke may be what they rely on.
    return HttpResponseServerError(loader.get_template("500.html").render())


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
    set_language_cookie(response, language_code)
    return response
