"""The production topology on one machine, for ``make topology``.

Debian's nginx (the shipped site) in front of two gunicorn nodes on the production settings;
PostgreSQL (a database of its own); Redis (a database index of its own); an S3-compatible
object store (moto's server, in the test process); ClamAV's daemon with a local test
signature (no signature download is possible here); the task worker and the scheduler. Every
process is the command the deploy/ units run, with only addresses and paths changed.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import secrets
import signal
import subprocess
import sys
import time
import uuid

import boto3
import psycopg
import redis
from moto.server import ThreadedMotoServer

from core.scanning import EICAR
from tests.test_deploy_kit import ROOT, _free_port, _site, _wait_for

PG = "postgresql://postgres@127.0.0.1:5432"
REDIS_DB = 13
HOST = "awards.example.org"
SECRET = "t0p0l0gy-" + "k7P2vQ9xL4mZ8bN1cR6tY3wE0aS5dFhJ2gK9lU7iO4pA1sD8fG3hJ6kL0zX5c"
HEALTH_TOKEN = "topology-health-token"
PYTHON = sys.executable
GUNICORN = str(pathlib.Path(sys.executable).with_name("gunicorn"))


class Stack:
    """Start with ``with Stack(tmp) as stack:``; everything stops and is dropped on exit."""

    def __init__(self, directory: pathlib.Path):
        self.dir = directory
        self.database = f"sanctuary_topology_{uuid.uuid4().hex[:8]}"
        self.private_bucket = f"private-{uuid.uuid4().hex[:8]}"
        self.public_bucket = f"public-{uuid.uuid4().hex[:8]}"
        self.processes: dict[str, subprocess.Popen] = {}
        self.ports = {name: _free_port() for name in ("a", "b", "http", "https", "clamd")}
        self.exit = contextlib.ExitStack()

    # --- environment --------------------------------------------------------------------

    def environment(self, settings: str = "config.settings.production") -> dict[str, str]:
        kept = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("AWS_", "DJANGO_", "SANCTUARY_")) and key != "DATABASE_URL"
        }
        return {
            **kept,
            "DJANGO_SETTINGS_MODULE": settings,
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": HOST,
            "BASE_URL": f"https://{HOST}",
            "DATABASE_URL": f"{PG}/{self.database}",
            "CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "AWS_STORAGE_BUCKET_NAME": self.private_bucket,
            "AWS_PUBLIC_BUCKET_NAME": self.public_bucket,
            "AWS_S3_ENDPOINT_URL": self.s3_endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "SANCTUARY_VIRUS_SCANNER": "core.scanning.clamd",
            "CLAMD_ADDRESS": f"tcp://127.0.0.1:{self.ports['clamd']}",
            "TRUSTED_PROXY_COUNT": "1",
            "BEHIND_TLS_PROXY": "true",
            "STATIC_ROOT": str(self.dir / "static"),
            "MEDIA_ROOT": str(self.dir / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.dir / "private-media"),
            "SANCTUARY_VAR_DIR": str(self.dir / "var"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "HEALTH_TOKEN": HEALTH_TOKEN,
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args: str, settings: str = "config.settings.production", **extra):
        return subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.environment(settings), **extra},
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )

    def shell(self, code: str) -> str:
        """Run Python in a process of its own on the production settings (a third node)."""
        return self.manage("shell", "--no-imports", "-c", code).stdout

    # --- lifecycle ----------------------------------------------------------------------

    def __enter__(self) -> Stack:
        try:
            self._object_store()
            self._database()
            self._clamd()
            self._nodes()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _object_store(self):
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        self.exit.callback(server.stop)
        host, port = server.get_host_and_port()
        self.s3_endpoint = f"http://{host}:{port}"
        self.s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        for bucket in (self.private_bucket, self.public_bucket):
            self.s3.create_bucket(Bucket=bucket)

    def _database(self):
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        self.exit.callback(self._drop_database)
        redis.Redis(db=REDIS_DB).flushdb()
        self.manage("migrate", "--no-input")
        # The demo data, its files written to the object store like any upload.
        self.manage("load_demo_data", settings="config.settings.dev")
        self.manage("collectstatic", "--no-input")
        self.db = psycopg.connect(f"{PG}/{self.database}", autocommit=True)
        self.exit.callback(self.db.close)

    def _drop_database(self):
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def _clamd(self):
        signatures = self.dir / "clamav"
        signatures.mkdir()
        # A body signature for the EICAR test string, anywhere in any file.
        (signatures / "sanctuary-test.ndb").write_text(f"Sanctuary-Test-EICAR:0:*:{EICAR.hex()}\n")
        config = self.dir / "clamd.conf"
        config.write_text(
            f"DatabaseDirectory {signatures}\nTCPSocket {self.ports['clamd']}\n"
            "TCPAddr 127.0.0.1\nForeground yes\nStreamMaxLength 30M\n"
            f"LogFile {self.dir / 'clamd.log'}\n"
        )
        self._start("clamd", ["/usr/sbin/clamd", "-c", str(config)], env=os.environ.copy())
        _wait_for(self.ports["clamd"], self.processes["clamd"])

    def _nodes(self):
        environment = self.environment()
        for node in ("a", "b"):
            self._start(
                f"node-{node}",
                [
                    GUNICORN,
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.ports[node]}",
                    "--workers",
                    "2",
                    "--timeout",
                    "60",
                ],
                env=environment,
            )
        self._start("worker", [PYTHON, "manage.py", "db_worker"], env=environment)
        self._start("scheduler", [PYTHON, "manage.py", "scheduler"], env=environment)
        site = _site(
            self.dir,
            http=self.ports["http"],
            https=self.ports["https"],
            app=self.ports["a"],
            second=self.ports["b"],
            static=self.dir / "static",
        )
        self._start(
            "nginx", ["/usr/sbin/nginx", "-p", str(self.dir), "-c", str(site)], env=os.environ
        )
        for name, port in (("node-a", "a"), ("node-b", "b"), ("nginx", "https")):
            _wait_for(self.ports[port], self.processes[name])

    def _start(self, name: str, argv: list[str], *, env) -> None:
        log = open(self.dir / f"{name}.log", "wb")  # noqa: SIM115 - closed on exit
        self.exit.callback(log.close)
        process = subprocess.Popen(  # noqa: S603 - the units' own commands
            # A process group of its own, so that a node dies with all its workers.
            argv,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.stderr = None
        self.processes[name] = process
        self.exit.callback(self._stop, name)

    def _stop(self, name: str) -> None:
        process = self.processes[name]
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def kill(self, name: str) -> None:
        """As a machine dies: every process of it at once, no goodbye."""
        os.killpg(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait()

    def log(self, name: str) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")

    def __exit__(self, *exc_info):
        self.exit.close()

    # --- reading the state --------------------------------------------------------------

    def one(self, sql: str, *params):
        return self.db.execute(sql, params).fetchone()

    def wait_until(self, predicate, *, seconds: float = 120.0, what: str = "") -> None:
        """Poll another process's work (a scan, an export) until it shows. Nothing is
        asserted about how long it took; the deadline only bounds a hang."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.25)
        raise AssertionError(f"timed out waiting for {what or predicate}")

    def objects(self, bucket: str) -> list[str]:
        listing = self.s3.list_objects_v2(Bucket=bucket)
        return [item["Key"] for item in listing.get("Contents", [])]


def random_visitor() -> str:
    return f"198.51.100.{secrets.randbelow(200) + 20}"
