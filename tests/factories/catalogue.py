"""Catalogue: products, their stock records and categories."""

from decimal import Decimal

import factory
from django.utils.text import slugify
from oscar.core.loading import get_model

from commerce.partner.vat import price_excl_tax
from tests.factories.merchants import MerchantFactory, PartnerFactory

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("slug",)

    name = "Article"
    slug = "article"
    track_stock = True


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    title = factory.Sequence(lambda n: f"Camembert n° {n}")
    product_class = factory.SubFactory(ProductClassFactory)
    structure = Product.STANDALONE
    is_public = True


class StockRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StockRecord

    product = factory.SubFactory(ProductFactory)
    partner = factory.SubFactory(PartnerFactory)
    partner_sku = factory.Sequence(lambda n: f"SKU-{n}")
    price_currency = "EUR"
    price_incl_tax = Decimal("12.90")
    vat_rate = "5.5"
    price = factory.LazyAttribute(
        lambda o: price_excl_tax(price_incl_tax=o.price_incl_tax, vat_rate=o.vat_rate)
    )
    num_in_stock = 10


class CategoryFactory(factory.django.DjangoModelFactory):
    """A catalogue category; pass ``parent=`` for a child (treebeard builds the tree path)."""

    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.add_root(**kwargs)
        return parent.add_child(**kwargs)


class MerchantStockRecordFactory(StockRecordFactory):
    """A merchant's article: its stock record on the merchant's partner, in one category."""

    class Meta:
        skip_postgeneration_save = True

    class Params:
        merchant = factory.SubFactory(MerchantFactory)

    partner = factory.SelfAttribute("merchant.partner")

    @factory.post_generation
    def category(obj, create, extracted, **kwargs):
        if create and extracted is not None:
            obj.product.categories.add(extracted)


def category(name: str, slug: str, parent=None):
    """The category with this slug, created (under ``parent``) when missing."""
    existing = Category.objects.filter(slug=slug).first()
    if existing:
        return existing
    return CategoryFactory(name=name, slug=slug, parent=parent)
