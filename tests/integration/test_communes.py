import pytest

from merchants.communes import communes_sync_from_file
from merchants.models import Commune, Intercommunality

pytestmark = pytest.mark.django_db


def test_the_381_orne_communes_are_loaded_by_migration():
    assert Commune.objects.count() == 381
    alencon = Commune.objects.select_related("intercommunality").get(insee_code="61001")
    assert alencon.name == "Alençon"
    assert "61000" in alencon.postal_codes
    assert alencon.intercommunality.name == "CU d'Alençon"
    assert not Commune.objects.filter(intercommunality__isnull=True).exists()


def test_reloading_the_communes_changes_nothing():
    counts = communes_sync_from_file(commune_model=Commune, intercommunality_model=Intercommunality)
    assert counts["created"] == 0
    assert Commune.objects.count() == 381
    assert Intercommunality.objects.count() == counts["intercommunalities"]
