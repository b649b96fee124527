"""StreamField blocks council editors use to build campaigns, news and legal pages.

The "live" blocks store only what the editor chose (product and shop ids); what they show
(price, stock, whether the item is still on sale) is read at view time, in one place
(``selectors.live_items_for_streams``), so a page never needs re-publishing to stay true.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from merchants.blocks import AccessibleImageBlock, QuoteBlock
from orne_site.editorial.choosers import ProductChooserBlock
from orne_site.editorial.search_block import SavedSearchBlock
from orne_site.editorial.selectors import LiveItems, live_items_for_values

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CallToActionBlock(blocks.StructBlock):
    """A prominent link: to a page of the site, or to an address elsewhere."""

    label = blocks.CharBlock(label=_("libellé"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("ou adresse web"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(_("Choisissez une page ou une adresse."))])
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Bouton d'action")
        template = "editorial/blocks/call_to_action.html"


class ImageTextBlock(blocks.StructBlock):
    image = AccessibleImageBlock()
    text = blocks.RichTextBlock(label=_("texte"), features=RICH_TEXT_FEATURES)
    image_on_right = blocks.BooleanBlock(label=_("image à droite"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Image et texte")
        template = "editorial/blocks/image_text.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("réponse"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    """Questions and answers; each answer folds under its question (<details>, keyboard-ready)."""

    heading = blocks.CharBlock(label=_("titre"), required=False, max_length=120)
    items = blocks.ListBlock(FaqItemBlock(), label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "editorial/blocks/faq.html"


class _LiveBlock(blocks.StructBlock):
    """Shared by the live blocks: picks, from the items read at view time, the chosen ones."""

    heading = blocks.CharBlock(label=_("titre"), required=False, max_length=120)
    items_field = ""
    live_attribute = ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        live = (parent_context or {}).get("live_items")
        chosen = [item.pk for item in value[self.items_field] if item is not None]
        if not isinstance(live, LiveItems):
            # Rendered outside a page's get_context (a preview of the block alone).
            live = live_items_for_values(**{self.live_attribute: chosen})
        found = getattr(live, self.live_attribute)
        context["items"] = [found[pk] for pk in chosen if pk in found]
        return context


class ChosenProductsBlock(_LiveBlock):
    """Products chosen by the editor; those out of stock or withdrawn are left out at view time."""

    products = blocks.ListBlock(ProductChooserBlock(label=_("article")), label=_("articles"))
    items_field = "products"
    live_attribute = "products"

    class Meta:
        icon = "tag"
        label = _("Articles choisis")
        template = "editorial/blocks/chosen_products.html"


class ChosenShopsBlock(_LiveBlock):
    """Shop pages chosen by the editor; unpublished or deleted shops are left out."""

    shops = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="merchants.MerchantPage", label=_("boutique")),
        label=_("boutiques"),
    )
    items_field = "shops"
    live_attribute = "shops"

    class Meta:
        icon = "home"
        label = _("Boutiques choisies")
        template = "editorial/blocks/chosen_shops.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of news and legal pages."""

    rich_text = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_TEXT_FEATURES, template="editorial/blocks/rich_text.html"
    )
    image = AccessibleImageBlock()
    image_text = ImageTextBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Vidéo"), icon="media", template="merchants/blocks/video.html")
    faq = FaqBlock()


class CampaignBodyBlock(ArticleBodyBlock):
    """A campaign's body: the article blocks plus live products, shops and a saved search."""

    chosen_products = ChosenProductsBlock()
    chosen_shops = ChosenShopsBlock()
    saved_search = SavedSearchBlock()
