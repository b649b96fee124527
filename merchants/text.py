"""Text that merchants (and shoppers) type, made safe to print as HTML.

Everything a merchant writes reaches pages that council staff open while logged in, so
a script in it would act with their rights. One sanitiser, nh3 (the Ammonia HTML
sanitiser), with one whitelist, is the only way such text is printed unescaped.
"""

from __future__ import annotations

import html
import re

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

# What an article description may keep: paragraphs, line breaks, emphasis, lists, links.
DESCRIPTION_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"})
# A shop page's rich text (Wagtail's editor, features h2, h3, bold, italic, lists, links).
RICH_TEXT_TAGS = DESCRIPTION_TAGS | {"h2", "h3"}
LINK_ATTRIBUTES = {"a": {"href", "title"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Links leave the site without giving it away (noopener) nor lending it rank (nofollow).
LINK_REL = "noopener nofollow"

# A description using none of the whitelisted tags is plain text typed in a textarea: it is
# escaped (a "<" stays a "<"), and its line breaks are its structure.
_WHITELISTED_TAG = re.compile(r"<\s*/?\s*(p|br|strong|b|em|i|ul|ol|li|a)[\s/>]", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<\s*(p|br|ul|ol|li)[\s/>]", re.IGNORECASE)


def merchant_text_clean(*, text: str | None) -> SafeString:
    """An article description (plain text or simple HTML) as safe HTML.

    Plain text is escaped and keeps its paragraphs and line breaks; HTML keeps only the
    whitelist; links keep only absolute http(s) and mailto addresses, and get ``rel``.
    """
    if not text:
        return mark_safe("")
    source = str(text)
    if not _WHITELISTED_TAG.search(source):
        source = linebreaks(source, autoescape=True)
    elif not _BLOCK_TAG.search(source):
        # Only adds <p> and <br>; the sanitiser below still sees everything.
        source = linebreaks(source, autoescape=False)
    return _clean(source, tags=DESCRIPTION_TAGS, url_relative="deny")


def merchant_rich_text_clean(*, html: str | None) -> SafeString:
    """A shop page's rich text (Wagtail's HTML, links already expanded) as safe HTML.

    Relative links stay: they are the editor's links to the site's own pages.
    """
    if not html:
        return mark_safe("")
    return _clean(str(html), tags=RICH_TEXT_TAGS, url_relative="pass_through")


def merchant_text_plain(*, text: str | None) -> str:
    """A description as plain text (markup and scripts dropped), for structured data and
    other places that want words, not HTML. Not safe HTML: escape it where it is printed."""
    if not text:
        return ""
    words = nh3.clean(str(text).replace("<br", " <br").replace("</p>", " </p>"), tags=set())
    return " ".join(html.unescape(words).split())


def _clean(source: str, *, tags: frozenset[str], url_relative: str) -> SafeString:
    cleaned = nh3.clean(
        source,
        tags=set(tags),
        attributes=LINK_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        link_rel=LINK_REL,
        url_relative=url_relative,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just removed everything off the whitelist
