from django import forms
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from events.models import Event, Plan, Section


class PlanHeaderForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "city_theme", "theme", "goal", "tasks", "results", "head_post", "head_name",
            "approved_by_post", "approved_by_name", "approved_on",
        ]
        widgets = {
            "city_theme": forms.Textarea(attrs={"rows": 3}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "tasks": forms.Textarea(attrs={"rows": 14}),
            "results": forms.Textarea(attrs={"rows": 7}),
            "approved_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class SectionForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title"]


class EventForm(VersionedForm, forms.ModelForm):
    """An event and its responsible lines.

    They arrive as several inputs named «responsible», in printed order, each a line as it should be printed:
    a person («Саблина В.И.», «Петрова А.А. (СОШ №5)») or a group («все библиотекари»). A name is linked to its card
    when the association has one; otherwise it stays a written name (events.responsibles).
    """

    MAX_RESPONSIBLES = 20

    class Meta:
        model = Event
        fields = ["section", "title", "dates_text", "status", "outcome"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = plan.sections.all()
        self.fields["section"].empty_label = None
        if self.is_bound:
            self.responsible_values = [v.strip() for v in self.data.getlist("responsible")]
        elif self.instance.pk:
            self.responsible_values = self.instance.responsible_names()
        else:
            self.responsible_values = []

    def clean(self):
        cleaned = super().clean()
        values = [value for value in self.responsible_values if value]
        if len(values) > self.MAX_RESPONSIBLES:
            self.add_error(None, _("Ответственных не больше %(count)d: назовите остальных в названии мероприятия.") % {"count": self.MAX_RESPONSIBLES})
        elif any(len(value) > 300 for value in values):
            self.add_error(None, _("Строка ответственного длиннее 300 знаков: сократите её."))
        elif any("\x00" in value for value in values):
            self.add_error(None, _("Уберите из строк ответственных непечатаемые знаки."))
        return cleaned

    @property
    def responsibles(self):
        return [value for value in self.responsible_values if value]

    def responsible_inputs(self):
        """The values to show, with two empty inputs to add more."""
        return [v for v in self.responsible_values if v] + ["", ""]


class EventStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Event.Status.choices)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
