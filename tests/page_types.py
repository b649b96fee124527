"""One URL per public page type, found in whatever data the database holds (the demo seed
at any size): shared by the query-count test and bench/pages_bench.py."""

from __future__ import annotations

from oscar.core.loading import get_model

from merchants.models import MerchantIndexPage, MerchantPage
from orne_site.editorial.models import CampaignIndexPage, CampaignPage, NewsIndexPage, NewsPage

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


def _url(queryset) -> str | None:
    page = queryset.live().order_by("path").first()
    return page.url if page else None


def page_urls() -> dict[str, str]:
    """One URL per public page type, found in the seeded data."""
    shop = MerchantPage.objects.live().filter(merchant__is_active=True).order_by("path").first()
    product = (
        Product.objects.filter(is_public=True, stockrecords__partner_id=shop.merchant.partner_id)
        .order_by("pk")
        .first()
        if shop
        else None
    )
    category = Category.objects.order_by("path").first()
    urls = {
        "home": "/",
        "shops index": _url(MerchantIndexPage.objects),
        "shops index p.2": (_url(MerchantIndexPage.objects) or "") + "?page=2",
        "shop": shop.url if shop else None,
        "product": product.get_absolute_url() if product else None,
        "category listing": category.get_absolute_url() if category else None,
        "search": "/recherche/?q=fromage",
        "listing, no query": "/recherche/",
        "campaigns index": _url(CampaignIndexPage.objects),
        "campaign": _url(CampaignPage.objects),
        "news index": _url(NewsIndexPage.objects),
        "news": _url(NewsPage.objects),
        "basket": "/boutique/basket/",
    }
    return {name: url for name, url in urls.items() if url}
