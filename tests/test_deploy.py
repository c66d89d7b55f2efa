"""Production settings: `manage.py check --deploy` prints no warning; a missing SECRET_KEY stops the start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment["GTO_SHB_ENV_FILE"] = os.devnull  # not the checkout's own .env (bin/start writes one)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_check_deploy_has_no_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x7Gk2-production-secret-key-with-enough-length-and-variety-9Qz",
        ALLOWED_HOSTS="gto-shb.example.ru",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_refuses_to_start():
    result = manage("check", DEBUG="false", ALLOWED_HOSTS="gto-shb.example.ru")
    assert result.returncode == 1
    assert "не задан SECRET_KEY" in result.stderr and "Traceback" not in result.stderr


def test_debug_must_be_true_or_false():
    result = manage("check", DEBUG="maybe")
    assert result.returncode == 1 and "DEBUG должно быть true или false" in result.stderr
    assert "Traceback" not in result.stderr


def test_collectstatic_for_production(tmp_path):
    """WhiteNoise's manifest storage rewrites every reference in the collected CSS and JS: a reference to a
    file that is not there (a source map the vendored Bootstrap named) stops `collectstatic` in production."""
    result = manage(
        "collectstatic",
        "--noinput",
        DEBUG="false",
        SECRET_KEY="x7Gk2-production-secret-key-with-enough-length-and-variety-9Qz",
        ALLOWED_HOSTS="gto-shb.example.ru",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()
