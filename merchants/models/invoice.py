"""Invoices and credit notes the platform issues in each shop's name (merchants.invoicing)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", _("Facture")
    CREDIT_NOTE = "credit_note", _("Avoir")


class InvoiceCounter(models.Model):
    """The last number a shop gave, per kind of document and year: locked to number the next.

    Its row is taken with SELECT ... FOR UPDATE in the transaction that writes the document,
    so concurrent issues queue and a rolled-back issue gives its number back: no gap.
    """

    merchant = models.ForeignKey(
        "merchants.Merchant", related_name="invoice_counters", on_delete=models.CASCADE
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["merchant", "kind", "year"], name="invoice_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.merchant_id} {self.kind} {self.year}: {self.last}"


class _Document(models.Model):
    merchant = models.ForeignKey(
        "merchants.Merchant",
        verbose_name=_("boutique"),
        related_name="+",
        on_delete=models.PROTECT,
    )
    number = models.CharField(_("numéro"), max_length=40, unique=True)
    sequence = models.PositiveIntegerField(_("rang dans la série"))
    issued_at = models.DateTimeField(_("émis le"))
    total_excl_tax = models.DecimalField(_("total HT"), max_digits=12, decimal_places=2)
    total_tax = models.DecimalField(_("TVA"), max_digits=12, decimal_places=2)
    total_incl_tax = models.DecimalField(_("total TTC"), max_digits=12, decimal_places=2)
    # Empty until the PDF is rendered (a task, after the number is committed).
    pdf = models.FileField(_("PDF"), upload_to="factures/%Y/%m/", blank=True)

    class Meta:
        abstract = True
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return self.number


class Invoice(_Document):
    """One shop order's invoice, issued by the platform on the shop's behalf."""

    order = models.OneToOneField(
        "order.Order", verbose_name=_("commande"), related_name="invoice", on_delete=models.PROTECT
    )

    class Meta(_Document.Meta):
        verbose_name = _("facture")
        verbose_name_plural = _("factures")


class CreditNote(_Document):
    """An avoir: one refund (full or partial) of an invoiced order, referencing the invoice."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("facture"), related_name="credit_notes", on_delete=models.PROTECT
    )
    refund = models.OneToOneField(
        "payment.Refund",
        verbose_name=_("remboursement"),
        related_name="credit_note",
        on_delete=models.PROTECT,
    )

    class Meta(_Document.Meta):
        verbose_name = _("avoir")
        verbose_name_plural = _("avoirs")
