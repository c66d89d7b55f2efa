"""Model fields every app may use."""

from django.core.validators import MaxLengthValidator
from django.db import models


class LimitedTextField(models.TextField):
    """A text of several lines with a length a person would really write: the form (maxlength, and its
    validation) and the model's own validation both refuse a longer one. Django's TextField takes max_length
    for the form only."""

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(max_length))
