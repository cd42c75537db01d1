import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import HomePage
from criteria.services import criteria_version_publish
from tests.factories import UserFactory, criteria_version_with


def test_anonymous_public_page_is_served_from_cache_without_queries(client, page_cache):
    first = client.get("/")

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert len(queries) == 0
    assert second["X-Page-Cache"] == "hit"
    assert "Content-Security-Policy" in second
    assert "Set-Cookie" not in first.headers


def test_signed_in_people_never_get_cached_pages(client, page_cache):
    client.get("/")  # cache the anonymous version
    client.force_login(UserFactory(email="lead@example.org"))

    html = client.get("/").content.decode()

    assert "Sign out" in html


def test_publishing_a_page_clears_the_cache(client, page_cache, django_capture_on_commit_callbacks):
    client.get("/")
    home = HomePage.objects.get()
    home.introduction = "Freshly published introduction."

    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    assert "Freshly published introduction." in client.get("/").content.decode()


def test_publishing_criteria_clears_the_cache(
    client, page_cache, django_capture_on_commit_callbacks
):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    version = criteria_version_with(2)

    with django_capture_on_commit_callbacks(execute=True):
        criteria_version_publish(
            version=version, user=None, now=timezone.make_aware(datetime.datetime(2026, 1, 1))
        )

    assert "X-Page-Cache" not in client.get("/")


@pytest.mark.parametrize("path", ["/accounts/login/", "/search/", "/health/", "/admin/"])
def test_account_search_health_and_admin_are_never_cached(path, client, page_cache):
    client.get(path)
    client.get(path)

    assert len(page_cache._cache) == 0


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_request_with_a_personal_cookie_bypasses_the_cache(cookie, client, page_cache):
    client.cookies[cookie] = "something-personal"

    client.get("/")

    assert len(page_cache._cache) == 0


def test_each_language_has_its_own_copy(client, page_cache):
    english = client.get("/").content.decode()
    client.get("/language/cy/")
    welsh = client.get("/").content.decode()

    assert '<html lang="en-gb"' in english
    assert '<html lang="cy"' in welsh


def _redis_caches(prefix: str) -> dict:
    location = "redis://127.0.0.1:6379/15"
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"{prefix}-sa",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"{prefix}-sa-pages",
        },
    }


@pytest.fixture
def shared_redis_caches(db):
    """Production's layout: the page cache and everything else in one Redis database."""
    import uuid  # noqa: PLC0415 - only this fixture needs it

    import redis  # noqa: PLC0415 - only this fixture needs it

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    with override_settings(CACHES=_redis_caches(uuid.uuid4().hex)):
        yield
        caches["default"].delete_many(["verify-misses:198.51.100.66"])


def test_publishing_forgets_pages_but_keeps_every_other_key(client, shared_redis_caches):
    from core.page_cache import page_cache_clear  # noqa: PLC0415 - after the settings change

    caches["default"].set("verify-misses:198.51.100.66", 7, 600)
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    page_cache_clear()

    # The rate-limit counter (and sessions, and anything else in that database) survives...
    assert caches["default"].get("verify-misses:198.51.100.66") == 7
    # ...and every web process now misses the page, whoever published.
    assert "X-Page-Cache" not in client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
