import pytest

from tests.factories import PASSWORD, shop_onboard


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


@pytest.fixture
def council_staff(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "agent", "agent@orne.invalid", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Agents du Département · commerçants"))
    return user
