"""StreamField blocks a merchant uses to build its shop page."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class AccessibleImageBlock(blocks.StructBlock):
    """An image with its text alternative; decorative images say so explicitly (RGAA)."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )
    decorative = blocks.BooleanBlock(
        label=_("image décorative (pas de texte alternatif)"), required=False
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _("Saisissez un texte alternatif ou cochez « image décorative ».")
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "merchants/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "merchants/blocks/quote.html"


class OpeningHoursBlock(blocks.StaticBlock):
    """Shows the shop's opening hours from its settings, so they are typed only once."""

    class Meta:
        icon = "time"
        label = _("Horaires d'ouverture")
        admin_text = _("Affiche les horaires saisis dans les réglages de la boutique.")
        template = "merchants/blocks/opening_hours.html"


class ContactBlock(blocks.StaticBlock):
    """Shows the shop's address, phone and e-mail from its settings."""

    class Meta:
        icon = "mail"
        label = _("Coordonnées")
        admin_text = _("Affiche l'adresse, le téléphone et l'e-mail de la boutique.")
        template = "merchants/blocks/contact.html"


class MerchantBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_TEXT_FEATURES, template="merchants/blocks/rich_text.html"
    )
    image = AccessibleImageBlock()
    gallery = blocks.ListBlock(
        AccessibleImageBlock(),
        label=_("Galerie"),
        icon="image",
        template="merchants/blocks/gallery.html",
    )
    video = EmbedBlock(label=_("Vidéo"), icon="media", template="merchants/blocks/video.html")
    quote = QuoteBlock()
    opening_hours = OpeningHoursBlock()
    contact = ContactBlock()
