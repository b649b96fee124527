"""Thirty sign-ups at once from one address: the hourly limit still lets only five through.

Needs PostgreSQL: SQLite serialises whole-database writes, so parallel requests could not race
there (the test skips locally without it and fails in CI).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection

from merchants.models import Commune, MerchantApplication
from merchants.services.signups import SignupRateLimited, merchant_application_submit
from tests.factories import siret_number as make_siret
from tests.services import database_is_postgres, in_ci, require_service

SIGNUPS = 30
LIMIT = 5
NO_POSTGRES = "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)"


def siret_number(n: int) -> str:
    return make_siret(n, first="5")


@pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_parallel_signups_from_one_address_accept_at_most_the_limit(settings):
    require_service(database_is_postgres(), NO_POSTGRES)
    settings.MERCHANT_SIGNUPS_PER_HOUR = LIMIT
    cache.clear()
    commune = Commune.objects.get(insee_code="61293")
    start = threading.Barrier(SIGNUPS)

    def sign_up(n: int) -> str:
        try:
            data = {
                "shop_name": f"Boutique {n}",
                "legal_name": f"SARL {n}",
                "siret": siret_number(n),
                "category": "fromagerie",
                "commune": commune,
                "address": "3 place du Général de Gaulle",
                "phone": "02 33 25 00 00",
                "email": f"boutique{n}@example.org",
                "description": "Fromages fermiers.",
                "sales_mode": "both",
            }
            start.wait()
            merchant_application_submit(data=data, ip_address="203.0.113.7")
            return "accepted"
        except SignupRateLimited:
            return "refused"
        finally:
            connection.close()

    try:
        with ThreadPoolExecutor(max_workers=SIGNUPS) as pool:
            statuses = list(pool.map(sign_up, range(SIGNUPS)))
    finally:
        cache.clear()

    assert sorted(statuses) == ["accepted"] * LIMIT + ["refused"] * (SIGNUPS - LIMIT)
    assert MerchantApplication.objects.filter(submitted_from="203.0.113.7").count() == LIMIT
