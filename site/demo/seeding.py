"""Building the demo marketplace, deterministically and idempotently.

Steps of `demo_seed`:
1. the admin account stated in the README;
2. Oscar's category tree and the one product class;
3. merchants onboarded through the real service (account, partner, page, permissions),
   spread over real Orne communes, with opening hours and a delivery area;
4. products with stock record (price incl. VAT, VAT rate, stock), category and photo,
   written by the merchants' bulk product service (the catalogue import's write, same
   rules), so benchmarks can ask for 100,000;
and, first, the home page's English translation; last, the editorial demo pages
(orne_site.demo.editorial: campaigns, news, legal pages, footer, translations).
Every object has a stable key (account e-mail, product code), so a second run creates nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from oscar.core.loading import get_model
from wagtail.rich_text import RichText

from merchants.models import Commune, Merchant, OpeningPeriod
from merchants.products import ProductInput, products_bulk_save_for_merchant
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.demo.catalogue_data import (
    CATEGORY_TREE,
    DEMO_COMMUNES,
    DESCRIPTION,
    FAMILY_NAMES,
    SHOP_KINDS,
    VARIANTS,
    ShopKind,
)
from orne_site.demo.editorial import editorial_demo_seed
from orne_site.demo.editorial_content import HOME_PAGE_ENGLISH
from orne_site.demo.images import product_photo_jpeg
from orne_site.demo.orders import demo_orders_seed
from orne_site.editorial.models import HomePage
from orne_site.editorial.translation import page_translate

Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@orne.invalid"
ADMIN_PASSWORD = "orne-admin"
BATCH_SIZE = 1000
IMAGE_FOLDER = "images/products/demo"


@dataclass
class SeedReport:
    merchants_created: int = 0
    products_created: int = 0
    images_created: int = 0
    orders_created: int = 0


def demo_seed(
    *,
    merchants: int = 40,
    products: int = 800,
    seed: int = 61,
    progress: Callable[[int, int], None] | None = None,
) -> SeedReport:
    report = SeedReport()
    ensure_admin_user()
    ensure_home_translation()
    categories = ensure_categories()
    shops = ensure_merchants(count=merchants, report=report)
    ensure_products(
        shops=shops,
        total=products,
        categories=categories,
        seed=seed,
        report=report,
        progress=progress,
    )
    report.orders_created = demo_orders_seed(shops=[shop for shop, _kind in shops])
    editorial_demo_seed()
    return report


def ensure_admin_user() -> None:
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD)


def ensure_categories() -> dict[tuple[str, ...], object]:
    """Return the category tree as {(top,) or (top, child): Category}."""
    categories: dict[tuple[str, ...], object] = {}
    for top_name, children in CATEGORY_TREE.items():
        top = Category.get_root_nodes().filter(name=top_name).first()
        if top is None:
            top = Category.add_root(name=top_name, slug=slugify(top_name))
        categories[(top_name,)] = top
        existing = {child.name: child for child in top.get_children()}
        for name in children:
            child = existing.get(name) or top.add_child(name=name, slug=slugify(name))
            categories[(top_name, name)] = child
    return categories


def _merchant_plan(index: int) -> tuple[ShopKind, str, str]:
    """Kind, commune code and name pattern (``{family}``, ``{town}``) of the index-th demo
    merchant (no randomness needed)."""
    kind = SHOP_KINDS[index % len(SHOP_KINDS)]
    # The first communes (the towns) come back more often than the villages.
    commune_code = DEMO_COMMUNES[(index * 7) % len(DEMO_COMMUNES) if index % 3 else index % 6]
    pattern = kind.shop_names[(index // len(SHOP_KINDS)) % len(kind.shop_names)]
    return kind, commune_code, pattern


def _of_town(town: str) -> str:
    """« de » before a commune's name as French has it: « d'Alençon », « du Mêle-sur-Sarthe »,
    « de L'Aigle »."""
    if town.startswith("Le "):
        return f"du {town[3:]}"
    if town.startswith("Les "):
        return f"des {town[4:]}"
    if town[:1] in "AEIOUYÉÈÊÂÎÔ":
        return f"d'{town}"
    return f"de {town}"


def demo_merchant_names(*, count: int, town_names: dict[str, str]) -> list[str]:
    """The first ``count`` demo shops' names, each given once.

    Two shops of a kind in one commune would share a name (« L'Épicerie de L'Aigle » twice
    in the admin's search, four « La Cave à fromages d'Alençon » at 500 shops). A later one
    takes another family name: in its pattern (« Fromagerie Duval »), else after it
    (« L'Épicerie de L'Aigle – chez Duval »), as real shops are told apart. Each name depends
    on the earlier ones only, so a larger seed keeps the names of a smaller one.
    """
    names: list[str] = []
    used: set[str] = set()
    families = len(FAMILY_NAMES)
    for index in range(count):
        _kind, commune_code, pattern = _merchant_plan(index)
        town = town_names[commune_code]
        pattern = pattern.replace("de {town}", _of_town(town)).replace("{town}", town)
        rotated = [FAMILY_NAMES[(index * 5 + k) % families] for k in range(families)]
        if "{family}" in pattern:
            candidates = [pattern.replace("{family}", family) for family in rotated]
        else:
            candidates = [pattern] + [f"{pattern} – chez {family}" for family in rotated]
        name = next((c for c in candidates if c not in used), f"{candidates[0]} ({index + 1})")
        used.add(name)
        names.append(name)
    return names


DEMO_MERCHANT_PASSWORD = "orne-commercant"
WEEK_HOURS = [  # Tuesday to Saturday, morning and afternoon, as in most Orne shops
    (weekday, opens, closes)
    for weekday in range(1, 6)
    for opens, closes in ((time(9, 0), time(12, 30)), (time(14, 0), time(19, 0)))
]


def demo_merchant_email(index: int) -> str:
    return f"commercant{index + 1:03d}@demo.invalid"


@transaction.atomic
def ensure_merchants(*, count: int, report: SeedReport) -> list[tuple[Merchant, ShopKind]]:
    """Onboard the demo shops through the real onboarding service (account, page, group)."""
    communes = Commune.objects.in_bulk(DEMO_COMMUNES, field_name="insee_code")
    existing = {
        merchant.email: merchant
        for merchant in Merchant.objects.filter(email__endswith="@demo.invalid").select_related(
            "commune", "partner"
        )
    }
    town_names = {code: commune.name for code, commune in communes.items()}
    names = demo_merchant_names(count=count, town_names=town_names)
    shops: list[tuple[Merchant, ShopKind]] = []
    for index in range(count):
        kind, commune_code, _pattern = _merchant_plan(index)
        email = demo_merchant_email(index)
        merchant = existing.get(email)
        if merchant is None:
            commune = communes[commune_code]
            merchant = merchant_onboard(
                details=ShopDetails(
                    name=names[index],
                    commune=commune,
                    email=email,
                    category=kind.merchant_category,
                    address=f"{1 + index % 40} rue du Commerce",
                    phone=f"02 33 {index % 90 + 10:02d} {(index * 7) % 90 + 10:02d} 00",
                    description=kind.pitch,
                ),
                password=DEMO_MERCHANT_PASSWORD,
                notify=False,
            )
            _fill_demo_shop(merchant=merchant, kind=kind)
            report.merchants_created += 1
        shops.append((merchant, kind))
    return shops


def _fill_demo_shop(*, merchant: Merchant, kind: ShopKind) -> None:
    """Opening hours, delivery area and a page body, as a merchant would set them."""
    OpeningPeriod.objects.bulk_create(
        OpeningPeriod(merchant=merchant, weekday=day, opens_at=opens, closes_at=closes)
        for day, opens, closes in WEEK_HOURS
    )
    merchant.delivery_fee = Decimal("4.90")
    merchant.free_delivery_threshold = Decimal("50.00")
    merchant.save(update_fields=["delivery_fee", "free_delivery_threshold"])
    if merchant.commune.intercommunality_id:
        merchant.delivery_intercommunalities.add(merchant.commune.intercommunality_id)
    page = merchant.page
    page.fulfilment_note = (
        "Livraison dans les communes de notre intercommunalité sous 2 jours (4,90 €, offerte "
        "dès 50 €). Retrait en boutique une heure après votre commande, aux heures d'ouverture."
    )
    page.body = [
        ("rich_text", RichText(f"<p>{kind.pitch} Bienvenue chez {merchant.name} !</p>")),
        ("opening_hours", None),
        ("contact", None),
    ]
    page.save_revision().publish()


def _product_title(kind: ShopKind, number: int) -> tuple[str, object]:
    article = kind.articles[number % len(kind.articles)]
    round_ = number // len(kind.articles)
    variant = VARIANTS[round_ % len(VARIANTS)]
    title = f"{article.title} – {variant}" if variant else article.title
    if round_ >= len(VARIANTS):
        title = f"{title} n° {round_ // len(VARIANTS) + 1}"
    return title, article


def _price(rng: random.Random, low: str, high: str) -> Decimal:
    cents_low, cents_high = int(Decimal(low) * 100), int(Decimal(high) * 100)
    # Shop prices end in 0 or 5 cents, as on a real price tag.
    return Decimal(rng.randrange(cents_low, cents_high + 1, 5)) / 100


def _image_name(title: str) -> str:
    return f"{IMAGE_FOLDER}/{slugify(title)[:80]}.jpg"


def _ensure_image(*, title: str, size: str, report: SeedReport) -> str:
    # Photos are keyed by the article (not the shop), so 100k products reuse a few hundred files.
    name = _image_name(title)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(product_photo_jpeg(title=title, subtitle=size)))
        report.images_created += 1
    return name


def _demo_sku(merchant: Merchant, number: int) -> str:
    return f"{merchant.partner.code[:40]}-{number:05d}"


def ensure_products(
    *,
    shops: list[tuple[Merchant, ShopKind]],
    total: int,
    categories: dict,
    seed: int,
    report: SeedReport,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Spread ``total`` products over the shops, round robin, and create the missing ones."""
    if not shops:
        return
    plan = [
        (shop_index, number)
        for number in range(total // len(shops) + 1)
        for shop_index in range(len(shops))
    ][:total]
    # A shop's SKUs are its stable keys: a second run finds them and creates nothing.
    existing = set(
        StockRecord.objects.filter(
            partner_id__in=[merchant.partner_id for merchant, _kind in shops]
        ).values_list("partner_id", "partner_sku")
    )
    todo = [
        (shop_index, number)
        for shop_index, number in plan
        if (shops[shop_index][0].partner_id, _demo_sku(shops[shop_index][0], number))
        not in existing
    ]
    done = 0
    for start in range(0, len(todo), BATCH_SIZE):
        batch = todo[start : start + BATCH_SIZE]
        _create_product_batch(
            batch=batch, shops=shops, categories=categories, seed=seed, report=report
        )
        done += len(batch)
        if progress:
            progress(done, len(todo))


def _article_input(*, merchant: Merchant, kind: ShopKind, number: int, seed: int, category):
    """The article a merchant would type in: the same rules as the back office apply."""
    title, article = _product_title(kind, number)
    rng = random.Random(f"{seed}:{merchant.slug}:{number}")
    price = _price(rng, article.price_min, article.price_max)
    data = ProductInput(
        sku=_demo_sku(merchant, number),
        title=title,
        description=DESCRIPTION.format(
            title=title,
            size=article.size,
            pitch=kind.pitch,
            shop=merchant.name,
            town=merchant.commune.name,
        ),
        category=category,
        price_incl_tax=price,
        vat_rate=article.vat_rate,
        # About one article in ten is out of stock, as in a real shop.
        stock=0 if rng.random() < 0.1 else rng.randint(1, 40),
    )
    return data, article


@transaction.atomic
def _create_product_batch(*, batch, shops, categories, seed, report) -> None:
    """Write one batch through the merchants' bulk service, shop by shop, then the photos.

    Photos are drawn files, not uploads: they are linked directly rather than through the
    photo service, which decodes and re-encodes each upload. Same transaction, so the search
    index (scheduled by the bulk service for after the commit) sees them.
    """
    by_shop: dict[int, list] = {}
    for shop_index, number in batch:
        merchant, kind = shops[shop_index]
        data, article = _article_input(
            merchant=merchant,
            kind=kind,
            number=number,
            seed=seed,
            category=categories[kind.category_path],
        )
        by_shop.setdefault(shop_index, []).append((data, article))
    images = []
    for shop_index, rows in by_shop.items():
        merchant, _kind = shops[shop_index]
        result = products_bulk_save_for_merchant(
            merchant=merchant, creates=[data for data, _article in rows], updates=[]
        )
        for product, (data, article) in zip(result.created, rows, strict=True):
            images.append(
                ProductImage(
                    product=product,
                    original=_ensure_image(title=data.title, size=article.size, report=report),
                    caption=data.title,
                    display_order=0,
                )
            )
        report.products_created += len(result.created)
    ProductImage.objects.bulk_create(images)


def ensure_home_translation() -> None:
    home = HomePage.objects.filter(locale__language_code="fr").first()
    # Re-publishing on every run would add a revision each time; translate once.
    if home is not None and not home.get_translations().filter(locale__language_code="en").exists():
        page_translate(page=home, language_code="en", strings=HOME_PAGE_ENGLISH)
