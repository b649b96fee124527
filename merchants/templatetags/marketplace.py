"""Tags the apps' pages need whatever project they are installed in."""

from django import template

from merchants import conf

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The marketplace's name (``merchants.conf``), so app pages need no site context processor."""
    return conf.site_name()
