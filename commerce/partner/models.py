from decimal import Decimal

from django.db import models
from django.db.models import DEFERRED, F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord

from commerce.partner.stock import free_stock_expression
from commerce.partner.vat import VatRate


class StockRecord(AbstractStockRecord):
    """One merchant's offer of a product: Oscar's `price` is the price excluding VAT.

    French shops think in prices including VAT, so that price and its rate are stored as
    typed; `price` (excl. VAT) is derived from them by `commerce.partner.services`.
    """

    price_incl_tax = models.DecimalField(
        _("prix TTC"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vat_rate = models.CharField(
        _("taux de TVA"), max_length=4, choices=VatRate.choices, default=VatRate.STANDARD
    )

    @property
    def vat_rate_decimal(self) -> Decimal:
        return Decimal(self.vat_rate)

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._loaded_num_allocated = record.__dict__.get("num_allocated", DEFERRED)
        return record

    def save(self, *args, update_fields=None, **kwargs):
        """Never write back an allocation this instance only read.

        Purchases change ``num_allocated`` with conditional UPDATEs (``allocate``,
        Oscar's ``consume_allocation``/``cancel_allocation``), so a copy read before they
        ran holds a stale count: saving it whole would undo those sales and oversell. A
        full save of an existing row therefore leaves ``num_allocated`` out unless this
        instance changed it (or ``update_fields`` names it).
        """
        loaded = getattr(self, "_loaded_num_allocated", DEFERRED)
        if (
            update_fields is None
            and self.pk is not None
            and not self._state.adding
            and loaded is not DEFERRED
            and loaded == self.num_allocated
        ):
            update_fields = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "num_allocated"
            ]
        super().save(*args, update_fields=update_fields, **kwargs)
        if update_fields is None or "num_allocated" in update_fields:
            self._loaded_num_allocated = self.num_allocated

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or "num_allocated" in fields:
            self._loaded_num_allocated = self.num_allocated

    def allocate(self, quantity: int) -> None:
        """Allocate ``quantity`` only if that much is still free, else raise.

        Oscar 4.2 adds to ``num_allocated`` unconditionally, so two buyers of the last
        article both succeed and the free stock goes negative. Here the update carries the
        availability test in its WHERE clause: the database decides, row by row, even if a
        caller forgot to lock (checkout_place_orders also locks first, see
        commerce.partner.locks, so the re-check it shows the shopper is exact).
        """
        if not self.can_track_allocations:
            return
        self.pre_save_signal()
        updated = (
            self.__class__.objects.filter(pk=self.pk)
            .alias(free=free_stock_expression())
            .filter(free__gte=quantity)
            .update(num_allocated=Coalesce(F("num_allocated"), 0) + quantity)
        )
        if not updated:
            raise InsufficientStock(stockrecord_id=self.pk, requested=quantity)
        self.refresh_from_db(fields=["num_allocated"])
        self.post_save_signal()

    allocate.alters_data = True


class InsufficientStock(Exception):
    """Less free stock than asked for: the allocation did not happen."""

    def __init__(self, *, stockrecord_id: int, requested: int):
        super().__init__(f"stock record {stockrecord_id}: {requested} not available")
        self.stockrecord_id = stockrecord_id
        self.requested = requested


from oscar.apps.partner.models import *  # noqa: E402, F403
