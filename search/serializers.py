"""The JSON API's shape: a stable interface (the département's mobile app reads it).

    {"count": int,
     "results": [{"id", "title", "url", "price", "currency", "image",
                  "merchant": {"slug", "name", "commune"}, "modes"}],
     "shops": [{"slug", "name", "commune", "url"}],   # matching the words, first page only
     "did_you_mean": str,                            # "" unless nothing matched
     "facets": {"category"|"commune"|"intercommunality"|"merchant"|"mode"|"price"|"in_stock":
                [{"value", "label", "count", "selected"}]}}

Prices are strings with two decimals (money is never a float); URLs are absolute.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.urls import reverse

from search.query import ProductHit, SearchPage, Suggestion


def product_url(hit_id: int, slug: str) -> str:
    return reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": hit_id})


def image_url(name: str) -> str | None:
    return default_storage.url(name) if name else None


# Placeholders reversed once per page; a URL per hit is then two replacements instead
# of a reverse() and a build_absolute_uri() each (a third of the API's own time).
_SLUG, _PK = "slug-placeholder", 987654321987


class Links:
    """Absolute URLs for one request's hits."""

    def __init__(self, request: HttpRequest) -> None:
        self.origin = request.build_absolute_uri("/").rstrip("/")
        self.product_path = product_url(_PK, _SLUG)

    def absolute(self, url: str) -> str:
        return self.origin + url if url.startswith("/") else url

    def product(self, hit_id: int, slug: str) -> str:
        # The id first: a slug may hold digits, never the placeholder slug.
        path = self.product_path.replace(str(_PK), str(hit_id)).replace(_SLUG, slug)
        return self.origin + path


def hit_data(hit: ProductHit, links: Links) -> dict:
    image = image_url(hit.image_name)
    return {
        "id": hit.id,
        "title": hit.title,
        "url": links.product(hit.id, hit.slug),
        "price": None if hit.price is None else f"{hit.price:.2f}",
        "currency": hit.currency,
        "image": links.absolute(image) if image else None,
        "merchant": {
            "slug": hit.merchant.slug,
            "name": hit.merchant.name,
            "commune": hit.merchant.commune,
        },
        "modes": list(hit.modes),
    }


def page_data(page: SearchPage, request: HttpRequest) -> dict:
    links = Links(request)
    return {
        "count": page.count,
        "results": [hit_data(hit, links) for hit in page.hits],
        "shops": [
            {
                "slug": shop.slug,
                "name": shop.name,
                "commune": shop.commune,
                "url": links.absolute(shop_results_url(shop.slug)),
            }
            for shop in page.shops
        ],
        "did_you_mean": page.did_you_mean,
        "facets": {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for name, values in page.facets.items()
        },
    }


def shop_results_url(slug: str) -> str:
    """The search page filtered on one shop's articles."""
    return f"{reverse('product_search:results')}?merchant={slug}"


def suggestion_url(suggestion: Suggestion) -> str:
    if suggestion.kind == "product" and suggestion.id is not None:
        return product_url(suggestion.id, suggestion.slug)
    return shop_results_url(suggestion.slug)


def suggestions_data(suggestions: list[Suggestion], request: HttpRequest) -> dict:
    return {
        "results": [
            {
                "type": s.kind,
                "label": s.label,
                "url": request.build_absolute_uri(suggestion_url(s)),
            }
            for s in suggestions
        ]
    }
