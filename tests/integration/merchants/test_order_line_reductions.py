"""A shop takes a broken or missing article out of a paid order, from the order page.

The order is placed the real way and paid on localstripe (tests.payments); the refund is
read back from localstripe over HTTP.
"""

import html
import re
from datetime import time
from decimal import Decimal

import pytest
from django.core import mail

from commerce.order.models import LineReduction
from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from commerce.payment.models import Refund
from merchants.services.orders import (
    LineReductionRefused,
    merchant_order_line_reduce,
    merchant_order_set_status,
)
from tests.factories import (
    MerchantStockRecordFactory,
    merchant_hours_set,
    shop_onboard,
    shop_order_place,
)
from tests.payments import paid_pickup_order

pytestmark = pytest.mark.django_db
EVERY_DAY = [(day, time(0), time(23, 59)) for day in range(7)]


@pytest.fixture
def shop(db):
    shop = shop_onboard(name="Fromagerie Hébert", email="fromagerie@example.org")
    merchant_hours_set(merchant=shop, hours=EVERY_DAY)
    return shop


@pytest.fixture
def camembert(shop):
    return MerchantStockRecordFactory(
        merchant=shop,
        price_incl_tax=Decimal("6.20"),
        vat_rate="5.5",
        num_in_stock=10,
        product__title="Camembert",
    )


@pytest.fixture
def cidre(shop):
    return MerchantStockRecordFactory(
        merchant=shop,
        price_incl_tax=Decimal("4.80"),
        vat_rate="20",
        num_in_stock=10,
        product__title="Cidre brut",
    )


@pytest.fixture
def paid_order(stripe_settings, shop, camembert, cidre, django_capture_on_commit_callbacks):
    """3 camemberts (18,60 €) and 1 cidre (4,80 €), paid 23,40 € on localstripe."""
    with django_capture_on_commit_callbacks(execute=True):
        order = paid_pickup_order(shop=shop, items=[(camembert, 3), (cidre, 1)])
    mail.outbox.clear()
    return order


@pytest.fixture
def merchant_client(client, shop):
    client.force_login(shop.users.get())
    return client


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def line_of(order, record):
    return order.lines.get(stockrecord=record)


def reduce(client, order, line, *, quantity, reason="broken", confirm=True, seen=None):
    data = {"quantity": quantity, "reason": reason, "seen_quantity": seen or line.quantity}
    if confirm:
        data["confirm"] = "1"
    return client.post(f"/admin/commandes/reduce/{order.pk}/{line.pk}/", data)


def stripe_refunds(order) -> list[int]:
    intent = order.checkout.payment_intent_id
    found = stripe_client().v1.refunds.list(params={"payment_intent": intent, "limit": 100})
    return sorted(refund.amount for refund in found.auto_paging_iter())


def test_the_confirmation_shows_the_amount_before_anything_changes(
    merchant_client, paid_order, camembert
):
    line = line_of(paid_order, camembert)

    form = text_of(merchant_client.get(f"/admin/commandes/reduce/{paid_order.pk}/{line.pk}/"))
    confirm = text_of(reduce(merchant_client, paid_order, line, quantity=1, confirm=False))

    assert "Retirer l'article de la commande" in form
    assert "Article cassé ou abîmé" in form
    assert "« Camembert » : 3 → 1" in confirm
    assert "Le client est remboursé de 12,40 € TTC sur sa carte." in confirm
    assert "Oui, modifier et rembourser" in confirm
    line.refresh_from_db()
    assert line.quantity == 3
    assert not Refund.objects.exists()
    assert stripe_refunds(paid_order) == []


def test_lowering_a_quantity_refunds_that_part_releases_the_stock_and_tells_the_shopper(
    merchant_client, paid_order, camembert, shop, django_capture_on_commit_callbacks
):
    line = line_of(paid_order, camembert)

    with django_capture_on_commit_callbacks(execute=True):
        response = reduce(merchant_client, paid_order, line, quantity=1, reason="out_of_stock")

    assert response.status_code == 302
    assert stripe_refunds(paid_order) == [1240]
    line.refresh_from_db()
    paid_order.refresh_from_db()
    camembert.refresh_from_db()
    assert (line.quantity, line.line_price_incl_tax, line.num_allocated) == (1, Decimal("6.20"), 1)
    assert paid_order.total_incl_tax == Decimal("11.00")
    assert (camembert.num_in_stock, camembert.num_allocated) == (10, 1)
    page = text_of(merchant_client.get(f"/admin/commandes/edit/{paid_order.pk}/"))
    assert "« Camembert » : 3 → 1 (Rupture de stock)" in page
    assert "12,40 €" in page
    assert shop.users.get().get_username() in page
    assert "11,00 €" in page
    (email,) = mail.outbox
    assert email.to == ["marie@example.org"]
    assert "« Camembert » : 3 → 1 (Rupture de stock)" in email.body
    assert "12,40\u202f€ vous sont remboursés" in email.body
    assert "Nouveau total de la commande : 11,00\u202f€" in email.body


def test_a_removed_line_is_refunded_whole_and_left_off_the_slip(
    merchant_client, paid_order, cidre, django_capture_on_commit_callbacks
):
    line = line_of(paid_order, cidre)

    with django_capture_on_commit_callbacks(execute=True):
        reduce(merchant_client, paid_order, line, quantity=0)

    assert stripe_refunds(paid_order) == [480]
    page = text_of(merchant_client.get(f"/admin/commandes/edit/{paid_order.pk}/"))
    slip = text_of(merchant_client.get(f"/admin/commandes/slip/{paid_order.pk}/"))
    assert "Cidre brut retiré" in page
    assert "« Cidre brut » retiré (Article cassé ou abîmé)" in page
    assert "Cidre brut" not in slip
    assert "Camembert" in slip
    assert "TVA 20" not in page  # nothing is sold at 20 % any more


def test_submitting_the_same_confirmation_twice_refunds_once(
    merchant_client, paid_order, camembert, django_capture_on_commit_callbacks
):
    line = line_of(paid_order, camembert)

    with django_capture_on_commit_callbacks(execute=True):
        reduce(merchant_client, paid_order, line, quantity=2)
        again = reduce(merchant_client, paid_order, line, quantity=2, seen=3)

    assert again.status_code == 302
    assert stripe_refunds(paid_order) == [620]
    assert Refund.objects.count() == 1
    assert LineReduction.objects.count() == 1
    page = text_of(merchant_client.get(f"/admin/commandes/edit/{paid_order.pk}/"))
    assert "Cet article a déjà été modifié (quantité 2) : rien n'a été remboursé de plus." in page
    assert len(mail.outbox) == 1


def test_the_last_article_cannot_be_removed_the_order_is_cancelled_instead(
    merchant_client, paid_order, camembert, cidre, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reduce(merchant_client, paid_order, line_of(paid_order, cidre), quantity=0)
        refused = reduce(merchant_client, paid_order, line_of(paid_order, camembert), quantity=0)

    page = text_of(merchant_client.get(refused["Location"]))
    assert "C'est le dernier article de la commande : pour tout retirer, annulez" in page
    assert stripe_refunds(paid_order) == [480]


def test_cancelling_after_a_reduction_refunds_only_what_is_left(
    merchant_client, paid_order, camembert, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reduce(merchant_client, paid_order, line_of(paid_order, camembert), quantity=1)
    confirm = text_of(merchant_client.get(f"/admin/commandes/cancel/{paid_order.pk}/"))

    with django_capture_on_commit_callbacks(execute=True):
        merchant_client.post(f"/admin/commandes/cancel/{paid_order.pk}/")

    assert "rembourse 11,00 € au client" in confirm
    assert stripe_refunds(paid_order) == [1100, 1240]
    paid_order.checkout.refresh_from_db()
    assert paid_order.checkout.refunded_amount == Decimal("23.40")


def test_a_quantity_outside_one_to_current_minus_one_is_refused_in_french(
    merchant_client, paid_order, camembert
):
    line = line_of(paid_order, camembert)

    response = reduce(merchant_client, paid_order, line, quantity=3, confirm=False)
    missing_reason = reduce(merchant_client, paid_order, line, quantity=1, reason="", confirm=False)

    assert response.status_code == 200
    assert "La nouvelle quantité doit être entre 1 et 2, ou l'article retiré." in text_of(response)
    assert "Choisissez la raison." in text_of(missing_reason)
    assert not Refund.objects.exists()


def test_a_handed_over_order_can_no_longer_be_reduced(merchant_client, shop, camembert):
    order = shop_order_place(shop, camembert, status=OrderStatus.READY, quantity=2)
    merchant_order_set_status(order_id=order.pk, status=OrderStatus.COLLECTED, by=None)
    line = order.lines.get()

    response = reduce(merchant_client, order, line, quantity=1)
    page = text_of(merchant_client.get(f"/admin/commandes/edit/{order.pk}/"))

    assert response.status_code == 302
    assert "Cet article ne peut plus être retiré de cette commande." in page
    assert "Retirer ou réduire" not in page
    line.refresh_from_db()
    assert line.quantity == 2


def test_an_order_not_paid_online_is_reduced_without_a_refund(merchant_client, shop, camembert):
    order = shop_order_place(shop, camembert, quantity=3)
    line = order.lines.get()

    confirm = text_of(reduce(merchant_client, order, line, quantity=2, confirm=False))
    reduce(merchant_client, order, line, quantity=2)

    assert "Cette commande n'a pas été payée en ligne : rien n'est remboursé." in confirm
    line.refresh_from_db()
    camembert.refresh_from_db()
    assert (line.quantity, camembert.num_allocated) == (2, 2)
    assert not Refund.objects.exists()
    page = text_of(merchant_client.get(f"/admin/commandes/edit/{order.pk}/"))
    assert "« Camembert » : 3 → 2 (Article cassé ou abîmé)" in page


def test_the_service_refuses_a_second_reduction_made_against_the_same_quantity(
    paid_order, camembert, shop
):
    line = line_of(paid_order, camembert)
    asked = {"order_id": paid_order.pk, "line_id": line.pk, "quantity": 2, "seen_quantity": 3}
    merchant_order_line_reduce(**asked, reason="broken", by=shop.users.get())

    with pytest.raises(LineReductionRefused):
        merchant_order_line_reduce(**asked, reason="broken", by=shop.users.get())

    assert stripe_refunds(paid_order) == [620]
