"""The demo seed gives each shop its own name, whatever the number of shops."""

from orne_site.demo.catalogue_data import DEMO_COMMUNES
from orne_site.demo.seeding import demo_merchant_names

TOWNS = {code: f"Commune {code}" for code in DEMO_COMMUNES}


def test_five_hundred_demo_shops_have_five_hundred_names():
    names = demo_merchant_names(count=500, town_names=TOWNS)

    assert len(set(names)) == 500


def test_a_larger_seed_keeps_the_names_of_a_smaller_one():
    assert demo_merchant_names(count=500, town_names=TOWNS)[:40] == demo_merchant_names(
        count=40, town_names=TOWNS
    )


def test_a_repeated_name_is_told_apart_by_a_family_name():
    names = demo_merchant_names(count=500, town_names=TOWNS)
    first = names.index("L'Épicerie de Commune 61214")

    repeats = [
        name for name in names[first + 1 :] if name.startswith("L'Épicerie de Commune 61214")
    ]

    assert repeats and all(" – chez " in name for name in repeats)


def test_shop_names_say_de_before_a_commune_as_french_does():
    towns = dict.fromkeys(DEMO_COMMUNES, "Alençon") | {"61214": "L'Aigle"}
    names = demo_merchant_names(count=40, town_names=towns)
    assert "La Cave à fromages d'Alençon" in names
    assert "L'Épicerie de L'Aigle" in names
    assert not [name for name in names if "de Alençon" in name]
    mele = demo_merchant_names(count=40, town_names=dict.fromkeys(DEMO_COMMUNES, "Le Mêle"))
    assert "La Cave à fromages du Mêle" in mele
