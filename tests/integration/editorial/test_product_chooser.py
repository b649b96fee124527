"""Editors pick Oscar products in the admin through a chooser limited to public products."""

import pytest

pytestmark = pytest.mark.django_db


def test_chooser_lists_public_products_only(client, django_user_model, product_of, shop):
    merchant = shop()
    product_of(merchant, "Camembert au lait cru")
    hidden = product_of(merchant, "Livarot retiré")
    hidden.is_public = False
    hidden.save()
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))

    response = client.get("/admin/articles-chooser/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Camembert au lait cru" in content
    assert "Livarot retiré" not in content


def test_chooser_searches_by_title_or_shop(client, django_user_model, product_of, shop):
    product_of(shop("Fromagerie Hébert"), "Camembert au lait cru")
    product_of(shop("Cidrerie du Perche"), "Pommeau de Normandie")
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))

    by_title = client.get("/admin/articles-chooser/results/", {"q": "pommeau"}).content.decode()
    by_shop = client.get("/admin/articles-chooser/results/", {"q": "hébert"}).content.decode()

    assert "Pommeau de Normandie" in by_title and "Camembert" not in by_title
    assert "Camembert au lait cru" in by_shop and "Pommeau" not in by_shop
