"""``{% product_photo %}``: an article's photo as a sized thumbnail, or a placeholder.

Every place that shows an article (cards, the product page, basket lines) draws the same
thing: the sorl thumbnail with its width, height and alt text, so the page does not shift
as photos arrive; or, when the article has no photo or its file is gone (the thumbnail
backend, commerce/thumbnails.py, answers ``None`` then), a "Photo indisponible" drawing of
the same box size, so that a card without a photo lines up with its neighbours and a
screen reader still says why there is no picture.
"""

from __future__ import annotations

from django import template
from sorl.thumbnail.shortcuts import get_thumbnail

register = template.Library()
VIEW_WIDTH = 300


def _box(geometry: str) -> tuple[int, int]:
    """The width and height a geometry asks for ("300x300", "640" or "x200")."""
    width, _, height = geometry.partition("x")
    width_px = int(width) if width else int(height)
    return width_px, int(height) if height else width_px


@register.inclusion_tag("catalogue/includes/product_photo.html")
def product_photo(
    image,
    geometry: str,
    *,
    alt: str = "",
    crop: str = "",
    upscale: bool = True,
    lazy: bool = True,
    css_class: str = "product-photo",
    double: bool = False,
) -> dict:
    """``image``: a ProductImage, or anything without a stored file (None, Oscar's
    "missing image" stand-in) for the placeholder.

    ``double``: also offer the thumbnail at twice the size (never beyond the photo's own),
    for phones that have two pixels per point: a 300 px card photo on them looks blurred
    (Lighthouse: "Serves images with low resolution")."""
    thumbnail, srcset = None, ""
    original = getattr(image, "original", None) if getattr(image, "pk", None) else None
    width, height = _box(geometry)
    if original:
        options = {"upscale": upscale}
        if crop:
            options["crop"] = crop
        thumbnail = get_thumbnail(original, geometry, **options)
        if thumbnail is not None and double:
            larger = get_thumbnail(
                original, f"{width * 2}x{height * 2}", **{**options, "upscale": False}
            )
            if larger is not None and larger.width > thumbnail.width:
                srcset = f"{thumbnail.url} {thumbnail.width}w, {larger.url} {larger.width}w"
    return {
        "thumbnail": thumbnail,
        "srcset": srcset,
        "alt": alt,
        "lazy": lazy,
        "css_class": css_class,
        "width": width,
        "height": height,
        # The drawing is made in a box 300 units wide, whatever the size it is shown at.
        "view_height": round(VIEW_WIDTH * height / width),
        "middle": round(VIEW_WIDTH * height / width / 2),
    }
