"""Migrate the bare project, create a shop with one article, and save three pages' HTML.

Run by tests/integration/test_bare_project.py in a subprocess (its own settings module,
its own SQLite file): ``python -m tests.bare_project.boot OUTPUT_DIR``. It writes
``pages.json`` (status and HTML of the shop page, the basket and a search) for the test to
check; it asserts nothing itself.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import django

# The models below need the apps loaded: this module is a script, run with its own settings.
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from merchants.models import Commune  # noqa: E402
from merchants.products import ProductInput, products_bulk_save_for_merchant  # noqa: E402
from merchants.services.onboarding import ShopDetails, merchant_onboard  # noqa: E402


def _site_root_one_level_down():
    """Put the default Site's root one level deeper than Wagtail's welcome page, so the
    apps are shown to find their place from the Site, not from a depth."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.add_child(instance=Page(title="Accueil du projet", slug="projet"))
    site.root_page = home
    site.save()
    return home


def _shop_with_an_article():
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie du Bocage",
            commune=Commune.objects.get(insee_code="61001"),
            email="fromagerie@example.org",
        ),
        password="un-mot-de-passe-solide-61",
        notify=False,
    )
    article = ProductInput(
        sku="CAM-1",
        title="Camembert fermier",
        description="Moulé à la louche, au lait cru.",
        category=get_model("catalogue", "Category").add_root(name="Fromages", slug="fromages"),
        price_incl_tax=Decimal("6.50"),
        vat_rate="5.5",
        stock=12,
    )
    created = products_bulk_save_for_merchant(merchant=merchant, creates=[article], updates=[])
    return merchant, created.created[0]


def main(output_dir: Path) -> None:
    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        _site_root_one_level_down()
        merchant, product = _shop_with_an_article()
    # Indexing runs after commit (search.services), as in the site.
    client = Client()
    pages = {}
    shop = client.get(merchant.page.url)
    pages["shop"] = {"status": shop.status_code, "url": merchant.page.url, "html": shop.text}
    added = client.post(f"/boutique/basket/add/{product.pk}/", {"quantity": 2})
    pages["basket_add"] = {"status": added.status_code, "html": added.text}
    basket = client.get("/boutique/basket/")
    pages["basket"] = {"status": basket.status_code, "html": basket.text}
    search = client.get("/recherche/", {"q": "camembert"})
    pages["search"] = {"status": search.status_code, "html": search.text}
    site_modules = [name for name in sys.modules if name.startswith("orne_site")]
    pages["site_modules_loaded"] = sorted(site_modules)
    (output_dir / "pages.json").write_text(json.dumps(pages), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
