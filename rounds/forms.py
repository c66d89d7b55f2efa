from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from members.models import GRADES, School
from rounds.models import FsemAnswer, InspectionAnswer, ProvisionLine, Report, Round

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
    class Meta:
        model = ProvisionLine
        fields = ["grade", "subject", "students", "available", "missing"]

    def __init__(self, *args, enrollment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrollment = enrollment or {}
        self.fields["grade"] = forms.TypedChoiceField(
            label=_("класс"), coerce=int, choices=[("", "—")] + [(g, g) for g in GRADES]
        )
        self.fields["students"].required = False
        self.fields["students"].help_text = _("Пусто — возьмём из карточки школы.")
        self.fields["missing"].required = False
        self.fields["missing"].help_text = _("Пусто — учащихся минус экземпляров.")
        for name, field in self.fields.items():
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if name == "grade" else "form-control form-control-sm"
            )

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


ProvisionLineFormSet = inlineformset_factory(
    Report,
    ProvisionLine,
    form=ProvisionLineForm,
    extra=3,
    can_delete=True,
)


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
