import pytest

from tests.factories import shop_onboard


@pytest.fixture
def onboard(db):
    """Create a shop through the real onboarding service (account, partner, page, group)."""

    def make(name: str, *, email: str | None = None, commune: str = "61001", publish=True):
        return shop_onboard(
            name=name,
            email=email or f"{name.split()[0].lower()}@example.org",
            commune_code=commune,
            publish=publish,
        )

    return make
