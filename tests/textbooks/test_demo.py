"""The README's first command fills the exchange bank: the sample ФПУ, offers and needs that match, transfers."""

from io import StringIO

import pytest
from django.core.management import call_command

from textbooks.models import Need, Offer, Textbook, Transfer

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def test_demo_fills_the_bank_with_matches_and_marks():
    output = run()
    assert (
        "Обменный фонд учебников: перечень — 40 учебников (4 исключены новым перечнем), 12 предложений и 6 потребностей"
        in output
    )
    assert Textbook.objects.count() == 40 and Textbook.objects.filter(excluded=True).count() == 4
    offers, needs = Offer.objects.all(), Need.objects.all()
    assert offers.values("school").distinct().count() >= 8 and needs.values("school").distinct().count() >= 3
    matched = [need for need in needs if Offer.objects.matching(need).exists()]
    assert len(matched) >= 4
    assert any(offer.fpu_status() == "excluded" for offer in offers)
    assert any(offer.textbook is None for offer in offers)  # typed in, matched by title and author
    kuklina_school = Offer.objects.filter(school__short_name="МАОУ СОШ № 1").first().school
    assert Transfer.objects.filter(
        offer__school=kuklina_school, status="requested"
    ).exists()  # for «kuklina» to decide
    assert set(Transfer.objects.values_list("status", flat=True)) == {"requested", "agreed", "handed_over"}


def test_demo_runs_twice_without_duplicates():
    run()
    counts = (Textbook.objects.count(), Offer.objects.count(), Need.objects.count(), Transfer.objects.count())
    assert "Обменный фонд учебников уже заполнен." in run()
    assert (
        Textbook.objects.count(),
        Offer.objects.count(),
        Need.objects.count(),
        Transfer.objects.count(),
    ) == counts
