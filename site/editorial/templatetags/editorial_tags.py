"""Template helpers for editorial pages: safe rich text, structured data."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html
from wagtail.whitelist import Whitelister

register = template.Library()


@register.filter
def richtext_clean(value) -> str:
    """Like Wagtail's ``|richtext``, then filtered through Wagtail's whitelist again.

    The admin's editor already drops scripts and ``javascript:`` links when content is
    saved; HTML that reaches the database another way (imports, a shell) is cleaned here.
    """
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return mark_safe(Whitelister().clean(expand_db_html(source)))  # noqa: S308
