from django import forms
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from events.models import Event, Plan, Section
from members.names import parse_name


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
    """An event and its responsible people.

    The responsible people arrive as several inputs named «responsible», one name
    each («Саблина В.И.» or «ГТО ШБ»), in printed order.
    """

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
        self.printed_names = []

    MAX_RESPONSIBLES = 20

    def clean(self):
        cleaned = super().clean()
        errors = []
        if len([value for value in self.responsible_values if value]) > self.MAX_RESPONSIBLES:
            self.add_error(None, _("Ответственных не больше %(count)d: назовите остальных в названии мероприятия.") % {"count": self.MAX_RESPONSIBLES})
            return cleaned
        for value in self.responsible_values:
            if not value:
                continue
            try:
                self.printed_names.append(parse_name(value))
            except ValueError as error:
                errors.append(str(error))
        if errors:
            self.add_error(None, _("Ответственные: ") + "; ".join(errors))
        return cleaned

    def responsible_inputs(self):
        """The values to show, with two empty inputs to add more."""
        return [v for v in self.responsible_values if v] + ["", ""]


class EventStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Event.Status.choices)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
