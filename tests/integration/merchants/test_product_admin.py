"""A merchant manages its articles in the back office, in French, with photos."""

import html
import io
from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from PIL import Image

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


@pytest.fixture
def merchant_client(client, onboard):
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())
    client.shop = shop
    return client


@pytest.fixture
def cheese():
    top = Category.add_root(name="Alimentation", slug="alimentation")
    return top.add_child(name="Fromages", slug="fromages")


def jpeg(name="photo.jpg", size=(320, 240)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def form(cheese, **overrides) -> dict:
    data = {
        "title": "Livarot AOP",
        "description": "Affiné 5 semaines.",
        "size_label": "500 g",
        "is_public": "on",
        "sku": "LIV-500",
        "category": cheese.pk,
        "price_incl_tax": "11,90",
        "vat_rate": "5.5",
        "stock": "12",
    }
    data.update(overrides)
    return data


def test_merchant_creates_an_article_with_french_price_and_photo(merchant_client, cheese):
    response = merchant_client.post("/admin/articles/new/", form(cheese, photo_1=jpeg()))

    assert response.status_code == 302
    product = Product.objects.get(title="Livarot AOP")
    record = product.stockrecords.get()
    assert record.partner == merchant_client.shop.partner
    assert record.price_incl_tax == Decimal("11.90")
    assert record.price == Decimal("11.28")  # 11.90 / 1.055, stored excl. VAT
    assert record.num_in_stock == 12 and product.size_label == "500 g"
    assert list(product.categories.all()) == [cheese]
    assert product.images.count() == 1


def test_a_text_file_named_jpg_is_refused_and_the_form_kept(merchant_client, cheese):
    fake = io.BytesIO(b"ceci n'est pas une image")
    fake.name = "photo.jpg"

    response = merchant_client.post("/admin/articles/new/", form(cheese, photo_1=fake))

    content = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert 'value="Livarot AOP"' in content
    assert not Product.objects.exists()


def test_a_sku_used_twice_in_the_same_shop_is_refused(merchant_client, cheese):
    merchant_client.post("/admin/articles/new/", form(cheese))
    response = merchant_client.post("/admin/articles/new/", form(cheese, title="Autre"))
    assert response.status_code == 200
    assert Product.objects.count() == 1


def test_merchant_deactivates_then_deletes_its_article(merchant_client, cheese):
    merchant_client.post("/admin/articles/new/", form(cheese))
    product = Product.objects.get()

    merchant_client.post(
        f"/admin/articles/edit/{product.pk}/", form(cheese, is_public="", stock="0")
    )
    product.refresh_from_db()
    assert not product.is_public
    merchant_client.post(f"/admin/articles/delete/{product.pk}/")
    assert not Product.objects.exists()


def test_article_list_query_count_does_not_grow_with_articles(
    merchant_client, cheese, django_assert_max_num_queries
):
    for number in range(3):
        merchant_client.post("/admin/articles/new/", form(cheese, sku=f"S{number}"))
    with django_assert_max_num_queries(40) as captured:
        merchant_client.get("/admin/articles/")
    few = len(captured)
    for number in range(3, 25):
        merchant_client.post("/admin/articles/new/", form(cheese, sku=f"S{number}"))
    with django_assert_max_num_queries(few):
        merchant_client.get("/admin/articles/")
