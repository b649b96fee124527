"""Registers the editorial admin pieces: the product chooser and the site settings menu."""

from wagtail import hooks

from orne_site.editorial.choosers import product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset
