from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from core.forms import bootstrap
from members.forms import DATE_INPUT
from members.models import GRADES, Association, School
from textbooks.models import FpuStatus, Need, Offer, Textbook, default_return_by
from textbooks.offers_import import find_typed
from textbooks.parsing import parse_grades
from textbooks.queries import REGION, BankCriteria, CatalogueCriteria
from textbooks.spreadsheets import validate_xlsx_upload

GRADE_CHOICES = [(grade, str(grade)) for grade in GRADES]


class SchoolChoiceMixin:
    """The head chooses the school an offer or need is for; a librarian's is their own (no field)."""

    def setup_school(self, schools):
        if schools is not None and self.instance.pk is None:
            self.fields["school"] = forms.ModelChoiceField(
                label=_("Школа"), queryset=schools, empty_label=None
            )
            self.order_fields(["school"])


class BankItemForm(VersionedForm, SchoolChoiceMixin, forms.ModelForm):
    """What offers and needs share: a textbook from the ФПУ by its number, or described by hand."""

    fpu_number = forms.CharField(
        label=_("Номер в ФПУ"), max_length=40, required=False,
        help_text=_("Например, 1.1.1.1.1.1. С номером наименование, авторов и издательство сайт возьмёт из перечня; "
                    "без номера — опишите учебник сами."),
    )  # fmt: skip

    def __init__(self, *args, schools=None, textbook=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        if textbook is None and self.instance.pk and self.instance.textbook_id:
            textbook = self.instance.textbook
        if textbook is not None:
            self.fields["fpu_number"].initial = textbook.fpu_number
        self.setup_school(schools)
        self.textbook = None

    def clean_fpu_number(self):
        number = self.cleaned_data["fpu_number"].strip().rstrip(".")
        if not number:
            return ""
        self.textbook = Textbook.objects.filter(fpu_number=number).first()
        if self.textbook is None:
            raise forms.ValidationError(
                _(
                    "Номера «%(number)s» нет в перечне: проверьте номер или оставьте поле пустым и опишите учебник сами."
                )
                % {"number": number}
            )
        return number

    def clean(self):
        cleaned = super().clean()
        if self.textbook is None and not cleaned.get("title") and "fpu_number" not in self.errors:
            self.add_error("title", _("Укажите номер в ФПУ или наименование учебника."))
        return cleaned

    def apply_textbook(self, item, grades):
        """The entry chosen by its number fills the description; a textbook typed by hand is linked to the entry
        it is, as the same row of a school's XLSX list would be (its title, first author and grade; the
        description stays as typed), or to none."""
        if self.textbook is not None:
            item.fill_from_textbook(self.textbook)
        else:
            item.textbook = find_typed(item.title, item.authors, *grades)
            if item.textbook is not None and not item.subject:
                item.subject = item.textbook.subject
        if "school" in self.cleaned_data:
            item.school = self.cleaned_data["school"]


class OfferForm(BankItemForm):
    grades = forms.CharField(
        label=_("Класс"),
        max_length=20,
        required=False,
        help_text=_("Один класс («5») или несколько («7-9»). С номером в ФПУ можно не указывать."),
    )

    class Meta:
        model = Offer
        fields = [
            "fpu_number",
            "title",
            "authors",
            "publisher",
            "subject",
            "grades",
            "year_published",
            "copies",
            "condition",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["grades"].initial = self.instance.grades_short

    def clean_grades(self):
        text = self.cleaned_data["grades"].strip()
        if not text:
            return None
        try:
            return parse_grades(text)
        except ValueError as error:
            raise forms.ValidationError(str(error).capitalize()) from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("grades") is None and "grades" not in self.errors:
            if self.textbook is not None:
                cleaned["grades"] = (self.textbook.grade_from, self.textbook.grade_to)
            else:
                self.add_error("grades", _("Укажите класс."))
        if self.instance.pk and cleaned.get("copies"):
            if refusal := Offer.below_reserved(cleaned["copies"], self.instance.reserved):
                self.add_error("copies", refusal)
        return cleaned

    def fill(self, offer):
        """The unsaved offer with the form's values (textbooks.services.save_offer saves it)."""
        self.apply_textbook(offer, self.cleaned_data["grades"])
        offer.grade_from, offer.grade_to = self.cleaned_data["grades"]
        return offer


class NeedForm(BankItemForm):
    grade = forms.TypedChoiceField(label=_("Класс"), choices=[("", "—")] + GRADE_CHOICES, coerce=int)

    class Meta:
        model = Need
        fields = ["fpu_number", "title", "authors", "subject", "grade", "copies", "needed_by", "note"]
        widgets = {"needed_by": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        textbook = kwargs.get("textbook")
        if textbook is not None and textbook.grade_from == textbook.grade_to:
            self.fields["grade"].initial = textbook.grade_from

    def clean_needed_by(self):
        day = self.cleaned_data["needed_by"]
        if day and self.instance.pk is None and day < timezone.localdate():
            raise forms.ValidationError(_("Эта дата уже прошла."))
        return day

    def fill(self, need):
        self.apply_textbook(need, (need.grade, need.grade))
        return need


class TransferRequestForm(forms.Form):
    copies = forms.IntegerField(label=_("Сколько экземпляров"), min_value=1)
    return_by = forms.DateField(label=_("Вернём до"), widget=DATE_INPUT)
    need = forms.ModelChoiceField(
        label=_("По нашей потребности"),
        queryset=Need.objects.none(),
        required=False,
        empty_label=_("— не связывать —"),
    )
    note = forms.CharField(label=_("Примечание"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, offer, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.fields["copies"].widget.attrs["max"] = offer.available
        self.fields["return_by"].initial = default_return_by()
        schools = schools.exclude(pk=offer.school_id)
        if len(schools) != 1:
            self.fields["to_school"] = forms.ModelChoiceField(
                label=_("Какая школа просит"), queryset=schools, empty_label=None
            )
            self.order_fields(["to_school"])
        else:
            self.school = schools[0]
        self.fields["need"].queryset = (
            Need.objects.matching(offer).filter(school__in=schools).select_related("school")
        )
        self.fields["need"].label_from_instance = lambda need: (
            f"{need.school}: {need.title}, {need.grades}, {need.copies} экз."
        )

    def clean_copies(self):
        copies = self.cleaned_data["copies"]
        if copies > self.offer.available:
            raise forms.ValidationError(_("Свободно только %(count)d экз.") % {"count": self.offer.available})
        return copies

    def clean_return_by(self):
        day = self.cleaned_data["return_by"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Эта дата уже прошла."))
        return day

    def clean(self):
        cleaned = super().clean()
        school = cleaned.get("to_school") or getattr(self, "school", None)
        need = cleaned.get("need")
        if need is not None and school is not None and need.school_id != school.pk:
            self.add_error("need", _("Это потребность другой школы."))
        cleaned["to_school"] = school
        return cleaned


class HandOverForm(forms.Form):
    day = forms.DateField(label=_("Передано"), widget=DATE_INPUT)
    return_by = forms.DateField(label=_("Вернуть до"), widget=DATE_INPUT)

    def __init__(self, *args, transfer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].initial = timezone.localdate()
        self.fields["return_by"].initial = transfer.return_by


class ReturnForm(forms.Form):
    day = forms.DateField(label=_("Возвращено"), widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].initial = timezone.localdate()


class QuickSelect(forms.Select):
    """A <select> written out in Python: the same markup as Django's, without a template per option.

    The bank's school filter lists every school of the association — a thousand in a region — and
    rendering each option through a template took longer than the rest of the page.
    """

    @property
    def choices(self):
        return self._quick_choices

    @choices.setter
    def choices(self, value):
        # Taken as given, (value, label) pairs without groups: Django's setter would normalise each of them.
        self._quick_choices = value

    def render(self, name, value, attrs=None, renderer=None):
        selected = (
            {"" if value is None else str(value)}
            if not isinstance(value, (list, tuple))
            else {str(v) for v in value}
        )
        options = "".join(
            f'\n  <option value="{escape(str(option))}"{" selected" if str(option) in selected else ""}>{escape(str(label))}</option>\n'
            for option, label in self.choices
        )
        return mark_safe(
            f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>{options}\n</select>'
        )


class BankFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Название или автор"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("например, Канакина")}),
    )
    subject = forms.ChoiceField(label=_("Предмет"), required=False, widget=QuickSelect)
    grade = forms.TypedChoiceField(label=_("Класс"), choices=[("", _("все классы"))] + GRADE_CHOICES, coerce=int, required=False, empty_value=None,
                                   widget=QuickSelect)  # fmt: skip
    school = forms.ModelChoiceField(
        label=_("Школа"),
        queryset=School.objects.none(),
        required=False,
        empty_label=_("Все школы"),
        widget=QuickSelect,
    )
    fpu = forms.ChoiceField(
        label=_("ФПУ"),
        choices=[("", _("любой статус"))] + FpuStatus.choices,
        required=False,
        widget=QuickSelect,
    )
    # Where to look: one's own association (empty), the whole region, or another association.
    scope = forms.ChoiceField(label=_("Где искать"), required=False, widget=QuickSelect)

    REGION = REGION

    def __init__(self, *args, association, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.association = association
        others = list(
            Association.objects.exclude(pk=association.pk).order_by("name").values_list("pk", "name")
        )
        if others:
            self.fields["scope"].choices = [("", _("наше объединение")), (self.REGION, _("весь регион"))] + [
                (str(pk), name) for pk, name in others
            ]
        else:
            del self.fields["scope"]  # a single association's site: nothing to choose
        schools = School.objects.filter(association=association)
        self.fields["school"].queryset = schools
        # The options in one plain query (a ModelChoiceField alone would read them through a server-side cursor),
        # given to the widget only: the field validates by its queryset (a thousand choices set on the field
        # would each be normalised on every page).
        self.fields["school"].widget.choices = [("", self.fields["school"].empty_label)] + list(
            schools.values_list("pk", "short_name")
        )
        self.fields["subject"].choices = [("", _("все предметы"))] + [
            (subject, subject) for subject in subjects
        ]
        bootstrap(self)

    def criteria(self):
        """What the person asked for (textbooks.queries builds the list): the valid choices, or none at all."""
        if not self.is_valid():
            return BankCriteria(self.association)
        data = self.cleaned_data
        return BankCriteria(
            self.association,
            scope=data.get("scope", ""),
            subject=data["subject"],
            grade=data["grade"],
            school=data["school"],
            fpu=data["fpu"],
            q=data["q"],
        )


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Название или автор"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("например, Атанасян")}),
    )
    grade = forms.TypedChoiceField(
        label=_("Класс"),
        choices=[("", _("все классы"))] + GRADE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    excluded = forms.BooleanField(label=_("Показать исключённые"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)

    def criteria(self):
        if not self.is_valid():
            return CatalogueCriteria()
        data = self.cleaned_data
        return CatalogueCriteria(grade=data["grade"], excluded=data["excluded"], q=data["q"])


class OffersImportForm(forms.Form):
    file = forms.FileField(
        label=_("Файл .xlsx"),
        validators=[validate_xlsx_upload],
        help_text=_("Не больше 5 МБ. Первая строка — заголовки столбцов."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        if len(schools) != 1:
            self.fields["school"] = forms.ModelChoiceField(
                label=_("Школа"), queryset=schools, empty_label=None
            )
            self.order_fields(["school", "file"])
        else:
            self.school = schools[0]

    def clean(self):
        cleaned = super().clean()
        cleaned["school"] = cleaned.get("school") or getattr(self, "school", None)
        return cleaned
