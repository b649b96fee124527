"""Wagtail content: images, pages added the way the admin does, and StreamField blocks."""

import factory


class WagtailImageFactory(factory.django.DjangoModelFactory):
    """A small real image in Wagtail's library (editorial heroes, block images)."""

    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Photo {n}")
    file = factory.django.ImageField(width=640, height=360, color="green")


def page_add(*, parent, page, publish: bool = True):
    """Add a Wagtail page under ``parent`` the way the admin does (a revision, then publish)."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def products_block(products, heading="Nos idées cadeaux"):
    return ("chosen_products", {"heading": heading, "products": list(products)})


def shops_block(pages, heading="Les boutiques"):
    return ("chosen_shops", {"heading": heading, "shops": list(pages)})
