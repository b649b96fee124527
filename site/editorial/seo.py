"""What search engines and social networks read about a page: description, image, alternates,
structured data (schema.org JSON-LD).

Works for any Wagtail page: editorial pages describe themselves (``get_meta_description``,
``get_share_image``); other pages (shop pages) fall back on their common fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from commerce.partner.stock import stockrecord_free_stock
from merchants.text import merchant_text_plain
from orne_site.editorial.page_memos import page_versions_memo, site_for_request

SHARE_RENDITION = "fill-1200x630"
SCHEMA_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class PageSeo:
    canonical_url: str
    description: str
    image_url: str = ""
    image_alt: str = ""
    og_type: str = "website"
    # (language code, absolute URL) of every live version of the page, this one included.
    alternates: list[tuple[str, str]] = field(default_factory=list)
    default_url: str = ""


def _absolute(page: Page, url: str, request: HttpRequest | None = None) -> str:
    """Media URLs made absolute on the page's site, like Wagtail's own page URLs."""
    if url.startswith(("http://", "https://")):
        return url
    # The request's site (from the sitewide memo) when the page is on it: page.get_site()
    # costs a query, the URL parts come from Wagtail's cached site root paths.
    site = site_for_request(request) if request is not None else None
    if site is None or (page.get_url_parts(request) or (None,))[0] != site.pk:
        site = page.get_site()
    return f"{site.root_url}{url}" if site else url


def _share_image(page: Page):
    if hasattr(page, "get_share_image"):
        alt = page.get_share_image_alt() if hasattr(page, "get_share_image_alt") else ""
        return page.get_share_image(), alt
    # Shop pages: their cover photo.
    return getattr(page, "cover_image", None), getattr(page, "cover_alt", "")


def _description(page: Page) -> str:
    if hasattr(page, "get_meta_description"):
        return page.get_meta_description()
    merchant = getattr(page, "merchant", None)
    return page.search_description or (merchant.description if merchant else "")


def page_versions(*, page: Page, request: HttpRequest | None) -> list[Page]:
    """The live versions of a page (itself included) with their locale, by language code.

    The head's alternates and the language switcher both need them: from the sitewide memo.
    """
    return page_versions_memo(page)


def page_seo(*, page: Page, request: HttpRequest | None) -> PageSeo:
    image, image_alt = _share_image(page)
    image_url = _absolute(page, image.get_rendition(SHARE_RENDITION).url, request) if image else ""
    # The default language by its code: Locale.get_default() would cost a query.
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    alternates, default_url = [], ""
    for version in page_versions(page=page, request=request):
        url = version.get_full_url(request)
        alternates.append((version.locale.language_code, url))
        if version.locale.language_code == default_language:
            default_url = url
    return PageSeo(
        canonical_url=page.get_full_url(request),
        description=_description(page),
        image_url=image_url,
        image_alt=image_alt or "",
        og_type="article" if page.specific_class.__name__ == "NewsPage" else "website",
        alternates=alternates if len(alternates) > 1 else [],
        default_url=default_url,
    )


def organization_data(*, site_name: str, home: Page, site_settings, request) -> dict:
    """schema.org Organization for the home page: who runs the marketplace."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site_name,
        "url": home.get_full_url(request),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": "Département de l'Orne"},
    }
    if site_settings is not None:
        if site_settings.logo:
            logo_url = site_settings.logo.get_rendition("max-400x400").url
            data["logo"] = _absolute(home, logo_url, request)
        contact = {"@type": "ContactPoint", "contactType": "customer support"}
        if site_settings.contact_email:
            contact["email"] = site_settings.contact_email
        if site_settings.contact_phone:
            contact["telephone"] = site_settings.contact_phone
        if len(contact) > 2:
            data["contactPoint"] = contact
        same_as = [link.value["url"] for link in site_settings.social_links]
        if same_as:
            data["sameAs"] = same_as
    return data


def local_business_data(*, page, merchant, opening_periods, request) -> dict:
    """schema.org LocalBusiness for a shop page: address, contact, opening hours."""
    commune = merchant.commune
    address = {
        "@type": "PostalAddress",
        "addressLocality": commune.name,
        "addressRegion": "Orne",
        "addressCountry": "FR",
    }
    if merchant.address:
        address["streetAddress"] = merchant.address
    if commune.postal_codes:
        address["postalCode"] = commune.postal_codes[0]
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": merchant.name,
        "url": page.get_full_url(request),
        "address": address,
    }
    if merchant.description:
        data["description"] = merchant.description
    if merchant.phone:
        data["telephone"] = merchant.phone
    if merchant.email:
        data["email"] = merchant.email
    if page.cover_image:
        cover_url = page.cover_image.get_rendition(SHARE_RENDITION).url
        data["image"] = _absolute(page, cover_url, request)
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_WEEKDAYS[period.weekday]}",
            "opens": period.opens_at.strftime("%H:%M"),
            "closes": period.closes_at.strftime("%H:%M"),
        }
        for period in opening_periods
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    return data


def product_data(*, product, request) -> dict:
    """schema.org Product for an article page: its shop's offer (price incl. VAT, stock)."""
    # Through .all(): the product page prefetched its stock records with their seller.
    record = next(iter(product.stockrecords.all()), None)
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "url": request.build_absolute_uri(product.get_absolute_url()) if request else "",
    }
    if product.description:
        # Words only: search engines show this text as it is, markup would show as code.
        data["description"] = merchant_text_plain(text=product.description)
    image = product.primary_image()
    if getattr(image, "original", None) and getattr(image, "pk", None):
        data["image"] = request.build_absolute_uri(image.original.url) if request else ""
    if record is not None and record.price_incl_tax is not None:
        in_stock = stockrecord_free_stock(record) > 0
        data["offers"] = {
            "@type": "Offer",
            "price": str(record.price_incl_tax),
            "priceCurrency": record.price_currency,
            "availability": f"https://schema.org/{'InStock' if in_stock else 'OutOfStock'}",
            "seller": {"@type": "LocalBusiness", "name": record.partner.name},
        }
    return data
