"""Photos of an article: photo codes, product_set_images and the main photo."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from merchants.images import CleanPhoto, CleanPhotoFile, photo_clean
from merchants.models import Merchant
from merchants.products.records import (
    stockrecord_of_merchant,
)
from merchants.products.renditions import product_photos_renditions_enqueue

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")


def photo_code(*, product: Product, digest: str) -> str:
    return f"{product.pk}-{digest[:40]}"


def _checked(photo: CleanPhoto | File) -> CleanPhoto:
    """Any file not already checked by `merchants.images` is checked here, so no caller can
    store an unchecked upload by passing request.FILES straight in."""
    if isinstance(photo, CleanPhoto):
        return photo
    if isinstance(photo, CleanPhotoFile):
        return photo.photo
    return photo_clean(file=photo)


@transaction.atomic
def product_set_images(
    *,
    merchant: Merchant,
    product: Product,
    images: Sequence[ProductImage | CleanPhoto | File],
) -> list[ProductImage]:
    """Make ``images`` the article's photos, in this order (the first is the main photo).

    Items are the article's current ProductImages (kept, maybe reordered), photos checked by
    `merchants.images.photo_clean`, or files (from `PhotoField`: already checked; any other
    file is checked here, ValidationError if refused). Current photos left out are deleted,
    with their files.
    """
    stockrecord_of_merchant(merchant=merchant, product=product)
    current = {image.pk: image for image in product.images.all()}
    by_code = {image.code: image for image in current.values() if image.code}
    kept: list[ProductImage] = []
    added: list[ProductImage] = []
    for item in images:
        if isinstance(item, ProductImage):
            if item.pk not in current:
                raise PermissionDenied(_("Cette photo n'appartient pas à cet article."))
            kept.append(current[item.pk])
            continue
        photo = _checked(item)
        code = photo_code(product=product, digest=photo.source_digest)
        if code in by_code:
            kept.append(by_code[code])
            continue
        upload = photo.as_file()
        image = ProductImage(product=product, code=code, caption=product.title[:200])
        # Saved later with its final display order; the file is written to storage now.
        image.original.save(upload.name, upload, save=False)
        by_code[code] = image
        kept.append(image)
        added.append(image)
    kept_pks = {image.pk for image in kept if image.pk}
    for image in current.values():
        if image.pk not in kept_pks:
            # Not Oscar's ProductImage.delete(): it renumbers the others one by one.
            ProductImage.objects.filter(pk=image.pk).delete()
    saved = _save_display_order(kept)
    product_photos_renditions_enqueue(image_ids=[image.pk for image in added])
    return saved


def _save_display_order(images: list[ProductImage]) -> list[ProductImage]:
    seen: set[int] = set()
    ordered = []
    for image in images:
        if id(image) in seen:
            continue
        seen.add(id(image))
        ordered.append(image)
    for order, image in enumerate(ordered):
        image.display_order = order
        image.save()
    return ordered


def product_set_main_photo(
    *, merchant: Merchant, product: Product, photo: CleanPhoto | File
) -> list[ProductImage]:
    """Put ``photo`` first among the article's photos (added if new, moved if known)."""
    current = list(product.images.all())
    return product_set_images(merchant=merchant, product=product, images=[photo, *current])
