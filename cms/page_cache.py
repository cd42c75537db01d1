"""Whole-page caching for anonymous visitors of the public site.

Public pages (home, streams and their criteria, local groups' guidance) look the same to every
anonymous visitor, so the rendered page is kept for a minute and served again without routing,
queries or rendering. Anything personal is never cached or served from the cache: a request
with a session or a message cookie, and the admin, account, search and health URLs, always
go through. Each language has its own copy. Publishing a page or a criteria version clears the
cache (cms/signals.py, criteria/services.py).

The middleware sits last in MIDDLEWARE, so a cached page still passes back out through the
security, CSP and locale middleware and gets fresh headers.

Set ``REDIS_URL`` in production so that every web process shares one cache and one clear.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation

EXCLUDED_PREFIXES = (
    "/admin/",
    "/apply/",
    "/workspace/",
    "/assess/",
    "/awards/",  # the register and verification: current to the minute, rate-limited
    "/accounts/",
    "/search/",
    "/health/",
    "/i18n/",
    "/language/",
    "/documents/",
)
PERSONAL_COOKIES = ("sessionid", "messages")
KEPT_HEADERS = ("Content-Type", "Content-Language")


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.GET:
        return False
    personal = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    if any(name in request.COOKIES for name in personal):
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


def _key(request) -> str:
    return f"page:{translation.get_language()}:{request.get_host()}:{request.path}"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = _cache().get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (user and user.is_authenticated)
        ):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            _cache().set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        return response


def page_cache_clear() -> None:
    """Forget every cached page: called when published content changes."""
    _cache().clear()
