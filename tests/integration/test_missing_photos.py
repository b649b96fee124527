"""A product photo whose file is gone from the media storage: pages still answer, without it."""

import logging

import pytest
from django.core.cache import caches
from django.core.management import call_command
from oscar.core.loading import get_model
from sorl.thumbnail.conf import settings as thumbnail_settings

from tests.page_types import page_urls

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture
def photos_lost(settings, tmp_path):
    """The demo data, then every product photo file deleted (a bucket emptied, a disk lost)."""
    settings.MEDIA_ROOT = tmp_path
    settings.THUMBNAIL_DUMMY = False  # production: sorl reads the real files
    # No thumbnail recorded by an earlier test for the same file names.
    caches[thumbnail_settings.THUMBNAIL_CACHE].clear()
    call_command("seed_demo", merchants=2, products=6)
    names = set(ProductImage.objects.values_list("original", flat=True))
    for name in names:
        (tmp_path / name).unlink(missing_ok=True)
    assert names and not any((tmp_path / name).exists() for name in names)
    return names


@pytest.mark.parametrize("page", ["home", "shop", "product", "search"])
def test_a_page_showing_a_product_whose_photo_file_is_gone_still_answers(
    client, photos_lost, caplog, page
):
    url = page_urls()[page]

    with caplog.at_level(logging.WARNING, logger="commerce.thumbnails"):
        response = client.get(url, follow=True)

    assert response.status_code == 200
    content = response.content.decode()
    assert 'width=""' not in content and 'src=""' not in content  # no broken <img>
    if page in ("shop", "product", "home"):  # the pages that make thumbnails
        assert "missing from the media storage" in caplog.text
        # In the photo's place, a drawing of the same size that says there is none.
        assert 'aria-label="Photo indisponible"' in content
