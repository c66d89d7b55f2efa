from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.names import name_key


class Association(models.Model):
    """A city association of school librarians (ГТО ШБ). Everything belongs to one."""

    name = models.CharField(_("полное название"), max_length=300)
    short_name = models.CharField(_("краткое название"), max_length=100, default="ГТО ШБ")
    city = models.CharField(_("город"), max_length=100, blank=True)
    slug = models.SlugField(_("адрес"), unique=True, help_text=_("Часть адреса страниц: латиница, цифры, дефис."))

    class Meta:
        verbose_name = _("объединение")
        verbose_name_plural = _("объединения")

    def __str__(self):
        return self.name


class School(models.Model):
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(_("полное название"), max_length=400)
    short_name = models.CharField(_("краткое название"), max_length=100)

    class Meta:
        verbose_name = _("школа")
        verbose_name_plural = _("школы")
        ordering = ["short_name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "short_name"], name="school_short_name_unique")
        ]

    def __str__(self):
        return self.short_name


class PersonQuerySet(models.QuerySet):
    def for_association(self, association):
        return self.filter(association=association)


class Person(models.Model):
    """A school librarian or anyone else named in the association's documents.

    The plan names people as «Саблина В.И.»: a person created from a document
    has only the surname and initials; the full name can be filled in later.
    """

    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="persons")
    surname = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100, blank=True)
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True)
    initials = models.CharField(
        _("инициалы"), max_length=10, blank=True, help_text=_("Как в документах: «В.И.». Заполняются по имени и отчеству.")
    )
    # Derived from surname and initials (see members.names): the key documents are matched by.
    key = models.CharField(max_length=120, editable=False, db_index=True)
    school = models.ForeignKey(
        School, verbose_name=_("школа"), on_delete=models.SET_NULL, null=True, blank=True, related_name="persons"
    )

    objects = PersonQuerySet.as_manager()

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

    @property
    def printed_name(self):
        """«Саблина В.И.», as documents print it."""
        return f"{self.surname} {self.initials}".strip()

    @property
    def full_name(self):
        return " ".join(part for part in (self.surname, self.first_name, self.patronymic) if part)

    def __str__(self):
        return self.printed_name


class Account(models.Model):
    """What a login may do: its association and its role there."""

    class Role(models.TextChoices):
        HEAD = "head", _("руководитель ГТО ШБ")
        LIBRARIAN = "librarian", _("школьный библиотекарь")
        VIEWER = "viewer", _("комитет образования (чтение)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="accounts")
    role = models.CharField(_("роль"), max_length=20, choices=Role.choices)
    person = models.OneToOneField(
        Person, verbose_name=_("сотрудник"), on_delete=models.SET_NULL, null=True, blank=True, related_name="account"
    )

    class Meta:
        verbose_name = _("учётная запись")
        verbose_name_plural = _("учётные записи")

    def __str__(self):
        return f"{self.user.get_username()} ({self.get_role_display()})"

    @property
    def is_head(self):
        return self.role == self.Role.HEAD
