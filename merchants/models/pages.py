from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from merchants.blocks import MerchantBodyBlock
from merchants.models.merchant import Merchant
from merchants.page_images import MerchantPageForm
from merchants.services.permissions import MerchantPagePermissionTester
from merchants.shop_index import ShopFilterForm, shop_index_page

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

PRODUCTS_PER_PAGE = 24


class MerchantIndexPage(Page):
    """The "Commerçants" page: every shop, paginated, filtered by commune, intercommunality,
    category and fulfilment mode."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["merchants.MerchantPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des commerçants")

    def public_shop_pages(self) -> QuerySet:
        """The shops listed here: live pages of active shops (merchants.shop_index filters them)."""
        return MerchantPage.objects.child_of(self).live().filter(merchant__is_active=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ShopFilterForm(request.GET, index_page=self)
        filters = form.filters()
        context.update(
            filter_form=form,
            filters=filters,
            filter_query=filters.query_string(),
        )
        shops = shop_index_page(index_page=self, filters=filters, number=request.GET.get("page"))
        context["shops"] = shops
        context["page_numbers"] = shops.paginator.get_elided_page_range(
            shops.number, on_each_side=1, on_ends=1
        )
        return context


class MerchantPage(Page):
    """A shop's public page, edited by the shop."""

    merchant = models.OneToOneField(
        Merchant, verbose_name=_("boutique"), related_name="page", on_delete=models.PROTECT
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de couverture"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    cover_alt = models.CharField(_("texte alternatif de la couverture"), max_length=250, blank=True)
    fulfilment_note = models.TextField(
        _("livraison et retrait"),
        blank=True,
        help_text=_("Précisez comment vos clients reçoivent leurs achats."),
    )
    body = StreamField(MerchantBodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("cover_image"), FieldPanel("cover_alt")],
            heading=_("Images"),
        ),
        FieldPanel("fulfilment_note"),
        FieldPanel("body"),
    ]
    # The shop is chosen once, by the onboarding service; nobody re-links a page to another shop.
    settings_panels = Page.settings_panels
    search_fields = Page.search_fields + [index.SearchField("fulfilment_note")]

    parent_page_types = ["merchants.MerchantIndexPage"]
    subpage_types: list[str] = []
    # Refuses image ids from outside the editor's collection (see merchants.page_images).
    base_form_class = MerchantPageForm

    class Meta:
        verbose_name = _("page boutique")
        verbose_name_plural = _("pages boutique")

    def permissions_for_user(self, user):
        # Wagtail lets whoever may change a page delete it; a shop page only goes with its shop.
        return MerchantPagePermissionTester(user, self)

    def route(self, request, path_components):
        # A suspended shop has no public page (previews in the admin still work).
        if not self.merchant.is_active:
            raise Http404
        return super().route(request, path_components)

    def products_for_sale(self) -> QuerySet:
        """The shop's public products with their stock record and photos prefetched.

        The listing reads the price from the one stock record instead of asking Oscar's
        strategy per product, which would cost a query per product.
        """
        partner_id = self.merchant.partner_id
        return (
            Product.objects.filter(is_public=True, stockrecords__partner_id=partner_id)
            .prefetch_related(
                Prefetch(
                    "stockrecords",
                    queryset=StockRecord.objects.filter(partner_id=partner_id),
                    to_attr="shop_stockrecords",
                ),
                Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            )
            .order_by("title", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.products_for_sale(), PRODUCTS_PER_PAGE)
        context["products"] = paginator.get_page(request.GET.get("page"))
        context["merchant"] = self.merchant
        context["opening_periods"] = list(self.merchant.opening_periods.all())
        return context
