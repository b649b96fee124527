import pytest

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard

PASSWORD = "un-mot-de-passe-solide-61"


@pytest.fixture
def onboard(db):
    """Create a shop through the real onboarding service (account, partner, page, group)."""

    def make(name: str, *, email: str | None = None, commune: str = "61001", publish=True):
        return merchant_onboard(
            details=ShopDetails(
                name=name,
                commune=Commune.objects.get(insee_code=commune),
                email=email or f"{name.split()[0].lower()}@example.org",
            ),
            password=PASSWORD,
            publish_page=publish,
            notify=False,
        )

    return make


@pytest.fixture
def council_staff(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "agent", "agent@orne.invalid", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Agents du Département · commerçants"))
    return user
