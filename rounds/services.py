from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.formats import format_date
from core.years import academic_year_bounds
from members.models import Association, Person, School
from rounds.models import Kind, ProvisionLine, Report, Round


@transaction.atomic
def open_round(
    association: Association,
    user,
    kind: str,
    title: str,
    year_start: int,
    deadline: datetime.date,
    schools,
) -> Round:
    """A new round with an empty report for each school asked.

    The form refuses a deadline already past (Round.clean); loading earlier rounds may open them with theirs.
    """
    round_ = Round.objects.create(
        association=association,
        opened_by=user,
        kind=kind,
        title=title,
        year_start=year_start,
        deadline=deadline,
    )
    bulk_create_with_history([Report(round=round_, school=school) for school in schools], Report)
    return round_


def change_round(form) -> Round:
    """The round's title and deadline as the head changed them on its form (RoundEditForm: the deadline moved
    earlier or later, never into the past)."""
    return form.save()


def close_round(round_: Round, user) -> Round:
    """No school changes or submits its report any more, until the head opens the round again."""
    if not round_.is_closed:
        round_.closed_at, round_.closed_by = timezone.now(), user
        round_.save(update_fields=["closed_at", "closed_by"])
    return round_


def reopen_round(round_: Round) -> Round:
    """The closed round open again: the schools whose reports are drafts may fill and submit them."""
    round_.closed_at, round_.closed_by = None, None
    round_.save(update_fields=["closed_at", "closed_by"])
    return round_


@transaction.atomic
def reopen_report(report: Report, reason: str) -> Report:
    """A submitted report back to its school as a draft, with the head's reason (shown to the school until it
    submits again, kept in the report's history). Not in a closed round: its reports take no changes."""
    if report.round.is_closed:
        raise ValidationError(_("Сбор закрыт: откройте его снова, чтобы вернуть отчёт школе."))
    if not report.is_submitted:
        raise ValidationError(_("Отчёт ещё не сдан: школа и так может его изменить."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Напишите, что школе нужно исправить."))
    report.reopen(reason)
    return report


@transaction.atomic
def save_report(report: Report, form, submit_by=None, rows=()) -> Report:
    """A school's answers saved from its form; submitted as well when `submit_by` (the user) sends it.

    `rows` (a provision report's): lines that came in whole — pasted for a grade, or the form uploaded as XLSX —,
    each cleaned by the row form; each replaces the report's line of its grade and subject, or is added. Lines
    they do not name stay as they are. All or nothing, with the form.

    Not in a closed round, nor once submitted: those reports take no changes (rounds.access refuses them first).
    """
    if report.round.is_closed or report.is_submitted:
        raise ValidationError(_("Отчёт больше не принимает изменений."))
    form.save()
    if rows:
        _put_lines(report, rows)
    report.started = True
    report.save(update_fields=["started"])
    if submit_by is not None:
        report.submit(submit_by)
    return report


def line_key(grade, subject) -> tuple:
    """A line's grade and subject as they are compared: «математика», «Математика » and «матёматика» are one
    subject (the report form and the round's summary compare by this)."""
    return grade, " ".join(str(subject or "").split()).casefold().replace("ё", "е")


NUMBERS = ("students", "available", "missing")


def _put_lines(report: Report, rows) -> None:
    lines = {line_key(line.grade, line.subject): line for line in report.provision_lines.select_for_update()}
    for row in rows:
        line = lines.get(line_key(row["grade"], row["subject"]))
        if line is None:
            lines[line_key(row["grade"], row["subject"])] = ProvisionLine.objects.create(
                report=report, **{name: row[name] for name in ("grade", "subject", *NUMBERS)}
            )
        elif any(getattr(line, name) != row[name] for name in NUMBERS):
            for name in NUMBERS:
                setattr(line, name, row[name])
            line.save(update_fields=list(NUMBERS))


def enrollment(report: Report) -> dict:
    """{grade: students} of the report's school in the round's academic year."""
    return dict(
        report.school.enrollments.filter(year_start=report.round.year_start).values_list("grade", "students")
    )


def asked_subjects(report: Report) -> dict:
    """{grade: [subjects]}: what a provision report asks about in each grade.

    A round names no subjects of its own: it asks what the association's earlier provision rounds asked — the
    subjects their reports named for each grade —; a grade none of them named gets one row with no subject.
    """
    round_ = report.round
    asked = {}
    pairs = (
        ProvisionLine.objects.filter(
            report__round__association_id=round_.association_id,
            report__round__kind=Kind.PROVISION,
            report__round__opened_at__lt=round_.opened_at,
        )
        .values_list("grade", "subject")
        .distinct()
        .order_by()
    )
    for grade, subject in sorted(pairs, key=lambda pair: line_key(*pair)):
        subjects = asked.setdefault(grade, [])
        if line_key(grade, subject) not in {line_key(grade, known) for known in subjects}:
            subjects.append(subject)
    return asked


def offered_lines(report: Report, students: dict, previous_lines=()) -> list:
    """The rows a provision report's form offers besides its saved lines: every grade the school has students in
    (its card, `students`: {grade: students}) times every subject asked in that grade, with the card's students
    and, from the school's previous report (`previous_lines`), the copies it had. Pairs already saved are left
    out."""
    saved = {
        line_key(grade, subject) for grade, subject in report.provision_lines.values_list("grade", "subject")
    }
    before = {line_key(line.grade, line.subject): line for line in previous_lines}
    grades = sorted(students) or sorted({line.grade for line in previous_lines})
    asked = asked_subjects(report)
    rows = []
    for grade in grades:
        subjects = list(asked.get(grade, []))
        known = {line_key(grade, subject) for subject in subjects}
        subjects += [line.subject for key, line in before.items() if key[0] == grade and key not in known]
        for subject in subjects or [""]:
            key = line_key(grade, subject)
            if key in saved:
                continue
            row = {"grade": grade, "subject": subject, "students": students.get(grade)}
            if key in before:
                row["available"] = before[key].available
                row["students"] = row["students"] if row["students"] is not None else before[key].students
            rows.append(row)
    return rows


def prefill(report):
    """Initial data from the school's previous report of the same kind, for a report not yet started.

    Provision lines: every grade of the school's card times every subject asked (offered_lines), this year's
    students from the card and last time's copies where the school answered them before; for every report
    still a draft, not only one not yet started.
    """
    kind = report.round.kind
    if kind == Kind.PROVISION:
        previous = None if report.started else report.previous()
        lines = list(previous.provision_lines.all()) if previous is not None else []
        return offered_lines(report, enrollment(report), lines)
    previous = report.previous()
    if report.started or previous is None:
        return None
    answer = getattr(previous, "fsem" if kind == "fsem" else "inspection", None)
    if answer is None:
        return None
    fields = (
        ["list_edition", "items_found", "items_withdrawn"]
        if kind == "fsem"
        else ["share_in_fpu", "excluded_in_use", "excluded_by_grade"]
    )
    return {name: getattr(answer, name) for name in fields}


@dataclass
class Reminded:
    """What «Напомнить» did: the late schools written to, and those it could not write to (no e-mail on their
    librarians' cards, or no librarian at all)."""

    sent: list[School] = field(default_factory=list)
    unreachable: list[School] = field(default_factory=list)
    without_librarian: set[int] = field(
        default_factory=set
    )  # ids of the unreachable with no librarian at all


def remind_late(round_: Round, request: HttpRequest, today: datetime.date | None = None) -> Reminded:
    """E-mail the librarians of the schools that are late (none in a closed round): whom it wrote to, whom not."""
    result = Reminded()
    if round_.is_closed:
        return result
    late = [report for report in round_.reports.select_related("school") if report.is_late(today)]
    librarians = Person.objects.filter(school__in=[r.school for r in late], is_active=True).select_related(
        "account__user"
    )
    addresses, staffed = {}, set()
    for person in librarians:
        staffed.add(person.school_id)
        email = person.email or (person.account.user.email if hasattr(person, "account") else "")
        if email:
            addresses.setdefault(person.school_id, []).append(email)
    for report in late:
        to = addresses.get(report.school_id)
        if not to:
            result.unreachable.append(report.school)
            if report.school_id not in staffed:
                result.without_librarian.add(report.school_id)
            continue
        send_mail(
            _("Напоминание: отчёт «%(title)s»") % {"title": round_.title},
            _(
                "Здравствуйте!\n\nСрок сдачи отчёта «%(title)s» — %(deadline)s, а отчёт %(school)s ещё не сдан.\nЗаполнить его: %(url)s\n\nРуководитель ГТО ШБ"
            )
            % {
                "title": round_.title,
                "deadline": format_date(round_.deadline),
                "school": report.school.short_name,
                "url": request.build_absolute_uri(reverse("rounds:report", args=[report.pk])),
            },
            None,
            to,
        )
        report.reminded_at = timezone.now()
        report.save(update_fields=["reminded_at"])
        result.sent.append(report.school)
    return result


@transaction.atomic
def needs_from_provision(report: Report) -> list:
    """The missing copies of a provision report become needs of its school in the textbook bank.

    One need per line that lacks copies and has not become a need before; returns the needs created.
    """
    from textbooks.models import Need

    round_ = report.round
    created = []
    for line in report.provision_lines.select_for_update().filter(missing__gt=0, need__isnull=True):
        need = Need.objects.create(
            school=report.school,
            title=f"{line.subject}, {line.grade} класс",
            subject=line.subject,
            grade=line.grade,
            copies=line.missing,
            needed_by=academic_year_bounds(round_.year_start)[0],
            note=_("Из отчёта «%(title)s»") % {"title": round_.title},
        )
        line.need = need
        line.save(update_fields=["need"])
        created.append(need)
    return created
