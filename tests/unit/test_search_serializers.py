import pytest
from django.test import RequestFactory

from search.serializers import Links, product_url


@pytest.mark.parametrize(
    ("hit_id", "slug"),
    [(1, "camembert"), (987654321987, "lot-de-987654321987-oeufs"), (42, "slug-placeholder")],
)
def test_links_give_what_reverse_and_build_absolute_uri_give(hit_id, slug, settings):
    settings.ALLOWED_HOSTS = ["achats.example.fr"]
    request = RequestFactory().get("/api/search/products/", HTTP_HOST="achats.example.fr")

    assert Links(request).product(hit_id, slug) == request.build_absolute_uri(
        product_url(hit_id, slug)
    )
    assert Links(request).absolute("/media/a.jpg") == "http://achats.example.fr/media/a.jpg"
    assert Links(request).absolute("https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"
