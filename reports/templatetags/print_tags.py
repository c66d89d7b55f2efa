from django import template

from core import formats

register = template.Library()


@register.filter
def printed(value):
    """{{ value|printed }}: a date as «11 сентября 2023 г.», None as empty."""
    return formats.printed(value)


@register.filter
def keep_year_together(text):
    """{{ event.dates_text|keep_year_together }}: «Май, 2024 г.» with «2024 г.» on one line."""
    return formats.keep_year_together(text)


@register.simple_tag
def percent(part, whole):
    """{% percent done total %} → «80 %» (a narrow no-break space), empty when total is 0."""
    return formats.percent_text(part, whole)
