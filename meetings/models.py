"""The association's meetings (заседания) and their protocols: a plan event with a meeting number
(Event.meeting_number) has a Meeting beside it — the date, place, chair and secretary, the invited guests — its
agenda items with what was heard and said, the decisions with who carries them out and by when, the attendance
of the association's librarians, and the materials handed out."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import format_date
from events.models import Event
from members.fields import LimitedTextField
from members.models import Person, at_most
from members.uploads import CheckedFileField, validate_material


class Meeting(models.Model):
    """One meeting: its event of the plan (whose number and title it keeps) and what the protocol records."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, primary_key=True, related_name="meeting")
    held_on = models.DateField(_("дата"), null=True, blank=True, help_text=_("Пусто — по сроку в плане."))
    starts_at = models.TimeField(_("время начала"), null=True, blank=True)
    place = models.CharField(_("место проведения"), max_length=300, blank=True)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("председатель"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    secretary = models.ForeignKey(
        Person,
        verbose_name=_("секретарь"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    guests = LimitedTextField(
        _("приглашённые"),
        max_length=3000,
        blank=True,
        help_text=_("Каждый с новой строки: «Иванова А.А., методист МКУ „ЦРО“»."),
    )
    published = models.BooleanField(
        _("протокол опубликован"),
        default=False,
        help_text=_("Повестка и решения видны всем на опубликованном плане (без списка присутствующих)."),
    )

    history = HistoricalRecords()

    MOST_ITEMS = 30
    MOST_MATERIALS = 50

    class Meta:
        verbose_name = _("заседание")
        verbose_name_plural = _("заседания")

    def __str__(self):
        return gettext("Заседание № %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.event_id])

    @property
    def number(self):
        return self.event.meeting_number

    @property
    def plan(self):
        return self.event.section.plan

    @property
    def date(self):
        """The day it took place: as the protocol says, or the plan's date when it names one day — not the first
        day of «Апрель - Май, 2024 г.» or «В течение года»."""
        return self.held_on or self.event.single_day

    @property
    def date_text(self):
        return format_date(self.date) if self.date else self.event.dates_text

    def can_be_edited_by(self, account):
        """The head of its association or its secretary: who fills in the meeting and its protocol."""
        if account is None or account.association_id != self.plan.association_id:
            return False
        return account.is_head or (account.person_id is not None and account.person_id == self.secretary_id)


class AgendaItem(models.Model):
    """One item of the agenda («О …») with its protocol: СЛУШАЛИ (the speaker, a summary), ВЫСТУПИЛИ."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("номер"))
    title = LimitedTextField(
        _("вопрос повестки"), max_length=1000, help_text=_("Обычно «О …»: «О плане работы на год».")
    )
    speaker = models.ForeignKey(
        Person,
        verbose_name=_("докладчик"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    speaker_text = models.CharField(
        _("докладчик (гость)"),
        max_length=300,
        blank=True,
        help_text=_("Если докладчика нет в банке данных: «Иванова А.А., методист МКУ „ЦРО“»."),
    )
    heard = LimitedTextField(_("СЛУШАЛИ: кратко"), max_length=10000, blank=True)
    spoke = LimitedTextField(
        _("ВЫСТУПИЛИ"),
        max_length=10000,
        blank=True,
        help_text=_("Кто ещё выступил и что сказал; можно оставить пустым."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("вопрос повестки")
        verbose_name_plural = _("вопросы повестки")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.title}"

    def clean(self):
        if self._state.adding and self.meeting_id:
            at_most(
                AgendaItem.objects.filter(meeting_id=self.meeting_id),
                Meeting.MOST_ITEMS,
                _("В повестке уже %(count)d вопросов — больше не вносится."),
            )

    @property
    def speaker_name(self):
        return self.speaker.printed_name if self.speaker_id else self.speaker_text


class Decision(models.Model):
    """ПОСТАНОВИЛИ: one numbered decision of an agenda item (1.1, 1.2 …), who carries it out, by when, the vote."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveSmallIntegerField(_("номер"))
    text = LimitedTextField(_("решение"), max_length=2000)
    responsible = models.ForeignKey(
        Person,
        verbose_name=_("ответственный"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    deadline = models.DateField(_("срок"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("за"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("против"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("воздержались"), null=True, blank=True)
    done_on = models.DateField(_("выполнено"), null=True, blank=True)

    history = HistoricalRecords()

    MOST_PER_ITEM = 30

    class Meta:
        verbose_name = _("решение")
        verbose_name_plural = _("решения")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.number}. {self.text}"

    @property
    def number(self):
        """«1.2»: the item's number, then the decision's."""
        return f"{self.item.position}.{self.position}"

    @property
    def is_done(self):
        return self.done_on is not None

    @property
    def is_tracked(self):
        """A decision someone carries out by a date: it shows on her home page and the head's until it is done."""
        return self.responsible_id is not None and self.deadline is not None

    def is_overdue(self, today=None):
        return self.is_tracked and not self.is_done and self.deadline < (today or timezone.localdate())

    def votes_text(self):
        """«за — 12, против — 0, воздержались — 1», or «» when no vote was recorded."""
        parts = [
            (gettext("за"), self.votes_for),
            (gettext("против"), self.votes_against),
            (gettext("воздержались"), self.votes_abstained),
        ]
        if all(value is None for _label, value in parts):
            return ""
        return ", ".join(f"{label} — {value or 0}" for label, value in parts)

    def can_be_marked_by(self, account):
        """Who marks it done: the person responsible, and whoever edits the meeting."""
        meeting = self.item.meeting
        if meeting.can_be_edited_by(account):
            return True
        return (
            account is not None
            and account.association_id == meeting.plan.association_id
            and account.person_id is not None
            and account.person_id == self.responsible_id
        )


class Attendance(models.Model):
    """One librarian at one meeting: present, or absent (with the reason, when known)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("присутствовал(а)"), default=False)
    reason = models.CharField(_("причина отсутствия"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("отметка явки")
        verbose_name_plural = _("явка")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")]

    def __str__(self):
        return f"{self.person.printed_name}: {'+' if self.present else '−'}"


class Material(models.Model):
    """A file handed out at the meeting (a presentation, a document), for the whole meeting or one agenda item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("вопрос повестки"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="materials",
    )
    file = CheckedFileField(
        _("файл"),
        upload_to="meetings/%Y/",
        validators=[validate_material],
        download_view="meetings:material",
        help_text=_("PDF, Word, PowerPoint, Excel, OpenDocument, JPEG или PNG, не больше 20 МБ."),
    )
    uploaded_at = models.DateTimeField(_("загружен"), auto_now_add=True)

    class Meta:
        verbose_name = _("материал заседания")
        verbose_name_plural = _("материалы заседаний")
        ordering = ["pk"]

    def __str__(self):
        return self.file.shown_name

    def clean(self):
        if self._state.adding and self.meeting_id:
            at_most(
                Material.objects.filter(meeting_id=self.meeting_id),
                Meeting.MOST_MATERIALS,
                _("К заседанию уже приложено %(count)d файлов — больше не вносится. Удалите ненужные."),
            )


class DecisionReminder(models.Model):
    """An e-mail sent about a decision, kept so that `send_reminders` never sends the same one twice."""

    class Kind(models.TextChoices):
        COMING = "coming", _("скоро срок решения")
        OVERDUE = "overdue", _("срок решения прошёл")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="decision_reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("напоминание о решении")
        verbose_name_plural = _("напоминания о решениях")
        constraints = [
            models.UniqueConstraint(fields=["decision", "person", "kind"], name="decision_reminder_once")
        ]
