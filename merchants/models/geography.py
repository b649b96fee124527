from django.db import models
from django.utils.translation import gettext_lazy as _


class Intercommunality(models.Model):
    """An EPCI (communauté de communes, d'agglomération, urbaine) grouping communes."""

    code = models.CharField(_("SIREN"), max_length=9, unique=True)
    name = models.CharField(_("nom"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("intercommunalité")
        verbose_name_plural = _("intercommunalités")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """A commune of the Orne département, from INSEE's official list (merchants/data/)."""

    insee_code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=200, db_index=True)
    postal_codes = models.JSONField(_("codes postaux"), default=list)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    intercommunality = models.ForeignKey(
        Intercommunality,
        verbose_name=_("intercommunalité"),
        related_name="communes",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return f"{self.name} ({self.insee_code})"
