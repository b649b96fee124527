"""Media on an S3-compatible bucket (django-storages) against moto's real S3-protocol server."""

from __future__ import annotations

import io

import boto3
import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from orne_site.settings.env import media_storage_from_url

pytestmark = pytest.mark.django_db
BUCKET = "orne-media-test"


@pytest.fixture
def s3_media(settings, s3_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage_from_url(
            f"s3://{BUCKET}/media?endpoint_url={s3_endpoint}&region=us-east-1"
        ),
    }
    return client


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_wagtail_image_is_written_to_and_read_back_from_the_bucket(s3_media):
    image = Image.objects.create(
        title="Camembert", file=ImageFile(io.BytesIO(_jpeg()), name="camembert.jpg")
    )

    stored = s3_media.get_object(Bucket=BUCKET, Key=f"media/{image.file.name}")
    assert stored["Body"].read()[:3] == b"\xff\xd8\xff"  # a JPEG, as uploaded
    with image.open_file() as read_back:
        assert read_back.read() == _jpeg()

    rendition = image.get_rendition("fill-32x32")
    listed = s3_media.list_objects_v2(Bucket=BUCKET, Prefix="media/")["Contents"]
    assert f"media/{rendition.file.name}" in {entry["Key"] for entry in listed}
    assert rendition.url.startswith("http://127.0.0.1:")  # served by the bucket, not /media/


def test_the_storage_sorl_thumbnail_creates_from_the_class_path_writes_to_the_bucket(
    s3_media, settings
):
    # sorl-thumbnail (Oscar's product thumbnails) builds its storage from the backend's
    # class path with no arguments, at start-up and for each thumbnail read from its cache.
    from django.core.files.base import ContentFile
    from sorl.thumbnail.images import get_or_create_storage

    storage = get_or_create_storage(settings.STORAGES["default"]["BACKEND"])
    name = storage.save("cache/camembert.jpg", ContentFile(_jpeg()))

    stored = s3_media.get_object(Bucket=BUCKET, Key=f"media/{name}")
    assert stored["Body"].read() == _jpeg()
    assert storage.exists(name)
    assert storage.url(name).startswith("http://127.0.0.1:")
