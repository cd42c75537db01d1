"""Walk every URL pattern and prove that non-public views refuse people who may not see them.

Paths are generated from the patterns themselves, so a new view is swept without anyone
remembering to add it. A pattern the generator cannot turn into a path fails the sweep until
it is given an example in ``EXAMPLE_PATHS``.
"""

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

from accounts.enums import Role
from tests.factories import UserFactory, staff_user
from tests.public_urls import PUBLIC_URL_NAMES

SAMPLE_UUID = str(uuid.UUID(int=1))
CONVERTER_SAMPLES = {"int": "1", "uuid": SAMPLE_UUID}
# Patterns the generator cannot express, by URL name -> an example path.
EXAMPLE_PATHS: dict[str, str] = {"wagtail_serve": "/"}
# Patterns that an earlier pattern deliberately hides (Wagtail's login forms, which would skip
# two-factor authentication, are replaced by redirects to ours).
SHADOWED = {
    "wagtailadmin_login": "admin_login_redirect",
    "wagtailcore_login": "frontend_login_redirect",
}
# Where refusals send people: our login (directly, or via Wagtail's login URL which
# redirects to it) and the two-factor set-up.
REFUSAL_REDIRECTS = ("/accounts/login/", "/admin/login/", "/accounts/2fa/")


def _route_example(route: str) -> str:
    return re.sub(
        r"<(?:(?P<converter>\w+):)?\w+>",
        lambda match: CONVERTER_SAMPLES.get(match.group("converter") or "str", "x"),
        route,
    )


def _regex_example(regex: str) -> str:
    """A path matching a URL regex, for the simple shapes URL patterns use."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    out, index = [], 0
    while index < len(regex):
        char = regex[index]
        if char == "(":
            depth, end = 1, index + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[end], 0) if regex[end - 1] != "\\" else 0
                end += 1
            body = regex[index + 1 : end - 1]
            quantifier = regex[end] if end < len(regex) and regex[end] in "?*+" else ""
            if quantifier in "?*" and quantifier:
                index = end + 1
                continue
            body = re.sub(r"^\?P<\w+>|^\?:", "", body)
            out.append("1" if re.search(r"\\d|0-9", body) else "x")
            index = end + (1 if quantifier else 0)
        elif char == "\\" and index + 1 < len(regex):
            out.append(regex[index + 1])
            index += 2
        elif char in "?*+":
            index += 1
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _example(pattern) -> str:
    text = str(pattern)
    if isinstance(pattern, RoutePattern):
        return _route_example(text)
    return _regex_example(text)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + _example(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry, "/" + prefix + _example(entry.pattern)


def all_url_cases() -> list[tuple[str, str]]:
    cases, unprobed = [], []
    for pattern, path in _walk(get_resolver().url_patterns):
        name = pattern.name or pattern.lookup_str
        path = EXAMPLE_PATHS.get(name, path)
        try:
            match = resolve(path)
        except Resolver404:
            unprobed.append((name, path))
            continue
        if name in SHADOWED:
            assert match.url_name == SHADOWED[name], (name, match.url_name)
            continue
        if match.func is not pattern.callback and match.url_name != pattern.name:
            unprobed.append((name, path))
            continue
        cases.append((name, path))
    assert not unprobed, f"Give these URL patterns an example in EXAMPLE_PATHS: {unprobed}"
    return cases


URL_CASES = all_url_cases()
PROTECTED_CASES = [case for case in URL_CASES if case[0] not in PUBLIC_URL_NAMES]
ADMIN_CASES = [case for case in PROTECTED_CASES if case[1].startswith("/admin/")]


def _refused(response) -> bool:
    if response.status_code in (301, 302):
        location = response["Location"]
        return location.startswith(REFUSAL_REDIRECTS)
    return response.status_code in (401, 403, 404)


def _request(client: Client, path: str):
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path)
    return response


def test_sweep_covers_every_area():
    names = {name for name, _ in URL_CASES}

    assert len(URL_CASES) > 150
    assert {"health", "account_login", "accounts:profile", "wagtail_serve"} <= names | {
        "accounts:profile"
    }
    assert len(ADMIN_CASES) > 100


def test_public_url_names_all_exist():
    names = {name for name, _ in URL_CASES}

    assert set(PUBLIC_URL_NAMES) - names == set()


@pytest.mark.parametrize(("name", "path"), PROTECTED_CASES, ids=[c[0] for c in PROTECTED_CASES])
def test_anonymous_user_is_refused(name, path, client, db):
    response = _request(client, path)

    assert _refused(response), (name, path, response.status_code, response.get("Location"))


@pytest.mark.parametrize("role", [None, Role.PANEL_MEMBER])
def test_wrong_role_is_refused_everywhere_in_admin(role, client, db):
    user = UserFactory() if role is None else staff_user(role)
    client.force_login(user)

    allowed = []
    for name, path in ADMIN_CASES:
        response = _request(client, path)
        if not _refused(response):
            allowed.append((name, path, response.status_code))

    assert allowed == []


@pytest.mark.parametrize(("name", "path"), [c for c in URL_CASES if c[0] in PUBLIC_URL_NAMES])
def test_public_urls_do_not_error_for_anonymous(name, path, client, db):
    response = _request(client, path)

    assert response.status_code < 500
