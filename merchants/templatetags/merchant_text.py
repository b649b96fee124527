"""Template filters printing merchants' text through the one sanitiser (merchants.text)."""

from django import template
from wagtail.rich_text import RichText, expand_db_html

from merchants.text import merchant_rich_text_clean, merchant_text_clean

register = template.Library()


@register.filter
def merchant_text(value):
    """An article description as safe HTML: plain text escaped, HTML whitelisted."""
    return merchant_text_clean(text=value)


@register.filter
def merchant_richtext(value):
    """A shop page's rich text, in place of Wagtail's ``|richtext``."""
    if value is None:
        return merchant_rich_text_clean(html="")
    source = value.source if isinstance(value, RichText) else str(value)
    return merchant_rich_text_clean(html=expand_db_html(source))
