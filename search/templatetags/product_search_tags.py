"""Display helpers for search results (URLs from a hit, without touching the database)."""

from django import template

from commerce.order.fulfilment import FulfilmentMode
from search.serializers import image_url, product_url

register = template.Library()


@register.filter
def media_url(name: str) -> str:
    return image_url(name) or ""


@register.filter(name="product_url")
def hit_product_url(hit) -> str:
    return product_url(hit.id, hit.slug)


@register.filter
def mode_label(mode: str) -> str:
    return str(dict(FulfilmentMode.choices).get(mode, mode))
