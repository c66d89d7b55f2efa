from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history

from core.formats import roman
from core.positions import move_among, renumber
from core.years import academic_year_bounds, academic_year_name
from events.dates import parse_dates
from members.fields import LimitedTextField
from members.models import DEFAULT_HEAD_POST, Association, Person
from members.names import parse_name


@dataclass
class PlanBlock:
    """«УТВЕРЖДАЮ» or «СОГЛАСОВАНО» above the plan, as printed."""

    word: str
    kind: str  # "approved" or "agreed"
    post: str
    name: str
    on: object  # datetime.date or None
    note: str  # the order or protocol

    def __bool__(self):
        return bool(self.post.strip() or self.name.strip() or self.note.strip() or self.on)


def extra_columns(plan, sections):
    """The headers of the columns beside the four that the plan's events keep (Event.extra): in the document's order
    (Plan.extra_headers; a JSON object keeps no order in PostgreSQL), then any other; each event of `sections`
    (Plan.numbered_sections) gets `.extra_values`, [(header, its text)] under them."""
    used = {
        header for section in sections for event in section.numbered_events for header in (event.extra or {})
    }
    headers = [header for header in plan.extra_headers or [] if header in used]
    headers += sorted(used - set(headers))
    for section in sections:
        for event in section.numbered_events:
            event.extra_values = [(header, (event.extra or {}).get(header, "")) for header in headers]
    return list(headers)


class PlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Plan.Status.PUBLISHED)


class Plan(models.Model):
    """The association's work plan for one academic year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("черновик")
        PUBLISHED = "published", _("опубликован")

    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="plans")
    year_start = models.PositiveSmallIntegerField(
        _("учебный год начинается в"), help_text=_("Год 1 сентября: 2023 для «2023-2024».")
    )
    city_theme = LimitedTextField(_("единая городская методическая тема"), max_length=1000, blank=True)
    theme = LimitedTextField(_("методическая тема ГТО ШБ"), max_length=1000, blank=True)
    goal = LimitedTextField(_("цель"), max_length=2000, blank=True)
    tasks = LimitedTextField(
        _("задачи"),
        max_length=10000,
        blank=True,
        help_text=_("Каждая задача с новой строки; подпункт задачи — строка, начинающаяся с «-»."),
    )
    results = LimitedTextField(
        _("ожидаемые результаты"),
        max_length=5000,
        blank=True,
        help_text=_("Каждый результат с новой строки."),
    )
    head_post = models.CharField(
        _("должность подписывающего"),
        max_length=200,
        default=DEFAULT_HEAD_POST,
        blank=True,
        help_text=_("Как в подписи плана; пусто — в подписи только фамилия."),
    )
    head_name = models.CharField(_("подпись: фамилия и инициалы"), max_length=100, blank=True)
    # The optional approval block «УТВЕРЖДАЮ» printed above the plan; shown when a post or a name is filled in.
    approved_by_post = models.CharField(
        _("утверждает: должность"),
        max_length=300,
        blank=True,
        help_text=_("Например: «Директор МКУ „ЦРО“». Пусто — план печатается без грифа «УТВЕРЖДАЮ»."),
    )
    approved_by_name = models.CharField(_("утверждает: фамилия и инициалы"), max_length=100, blank=True)
    approved_on = models.DateField(_("дата утверждения"), null=True, blank=True)
    approved_note = models.CharField(
        _("утверждает: приказ, протокол"),
        max_length=300,
        blank=True,
        help_text=_("Например: «Приказ № 12 от 01.09.2024»."),
    )
    # The block «СОГЛАСОВАНО» beside it (on the left): who agreed, in which body, the protocol.
    agreed_by_post = models.CharField(
        _("согласовано: должность или орган"),
        max_length=300,
        blank=True,
        help_text=_("Например: «Заместитель директора МКУ „ЦРО“» или «На заседании ГМО». Пусто — без грифа."),
    )
    agreed_by_name = models.CharField(_("согласовано: фамилия и инициалы"), max_length=100, blank=True)
    agreed_on = models.DateField(_("дата согласования"), null=True, blank=True)
    agreed_note = models.CharField(
        _("согласовано: протокол"),
        max_length=300,
        blank=True,
        help_text=_("Например: «Протокол № 1 от 28.08.2024»."),
    )
    # The title as the document wrote it («ПЛАН РАБОТЫ районного методического объединения…»); empty: the usual one.
    title = LimitedTextField(
        _("заголовок"),
        max_length=500,
        blank=True,
        help_text=_("Как в документе, строка за строкой. Пусто — обычный: «План работы … на … учебный год»."),
    )
    # The header's labels as the document wrote them ({"city_theme": "Единая районная методическая тема"}), and its
    # other labelled texts ([["Направления работы", "…"]]), printed back in their places.
    header_labels = models.JSONField(default=dict, blank=True, editable=False)
    notes = models.JSONField(_("другие разделы шапки"), default=list, blank=True, editable=False)
    # The headers of the document's columns beside the four («Форма проведения», «Место»), in its order (Event.extra).
    extra_headers = models.JSONField(default=list, blank=True, editable=False)
    status = models.CharField(_("состояние"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(_("изменён"), auto_now=True)

    objects = PlanQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("план работы")
        verbose_name_plural = _("планы работы")
        ordering = ["-year_start"]
        constraints = [models.UniqueConstraint(fields=["association", "year_start"], name="plan_year_unique")]

    def __str__(self):
        return f"План работы {self.association.short_name} на {self.year_name} учебный год"

    def save(self, *args, **kwargs):
        # A new plan left with the site's default signs with its association's own post («Руководитель РМО ШБ»).
        if self._state.adding and self.head_post == DEFAULT_HEAD_POST and self.association_id:
            self.head_post = self.association.head_post
        super().save(*args, **kwargs)

    @property
    def year_name(self):
        return academic_year_name(self.year_start)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def bounds(self):
        return academic_year_bounds(self.year_start)

    def get_absolute_url(self):
        return reverse("events:plan", args=[self.association.slug, self.year_name])

    def task_tree(self):
        """[(task, [sub-point, …]), …] from the tasks text."""
        tree = []
        for line in self.tasks.splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith(("-", "–", "—")) and tree:
                tree[-1][1].append(line.lstrip("-–— ").strip())
            else:
                tree.append((line, []))
        return tree

    def result_list(self):
        return [line.strip() for line in self.results.splitlines() if line.strip()]

    # -- the printed layout, one for the page, the PDF, the XLSX and the DOCX

    def title_lines(self):
        """The title as the document wrote it, line by line, or the usual one."""
        lines = [line.strip() for line in self.title.splitlines() if line.strip()]
        return lines or [
            gettext("План работы %(name)s на %(year)s учебный год")
            % {"name": self.association.short_name, "year": self.year_name}
        ]

    def label(self, field):
        """A header field's label as the plan's document wrote it («Единая районная методическая тема»), or the usual one."""
        if field in (self.header_labels or {}):
            return self.header_labels[field]
        if field == "theme":
            return gettext("Методическая тема %(name)s") % {"name": self.association.short_name}
        return {"city_theme": gettext("Единая городская методическая тема"), "goal": gettext("Цель"), "tasks": gettext("Задачи"),
                "results": gettext("Ожидаемые результаты")}[field]  # fmt: skip

    def header_texts(self):
        """[(label, text)] of the header's texts, as printed: the themes, the goal, then the document's other
        labelled texts (`notes`); the empty ones left out. The tasks and results are lists of their own."""
        rows = [
            (self.label(field), getattr(self, field).strip()) for field in ("city_theme", "theme", "goal")
        ]
        rows += [(label, text) for label, text in self.notes if label]
        return [(label, text) for label, text in rows if text]

    def closing_notes(self):
        """The document's texts without a label (what stood below the table): printed before the signature."""
        return [text for label, text in self.notes if not label and text]

    def blocks(self):
        """The «СОГЛАСОВАНО» (left) and «УТВЕРЖДАЮ» (right) blocks that are filled in: [PlanBlock]."""
        blocks = [
            PlanBlock(
                gettext("СОГЛАСОВАНО"),
                "agreed",
                self.agreed_by_post,
                self.agreed_by_name,
                self.agreed_on,
                self.agreed_note,
            ),
            PlanBlock(
                gettext("УТВЕРЖДАЮ"),
                "approved",
                self.approved_by_post,
                self.approved_by_name,
                self.approved_on,
                self.approved_note,
            ),
        ]
        return [block for block in blocks if block]

    def numbered_sections(self, public=False):
        """Sections in order, each with .numbered_events: events carrying .number, continuous across sections,
        and .responsible_list, their Responsible lines with the persons, each with `.name` to print: the printed
        name, or with `public` (a page or file for anyone) the name only with the person's consent, else her post.

        Three queries, whatever the plan's size — sections, events, responsible lines — put together here
        rather than by prefetch_related, which built a related manager for each of 500 events (a third of the
        time); `responsible_list` is a list, not `responsibles.all()`, for the same reason in the templates.
        """
        sections = list(self.sections.all())
        events = {section.pk: [] for section in sections}
        for event in Event.objects.filter(section__plan=self).order_by("position", "pk"):
            events[event.section_id].append(event)
        lines = {}
        responsibles = (
            Responsible.objects.filter(event__section__plan=self)
            .select_related("person__school")
            .only(*RESPONSIBLE_FIELDS)
        )
        for line in responsibles.order_by("position", "pk"):
            line.name = line.public_name if public else line.printed_name
            lines.setdefault(line.event_id, []).append(line)
        number = 0
        # event.section and section.plan answer from the objects at hand (the FK caches, set as prefetching sets them).
        to_plan, to_section = Section._meta.get_field("plan"), Event._meta.get_field("section")
        for section in sections:
            to_plan.set_cached_value(section, self)
            section.numbered_events = events[section.pk]
            for event in section.numbered_events:
                number += 1
                event.number = number
                to_section.set_cached_value(event, section)
                event.responsible_list = lines.get(event.pk, [])
        return sections

    def signature_name(self, public=False):
        """The head's name on the signature line. On a page or file for anyone, only with her consent to publishing
        it: a name that is a card of the data bank without that consent is left out (the post stays); a name that
        is nobody's card is printed as typed, like the approval block."""
        if not public or not self.head_name.strip():
            return self.head_name
        try:
            key = parse_name(self.head_name).key
        except ValueError:
            return self.head_name
        person = (
            Person.objects.filter(association_id=self.association_id, key=key).only("publish_name").first()
        )
        return "" if person is not None and not person.publish_name else self.head_name

    def next_meeting_number(self, but=None):
        """The smallest meeting number not yet taken in this plan (by another event than `but`)."""
        from events.meeting_titles import next_free

        taken = Event.objects.filter(section__plan=self, meeting_number__isnull=False).exclude(pk=but)
        return next_free(set(taken.values_list("meeting_number", flat=True)))

    def renumber_sections(self):
        renumber(self.sections.all())

    @transaction.atomic
    def copy_to_next_year(self):
        """The next academic year's draft: the header and the events, dates shifted by a year, statuses reset."""
        from events.dates import shift_text_by_year

        copy = Plan.objects.create(
            association=self.association,
            year_start=self.year_start + 1,
            city_theme=self.city_theme,
            theme=self.theme,
            goal=self.goal,
            tasks=self.tasks,
            results=self.results,
            head_post=self.head_post,
            head_name=self.head_name,
            title=shift_text_by_year(self.title),
            header_labels=self.header_labels,
            notes=self.notes,
            extra_headers=self.extra_headers,
        )  # the approval blocks are next year's to fill in
        for section in self.numbered_sections():
            new_section = Section.objects.create(plan=copy, position=section.position, title=section.title)
            for event in section.numbered_events:
                new_event = Event.objects.create(
                    section=new_section,
                    position=event.position,
                    title=shift_text_by_year(event.title),
                    dates_text=shift_text_by_year(event.dates_text),
                    extra=event.extra,
                    meeting_number=event.meeting_number,
                )
                bulk_create_with_history(
                    [
                        Responsible(
                            event=new_event,
                            text=r.text,
                            key=r.key,
                            person_id=r.person_id,
                            position=r.position,
                        )
                        for r in event.responsible_list
                    ],
                    Responsible,
                )
        return copy


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("порядок"))
    title = models.CharField(_("название раздела"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("раздел плана")
        verbose_name_plural = _("разделы плана")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.numeral}. {self.title}"

    @property
    def numeral(self):
        return roman(self.position)

    def renumber_events(self):
        renumber(self.events.order_by("position", "pk"))

    def next_event_position(self):
        last = self.events.aggregate(models.Max("position"))["position__max"]
        return (last or 0) + 1

    @transaction.atomic
    def move(self, direction):
        """Swap with the section above («up») or below («down»); at the edge nothing changes."""
        move_among(list(self.plan.sections.select_for_update()), self, direction)

    @transaction.atomic
    def delete_and_renumber(self):
        plan = self.plan
        self.delete()
        plan.renumber_sections()

    def after_restore(self):
        """Back from «Удалённое» (audit.history.restore): the numerals follow again."""
        self.plan.renumber_sections()


class Event(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("запланировано")
        DONE = "done", _("проведено")
        MOVED = "moved", _("перенесено")
        CANCELLED = "cancelled", _("отменено")

    section = models.ForeignKey(
        Section, verbose_name=_("раздел"), on_delete=models.CASCADE, related_name="events"
    )
    position = models.PositiveSmallIntegerField(_("порядок в разделе"))
    title = LimitedTextField(_("мероприятие"), max_length=2000)
    dates_text = models.CharField(
        _("сроки проведения"),
        max_length=200,
        blank=True,
        help_text=_("Как в плане: «11.09.2023 г.», «Апрель - Май, 2024 г.», «В течение года»."),
    )
    # Derived from dates_text on save (events.dates.parse_dates); empty where the text names no dates.
    date_start = models.DateField(_("первый день"), null=True, blank=True, editable=False)
    date_end = models.DateField(_("последний день"), null=True, blank=True, editable=False)
    status = models.CharField(_("состояние"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    outcome = models.CharField(
        _("итог"),
        max_length=500,
        blank=True,
        help_text=_("Коротко: что получилось, куда перенесено, почему отменено."),
    )
    # The plan's other columns for this event, as written: {"Форма проведения": "семинар"}.
    extra = models.JSONField(default=dict, blank=True, editable=False)
    # A meeting of the association (заседание) and its number in the year, which its protocol carries; empty for
    # other events. The importer reads it from the title (events.meeting_titles); the head sets it by hand.
    meeting_number = models.PositiveSmallIntegerField(
        _("номер заседания"),
        null=True,
        blank=True,
        help_text=_("Заполните, если это заседание объединения: у него будут повестка, явка и протокол."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("мероприятие")
        verbose_name_plural = _("мероприятия")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.date_start, self.date_end = parse_dates(self.dates_text, self.section.plan.year_start)
        super().save(*args, **kwargs)

    @property
    def plan(self):
        return self.section.plan

    @transaction.atomic
    def move(self, direction):
        """One place up or down; past the first or last event of a section it crosses into the next section."""
        if move_among(list(self.section.events.select_for_update()), self, direction):
            return
        sections = list(self.section.plan.sections.all())
        neighbour = sections.index(self.section) + (-1 if direction == "up" else 1)
        if 0 <= neighbour < len(sections):
            self.move_to_section(sections[neighbour], first=direction == "down")

    @transaction.atomic
    def move_to_section(self, section, first=False):
        """Into another section: at its end, or at its start when `first`."""
        old_section = self.section
        if first:
            section.events.update(position=models.F("position") + 1)
            position = 1
        else:
            position = section.next_event_position()
        Event.objects.filter(pk=self.pk).update(section=section, position=position)
        self.section, self.position = section, position
        old_section.renumber_events()

    @transaction.atomic
    def delete_and_renumber(self):
        section = self.section
        self.delete()
        section.renumber_events()

    def after_restore(self):
        """Back from «Удалённое» (audit.history.restore): the numbers follow again."""
        self.section.renumber_events()

    @property
    def is_meeting(self):
        return self.meeting_number is not None

    @property
    def single_day(self):
        """The day, when the plan's dates name one («11.09.2023г.»); None for «Апрель - Май, 2024 г.», «В течение
        года» — a protocol or a jury's minutes print the plan's words then, not the first day of the range."""
        return self.date_start if self.date_start and self.date_start == self.date_end else None

    def responsible_names(self):
        """The lines as written, in order: «Саблина В.И.», …, «ГТО ШБ»."""
        return [r.printed_name for r in self.responsibles.all()]

    def set_responsibles(self, entries, chosen=None):
        """Replace the responsible lines with `entries` (texts as typed, Persons, members.names.Lines; None: the
        association itself), each name linked to its card where the association has one (events.responsibles)."""
        from events.responsibles import cards_for, lines_of, responsible_rows

        association = self.section.plan.association
        lines = lines_of(association.short_name if entry is None else entry for entry in entries)
        self.responsibles.all().delete()
        bulk_create_with_history(
            responsible_rows(self, lines, cards_for(association, lines), chosen), Responsible
        )


# What the plan's pages, files and checks read of a responsible person (Plan.numbered_sections): a plan of
# 500 events names a thousand, and a Person has thirty fields to fill.
RESPONSIBLE_FIELDS = [
    "event_id",
    "position",
    "text",
    "key",
    "person_id",
    "person__surname",
    "person__initials",
    "person__key",
    "person__position",
    "person__publish_name",
    "person__school_id",
    "person__school__short_name",
]


class Responsible(models.Model):
    """One line of an event's «Ответственный» column, as written: a person («Саблина В.И.», «Петрова А.А. (СОШ №5)»),
    linked to her card when there is one, or a group («все библиотекари», «МКУ «ЦРО»», «ГТО ШБ»)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="responsibles")
    text = models.CharField(_("как написано"), max_length=300, default="")
    # The name the line holds (members.names), for linking it to a card; empty for a group.
    key = models.CharField(max_length=120, blank=True, default="", db_index=True, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="responsibilities"
    )
    position = models.PositiveSmallIntegerField()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ответственный")
        verbose_name_plural = _("ответственные")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.printed_name

    @property
    def printed_name(self):
        """The line as the plan prints it: as written."""
        return self.text or (self.person.printed_name if self.person_id else "")

    @property
    def is_person(self):
        return bool(self.key)

    @property
    def public_name(self):
        """As a page for anyone prints it: a person by name only with her consent (Person.public_name); a name
        without a card (no consent can be known) by «участник объединения»; a group as written."""
        if self.person_id:
            return self.person.public_name
        return gettext("участник объединения") if self.key else self.text


class Reminder(models.Model):
    """An e-mail sent about an event, kept so that `send_reminders` never sends the same one twice."""

    class Kind(models.TextChoices):
        COMING = "coming", _("скоро мероприятие")
        OVERDUE = "overdue", _("срок прошёл, не отмечено")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("напоминание")
        verbose_name_plural = _("напоминания")
        constraints = [models.UniqueConstraint(fields=["event", "person", "kind"], name="reminder_once")]


@receiver(post_save, sender=Person)
def link_a_new_card(sender, instance, created, raw=False, **kwargs):
    """A card added to the data bank takes over the lines of its association's plans that write her name."""
    if created and not raw:
        from events.responsibles import link_written_names

        link_written_names(instance)
