"""The v1 resources' shape (a stable interface read by the département's app).

URLs are absolute; prices are decimal strings (money is never a float). Query serializers
declare each list's filters, so the OpenAPI description lists them and bad values are 400s.
"""

from __future__ import annotations

from rest_framework import serializers

from commerce.order.fulfilment import FulfilmentMode
from merchants.models import Commune, Intercommunality, Merchant, MerchantCategory
from orne_site.opendata.datasets import public_origin
from search.query import MAX_PAGE, PRICE_RANGES, SORTS

PRICE_RANGE_KEYS = tuple(key for key, _low, _high in PRICE_RANGES)

BASKET_ANCHOR = "#add_to_basket_form"


def absolute(url: str | None) -> str | None:
    if not url:
        return None
    return url if url.startswith(("http://", "https://")) else f"{public_origin()}{url}"


class ShopQuerySerializer(serializers.Serializer):
    commune = serializers.RegexField(r"^\d[\dAB]\d{3}$", required=False, help_text="Code INSEE")
    intercommunality = serializers.RegexField(r"^\d{9}$", required=False, help_text="SIREN")
    category = serializers.ChoiceField(choices=MerchantCategory.choices, required=False)
    mode = serializers.ChoiceField(choices=FulfilmentMode.choices, required=False)


KEY_PATTERN = r"^[A-Za-z0-9_-]{1,100}$"
PRICE_PATTERN = r"^[0-9]{1,8}(\.[0-9]{1,2})?$"


def _keys(help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.RegexField(KEY_PATTERN),
        required=False,
        max_length=20,
        help_text=help_text,
    )


class ArticleQuerySerializer(serializers.Serializer):
    """Documents the search's parameters (search.forms.ProductSearchForm validates them).

    The text pattern is narrower than what the search accepts (any text without invisible
    control characters): an OpenAPI pattern cannot name Unicode's control categories.
    """

    q = serializers.RegexField(
        r"^[\w '’.,-]*$", max_length=200, required=False, help_text="Mots cherchés"
    )
    commune = _keys("Codes INSEE")
    intercommunality = _keys("SIREN")
    category = _keys("Identifiants de catégorie")
    merchant = _keys("Identifiants de boutique")
    mode = serializers.ListField(
        child=serializers.ChoiceField(choices=FulfilmentMode.choices), required=False
    )
    delivers_to = serializers.RegexField(KEY_PATTERN, required=False, help_text="Code INSEE livré")
    price = serializers.ChoiceField(choices=list(PRICE_RANGE_KEYS), required=False)
    min_price = serializers.RegexField(PRICE_PATTERN, required=False, help_text="Euros TTC")
    max_price = serializers.RegexField(PRICE_PATTERN, required=False, help_text="Euros TTC")
    in_stock = serializers.BooleanField(required=False)
    sort = serializers.ChoiceField(choices=list(SORTS), required=False)
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)


class CommuneQuerySerializer(serializers.Serializer):
    intercommunality = serializers.RegexField(r"^\d{9}$", required=False, help_text="SIREN")
    with_shops = serializers.BooleanField(required=False, help_text="Seulement avec boutiques")


class LanguageQuerySerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=["fr", "en"], required=False)


class IntercommunalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Intercommunality
        fields = ["code", "name"]


class CommuneSerializer(serializers.ModelSerializer):
    intercommunality = serializers.CharField(
        source="intercommunality.code", allow_null=True, default=None
    )

    class Meta:
        model = Commune
        fields = ["insee_code", "name", "postal_codes", "intercommunality"]


class ShopSerializer(serializers.ModelSerializer):
    commune = CommuneSerializer()
    category_label = serializers.CharField(source="get_category_display")
    modes = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()

    class Meta:
        model = Merchant
        fields = [
            "slug",
            "name",
            "siret",
            "commune",
            "category",
            "category_label",
            "address",
            "modes",
            "url",
            "articles_url",
        ]

    def get_modes(self, merchant: Merchant) -> list[str]:
        modes = []
        if merchant.offers_delivery:
            modes.append(FulfilmentMode.DELIVERY.value)
        if merchant.offers_click_collect:
            modes.append(FulfilmentMode.CLICK_COLLECT.value)
        return modes

    def get_url(self, merchant: Merchant) -> str | None:
        page = getattr(merchant, "page", None)
        return absolute(page.url) if page is not None and page.live else None

    def get_articles_url(self, merchant: Merchant) -> str:
        return f"{public_origin()}/api/v1/articles/?merchant={merchant.slug}"


class MerchantSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    commune = serializers.CharField()


class ArticleSerializer(serializers.Serializer):
    """One search hit, as /api/search/products/ gives it, plus the basket deep link."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    add_to_basket = serializers.URLField(help_text="Page de l'article, sur le bouton « Ajouter »")
    price = serializers.CharField(allow_null=True)
    currency = serializers.CharField()
    image = serializers.URLField(allow_null=True)
    merchant = MerchantSummarySerializer()
    modes = serializers.ListField(child=serializers.ChoiceField(choices=FulfilmentMode.choices))


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class ArticlePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ArticleSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


class ArticleDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    size_label = serializers.CharField()
    url = serializers.URLField()
    add_to_basket = serializers.URLField()
    price = serializers.CharField(allow_null=True)
    vat_rate = serializers.CharField()
    currency = serializers.CharField()
    available = serializers.BooleanField()
    merchant = serializers.CharField(help_text="Identifiant de la boutique")


class EditorialPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True, required=False)
    language = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
