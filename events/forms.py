import math

from django import forms
from django.utils.translation import gettext_lazy as _

from audit.concurrency import VersionedForm
from events.checks import event_list
from events.models import Event, Plan, Section
from events.plan_import import MAX_BYTES, NEW, NOT_A_PLAN_FILE, OLD_WORD
from members.models import Person


class PlanHeaderForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "city_theme",
            "theme",
            "goal",
            "tasks",
            "results",
            "head_post",
            "head_name",
            "agreed_by_post",
            "agreed_by_name",
            "agreed_on",
            "agreed_note",
            "approved_by_post",
            "approved_by_name",
            "approved_on",
            "approved_note",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "agreed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
        fields = ["section", "title", "dates_text", "status", "outcome", "meeting_number"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    is_meeting = forms.BooleanField(
        label=_("Это заседание объединения"),
        required=False,
        help_text=_("У заседания есть повестка, явка, решения и протокол."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["is_meeting"].initial = self.instance.meeting_number is not None
        self.fields["meeting_number"].widget.attrs["max"] = 99
        self.fields["meeting_number"].help_text = _("Пусто — следующий свободный номер в этом году.")
        self.fields["section"].queryset = plan.sections.all()
        self.fields["section"].empty_label = None
        if self.is_bound:
            self.responsible_values = [v.strip() for v in self.data.getlist("responsible")]
        elif self.instance.pk:
            self.responsible_values = self.instance.responsible_names()
        else:
            self.responsible_values = []

    def clean_meeting_number(self):
        number = self.cleaned_data.get("meeting_number")
        if number is not None and not 1 <= number <= 99:
            raise forms.ValidationError(_("Номер заседания — от 1 до 99."))
        return number

    def clean(self):
        cleaned = super().clean()
        self._clean_meeting(cleaned)
        values = [value for value in self.responsible_values if value]
        if len(values) > self.MAX_RESPONSIBLES:
            self.add_error(
                None,
                _("Ответственных не больше %(count)d: назовите остальных в названии мероприятия.")
                % {"count": self.MAX_RESPONSIBLES},
            )
        elif any(len(value) > 300 for value in values):
            self.add_error(None, _("Строка ответственного длиннее 300 знаков: сократите её."))
        elif any("\x00" in value for value in values):
            self.add_error(None, _("Уберите из строк ответственных непечатаемые знаки."))
        return cleaned

    def _clean_meeting(self, cleaned):
        """Not a meeting: no number. A meeting: the number typed, unless the year has it; none typed: the next free."""
        if not cleaned.get("is_meeting"):
            cleaned["meeting_number"] = None
            return
        number = cleaned.get("meeting_number")
        if "meeting_number" in self.errors:
            return
        if number is None:
            cleaned["meeting_number"] = self.plan.next_meeting_number(but=self.instance.pk)
        elif (
            Event.objects.filter(section__plan=self.plan, meeting_number=number)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "meeting_number",
                _("Заседание № %(number)d в этом году уже есть: выберите другой номер.") % {"number": number},
            )

    @property
    def responsibles(self):
        return [value for value in self.responsible_values if value]

    def responsible_inputs(self):
        """The values to show, with two empty inputs to add more."""
        return [v for v in self.responsible_values if v] + ["", ""]


def validate_plan_upload(file):
    """5 MB at most, a .docx or .txt by name: what the file really is, the importer sees from its bytes."""
    if file.size > MAX_BYTES:
        size = f"{math.ceil(file.size / 2**20 * 10) / 10:.1f}".replace(".", ",")
        raise forms.ValidationError(
            _("Файл весит %(size)s МБ, а план работы — не больше 5 МБ: проверьте, тот ли это файл.")
            % {"size": size}
        )
    name = file.name.lower()
    if name.endswith(".doc"):
        raise forms.ValidationError(OLD_WORD)
    if not name.endswith((".docx", ".txt")):
        raise forms.ValidationError(NOT_A_PLAN_FILE)


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Файл плана"),
        validators=[validate_plan_upload],
        help_text=_("Документ Word (.docx) или текст (.txt), не больше 5 МБ."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )


class ImportChoicesForm(forms.Form):
    """The head's answers on the preview: the year, for each name without a card — leave it written, add a card
    or link it to a card — and, when the year has a plan, that it is to be replaced."""

    KEEP = ""

    year_start = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("В документе не указан учебный год: выберите его выше и нажмите «Показать».")
        },
    )

    def __init__(self, *args, shown, association, **kwargs):
        super().__init__(*args, initial={"year_start": shown.year_start}, **kwargs)
        self.shown = shown
        cards = list(
            Person.objects.filter(association=association)
            .select_related("school")
            .order_by("surname", "initials")
        )
        choices = [(self.KEEP, _("оставить как написано")), ("new", _("добавить карточку"))]
        choices += [
            (
                str(card.pk),
                _("это %(name)s")
                % {"name": f"{card.printed_name}{' — ' + card.school.short_name if card.school else ''}"},
            )
            for card in cards
        ]
        self.cards = {str(card.pk): card for card in cards}
        self.name_fields = []
        for key, name, _card, numbers in shown.new_names:
            field = (
                f"name-{key}"  # by the name, not its place: a card added meanwhile takes a name off the list
            )
            offered = (
                [choice for choice in choices if choice[0] != "new"] if key in shown.clashes else choices
            )  # one card a key
            self.fields[field] = forms.ChoiceField(
                label=str(name),
                choices=offered,
                required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.name_fields.append((self[field], key, name, event_list(numbers)))
        if shown.existing:
            self.fields["replace"] = forms.BooleanField(
                label=_(
                    "Заменить план на %(year)s учебный год: его разделы и мероприятия будут удалены, карточки людей останутся."
                )
                % {"year": shown.year_name},
                required=True,
                error_messages={
                    "required": _("План на этот год уже есть: чтобы заменить его, отметьте замену.")
                },
            )

    def chosen(self):
        """{name key: Person or NEW} for the writer."""
        chosen = {}
        for bound, key, _name, _numbers in self.name_fields:
            value = self.cleaned_data.get(bound.name) or self.KEEP
            if value == "new":
                chosen[key] = NEW
            elif value != self.KEEP:
                chosen[key] = self.cards[value]
        return chosen


class LinkNameForm(forms.Form):
    """A name the plan writes without a card: link it to one of the association's cards, or add it as a card."""

    key = forms.CharField(max_length=120)
    action = forms.ChoiceField(choices=[("link", "link"), ("new", "new")])
    person = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(association=association)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "link" and not cleaned.get("person"):
            raise forms.ValidationError(_("Выберите карточку из списка."))
        return cleaned


class EventStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Event.Status.choices)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
