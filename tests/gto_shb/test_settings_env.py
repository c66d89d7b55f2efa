"""Commands work after `bin/start` with nothing exported: the settings read the project's `.env` (GTO_SHB_ENV_FILE
names another file; the environment wins over it), a production start without SECRET_KEY is one Russian line and
no traceback, and `import_plan` on a site of one association asks for no --association.

Each manage.py here runs in a clean environment (PATH, HOME and what the test gives), with GTO_SHB_ENV_FILE in a
temporary folder, so that a `.env` someone keeps in the project folder is neither read nor touched."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Plan
from members.models import Association
from tests.conftest import SEED_PLAN

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = PYTHON if PYTHON.exists() else Path(sys.executable)
SHOW = "from django.conf import settings as s; print('->', s.DEBUG, s.SECRET_KEY, s.EMAIL_HOST, s.DEFAULT_FROM_EMAIL)"


def run(command, env_file, **env):
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/"),
        "GTO_SHB_ENV_FILE": str(env_file),
    }
    return subprocess.run(
        command, cwd=ROOT, env={**environment, **env}, capture_output=True, text=True, timeout=120
    )


def manage(*args, env_file, **env):
    return run([str(PYTHON), "manage.py", *args], env_file, **env)


def shown(result):
    assert result.returncode == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if line.startswith("->")).split()[1:]


def assert_one_russian_line(result, *words):
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search("[а-яё]", lines[0]), result.stderr
    assert "Traceback" not in result.stderr and all(word in lines[0] for word in words)
    return lines[0]


def test_settings_are_read_from_the_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        '# a comment\n\nSECRET_KEY=from-the-file\nDEBUG=false\nEMAIL_HOST="mail.example.ru"\n'
        "export DEFAULT_FROM_EMAIL='gto@example.ru'\n",
        encoding="utf-8",
    )
    result = manage("shell", "-c", SHOW, env_file=env_file)
    assert shown(result) == ["False", "from-the-file", "mail.example.ru", "gto@example.ru"]


def test_the_environment_wins_over_the_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "SECRET_KEY=from-the-file\nDEBUG=false\nEMAIL_HOST=mail.example.ru\n", encoding="utf-8"
    )
    result = manage("shell", "-c", SHOW, env_file=env_file, SECRET_KEY="from-the-environment", DEBUG="true")
    assert shown(result)[:3] == ["True", "from-the-environment", "mail.example.ru"]


def test_no_env_file_is_no_error(tmp_path):
    result = manage("shell", "-c", SHOW, env_file=tmp_path / "absent", DEBUG="true")
    assert shown(result)[:2] == ["True", "insecure-development-key-do-not-use-in-production"]


def test_manage_py_without_secret_key_in_production_is_one_russian_line(tmp_path):
    result = manage("check", env_file=tmp_path / "absent", DEBUG="false")
    line = assert_one_russian_line(result, "SECRET_KEY", "не задан")
    assert str(tmp_path / "absent") in line  # where to write it


def test_gunicorn_without_secret_key_stops_with_the_same_line_and_no_traceback(tmp_path):
    result = run(
        [str(PYTHON.parent / "gunicorn"), "gto_shb.wsgi", "--bind", "127.0.0.1:0", "--workers", "1"],
        tmp_path / "absent",
        DEBUG="false",
        HOME=str(tmp_path),  # gunicorn's control socket goes there
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    ours = [line for line in result.stderr.splitlines() if re.search("[а-яё]", line)]
    assert len(ours) == 1 and "не задан SECRET_KEY" in ours[0], result.stderr
    assert "App failed to load" in result.stderr  # gunicorn stopped instead of booting the worker again


def test_a_line_of_the_env_file_that_is_not_a_setting_is_one_russian_line(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=true\nSECRET_KEY\n", encoding="utf-8")
    assert_one_russian_line(manage("check", env_file=env_file), "строка 2", "ИМЯ=значение")


def bin_start_writes_env(folder):
    """The block of bin/start that writes .env, run in `folder` (with this project's .venv)."""
    lines = (ROOT / "bin" / "start").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("env_file="))
    end = next(i for i in range(start, len(lines)) if lines[i] == "fi")
    (folder / ".venv").mkdir(exist_ok=True)
    if not (folder / ".venv" / "bin").exists():
        (folder / ".venv" / "bin").symlink_to(PYTHON.parent)
    script = "set -euo pipefail\n" + "\n".join(lines[start : end + 1])
    environment = {
        k: v for k, v in os.environ.items() if k != "GTO_SHB_ENV_FILE"
    }  # the suite's own points away
    return subprocess.run(
        ["bash", "-c", script], cwd=folder, env=environment, capture_output=True, text=True, timeout=60
    )


def test_bin_start_writes_the_env_file_once_and_commands_then_need_nothing_exported(tmp_path):
    assert bin_start_writes_env(tmp_path).returncode == 0
    env_file = tmp_path / ".env"
    written = env_file.read_text(encoding="utf-8")
    assert (env_file.stat().st_mode & 0o777) == 0o600  # the secret key is in it
    key = re.search(r"^SECRET_KEY=(\S+)$", written, re.M).group(1)
    assert len(key) >= 50 and re.search(r"^DEBUG=true$", written, re.M)
    assert not re.search(r"^DATABASE_URL=", written, re.M)  # SQLite
    bin_start_writes_env(tmp_path)
    assert env_file.read_text(encoding="utf-8") == written  # made once: the key stays
    assert shown(manage("shell", "-c", SHOW, env_file=env_file))[:2] == ["True", key]
    # a production start that keeps the file's key
    assert shown(manage("shell", "-c", SHOW, env_file=env_file, DEBUG="false"))[:2] == ["False", key]


def test_the_env_file_is_not_committed():
    assert "/.env" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# ---- import_plan on a site of one association and of two


@pytest.mark.django_db
def test_import_plan_on_a_site_of_one_association_needs_no_association(association, capsys):
    call_command("import_plan", str(SEED_PLAN))
    plan = Plan.objects.get()
    assert plan.association == association and plan.year_start == 2023
    assert "Сохранён план работы на 2023-2024 учебный год" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_plan_on_a_site_of_two_associations_names_them(association, other_association):
    with pytest.raises(CommandError) as refused:
        call_command("import_plan", str(SEED_PLAN), "--check")
    message = str(refused.value)
    assert message.startswith("На сайте несколько объединений, укажите нужное через --association АДРЕС")
    assert "bratsk — ГТО ШБ г. Братска" in message and "ust-ilimsk — ГТО ШБ г. Усть-Илимска" in message
    assert not Plan.objects.exists()
    call_command("import_plan", str(SEED_PLAN), "--association", "bratsk")
    assert Plan.objects.get().association == other_association


@pytest.mark.django_db
def test_import_plan_on_an_empty_site_makes_the_association(db):
    call_command("import_plan", str(SEED_PLAN))
    assert Association.objects.get().slug == "gto-shb" and Plan.objects.count() == 1
