"""generate_scale_data: region-sized data for the benchmark, here at a small size — the counts asked,
the same data for the same seed, and never over an association that already exists."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from events.models import Event, Plan
from members.models import Account, Association, Person, School
from rounds.models import Report
from textbooks.models import Need, Offer, Textbook, Transfer

pytestmark = pytest.mark.django_db

SMALL = {"schools": 6, "librarians": 8, "titles": 60, "offers": 300, "needs": 80, "years": 2, "events": 25}


def generate(seed=1, **sizes):
    call_command("generate_scale_data", *[f"--{name}={value}" for name, value in {**SMALL, **sizes}.items()],
                 f"--seed={seed}", "--year=2024", stdout=io.StringIO())  # fmt: skip
    return Association.objects.get(slug="region")


def snapshot():
    """What was made, without the database's ids."""
    return {
        "schools": list(School.objects.order_by("pk").values_list("short_name", flat=True)),
        "people": list(Person.objects.order_by("pk").values_list("surname", "initials", "school__short_name")),
        "textbooks": list(Textbook.objects.order_by("pk").values_list("fpu_number", "title", "authors", "grade_from", "grade_to")),
        "offers": list(Offer.objects.order_by("pk").values_list("title", "school__short_name", "copies", "available", "grade_from")),
        "needs": list(Need.objects.order_by("pk").values_list("title", "school__short_name", "grade", "copies")),
        "events": list(Event.objects.order_by("pk").values_list("title", "dates_text", "status")),
        "transfers": list(Transfer.objects.order_by("pk").values_list("offer__title", "to_school__short_name", "copies", "status")),
    }


def test_makes_what_it_is_asked_for():
    association = generate()
    assert School.objects.filter(association=association).count() == 6
    assert Person.objects.filter(association=association).count() == 8
    assert not School.objects.filter(association=association, persons=None).exists()  # a librarian in every school
    assert Textbook.objects.count() == 60
    assert Textbook.objects.values("title").distinct().count() == 60  # distinct titles, not a few repeated
    assert Offer.objects.filter(school__association=association).count() == 300
    assert Need.objects.filter(school__association=association).count() == 80
    plans = Plan.objects.filter(association=association)
    assert sorted(plans.values_list("year_start", flat=True)) == [2023, 2024]
    assert all(Event.objects.filter(section__plan=plan).count() == 25 for plan in plans)
    assert Report.objects.filter(round__association=association).count() == 2 * 2 * 6
    roles = set(Account.objects.filter(association=association).values_list("role", flat=True))
    assert roles == {Account.Role.HEAD, Account.Role.LIBRARIAN, Account.Role.VIEWER}
    assert association.accounts.get(role=Account.Role.HEAD).user.username == "region-head"
    # Keys are filled as saving one by one would fill them; the copies transfers hold are out of `available`.
    offer = Offer.objects.filter(textbook__isnull=True).first()
    title_key, search_text = offer.title_key, offer.search_text
    offer.set_keys()
    assert (offer.title_key, offer.search_text) == (title_key, search_text)
    for transfer in Transfer.objects.filter(status__in=Transfer.HOLDING).select_related("offer"):
        assert transfer.offer.available <= transfer.offer.copies - transfer.copies


def test_the_same_seed_gives_the_same_data():
    snapshots = []
    for seed in (7, 7, 8):
        with transaction.atomic():
            generate(seed=seed)
            snapshots.append(snapshot())
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert snapshots[0]["offers"] != snapshots[2]["offers"]


def test_refuses_an_association_that_exists():
    generate()
    with pytest.raises(CommandError, match="уже есть"):
        generate()
