"""Shops' payout side of the payment app: Connect accounts, the commission, the ledger.

Declared here and imported by commerce.payment.models before Oscar's star import, so the
payment models module stays small. A shop is known by its Oscar Partner: commerce knows no
Merchant (the layer above).
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

ZERO = Decimal("0.00")


class TransferMoment(models.TextChoices):
    HANDED_OVER = "handed_over", _("Quand la commande est retirée ou livrée")
    PLACED = "placed", _("Dès que la commande est passée")


@register_setting(icon="form")
class PayoutPolicy(BaseGenericSetting):
    """The council's commission on every shop order and when shops are paid (staff only)."""

    commission_percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))],
        help_text=_("Prélevée sur le montant TTC de chaque commande. 0 : aucune commission."),
    )
    commission_fixed = models.DecimalField(
        _("commission fixe par commande (€)"),
        max_digits=8,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    transfer_moment = models.CharField(
        _("versement aux boutiques"),
        max_length=20,
        choices=TransferMoment.choices,
        default=TransferMoment.HANDED_OVER,
    )

    class Meta:
        verbose_name = _("commission et versements")


class PayoutAccount(models.Model):
    """A shop's Stripe Connect Express account, and the commission it pays if not the usual."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Pas commencé")
        PENDING = "pending", _("En cours de vérification")
        RESTRICTED = "restricted", _("Informations demandées par Stripe")
        ENABLED = "enabled", _("Actif : versements possibles")

    partner = models.OneToOneField(
        "partner.Partner",
        verbose_name=_("boutique"),
        related_name="payout_account",
        on_delete=models.CASCADE,
    )
    stripe_account_id = models.CharField(
        _("compte Stripe"), max_length=255, blank=True, db_index=True
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    # What Stripe still needs (requirements.currently_due and past_due), as Stripe names it.
    requirements = models.JSONField(_("informations manquantes"), default=list, blank=True)
    commission_percent = models.DecimalField(
        _("commission propre (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))],
        help_text=_("Vide : la commission générale s'applique."),
    )
    commission_fixed = models.DecimalField(
        _("commission fixe propre (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Vide : la commission générale s'applique."),
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("compte de versement")
        verbose_name_plural = _("comptes de versement")

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_status_display()})"

    @property
    def is_enabled(self) -> bool:
        return self.status == self.Status.ENABLED and bool(self.stripe_account_id)


class ShopPayout(models.Model):
    """The ledger record of one shop order: what the shop is owed, and what it was paid.

    ``payable`` = sale (due − refunded) minus the commission on that sale; ``transferred``
    minus ``reversed`` is what the shop holds. commerce.payment.payouts keeps them true.
    """

    class State(models.TextChoices):
        WAITING = "waiting", _("En attente de la remise")
        HELD = "held", _("Retenu : compte de versement inactif")
        TRANSFERRED = "transferred", _("Versé")
        FAILED = "failed", _("Échec du virement")
        CANCELLED = "cancelled", _("Rien à verser")

    order = models.OneToOneField(
        "order.Order",
        verbose_name=_("commande"),
        related_name="payout",
        on_delete=models.PROTECT,
    )
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("boutique"),
        related_name="payouts",
        on_delete=models.PROTECT,
    )
    checkout = models.ForeignKey(
        "order.Checkout",
        verbose_name=_("paiement du panier"),
        related_name="payouts",
        on_delete=models.PROTECT,
    )
    state = models.CharField(
        _("état"), max_length=20, choices=State.choices, default=State.WAITING, db_index=True
    )
    due = models.DecimalField(_("vente TTC"), max_digits=12, decimal_places=2)
    refunded = models.DecimalField(_("remboursé"), max_digits=12, decimal_places=2, default=ZERO)
    commission = models.DecimalField(_("commission"), max_digits=12, decimal_places=2, default=ZERO)
    # The commission rule, frozen at placement: a later change of rate never re-prices it.
    commission_percent = models.DecimalField(max_digits=5, decimal_places=2, default=ZERO)
    commission_fixed = models.DecimalField(max_digits=8, decimal_places=2, default=ZERO)
    transferred = models.DecimalField(_("versé"), max_digits=12, decimal_places=2, default=ZERO)
    reversed = models.DecimalField(_("repris"), max_digits=12, decimal_places=2, default=ZERO)
    stripe_charge_id = models.CharField(_("paiement Stripe"), max_length=255, blank=True)
    stripe_transfer_id = models.CharField(_("virement Stripe"), max_length=255, blank=True)
    failure = models.TextField(_("dernière erreur"), blank=True)
    # Transfers Stripe refused: each new try goes under a new idempotency key.
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    transferred_at = models.DateTimeField(_("versé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("versement d'une commande")
        verbose_name_plural = _("versements des commandes")

    def __str__(self) -> str:
        return f"{self.order_id} {self.get_state_display()}"

    @property
    def sale(self) -> Decimal:
        return self.due - self.refunded

    @property
    def payable(self) -> Decimal:
        return self.sale - self.commission

    @property
    def held_by_shop(self) -> Decimal:
        return self.transferred - self.reversed


class TransferReversal(models.Model):
    """Money taken back from a shop after its transfer, because the shopper was refunded."""

    payout = models.ForeignKey(
        ShopPayout,
        verbose_name=_("versement"),
        related_name="reversals",
        on_delete=models.PROTECT,
    )
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)
    stripe_reversal_id = models.CharField(_("reprise Stripe"), max_length=255, unique=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reprise sur versement")
        verbose_name_plural = _("reprises sur versements")

    def __str__(self) -> str:
        return f"{self.amount} ({self.stripe_reversal_id})"
