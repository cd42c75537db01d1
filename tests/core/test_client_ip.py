"""Behind a proxy, every limit keys on the visitor, not on the proxy (production issue).

nginx in front of the app nodes makes every request arrive from the proxy's address, with the
visitor's address appended to X-Forwarded-For. ``SANCTUARY_TRUSTED_PROXY_COUNT`` says how many
proxies of ours append to it; one helper (core.http.client_ip) reads it, and every limit (the
certificate verification limit, allauth's sign-in limits) asks that helper.
"""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from core.http import client_ip

PROXY = "10.0.0.5"


def _request(xff=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if xff is not None:
        headers["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_connection_is_the_client(settings):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 0
    # A header a visitor typed is ignored: nobody we trust wrote it.
    assert client_ip(_request("203.0.113.9", remote="198.51.100.1")) == "198.51.100.1"


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("198.51.100.7")) == "198.51.100.7"
    # A visitor who sends their own X-Forwarded-For cannot choose the address we use: our
    # proxy appends the real one at the end.
    assert client_ip(_request("1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies(settings):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("1.2.3.4, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"


@pytest.mark.parametrize("xff", [None, "", "not-an-address", "unknown, 10.0.0.9, 10.0.0.8"])
def test_a_missing_short_or_garbled_header_falls_back_to_the_connection(settings, xff):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 3
    assert client_ip(_request(xff)) == PROXY


def test_sign_in_limits_ask_the_same_helper(settings):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 1
    assert get_adapter().get_client_ip(_request("198.51.100.7")) == "198.51.100.7"


def test_verification_limit_is_per_visitor_behind_the_proxy(client, db, settings):
    settings.SANCTUARY_TRUSTED_PROXY_COUNT = 1
    settings.VERIFY_MISSES_ALLOWED = 2
    guesser = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for n in range(2):
        assert client.get(f"/awards/verify/SOS-2026-AAAA-AAA{n + 2}/", **guesser).status_code == 404
    assert client.get("/awards/verify/SOS-2026-AAAA-AAA9/", **guesser).status_code == 429

    # Another visitor through the same proxy is not punished for the guesser.
    visitor = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    assert client.get("/awards/verify/SOS-2026-AAAA-AAA8/", **visitor).status_code == 404
