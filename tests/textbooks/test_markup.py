"""The Nu HTML checker finds no error on the exchange bank's pages."""

import json
import subprocess

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.test_markup import VNU

from .pages import bank_pages, load_demo

pytestmark = pytest.mark.skipif(not VNU.exists(), reason="vnu.jar comes from npm (bin/setup --browser)")


@pytest.mark.django_db
def test_bank_pages_have_valid_markup(tmp_path):
    load_demo()
    files = {}
    for username, name, url in bank_pages():
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(url)
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", "--stdout", *files],
        capture_output=True, text=True, check=True,
    )
    errors = [
        f"{files.get(m['url'].removeprefix('file:'), m['url'])}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stdout)["messages"]
        if m["type"] == "error"
    ]
    assert not errors, "\n".join(errors)
