"""The shop block of a product page (templates/oscar/catalogue/detail.html)."""

from django import template

from merchants.selectors import ProductShop
from merchants.selectors import product_shop as product_shop_select

register = template.Library()


@register.simple_tag
def product_shop(product) -> ProductShop | None:
    return product_shop_select(product=product)
