"""The association's contests (конкурсы): a plan event with a Contest beside it — the rules, the stages, the
categories with their grades, the criteria with their maximum scores, the jury — the entries the schools send,
the jury's score sheets, the places the head confirms, and the certificates (дипломы, грамоты, сертификаты,
благодарности) with their numbers, unique within the association and the year."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from contests.uploads import validate_background
from core.formats import format_date
from events.models import Event
from members.fields import LimitedTextField
from members.models import Association, Person, PortfolioEntry, School, at_most
from members.uploads import CheckedFileField, validate_material

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


class Contest(models.Model):
    """One contest: its event of the plan (whose title and dates it keeps) and how it is run."""

    class Layout(models.TextChoices):
        CLASSIC = "classic", _("классический: двойная рамка и звезда")
        STRICT = "strict", _("строгий: без украшений")
        BRIGHT = "bright", _("праздничный: цветная лента")

    class ParticipantAward(models.TextChoices):
        CERTIFICATE = "certificate", _("сертификат участника")
        GRAMOTA = "gramota", _("грамота за участие")

    event = models.OneToOneField(Event, on_delete=models.CASCADE, primary_key=True, related_name="contest")
    for_librarians = models.BooleanField(
        _("конкурс для библиотекарей"),
        default=False,
        help_text=_("Участники — сами библиотекари (методическая разработка, например), а не ученики."),
    )
    level = models.CharField(
        _("уровень"),
        max_length=20,
        choices=PortfolioEntry.Level.choices,
        default=PortfolioEntry.Level.MUNICIPAL,
        help_text=_("С этим уровнем благодарности и сертификаты попадут в портфолио библиотекарей."),
    )
    rules = LimitedTextField(_("положение о конкурсе"), max_length=30000, blank=True)
    rules_file = CheckedFileField(
        _("положение (файл)"),
        upload_to="contests/rules/%Y/",
        blank=True,
        validators=[validate_material],
        download_view="contests:rules_file",
        download_key="event_id",
        help_text=_("Если положение уже написано в Word или PDF. Не больше 20 МБ."),
    )
    entry_deadline = models.DateField(
        _("заявки принимаются до"),
        null=True,
        blank=True,
        help_text=_("Включительно. После этой даты библиотекари не могут добавлять и менять заявки."),
    )
    reopened = models.BooleanField(
        _("приём заявок открыт снова"),
        default=False,
        help_text=_("Руководитель разрешила вносить и менять заявки после срока."),
    )
    places = models.PositiveSmallIntegerField(
        _("сколько мест присуждается"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("В каждой номинации: победитель (I место) и призёры."),
    )
    participant_award = models.CharField(
        _("что получают остальные участники"),
        max_length=20,
        choices=ParticipantAward.choices,
        default=ParticipantAward.CERTIFICATE,
    )
    layout = models.CharField(
        _("оформление грамот"), max_length=20, choices=Layout.choices, default=Layout.CLASSIC
    )
    background = CheckedFileField(
        _("свой фон страницы"),
        upload_to="contests/backgrounds/%Y/",
        blank=True,
        validators=[validate_background],
        download_view="contests:background",
        download_key="event_id",
        help_text=_("Картинка PNG или JPEG на всю страницу A4 (вертикально), не больше 5 МБ."),
    )
    awarded_on = models.DateField(
        _("дата награждения"), null=True, blank=True, help_text=_("Пусто — день выпуска грамот.")
    )
    places_confirmed = models.BooleanField(_("места утверждены"), default=False)
    # The certificates' one PDF is made after they are issued, outside the request (contests.certificates):
    # `issued_at` — when they were last issued; `certificates_file` is up to date when `prepared_for` equals it.
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    preparing_since = models.DateTimeField(null=True, blank=True, editable=False)
    prepared_for = models.DateTimeField(null=True, blank=True, editable=False)
    certificates_file = CheckedFileField(
        upload_to="contests/certificates/%Y/",
        blank=True,
        editable=False,
        download_view="contests:certificates",
        download_key="event_id",
    )
    published = models.BooleanField(
        _("итоги опубликованы"),
        default=False,
        help_text=_("Итоги видны всем на опубликованном плане, мероприятие отмечается как проведённое."),
    )

    history = HistoricalRecords()

    MOST_ENTRIES = 2000
    MOST_PARTS = 20  # stages, categories, criteria, jury members — each

    class Meta:
        verbose_name = _("конкурс")
        verbose_name_plural = _("конкурсы")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contests:contest", args=[self.event_id])

    @property
    def title(self):
        return self.event.title

    @property
    def plan(self):
        return self.event.section.plan

    @property
    def association(self):
        return self.plan.association

    def accepts_entries(self, today=None):
        """May librarians add and change entries now: before the deadline (inclusive), or reopened by the head, and
        not once the places are confirmed."""
        if self.places_confirmed:
            return False
        if self.reopened or self.entry_deadline is None:
            return True
        return (today or timezone.localdate()) <= self.entry_deadline

    @property
    def certificates_ready(self):
        return (
            bool(self.certificates_file)
            and self.issued_at is not None
            and self.prepared_for == self.issued_at
        )

    @property
    def deadline_text(self):
        return format_date(self.entry_deadline) if self.entry_deadline else ""


class Stage(models.Model):
    """A stage of the contest with its dates: школьный, муниципальный, региональный."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField(_("номер"), default=0)
    title = models.CharField(_("этап"), max_length=200)
    starts_on = models.DateField(_("с"), null=True, blank=True)
    ends_on = models.DateField(_("по"), null=True, blank=True)

    class Meta:
        verbose_name = _("этап конкурса")
        verbose_name_plural = _("этапы конкурса")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Этап не может закончиться раньше, чем начался.")})


class Category(models.Model):
    """A category (номинация, возрастная группа) with the grades or ages it takes."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="categories")
    position = models.PositiveSmallIntegerField(_("номер"), default=0)
    title = models.CharField(_("номинация"), max_length=200)
    grade_from = models.PositiveSmallIntegerField(
        _("классы с"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    grade_to = models.PositiveSmallIntegerField(
        _("по"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    ages = models.CharField(_("возраст"), max_length=50, blank=True, help_text=_("Например: «7–10 лет»."))

    class Meta:
        verbose_name = _("номинация")
        verbose_name_plural = _("номинации")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.grade_from and self.grade_to and self.grade_to < self.grade_from:
            raise ValidationError({"grade_to": _("Последний класс меньше первого.")})

    def takes(self, grade):
        """Whether a pupil of `grade` may enter this category (any grade when no range is given)."""
        if grade is None:
            return True
        return (self.grade_from or 1) <= grade <= (self.grade_to or 11)

    @property
    def range_text(self):
        if self.grade_from and self.grade_to:
            grades = (
                gettext("%(grade)d класс") % {"grade": self.grade_from}
                if self.grade_from == self.grade_to
                else gettext("%(low)d–%(high)d классы") % {"low": self.grade_from, "high": self.grade_to}
            )
        elif self.grade_from:
            grades = gettext("с %(grade)d класса") % {"grade": self.grade_from}
        elif self.grade_to:
            grades = gettext("до %(grade)d класса") % {"grade": self.grade_to}
        else:
            grades = ""
        return ", ".join(part for part in (grades, self.ages) if part)


class Criterion(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("номер"), default=0)
    title = models.CharField(_("критерий"), max_length=300)
    max_score = models.PositiveSmallIntegerField(
        _("наибольший балл"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("критерий оценки")
        verbose_name_plural = _("критерии оценки")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class JuryMember(models.Model):
    """A member of the jury: a person of the data bank (who scores on the site herself) or a guest written as text
    (whose score sheet the head fills in)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="jury")
    position = models.PositiveSmallIntegerField(_("номер"), default=0)
    person = models.ForeignKey(
        Person,
        verbose_name=_("из банка данных"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    guest = models.CharField(
        _("или гость"),
        max_length=300,
        blank=True,
        help_text=_("Если его нет в банке данных: «Иванова А.А., методист МКУ „ЦРО“»."),
    )
    is_chair = models.BooleanField(_("председатель жюри"), default=False)

    class Meta:
        verbose_name = _("член жюри")
        verbose_name_plural = _("жюри")
        ordering = ["-is_chair", "position", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.person_id and not self.guest.strip():
            raise ValidationError(_("Выберите члена жюри из банка данных или впишите гостя."))

    @property
    def name(self):
        return self.person.printed_name if self.person_id else self.guest

    def can_score(self, account):
        """The jury member herself, or the head (for a guest, or on her behalf)."""
        if account is None or account.association_id != self.contest.plan.association_id:
            return False
        return account.is_head or (self.person_id is not None and account.person_id == self.person_id)


class Entry(models.Model):
    """A participant's entry: a pupil (or, in a contest for librarians, the librarian herself), the work, who
    prepared it, the school, and the place the head confirmed."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    school = models.ForeignKey(
        School, verbose_name=_("школа"), on_delete=models.PROTECT, related_name="entries"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("номинация"), on_delete=models.RESTRICT, related_name="entries"
    )
    surname = models.CharField(_("фамилия"), max_length=100, blank=True)
    first_name = models.CharField(_("имя"), max_length=100, blank=True)
    grade = models.PositiveSmallIntegerField(
        _("класс"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    participant = models.ForeignKey(
        Person,
        verbose_name=_("участник (библиотекарь)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contest_entries",
    )
    work_title = models.CharField(_("название работы"), max_length=400, blank=True)
    work_file = CheckedFileField(
        _("файл работы"),
        upload_to="contests/works/%Y/",
        blank=True,
        validators=[validate_material],
        download_view="contests:work_file",
        help_text=_("Не больше 20 МБ: PDF, Word, презентация, JPEG или PNG."),
    )
    work_link = models.URLField(_("или ссылка на работу"), max_length=500, blank=True)
    mentor = models.ForeignKey(
        Person,
        verbose_name=_("подготовил(а)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prepared_entries",
    )
    mentor_text = models.CharField(
        _("подготовил(а) — если нет в банке данных"),
        max_length=200,
        blank=True,
        help_text=_("Фамилия, имя, отчество учителя: «Петрова Анна Сергеевна»."),
    )
    place = models.PositiveSmallIntegerField(_("место"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("заявка на конкурс")
        verbose_name_plural = _("заявки на конкурс")
        ordering = ["category__position", "surname", "first_name", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self._state.adding and self.contest_id:
            at_most(
                Entry.objects.filter(contest_id=self.contest_id),
                Contest.MOST_ENTRIES,
                _("На конкурс уже подано %(count)d заявок — больше не принимается."),
            )

    @property
    def name(self):
        """«Иванова Мария» — or the librarian's full name in a contest for librarians."""
        if self.participant_id:
            return self.participant.full_name
        return f"{self.surname} {self.first_name}".strip()

    @property
    def mentor_name(self):
        """«Куклина Наталья Николаевна», or «Куклина Н.Н.» when the data bank has her initials only."""
        if not self.mentor_id:
            return self.mentor_text
        return self.mentor.full_name if self.mentor.first_name else self.mentor.printed_name

    @property
    def place_text(self):
        """«I место» or «участник»."""
        if self.place:
            return gettext("%(place)s место") % {"place": ROMAN.get(self.place, self.place)}
        return gettext("участник")


class Score(models.Model):
    """One jury member's score of one entry on one criterion."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    jury = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(_("балл"), max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = _("оценка")
        verbose_name_plural = _("оценки")
        constraints = [
            models.UniqueConstraint(fields=["entry", "jury", "criterion"], name="score_once_per_sheet_cell")
        ]


class Certificate(models.Model):
    """A certificate issued: its number within the association's year («№ 2024-017»), whom and for what. A number
    once given is never given again, even when the certificate is withdrawn (CertificateCounter)."""

    class Kind(models.TextChoices):
        DIPLOMA = "diploma", _("диплом")
        GRAMOTA = "gramota", _("грамота")
        PARTICIPANT = "certificate", _("сертификат участника")
        THANKS = "thanks", _("благодарность")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="certificates")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="certificates")
    kind = models.CharField(_("вид"), max_length=20, choices=Kind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates"
    )
    year = models.PositiveSmallIntegerField(_("год"))
    number = models.PositiveIntegerField(_("номер"))
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="+")
    issued_on = models.DateField(_("дата"))
    # Her portfolio's entry for it (a librarian's благодарность or own диплом); `filed` once it was made, so that
    # an entry she deleted is not made again.
    portfolio_entry = models.OneToOneField(
        PortfolioEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificate"
    )
    filed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("грамота")
        verbose_name_plural = _("грамоты")
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "year", "number"], name="certificate_number_unique"
            ),
            models.UniqueConstraint(fields=["entry", "kind"], name="certificate_once_per_entry_and_kind"),
        ]

    def __str__(self):
        return self.number_text

    @property
    def number_text(self):
        """«2024-017»"""
        return f"{self.year}-{self.number:03d}"


class CertificateCounter(models.Model):
    """The last number given in an association's year: numbers only go up."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="certificate_counter_unique")
        ]
