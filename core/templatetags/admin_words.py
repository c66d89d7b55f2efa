from django import template

from core.admin_words import count_of as russian_count

register = template.Library()


@register.simple_tag
def count_of(count, opts):
    """{% count_of cl.result_count cl.opts %}: «3 плана работы»."""
    return russian_count(count, opts)
