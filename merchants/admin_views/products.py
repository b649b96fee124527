"""A shop's articles in the back office: list, search, create, edit, (de)activate, delete.

Reads go through merchants.scoping (a merchant sees its own articles only); writes go
through merchants.products, which refuses another shop's article a second time.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from merchants.admin_views.product_forms import ProductAdminForm
from merchants.admin_views.scoped import (
    MerchantScopedViewSetMixin,
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
)
from merchants.admin_views.service_errors import ServiceErrorsMixin
from merchants.products import (
    product_delete_for_merchant,
    product_save_for_merchant,
    product_set_images,
)
from merchants.scoping import merchant_for_user

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _save_from_form(form: ProductAdminForm, *, by, product=None):
    """The one path from the form to the services, for create and edit alike."""
    data = form.cleaned_data
    shop = form.shop()
    product = product_save_for_merchant(
        merchant=shop,
        product=product,
        sku=data["sku"],
        title=data["title"],
        description=data["description"],
        category=data["category"],
        price_incl_tax=data["price_incl_tax"],
        vat_rate=data["vat_rate"],
        stock=data["stock"],
        size_label=data.get("size_label") or "",
        is_active=data["is_public"],
        by=by,
    )
    removed = {image.pk for image in data.get("remove_photos") or []}
    kept = [image for image in product.images.order_by("display_order") if image.pk not in removed]
    if removed or form.new_photos():
        product_set_images(merchant=shop, product=product, images=kept + form.new_photos())
    return product


class ProductCreateView(ServiceErrorsMixin, generic.CreateView):
    def save_instance(self):
        return _save_from_form(self.form, by=self.request.user)


class ProductEditView(ServiceErrorsMixin, ScopedEditView):
    def save_instance(self):
        return _save_from_form(self.form, by=self.request.user, product=self.object)


class ProductDeleteView(ScopedDeleteView):
    def delete_action(self):
        record = self.object.stockrecords.select_related("partner__merchant").first()
        product_delete_for_merchant(merchant=record.partner.merchant, product=self.object)


class ProductIndexView(ScopedIndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if merchant_for_user(self.request.user) is not None:
            buttons += [
                HeaderButton(
                    _("Importer (CSV)"),
                    url=reverse("merchant_catalogue_import"),
                    icon_name="upload",
                ),
                HeaderButton(
                    _("Exporter (CSV)"),
                    url=reverse("merchant_catalogue_export"),
                    icon_name="download",
                ),
            ]
        return buttons

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(
                Prefetch(
                    "stockrecords",
                    queryset=StockRecord.objects.select_related("partner"),
                    to_attr="admin_stockrecords",
                )
            )
        )


def _record_value(attribute: str):
    def read(product):
        records = getattr(product, "admin_stockrecords", None) or []
        return getattr(records[0], attribute) if records else ""

    return read


PRODUCT_PANELS = ObjectList(
    [
        FieldPanel("merchant"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("category"),
                FieldPanel("description"),
                FieldPanel("size_label"),
            ],
            heading=_("Article"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price_incl_tax"), FieldPanel("vat_rate")]),
                FieldRowPanel([FieldPanel("sku"), FieldPanel("stock")]),
                FieldPanel("is_public"),
            ],
            heading=_("Prix et stock"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("remove_photos"),
                FieldPanel("photo_1"),
                FieldPanel("photo_2"),
                FieldPanel("photo_3"),
            ],
            heading=_("Photos (la première est la photo principale)"),
        ),
    ],
    base_form_class=ProductAdminForm,
)


class MerchantProductViewSet(MerchantScopedViewSetMixin, ModelViewSet):
    model = Product
    merchant_path = "stockrecords__partner__merchant"
    icon = "tag"
    menu_label = _("Articles")
    menu_order = 205
    add_to_admin_menu = True
    name = "merchant_products"
    url_prefix = "articles"
    index_view_class = ProductIndexView
    add_view_class = ProductCreateView
    edit_view_class = ProductEditView
    delete_view_class = ProductDeleteView
    copy_view_enabled = False
    edit_handler = PRODUCT_PANELS
    list_filter = ["is_public"]
    search_fields = ["title", "description"]
    list_display = [
        "title",
        Column("sku", label=_("Référence"), accessor=_record_value("partner_sku")),
        Column("price", label=_("Prix TTC"), accessor=_record_value("price_incl_tax")),
        Column("stock", label=_("Stock"), accessor=_record_value("num_in_stock")),
        Column("shop", label=_("Boutique"), accessor=_record_value("partner")),
        "is_public",
    ]
