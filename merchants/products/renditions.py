"""The sizes of a product photo that the public pages show, made by a task, not by a shopper.

sorl-thumbnail makes a size the first time a page asks for it, inside that page's request: the
first shopper to open a shop after a merchant adds twenty photos waits for sixty resizes. So
when photos are saved, `product_photos_renditions_enqueue` queues `product_photo_renditions`
for after the commit (a worker in production); the pages then find every size ready. The
list must match the templates' {% thumbnail %}/{% oscar_thumbnail %} calls: a size missing
here is still made on first view, only slower.
"""

from __future__ import annotations

from collections.abc import Iterable

from django_tasks import task
from oscar.core.loading import get_model
from sorl.thumbnail import get_thumbnail

from commerce.background import enqueue_after_commit

ProductImage = get_model("catalogue", "ProductImage")

# (geometry, options) as the templates write them.
PUBLIC_PHOTO_SIZES: tuple[tuple[str, dict], ...] = (
    # Product cards (home page, shop page, search): templates/editorial/includes/product_card.html.
    ("300x300", {"crop": "center"}),
    # The product page's photos and its "other articles": templates/oscar/catalogue/detail.html.
    ("1200x1200", {"upscale": False}),
    ("300x300", {"upscale": False}),
)


@task()
def product_photo_renditions(*, image_ids: list[int]) -> int:
    """Make every public size of these photos; return how many photos were done."""
    done = 0
    for image in ProductImage.objects.filter(pk__in=image_ids):
        for geometry, options in PUBLIC_PHOTO_SIZES:
            get_thumbnail(image.original, geometry, **options)
        done += 1
    return done  # photos deleted since the upload are simply skipped


def product_photos_renditions_enqueue(*, image_ids: Iterable[int]) -> None:
    ids = sorted(set(image_ids))
    if ids:
        enqueue_after_commit(product_photo_renditions, image_ids=ids)
