"""API v1 views: thin, they read through selectors (merchants, search, editorial pages)
and shape the answer with orne_site.api.serializers."""

from __future__ import annotations

import re

from django.db.models import Max
from django.http import Http404
from django.utils.http import http_date
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from oscar.core.loading import get_model
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from commerce.order.fulfilment import FulfilmentMode
from commerce.partner.stock import free_stock_from_values
from merchants.models import Commune, Intercommunality, Merchant
from orne_site.api import serializers as s
from orne_site.api.base import PublicApiView
from orne_site.editorial.models import CampaignPage, NewsPage
from search.forms import ProductSearchForm
from search.selectors import product_search
from search.serializers import Links, hit_data

StockRecord = get_model("partner", "StockRecord")
SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,200}$"


class ShopList(PublicApiView):
    """Active shops, by name; filter by commune, intercommunality, category, mode."""

    serializer_class = s.ShopSerializer
    query_serializer_class = s.ShopQuerySerializer

    def get_queryset(self):
        query = self.query()
        shops = Merchant.objects.filter(is_active=True).select_related(
            "commune__intercommunality", "page"
        )
        if "commune" in query:
            shops = shops.filter(commune__insee_code=query["commune"])
        if "intercommunality" in query:
            shops = shops.filter(commune__intercommunality__code=query["intercommunality"])
        if "category" in query:
            shops = shops.filter(category=query["category"])
        if query.get("mode") == FulfilmentMode.DELIVERY:
            shops = shops.filter(offers_delivery=True)
        elif query.get("mode") == FulfilmentMode.CLICK_COLLECT:
            shops = shops.filter(offers_click_collect=True)
        return shops.order_by("name", "pk")

    @extend_schema(
        operation_id="shops_list",
        parameters=[s.ShopQuerySerializer],
        responses=s.ShopSerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ShopDetail(PublicApiView):
    serializer_class = s.ShopSerializer
    common_parameters = ()
    lookup_field = "slug"

    def get_queryset(self):
        return Merchant.objects.filter(is_active=True).select_related(
            "commune__intercommunality", "page"
        )

    @extend_schema(
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH, pattern=SLUG_PATTERN)]
    )
    def get(self, request, slug: str):
        if not re.fullmatch(SLUG_PATTERN, slug):
            raise Http404
        return Response(self.get_serializer(self.get_object()).data)


def _article_links(data: dict) -> dict:
    return {**data, "add_to_basket": f"{data['url']}{s.BASKET_ANCHOR}"}


class ArticleList(PublicApiView):
    """The search page's query, facets and filters (search.selectors.product_search)."""

    serializer_class = s.ArticlePageSerializer
    pagination_class = None
    common_parameters = ()

    def query(self) -> dict:
        if not hasattr(self, "_query"):
            params = self.request.query_params
            form = ProductSearchForm(params)
            unknown = sorted(set(params) - set(form.fields))
            if unknown:
                raise ValidationError({name: [_("Paramètre inconnu.")] for name in unknown})
            # The search page reads an empty value as "no filter"; the API says it is wrong.
            empty = sorted(name for name in params if "" in params.getlist(name))
            if empty:
                raise ValidationError({name: [_("Valeur vide.")] for name in empty})
            if not form.is_valid():
                raise ValidationError(
                    {
                        name: [e["message"] for e in errs]
                        for name, errs in form.errors.get_json_data().items()
                    }
                )
            self._query = {"query": form.to_query()}
        return self._query

    @extend_schema(operation_id="articles_list", parameters=[s.ArticleQuerySerializer])
    def get(self, request):
        query = self.query()["query"]
        page = product_search(query=query)
        links = Links(request)
        base = request.build_absolute_uri(request.path)
        params = request.query_params.copy()

        def page_link(number: int) -> str | None:
            if number < 1 or number > page.num_pages:
                return None
            params["page"] = str(number)
            return f"{base}?{params.urlencode()}"

        body = {
            "count": page.count,
            "page": query.page,
            "num_pages": page.num_pages,
            "next": page_link(query.page + 1),
            "previous": page_link(query.page - 1),
            "results": [_article_links(hit_data(hit, links)) for hit in page.hits],
            "facets": {
                name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in values
                ]
                for name, values in page.facets.items()
            },
        }
        response = Response(body)
        response["X-Search-Backend"] = "database-fallback" if page.degraded else page.backend
        return response


class ArticleDetail(PublicApiView):
    serializer_class = s.ArticleDetailSerializer
    common_parameters = ()

    @extend_schema(parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)])
    def get(self, request, id: str):
        if not id.isdigit() or len(id) > 18:
            raise Http404
        record = (
            StockRecord.objects.filter(
                product_id=int(id), product__is_public=True, partner__merchant__is_active=True
            )
            .select_related("product", "partner__merchant")
            .first()
        )
        if record is None:
            raise Http404
        product = record.product
        url = s.absolute(product.get_absolute_url())
        body = {
            "id": product.pk,
            "title": product.title,
            "description": product.description or "",
            "size_label": product.size_label,
            "url": url,
            "add_to_basket": f"{url}{s.BASKET_ANCHOR}",
            "price": None if record.price_incl_tax is None else f"{record.price_incl_tax:.2f}",
            "vat_rate": record.vat_rate,
            "currency": record.price_currency,
            "available": free_stock_from_values(
                num_in_stock=record.num_in_stock, num_allocated=record.num_allocated
            )
            > 0,
            "merchant": record.partner.merchant.slug,
        }
        return Response(body)


class CommuneList(PublicApiView):
    serializer_class = s.CommuneSerializer
    query_serializer_class = s.CommuneQuerySerializer

    def get_queryset(self):
        query = self.query()
        communes = Commune.objects.select_related("intercommunality").order_by("name", "pk")
        if "intercommunality" in query:
            communes = communes.filter(intercommunality__code=query["intercommunality"])
        if query.get("with_shops"):
            communes = communes.filter(merchants__is_active=True).distinct()
        return communes

    @extend_schema(
        operation_id="communes_list",
        parameters=[s.CommuneQuerySerializer],
        responses=s.CommuneSerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class IntercommunalityList(PublicApiView):
    serializer_class = s.IntercommunalitySerializer
    queryset = Intercommunality.objects.order_by("name", "pk")

    @extend_schema(
        operation_id="intercommunalities_list",
        responses=s.IntercommunalitySerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class EditorialList(PublicApiView):
    """Live public pages in the requested language, newest first, with Last-Modified."""

    serializer_class = s.EditorialPageSerializer
    query_serializer_class = s.LanguageQuerySerializer

    def pages(self):
        raise NotImplementedError

    def row(self, page) -> dict:
        raise NotImplementedError

    @extend_schema(
        parameters=[s.LanguageQuerySerializer],
        responses=s.EditorialPageSerializer(many=True),
    )
    def get(self, request):
        language = self.query().get("language")
        pages = self.pages()
        if language:
            pages = pages.filter(locale__language_code=language)
        newest = pages.aggregate(newest=Max("last_published_at"))["newest"]
        page = self.paginate_queryset(pages.select_related("locale"))
        response = self.get_paginated_response([self.row(item) for item in page])
        if newest:
            response["Last-Modified"] = http_date(newest.timestamp())
        return response


def _page_row(page, *, summary: str, date, end_date=None) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "summary": summary,
        "date": date,
        "end_date": end_date,
        "language": page.locale.language_code,
        "url": s.absolute(page.url),
        "last_published_at": page.last_published_at,
    }


class CampaignList(EditorialList):
    def pages(self):
        return CampaignPage.current()

    def row(self, page) -> dict:
        return _page_row(page, summary=page.summary, date=page.start_date, end_date=page.end_date)


class NewsList(EditorialList):
    def pages(self):
        return NewsPage.objects.live().public().order_by("-date", "-pk")

    def row(self, page) -> dict:
        return _page_row(page, summary=page.summary, date=page.date)
