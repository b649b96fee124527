"""The orders list as a CSV file, in the catalogue export's Excel-friendly form.

UTF-8 with BOM, semicolons, decimal commas, formula-looking cells escaped
(merchants.catalogue_io.csv_format.write_table). Dates and times are Paris time. One row per
order, from the list's queryset as it is (already scoped and filtered): one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.order.models import Order
from merchants.catalogue_io.csv_format import format_decimal, write_table
from merchants.order_selectors import order_customer


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def orders_export_columns() -> list[str]:
    return [
        _("numéro"),
        _("passée le"),
        _("statut"),
        _("mode de remise"),
        _("retrait à partir de"),
        _("retrait jusqu'à"),
        _("client"),
        _("e-mail"),
        _("téléphone"),
        _("adresse de livraison"),
        _("frais de livraison TTC"),
        _("total TTC"),
    ]


def orders_export_rows(*, orders: Iterable[Order]) -> Iterator[list[str]]:
    for order in orders:
        customer = order_customer(order=order)
        address = order.shipping_address
        yield [
            order.number,
            _moment(order.date_placed),
            order.status,
            order.get_fulfilment_mode_display(),
            _moment(order.pickup_starts_at),
            _moment(order.pickup_ends_at),
            customer.name,
            customer.email,
            customer.phone,
            ", ".join(address.active_address_fields()) if address is not None else "",
            format_decimal(order.shipping_incl_tax),
            format_decimal(order.total_incl_tax),
        ]


def orders_export_csv(*, orders: Iterable[Order]) -> bytes:
    return write_table(orders_export_rows(orders=orders), columns=orders_export_columns())
