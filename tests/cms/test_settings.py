"""The production settings: loud failure without secrets, clean deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x" * 20 + "production-settings-test-secret-value-0123456789"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "REDIS_URL",
            "SANCTUARY_VIRUS_SCANNER",
            "CLAMD_ADDRESS",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="awards.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=SECRET)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_passes_deploy_checks_and_enforces_two_factor():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING'); "
        "print('MFA', settings.SANCTUARY_REQUIRE_MFA, settings.TASKS['default']['BACKEND'])",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="awards.example.org",
        # What a deployment sets (and the deployment checks insist on).
        SANCTUARY_VIRUS_SCANNER="core.scanning.clamd",
        CLAMD_ADDRESS="tcp://clamav.internal:3310",
        REDIS_URL="redis://redis.internal:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert "MFA True django_tasks_db.DatabaseBackend" in result.stdout
