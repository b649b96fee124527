"""The open datasets: which rows, which columns, and the Table Schema describing them.

One definition per dataset (`Dataset`): the CSV header, the JSON keys and the Table Schema
fields all come from the same `fields` list, so the file and its schema cannot drift.
Only approved shops exist as `Merchant` rows (an application becomes a shop when staff
accept it); of those, only active ones are published, and only what a shop shows on its
public page (no e-mail, no phone, no account).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.models import Site

from commerce.partner.stock import free_stock_from_values
from merchants.models import Merchant, MerchantCategory, OpeningPeriod

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Category = get_model("catalogue", "Category")

LICENCE_NAME = "Licence Ouverte / Open Licence version 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
# How data.gouv.fr and SPDX name it.
LICENCE_ID = "etalab-2.0"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean
    title: str
    description: str = ""
    required: bool = False
    pattern: str = ""


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple[Field, ...]

    def table_schema(self, *, base_url: str) -> dict:
        """A frictionless Table Schema (specs.frictionlessdata.io/table-schema)."""
        fields = []
        for field in self.fields:
            entry = {
                "name": field.name,
                "type": field.type,
                "title": str(field.title),
                "description": str(field.description),
            }
            constraints = {}
            if field.required:
                constraints["required"] = True
            if field.pattern:
                constraints["pattern"] = field.pattern
            if constraints:
                entry["constraints"] = constraints
            if field.type == "boolean":
                entry["trueValues"], entry["falseValues"] = ["true"], ["false"]
            fields.append(entry)
        return {
            "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
            "name": self.slug,
            "title": str(self.title),
            "description": str(self.description),
            "path": f"{base_url}/donnees/schemas/{self.slug}.json",
            "licenses": [{"name": LICENCE_ID, "title": LICENCE_NAME, "path": LICENCE_URL}],
            "fields": fields,
            "missingValues": [""],
        }


SHOPS = Dataset(
    slug="commerces",
    title=_("Commerces du Marché de l'Orne"),
    description=_(
        "Les boutiques, producteurs et artisans actifs sur la place de marché du "
        "Département de l'Orne : commune, intercommunalité, catégorie, adresse, horaires, "
        "livraison et retrait."
    ),
    fields=(
        Field("nom", "string", _("Nom de la boutique"), required=True),
        Field("siret", "string", _("SIRET"), _("14 chiffres, vide si inconnu."), pattern=r"\d{14}"),
        Field(
            "code_insee",
            "string",
            _("Code INSEE de la commune"),
            required=True,
            pattern=r"\d[\dAB]\d{3}",
        ),
        Field("commune", "string", _("Commune"), required=True),
        Field(
            "siren_intercommunalite", "string", _("SIREN de l'intercommunalité"), pattern=r"\d{9}"
        ),
        Field("intercommunalite", "string", _("Intercommunalité")),
        Field("categorie", "string", _("Catégorie")),
        Field("adresse", "string", _("Adresse")),
        Field(
            "horaires",
            "string",
            _("Horaires d'ouverture"),
            _("Jours et heures, séparés par « ; »."),
        ),
        Field("livraison", "boolean", _("Livraison à domicile"), required=True),
        Field("retrait", "boolean", _("Retrait en boutique"), required=True),
        Field("url", "string", _("Page de la boutique")),
    ),
)

ARTICLES = Dataset(
    slug="articles",
    title=_("Articles en ligne sur le Marché de l'Orne"),
    description=_(
        "Les articles en vente en ligne dans les boutiques actives : boutique, titre, "
        "catégorie, prix TTC, taux de TVA, disponibilité et page de l'article."
    ),
    fields=(
        Field("id", "integer", _("Identifiant de l'article"), required=True),
        Field("commerce", "string", _("Boutique"), required=True),
        Field("commerce_siret", "string", _("SIRET de la boutique"), pattern=r"\d{14}"),
        Field("titre", "string", _("Titre"), required=True),
        Field("categorie", "string", _("Catégorie")),
        Field("prix_ttc", "number", _("Prix TTC (euros)")),
        Field("taux_tva", "number", _("Taux de TVA (%)")),
        Field(
            "disponible",
            "boolean",
            _("Disponible"),
            _("En stock au moment de l'export."),
            required=True,
        ),
        Field("url", "string", _("Page de l'article"), required=True),
    ),
)

DATASETS = {dataset.slug: dataset for dataset in (SHOPS, ARTICLES)}


def public_origin() -> str:
    """The public address, from Wagtail's Site record (as canonical URLs and the sitemap)."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def _shops() -> QuerySet[Merchant]:
    return (
        Merchant.objects.filter(is_active=True)
        .select_related("commune__intercommunality", "page")
        .prefetch_related(
            Prefetch(
                "opening_periods", queryset=OpeningPeriod.objects.order_by("weekday", "opens_at")
            )
        )
        .order_by("name", "pk")
    )


def _hours(periods) -> str:
    days: dict[str, list[str]] = {}
    for period in periods:
        days.setdefault(period.get_weekday_display(), []).append(
            f"{period.opens_at:%H:%M}-{period.closes_at:%H:%M}"
        )
    return " ; ".join(f"{day} {', '.join(spans)}" for day, spans in days.items())


def _shop_url(merchant: Merchant, origin: str) -> str:
    page = getattr(merchant, "page", None)
    if page is None or not page.live:
        return ""
    return f"{origin}{page.url}" if page.url and page.url.startswith("/") else (page.url or "")


def shop_rows(*, origin: str) -> Iterator[dict]:
    categories = dict(MerchantCategory.choices)
    for merchant in _shops().iterator(chunk_size=500):
        epci = merchant.commune.intercommunality
        yield {
            "nom": merchant.name,
            "siret": merchant.siret,
            "code_insee": merchant.commune.insee_code,
            "commune": merchant.commune.name,
            "siren_intercommunalite": epci.code if epci else "",
            "intercommunalite": epci.name if epci else "",
            "categorie": str(categories.get(merchant.category, merchant.category)),
            "adresse": merchant.address,
            "horaires": _hours(merchant.opening_periods.all()),
            "livraison": merchant.offers_delivery,
            "retrait": merchant.offers_click_collect,
            "url": _shop_url(merchant, origin),
        }


def online_stockrecords() -> QuerySet:
    """Offers of public articles by active shops: what the search indexes as online."""
    return (
        StockRecord.objects.filter(product__is_public=True, partner__merchant__is_active=True)
        .select_related("product", "partner__merchant")
        .prefetch_related(
            Prefetch("product__categories", queryset=Category.objects.only("id", "name"))
        )
        .order_by("product_id")
    )


def article_rows(*, origin: str) -> Iterator[dict]:
    # The path of one product, its id and slug swapped in per row (as search.serializers).
    from_path = Product(pk=987654321, slug="slug-modele").get_absolute_url()
    for record in online_stockrecords().iterator(chunk_size=1000):
        product, merchant = record.product, record.partner.merchant
        categories = list(product.categories.all())
        path = from_path.replace("987654321", str(product.pk)).replace("slug-modele", product.slug)
        yield {
            "id": product.pk,
            "commerce": merchant.name,
            "commerce_siret": merchant.siret,
            "titre": product.title,
            "categorie": categories[0].name if categories else "",
            "prix_ttc": record.price_incl_tax,
            "taux_tva": record.vat_rate,
            "disponible": free_stock_from_values(
                num_in_stock=record.num_in_stock, num_allocated=record.num_allocated
            )
            > 0,
            "url": f"{origin}{path}",
        }


def dataset_rows(dataset: Dataset, *, origin: str) -> Iterator[dict]:
    return (shop_rows if dataset is SHOPS else article_rows)(origin=origin)
