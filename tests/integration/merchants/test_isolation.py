"""A merchant never reaches another merchant's data, for reading or writing, in any view.

Table-driven: merchant A is logged in and requests every back-office URL with merchant B's
object ids, with GET and with POST. Each answer must be a refusal — 404 or 403 from our
views, or Wagtail's own refusal for its page and image views (a redirect to the dashboard
with "permission denied") — and B's data must be unchanged afterwards.
"""

import io

import pytest
from django.core.files.images import ImageFile
from oscar.test.factories import OrderFactory, OrderLineFactory
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection

from commerce.order.statuses import OrderStatus
from merchants.models import Invoice
from tests.factories import StockRecordFactory, invoice_with_pdf

pytestmark = pytest.mark.django_db

# 405: a view that only reads refuses the POST before touching anything.
REFUSED = {403, 404, 405}
PAGE_BULK_ACTIONS = ["delete", "move", "publish", "unpublish"]
IMAGE_BULK_ACTIONS = ["delete", "add_tags", "add_to_collection"]
REPORT_URLS = [
    "/admin/reports/site-history/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
]
# Listings and choosers a merchant may open: they must never name shop B's rows.
LISTING_URLS = [
    "/admin/images/",
    "/admin/images/?q=Vitrine",
    "/admin/images/chooser/",
    "/admin/images/chooser/results/?q=Vitrine",
    "/admin/api/main/images/",
    "/admin/api/main/images/?search=Vitrine",
    "/admin/documents/",
    "/admin/documents/chooser/",
    "/admin/api/main/documents/",
    "/admin/api/main/pages/?search=Beta",
    "/admin/api/main/pages/?type=merchants.MerchantPage",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q=Beta",
    "/admin/pages/search/?q=Beta",
    "/admin/",
]


def tiny_png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return ImageFile(buffer, name="b.png")


@pytest.fixture
def two_shops(onboard):
    shop_a = onboard("Alpha Fromages", email="alpha@example.org")
    shop_b = onboard("Beta Cidres", email="beta@example.org", commune="61071")
    order_b = OrderFactory(number="B-0001", status=OrderStatus.RECEIVED)
    OrderLineFactory(order=order_b, partner=shop_b.partner, partner_name=shop_b.name)
    collection_b = Collection.objects.get(name=f"Boutique · {shop_b.name}")
    image_b = Image.objects.create(title="Vitrine B", file=tiny_png(), collection=collection_b)
    StockRecordFactory(partner=shop_b.partner, product__title="Pommeau de B", partner_sku="B-1")
    invoice_with_pdf(
        merchant=shop_b, order=order_b, number="F-B-2026-000001", pdf=b"%PDF-1.7 Beta Cidres"
    )
    return shop_a, shop_b, order_b, image_b


def b_urls(shop_b, order_b, image_b) -> list[str]:
    page = shop_b.page
    product = shop_b.partner.stockrecords.get().product
    return [
        # articles
        f"/admin/articles/edit/{product.pk}/",
        f"/admin/articles/delete/{product.pk}/",
        f"/admin/articles/history/{product.pk}/",
        f"/admin/articles/usage/{product.pk}/",
        # the shop's settings (Merchant viewset)
        f"/admin/boutiques/edit/{shop_b.pk}/",
        f"/admin/boutiques/delete/{shop_b.pk}/",
        f"/admin/boutiques/history/{shop_b.pk}/",
        f"/admin/boutiques/usage/{shop_b.pk}/",
        # orders
        f"/admin/commandes/edit/{order_b.pk}/",
        f"/admin/commandes/delete/{order_b.pk}/",
        f"/admin/commandes/inspect/{order_b.pk}/",
        f"/admin/commandes/history/{order_b.pk}/",
        f"/admin/commandes/cancel/{order_b.pk}/",
        f"/admin/commandes/slip/{order_b.pk}/",
        # the order's invoice (and the credit note URL with the same id)
        f"/admin/factures/invoice/{shop_b_invoice(shop_b).pk}/pdf/",
        f"/admin/factures/credit_note/{shop_b_invoice(shop_b).pk}/pdf/",
        f"/admin/commandes/reduce/{order_b.pk}/{order_b.lines.get().pk}/",
        # the shop page
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/unpublish/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/localize/submit/page/{page.pk}/",
        f"/admin/choose-page/{page.pk}/",
        f"/admin/api/main/pages/{page.pk}/",
        # bulk actions on the shop page
        *(f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}" for action in PAGE_BULK_ACTIONS),
        # the shop's images
        f"/admin/images/{image_b.pk}/",
        f"/admin/images/{image_b.pk}/delete/",
        f"/admin/images/{image_b.pk}/usage/",
        f"/admin/images/chooser/chosen/{image_b.pk}/",
        f"/admin/api/main/images/{image_b.pk}/",
        *(
            f"/admin/bulk/wagtailimages/image/{action}/?id={image_b.pk}"
            for action in IMAGE_BULK_ACTIONS
        ),
        # staff-only screens
        "/admin/boutiques/new/",
        f"/admin/boutiques/suspend/{shop_b.pk}/",
        "/admin/inscriptions/",
        *REPORT_URLS,
        "/admin/locales/",
        "/admin/workflows/list/",
        "/admin/users/",
        "/admin/groups/",
    ]


def shop_b_invoice(shop_b) -> Invoice:
    return Invoice.objects.get(merchant=shop_b)


def snapshot(shop_b, order_b, image_b) -> tuple:
    record = shop_b.partner.stockrecords.select_related("product").get()
    shop_b.refresh_from_db()
    order_b.refresh_from_db()
    image_b.refresh_from_db()
    page = shop_b.page
    page.refresh_from_db()
    return (
        shop_b.name,
        shop_b.is_active,
        order_b.status,
        order_b.total_incl_tax,
        [line.quantity for line in order_b.lines.all()],
        page.title,
        page.live,
        image_b.title,
        record.product.title,
        record.product.is_public,
        record.price_incl_tax,
        record.num_in_stock,
    )


def assert_refused(response) -> None:
    if response.status_code in REFUSED:
        return
    # Wagtail's page and image views answer a refusal with a redirect to the dashboard.
    assert response.status_code == 302, response.status_code
    assert response["Location"].rstrip("/").endswith("/admin") or "login" in response["Location"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_merchant_a_cannot_reach_merchant_b_anywhere(client, two_shops, method):
    shop_a, shop_b, order_b, image_b = two_shops
    client.force_login(shop_a.users.get())
    before = snapshot(shop_b, order_b, image_b)
    payload = {
        "name": "Piraté",
        "title": "Piraté",
        "status": OrderStatus.CANCELLED,
        "is_active": "",
        "sku": "B-1",
        "price_incl_tax": "0,01",
        "vat_rate": "20",
        "stock": "0",
        "quantity": "0",
        "reason": "broken",
        "seen_quantity": "1",
        "confirm": "1",
    }

    for url in b_urls(shop_b, order_b, image_b):
        response = getattr(client, method)(url, payload if method == "post" else None)
        try:
            assert_refused(response)
        except AssertionError as error:
            raise AssertionError(f"{method.upper()} {url} was not refused: {error}") from None

    assert snapshot(shop_b, order_b, image_b) == before


def test_merchant_listings_show_only_its_own_rows(client, two_shops):
    shop_a, shop_b, order_b, _ = two_shops
    client.force_login(shop_a.users.get())

    shops = client.get("/admin/boutiques/").content.decode()
    orders = client.get("/admin/commandes/").content.decode()
    export = client.get("/admin/commandes/export/").content.decode("utf-8-sig")
    home = client.get("/admin/").content.decode()
    articles = client.get("/admin/articles/", {"q": "Pommeau"}).content.decode()
    invoices = client.get("/admin/factures/").content.decode()

    assert "Alpha Fromages" in shops and "Beta Cidres" not in shops
    assert "B-0001" not in orders
    assert "B-0001" not in export and "B-0001" not in home
    assert "Pommeau de B" not in articles
    assert "F-B-2026-000001" not in invoices and "Beta Cidres" not in invoices


def test_merchant_listings_and_choosers_never_name_another_shop(client, two_shops):
    shop_a, shop_b, _, image_b = two_shops
    page_b = shop_b.page
    page_b.title = "Brouillon secret de B"
    page_b.save_revision()
    client.force_login(shop_a.users.get())
    explorer = f"/admin/pages/{page_b.get_parent().pk}/"

    for url in [*LISTING_URLS, explorer, f"/admin/choose-page/{page_b.get_parent().pk}/"]:
        response = client.get(url)
        content = response.content.decode()
        assert response.status_code in {200, 302, *REFUSED}, f"{url}: {response.status_code}"
        for secret in ("Beta Cidres", "Brouillon secret de B", "beta@example.org", "Vitrine B"):
            assert secret not in content, f"{url} shows {secret!r}"
        assert image_b.file.name not in content, f"{url} shows B's original file"


def test_merchant_can_edit_its_own_settings(client, two_shops):
    shop_a, *_ = two_shops
    client.force_login(shop_a.users.get())
    assert client.get(f"/admin/boutiques/edit/{shop_a.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{shop_a.page.pk}/edit/").status_code == 200


def test_staff_see_every_shop(client, two_shops, council_staff):
    client.force_login(council_staff)
    shops = client.get("/admin/boutiques/").content.decode()
    assert "Alpha Fromages" in shops and "Beta Cidres" in shops
