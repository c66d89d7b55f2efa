"""What every hand-laid form of the site shares."""

from django import forms


def bootstrap(form):
    """Bootstrap classes on a filter form's fields (filter forms are laid out by hand, not by crispy)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")
