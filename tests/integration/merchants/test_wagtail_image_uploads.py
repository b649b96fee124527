"""Wagtail's image uploads (admin Images, multiple upload, chooser) are checked like product
photos: damaged files and decompression bombs get a French message, never a 500, and the
stored original carries no GPS position."""

import html
import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db
WagtailImage = get_image_model()
GPS_IFD = 0x8825


def _jpeg(*, exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (640, 480), "orange")
    image.save(buffer, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _png_with_text_bomb(kind: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    png = buffer.getvalue()
    bomb = zlib.compress(b"\x00" * 50_000_000, 9)  # 50 MB of text in 50 kB
    header = b"Comment\x00\x00" if kind == b"zTXt" else b"Comment\x00\x01\x00\x00\x00"
    return png[:33] + _chunk(kind, header + bomb) + png[33:]  # after the IHDR chunk


def _add(admin_client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return admin_client.post("/admin/images/add/", {"title": "Vitrine", "file": upload})


def test_a_truncated_jpeg_is_refused_in_french(admin_client):
    response = _add(admin_client, "vitrine.jpg", _jpeg()[:-400])

    assert response.status_code == 200
    assert "abîmée ou incomplète" in html.unescape(response.content.decode())
    assert not WagtailImage.objects.exists()


@pytest.mark.parametrize("kind", [b"zTXt", b"iTXt"], ids=["zTXt", "iTXt"])
def test_a_png_text_chunk_bomb_is_refused_in_french(admin_client, kind):
    response = _add(admin_client, "vitrine.png", _png_with_text_bomb(kind))

    assert response.status_code == 200
    assert "données cachées trop volumineuses" in html.unescape(response.content.decode())
    assert not WagtailImage.objects.exists()


def test_an_uploaded_jpeg_is_stored_without_its_gps_position(admin_client):
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 25.0, 57.0), 3: "E", 4: (0.0, 5.0, 30.0)})
    assert Image.open(io.BytesIO(_jpeg(exif=exif))).getexif().get_ifd(GPS_IFD)

    response = _add(admin_client, "vitrine.jpg", _jpeg(exif=exif))

    assert response.status_code == 302
    stored = WagtailImage.objects.get()
    with stored.open_file() as file:
        assert Image.open(file).getexif().get_ifd(GPS_IFD) == {}
    assert (stored.width, stored.height) == (640, 480)


def test_multiple_upload_refuses_a_truncated_jpeg_in_french(admin_client):
    upload = SimpleUploadedFile("vitrine.jpg", _jpeg()[:-400], content_type="image/jpeg")

    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})

    data = response.json()
    assert data["success"] is False
    assert "abîmée ou incomplète" in data["error_message"]
    assert not WagtailImage.objects.exists()


def test_chooser_upload_refuses_a_png_text_chunk_bomb_in_french(admin_client):
    upload = SimpleUploadedFile("vitrine.png", _png_with_text_bomb(b"zTXt"))

    response = admin_client.post(
        "/admin/images/chooser/create/",
        {"image-chooser-upload-title": "Vitrine", "image-chooser-upload-file": upload},
    )

    fragment = html.unescape(response.json()["htmlFragment"])
    assert "données cachées trop volumineuses" in fragment
    assert not WagtailImage.objects.exists()
