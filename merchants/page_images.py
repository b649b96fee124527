"""The images a shop page uses must be images its editor may choose.

Wagtail's image chooser only offers the merchant's own collection, but the form fields
accept any image id posted to them (logo, cover, image blocks, images embedded in rich
text). `MerchantPageForm` refuses an id outside what the image permission policy lets the
editor choose, unless the page already used it (an image the council placed stays).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs

IMAGE_FIELDS = ("logo", "cover_image")
FOREIGN_IMAGE_MESSAGE = _(
    "Cette image n'appartient pas à votre boutique : choisissez-en une de votre collection."
)


def image_ids_in_rich_text(html: str) -> Iterator[int]:
    for match in FIND_EMBED_TAG.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image" and str(attrs.get("id", "")).isdigit():
            yield int(attrs["id"])


def image_ids_in_block(block, value) -> Iterator[int]:
    """Every image id a StreamField value holds, however deep its blocks nest."""
    if value is None:
        return
    if isinstance(block, ImageChooserBlock):
        yield value.pk if hasattr(value, "pk") else int(value)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from image_ids_in_block(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from image_ids_in_block(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from image_ids_in_block(child_block, value.get(name))
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield from image_ids_in_rich_text(source)


def image_ids_in_stream(stream_value) -> set[int]:
    if not stream_value:
        return set()
    return set(image_ids_in_block(stream_value.stream_block, stream_value))


class MerchantPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is None:
            return cleaned_data
        page = self.instance
        already_used = {getattr(page, f"{name}_id") for name in IMAGE_FIELDS}
        already_used |= image_ids_in_stream(page.body) if page.pk else set()
        posted = {
            name: {image.pk}
            for name in IMAGE_FIELDS
            if (image := cleaned_data.get(name)) is not None
        }
        if cleaned_data.get("body") is not None:
            posted["body"] = image_ids_in_stream(cleaned_data["body"])
        new_ids = set().union(*posted.values()) - already_used
        if not new_ids:
            return cleaned_data
        policy = policy_registry.get_by_type(get_image_model())
        foreign = new_ids - set(
            policy.instances_user_has_permission_for(self.for_user, "choose")
            .filter(pk__in=new_ids)
            .values_list("pk", flat=True)
        )
        for name, ids in posted.items():
            if ids & foreign:
                self.add_error(name, ValidationError(FOREIGN_IMAGE_MESSAGE, code="foreign"))
        return cleaned_data
