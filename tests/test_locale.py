"""The Russian catalog: every plural entry has its three forms, and the compiled .mo says the same as the .po."""

import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import ngettext

PO = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"
PLURAL = re.compile(
    r'^msgid "(.*)"\nmsgid_plural "(.*)"\nmsgstr\[0\] "(.*)"\nmsgstr\[1\] "(.*)"\nmsgstr\[2\] "(.*)"\nmsgstr\[3\] "(.*)"',
    re.M,
)


def plural_entries():
    return PLURAL.findall(PO.read_text(encoding="utf-8"))


def test_catalog_has_plural_entries():
    assert len(plural_entries()) >= 10


@pytest.mark.parametrize("entry", plural_entries(), ids=lambda entry: entry[0][:40])
def test_plural_entry_is_filled_and_compiled(entry):
    singular, plural, one, few, many, _ = entry
    assert one and few and many, f"fill msgstr[0..3] for «{singular}» in {PO.name}"
    with translation.override("ru"):
        # 2 takes the «few» form; a stale .mo (compilemessages not run) gives the English fallback
        assert ngettext(singular, plural, 2) == few.replace('\\"', '"')
        assert ngettext(singular, plural, 5) == many.replace('\\"', '"')
