"""The article form of the back office: what a merchant types, in French, with photos."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms import WagtailAdminModelForm

from commerce.partner.vat import VatRate
from merchants.images import PhotoField
from merchants.models import Merchant
from merchants.products import product_class_for_articles
from merchants.scoping import merchant_for_user, user_is_council_staff
from merchants.validators import validate_no_control_characters

Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
NEW_PHOTO_FIELDS = ("photo_1", "photo_2", "photo_3")


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name  # "Alimentation > Fromages"


class ProductAdminForm(WagtailAdminModelForm):
    """Product fields plus the merchant's stock record (SKU, price incl. VAT, VAT, stock)."""

    merchant = forms.ModelChoiceField(
        queryset=Merchant.objects.order_by("name"), label=_("Boutique"), required=False
    )
    sku = forms.CharField(label=_("Référence (SKU)"), max_length=128)
    category = CategoryChoiceField(
        queryset=Category.objects.order_by("path"), label=_("Catégorie"), required=True
    )
    price_incl_tax = forms.DecimalField(
        label=_("Prix TTC (€)"),
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,  # French decimal comma: 12,90
    )
    vat_rate = forms.ChoiceField(label=_("TVA"), choices=VatRate.choices, initial=VatRate.REDUCED)
    stock = forms.IntegerField(label=_("Quantité en stock"), min_value=0, initial=0)
    photo_1 = PhotoField(label=_("Ajouter une photo"), required=False)
    photo_2 = PhotoField(label=_("Ajouter une photo"), required=False)
    photo_3 = PhotoField(label=_("Ajouter une photo"), required=False)
    remove_photos = forms.ModelMultipleChoiceField(
        queryset=get_model("catalogue", "ProductImage").objects.none(),
        label=_("Photos à retirer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = get_model("catalogue", "Product")
        fields = ["title", "description", "size_label", "is_public"]
        labels = {"is_public": _("En vente sur le site")}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        product = self.instance if self.instance.pk else None
        record = (
            StockRecord.objects.filter(product=product).select_related("partner").first()
            if product
            else None
        )
        self.owner = record.partner.merchant if record else merchant_for_user(for_user)
        if record:
            self.initial.update(
                sku=record.partner_sku,
                price_incl_tax=record.price_incl_tax,
                vat_rate=record.vat_rate,
                stock=record.num_in_stock,
                category=product.categories.first(),
            )
            self.fields["remove_photos"].queryset = product.images.order_by("display_order")
        else:
            del self.fields["remove_photos"]
            # Oscar's Product.clean() requires the class a new article will get.
            self.instance.product_class = product_class_for_articles()
        # Only council staff choose the shop, and only when creating.
        if product or not (for_user and user_is_council_staff(for_user)):
            del self.fields["merchant"]
        else:
            self.fields["merchant"].required = True
        # NUL and other control characters: PostgreSQL refuses NUL, the rest is invisible.
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_control_characters)

    def shop(self) -> Merchant:
        return self.owner or self.cleaned_data["merchant"]

    def new_photos(self) -> list:
        return [self.cleaned_data[name] for name in NEW_PHOTO_FIELDS if self.cleaned_data.get(name)]
