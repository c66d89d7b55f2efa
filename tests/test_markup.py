"""The Nu HTML checker (vnu.jar from npm, run by Java) finds no error on the main pages."""

import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.pages import load_demo, main_pages

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.django_db
def test_main_pages_have_valid_markup(tmp_path):
    load_demo()
    files = {}
    for username, name, url in main_pages():
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        response = client.get(url)
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", "--stdout", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = [
        f"{files.get(m['url'].removeprefix('file:'), m['url'])}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stdout)["messages"]
        if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors)
