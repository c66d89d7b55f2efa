"""The main pages of the site, as each kind of person sees them, on the demo data (`manage.py setup_demo`).

The accessibility, markup, phone-width and screenshot checks all walk this one list.
"""

from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from contests.models import Contest
from events.models import Plan
from meetings.models import Meeting
from members.models import Person, School
from rounds.models import Report, Round
from tests.textbooks.pages import bank_pages


def load_demo():
    """The demo data, plus one open report round so the round pages have content."""
    import datetime
    from io import StringIO

    from django.utils import timezone

    from rounds.models import Kind
    from rounds.services import open_round

    call_command("setup_demo", stdout=StringIO())
    plan = Plan.objects.get(association__slug="ust-ilimsk")
    head = User.objects.get(username="sablina")
    if not Round.objects.filter(association=plan.association).exists():
        open_round(
            plan.association,
            head,
            Kind.PROVISION,
            "Обеспеченность учебниками на 2025-2026 учебный год",
            2025,
            timezone.localdate() + datetime.timedelta(days=14),
            School.objects.filter(association=plan.association),
        )
    return plan


def main_pages():
    """[(login or None, name, url)] — computed after load_demo()."""
    plan = Plan.objects.get(association__slug="ust-ilimsk")
    slug, year = plan.association.slug, plan.year_name
    kuklina = Person.objects.get(surname="Куклина")
    round_ = Round.objects.get(association=plan.association)
    school = kuklina.school
    report = Report.objects.get(round=round_, school=school)
    meeting = Meeting.objects.get(event__section__plan=plan, event__meeting_number=1)
    classic = Contest.objects.get(event__section__plan=plan, event__title__contains="Живая классика")
    poets = Contest.objects.get(event__section__plan=plan, event__title__contains="Сад поэзии")
    pages = [
        (None, "home", reverse("home")),
        (None, "login", reverse("login")),
        (None, "plan", reverse("events:plan", args=[slug, year])),
        (None, "calendar", reverse("events:plan_calendar", args=[slug, year]) + "?month=2023-10"),
        (None, "privacy", reverse("privacy")),
        ("sablina", "head-home", reverse("home")),
        ("sablina", "head-plan", reverse("events:plan", args=[slug, year])),
        ("sablina", "head-plan-header", reverse("events:plan_edit", args=[slug, year])),
        ("sablina", "head-plan-import", reverse("events:plan_import")),
        (
            "sablina",
            "head-event",
            reverse("events:event_edit", args=[plan.sections.first().events.first().pk]),
        ),
        ("sablina", "head-people", reverse("members:people")),
        ("sablina", "head-overview", reverse("members:overview")),
        ("sablina", "head-librarian-card", reverse("members:person", args=[kuklina.pk])),
        ("sablina", "head-consent", reverse("members:consent_add", args=[kuklina.pk])),
        ("sablina", "head-schools", reverse("members:schools")),
        ("sablina", "head-rounds", reverse("rounds:rounds")),
        ("sablina", "head-round", reverse("rounds:round", args=[round_.pk])),
        ("sablina", "head-meetings", reverse("meetings:list") + f"?year={year}"),
        ("sablina", "head-meeting", reverse("meetings:meeting", args=[meeting.pk])),
        ("sablina", "head-attendance", reverse("meetings:attendance", args=[meeting.pk])),
        ("sablina", "head-agenda-item", reverse("meetings:item_edit", args=[meeting.items.first().pk])),
        ("sablina", "head-contests", reverse("contests:list") + f"?year={year}"),
        ("sablina", "head-contest", reverse("contests:contest", args=[classic.pk])),
        ("sablina", "head-contest-setup", reverse("contests:setup", args=[poets.pk])),
        ("sablina", "head-contest-results", reverse("contests:results", args=[classic.pk])),
        ("sablina", "head-score-sheet", reverse("contests:score_sheet", args=[classic.jury.first().pk])),
        ("kuklina", "librarian-contest", reverse("contests:contest", args=[poets.pk])),
        ("kuklina", "librarian-entry", reverse("contests:entry_add", args=[poets.pk])),
        ("kuklina", "librarian-entries-upload", reverse("contests:entries_upload", args=[poets.pk])),
        ("kuklina", "librarian-home", reverse("home")),
        ("kuklina", "librarian-card", reverse("members:person", args=[kuklina.pk])),
        ("kuklina", "librarian-card-edit", reverse("members:person_edit", args=[kuklina.pk])),
        ("kuklina", "librarian-course", reverse("members:course_add", args=[kuklina.pk])),
        ("kuklina", "librarian-school", reverse("members:school", args=[school.pk])),
        ("kuklina", "librarian-report", reverse("rounds:report", args=[report.pk])),
    ]
    return pages + bank_pages()
