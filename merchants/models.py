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


class MerchantCategory(models.TextChoices):
    ALIMENTATION = "alimentation", _("Alimentation")
    FROMAGERIE = "fromagerie", _("Fromagerie")
    BOULANGERIE = "boulangerie", _("Boulangerie, pâtisserie")
    BOUCHERIE = "boucherie", _("Boucherie, charcuterie")
    EPICERIE_FINE = "epicerie-fine", _("Épicerie fine")
    CIDRERIE = "cidrerie", _("Cidre et calvados")
    ARTISANAT = "artisanat", _("Artisanat")
    MODE = "mode", _("Mode")
    MAISON = "maison", _("Maison, décoration")
    LIBRAIRIE = "librairie", _("Librairie")
    JOUETS = "jouets", _("Jouets")
    FLEURISTE = "fleuriste", _("Fleuriste")


class Merchant(models.Model):
    """A shop, producer or artisan selling on the marketplace through its Oscar partner."""

    name = models.CharField(_("nom de la boutique"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    partner = models.OneToOneField(
        "partner.Partner",
        verbose_name=_("partenaire Oscar"),
        related_name="merchant",
        on_delete=models.PROTECT,
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), related_name="merchants", on_delete=models.PROTECT
    )
    category = models.CharField(_("catégorie"), max_length=40, choices=MerchantCategory.choices)
    description = models.TextField(_("présentation courte"), blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Une boutique inactive n'apparaît plus sur le site."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("commerçant")
        verbose_name_plural = _("commerçants")

    def __str__(self) -> str:
        return self.name
