"""The progress of a catalogue import confirmed in the back office and run as a task."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogueImport(models.Model):
    """One confirmed import of a shop's CSV: what is done so far, and how it ended."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        RUNNING = "running", _("En cours")
        DONE = "done", _("Terminé")
        FAILED = "failed", _("Échoué")

    merchant = models.ForeignKey(
        "merchants.Merchant", on_delete=models.CASCADE, related_name="catalogue_imports"
    )
    # The folder of the uploaded files (imports/<shop>/<token>/), removed once imported.
    token = models.CharField(max_length=32)
    valid_only = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    total = models.PositiveIntegerField(_("articles à écrire"), default=0)
    done = models.PositiveIntegerField(_("articles écrits"), default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import de catalogue")
        verbose_name_plural = _("imports de catalogue")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.merchant} · {self.get_status_display()} ({self.done}/{self.total})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
