"""Dates, amounts and slots as the back office writes them, in French and in Paris time.

Django's French formats write "1 décembre 2026"; French writes "1er décembre 2026". Times
are converted to the current time zone (Europe/Paris) before formatting, so a slot shows
the same hour on the order page, the slip, the list and the export.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from commerce.payment.connect import requirement_label
from commerce.prices import price_text

register = template.Library()


def _local(value: datetime | date) -> datetime | date:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def day_text(value: datetime | date | None, *, weekday: bool = False) -> str:
    """ "1er décembre 2026" (or "mardi 1er décembre 2026"); "—" when there is no date."""
    if value is None:
        return "—"
    value = _local(value)
    text = date_format(value, "l j F Y" if weekday else "j F Y")
    if translation.get_language() == "fr" and value.day == 1:
        text = text.replace(" 1 ", " 1er ", 1) if weekday else "1er" + text[1:]
    return text


def time_text(value: datetime | None) -> str:
    return "—" if value is None else date_format(_local(value), "H\\hi")


@register.filter
def jour(value, weekday: str = ""):
    return day_text(value, weekday=bool(weekday))


@register.filter
def heure(value):
    return time_text(value)


@register.filter
def quand(value):
    """A moment: "1er décembre 2026, 14h05" (Paris time)."""
    if value is None:
        return "—"
    return _("%(day)s à %(time)s") % {"day": day_text(value), "time": time_text(value)}


def slot_text(starts_at: datetime | None, ends_at: datetime | None) -> str:
    """A pickup slot: "mardi 1er décembre 2026, 10h00–11h00"."""
    if starts_at is None:
        return "—"
    text = f"{day_text(starts_at, weekday=True)}, {time_text(starts_at)}"
    if ends_at is not None:
        text += f"–{time_text(ends_at)}"
    return text


@register.simple_tag
def creneau(starts_at, ends_at):
    return slot_text(starts_at, ends_at)


def money_text(value: Decimal | None) -> str:
    # The site's one price format (commerce.prices), so the back office agrees with the shop.
    return price_text(value)


@register.filter
def euros(value):
    return money_text(value)


@register.filter
def taux(value: Decimal) -> str:
    """A VAT rate: "5,5 %", "20 %"."""
    return format(Decimal(value).normalize(), "f").replace(".", ",") + " %"


@register.filter
def oui_non(value) -> str:
    return _("Oui") if value else _("Non")


@register.filter
def stripe_requirement(code: str) -> str:
    """What Stripe still needs from a shop, in French words rather than Stripe's field path."""
    return requirement_label(code)
