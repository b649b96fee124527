from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import MerchantFactory, commune

PARIS = ZoneInfo("Europe/Paris")


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


@pytest.fixture
def staff_client(client, council_staff):
    client.force_login(council_staff)
    return client


@pytest.fixture
def shops(db):
    """Three shops in Alençon's urban community, two in Flers' agglomeration."""
    return {
        "alencon": [
            MerchantFactory(name=f"Alençon {n}", commune=commune("61001")) for n in range(3)
        ],
        "flers": [MerchantFactory(name=f"Flers {n}", commune=commune("61007")) for n in range(2)],
    }
