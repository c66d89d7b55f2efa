from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from members.forms import DATE_INPUT
from members.models import GRADES, School
from rounds.models import FsemAnswer, InspectionAnswer, ProvisionLine, Report, Round
from rounds.provision_input import MAX_PASTED_CHARS, where
from rounds.services import line_key


class RoundForm(forms.ModelForm):
    schools = forms.ModelMultipleChoiceField(
        label=_("Какие школы сдают"),
        queryset=School.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("По умолчанию — все школы объединения."),
    )

    class Meta:
        model = Round
        fields = ["kind", "title", "year_start", "deadline"]
        widgets = {"deadline": DATE_INPUT}
        help_texts = {"year_start": _("Год 1 сентября: 2024 для «2024-2025».")}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        schools = School.objects.filter(association=association)
        self.fields["schools"].queryset = schools
        self.fields["schools"].initial = list(schools)


class RoundEditForm(forms.ModelForm):
    """The head's changes to an open or closed round: its title and its deadline (earlier or later, not past)."""

    class Meta:
        model = Round
        fields = ["title", "deadline"]
        widgets = {"deadline": DATE_INPUT}
        help_texts = {
            "deadline": _("Срок можно перенести раньше или позже, но не на прошедший день."),
        }


class ReopenReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Что школе исправить"),
        max_length=Report._meta.get_field("reopen_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Библиотекарь увидит это на странице отчёта, пока не сдаст его снова."),
        error_messages={"required": _("Напишите, что школе нужно исправить.")},
    )


class ProvisionLineForm(forms.ModelForm):
    # The page offers rows nobody has to fill (has_changed): the browser must not insist on their copies.
    use_required_attribute = False

    class Meta:
        model = ProvisionLine
        fields = ["grade", "subject", "students", "available", "missing"]

    def __init__(self, *args, enrollment=None, offered=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.enrollment = enrollment or {}
        self.offered = offered  # line_key of the rows the page offers (rounds.services.offered_lines)
        self.fields["grade"] = forms.TypedChoiceField(
            label=_("Класс"), coerce=int, choices=[("", "—")] + [(g, g) for g in GRADES]
        )
        self.fields["students"].required = False
        self.fields["students"].help_text = _("Пусто — возьмём из карточки школы.")
        self.fields["missing"].required = False
        self.fields["missing"].help_text = _("Пусто — учащихся минус экземпляров.")
        for name, field in self.fields.items():
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if name == "grade" else "form-control form-control-sm"
            )

    def has_changed(self):
        """A new row the page offered and nobody answered — no copies typed, its grade, subject and the card's
        students as offered — is not a line: it is left out, not refused."""
        if not super().has_changed():
            return False
        if self.instance.pk is not None or not self.offered:
            return True
        typed = {name: str(self[name].data or "").strip() for name in self.Meta.fields}
        if typed["available"] or typed["missing"]:
            return True
        grade = int(typed["grade"]) if typed["grade"].isdigit() else None
        if line_key(grade, typed["subject"]) not in self.offered:
            return True
        return typed["students"] not in ("", str(self.enrollment.get(grade, "")))

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())

    def clean(self):
        cleaned = super().clean()
        grade, students, available = cleaned.get("grade"), cleaned.get("students"), cleaned.get("available")
        if grade and students is None:
            if grade not in self.enrollment:
                self.add_error(
                    "students",
                    _("В карточке школы нет числа учащихся %(grade)d класса: укажите его здесь.")
                    % {"grade": grade},
                )
            else:
                cleaned["students"] = self.instance.students = self.enrollment[grade]
                students = cleaned["students"]
        if cleaned.get("missing") is None and students is not None and available is not None:
            cleaned["missing"] = self.instance.missing = max(students - available, 0)
        return cleaned

    def where(self, number, pasted=False):
        """«Строка 3 (5 класс, Математика)»: this row as typed."""
        return where(number, self["grade"].value(), str(self["subject"].value() or "").strip(), pasted)

    def messages(self, number, pasted=False):
        """Each of the row's errors, saying the row and the column: «Строка 3 (5 класс, Математика), есть
        экземпляров: Обязательное поле.»"""
        place = self.where(number, pasted)
        result = []
        for name, errors in self.errors.items():
            column = "" if name == "__all__" else f", {str(self.fields[name].label).lower()}"
            result += [f"{place}{column}: {error}" for error in errors]
        return result


MAX_LINES = 600


class BaseProvisionLineFormSet(BaseInlineFormSet):
    """The report's lines as rows numbered as the page shows them: the saved lines by grade and subject, then
    the rows offered (by grade and subject too), then the new ones. The numbers stay what the person saw when
    the page comes back with an error: rows do not move because something was typed in them."""

    def numbered(self):
        """[(number, form)]: the rows in the order the page shows and the messages count them."""
        return list(enumerate(self.forms, start=1))

    def clean(self):
        """One line for one grade and subject: a second is refused where it is, naming the first."""
        super().clean()
        seen = {}
        # The report's saved lines that this page did not send (a second tab, a double click): a new row for
        # the same grade and subject is that line again, not a second one.
        posted = {form.instance.pk for form in self.initial_forms if form.instance.pk}
        saved = (
            {
                line_key(line.grade, line.subject): line
                for line in self.instance.provision_lines.exclude(pk__in=posted)
            }
            if self.instance.pk
            else {}
        )
        for number, form in self.numbered():
            if not hasattr(form, "cleaned_data"):
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            grade, subject = form.cleaned_data.get("grade"), form.cleaned_data.get("subject")
            if not grade or not subject:
                continue
            key = line_key(grade, subject)
            if key in saved and form.instance.pk is None:
                form.add_error(
                    "subject",
                    _("этот предмет %(grade)d класса в отчёте уже сохранён: обновите страницу.")
                    % {"grade": grade},
                )
            elif key in seen:
                form.add_error(
                    "subject",
                    _("этот предмет %(grade)d класса уже есть в строке %(number)d.")
                    % {"grade": grade, "number": seen[key]},
                )
            else:
                seen[key] = number

    def row_errors(self):
        """Every error, by the row it is in, in the page's order; the rows marked for removal are not checked."""
        result = [str(error) for error in self.non_form_errors()]
        for number, form in self.numbered():
            if self.can_delete and self._should_delete_form(form):
                continue
            result += form.messages(number)
        return result

    def disagreements(self):
        """The saved lines whose numbers cannot all be true (ProvisionLine.numbers_disagree), by their row."""
        return [
            gettext(
                "%(where)s: есть %(available)d экз., не хватает %(missing)d экз. — вместе %(sum)d, "
                "а учащихся %(students)d."
            )
            % {
                "where": form.where(number),
                "available": form.instance.available,
                "missing": form.instance.missing,
                "sum": form.instance.available + form.instance.missing,
                "students": form.instance.students,
            }
            for number, form in self.numbered()
            if form.instance.pk is not None and form.instance.numbers_disagree
        ]


ProvisionLineFormSet = inlineformset_factory(
    Report,
    ProvisionLine,
    form=ProvisionLineForm,
    formset=BaseProvisionLineFormSet,
    extra=3,
    can_delete=True,
    # A school has 11 grades and a few dozen subjects: a form sent with more rows is refused before it is read.
    max_num=MAX_LINES,
    absolute_max=MAX_LINES,
    validate_max=True,
)


def checked_rows(rows, enrollment, pasted=False):
    """(cleaned rows, errors): rows that came in whole (rounds.provision_input), each checked by the row form as
    if typed on the page; a grade and subject twice is refused at the second."""
    cleaned, errors, seen = [], [], {}
    for number, data in rows:
        form = ProvisionLineForm(data, enrollment=enrollment)
        if form.is_valid():
            key = line_key(form.cleaned_data["grade"], form.cleaned_data["subject"])
            if key in seen:
                errors.append(
                    gettext("%(where)s: этот предмет этого класса уже есть в строке %(number)d.")
                    % {"where": form.where(number, pasted), "number": seen[key]}
                )
                continue
            seen[key] = number
            cleaned.append(form.cleaned_data)
        else:
            errors += form.messages(number, pasted)
    return cleaned, errors


class ProvisionInputForm(forms.Form):
    """What comes in whole on a provision report's page: one grade pasted from Excel, or the filled form."""

    paste_grade = forms.TypedChoiceField(
        label=_("Класс"), coerce=int, required=False, choices=[("", "—")] + [(g, g) for g in GRADES]
    )
    paste = forms.CharField(
        label=_("Строки класса из Excel"),
        required=False,
        max_length=MAX_PASTED_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control font-monospace"}),
        help_text=_(
            "Выделите в Excel ячейки класса — предмет, учащихся, экземпляров, не хватает — скопируйте и вставьте сюда."
        ),
    )
    form_file = forms.FileField(
        label=_("Заполненная форма (.xlsx)"),
        required=False,
        help_text=_("Не больше 1 МБ. Строки, которых нет в файле, остаются как были."),
    )

    def clean(self):
        cleaned = super().clean()
        if self.action == "paste":
            if not cleaned.get("paste_grade"):
                self.add_error("paste_grade", _("Выберите класс, строки которого вставлены."))
            if not (cleaned.get("paste") or "").strip():
                self.add_error("paste", _("Вставьте строки класса из Excel."))
        if self.action == "upload" and not cleaned.get("form_file"):
            self.add_error("form_file", _("Выберите файл с заполненной формой."))
        return cleaned

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["paste_grade"].widget.attrs["class"] = "form-select"


class FsemForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = FsemAnswer
        fields = [
            "check_date",
            "list_edition",
            "items_found",
            "items_withdrawn",
            "act_number",
            "act_date",
            "act_scan",
        ]
        widgets = {"check_date": DATE_INPUT, "list_edition": DATE_INPUT, "act_date": DATE_INPUT}


class InspectionForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = InspectionAnswer
        fields = ["share_in_fpu", "excluded_in_use"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counts = self.instance.excluded_by_grade or self.initial.get("excluded_by_grade", {})
        for grade in GRADES:
            self.fields[f"grade_{grade}"] = forms.IntegerField(
                label=_("%(grade)d класс") % {"grade": grade},
                min_value=0,
                required=False,
                initial=counts.get(str(grade)),
            )

    def grade_fields(self):
        return [self[f"grade_{grade}"] for grade in GRADES]

    def clean(self):
        cleaned = super().clean()
        # On the instance before the model's own check (InspectionAnswer.clean) runs in _post_clean.
        self.instance.excluded_by_grade = {
            str(g): cleaned[f"grade_{g}"] for g in GRADES if cleaned.get(f"grade_{g}")
        }
        return cleaned
