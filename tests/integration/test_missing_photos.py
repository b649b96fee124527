"""A product photo whose file is gone from the media storage: pages still answer, without it."""

import logging

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from oscar.core.loading import get_model
from sorl.thumbnail.base import ThumbnailBackend
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
    cache.clear()  # nor a photo remembered as missing
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


def test_a_missing_photo_is_not_asked_of_the_storage_again_on_the_next_page(
    client, photos_lost, monkeypatch
):
    """Each thumbnail of a lost photo cost storage round trips on every page (two S3 requests
    each in production): sorl looks the source up again each time. Once found missing, the
    photo is remembered for a while and sorl is not asked again."""
    url = page_urls()["shop"]
    asked = []
    sorl_get_thumbnail = ThumbnailBackend.get_thumbnail

    def recording(self, file_, geometry_string, **options):
        asked.append(str(getattr(file_, "name", file_)))
        return sorl_get_thumbnail(self, file_, geometry_string, **options)

    monkeypatch.setattr(ThumbnailBackend, "get_thumbnail", recording)
    assert client.get(url, follow=True).status_code == 200
    first = [name for name in asked if name in photos_lost]
    asked.clear()

    assert client.get(url, follow=True).status_code == 200

    assert first, "the first page looks the lost photos up"
    assert not [name for name in asked if name in photos_lost]
