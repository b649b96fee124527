"""Photo uploads: only real JPEG/PNG/WebP within limits, stored upright and without metadata."""

import io
import struct
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from merchants.images import PhotoField, photo_clean

RED, BLUE = (255, 0, 0), (0, 0, 255)
ORIENTATION, ARTIST, GPS_IFD = 0x0112, 0x013B, 0x8825


def _upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def _photo_bytes(*, format: str = "JPEG", size=(40, 20), exif=None) -> bytes:
    image = Image.new("RGB", size, RED)
    # Right half blue, so a rotation shows in the pixels.
    image.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    buffer = io.BytesIO()
    image.save(buffer, format=format, **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny PNG whose header announces 2.5 billion pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _png_chunk(b"IEND", b"")
    )


def _refusal_code(data: bytes, name: str = "photo.jpg") -> str:
    with pytest.raises(ValidationError) as raised:
        photo_clean(file=_upload(data, name))
    return raised.value.code


def test_decompression_bomb_is_refused():
    assert _refusal_code(_png_bomb(), "bombe.png") == "photo_too_many_pixels"


def test_photo_over_the_pixel_limit_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 500
    assert _refusal_code(_photo_bytes(size=(40, 20))) == "photo_too_many_pixels"


def test_text_file_named_jpg_is_refused():
    assert _refusal_code(b"Bonjour, ceci n'est pas une photo.\n" * 20) == "photo_format"


def test_svg_is_refused():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(1)</script></svg>"
    )
    assert _refusal_code(svg, "logo.svg") == "photo_format"


def test_svg_renamed_jpg_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    assert _refusal_code(svg, "photo.jpg") == "photo_format"


def test_gif_is_refused_although_pillow_reads_it():
    assert _refusal_code(_photo_bytes(format="GIF"), "anim.gif") == "photo_format"


def test_file_over_ten_megabytes_is_refused():
    oversize = _photo_bytes() + b"\x00" * (10 * 1024 * 1024)
    with pytest.raises(ValidationError) as raised:
        photo_clean(file=_upload(oversize))
    assert raised.value.code == "photo_too_heavy"
    assert "10 Mo" in raised.value.messages[0]


def test_truncated_jpeg_is_refused_as_damaged():
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, format="JPEG")
    whole = buffer.getvalue()
    assert _refusal_code(whole[: len(whole) // 2]) == "photo_damaged"


def test_exif_orientation_is_applied():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # "rotate 90° clockwise to display", as phones held upright write
    clean = photo_clean(file=_upload(_photo_bytes(size=(40, 20), exif=exif.tobytes())))
    stored = Image.open(io.BytesIO(clean.content)).convert("RGB")
    assert stored.size == (20, 40)
    top, bottom = stored.getpixel((10, 3)), stored.getpixel((10, 36))
    assert top[0] > 200 and top[2] < 60  # the left (red) half is now on top
    assert bottom[2] > 200 and bottom[0] < 60


def test_metadata_is_stripped():
    exif = Image.Exif()
    exif[ARTIST] = "Jeanne Martin"
    exif.get_ifd(GPS_IFD)[2] = (48.0, 25.0, 0.0)  # latitude of the shop
    source = _photo_bytes(exif=exif.tobytes())
    assert Image.open(io.BytesIO(source)).getexif()  # the test photo does carry EXIF
    clean = photo_clean(file=_upload(source))
    stored = Image.open(io.BytesIO(clean.content))
    assert not stored.getexif()
    assert "exif" not in stored.info and "xmp" not in stored.info
    assert b"Jeanne Martin" not in clean.content


def test_png_and_webp_keep_their_format():
    for format in ("PNG", "WEBP"):
        clean = photo_clean(file=_upload(_photo_bytes(format=format), f"photo.{format.lower()}"))
        assert Image.open(io.BytesIO(clean.content)).format == format


def test_clean_photo_file_is_named_after_its_content():
    data = _photo_bytes(format="PNG")
    first, second = photo_clean(file=_upload(data)), photo_clean(file=_upload(data, "autre.png"))
    assert first.as_file().name == second.as_file().name
    assert first.as_file().name.endswith(".png")


class _ProductForm(forms.Form):
    title = forms.CharField()
    photo = PhotoField()


def test_form_with_a_refused_photo_keeps_its_other_fields():
    form = _ProductForm(
        data={"title": "Camembert"},
        files={"photo": _upload(b"pas une photo", "camembert.jpg")},
    )
    assert not form.is_valid()
    assert list(form.errors) == ["photo"]
    assert "JPEG, PNG ou WebP" in form.errors["photo"][0]
    assert form.cleaned_data["title"] == "Camembert"


def test_form_field_gives_a_clean_file():
    form = _ProductForm(data={"title": "Camembert"}, files={"photo": _upload(_photo_bytes())})
    assert form.is_valid(), form.errors
    stored = Image.open(form.cleaned_data["photo"])
    assert stored.format == "JPEG" and not stored.getexif()
