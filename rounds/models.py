"""Report rounds: the association asks every school for the same report, then sums the answers up.

A Round has one Report per school asked. A report is answered in the form of its
round's kind: provision lines (textbook provision per grade and subject), an
FsemAnswer (the check against the federal list of extremist materials) or an
InspectionAnswer (the collection's share of textbooks in the current ФПУ).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import format_date
from core.years import FIRST_YEAR, LAST_YEAR, academic_year_name
from members.models import GRADES, Association, School
from members.uploads import CheckedFileField, validate_upload


class Kind(models.TextChoices):
    PROVISION = "provision", _("обеспеченность учащихся учебниками")
    FSEM = "fsem", _("работа с документами, включёнными в ФСЭМ")
    INSPECTION = "inspection", _("проверка фонда на соответствие ФПУ")


class Round(models.Model):
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="rounds")
    kind = models.CharField(_("вид отчёта"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("название"), max_length=300)
    year_start = models.PositiveSmallIntegerField(
        _("учебный год начинается в"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    deadline = models.DateField(_("срок сдачи"))
    opened_at = models.DateTimeField(_("открыт"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A closed round takes no more changes to its reports; the head may open it again (rounds.services).
    closed_at = models.DateTimeField(_("закрыт"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("сбор отчётов")
        verbose_name_plural = _("сборы отчётов")
        ordering = ["-deadline", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("rounds:round", args=[self.pk])

    @property
    def year_name(self):
        return academic_year_name(self.year_start)

    def is_past_deadline(self, today=None):
        return (today or timezone.localdate()) > self.deadline

    @property
    def is_closed(self):
        return self.closed_at is not None

    def clean(self):
        """A round is not opened with a deadline already past, nor is its deadline moved into the past; a deadline
        that has passed since the round was opened stays as it is when the rest of the round is edited."""
        super().clean()
        if self.deadline is not None and self.deadline.year > LAST_YEAR + 1:
            raise ValidationError(
                {"deadline": _("Срок сдачи — не позже %(year)d года.") % {"year": LAST_YEAR + 1}}
            )
        if self.deadline is None or self.deadline >= timezone.localdate():
            return
        stored = (
            Round.objects.filter(pk=self.pk).values_list("deadline", flat=True).first() if self.pk else None
        )
        if self.deadline != stored:
            raise ValidationError(
                {"deadline": _("Срок сдачи уже прошёл: укажите дату не раньше сегодняшней.")}
            )


class Report(models.Model):
    """One school's answer to a round."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("черновик")
        SUBMITTED = "submitted", _("сдан")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reports")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(_("состояние"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    started = models.BooleanField(_("начат"), default=False)
    submitted_at = models.DateTimeField(_("сдан"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(_("напоминание отправлено"), null=True, blank=True)
    # Why the head gave a submitted report back to the school; shown to the school until it submits again,
    # kept in the report's history after that.
    reopen_reason = models.CharField(_("причина возврата на доработку"), max_length=500, blank=True)
    reopened_at = models.DateTimeField(_("возвращён на доработку"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["reminded_at", "reopened_at"])

    class Meta:
        verbose_name = _("отчёт школы")
        verbose_name_plural = _("отчёты школ")
        ordering = ["school__short_name"]
        constraints = [models.UniqueConstraint(fields=["round", "school"], name="report_round_school_unique")]

    def __str__(self):
        return f"{self.round}: {self.school}"

    def get_absolute_url(self):
        return reverse("rounds:report", args=[self.pk])

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    def is_late(self, today=None):
        return not self.is_submitted and self.round.is_past_deadline(today)

    @property
    def submitted_late(self):
        """Submitted, and on a day after the round's deadline."""
        return (
            self.is_submitted
            and self.submitted_at is not None
            and timezone.localdate(self.submitted_at) > self.round.deadline
        )

    @property
    def submitted_day(self):
        """«1 декабря»: the day the report was submitted; with its year («5 января 2027 г.») when that is not the
        year of the round's deadline."""
        if self.submitted_at is None:
            return ""
        day = timezone.localdate(self.submitted_at)
        return date_format(day, "j E") if day.year == self.round.deadline.year else format_date(day)

    def submit(self, user):
        """Submitted by `user`; the head's reason for giving it back, if any, stays in the history only."""
        self.status, self.submitted_at, self.submitted_by = self.Status.SUBMITTED, timezone.now(), user
        self.reopen_reason, self.reopened_at = "", None
        self.save(update_fields=["status", "submitted_at", "submitted_by", "reopen_reason", "reopened_at"])

    def reopen(self, reason=""):
        """Back to a draft the school may change, with the head's `reason` for it."""
        self.status, self.submitted_at, self.submitted_by = self.Status.DRAFT, None, None
        self.reopen_reason, self.reopened_at = reason, timezone.now()
        self.save(update_fields=["status", "submitted_at", "submitted_by", "reopen_reason", "reopened_at"])

    def previous(self):
        """The same school's report in the latest earlier round of the same kind, if any."""
        return (
            Report.objects.filter(
                school=self.school,
                round__kind=self.round.kind,
                round__association=self.round.association,
                started=True,
            )
            .exclude(round=self.round)
            .filter(round__opened_at__lt=self.round.opened_at)
            .order_by("-round__opened_at")
            .first()
        )


def provision_percent(students, available):
    """Copies per student as a percentage, at most 100; None when there are no students."""
    if not students:
        return None
    return min(100, round(available * 100 / students))


# More pupils or copies of one subject in one grade than a school can have: a typing slip, not a number.
MAX_COUNT = 100_000


class ProvisionLine(models.Model):
    """Textbook provision of one grade in one subject."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="provision_lines")
    grade = models.PositiveSmallIntegerField(
        _("класс"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    subject = models.CharField(_("предмет"), max_length=100)
    students = models.PositiveIntegerField(_("учащихся"), validators=[MaxValueValidator(MAX_COUNT)])
    available = models.PositiveIntegerField(_("есть экземпляров"), validators=[MaxValueValidator(MAX_COUNT)])
    missing = models.PositiveIntegerField(
        _("не хватает экземпляров"), validators=[MaxValueValidator(MAX_COUNT)]
    )
    # The need in the textbook bank this line's missing copies became (rounds.services.needs_from_provision).
    need = models.ForeignKey(
        "textbooks.Need", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("строка обеспеченности")
        verbose_name_plural = _("строки обеспеченности")
        ordering = ["grade", "subject"]

    @property
    def percent(self):
        return provision_percent(self.students, self.available)

    @property
    def numbers_disagree(self):
        """The copies there are and those missing cannot both be true for these students: together they are not
        the students — unless nothing is missing and there are copies to spare. Not refused (a draft may be
        unfinished): the form shows it before the report is submitted."""
        if None in (self.students, self.available, self.missing):
            return False
        if self.missing == 0:
            return self.available < self.students
        return self.available + self.missing != self.students


class FsemAnswer(models.Model):
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="fsem")
    check_date = models.DateField(_("дата сверки"))
    list_edition = models.DateField(
        _("редакция списка (дата)"), help_text=_("Дата списка ФСЭМ, с которым сверялись.")
    )
    items_found = models.PositiveIntegerField(_("выявлено документов"))
    items_withdrawn = models.PositiveIntegerField(_("изъято документов"))
    act_number = models.CharField(_("номер акта"), max_length=50)
    act_date = models.DateField(_("дата акта"))
    act_scan = CheckedFileField(
        _("скан акта"),
        upload_to="fsem/%Y/",
        blank=True,
        validators=[validate_upload],
        download_view="rounds:fsem_scan",
        download_key="report_id",
        help_text=_("PDF, JPEG или PNG, не больше 10 МБ."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("сверка с ФСЭМ")
        verbose_name_plural = _("сверки с ФСЭМ")

    def clean(self):
        errors = {}
        if (
            self.items_withdrawn is not None
            and self.items_found is not None
            and self.items_withdrawn > self.items_found
        ):
            errors["items_withdrawn"] = _("Изъято не может быть больше, чем выявлено.")
        if self.check_date and self.check_date > timezone.localdate():
            errors["check_date"] = _("Сверка не может быть датирована будущим днём.")
        if self.list_edition and self.check_date and self.list_edition > self.check_date:
            errors["list_edition"] = _("Редакция списка не может быть позже дня сверки.")
        if errors:
            raise ValidationError(errors)


class InspectionAnswer(models.Model):
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="inspection")
    share_in_fpu = models.PositiveSmallIntegerField(
        _("доля учебников из действующего ФПУ, %"), validators=[MaxValueValidator(100)]
    )
    excluded_in_use = models.PositiveIntegerField(_("исключённых из ФПУ учебников в использовании, экз."))
    # grade (as a string key, JSON) → copies of excluded textbooks still in use in that grade
    excluded_by_grade = models.JSONField(_("исключённые по классам"), default=dict, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("проверка фонда")
        verbose_name_plural = _("проверки фонда")

    def grade_counts(self):
        return [(grade, int(self.excluded_by_grade.get(str(grade), 0))) for grade in GRADES]

    def clean(self):
        total = sum(count for _, count in self.grade_counts())
        if self.excluded_in_use is not None and total != self.excluded_in_use:
            raise ValidationError(
                {
                    "excluded_in_use": _("Сумма по классам (%(total)d) не равна общему числу (%(all)d).")
                    % {"total": total, "all": self.excluded_in_use}
                }
            )
