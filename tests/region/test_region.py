"""The region: the coordinator sees every association side by side and reads inside each, changing nothing;
one association's people never reach another's drafts, records or answers."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Plan, Section
from members.models import Account, Person, School
from region.summary import regional_summary
from rounds.models import Kind, ProvisionLine, Report
from rounds.services import open_round
from tests.conftest import make_account
from tests.reports.conftest import pdf_text, sheet_rows, workbook
from textbooks import services as bank
from textbooks.models import Offer, default_return_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(plan, other_association, head_user, school, other_school, association):
    """Association A (the `plan` fixture's) with 1 of 3 events done, a provision round and copies moved;
    association B with its own draft plan."""
    Event.objects.filter(title="Круглый стол").update(status=Event.Status.DONE)
    plan.year_start = 2024
    plan.save()
    round_ = open_round(
        association, head_user, Kind.PROVISION, "Обеспеченность", 2024, timezone.localdate(), [school]
    )
    report = Report.objects.get(round=round_)
    ProvisionLine.objects.create(
        report=report, grade=5, subject="Математика", students=50, available=40, missing=10
    )
    report.submit(head_user)
    offer = Offer.objects.create(
        school=school,
        title="Физика. 7 класс",
        authors="Пёрышкин А.В.",
        grade_from=7,
        grade_to=7,
        copies=8,
        available=8,
    )
    transfer = bank.request_transfer(offer, other_school, 3, default_return_by())
    bank.agree(transfer.pk)
    bank.hand_over(transfer.pk, datetime.date(2024, 10, 1))
    other_plan = Plan.objects.create(association=other_association, year_start=2024, goal="Цель Братска")
    Section.objects.create(plan=other_plan, position=1, title="Раздел Братска")
    return plan, other_plan


def test_summary_per_association(two, association, other_association):
    rows = {row.association: row for row in regional_summary(2024)}
    a, b = rows[association], rows[other_association]
    assert (a.events, a.done, a.done_percent, a.provision_percent, a.copies_moved) == (3, 1, 33, 80, 3)
    assert (b.events, b.done_percent, b.provision_percent, b.copies_moved) == (0, None, None, 0)


def test_coordinator_page_and_exports(client, coordinator_user, two):
    client.force_login(coordinator_user)
    html = client.get(reverse("region:region") + "?year=2024").content.decode()
    assert "1 / 3 (33 %)" in html and "80 %" in html
    rows = sheet_rows(
        workbook(client.get(reverse("region:download", args=["xlsx"]) + "?year=2024").content).worksheets[0]
    )
    assert rows[0][0] == "Объединение" and ["ГТО ШБ г. Усть-Илимска", 3, 1, 33, 80, 3] in rows
    assert "ГТО ШБ г. Братска" in pdf_text(
        client.get(reverse("region:download", args=["pdf"]) + "?year=2024").content
    )


def test_coordinator_reads_inside_each_association_and_changes_nothing(
    client, coordinator_user, two, association, other_association
):
    plan, other_plan = two
    client.force_login(coordinator_user)
    for chosen, readable, hidden in [(association, plan, other_plan), (other_association, other_plan, plan)]:
        client.post(reverse("region:choose", args=[chosen.pk]))
        assert client.get(readable.get_absolute_url()).status_code == 200  # drafts included
        assert client.get(hidden.get_absolute_url()).status_code == 404
    client.post(reverse("region:choose", args=[association.pk]))
    event = Event.objects.get(title="Круглый стол")
    assert (
        client.post(reverse("events:event_status", args=[event.pk]), {"status": "cancelled"}).status_code
        == 403
    )
    assert (
        client.post(
            reverse("events:plan_publish", args=[association.slug, plan.year_name]), {"publish": "1"}
        ).status_code
        == 403
    )
    person = Person.objects.get(surname="Саблина")
    assert (
        client.post(reverse("members:person_edit", args=[person.pk]), {"surname": "Иванова"}).status_code
        == 403
    )
    event.refresh_from_db()
    plan.refresh_from_db()
    person.refresh_from_db()
    assert (event.status, plan.is_published, person.surname) == ("done", False, "Саблина")
    html = client.get(reverse("home")).content.decode()
    assert "Региональный координатор" in html


def test_other_associations_people_reach_nothing(
    other_head_user, two, association, other_association, school
):
    plan, _ = two
    brat_school = School.objects.create(
        association=other_association, name="Школа Братска", short_name="МБОУ СОШ № 1 (Братск)"
    )
    person = Person.objects.create(
        association=other_association, surname="Петрова", initials="А.А.", school=brat_school
    )
    outsiders = [other_head_user, make_account(other_association, Account.Role.LIBRARIAN, "brat-lib", person)]
    report = Report.objects.get(round__association=association)
    sablina = Person.objects.get(surname="Саблина")
    for user in outsiders:
        outsider = Client()
        outsider.force_login(user)
        assert outsider.get(plan.get_absolute_url()).status_code == 404
        assert outsider.get(reverse("members:person", args=[sablina.pk])).status_code == 404
        assert outsider.get(reverse("rounds:report", args=[report.pk])).status_code == 404
        assert (
            outsider.post(reverse("members:person_edit", args=[sablina.pk]), {"surname": "Х"}).status_code
            == 404
        )
        assert (
            outsider.post(reverse("members:school_edit", args=[school.pk]), {"name": "Х"}).status_code == 404
        )
    sablina.refresh_from_db()
    school.refresh_from_db()
    assert sablina.surname == "Саблина" and school.name.startswith("Муниципальное")


def test_a_head_is_not_a_coordinator(head_client):
    assert head_client.get(reverse("region:region")).status_code == 403
