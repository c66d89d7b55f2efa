from django import forms
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from core.forms import bootstrap
from core.years import FIRST_YEAR, LAST_YEAR
from members.models import (
    GRADES,
    Account,
    Association,
    Consent,
    Course,
    Enrollment,
    Person,
    PortfolioEntry,
    School,
)
from members.names import name_key

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def people_of(association):
    return (
        Person.objects.filter(association=association)
        .select_related("school")
        .order_by("surname", "initials")
    )


class PersonChoice(forms.ModelChoiceField):
    """A person of the data bank, shown with her school; empty: nobody chosen."""

    def __init__(self, *args, **kwargs):
        kwargs["empty_label"] = _("— не выбран —")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, person):
        return f"{person.printed_name}, {person.school.short_name}" if person.school else person.printed_name


def within_years(day):
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise forms.ValidationError(_("Проверьте год: %(year)d.") % {"year": day.year})
    return day


# Fields only the head changes: where a person works and whether they still do.
HEAD_ONLY_FIELDS = ["school", "is_active", "left_on"]


class PersonForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "surname", "first_name", "patronymic", "initials", "school", "position", "rate",
            "education_level", "education_institution", "education_year", "education_specialty",
            "experience_total", "experience_library", "experience_as_of",
            "category", "attestation_date", "attestation_due", "self_education_theme",
            "phone", "email", "is_active", "left_on",
        ]  # fmt: skip
        widgets = {
            "experience_as_of": DATE_INPUT, "attestation_date": DATE_INPUT, "attestation_due": DATE_INPUT,
            "left_on": DATE_INPUT, "self_education_theme": forms.Textarea(attrs={"rows": 2}),
        }  # fmt: skip

    def __init__(self, *args, association, by_head, **kwargs):
        super().__init__(*args, **kwargs)
        self.association = association
        self.instance.association = association
        self.fields["school"].queryset = School.objects.filter(association=association)
        if not by_head:
            for name in HEAD_ONLY_FIELDS:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        surname = cleaned.get("surname", "")
        first_name, patronymic = cleaned.get("first_name", ""), cleaned.get("patronymic", "")
        initials = (
            f"{first_name[:1]}." + (f"{patronymic[:1]}." if patronymic else "")
            if first_name
            else cleaned.get("initials", "")
        )
        if surname and not initials:
            self.add_error("initials", _("Укажите имя и отчество или хотя бы инициалы."))
        elif surname:
            same = (
                Person.objects.filter(association=self.association, key=name_key(surname, initials))
                .exclude(pk=self.instance.pk)
                .first()
            )
            if same:
                raise forms.ValidationError(
                    _(
                        "«%(name)s» уже есть в банке данных: откройте её карточку и дополните, чтобы не было двух записей об одном человеке."
                    )
                    % {"name": same.printed_name}
                )
        return cleaned


class CourseForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "provider", "hours", "start", "end", "certificate_number", "scan"]
        widgets = {"start": DATE_INPUT, "end": DATE_INPUT}


class PortfolioEntryForm(VersionedForm, forms.ModelForm):
    link = forms.URLField(label=_("Ссылка"), required=False, assume_scheme="https")

    class Meta:
        model = PortfolioEntry
        fields = ["title", "kind", "date", "level", "result", "link", "file"]
        widgets = {"date": DATE_INPUT}


class AssociationForm(forms.ModelForm):
    """What the head keeps of her association: its names, its town, the post her plans are signed with."""

    class Meta:
        model = Association
        fields = ["name", "short_name", "city", "head_post"]


class SchoolForm(VersionedForm, forms.ModelForm):
    """A school's card and its students per grade for one academic year."""

    class Meta:
        model = School
        fields = ["name", "short_name", "address", "phone", "email"]

    def __init__(self, *args, association, year_start, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.association = association
        self.year_start = year_start
        counts = {}
        if self.instance.pk:
            counts = dict(
                self.instance.enrollments.filter(year_start=year_start).values_list("grade", "students")
            )
        for grade in GRADES:
            self.fields[f"grade_{grade}"] = forms.IntegerField(
                label=_("%(grade)d класс") % {"grade": grade},
                min_value=0,
                max_value=5000,
                required=False,
                initial=counts.get(grade),
            )

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("short_name", _("Школа с таким кратким названием уже есть."))

    def grade_fields(self):
        return [self[f"grade_{grade}"] for grade in GRADES]

    def save(self, commit=True):
        school = super().save()
        for grade in GRADES:
            students = self.cleaned_data.get(f"grade_{grade}")
            if students is None:
                Enrollment.objects.filter(school=school, year_start=self.year_start, grade=grade).delete()
            else:
                Enrollment.objects.update_or_create(
                    school=school, year_start=self.year_start, grade=grade, defaults={"students": students}
                )
        return school


class AccountForm(forms.Form):
    username = forms.CharField(
        label=_("Логин"), max_length=150, help_text=_("Латиница, цифры и знаки @ . + - _")
    )
    role = forms.ChoiceField(
        label=_("Роль"),
        initial=Account.Role.LIBRARIAN,
        choices=[(role.value, role.label) for role in Account.ROLES_A_HEAD_GIVES],
    )

    def clean_username(self):
        """Latin letters, digits and @.+-_ only, as the help text says: a login that looks like another one
        (a full-width «Ｓablina», which Django turns into «Sablina») is refused, not made."""
        from django.contrib.auth.models import User
        from django.contrib.auth.validators import ASCIIUsernameValidator

        username = self.cleaned_data["username"].strip()
        ASCIIUsernameValidator(message=_("Логин — латинские буквы, цифры и знаки @ . + - _ без пробелов."))(
            username
        )
        if User.objects.filter(username__iexact=User.normalize_username(username)).exists():
            raise forms.ValidationError(_("Такой логин уже занят."))
        return username


class PersonFilterForm(forms.Form):
    school = forms.ModelChoiceField(
        label=_("Школа"), queryset=School.objects.none(), required=False, empty_label=_("Все школы")
    )
    position = forms.ChoiceField(
        label=_("Должность"), choices=[("", _("все должности"))] + Person.Position.choices, required=False
    )
    category = forms.ChoiceField(
        label=_("Категория"), choices=[("", _("все категории"))] + Person.Category.choices, required=False
    )
    no_recent_course = forms.BooleanField(label=_("Нет курсов за последние 3 года"), required=False)

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(association=association)
        bootstrap(self)


class ConsentForm(forms.ModelForm):
    """A consent the head records: with its scan, or her confirmation that the signed paper is kept."""

    confirmed = forms.BooleanField(
        label=_("Подтверждаю: согласие подписано этим сотрудником и хранится у меня"),
        required=False,
        help_text=_("Нужно, если скана нет."),
    )

    class Meta:
        model = Consent
        fields = ["scope", "given_on", "scan"]
        widgets = {"given_on": DATE_INPUT}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("scan") and not cleaned.get("confirmed"):
            raise forms.ValidationError(
                _("Приложите скан согласия или подтвердите, что подписанное согласие хранится у вас.")
            )
        return cleaned
