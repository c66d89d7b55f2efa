import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import format_date, sort_key
from core.years import academic_year_name, add_months
from members.fields import LimitedTextField, one_line
from members.names import name_key
from members.uploads import CheckedFileField, validate_upload

GRADES = range(1, 12)


DEFAULT_HEAD_POST = "Руководитель ГТО ШБ"


class Association(models.Model):
    """A city association of school librarians (ГТО ШБ). Everything belongs to one."""

    name = models.CharField(_("полное название"), max_length=300)
    short_name = models.CharField(_("краткое название"), max_length=100, default="ГТО ШБ")
    city = models.CharField(_("город"), max_length=100, blank=True)
    slug = models.SlugField(
        _("адрес"), unique=True, help_text=_("Часть адреса страниц: латиница, цифры, дефис.")
    )
    head_post = models.CharField(
        _("должность руководителя в подписи"),
        max_length=200,
        default=DEFAULT_HEAD_POST,
        blank=True,
        help_text=_(
            "Так подписываются новые планы работы объединения: «Руководитель РМО ШБ», «Руководитель ГМО»."
        ),
    )

    class Meta:
        verbose_name = _("объединение")
        verbose_name_plural = _("объединения")

    def __str__(self):
        return self.name


class School(models.Model):
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(_("полное название"), max_length=400)
    short_name = models.CharField(
        _("краткое название"), max_length=100, help_text=_("Как в отчётах: «МАОУ СОШ № 1».")
    )
    address = models.CharField(_("адрес"), max_length=300, blank=True)
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    # The short name as lists sort it («№ 2» before «№ 11»): core.formats.sort_key, kept on every save.
    sort_key = models.CharField(max_length=200, editable=False, default="", db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("школа")
        verbose_name_plural = _("школы")
        ordering = ["sort_key", "short_name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "short_name"], name="school_short_name_unique")
        ]

    def __str__(self):
        return self.short_name

    def save(self, *args, **kwargs):
        self.sort_key = sort_key(self.short_name)
        if kwargs.get("update_fields") is not None and "short_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("members:school", args=[self.pk])


class Enrollment(models.Model):
    """How many students a school has in one grade in one academic year (the textbook bank counts provision by it)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="enrollments")
    year_start = models.PositiveSmallIntegerField(_("учебный год начинается в"))
    grade = models.PositiveSmallIntegerField(
        _("класс"), validators=[MinValueValidator(1), MaxValueValidator(11)]
    )
    students = models.PositiveIntegerField(_("учащихся"))

    class Meta:
        verbose_name = _("число учащихся")
        verbose_name_plural = _("число учащихся по классам")
        ordering = ["year_start", "grade"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year_start", "grade"], name="enrollment_unique")
        ]

    def __str__(self):
        return f"{self.school}, {self.grade} класс, {academic_year_name(self.year_start)}: {self.students}"


def new_calendar_token():
    return secrets.token_urlsafe(32)


# An attestation is «due» this many months ahead: the head sees it coming on her pages and in the overview.
ATTESTATION_NOTICE_MONTHS = 6


ATTESTATION_OVERDUE, ATTESTATION_SOON = "overdue", "soon"
ATTESTATION_WORDS = {ATTESTATION_OVERDUE: _("просрочена"), ATTESTATION_SOON: _("меньше чем через полгода")}


def attestation_notice_until(today):
    """The last day of an attestation that counts as due on `today`."""
    return add_months(today, ATTESTATION_NOTICE_MONTHS)


class PersonQuerySet(models.QuerySet):
    def for_association(self, association):
        return self.filter(association=association)

    def attestation_due(self, today):
        """Whose next attestation falls within ATTESTATION_NOTICE_MONTHS (or is overdue), soonest first."""
        return self.filter(
            attestation_due__isnull=False, attestation_due__lte=attestation_notice_until(today)
        ).order_by("attestation_due")


class Person(models.Model):
    """A school librarian or anyone else named in the association's documents.

    The plan names people as «Саблина В.И.»: a person created from a document
    has only the surname and initials; the full name can be filled in later.
    """

    class Position(models.TextChoices):
        TEACHER_LIBRARIAN = "teacher_librarian", _("педагог-библиотекарь")
        LIBRARIAN = "librarian", _("библиотекарь")
        HEAD_OF_LIBRARY = "head_of_library", _("заведующий библиотекой")
        IBC_HEAD = "ibc_head", _("руководитель ИБЦ")
        OTHER = "other", _("другая")

    class Education(models.TextChoices):
        HIGHER = "higher", _("высшее")
        HIGHER_LIBRARY = "higher_library", _("высшее библиотечное")
        VOCATIONAL = "vocational", _("среднее профессиональное")
        VOCATIONAL_LIBRARY = "vocational_library", _("среднее профессиональное библиотечное")
        SECONDARY = "secondary", _("среднее общее")

    class Category(models.TextChoices):
        NONE = "none", _("без категории")
        CONFORMITY = "conformity", _("соответствие занимаемой должности")
        FIRST = "first", _("первая")
        HIGHEST = "highest", _("высшая")

    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="persons")
    surname = models.CharField(_("фамилия"), max_length=100, validators=[one_line])
    first_name = models.CharField(_("имя"), max_length=100, blank=True, validators=[one_line])
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True, validators=[one_line])
    initials = models.CharField(
        _("инициалы"),
        max_length=10,
        blank=True,
        validators=[one_line],
        help_text=_("Как в документах: «В.И.». Заполняются по имени и отчеству."),
    )
    # Derived from surname and initials (see members.names): the key documents are matched by.
    key = models.CharField(max_length=120, editable=False, db_index=True)
    school = models.ForeignKey(
        School,
        verbose_name=_("школа"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
    )
    position = models.CharField(_("должность"), max_length=30, choices=Position.choices, blank=True)
    rate = models.DecimalField(
        _("ставка"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(2)],
    )
    education_level = models.CharField(_("образование"), max_length=30, choices=Education.choices, blank=True)
    education_institution = models.CharField(_("учебное заведение"), max_length=300, blank=True)
    education_year = models.PositiveSmallIntegerField(
        _("год окончания"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    education_specialty = models.CharField(_("специальность по диплому"), max_length=300, blank=True)
    experience_total = models.PositiveSmallIntegerField(_("общий стаж, лет"), null=True, blank=True)
    experience_library = models.PositiveSmallIntegerField(_("библиотечный стаж, лет"), null=True, blank=True)
    experience_as_of = models.DateField(_("стаж на дату"), null=True, blank=True)
    category = models.CharField(
        _("квалификационная категория"), max_length=20, choices=Category.choices, blank=True
    )
    attestation_date = models.DateField(_("дата аттестации"), null=True, blank=True)
    attestation_due = models.DateField(_("следующая аттестация"), null=True, blank=True)
    self_education_theme = LimitedTextField(_("тема самообразования"), max_length=500, blank=True)
    # Private contacts: the head, the committee and the person see them; other librarians do not.
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    email = models.EmailField(_("электронная почта"), blank=True)
    is_active = models.BooleanField(_("работает"), default=True)
    left_on = models.DateField(_("дата ухода"), null=True, blank=True)
    updated_at = models.DateTimeField(_("запись обновлена"), auto_now=True)
    # The secret part of the person's calendar feed address (events.calendar); a new one makes the old address stop working.
    calendar_token = models.CharField(max_length=43, unique=True, default=new_calendar_token, editable=False)
    # Derived from her consents (Consent.save): public pages print her name only with a consent to publishing it.
    publish_name = models.BooleanField(_("согласие на публикацию имени"), default=False, editable=False)
    # When her personal data was erased after she left (members.privacy.erase); her surname and initials stay in past plans.
    erased_on = models.DateField(_("личные данные стёрты"), null=True, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["calendar_token", "key"])

    class Meta:
        verbose_name = _("сотрудник")
        verbose_name_plural = _("сотрудники")
        ordering = ["surname", "initials"]
        constraints = [models.UniqueConstraint(fields=["association", "key"], name="person_name_unique")]

    def save(self, *args, **kwargs):
        if self.first_name:
            self.initials = f"{self.first_name[0]}." + (f"{self.patronymic[0]}." if self.patronymic else "")
        self.initials = self.initials.replace(" ", "")  # «С. Б.» prints as «С.Б.»
        self.key = name_key(self.surname, self.initials)
        super().save(*args, **kwargs)
        if not self.is_active:
            self.end_access()

    def end_access(self):
        """Someone who left keeps no way in: her login is switched off and her sessions end (her calendar feed
        stops as well: events.calendar_views)."""
        from members.services import switch_login

        account = Account.objects.filter(person=self, user__is_active=True).select_related("user").first()
        if (
            account is not None
            and account.role in Account.ROLES_A_HEAD_GIVES
            and not (account.user.is_staff or account.user.is_superuser)
        ):
            switch_login(
                account.user, on=False
            )  # (the site administrator's own login is the administrator's to end)

    def clean(self):
        today = timezone.localdate()
        errors = {}
        if self.attestation_date and self.attestation_date > today:
            errors["attestation_date"] = _("Дата прошедшей аттестации не может быть в будущем.")
        if self.attestation_date and self.attestation_due and self.attestation_due <= self.attestation_date:
            errors["attestation_due"] = _("Следующая аттестация должна быть позже прошедшей.")
        if (
            self.experience_total is not None
            and self.experience_library is not None
            and self.experience_library > self.experience_total
        ):
            errors["experience_library"] = _("Библиотечный стаж не может быть больше общего.")
        if self.left_on and self.is_active:
            errors["left_on"] = _("Дата ухода указывается только для тех, кто уже не работает.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("members:person", args=[self.pk])

    @property
    def education_text(self):
        """«высшее библиотечное: ИГУ, 2005; библиотековедение», whichever parts are known; «—» when none."""
        text = self.get_education_level_display() if self.education_level else ""
        for separator, part in ((": ", self.education_institution), (", ", self.education_year),
                                ("; ", self.education_specialty)):  # fmt: skip
            if part:
                text = f"{text}{separator}{part}" if text else str(part)
        return text or "—"

    def renew_calendar_token(self):
        """A new private calendar address; the old one stops working (when it was shared by mistake)."""
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token"])

    def attestation_due_soon(self, today=None):
        """The next attestation falls within ATTESTATION_NOTICE_MONTHS (or is already overdue)."""
        today = today or timezone.localdate()
        return bool(self.attestation_due) and self.attestation_due <= attestation_notice_until(today)

    def attestation_state(self, today=None):
        """The one rule every page shows: OVERDUE once the date has passed, SOON within the notice, else ""."""
        today = today or timezone.localdate()
        if not self.attestation_due_soon(today):
            return ""
        return ATTESTATION_OVERDUE if self.attestation_due < today else ATTESTATION_SOON

    @property
    def attestation_badge(self):
        """(state, words) for the templates' badge (members/_attestation.html); state "" shows none."""
        state = self.attestation_state()
        return state, ATTESTATION_WORDS.get(state, "")

    @property
    def printed_name(self):
        """«Саблина В.И.», as documents print it."""
        return f"{self.surname} {self.initials}".strip()

    # The posts a public page may name a person by; any other is «сотрудник».
    PUBLIC_POSTS = (
        Position.TEACHER_LIBRARIAN,
        Position.LIBRARIAN,
        Position.HEAD_OF_LIBRARY,
        Position.IBC_HEAD,
    )

    @property
    def public_name(self):
        """How a page or file anyone may read names her: «Саблина В.И.» if she consented to publishing her name,
        else her post alone («педагог-библиотекарь МАОУ СОШ № 1»), as 152-ФЗ asks."""
        if self.publish_name:
            return self.printed_name
        post = self.get_position_display() if self.position in self.PUBLIC_POSTS else gettext("сотрудник")
        return (
            f"{post} {self.school.short_name}"
            if self.school_id
            else gettext("%(post)s объединения") % {"post": post}
        )

    def refresh_publish_name(self, today=None):
        """Person.publish_name from her consents: a consent to publishing, given and not withdrawn."""
        today = today or timezone.localdate()
        allowed = self.consents.filter(
            scope=Consent.Scope.PUBLISHING, given_on__lte=today, withdrawn_on__isnull=True
        ).exists()
        if allowed != self.publish_name:
            self.publish_name = allowed
            Person.objects.filter(pk=self.pk).update(publish_name=allowed)

    @property
    def full_name(self):
        return " ".join(part for part in (self.surname, self.first_name, self.patronymic) if part)

    def __str__(self):
        return self.printed_name


def at_most(existing, most, message):
    """ValidationError when one more record would take `existing` (a queryset) past `most`."""
    if existing.count() >= most:
        raise ValidationError(message % {"count": most})


def too_many(record, most, message):
    """ValidationError when a new record would take the person past `most` of its kind (courses, portfolio)."""
    if record.pk is None and record.person_id:
        at_most(type(record).objects.filter(person_id=record.person_id), most, message)


class Course(models.Model):
    """A qualification course a person completed («курсы повышения квалификации»)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(_("название курсов"), max_length=400)
    provider = models.CharField(_("организация"), max_length=300, blank=True)
    hours = models.PositiveSmallIntegerField(_("часов"))
    start = models.DateField(_("начало"))
    end = models.DateField(_("окончание"))
    certificate_number = models.CharField(_("номер удостоверения"), max_length=100, blank=True)
    scan = CheckedFileField(
        _("скан удостоверения"),
        upload_to="courses/%Y/",
        blank=True,
        validators=[validate_upload],
        download_view="members:course_scan",
        help_text=_("PDF, JPEG или PNG, не больше 10 МБ."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("курсы повышения квалификации")
        verbose_name_plural = _("курсы повышения квалификации")
        ordering = ["-end", "-pk"]

    def __str__(self):
        return self.title

    # A librarian passes a few dozen courses in a career; a card and its PDF stay quick with any real number.
    MOST_PER_PERSON = 100

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Курсы не могут закончиться раньше, чем начались.")})
        too_many(
            self,
            self.MOST_PER_PERSON,
            _("В карточке уже %(count)d курсов — больше не вносится. Удалите старые записи."),
        )


class Consent(models.Model):
    """A person's consent to the processing of her personal data (152-ФЗ), kept as a document of its own: what it
    allows, when it was given, and its scan — or, without one, the head's word that the signed paper is kept."""

    class Scope(models.TextChoices):
        PROCESSING = "processing", _("обработка персональных данных")
        PUBLISHING = "publishing", _("публикация фамилии и инициалов на открытых страницах сайта")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("на что"), max_length=20, choices=Scope.choices)
    given_on = models.DateField(_("дата согласия"))
    scan = CheckedFileField(
        _("скан согласия"),
        upload_to="consents/%Y/",
        blank=True,
        validators=[validate_upload],
        download_view="members:consent_scan",
        help_text=_("PDF, JPEG или PNG, не больше 10 МБ."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("подтвердил(а)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("внесено"), auto_now_add=True)
    withdrawn_on = models.DateField(_("отозвано"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("согласие на обработку персональных данных")
        verbose_name_plural = _("согласия на обработку персональных данных")
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.person}: {self.get_scope_display()}, {format_date(self.given_on)}"

    def clean(self):
        errors = {}
        if self.given_on and self.given_on > timezone.localdate():
            errors["given_on"] = _("Согласие не может быть датировано будущим днём.")
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            errors["withdrawn_on"] = _("Отозвать согласие раньше, чем оно дано, нельзя.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_in_force(self):
        return self.withdrawn_on is None


@receiver(post_save, sender=Consent)
@receiver(post_delete, sender=Consent)
def consent_changed(sender, instance, **kwargs):
    """Person.publish_name follows her consents, however they change — a form, the admin's «delete selected»."""
    person = Person.objects.filter(pk=instance.person_id).first()
    if person is not None:
        person.refresh_publish_name()


class PrivacyPolicy(models.Model):
    """The site's published policy on processing personal data: the site administrator writes it in /admin/;
    the newest version is shown at /privacy/ (until there is one, a standard text: templates/privacy.html)."""

    text = LimitedTextField(
        _("текст политики"),
        max_length=50000,
        help_text=_("Абзацы — через пустую строку. Показывается на странице «Персональные данные»."),
    )
    operator = models.CharField(
        _("оператор персональных данных"),
        max_length=300,
        help_text=_("Кто обрабатывает данные: организация, её адрес и контакт для обращений."),
    )
    published_on = models.DateField(_("действует с"), default=timezone.localdate)

    class Meta:
        verbose_name = _("политика обработки персональных данных")
        verbose_name_plural = _("политика обработки персональных данных")
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return gettext("Политика от %(date)s") % {"date": format_date(self.published_on)}


class PortfolioEntry(models.Model):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("публикация")
        TALK = "talk", _("выступление")
        CONTEST = "contest", _("конкурс")
        MASTER_CLASS = "master_class", _("мастер-класс")
        OPEN_EVENT = "open_event", _("открытое мероприятие")

    class Level(models.TextChoices):
        SCHOOL = "school", _("школьный")
        MUNICIPAL = "municipal", _("муниципальный")
        REGIONAL = "regional", _("региональный")
        NATIONAL = "national", _("всероссийский")
        INTERNATIONAL = "international", _("международный")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="portfolio")
    title = models.CharField(_("название"), max_length=400)
    kind = models.CharField(_("вид"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("дата"))
    level = models.CharField(_("уровень"), max_length=20, choices=Level.choices)
    result = models.CharField(
        _("результат"), max_length=300, blank=True, help_text=_("Например: «диплом I степени», «участие».")
    )
    link = models.URLField(_("ссылка"), blank=True)
    file = CheckedFileField(
        _("файл"),
        upload_to="portfolio/%Y/",
        blank=True,
        validators=[validate_upload],
        download_view="members:portfolio_file",
        help_text=_("PDF, JPEG или PNG, не больше 10 МБ."),
    )

    history = HistoricalRecords()

    MOST_PER_PERSON = 200

    def clean(self):
        too_many(
            self,
            self.MOST_PER_PERSON,
            _("В портфолио уже %(count)d записей — больше не вносится. Удалите старые записи."),
        )

    class Meta:
        verbose_name = _("запись портфолио")
        verbose_name_plural = _("портфолио")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.title


class Account(models.Model):
    """What a login may do: its association and its role there.

    A regional coordinator belongs to no association: they read every association's work and change
    nothing; on the pages of one association they act as its reader (see `acting_in`).
    """

    class Role(models.TextChoices):
        HEAD = "head", _("руководитель ГТО ШБ")
        LIBRARIAN = "librarian", _("школьный библиотекарь")
        VIEWER = "viewer", _("комитет образования (чтение)")
        COORDINATOR = "coordinator", _("региональный координатор")

    # The roles a head gives, within her own association. A coordinator (and a head's first login) are the
    # site administrator's to make, in /admin/.
    ROLES_A_HEAD_GIVES = (Role.LIBRARIAN, Role.VIEWER, Role.HEAD)
    # The logins a head switches off, unlocks and erases: not another head's (one she appointed could otherwise
    # shut out the head the site administrator made) — heads are the site administrator's to manage.
    ROLES_A_HEAD_MANAGES = (Role.LIBRARIAN, Role.VIEWER)

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        related_name="accounts",
        null=True,
        blank=True,
        help_text=_("Пусто только у регионального координатора."),
    )
    role = models.CharField(_("роль"), max_length=20, choices=Role.choices)
    person = models.OneToOneField(
        Person,
        verbose_name=_("сотрудник"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account",
    )

    class Meta:
        verbose_name = _("учётная запись")
        verbose_name_plural = _("учётные записи")

    def __str__(self):
        return f"{self.user.get_username()} ({self.get_role_display()})"

    is_coordinator = False  # True on the stand-in `acting_in` makes

    # The role in words: what pages, templates and access helpers read (never the role's string).
    @property
    def is_head(self):
        """The association's head: changes everything of her association."""
        return self.role == self.Role.HEAD

    @property
    def is_librarian(self):
        """A school librarian: changes her own card and her own school's data."""
        return self.role == self.Role.LIBRARIAN

    @property
    def is_reader(self):
        """The education committee (and a coordinator on an association's pages): reads everything, changes nothing."""
        return self.role == self.Role.VIEWER

    @property
    def reads_everything(self):
        """The head or a reader: the association's overviews, every school's reports, private contacts."""
        return self.is_head or self.is_reader

    @property
    def school_id_acted_for(self):
        """The one rule for a librarian's own school: her card's school (None for everyone else, and for a
        librarian whose card names no school). No query."""
        return self.person.school_id if self.is_librarian and self.person is not None else None

    @property
    def school(self):
        """The school a librarian acts for; None for everyone else."""
        return self.person.school if self.school_id_acted_for is not None else None

    def acts_for(self, school):
        """The head of the school's association, or a librarian of that very school: who changes its data."""
        if self.is_head:
            return school.association_id == self.association_id
        return self.school_id_acted_for is not None and self.school_id_acted_for == school.pk

    @property
    def acts_for_a_school(self):
        """The head, or a librarian placed in a school: who adds offers and needs (no query)."""
        return self.is_head or self.school_id_acted_for is not None

    def clean(self):
        if (self.role == self.Role.COORDINATOR) != (self.association_id is None):
            raise ValidationError(
                {"association": _("Объединение указывается у всех, кроме регионального координатора.")}
            )
        if self.person_id is not None and self.person.association_id != self.association_id:
            raise ValidationError(
                {"person": _("Сотрудник из другого объединения: логин даётся только в своём.")}
            )

    def save(self, *args, **kwargs):
        # Whoever saves an account — a page, the admin, a command — saves a consistent one.
        self.clean()
        super().save(*args, **kwargs)

    def check_given_by(self, giver):
        """The rule for a head giving a login: in her own association, one of ROLES_A_HEAD_GIVES. ValidationError otherwise."""
        if not (
            giver is not None
            and giver.is_head
            and not giver.is_coordinator
            and giver.association_id is not None
        ):
            raise ValidationError(_("Логины даёт руководитель объединения."))
        if self.association_id != giver.association_id:
            raise ValidationError(_("Логин можно дать только в своём объединении."))
        if self.role not in self.ROLES_A_HEAD_GIVES:
            raise ValidationError(
                _("Роль «%(role)s» руководитель дать не может: её даёт администратор сайта.")
                % {"role": self.get_role_display()}
            )

    def can_be_managed_by(self, head):
        """The head may switch this login off, lift its delay or erase it: a librarian's or the committee's login of
        her association — never another head's, never the site administrator's own."""
        try:
            self.check_given_by(head)
        except ValidationError:
            return False
        return self.role in self.ROLES_A_HEAD_MANAGES and not (self.user.is_staff or self.user.is_superuser)

    def acting_in(self, association):
        """A coordinator on one association's pages: a reader of that association (an unsaved stand-in)."""
        stand_in = Account(
            pk=self.pk, user=self.user, association=association, role=self.Role.VIEWER, person=None
        )
        stand_in.is_coordinator = True
        return stand_in


class LoginAttempt(models.Model):
    """One try to sign in, kept for a while to slow down password guessing (members.throttle).

    A failure row is written before the password is checked and turned into a success when it was right.
    """

    username = models.CharField(
        _("логин"), max_length=150
    )  # lower-cased: «Kuklina» and «kuklina» are one login
    ip = models.GenericIPAddressField(_("адрес"), null=True, blank=True)
    at = models.DateTimeField(_("когда"), default=timezone.now, db_index=True)
    succeeded = models.BooleanField(_("вход выполнен"), default=False)

    class Meta:
        verbose_name = _("попытка входа")
        verbose_name_plural = _("попытки входа")
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["username", "at"], name="login_attempt_user"),
            models.Index(fields=["ip", "at"], name="login_attempt_ip"),
        ]

    def __str__(self):
        return f"{self.username} · {self.ip or '—'}"
