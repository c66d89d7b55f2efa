"""generate_scale_data: region-sized data for the benchmark, here at a small size — the associations and
counts asked, everything of an association kept inside it, the same data for the same seed, and never
over associations that already exist."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F

from events.models import Event, Plan, Responsible
from members.models import Account, Association, Person, School
from rounds.models import Kind, ProvisionLine, Report
from textbooks.models import Need, Offer, Textbook, Transfer

pytestmark = pytest.mark.django_db

SMALL = {
    "associations": 3,
    "schools": 9,
    "librarians": 12,
    "titles": 60,
    "offers": 300,
    "needs": 80,
    "years": 2,
    "events": 25,
}


def generate(seed=1, **sizes):
    out = io.StringIO()
    call_command("generate_scale_data", *[f"--{name}={value}" for name, value in {**SMALL, **sizes}.items()],
                 f"--seed={seed}", "--year=2024", stdout=out)  # fmt: skip
    return out.getvalue()


def snapshot():
    """What was made, without the database's ids."""
    return {
        "schools": list(School.objects.order_by("pk").values_list("short_name", "association__slug")),
        "people": list(
            Person.objects.order_by("pk").values_list("surname", "initials", "school__short_name")
        ),
        "textbooks": list(
            Textbook.objects.order_by("pk").values_list(
                "fpu_number", "title", "authors", "grade_from", "grade_to"
            )
        ),
        "offers": list(
            Offer.objects.order_by("pk").values_list(
                "title", "school__short_name", "copies", "available", "grade_from"
            )
        ),
        "needs": list(
            Need.objects.order_by("pk").values_list("title", "school__short_name", "grade", "copies")
        ),
        "events": list(Event.objects.order_by("pk").values_list("title", "dates_text", "status")),
        "transfers": list(
            Transfer.objects.order_by("pk").values_list(
                "offer__title", "to_school__short_name", "copies", "status"
            )
        ),
        "provision": list(
            ProvisionLine.objects.order_by("pk").values_list(
                "report__school__short_name", "grade", "subject", "available"
            )
        ),
    }


def test_makes_a_region_of_the_associations_asked_for():
    output = generate()
    associations = Association.objects.order_by("pk")
    assert list(associations.values_list("slug", "name", "short_name", "city")) == [
        ("region-irkutsk", "ГТО ШБ г. Иркутска", "ГТО ШБ", "Иркутск"),
        ("region-angarsk", "ГТО ШБ г. Ангарска", "ГТО ШБ", "Ангарск"),
        ("region-bratsk", "ГТО ШБ г. Братска", "ГТО ШБ", "Братск"),
    ]
    assert "3 объединения" in output and "region-coordinator" in output
    assert School.objects.count() == 9 and Person.objects.count() == 12
    assert not associations.filter(schools=None).exists()  # no association without a school
    assert not School.objects.filter(persons=None).exists()  # a librarian in every school
    assert not Person.objects.exclude(association=F("school__association")).exists()
    assert Textbook.objects.count() == 60
    assert Textbook.objects.values("title").distinct().count() == 60  # distinct titles, not a few repeated
    assert Offer.objects.count() == 300 and Need.objects.count() == 80

    for association in associations:
        schools = association.schools.count()
        plans = Plan.objects.filter(association=association)
        assert sorted(plans.values_list("year_start", flat=True)) == [2023, 2024]
        assert all(Event.objects.filter(section__plan=plan).count() == 25 for plan in plans)
        # Responsible people are the association's own.
        assert not Responsible.objects.filter(event__section__plan__association=association, person__isnull=False).exclude(
            person__association=association).exists()  # fmt: skip
        head = association.accounts.get(role=Account.Role.HEAD)
        assert head.user.username == f"{association.slug}-head"
        assert head.person.association == association and head.person.is_active
        assert plans.filter(head_name=head.person.printed_name).count() == 2
        assert association.accounts.filter(role=Account.Role.VIEWER).count() == 1
        assert not association.accounts.exclude(person=None).exclude(person__association=association).exists()
        # Two rounds a year, every school of the association asked, none of another.
        assert association.rounds.count() == 2 * 2
        assert Report.objects.filter(round__association=association).count() == 2 * 2 * schools
        assert (
            not Report.objects.filter(round__association=association)
            .exclude(school__association=association)
            .exists()
        )

    coordinator = Account.objects.get(role=Account.Role.COORDINATOR)
    assert coordinator.user.username == "region-coordinator" and coordinator.association is None
    admin = User.objects.get(username="region-admin")
    assert (
        admin.is_superuser and not Account.objects.filter(user=admin).exists()
    )  # the site's administrator, of no association
    # Lines only for the submitted answers of each association's latest past provision round (October 2024).
    lines = (
        ProvisionLine.objects.order_by()
        .values("report__round__kind", "report__round__year_start", "report__status")
        .distinct()
    )
    assert list(lines) == [
        {
            "report__round__kind": Kind.PROVISION,
            "report__round__year_start": 2024,
            "report__status": Report.Status.SUBMITTED,
        }
    ]
    per_report = (
        ProvisionLine.objects.order_by()
        .values("report")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
        .distinct()
    )
    assert list(per_report) == [33]  # 11 grades × 3 subjects
    assert not ProvisionLine.objects.filter(available__gt=F("students")).exists()
    assert not ProvisionLine.objects.exclude(missing=F("students") - F("available")).exists()

    # Keys are filled as saving one by one would fill them; the copies transfers hold are out of `available`.
    offer = Offer.objects.filter(textbook__isnull=True).first()
    title_key, search_text = offer.title_key, offer.search_text
    offer.set_keys()
    assert (offer.title_key, offer.search_text) == (title_key, search_text)
    for transfer in Transfer.objects.filter(status__in=Transfer.HOLDING).select_related("offer"):
        assert transfer.offer.available <= transfer.offer.copies - transfer.copies
    within = Transfer.objects.filter(to_school__association=F("offer__school__association")).count()
    assert (
        within > Transfer.objects.count() / 2
    )  # most within an association, as a librarian looks there first


def test_one_association_for_the_whole_region():
    generate(associations=1)
    association = Association.objects.get()
    assert (
        association.slug == "region"
        and association.city == "Иркутская область"
        and association.short_name == "РО ШБ"
    )
    assert association.schools.count() == 9
    assert association.accounts.get(role=Account.Role.HEAD).user.username == "region-head"


def test_the_same_seed_gives_the_same_data():
    snapshots = []
    for seed in (7, 7, 8):
        with transaction.atomic():
            generate(seed=seed)
            snapshots.append(snapshot())
            transaction.set_rollback(True)
    assert snapshots[0] == snapshots[1]
    assert snapshots[0]["offers"] != snapshots[2]["offers"]


def test_refuses_associations_that_exist():
    generate()
    with pytest.raises(CommandError, match="«region-irkutsk» уже есть"):
        generate()


@pytest.mark.parametrize("sizes, message", [
    ({"associations": 41}, "от 1 до 40"),
    ({"associations": 0}, "от 1 до 40"),
    ({"associations": 5, "schools": 4, "librarians": 4}, "не меньше, чем объединений"),
    ({"librarians": 8}, "по библиотекарю на школу"),
])  # fmt: skip
def test_refuses_impossible_sizes(sizes, message):
    with pytest.raises(CommandError, match=message):
        generate(**sizes)
    assert not Association.objects.exists()
