"""The platform as production runs it, on more than one machine (``make topology``).

One journey across the nodes of tests/topology/stack.py: an upload through one app node is
scanned by ClamAV's daemon (via the worker) and downloaded through the other; an infected one
never is; rate limits are shared; a publish through a third process clears the page cache
both nodes see, and nothing else; an export is built by the worker into the object store;
then one node is killed under load while an applicant keeps saving, and nothing is lost.

Figures (requests, errors, the failover gap) are printed for the notes: run with ``-s``.
"""

import re
import subprocess
import threading
import time

import pytest
import requests
import urllib3

from tests.topology.stack import HEALTH_TOKEN, HOST, Stack, random_visitor

pytestmark = pytest.mark.topology
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

PASSWORD = "sanctuary-demo"
APPLICANT = "school.lead@example.org"
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Browser:
    """A visitor: through nginx (HTTPS) by default, or straight to one app node as nginx
    would call it (``node="a"``)."""

    def __init__(self, stack: Stack, visitor: str | None = None):
        self.stack = stack
        self.visitor = visitor or random_visitor()
        self.session = requests.Session()
        # Loopback to our own nginx with a throwaway self-signed certificate (per request:
        # requests lets REQUESTS_CA_BUNDLE override a session's verify).

    def request(self, method: str, path: str, *, node: str | None = None, **kwargs):
        headers = {"Host": HOST, "Origin": f"https://{HOST}", **kwargs.pop("headers", {})}
        if node is None:
            url = f"https://127.0.0.1:{self.stack.ports['https']}{path}"
        else:
            url = f"http://127.0.0.1:{self.stack.ports[node]}{path}"
            headers["X-Forwarded-Proto"] = "https"
            headers["X-Forwarded-For"] = self.visitor
            # Secure cookies are not sent over plain HTTP: hand them over as nginx would.
            headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        return self.session.request(
            method,
            url,
            headers=headers,
            allow_redirects=False,
            timeout=30,
            verify=False,
            **kwargs,
        )

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, data, *, form_page=None, node=None, files=None):
        page = self.get(form_page or path, node=node)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.request(
            "POST", path, node=node, data={"csrfmiddlewaretoken": token, **data}, files=files
        )

    def sign_in(self, email: str) -> None:
        response = self.post_form("/accounts/login/", {"login": email, "password": PASSWORD})
        assert response.status_code == 302, response.text[:500]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    with Stack(tmp_path_factory.mktemp("topology")) as running:
        yield running


@pytest.fixture(scope="module")
def applicant(stack):
    browser = Browser(stack)
    browser.sign_in(APPLICANT)
    (organisation,) = stack.one(
        "SELECT m.organisation_id FROM awards_membership m JOIN accounts_user u "
        "ON u.id = m.user_id WHERE u.email = %s",
        APPLICANT,
    )
    browser.organisation = organisation
    return browser


def _upload(browser, title: str, content: bytes, *, node: str) -> int:
    path = f"/apply/organisations/{browser.organisation}/evidence/add/file/"
    response = browser.post_form(
        path, {"title": title}, node=node, files={"upload": ("minutes.pdf", content)}
    )
    assert response.status_code == 302, response.text[:500]
    (pk,) = browser.stack.one("SELECT id FROM awards_evidenceitem WHERE title = %s", title)
    return pk


def _scan_status(stack, pk: int) -> str:
    return stack.one("SELECT scan_status FROM awards_evidenceitem WHERE id = %s", pk)[0]


def test_every_part_is_healthy(stack):
    response = Browser(stack).get("/health/deep/", headers={"X-Health-Token": HEALTH_TOKEN})
    assert response.status_code == 200, response.text
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "worker": "ok",
    }
    assert "Scheduler started with 3 jobs" in stack.log("scheduler")


def test_upload_on_one_node_is_scanned_and_downloaded_through_the_other(stack, applicant):
    pk = _upload(applicant, "Minutes of the welcome group", MINIMAL_PDF, node="a")
    stack.wait_until(lambda: _scan_status(stack, pk) != "pending", what="the scan")

    assert _scan_status(stack, pk) == "clean"
    assert [key for key in stack.objects(stack.private_bucket) if "evidence" in key]
    download = applicant.get(f"/apply/evidence/{pk}/download/", node="b")
    assert download.status_code == 200
    assert download.content == MINIMAL_PDF


def test_an_infected_upload_is_never_downloadable(stack, applicant):
    from core.scanning import EICAR  # noqa: PLC0415 - the test signature's string

    pk = _upload(applicant, "Suspicious attachment", MINIMAL_PDF + EICAR, node="b")
    stack.wait_until(lambda: _scan_status(stack, pk) != "pending", what="the scan")

    assert _scan_status(stack, pk) == "infected"
    for node in ("a", "b", None):
        assert applicant.get(f"/apply/evidence/{pk}/download/", node=node).status_code == 409


def test_rate_limits_are_shared_between_nodes(stack):
    guesser, neighbour = Browser(stack), Browser(stack)
    for attempt in range(20):  # VERIFY_MISSES_ALLOWED, alternating nodes
        node = "ab"[attempt % 2]
        assert guesser.get("/awards/verify/SOS-2026-AAAA-AAA2/", node=node).status_code == 404

    assert guesser.get("/awards/verify/SOS-2026-AAAA-AAA2/", node="a").status_code == 429
    assert guesser.get("/awards/verify/SOS-2026-AAAA-AAA2/", node="b").status_code == 429
    assert neighbour.get("/awards/verify/SOS-2026-AAAA-AAA2/", node="b").status_code == 404
    stack.guesser = guesser


def test_a_publish_clears_the_page_cache_on_every_node_and_nothing_else(stack):
    visitor = Browser(stack)
    visitor.get("/", node="a")
    assert visitor.get("/", node="a").headers.get("X-Page-Cache") == "hit"
    assert visitor.get("/", node="b").headers.get("X-Page-Cache") == "hit"  # shared

    stack.shell(
        "from cms.models import HomePage; HomePage.objects.first().save_revision().publish()"
    )

    assert "X-Page-Cache" not in visitor.get("/", node="b").headers
    assert visitor.get("/", node="a").headers.get("X-Page-Cache") == "hit"
    # The rate-limit counter in the same Redis database survived the publish.
    if hasattr(stack, "guesser"):
        assert stack.guesser.get("/awards/verify/SOS-2026-AAAA-AAA2/").status_code in (404, 429)
        assert stack.guesser.get("/awards/verify/SOS-2026-AAAA-AAA2/", node="a").status_code == 429


def test_an_export_is_built_by_the_worker_into_the_object_store(stack):
    pk = int(
        stack.shell(
            "from django.utils import timezone; from accounts.models import User; "
            "from reporting.exports.run import export_prepare, data_export_request; "
            "u = User.objects.get(email='admin@example.org'); "
            "p = export_prepare(user=u, kind='applications', params={}); "
            "print(data_export_request(user=u, prepared=p, now=timezone.now(), "
            "base_url='https://awards.example.org').pk)"
        ).split()[-1]
    )
    status = lambda: stack.one("SELECT status, file FROM awards_dataexport WHERE id = %s", pk)  # noqa: E731
    stack.wait_until(lambda: status()[0] != "pending", what="the export")

    state, name = status()
    assert state == "ready"
    assert any(key.endswith(name) for key in stack.objects(stack.private_bucket))


def test_a_node_dies_under_load_and_nothing_is_lost(stack, applicant):
    url = f"https://127.0.0.1:{stack.ports['https']}/"
    load = subprocess.Popen(  # noqa: S603 - wrk, loopback only, bounded
        ["/usr/bin/wrk", "-t2", "-c8", "-d8s", "--timeout", "5s", "-H", f"Host: {HOST}", url],
        stdout=subprocess.PIPE,
        text=True,
    )
    written, failed, moments = [], [], []
    stop, under_way = threading.Event(), threading.Event()

    def keep_saving():
        index = 0
        while not stop.is_set():
            index += 1
            title = f"Link saved under load {index}"
            started = time.monotonic()
            try:
                response = applicant.post_form(
                    f"/apply/organisations/{applicant.organisation}/evidence/add/link/",
                    {"title": title, "url": f"https://example.org/load/{index}"},
                )
                ok = response.status_code == 302
            except requests.RequestException:
                ok = False
            (written if ok else failed).append(title)
            if ok:
                moments.append(time.monotonic())
                if len(written) >= 10:
                    under_way.set()
            elif time.monotonic() - started > 30:
                break

    writer = threading.Thread(target=keep_saving)
    writer.start()
    # The kill comes once saving is well under way (ten writes acknowledged), not after a
    # fixed time: wrk runs for 8 seconds around it.
    assert under_way.wait(timeout=60), "the writer never got going"
    killed_at = time.monotonic()
    stack.kill("node-a")
    output, _ = load.communicate(timeout=60)
    stop.set()
    writer.join(timeout=60)

    total = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1])
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = non_2xx + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    after_kill = [moment for moment in moments if moment > killed_at]
    gap = max(
        (b - a for a, b in zip(moments, moments[1:], strict=False) if b > killed_at), default=0
    )
    print(
        f"\nTOPOLOGY: {total} reads under load, {errors} failed; {len(written)} writes "
        f"acknowledged, {len(failed)} failed (in flight at the kill); "
        f"{len(after_kill)} writes after the kill; longest gap between writes "
        f"across the kill {gap:.2f} s"
    )

    assert total > 100
    assert errors == 0, output
    assert len(failed) <= 1  # only the write in flight on the killed node
    assert after_kill, "writes went on through the surviving node"
    stored = {
        title
        for (title,) in stack.db.execute(
            "SELECT title FROM awards_evidenceitem WHERE title LIKE 'Link saved under load %%'"
        ).fetchall()
    }
    assert set(written) <= stored  # every acknowledged write is there
