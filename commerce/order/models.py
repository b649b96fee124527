# Forked: Oscar's Order knows one shipping method for the whole basket; here each merchant's
# order carries its own fulfilment (delivery or click & collect with a slot), and every order
# of one basket points at the one paid Checkout. Models declared before the star import.
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder, AbstractOrderStatusChange

from commerce.order.fulfilment import FulfilmentMode


class Checkout(models.Model):
    """One paid basket: its number, its Stripe PaymentIntent and the plan of its orders.

    ``plan`` is the frozen, server-computed content of every merchant group (lines, unit
    prices, fulfilment, shipping charge) at the moment the amount was fixed, so placing the
    orders after payment never re-prices anything (see commerce.order.plan).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente de paiement")
        PLACED = "placed", _("Commandes passées")
        PARTIALLY_REFUNDED = "partially_refunded", _("Passée, en partie remboursée")
        REFUNDED = "refunded", _("Remboursée")
        FAILED = "failed", _("Échouée")

    number = models.CharField(_("numéro"), max_length=32, unique=True)
    basket = models.ForeignKey(
        "basket.Basket",
        verbose_name=_("panier"),
        related_name="checkouts",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("client"),
        related_name="checkouts",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    email = models.EmailField(_("e-mail"))
    # Asked at checkout so a shop can call about a slot or a missing article.
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    # Who collects or receives the orders, also for a pickup (which has no address).
    name = models.CharField(_("nom du client"), max_length=255, blank=True)
    currency = models.CharField(_("devise"), max_length=12, default="EUR")
    amount = models.DecimalField(_("montant TTC"), max_digits=12, decimal_places=2)
    # What placement could not supply (stock gone after payment): the missing-stock refund.
    refund_due = models.DecimalField(
        _("montant à rembourser"), max_digits=12, decimal_places=2, default=Decimal("0.00")
    )
    payment_intent_id = models.CharField(
        _("PaymentIntent Stripe"), max_length=255, blank=True, db_index=True
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    plan = models.JSONField(_("contenu figé"), default=dict)
    shipping_address = models.JSONField(_("adresse de livraison"), default=dict, blank=True)
    # Optional, for a business buying: company, siren, vat_number, address (printed on the
    # shops' invoices; the address when it differs from the delivery one or for a pickup).
    invoice_buyer = models.JSONField(_("acheteur professionnel"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    placed_at = models.DateTimeField(_("commandes passées le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("paiement d'un panier")
        verbose_name_plural = _("paiements de paniers")
        constraints = [
            models.UniqueConstraint(
                fields=["payment_intent_id"],
                condition=~models.Q(payment_intent_id=""),
                name="checkout_unique_payment_intent",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def refunded_amount(self) -> Decimal:
        """Everything given back on this payment, whatever the reason (commerce.payment.Refund)."""
        total = self.refunds.aggregate(total=models.Sum("amount"))["total"]
        return total if total is not None else Decimal("0.00")


class Order(AbstractOrder):
    """One merchant's part of a paid basket, with its own fulfilment."""

    # The shop the order belongs to, written at placement (its lines' partner, the same for
    # every line) so that figures group orders by shop through a plain join instead of
    # reading it from a line. Empty only for rows older than the column that had no line.
    # PROTECT: an order is a sales record kept with its invoice; Merchant.partner protects
    # the partner the same way.
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("boutique"),
        related_name="orders",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    checkout = models.ForeignKey(
        Checkout,
        verbose_name=_("paiement du panier"),
        related_name="orders",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    fulfilment_mode = models.CharField(
        _("mode de remise"), max_length=20, choices=FulfilmentMode.choices, blank=True
    )
    pickup_starts_at = models.DateTimeField(_("retrait à partir de"), null=True, blank=True)
    pickup_ends_at = models.DateTimeField(_("retrait jusqu'à"), null=True, blank=True)
    pickup_address = models.CharField(_("adresse de retrait"), max_length=255, blank=True)
    delivery_commune_code = models.CharField(
        _("commune livrée (code INSEE)"), max_length=5, blank=True
    )

    @property
    def is_delivery(self) -> bool:
        return self.fulfilment_mode == FulfilmentMode.DELIVERY


class OrderStatusChange(AbstractOrderStatusChange):
    """Oscar's record of a status change (from → to, when), plus who made it.

    Written by commerce.order.processing, the one place an order changes status; read by
    commerce.order.selectors.order_status_history.
    """

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )


class LineReduction(models.Model):
    """A shop took articles out of an order it could not supply (broken, out of stock).

    Written by commerce.order.reductions, which lowers the line, the order's totals and the
    line's stock allocation in the same transaction and refunds the amount on the basket's
    payment (the Refund row points here). Read by the order's timeline.
    """

    class Reason(models.TextChoices):
        BROKEN = "broken", _("Article cassé ou abîmé")
        OUT_OF_STOCK = "out_of_stock", _("Rupture de stock")
        OTHER = "other", _("Autre raison")

    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("commande"),
        related_name="line_reductions",
        on_delete=models.CASCADE,
    )
    line = models.ForeignKey(
        "order.Line",
        verbose_name=_("ligne"),
        related_name="reductions",
        on_delete=models.CASCADE,
    )
    quantity_before = models.PositiveIntegerField(_("quantité avant"))
    quantity_after = models.PositiveIntegerField(_("quantité après"))
    reason = models.CharField(_("raison"), max_length=20, choices=Reason.choices)
    amount_incl_tax = models.DecimalField(_("montant TTC"), max_digits=12, decimal_places=2)
    amount_excl_tax = models.DecimalField(_("montant HT"), max_digits=12, decimal_places=2)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("article retiré d'une commande")
        verbose_name_plural = _("articles retirés de commandes")

    def __str__(self) -> str:
        return f"{self.line_id}: {self.quantity_before} → {self.quantity_after}"


from oscar.apps.order.models import *  # noqa: E402, F403
