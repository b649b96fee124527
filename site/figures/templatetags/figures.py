"""Figures French style: "12 345", "12 345,60 €", "—" for nothing (never "None")."""

from django import template
from django.utils.formats import number_format

from merchants.templatetags.back_office import money_text

register = template.Library()


@register.filter
def figure(value, kind: str = "count") -> str:
    if value is None or value == "":
        return "—"
    if kind == "money":
        return money_text(value)
    if kind == "count":
        return number_format(value, 0, force_grouping=True)
    return str(value)


@register.filter
def cell_kind(table, index: int) -> str:
    return table.columns[index].kind
