from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from merchants.selectors import commune_list_with_most_merchants, merchant_list_public
from orne_site.editorial.choosers import ProductChooserBlock
from orne_site.editorial.models.base import SharedImageMixin, alt_field, image_field
from orne_site.editorial.models.campaigns import CampaignPage
from orne_site.editorial.selectors import (
    live_items_for_values,
    product_list_latest,
    stream_chosen_ids,
)

HOME_ITEMS = 8


class HomePage(SharedImageMixin, Page):
    """The marketplace's front door: what it is, a search box, shops and communes."""

    hero_title = models.CharField(
        _("titre d'accroche"), max_length=120, default="Achetez local, dans toute l'Orne"
    )
    hero_text = models.CharField(_("texte d'accroche"), max_length=300, blank=True)
    hero_image = image_field(_("image d'accroche"))
    hero_image_alt = alt_field()
    cta_label = models.CharField(_("libellé du bouton d'action"), max_length=80, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du bouton d'action"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    intro = RichTextField(_("présentation"), blank=True, features=["bold", "italic", "link"])
    featured_campaigns = StreamField(
        [("campaign", blocks.PageChooserBlock(page_type="editorial.CampaignPage"))],
        verbose_name=_("campagnes à la une"),
        blank=True,
        help_text=_("Vide : les campagnes en cours."),
    )
    featured_shops = StreamField(
        [("shop", blocks.PageChooserBlock(page_type="merchants.MerchantPage"))],
        verbose_name=_("boutiques à la une"),
        blank=True,
        help_text=_("Vide : les dernières boutiques inscrites."),
    )
    chosen_products = StreamField(
        [("product", ProductChooserBlock())],
        verbose_name=_("articles à la une"),
        blank=True,
        help_text=_("Vide : les derniers articles en stock."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("cta_label"),
                FieldPanel("cta_page"),
            ],
            heading=_("Accroche"),
        ),
        FieldPanel("intro"),
        FieldPanel("featured_campaigns"),
        FieldPanel("featured_shops"),
        FieldPanel("chosen_products"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "editorial.CampaignIndexPage",
        "editorial.NewsIndexPage",
        "editorial.StandardPage",
        "merchants.MerchantIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_featured_items(self))
        context["top_communes"] = commune_list_with_most_merchants(limit=HOME_ITEMS)
        return context


def home_featured_items(home: HomePage) -> dict:
    """The chosen campaigns, shops and products still on show, or the latest ones if none."""
    campaign_ids = stream_chosen_ids(home.featured_campaigns, block_type="campaign")
    if campaign_ids:
        found = CampaignPage.current_by_id(ids=campaign_ids)
        campaigns = [found[pk] for pk in campaign_ids if pk in found]
    else:
        campaigns = list(CampaignPage.current(locale=home.locale)[:3])

    shop_ids = stream_chosen_ids(home.featured_shops, block_type="shop")
    live = live_items_for_values(
        products=stream_chosen_ids(home.chosen_products, block_type="product"),
        shops=shop_ids,
    )
    product_ids = stream_chosen_ids(home.chosen_products, block_type="product")
    products = [live.products[pk] for pk in product_ids if pk in live.products]
    return {
        "featured_campaigns": campaigns,
        "featured_shop_pages": [live.shops[pk] for pk in shop_ids if pk in live.shops],
        # Without chosen shops, the newest shops (the home page as it was before).
        "featured_merchants": (
            [] if shop_ids else merchant_list_public().order_by("-created_at", "pk")[:HOME_ITEMS]
        ),
        "featured_products": products or product_list_latest(limit=HOME_ITEMS),
    }
