"""Two people editing the same record: the second save is refused with what changed meanwhile.

A form that mixes in `VersionedForm` carries the record's version (the id of its newest history
record) from the moment the page was opened. The view validates and saves inside
`transaction.atomic()`; `clean()` locks the row and compares versions, so two saves at the same
moment cannot both pass. After a refusal the form shows the other person's changes, keeps what this
person typed and carries the new version: saving again is a deliberate choice.
"""

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from audit.history import changes_since, latest_version


class VersionedForm(forms.BaseForm):
    """Mix into a ModelForm before forms.ModelForm: class EventForm(VersionedForm, forms.ModelForm)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if self.instance.pk and not self.instance._state.adding and not self.is_bound:
            self.initial["version"] = latest_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        loaded = cleaned.get("version")
        if instance.pk and not instance._state.adding:
            type(instance).objects.select_for_update().filter(
                pk=instance.pk
            ).first()  # hold the row until saved
            current = latest_version(instance)
            if loaded is None or current != loaded:  # no version at all is as stale as an old one
                self.data = self.data.copy()
                self.data[self.add_prefix("version")] = current
                message = (
                    conflict_message(instance, loaded)
                    if loaded is not None
                    else _(
                        "Форма пришла без отметки о том, какую версию записи вы открывали, поэтому сохранить её поверх "
                        "возможных чужих правок нельзя. Проверьте поля и сохраните ещё раз."
                    )
                )
                raise forms.ValidationError(message, code="conflict")
        return cleaned


def conflict_message(instance, version):
    parts = []
    for change in changes_since(instance, version):
        when = date_format(localtime(change.when), "j E Y г., H:i")
        fields = "; ".join(f"{label}: «{old}» → «{new}»" for label, old, new in change.fields) or _(
            "без видимых изменений"
        )
        parts.append(f"{change.who}, {when}: {fields}")
    return _(
        "Пока вы редактировали, запись изменили: %(changes)s. Ваши изменения не сохранены — проверьте поля и сохраните ещё раз."
    ) % {"changes": " | ".join(parts) or _("запись изменена")}
