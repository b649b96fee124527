from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from merchants.models.geography import Commune, Intercommunality
from merchants.validators import validate_single_line, validate_siret, validate_vat_number


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


class Merchant(ClusterableModel):
    """A shop, producer or artisan selling on the marketplace through its Oscar partner."""

    name = models.CharField(
        _("nom de la boutique"), max_length=200, validators=[validate_single_line]
    )
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    legal_name = models.CharField(
        _("raison sociale"), max_length=200, blank=True, validators=[validate_single_line]
    )
    # Unique among shops when known (a shop created by phone may not have given it yet).
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    # Printed on the shop's invoices: a micro-entrepreneur under the VAT franchise has no
    # VAT number and its invoices carry the article 293 B mention instead of VAT.
    vat_exempt = models.BooleanField(
        _("TVA non applicable (franchise en base, art. 293 B du CGI)"),
        default=False,
        help_text=_("Cochez si la boutique ne facture pas la TVA (micro-entreprise)."),
    )
    vat_number = models.CharField(
        _("numéro de TVA intracommunautaire"),
        max_length=20,
        blank=True,
        validators=[validate_vat_number],
        help_text=_("Par exemple FR12345678901. Imprimé sur les factures de la boutique."),
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("comptes"),
        related_name="merchants",
        blank=True,
        help_text=_("Les personnes qui gèrent cette boutique dans l'administration."),
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("groupe de permissions"),
        related_name="merchant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
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
    address = models.CharField(
        _("adresse"), max_length=255, blank=True, validators=[validate_single_line]
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Fulfilment: home delivery to some communes, and/or click & collect at the shop.
    offers_delivery = models.BooleanField(_("livraison à domicile"), default=False)
    delivery_communes = models.ManyToManyField(
        Commune, verbose_name=_("communes livrées"), related_name="+", blank=True
    )
    delivery_intercommunalities = models.ManyToManyField(
        Intercommunality,
        verbose_name=_("intercommunalités livrées"),
        related_name="+",
        blank=True,
        help_text=_("Toutes les communes de ces intercommunalités sont livrées."),
    )
    delivery_fee = models.DecimalField(
        _("frais de livraison (TTC)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    free_delivery_threshold = models.DecimalField(
        _("livraison offerte à partir de (TTC)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    delivery_lead_days = models.PositiveSmallIntegerField(
        _("délai de livraison (jours)"), default=2
    )
    offers_click_collect = models.BooleanField(_("retrait en boutique"), default=True)
    pickup_address = models.CharField(
        _("adresse de retrait"),
        max_length=255,
        blank=True,
        help_text=_("Laisser vide pour utiliser l'adresse de la boutique."),
    )
    preparation_minutes = models.PositiveIntegerField(
        _("temps de préparation (minutes)"), default=60
    )
    low_stock_threshold = models.PositiveIntegerField(
        _("seuil de stock bas"),
        default=3,
        help_text=_("L'accueil signale les articles dont le stock disponible descend à ce seuil."),
    )
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
        permissions = [
            ("manage_merchants", _("Gérer toutes les boutiques (agents du Département)"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"],
                condition=~models.Q(siret=""),
                name="merchant_unique_siret",
                violation_error_message=_("Une boutique existe déjà avec ce numéro SIRET."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


class OpeningPeriod(models.Model):
    """One opening period of a shop on a weekday (a day can have a morning and an afternoon)."""

    # ParentalKey: the opening hours are edited inline with the shop's settings.
    merchant = ParentalKey(Merchant, related_name="opening_periods", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens_at = models.TimeField(_("ouverture"))
    closes_at = models.TimeField(_("fermeture"))

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("horaire d'ouverture")
        verbose_name_plural = _("horaires d'ouverture")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="opening_period_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"
