"""The city's exchange bank of textbooks (обменный фонд).

- Textbook: an entry of the Federal List (ФПУ), shared by every association: the list is federal.
- Offer: copies a school does not need and lists for the others (surplus).
- Need: copies a school lacks.
- Transfer: copies of one offer going to another school for temporary use, documented by an act.

Offers and needs carry their own title, authors and grades — copied from the catalogue when
the textbook is in it, typed in when it is not — and the keys derived from them (textbooks.keys),
so that the bank is searched and matched in one table.
"""

import datetime
import re
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Upper
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.years import add_months
from members.fields import LimitedTextField
from members.models import School
from textbooks import keys

GRADE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(11)]


def grades_after_title(title, first, last):
    """The grades to print after the title («Алгебра · 8 класс»), or "" when the title names them already
    («Алгебра. 8 класс», «Химия 10-11 кл.»): never «Алгебра. 8 класс · 8 класс»."""
    if first is None:
        return ""
    last = first if last is None else last
    grades = rf"{first}\s*[-–—]\s*{last}" if last != first else rf"{first}"
    if re.search(rf"(?<!\d){grades}(?:\s*-?\s*(?:й|ый|ых|е))?\s*кл", title, re.IGNORECASE):
        return ""
    return grades_label(first, last)


def grades_label(first, last):
    """«5 класс», «5–9 классы»."""
    from django.utils.translation import gettext

    if first is None:
        return ""
    if last is None or last == first:
        return gettext("%(grade)d класс") % {"grade": first}
    return gettext("%(first)d–%(last)d классы") % {"first": first, "last": last}


class FpuStatus(models.TextChoices):
    """Where a title stands in the Federal List; the bank filters and marks by it."""

    LISTED = "listed", _("в перечне")
    EXPIRING = "expiring", _("срок использования истекает в течение года")
    EXCLUDED = "excluded", _("исключён из перечня")
    NOT_LISTED = "not_listed", _("нет в перечне (введён вручную)")


def expiry_horizon(today=None):
    """Titles usable only until this day or earlier are «expiring»: a year from today."""
    return add_months(today or timezone.localdate(), 12)


class Textbook(models.Model):
    """An entry of the Federal List of textbooks (ФПУ), keyed by its number («1.1.1.1.1.1»).

    A newer list updates entries in place; an entry it no longer has is marked excluded,
    never deleted, so the offers and needs that point to it stay.
    """

    fpu_number = models.CharField(_("номер в ФПУ"), max_length=40, unique=True)
    title = models.CharField(_("наименование"), max_length=500)
    authors = models.CharField(_("авторы"), max_length=500, blank=True)
    publisher = models.CharField(_("издатель"), max_length=300, blank=True)
    manuals = LimitedTextField(_("учебные пособия"), max_length=10000, blank=True)
    subject = models.CharField(_("предмет"), max_length=200, blank=True)
    grade_from = models.PositiveSmallIntegerField(_("класс, с"), validators=GRADE_VALIDATORS)
    grade_to = models.PositiveSmallIntegerField(_("класс, по"), validators=GRADE_VALIDATORS)
    language = models.CharField(_("язык"), max_length=100, blank=True)
    valid_until_text = models.CharField(_("срок использования (как в перечне)"), max_length=300, blank=True)
    valid_until = models.DateField(_("может использоваться до"), null=True, blank=True)
    excluded = models.BooleanField(_("исключён из перечня"), default=False)
    excluded_on = models.DateField(_("исключён при загрузке"), null=True, blank=True)
    title_key = models.CharField(max_length=300, editable=False, db_index=True)
    author_key = models.CharField(max_length=100, editable=False)
    search_text = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(_("обновлён"), auto_now=True)

    class Meta:
        verbose_name = _("учебник из ФПУ")
        verbose_name_plural = _("федеральный перечень учебников")
        ordering = ["fpu_number"]
        # The bank's subject filter lists the subjects by this index (textbooks.queries.catalogue_subjects).
        indexes = [models.Index(fields=["subject"], name="textbook_subject")]

    def save(self, *args, **kwargs):
        self.set_keys()
        super().save(*args, **kwargs)

    def set_keys(self):
        self.title_key = keys.title_key(self.title)
        self.author_key = keys.author_key(self.authors)
        self.search_text = keys.search_text(self.title, self.authors)

    def __str__(self):
        return f"{self.fpu_number} {self.title}"

    @property
    def grades(self):
        return grades_label(self.grade_from, self.grade_to)

    @property
    def grades_after_title(self):
        return grades_after_title(self.title, self.grade_from, self.grade_to)

    def status(self, today=None):
        if self.excluded:
            return FpuStatus.EXCLUDED
        if self.valid_until and self.valid_until <= expiry_horizon(today):
            return FpuStatus.EXPIRING
        return FpuStatus.LISTED


class BankItemQuerySet(models.QuerySet):
    """What offers and needs share: the association's items and the ФПУ status filter."""

    def for_association(self, association):
        return self.filter(school__association=association)

    def with_fpu_status(self, status, today=None):
        horizon = expiry_horizon(today)
        if status == FpuStatus.NOT_LISTED:
            return self.filter(textbook__isnull=True)
        if status == FpuStatus.EXCLUDED:
            return self.filter(textbook__excluded=True)
        if status == FpuStatus.EXPIRING:
            return self.filter(textbook__excluded=False, textbook__valid_until__lte=horizon)
        if status == FpuStatus.LISTED:
            return self.filter(textbook__isnull=False, textbook__excluded=False)
        return self

    def in_grade(self, grade):
        return self.filter(grade_from__lte=grade, grade_to__gte=grade)

    def matching(self, other):
        """The live items (active offers, open needs) of the other schools, of any association in the region,
        that match `other` — a need for offers, an offer for needs; `other` may be OUTER, the row of an outer
        query (see `match_condition`)."""
        condition = match_condition(
            other.textbook_id, other.title_key, other.author_key, self.grades_meeting(other)
        )
        return self.live().filter(condition).exclude(school_id=other.school_id)


# The outer query's row, for `matching` in a subquery: its values as OuterRefs.
OUTER = SimpleNamespace(
    **{
        name: OuterRef(name)
        for name in ("textbook_id", "title_key", "author_key", "school_id", "grade", "grade_from", "grade_to")
    }
)


class BankItem(models.Model):
    """A title a school lists: from the catalogue (`textbook`) or typed in; with its derived keys."""

    textbook = models.ForeignKey(
        Textbook,
        verbose_name=_("учебник из ФПУ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("наименование"), max_length=500)
    authors = models.CharField(_("авторы"), max_length=500, blank=True)
    publisher = models.CharField(_("издательство"), max_length=300, blank=True)
    subject = models.CharField(_("предмет"), max_length=200, blank=True)
    note = LimitedTextField(_("примечание"), max_length=1000, blank=True)
    title_key = models.CharField(max_length=300, editable=False)
    author_key = models.CharField(max_length=100, editable=False)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("внесено"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.set_keys()
        super().save(*args, **kwargs)

    def set_keys(self):
        self.title_key = keys.title_key(self.title)
        self.author_key = keys.author_key(self.authors)
        self.search_text = keys.search_text(self.title, self.authors)

    def fill_from_textbook(self, textbook):
        """Take the description of the catalogue entry a person chose (the grade is the caller's to set)."""
        self.textbook = textbook
        self.title, self.authors, self.publisher = textbook.title, textbook.authors, textbook.publisher
        self.subject = textbook.subject or self.subject

    def fpu_status(self, today=None):
        return self.textbook.status(today) if self.textbook_id else FpuStatus.NOT_LISTED

    def __str__(self):
        return self.title


class OfferQuerySet(BankItemQuerySet):
    def active(self):
        """Offers others may ask for: not withdrawn, copies left."""
        return self.filter(withdrawn_at__isnull=True, available__gt=0)

    live = active

    def grades_meeting(self, need):
        """An offer serves a need whose grade is within its grades."""
        return Q(grade_from__lte=need.grade, grade_to__gte=need.grade)

    def with_needs_flag(self):
        """`has_needs`: an open need of another school this offer can serve — a subquery, no extra queries."""
        return self.annotate(has_needs=Exists(Need.objects.matching(OUTER)))


def match_condition(textbook_id, title_key, author_key, grades):
    """Offer and need match: the same ФПУ number; otherwise — when either was typed in — the same
    title and first author (their keys, which forgive case, Ё/Е, punctuation and the grade in the
    title) and the need's grade within the offer's.

    Two catalogue entries with different numbers never match by their texts: the number decides.
    The arguments are the other side's values, or OuterRefs to them.
    """
    by_keys = Q(title_key=title_key, author_key=author_key) & grades
    if isinstance(textbook_id, OuterRef):
        return Q(textbook_id=textbook_id) | (by_keys & (Q(textbook__isnull=True) | IsNull(textbook_id, True)))
    if textbook_id:
        return Q(textbook_id=textbook_id) | (by_keys & Q(textbook__isnull=True))
    return by_keys


class Offer(BankItem):
    """Copies a school lists in the exchange bank.

    `copies` is how many the school offers; `available` how many are not promised yet: agreeing
    to a transfer takes copies out of it, a return or a cancelled agreement puts them back
    (textbooks.services). The database refuses `available` below zero or above `copies`.
    """

    class Condition(models.TextChoices):
        NEW = "new", _("новые")
        GOOD = "good", _("хорошее")
        FAIR = "fair", _("удовлетворительное")
        WORN = "worn", _("требуют ремонта")

    school = models.ForeignKey(
        School, verbose_name=_("школа"), on_delete=models.PROTECT, related_name="textbook_offers"
    )
    grade_from = models.PositiveSmallIntegerField(_("класс, с"), validators=GRADE_VALIDATORS)
    grade_to = models.PositiveSmallIntegerField(_("класс, по"), validators=GRADE_VALIDATORS)
    year_published = models.PositiveSmallIntegerField(
        _("год издания"), null=True, blank=True, validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    copies = models.PositiveIntegerField(_("экземпляров"), validators=[MinValueValidator(1)])
    available = models.PositiveIntegerField(_("свободно"), editable=False)
    condition = models.CharField(
        _("состояние"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    withdrawn_at = models.DateTimeField(_("снято"), null=True, blank=True, editable=False)

    objects = OfferQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["title_key", "author_key", "search_text"])

    class Meta:
        verbose_name = _("предложение")
        verbose_name_plural = _("предложения (обменный фонд)")
        ordering = ["title_key", "grade_from", "pk"]
        indexes = [
            models.Index(fields=["title_key", "author_key"], name="offer_keys"),
            models.Index(fields=["title_key", "grade_from", "id"], name="offer_bank_order"),
            # The bank filtered by subject (subject__iexact: UPPER) comes in its order from this one.
            models.Index(
                Upper("subject"), F("title_key"), F("grade_from"), F("id"), name="offer_subject_bank_order"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(available__gte=0) & Q(available__lte=F("copies")),
                name="offer_available_within_copies",
            ),
            models.CheckConstraint(condition=Q(grade_from__lte=F("grade_to")), name="offer_grades_in_order"),
        ]

    def get_absolute_url(self):
        return reverse("textbooks:offer", args=[self.pk])

    @property
    def grades(self):
        return grades_label(self.grade_from, self.grade_to)

    @property
    def grades_after_title(self):
        return grades_after_title(self.title, self.grade_from, self.grade_to)

    @property
    def grades_short(self):
        """«5» or «7-9», as a spreadsheet's «Класс» column has it."""
        return (
            str(self.grade_from) if self.grade_from == self.grade_to else f"{self.grade_from}-{self.grade_to}"
        )

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def reserved(self):
        """Copies promised or handed to other schools."""
        return self.copies - self.available

    @staticmethod
    def below_reserved(copies, reserved):
        """The one rule for an offer's count: never fewer copies than are promised or handed to other schools.
        The Russian refusal, or "" when `copies` may stand (the form asks before saving, the service when saving)."""
        if copies >= reserved:
            return ""
        return _("Другим школам уже обещано или передано %(count)d экз.: меньше указать нельзя.") % {
            "count": reserved
        }

    def clean(self):
        if self.grade_from and self.grade_to and self.grade_from > self.grade_to:
            raise ValidationError({"grade_to": _("Последний класс не может быть меньше первого.")})


class NeedQuerySet(BankItemQuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    live = open

    def in_grade(self, grade):
        return self.filter(grade=grade)

    def grades_meeting(self, offer):
        """A need is served by an offer whose grades take in its grade."""
        return Q(grade__gte=offer.grade_from, grade__lte=offer.grade_to)

    def with_offers_flag(self):
        """`has_offers`: an active offer of another school can serve this need — a subquery, no extra queries."""
        return self.annotate(has_offers=Exists(Offer.objects.matching(OUTER)))


class Need(BankItem):
    """Copies a school lacks for one grade, and by when it needs them."""

    school = models.ForeignKey(
        School, verbose_name=_("школа"), on_delete=models.PROTECT, related_name="textbook_needs"
    )
    grade = models.PositiveSmallIntegerField(_("класс"), validators=GRADE_VALIDATORS)
    copies = models.PositiveIntegerField(_("экземпляров"), validators=[MinValueValidator(1)])
    needed_by = models.DateField(_("нужны к"), null=True, blank=True)
    closed_at = models.DateTimeField(_("снята"), null=True, blank=True, editable=False)

    objects = NeedQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["title_key", "author_key", "search_text"])

    class Meta:
        verbose_name = _("потребность")
        verbose_name_plural = _("потребности")
        ordering = ["title_key", "grade", "pk"]
        indexes = [
            models.Index(fields=["title_key", "author_key"], name="need_keys"),
            models.Index(Upper("subject"), F("grade"), F("title_key"), F("id"), name="need_subject_grade"),
        ]

    def get_absolute_url(self):
        return reverse("textbooks:need", args=[self.pk])

    @property
    def grades(self):
        return grades_label(self.grade, self.grade)

    @property
    def grades_after_title(self):
        return grades_after_title(self.title, self.grade, self.grade)

    @property
    def is_closed(self):
        return self.closed_at is not None


class Transfer(models.Model):
    """Copies of one offer going to another school for temporary use.

    requested → agreed (or declined, or cancelled by the asking school) → handed over →
    returned, or kept for good. The offering school agrees, hands over and takes back;
    an agreement may be cancelled by either school until the copies are handed over.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("запрошено")
        AGREED = "agreed", _("согласовано")
        DECLINED = "declined", _("отклонено")
        CANCELLED = "cancelled", _("отменено")
        HANDED_OVER = "handed_over", _("передано")
        RETURNED = "returned", _("возвращено")
        KEPT = "kept", _("оставлено насовсем")

    # Copies out of the offer's `available` while the transfer is in one of these.
    HOLDING = (Status.AGREED, Status.HANDED_OVER, Status.KEPT)
    OPEN = (Status.REQUESTED, Status.AGREED, Status.HANDED_OVER)

    offer = models.ForeignKey(
        Offer, verbose_name=_("предложение"), on_delete=models.PROTECT, related_name="transfers"
    )
    to_school = models.ForeignKey(
        School,
        verbose_name=_("получающая школа"),
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
    )
    need = models.ForeignKey(
        Need,
        verbose_name=_("потребность"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfers",
    )
    copies = models.PositiveIntegerField(_("экземпляров"), validators=[MinValueValidator(1)])
    return_by = models.DateField(_("вернуть до"))
    status = models.CharField(_("состояние"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    note = LimitedTextField(_("примечание"), max_length=1000, blank=True)
    requested_at = models.DateTimeField(_("запрошено"), auto_now_add=True)
    decided_at = models.DateTimeField(_("решение"), null=True, blank=True)
    handed_over_on = models.DateField(_("передано"), null=True, blank=True)
    returned_on = models.DateField(_("возвращено"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("передача во временное пользование")
        verbose_name_plural = _("передачи во временное пользование")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(copies__gte=1), name="transfer_copies_positive"),
            # A school waits for one answer per offer: the database says so, also for requests sent at once.
            models.UniqueConstraint(
                fields=["offer", "to_school"],
                condition=Q(status="requested"),
                name="transfer_one_waiting_request",
            ),
        ]

    def __str__(self):
        return f"{self.offer.title}: {self.offer.school} → {self.to_school}, {self.copies}"

    def get_absolute_url(self):
        return reverse("textbooks:transfer", args=[self.pk])

    @property
    def from_school(self):
        return self.offer.school

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def has_act(self):
        """The act is printed once the offering school has agreed."""
        return self.status in (
            self.Status.AGREED,
            self.Status.HANDED_OVER,
            self.Status.RETURNED,
            self.Status.KEPT,
        )

    def is_overdue(self, today=None):
        return self.status == self.Status.HANDED_OVER and self.return_by < (today or timezone.localdate())


class SearchWord(models.Model):
    """A word of the bank's titles and authors (three letters or more), for putting a mistyped word right
    (textbooks.search.correct). PostgreSQL keeps the list itself: triggers on offers, needs and the
    catalogue add the words of every row written (migration 0005). Empty on SQLite."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("слово обменного фонда")
        verbose_name_plural = _("слова обменного фонда (для исправления опечаток)")

    def __str__(self):
        return self.word


def default_return_by(today=None):
    """The end of the academic year the copies are asked in: 31 May (next year's after May)."""
    today = today or timezone.localdate()
    year = today.year if today.month <= 5 else today.year + 1
    return datetime.date(year, 5, 31)
