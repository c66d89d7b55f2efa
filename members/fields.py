"""Model fields every app may use."""

import re

from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# A name is one line: no line breaks or other control characters (a CR in a surname went into every page,
# file and calendar that prints it).
one_line = RegexValidator(
    re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]"),
    inverse_match=True,
    message=_("Уберите переносы строк и непечатаемые знаки."),
)


class LimitedTextField(models.TextField):
    """A text of several lines with a length a person would really write: the form (maxlength, and its
    validation) and the model's own validation both refuse a longer one. Django's TextField takes max_length
    for the form only."""

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(max_length))
