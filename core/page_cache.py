"""Whole-page caching for anonymous visitors of the public site.

Public pages (home, streams and their criteria, local groups' guidance) look the same to every
anonymous visitor, so the rendered page is kept for a minute and served again without routing,
queries or rendering. Anything personal is never cached or served from the cache: a request
with a session or a message cookie, and the admin, account, search and health URLs, always
go through. Each language has its own copy. Publishing a page or a criteria version clears the
cache (cms/signals.py, criteria/services.py).

The middleware sits last in MIDDLEWARE, so a cached page still passes back out through the
security, CSP and locale middleware and gets fresh headers.

Lists whose filters are in the query string (the public register) are cached per query
string by ``cache_public_view``, in the same generation.

Set ``REDIS_URL`` in production so that every web process shares one cache and one clear.
"""

import functools
import hashlib
import time
from urllib.parse import urlencode

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
    if request.method not in ("GET", "HEAD") or request.GET or _personal(request):
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


# The page cache's own key space: every page key carries the current generation, and
# clearing moves to the next one. Clearing never flushes the cache's database (on Redis,
# ``clear()`` is FLUSHDB: it would wipe rate-limit counters and everything else there); the
# old generation's pages simply expire within PAGE_CACHE_SECONDS.
GENERATION_KEY = "page-generation"


def _generation() -> int:
    return _cache().get_or_set(GENERATION_KEY, _fresh_generation, timeout=None)


def _key(request) -> str:
    return f"page:{_generation()}:{translation.get_language()}:{request.get_host()}:{request.path}"


def _personal(request) -> bool:
    personal = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    return any(name in request.COOKIES for name in personal)


def _serve_or_store(request, key: str, get_response):
    """The cached copy under ``key`` if there is one; otherwise the fresh response, kept
    when it is the same for every anonymous visitor."""
    cached = _cache().get(key)
    if cached is not None:
        content, headers = cached
        response = HttpResponse(content, headers=headers)
        response["X-Page-Cache"] = "hit"
        return response
    response = get_response(request)
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


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        return _serve_or_store(request, _key(request), self.get_response)


def cache_public_view(view):
    """Cache a public view's page per query string for anonymous visitors, in the page
    cache's generation: for lists whose filters are in the query string (the register),
    which the middleware leaves alone. The same filters in another order share one copy;
    a signed-in visitor, or one with a personal cookie, always gets a fresh page (marked
    ``X-Page-Cache: miss``). Whatever changes what the page shows calls
    ``page_cache_clear``."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if (
            request.method not in ("GET", "HEAD")
            or _personal(request)
            or (user and user.is_authenticated)
        ):
            response = view(request, *args, **kwargs)
            response["X-Page-Cache"] = "miss"
            return response
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        digest = hashlib.sha256(query.encode()).hexdigest()
        key = f"{_key(request)}?{digest}"
        response = _serve_or_store(request, key, lambda req: view(req, *args, **kwargs))
        if "X-Page-Cache" not in response:
            response["X-Page-Cache"] = "miss"
        return response

    return wrapped


def page_cache_clear() -> None:
    """Forget every cached page, for every web process: called when published content
    changes. Only the page cache's keys are affected."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or it was evicted): start a fresh one
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def _fresh_generation() -> int:
    # Should the generation be evicted, its successor must not be one that live page keys
    # still carry: the clock only grows (and pages live PAGE_CACHE_SECONDS at most).
    return time.time_ns()
