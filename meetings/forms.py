"""The forms of a meeting's pages; they only validate, the services change the models."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from meetings.models import AgendaItem, Decision, Material, Meeting
from members.forms import DATE_INPUT, PersonChoice, people_of, within_years

MOST_VOTES = 9999


class MeetingForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "starts_at", "place", "chair", "secretary"]
        widgets = {
            "held_on": DATE_INPUT,
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        field_classes = {"chair": PersonChoice, "secretary": PersonChoice}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("chair", "secretary"):
            self.fields[name].queryset = people_of(association)
        self.fields["secretary"].help_text = _(
            "Секретарь вместе с руководителем заполняет повестку, явку и протокол."
        )

    def clean_held_on(self):
        return within_years(self.cleaned_data.get("held_on"))


class AgendaItemForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "speaker", "speaker_text", "heard", "spoke"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "heard": forms.Textarea(attrs={"rows": 4}),
            "spoke": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"speaker": PersonChoice}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = people_of(association)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("speaker") and cleaned.get("speaker_text", "").strip():
            self.add_error(
                "speaker_text", _("Докладчик выбран из банка данных: гостя впишите, только если выступал он.")
            )
        return cleaned


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "responsible", "deadline", "votes_for", "votes_against", "votes_abstained"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "deadline": DATE_INPUT}
        field_classes = {"responsible": PersonChoice}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = people_of(association)
        for name in ("votes_for", "votes_against", "votes_abstained"):
            self.fields[name].max_value = MOST_VOTES
            self.fields[name].widget.attrs.update(min=0, max=MOST_VOTES)

    def clean_deadline(self):
        return within_years(self.cleaned_data.get("deadline"))

    def clean(self):
        cleaned = super().clean()
        for name in ("votes_for", "votes_against", "votes_abstained"):
            if (cleaned.get(name) or 0) > MOST_VOTES:
                self.add_error(name, _("Не больше %(count)d голосов.") % {"count": MOST_VOTES})
        return cleaned


DecisionFormSet = inlineformset_factory(
    AgendaItem,
    Decision,
    form=DecisionForm,
    extra=2,
    max_num=Decision.MOST_PER_ITEM,
    validate_max=True,
    absolute_max=Decision.MOST_PER_ITEM,
    can_delete=True,
)


class AttendanceForm(forms.Form):
    """The roster's marks: a checkbox «present-<id>» and a text «reason-<id>» per person listed, and the guests."""

    guests = Meeting._meta.get_field("guests").formfield(widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, data=None, *, people, **kwargs):
        super().__init__(data, **kwargs)
        self.people = people

    def clean(self):
        cleaned = super().clean()
        marks = []
        for person in self.people:
            reason = self.data.get(f"reason-{person.pk}", "").strip()
            if len(reason) > 200:
                raise forms.ValidationError(
                    _("Причина отсутствия %(name)s длиннее 200 знаков: сократите её.")
                    % {"name": person.printed_name}
                )
            marks.append((person, self.data.get(f"present-{person.pk}") == "1", reason))
        cleaned["marks"] = marks
        return cleaned


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = ["file", "item"]

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["item"].queryset = AgendaItem.objects.filter(meeting_id=meeting.pk)
        self.fields["item"].empty_label = _("ко всему заседанию")
        self.fields["item"].required = False
        self.fields["item"].widget.attrs["class"] = "form-select form-select-sm"
