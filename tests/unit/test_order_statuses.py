from django.conf import settings

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.statuses import ORDER_STATUS_PIPELINE, OrderStatus, next_statuses


def test_oscar_pipeline_is_the_order_status_pipeline_with_the_stored_french_words():
    assert settings.OSCAR_INITIAL_ORDER_STATUS == settings.OSCAR_INITIAL_LINE_STATUS == "Reçue"
    assert set(settings.OSCAR_ORDER_STATUS_PIPELINE) == set(OrderStatus.values)
    assert settings.OSCAR_ORDER_STATUS_PIPELINE["En préparation"] == (
        "Prête à retirer",
        "Expédiée",
        "Annulée",
    )
    assert settings.OSCAR_ORDER_STATUS_PIPELINE == {
        status.value: tuple(next_status.value for next_status in next_statuses)
        for status, next_statuses in ORDER_STATUS_PIPELINE.items()
    }


def test_next_statuses_follow_the_pipeline_and_the_fulfilment():
    preparing = OrderStatus.PREPARING
    assert next_statuses(status=preparing, fulfilment_mode=FulfilmentMode.CLICK_COLLECT) == [
        OrderStatus.READY,
        OrderStatus.CANCELLED,
    ]
    assert next_statuses(status=preparing, fulfilment_mode=FulfilmentMode.DELIVERY) == [
        OrderStatus.SHIPPED,
        OrderStatus.CANCELLED,
    ]
    assert next_statuses(status="Retirée", fulfilment_mode=FulfilmentMode.CLICK_COLLECT) == []
