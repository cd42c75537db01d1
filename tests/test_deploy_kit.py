"""The deployment kit in deploy/ is exercised, not just shipped (production issue).

- deploy/.env.example lists every variable the settings read;
- the nginx site passes ``nginx -t`` (Debian's nginx; .ci/run installs it) and, in front of the
  web unit's own gunicorn command on the production settings, serves the health check over TLS
  and the static files itself;
- the systemd units start commands that exist.

The full topology (two app nodes, worker, scheduler, object store, ClamAV, a node killed under
load) runs in tests/topology (`make topology`).
"""

import ast
import configparser
import datetime
import os
import pathlib
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.management import get_commands

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
ENV_READERS = {"get", "env_bool", "env_list", "env_int"}
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(not os.path.exists(NGINX), reason="needs Debian's nginx")


def _variables_read_by_settings() -> set[str]:
    names = set()
    for path in (ROOT / "config" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            named = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if called in ENV_READERS and named and first.value.isupper():
                names.add(first.value)
    return names


def _example() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name] = value
    return pairs


def test_the_example_environment_lists_every_variable_the_settings_read():
    read = _variables_read_by_settings()
    assert {"SECRET_KEY", "REDIS_URL", "AWS_S3_ENDPOINT_URL", "DEFAULT_FROM_EMAIL"} <= read
    assert read - set(_example()) == set()
    # ...and nothing the settings never read (DJANGO_SETTINGS_MODULE chooses them).
    assert set(_example()) - read == {
        "DJANGO_SETTINGS_MODULE",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
    }
    # Secrets are left empty: production refuses to start without a real one.
    assert _example()["SECRET_KEY"] == ""


def _units() -> dict[str, configparser.ConfigParser]:
    units = {}
    for path in sorted((DEPLOY / "systemd").glob("*.service")):
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str
        parser.read(path)
        units[path.stem] = parser
    return units


def test_the_units_run_web_worker_and_scheduler_with_commands_that_exist():
    units = _units()
    assert set(units) == {"sanctuary-web", "sanctuary-worker", "sanctuary-scheduler"}
    commands = get_commands()
    for name, unit in units.items():
        service = unit["Service"]
        assert service["EnvironmentFile"] == "/etc/sanctuary/sanctuary.env", name
        argv = shlex.split(service["ExecStart"])
        if name == "sanctuary-web":
            assert argv[0].endswith("/gunicorn") and argv[1] == "config.wsgi"
            assert "check --deploy" in service["ExecStartPre"]
        else:
            assert argv[1] == "manage.py" and argv[2] in commands, name


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _certificate(directory: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "awards.example.org")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _as_root() -> str:
    return " user root;" if os.geteuid() == 0 else ""


def _site(
    tmp_path, *, http: int, https: int, app: int, static: pathlib.Path, second: int | None = None
) -> pathlib.Path:
    """The shipped site, with only addresses and paths changed for this machine: the first
    node at ``app``, the second at ``second`` (by default a port nobody listens on)."""
    cert, key = _certificate(tmp_path)
    site = (DEPLOY / "nginx" / "sanctuary.conf").read_text()
    replacements = {
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
        "listen 80;": f"listen 127.0.0.1:{http};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "server 10.0.0.11:8000": f"server 127.0.0.1:{app}",
        "server 10.0.0.12:8000": f"server 127.0.0.1:{second or _free_port()}",
        "/etc/letsencrypt/live/awards.example.org/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/awards.example.org/privkey.pem": str(key),
        "/srv/sanctuary/staticfiles/": f"{static}/",
    }
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    main = tmp_path / "nginx.conf"
    (tmp_path / "logs").mkdir()
    main.write_text(
        # Workers as root only so that they can read this test's private temporary folder.
        f"daemon off; pid nginx.pid; error_log logs/error.log;{_as_root()}\n"
        "events { worker_connections 64; }\n"
        "http { access_log off; client_body_temp_path tmp; proxy_temp_path tmp;\n"
        "  fastcgi_temp_path tmp; uwsgi_temp_path tmp; scgi_temp_path tmp;\n"
        f"  include /etc/nginx/mime.types;\n{site}\n}}\n"
    )
    (tmp_path / "tmp").mkdir()
    return main


@needs_nginx
def test_nginx_accepts_the_site(tmp_path):
    main = _site(tmp_path, http=_free_port(), https=_free_port(), app=8000, static=tmp_path)
    result = subprocess.run(  # noqa: S603 - Debian's nginx
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 120.0) -> None:
    """Until something listens on ``port``. Between tries it waits on ``process`` itself, so a
    process that dies is reported at once; the deadline only bounds a hang."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        try:
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        output = process.stderr.read() if process.stderr else ""
        raise AssertionError(f"{process.args[0]} exited ({process.returncode}) {output}")
    raise AssertionError(f"nothing listened on {port}")


@needs_nginx
def test_nginx_in_front_of_the_web_units_gunicorn(tmp_path):
    app, http, https = _free_port(), _free_port(), _free_port()
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "site.abc123.css").write_text("body{}")
    web = _units()["sanctuary-web"]["Service"]["ExecStart"]
    argv = shlex.split(web)
    argv[0] = str(pathlib.Path(sys.executable).with_name("gunicorn"))
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{app}"
    argv[argv.index("--workers") + 1] = "1"
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        **{k: v for k, v in _example().items() if v},
        "SECRET_KEY": "k7P2-vQ9xL_4mZ8bN1cR6tY3wE0aS5dF-hJ2gK9lU7iO4pA1sD8fG3hJ6kL0zX5c",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "LOG_FORMAT": "plain",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
        "SANCTUARY_VAR_DIR": str(tmp_path / "var"),
    }
    environment.pop("AWS_STORAGE_BUCKET_NAME")
    environment.pop("AWS_PUBLIC_BUCKET_NAME")
    gunicorn = subprocess.Popen(  # noqa: S603 - the unit's own command
        argv, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    nginx = subprocess.Popen(  # noqa: S603 - Debian's nginx
        [
            NGINX,
            "-p",
            str(tmp_path),
            "-c",
            str(_site(tmp_path, http=http, https=https, app=app, static=static)),
        ],
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(app, gunicorn)
        _wait_for(https, nginx)
        context = ssl.create_default_context(cafile=tmp_path / "fullchain.pem")
        context.check_hostname = False

        def get(path: str, port: int = https, scheme: str = "https"):
            request = urllib.request.Request(  # noqa: S310 - our own local nginx
                f"{scheme}://127.0.0.1:{port}{path}", headers={"Host": "awards.example.org"}
            )
            opener = urllib.request.build_opener(
                urllib.request.HTTPSHandler(context=context), _NoRedirect()
            )
            try:
                return opener.open(request, timeout=20)
            except urllib.error.HTTPError as error:
                return error

        # Over TLS to the app (one app node is down: nginx passes over it).
        for _ in range(4):
            health = get("/health/")
            assert health.status == 200
            assert health.headers["Strict-Transport-Security"]
        # Static files from nginx itself, cached for a year.
        css = get("/static/css/site.abc123.css")
        assert css.status == 200 and "immutable" in css.headers["Cache-Control"]
        # Plain HTTP is sent to HTTPS.
        plain = get("/health/", port=http, scheme="http")
        assert plain.status == 301 and plain.headers["Location"].startswith("https://")
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
            process.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
