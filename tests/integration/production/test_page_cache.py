"""The page cache for anonymous visitors: kept, dropped on change, never shared per visitor."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from orne_site.editorial.models import SiteSettings
from orne_site.pagecache.services import (
    page_body_for_request,
    page_cache_invalidate,
    page_fetch,
    page_store,
)
from tests.factories import MerchantFactory, MerchantStockRecordFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def record(db):
    return MerchantStockRecordFactory(
        merchant=MerchantFactory(name="Fromagerie du Pays d'Auge"),
        product__title="Camembert fermier",
        price_incl_tax=Decimal("6.40"),
        num_in_stock=8,
    )


def _get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304)
    return response


def test_a_second_anonymous_visitor_gets_the_kept_page(page_cache, record):
    url = record.product.get_absolute_url()
    first = _get(Client(), url)
    # Written behind the site's back (no signal): only a kept page still shows the old title.
    type(record.product).objects.filter(pk=record.product.pk).update(title="Pont-l'Évêque")

    second = _get(Client(), url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "Camembert fermier" in second.content.decode()


def test_a_price_change_drops_the_kept_pages(
    page_cache, record, django_capture_on_commit_callbacks
):
    url = record.product.get_absolute_url()
    _get(Client(), url)

    with django_capture_on_commit_callbacks(execute=True):
        record.price_incl_tax = Decimal("7.10")
        record.save()
    after = _get(Client(), url)

    assert after["X-Page-Cache"] == "miss"
    assert "7,10" in after.content.decode()


def test_a_page_is_dropped_only_once_the_change_commits(page_cache, record):
    url = record.product.get_absolute_url()
    _get(Client(), url)

    page_cache_invalidate()  # inside the test's transaction, which never commits

    assert _get(Client(), url)["X-Page-Cache"] == "hit"


def test_a_visitors_basket_count_and_csrf_token_never_reach_another(page_cache, record):
    url = record.product.get_absolute_url()
    visitor_a = Client()
    added = visitor_a.post(reverse("basket:add", args=[record.product.pk]), {"quantity": 2})
    assert added.status_code == 302
    page_a = _get(visitor_a, url)
    assert 'data-basket-count="2"' in page_a.content.decode()
    assert "X-Page-Cache" not in page_a  # A has a basket: never kept nor served kept pages

    visitor_b, visitor_c = Client(), Client()
    page_b, page_c = _get(visitor_b, url), _get(visitor_c, url)

    assert page_c["X-Page-Cache"] == "hit"
    tokens_a = set(TOKEN.findall(page_a.content.decode()))
    for visitor, page in ((visitor_b, page_b), (visitor_c, page_c)):
        body = page.content.decode()
        assert 'data-basket-count="0"' in body
        tokens = TOKEN.findall(body)
        assert tokens and not tokens_a & set(tokens)
        secret = visitor.cookies["csrftoken"].value
        assert all(_does_token_match(token, secret) for token in tokens)
    assert visitor_b.cookies["csrftoken"].value != visitor_c.cookies["csrftoken"].value


def test_a_kept_page_never_reuses_a_csp_nonce(page_cache, rf):
    # Our public pages carry no nonce'd script today; Oscar's layout does, and may be kept.
    first, second = rf.get("/"), rf.get("/")
    first._csp_nonce = "premier-nonce-Q2Flbg=="
    second.csp_nonce = "second-nonce-QWxlbsOnb24="
    rendered = HttpResponse('<script nonce="premier-nonce-Q2Flbg==">go()</script>')

    page = page_store(request=first, response=rendered, key="pagecache:test")
    body = page_body_for_request(request=second, page=page_fetch(key="pagecache:test"))

    assert "premier-nonce" not in page.body
    assert body == '<script nonce="second-nonce-QWxlbsOnb24=">go()</script>'


def test_a_browser_revalidating_a_kept_page_gets_304(page_cache, record):
    url = record.product.get_absolute_url()
    first = _get(Client(), url)
    assert "private" in first["Cache-Control"]

    again = Client().get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/boutique/basket/", "/en/boutique/basket/", "/commande/"])
def test_personal_pages_are_never_kept(page_cache, client, path):
    client.get(path)
    response = Client().get(path)

    assert "X-Page-Cache" not in response


def test_a_signed_in_visitor_is_never_served_a_kept_page(page_cache, record, admin_client):
    url = record.product.get_absolute_url()
    _get(Client(), url)

    assert "X-Page-Cache" not in _get(admin_client, url)


def test_a_page_made_private_is_no_longer_served_from_the_cache(
    page_cache, django_capture_on_commit_callbacks
):
    home = Site.objects.get(is_default_site=True).root_page
    _get(Client(), "/")
    assert _get(Client(), "/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=home, restriction_type=PageViewRestriction.PASSWORD, password="conseil-61"
        )
    after = Client().get("/")

    assert after.get("X-Page-Cache") != "hit"
    assert 'name="password"' in after.content.decode()


def test_a_footer_change_drops_the_kept_pages(page_cache, django_capture_on_commit_callbacks):
    _get(Client(), "/")
    assert _get(Client(), "/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        footer = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        footer.contact_phone = "02 33 81 60 00"
        footer.save()
    after = _get(Client(), "/")

    assert after["X-Page-Cache"] == "miss"
    assert "02 33 81 60 00" in after.content.decode()
