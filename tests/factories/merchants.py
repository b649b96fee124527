"""Shops: Oscar partners, merchants, their hours, and shops onboarded through the real service."""

from datetime import time
from itertools import count

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.core.loading import get_model
from stdnum import luhn

from merchants.models import Commune, Invoice, Merchant, MerchantCategory, OpeningPeriod
from merchants.services.onboarding import ShopDetails, merchant_onboard

Partner = get_model("partner", "Partner")

PASSWORD = "un-mot-de-passe-solide-61"
_emails = count()


def commune(code: str = "61001") -> Commune:
    """A commune loaded by the migration, by INSEE code."""
    return Commune.objects.get(insee_code=code)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Boutique {n}")
    code = factory.Sequence(lambda n: f"boutique-{n}")


class MerchantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Merchant

    name = factory.Sequence(lambda n: f"Boutique {n}")
    slug = factory.Sequence(lambda n: f"boutique-{n}")
    partner = factory.SubFactory(PartnerFactory, name=factory.SelfAttribute("..name"))
    # Communes are loaded by a migration: reuse them instead of inventing fake ones.
    commune = factory.LazyFunction(commune)
    category = MerchantCategory.FROMAGERIE


class OpeningPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningPeriod

    merchant = factory.SubFactory(MerchantFactory)
    weekday = 1
    opens_at = time(9)
    closes_at = time(18)


# Tuesday to Saturday, 9:00–12:00 and 14:00–18:00; closed Sunday and Monday.
USUAL_HOURS = [(day, time(h1), time(h2)) for day in range(1, 6) for h1, h2 in ((9, 12), (14, 18))]


def merchant_hours_set(*, merchant, hours=USUAL_HOURS) -> None:
    for weekday, opens, closes in hours:
        OpeningPeriodFactory(merchant=merchant, weekday=weekday, opens_at=opens, closes_at=closes)


def shop_onboard(
    *,
    name: str = "Fromagerie Hébert",
    email: str | None = None,
    commune_code: str = "61001",
    publish: bool = True,
):
    """A shop onboarded through the real service: account, partner, page and group."""
    return merchant_onboard(
        details=ShopDetails(
            name=name,
            commune=commune(commune_code),
            email=email or f"shop{next(_emails)}-{name.split()[0].lower()}@example.org",
        ),
        password=PASSWORD,
        publish_page=publish,
        notify=False,
    )


def siret_number(n: int, *, first: str = "4") -> str:
    """The n-th valid SIRET of a made-up range: SIREN and SIRET check digits both right."""
    siren_base = f"{first}{n:07d}"
    siren = siren_base + luhn.calc_check_digit(siren_base)
    establishment = f"{siren}0001"
    return establishment + luhn.calc_check_digit(establishment)


def invoice_with_pdf(*, merchant, order, number: str, total: str = "0.00", pdf: bytes) -> Invoice:
    """An issued invoice with a stand-in PDF (its content is tested elsewhere, for real)."""
    invoice = Invoice(
        merchant=merchant,
        order=order,
        number=number,
        sequence=int(number.rsplit("-", 1)[1]),
        issued_at=timezone.now(),
        total_excl_tax=total,
        total_tax="0.00",
        total_incl_tax=total,
    )
    invoice.pdf.save(f"{number}.pdf", ContentFile(pdf), save=True)
    return invoice
