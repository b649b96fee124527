from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commerce.order.fulfilment import FulfilmentMode
from merchants.models.geography import Commune
from merchants.models.merchant import MerchantCategory
from merchants.validators import (
    validate_french_phone,
    validate_no_control_characters,
    validate_single_line,
    validate_siret,
)


class SalesMode(models.TextChoices):
    DELIVERY = FulfilmentMode.DELIVERY.value, FulfilmentMode.DELIVERY.label
    CLICK_COLLECT = FulfilmentMode.CLICK_COLLECT.value, _("Retrait en boutique (click & collect)")
    BOTH = "both", _("Les deux")


# What the applicant fills in: the sign-up form's fields, shown again to staff who decide.
APPLICANT_FIELDS = (
    "shop_name",
    "legal_name",
    "siret",
    "category",
    "commune",
    "address",
    "phone",
    "email",
    "description",
    "sales_mode",
)


class MerchantApplication(models.Model):
    """A shop's free sign-up, waiting for the council's approval (kept after the decision)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        APPROVED = "approved", _("Acceptée")
        REJECTED = "rejected", _("Refusée")

    shop_name = models.CharField(
        _("nom de la boutique"), max_length=200, validators=[validate_single_line]
    )
    legal_name = models.CharField(
        _("raison sociale"), max_length=200, validators=[validate_single_line]
    )
    siret = models.CharField(_("SIRET"), max_length=14, validators=[validate_siret])
    category = models.CharField(_("catégorie"), max_length=40, choices=MerchantCategory.choices)
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), related_name="+", on_delete=models.PROTECT
    )
    address = models.CharField(_("adresse"), max_length=255, validators=[validate_single_line])
    phone = models.CharField(_("téléphone"), max_length=30, validators=[validate_french_phone])
    email = models.EmailField(_("e-mail"))
    description = models.TextField(
        _("présentation courte"),
        max_length=1000,
        validators=[validate_no_control_characters],
    )
    sales_mode = models.CharField(
        _("mode de vente"), max_length=20, choices=SalesMode.choices, default=SalesMode.BOTH
    )

    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("motif du refus"), blank=True)
    submitted_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    submitted_from = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    merchant = models.OneToOneField(
        "merchants.Merchant",
        verbose_name=_("boutique créée"),
        related_name="application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("demande d'inscription")
        verbose_name_plural = _("demandes d'inscription")

    def __str__(self) -> str:
        return f"{self.shop_name} ({self.get_status_display()})"
