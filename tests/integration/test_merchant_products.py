"""The merchant's product write service: one article, one stock record, one category."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from merchants.images import photo_clean
from merchants.products import (
    product_delete_for_merchant,
    product_save_for_merchant,
    product_set_images,
    product_set_main_photo,
)
from tests.factories import CategoryFactory, MerchantFactory, MerchantStockRecordFactory

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _save(merchant, **overrides):
    values = {
        "merchant": merchant,
        "sku": "CAM-250",
        "title": "Camembert fermier",
        "description": "Au lait cru.",
        "category": overrides.pop("category", None) or CategoryFactory(name="Fromages"),
        "price_incl_tax": Decimal("12.90"),
        "vat_rate": "5.5",
        "stock": 8,
        "size_label": "250 g",
    }
    return product_save_for_merchant(**{**values, **overrides})


def _photo(color=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), color).save(buffer, format="JPEG")
    return photo_clean(file=SimpleUploadedFile("p.jpg", buffer.getvalue()))


def test_creating_an_article_stores_both_prices_on_the_merchants_stock_record():
    merchant = MerchantFactory()
    product = _save(merchant)
    stockrecord = StockRecord.objects.get(product=product)
    assert stockrecord.partner == merchant.partner
    assert stockrecord.partner_sku == "CAM-250"
    assert stockrecord.price_incl_tax == Decimal("12.90")
    assert stockrecord.price == Decimal("12.23")
    assert stockrecord.num_in_stock == 8
    assert product.size_label == "250 g"
    assert [c.name for c in product.categories.all()] == ["Fromages"]


def test_updating_an_article_changes_its_sku_price_and_category():
    merchant = MerchantFactory()
    product = _save(merchant)
    cider = CategoryFactory(name="Cidre")
    _save(merchant, product=product, sku="CID-75", price_incl_tax=Decimal("6.50"), category=cider)
    stockrecord = StockRecord.objects.get(product=product)
    assert (stockrecord.partner_sku, stockrecord.price_incl_tax) == ("CID-75", Decimal("6.50"))
    assert list(product.categories.all()) == [cider]
    assert Product.objects.count() == 1


def test_creating_an_article_with_a_sku_the_shop_uses_is_refused():
    merchant = MerchantFactory()
    _save(merchant)
    with pytest.raises(ValidationError) as raised:
        _save(merchant, title="Autre")
    assert "sku" in raised.value.message_dict
    assert Product.objects.count() == 1


def test_two_shops_may_use_the_same_sku():
    _save(MerchantFactory())
    _save(MerchantFactory())
    assert StockRecord.objects.filter(partner_sku="CAM-250").count() == 2


def test_price_with_three_decimals_is_refused_with_a_french_message():
    with pytest.raises(ValidationError) as raised:
        _save(MerchantFactory(), price_incl_tax=Decimal("12.905"))
    assert raised.value.message_dict["price_incl_tax"] == [
        "Le prix a au plus deux chiffres après la virgule."
    ]


def test_unknown_vat_rate_is_refused():
    with pytest.raises(ValidationError) as raised:
        _save(MerchantFactory(), vat_rate="7")
    assert "vat_rate" in raised.value.message_dict


def test_merchant_cannot_edit_another_merchants_product():
    other = MerchantStockRecordFactory(price_incl_tax=Decimal("5.00"))
    with pytest.raises(PermissionDenied):
        _save(MerchantFactory(), product=other.product, price_incl_tax=Decimal("1.00"))
    other.refresh_from_db()
    assert other.price_incl_tax == Decimal("5.00")


def test_merchant_cannot_delete_another_merchants_product():
    other = MerchantStockRecordFactory()
    with pytest.raises(PermissionDenied):
        product_delete_for_merchant(merchant=MerchantFactory(), product=other.product)
    assert Product.objects.filter(pk=other.product_id).exists()


def test_deleting_an_article_removes_its_stock_record():
    merchant = MerchantFactory()
    product = _save(merchant)
    product_delete_for_merchant(merchant=merchant, product=product)
    assert not Product.objects.exists() and not StockRecord.objects.exists()


def test_images_are_stored_in_the_given_order_first_is_main():
    merchant = MerchantFactory()
    product = _save(merchant)
    red, blue = _photo((200, 0, 0)), _photo((0, 0, 200))
    product_set_images(merchant=merchant, product=product, images=[red, blue])
    first, second = product.images.all()
    product_set_images(merchant=merchant, product=product, images=[second, first])
    assert [image.pk for image in product.images.all()] == [second.pk, first.pk]
    assert product.primary_image().pk == second.pk


def test_images_left_out_are_deleted():
    merchant = MerchantFactory()
    product = _save(merchant)
    product_set_images(merchant=merchant, product=product, images=[_photo(), _photo((0, 90, 0))])
    kept = product.images.first()
    product_set_images(merchant=merchant, product=product, images=[kept])
    assert [image.pk for image in product.images.all()] == [kept.pk]


def test_same_main_photo_sent_twice_is_stored_once():
    merchant = MerchantFactory()
    product = _save(merchant)
    product_set_main_photo(merchant=merchant, product=product, photo=_photo())
    product_set_main_photo(merchant=merchant, product=product, photo=_photo())
    assert product.images.count() == 1


def test_merchant_cannot_set_photos_of_another_merchants_product():
    other = MerchantStockRecordFactory()
    with pytest.raises(PermissionDenied):
        product_set_images(merchant=MerchantFactory(), product=other.product, images=[_photo()])
    assert not other.product.images.exists()


def test_an_unchecked_file_passed_as_a_photo_is_checked_and_refused():
    merchant = MerchantFactory()
    product = _save(merchant)
    not_a_photo = SimpleUploadedFile("photo.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(ValidationError):
        product_set_images(merchant=merchant, product=product, images=[not_a_photo])
    assert not product.images.exists()


def test_a_photo_from_the_form_field_is_stored_as_checked():
    merchant = MerchantFactory()
    product = _save(merchant)
    (image,) = product_set_images(merchant=merchant, product=product, images=[_photo().as_file()])
    stored = Image.open(image.original.path)
    assert stored.format == "JPEG" and not stored.getexif()
