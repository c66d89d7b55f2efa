"""The structure's own rules (the import layers are lint-imports' job, in bin/check)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ROLE_COMPARISON = re.compile(r"\.role\s*(?:==|!=|\bin\b|\bnot in\b)|\bRole\.[A-Z]+")
TEMPLATE_ROLE = re.compile(r"\.role\s*(?:==|!=)|\brole\s*==")


def view_modules():
    for path in ROOT.glob("*/*.py"):
        if path.name == "views.py" or path.name.endswith("_views.py"):
            yield path


def test_no_view_compares_roles():
    """Views ask the access helpers and the getters' Rights (members.access), never the role itself."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in view_modules()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ROLE_COMPARISON.search(line)
    ]
    assert list(view_modules()), "no views found"
    assert not found, "\n".join(found)


def test_no_template_compares_roles():
    """Templates read the account's flags (is_head, is_librarian, is_reader), not its role's string."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in (ROOT / "templates").rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if TEMPLATE_ROLE.search(line)
    ]
    assert not found, "\n".join(found)


@pytest.mark.django_db
def test_every_page_names_the_sites_icon(client):
    from django.contrib.staticfiles import finders

    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("img/favicon.svg")


def test_every_label_a_form_declares_starts_with_a_capital_letter():
    import importlib
    import inspect

    from django import forms

    lower = []
    for name in ["members.forms", "events.forms", "textbooks.forms", "rounds.forms"]:
        module = importlib.import_module(name)
        for _, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == name:
                for field_name, field in form.declared_fields.items():
                    label = str(field.label or "")
                    if label and label[0].isalpha() and not label[0].isupper():
                        lower.append(f"{name}.{form.__name__}.{field_name}: «{label}»")
    assert not lower, "\n".join(lower)


def test_the_russian_catalog_has_no_guessed_translation():
    """makemessages marks «fuzzy» what it guessed from another sentence («Календарь мероприятий» once got «В плане
    %(count)d мероприятие»): every entry is written by hand or left empty."""
    catalog = (ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in catalog
