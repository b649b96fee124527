from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicFigures(models.Model):
    """The public results (/chiffres/) as last computed by the daily task, never per request."""

    computed_at = models.DateTimeField(_("calculés le"), db_index=True)
    data = models.JSONField(_("chiffres"))

    class Meta:
        ordering = ["-computed_at"]
        get_latest_by = "computed_at"
        verbose_name = _("chiffres publics")
        verbose_name_plural = _("chiffres publics")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.computed_at:%Y-%m-%d %H:%M}"
