"""A merchant prepares a paid order in Chromium: opens it from the admin home, prints the
slip, takes a broken article out (refunded on localstripe, the shopper told), hands it over.

The order is placed through the real checkout services and paid on localstripe
(tests.payments.paid_pickup_order). With SCREENSHOTS_DIR set, the pages are also saved
there at phone and desktop sizes, for a person to look at.
"""

import os
import re
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail

from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from tests.factories import PASSWORD, MerchantStockRecordFactory, merchant_hours_set, shop_onboard
from tests.payments import paid_pickup_order

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


@pytest.fixture
def paid_order(stripe_settings):
    shop = shop_onboard(name="Fromagerie du Bocage", email="bocage@example.org")
    merchant_hours_set(merchant=shop, hours=[(day, time(0), time(23, 59)) for day in range(7)])
    camembert = MerchantStockRecordFactory(
        merchant=shop, price_incl_tax=Decimal("6.20"), vat_rate="5.5", product__title="Camembert"
    )
    cidre = MerchantStockRecordFactory(
        merchant=shop, price_incl_tax=Decimal("4.80"), vat_rate="20", product__title="Cidre brut"
    )
    order = paid_pickup_order(shop=shop, items=[(camembert, 3), (cidre, 1)])
    mail.outbox.clear()
    return order


def shoot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for label, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        # Wagtail's admin scrolls inside its own container: shoot the content itself.
        content = page.locator(".order-page, body.slip").first
        content.screenshot(path=f"{folder}/{name}-{label}.png")
    page.set_viewport_size(size)


def test_merchant_takes_a_broken_article_out_and_hands_the_order_over(
    live_server, page, paid_order
):
    page.set_default_timeout(15_000)
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "bocage@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    # From the admin home's "to prepare" panel to the order.
    page.get_by_role("link", name=re.compile(paid_order.number)).first.click()
    page.wait_for_url(f"{base}/admin/commandes/edit/{paid_order.pk}/")
    assert "Camembert" in page.locator("main").inner_text()
    shoot(page, "order-before")

    with page.expect_popup() as popup:
        page.get_by_role("link", name="Imprimer le bon de préparation").click()
    slip = popup.value
    slip.wait_for_load_state()
    assert "Cidre brut" in slip.locator("body").inner_text()
    slip.close()

    page.locator("tr", has_text="Cidre brut").get_by_role(
        "link", name="Retirer ou réduire…"
    ).click()
    shoot(page, "reduce-form")
    page.select_option("select[name=quantity]", value="0")
    page.get_by_label("Article cassé ou abîmé").check()
    page.get_by_role("button", name="Voir le montant remboursé").click()
    confirm = page.locator("main").inner_text()
    assert "Le client est remboursé de 4,80\u202f€ TTC sur sa carte." in confirm
    shoot(page, "reduce-confirm")
    page.get_by_role("button", name="Oui, modifier et rembourser").click()
    page.wait_for_url(f"{base}/admin/commandes/edit/{paid_order.pk}/")

    body = page.locator("main").inner_text()
    assert "« Cidre brut » retiré (Article cassé ou abîmé)" in body
    assert "18,60\u202f€" in body
    shoot(page, "order-after")
    page.goto(f"{base}/admin/commandes/slip/{paid_order.pk}/")
    assert "Cidre brut" not in page.locator("body").inner_text()
    shoot(page, "slip-after")
    page.goto(f"{base}/admin/commandes/edit/{paid_order.pk}/")

    for status in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED):
        page.get_by_role("button", name=f"Passer à « {status.label} »").click()
        page.wait_for_url(f"{base}/admin/commandes/edit/{paid_order.pk}/")
    assert "Cette commande est terminée" in page.locator("main").inner_text()

    intent = paid_order.checkout.payment_intent_id
    refunds = stripe_client().v1.refunds.list(params={"payment_intent": intent})
    assert [refund.amount for refund in refunds.auto_paging_iter()] == [480]
    bodies = [email.body for email in mail.outbox if email.to == ["marie@example.org"]]
    assert any("4,80\u202f€ vous sont remboursés" in body for body in bodies)
    assert any("Retirée" in body for body in bodies)
