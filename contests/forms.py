"""The forms of a contest's pages; they only validate, the services change the models."""

from decimal import Decimal

from django import forms
from django.db.models import Max
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from contests.models import ROMAN, Category, Contest, Criterion, Entry, JuryMember, Stage
from contests.scoring import score_text
from members.forms import DATE_INPUT, PersonChoice, people_of, within_years
from members.models import School


class ContestForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Contest
        fields = [
            "for_librarians",
            "level",
            "entry_deadline",
            "places",
            "participant_award",
            "rules",
            "rules_file",
            "layout",
            "background",
            "awarded_on",
        ]
        widgets = {
            "entry_deadline": DATE_INPUT,
            "awarded_on": DATE_INPUT,
            "rules": forms.Textarea(attrs={"rows": 6}),
            "places": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }

    def clean_entry_deadline(self):
        return within_years(self.cleaned_data.get("entry_deadline"))

    def clean_awarded_on(self):
        return within_years(self.cleaned_data.get("awarded_on"))


class ConfirmedContestForm(ContestForm):
    """Once the places are confirmed, what the results stand on (who takes part, the places, the lists) is fixed:
    the rules and the certificates' look still change."""

    class Meta(ContestForm.Meta):
        fields = ["level", "rules", "rules_file", "participant_award", "layout", "background", "awarded_on"]


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["title", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT}

    def clean_starts_on(self):
        return within_years(self.cleaned_data.get("starts_on"))

    def clean_ends_on(self):
        return within_years(self.cleaned_data.get("ends_on"))


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["title", "grade_from", "grade_to", "ages"]
        widgets = {
            "grade_from": forms.NumberInput(attrs={"min": 1, "max": 11}),
            "grade_to": forms.NumberInput(attrs={"min": 1, "max": 11}),
        }


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["title", "max_score"]
        widgets = {"max_score": forms.NumberInput(attrs={"min": 1, "max": 100})}

    def clean_max_score(self):
        most = self.cleaned_data.get("max_score")
        if most is not None and self.instance.pk:
            given = self.instance.scores.aggregate(Max("value"))["value__max"]
            if given is not None and given > most:
                raise forms.ValidationError(
                    _("Жюри уже поставило по этому критерию %(given)s: наибольший балл не может быть меньше.")
                    % {"given": score_text(given)}
                )
        return most


class JuryForm(forms.ModelForm):
    class Meta:
        model = JuryMember
        fields = ["person", "guest", "is_chair"]
        field_classes = {"person": PersonChoice}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_of(association)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("person") and cleaned.get("guest", "").strip():
            self.add_error(
                "guest", _("Член жюри выбран из банка данных: гостя впишите вместо него, а не вместе.")
            )
        return cleaned


class PartsFormSet(BaseInlineFormSet):
    default_error_messages = {
        "missing_management_form": _("Форма пришла неполной. Обновите страницу и заполните её снова."),
    }


class CategoryParts(PartsFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.entries.exists():
                raise forms.ValidationError(
                    _("В номинации «%(title)s» есть заявки: сначала перенесите их в другую номинацию.")
                    % {"title": form.instance.title}
                )


class JuryParts(PartsFormSet):
    def clean(self):
        super().clean()
        people = [
            form.cleaned_data["person"]
            for form in self.forms
            if form not in self.deleted_forms and form.cleaned_data.get("person")
        ]
        twice = {person for person in people if people.count(person) > 1}
        if twice:
            raise forms.ValidationError(
                _("%(name)s — в жюри дважды: оценки посчитались бы два раза.")
                % {"name": sorted(twice, key=str)[0].printed_name}
            )


def _parts(model, form, formset=PartsFormSet):
    return inlineformset_factory(
        Contest,
        model,
        form=form,
        formset=formset,
        extra=3,
        max_num=Contest.MOST_PARTS,
        validate_max=True,
        absolute_max=Contest.MOST_PARTS,
        can_delete=True,
    )


StageFormSet = _parts(Stage, StageForm)
CategoryFormSet = _parts(Category, CategoryForm, CategoryParts)
CriterionFormSet = _parts(Criterion, CriterionForm)
JuryFormSet = _parts(JuryMember, JuryForm, JuryParts)


def setup_formsets(contest, data=None, files=None):
    """The four lists of the setup page, each under its own prefix."""
    association = contest.association
    return [
        StageFormSet(data, files, instance=contest, prefix="stages"),
        CategoryFormSet(data, files, instance=contest, prefix="categories"),
        CriterionFormSet(data, files, instance=contest, prefix="criteria"),
        JuryFormSet(data, files, instance=contest, prefix="jury", form_kwargs={"association": association}),
    ]


class EntryForm(VersionedForm, forms.ModelForm):
    """A participant's entry. The head chooses the school; a librarian enters for her own."""

    class Meta:
        model = Entry
        fields = [
            "school",
            "category",
            "surname",
            "first_name",
            "grade",
            "participant",
            "work_title",
            "work_file",
            "work_link",
            "mentor",
            "mentor_text",
        ]
        field_classes = {"participant": PersonChoice, "mentor": PersonChoice}
        widgets = {"grade": forms.NumberInput(attrs={"min": 1, "max": 11})}

    work_link = forms.URLField(
        label=_("Ссылка на работу"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Если работа не файлом: видео, документ в облаке. Можно оставить пустым."),
    )

    def __init__(self, *args, contest, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.instance.contest = contest
        association = contest.association
        self.fields["category"].queryset = contest.categories.all()
        self.fields["category"].empty_label = _("— выберите —")
        people = people_of(association)
        self.fields["mentor"].queryset = people
        self.fields["participant"].queryset = people.filter(school=school) if school else people
        if school is not None:  # a librarian: her own school, not a choice
            del self.fields["school"]
            self.instance.school = school
        else:
            self.fields["school"].queryset = School.objects.filter(association=association)
            self.fields["school"].empty_label = _("— выберите —")
        if contest.for_librarians:
            for name in ("surname", "first_name", "grade", "mentor", "mentor_text"):
                del self.fields[name]
            self.fields["participant"].required = True
            self.fields["participant"].label = _("участник")
        else:
            del self.fields["participant"]
            for name in ("surname", "first_name", "grade"):
                self.fields[name].required = True
        self.fields["work_title"].required = True

    def clean(self):
        cleaned = super().clean()
        category, grade = cleaned.get("category"), cleaned.get("grade")
        if category and grade and not category.takes(grade):
            self.add_error(
                "grade",
                _("В номинацию «%(category)s» принимаются %(range)s, а не %(grade)d класс.")
                % {"category": category.title, "range": category.range_text, "grade": grade},
            )
        participant = cleaned.get("participant")
        school = cleaned.get("school") or getattr(self.instance, "school", None)
        if participant and school and participant.school_id != school.pk:
            self.add_error(
                "participant", _("Участник работает в другой школе: выберите библиотекаря этой школы.")
            )
        if category and school and self._entered_already(category, school, cleaned):
            self.add_error(
                None,
                _("Этот участник уже заявлен в номинацию «%(category)s».") % {"category": category.title},
            )
        if cleaned.get("mentor") and cleaned.get("mentor_text", "").strip():
            self.add_error(
                "mentor_text", _("Подготовивший уже выбран из банка данных: впишите только одного.")
            )
        return cleaned

    def _entered_already(self, category, school, cleaned):
        """The same pupil (or librarian) in the same category of this contest, from the same school."""
        others = Entry.objects.filter(contest=self.contest, category=category, school=school).exclude(
            pk=self.instance.pk
        )
        if self.contest.for_librarians:
            return (
                bool(cleaned.get("participant"))
                and others.filter(participant=cleaned["participant"]).exists()
            )
        surname, first_name = cleaned.get("surname", ""), cleaned.get("first_name", "")
        return (
            bool(surname) and others.filter(surname__iexact=surname, first_name__iexact=first_name).exists()
        )


class UploadForm(forms.Form):
    """The filled-in template; the head also says whose school's list it is."""

    school = forms.ModelChoiceField(
        label=_("школа"), queryset=School.objects.none(), empty_label=_("— выберите —")
    )
    file = forms.FileField(
        label=_("таблица XLSX"), help_text=_("Заполненный образец: одна строка — один участник.")
    )

    def __init__(self, *args, contest, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        if school is not None:
            del self.fields["school"]
        else:
            self.fields["school"].queryset = School.objects.filter(association_id=contest.plan.association_id)

    def clean(self):
        cleaned = super().clean()
        if "school" in self.fields:
            self.school = cleaned.get("school")
        return cleaned


class ScoreSheetForm(forms.Form):
    """A jury member's sheet: a cell «score-<entry>-<criterion>» per entry and criterion, empty or 0 … the
    criterion's maximum, in halves of a point at most."""

    def __init__(self, data=None, *, entries, criteria, scores, **kwargs):
        super().__init__(data, **kwargs)
        self.entries, self.criteria = entries, criteria
        for entry in entries:
            for criterion in criteria:
                name = f"score-{entry.pk}-{criterion.pk}"
                self.fields[name] = forms.DecimalField(
                    label=f"{entry.name}: {criterion.title}",
                    required=False,
                    min_value=Decimal(0),
                    max_value=Decimal(criterion.max_score),
                    max_digits=5,
                    decimal_places=1,
                    widget=forms.NumberInput(attrs={"step": "0.5", "min": 0, "max": criterion.max_score}),
                )
                self.fields[name].criterion_title = criterion.title
                self.initial[name] = scores.get((entry.pk, criterion.pk))

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if value is not None and (value * 2) % 1:
                self.add_error(name, _("Баллы ставятся целыми или с половиной: 9 или 9,5."))
        return cleaned

    def rows(self):
        """[(entry, [bound field per criterion])] for the table."""
        return [(entry, [self[f"score-{entry.pk}-{c.pk}"] for c in self.criteria]) for entry in self.entries]

    def values(self):
        return {
            (entry.pk, criterion.pk): self.cleaned_data.get(f"score-{entry.pk}-{criterion.pk}")
            for entry in self.entries
            for criterion in self.criteria
        }


class PlacesForm(forms.Form):
    """The head's places: a choice «place-<entry>» per entry — a participant, or I … the contest's places."""

    def __init__(self, data=None, *, contest, results, **kwargs):
        super().__init__(data, **kwargs)
        choices = [("", _("участник"))] + [(str(n), f"{ROMAN[n]}") for n in range(1, contest.places + 1)]
        self.rows = []
        for _category, rows in results:
            for result in rows:
                name = f"place-{result.entry.pk}"
                self.fields[name] = forms.TypedChoiceField(
                    label=_("место: %(name)s") % {"name": result.entry.name},
                    choices=choices,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
                current = result.entry.place if contest.places_confirmed else result.suggested
                self.initial[name] = "" if current is None else str(current)
                result.field = self[name]

    def places(self, results):
        """{entry_id: place} of the entries the page showed (an entry added since keeps its suggested place)."""
        return {
            result.entry.pk: self.cleaned_data.get(f"place-{result.entry.pk}")
            for _category, rows in results
            for result in rows
            if f"place-{result.entry.pk}" in self.data
        }
