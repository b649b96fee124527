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
