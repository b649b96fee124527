# Forked to record Stripe's webhook events, refunds and disputes. Models declared before the
# star import.
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commerce.payment.payout_models import (  # noqa: F401  (declared before Oscar's models)
    PayoutAccount,
    PayoutPolicy,
    ShopPayout,
    TransferMoment,
    TransferReversal,
)


class StripeEvent(models.Model):
    """A Stripe webhook event already handled: its id is unique, so a replay is a no-op."""

    event_id = models.CharField(_("identifiant Stripe"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    payment_intent_id = models.CharField(_("PaymentIntent"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("événement Stripe")
        verbose_name_plural = _("événements Stripe")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class Refund(models.Model):
    """Money given back on a checkout's payment: one row per reason, so none is lost or doubled.

    The row is written under the checkout's lock before Stripe is called (commerce.payment.
    refunds); its idempotency key is derived from what makes it unique, so a retry after a
    crash asks Stripe for the same refund again instead of a second one.
    """

    class Kind(models.TextChoices):
        MISSING_STOCK = "missing_stock", _("Articles indisponibles")
        ORDER_CANCELLED = "order_cancelled", _("Commande annulée")
        # A part of one order given back (an article missing, damaged): as many as needed.
        ORDER_PARTIAL = "order_partial", _("Remboursement partiel d'une commande")
        AMOUNT_MISMATCH = "amount_mismatch", _("Montant payé différent du panier")
        PLACEMENT_FAILED = "placement_failed", _("Commandes impossibles à passer")
        STRIPE_DASHBOARD = "stripe_dashboard", _("Remboursement fait dans Stripe")

    checkout = models.ForeignKey(
        "order.Checkout",
        verbose_name=_("paiement du panier"),
        related_name="refunds",
        on_delete=models.PROTECT,
    )
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("commande"),
        related_name="refunds",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    # The articles a shop took out of the order: the order's totals already went down by
    # this refund (commerce.order.reductions), unlike an amount given back on its own.
    line_reduction = models.OneToOneField(
        "order.LineReduction",
        verbose_name=_("articles retirés"),
        related_name="refund",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    kind = models.CharField(_("motif"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)
    stripe_refund_id = models.CharField(_("remboursement Stripe"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fait par"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("remboursement")
        verbose_name_plural = _("remboursements")
        constraints = [
            # Missing stock, amount mismatch, failed placement: once per checkout.
            models.UniqueConstraint(
                fields=["checkout", "kind"],
                condition=models.Q(order__isnull=True) & ~models.Q(kind="stripe_dashboard"),
                name="refund_unique_per_checkout_and_kind",
            ),
            # A cancelled order: once per order.
            models.UniqueConstraint(
                fields=["checkout", "kind", "order"],
                condition=models.Q(order__isnull=False) & ~models.Q(kind="order_partial"),
                name="refund_unique_per_order_and_kind",
            ),
            models.UniqueConstraint(
                fields=["stripe_refund_id"],
                condition=~models.Q(stripe_refund_id=""),
                name="refund_unique_stripe_refund",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} ({self.checkout_id})"

    @property
    def idempotency_key(self) -> str:
        if self.kind == self.Kind.ORDER_CANCELLED:
            # The key cancellations used before refunds had their own rows.
            return f"refund-order-{self.order.number}"
        if self.kind == self.Kind.ORDER_PARTIAL:
            return f"refund-order-{self.order.number}-partial-{self.pk}"
        return f"refund-{self.checkout.number}-{self.kind}"


class Dispute(models.Model):
    """A chargeback the shopper's bank opened on a checkout's payment (Stripe dispute)."""

    checkout = models.ForeignKey(
        "order.Checkout",
        verbose_name=_("paiement du panier"),
        related_name="disputes",
        on_delete=models.PROTECT,
    )
    stripe_dispute_id = models.CharField(_("litige Stripe"), max_length=255, unique=True)
    amount = models.DecimalField(_("montant contesté"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("motif"), max_length=100, blank=True)
    status = models.CharField(_("statut"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("litige")
        verbose_name_plural = _("litiges")

    def __str__(self) -> str:
        return self.stripe_dispute_id


from oscar.apps.payment.models import *  # noqa: E402, F403
