"""A merchant's new photo gets its public sizes from a task worker, after the commit."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image
from sorl.thumbnail.models import KVStore

from merchants.images import photo_clean
from merchants.products import product_set_images
from merchants.products.renditions import PUBLIC_PHOTO_SIZES
from tests.factories import MerchantFactory, MerchantStockRecordFactory

from .conftest import REPO, subprocess_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 40)).save(buffer, format="JPEG")
    return photo_clean(file=SimpleUploadedFile("pommes.jpg", buffer.getvalue()))


def _images_known_to_sorl() -> int:
    # sorl records the source and each size it made in its key-value store (the database).
    return KVStore.objects.filter(key__contains="||image||").count()


def test_the_public_sizes_of_a_new_photo_are_made_by_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    merchant = MerchantFactory()
    product = MerchantStockRecordFactory(merchant=merchant).product
    before = _images_known_to_sorl()

    product_set_images(merchant=merchant, product=product, images=[_photo()])

    queued = DBTaskResult.objects.get(task_path__endswith="product_photo_renditions")
    assert _images_known_to_sorl() == before  # nothing resized in the merchant's request
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=REPO,
        env=subprocess_env(TEST_TASK_BACKEND="database"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert _images_known_to_sorl() - before == 1 + len(PUBLIC_PHOTO_SIZES)
