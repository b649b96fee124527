"""Product photos uploaded by merchants: checked with Pillow, then re-encoded clean.

`photo_clean` is the one rule; `PhotoField` (forms) and `validate_photo` (validators)
wrap it for the back office, and the catalogue import calls it for photos in a zip.

Steps of `photo_clean`:
1. refuse files over the size limit before reading them;
2. let Pillow identify the content among JPEG, PNG and WebP only (the extension is never
   trusted: an SVG or a text file renamed .jpg is refused);
3. refuse more pixels than the limit from the header, before decoding (decompression bombs);
4. decode, apply the EXIF orientation, and re-encode without EXIF/XMP (GPS position, camera,
   owner's name), keeping only the colour profile and transparency.
Failures raise ValidationError with a French message, so a form keeps its other fields.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import IO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from merchants.conf import photo_max_bytes, photo_max_pixels

# Pillow format name -> (file extension, MIME type).
ACCEPTED_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
ACCEPT_ATTRIBUTE = ",".join(mime for _, mime in ACCEPTED_FORMATS.values())
JPEG_QUALITY = 90


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: re-encoded bytes, named after the uploaded content's digest."""

    content: bytes
    format: str
    width: int
    height: int
    # SHA-256 of the bytes as uploaded: the same photo uploaded twice is recognised.
    source_digest: str

    @property
    def extension(self) -> str:
        return ACCEPTED_FORMATS[self.format][0]

    def as_file(self) -> CleanPhotoFile:
        return CleanPhotoFile(self)


class CleanPhotoFile(ContentFile):
    """A checked photo as a Django File (what `PhotoField` gives), remembering its check so
    `merchants.products.product_set_images` stores it without checking it again."""

    def __init__(self, photo: CleanPhoto):
        super().__init__(photo.content, name=f"{photo.source_digest[:32]}.{photo.extension}")
        self.photo = photo


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def _read_limited(file: IO[bytes], *, max_bytes: int) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise _too_heavy(size, max_bytes)
    if hasattr(file, "seek"):
        file.seek(0)
    # Read one byte more than allowed, so a file without a known size is caught as well.
    data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_heavy(size or len(data), max_bytes)
    return data


def _too_heavy(size: int, max_bytes: int) -> ValidationError:
    return ValidationError(
        _("La photo pèse %(size)s Mo ; le maximum est de %(max)s Mo. Réduisez-la et réessayez.")
        % {"size": _megabytes(size), "max": _megabytes(max_bytes)},
        code="photo_too_heavy",
    )


def _not_a_photo() -> ValidationError:
    return ValidationError(
        _("Ce fichier n'est pas une photo au format JPEG, PNG ou WebP."), code="photo_format"
    )


def _too_many_pixels(max_pixels: int) -> ValidationError:
    return ValidationError(
        _("La photo est trop grande (plus de %(megapixels)s millions de pixels).")
        % {"megapixels": max_pixels // 1_000_000},
        code="photo_too_many_pixels",
    )


def _too_much_text(error: ValueError) -> bool:
    # Pillow refuses PNG text chunks (zTXt, iTXt) that decompress beyond its limits.
    return "text chunk" in str(error) or "MAX_TEXT" in str(error)


def _text_bomb() -> ValidationError:
    return ValidationError(
        _(
            "La photo contient des données cachées trop volumineuses : enregistrez-la de "
            "nouveau depuis un logiciel de retouche et réessayez."
        ),
        code="photo_text_bomb",
    )


def _open_checked(data: bytes, *, max_pixels: int) -> Image.Image:
    """Identify and decode the photo, refusing any format but ours and any bomb."""
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice its limit: make that an error too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=tuple(ACCEPTED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(max_pixels) from None
        except ValueError as error:
            raise (_text_bomb() if _too_much_text(error) else _not_a_photo()) from None
        except (UnidentifiedImageError, OSError, SyntaxError):
            raise _not_a_photo() from None
        # The header gives the size: refuse before allocating memory for the pixels.
        width, height = image.size
        if width * height > max_pixels:
            raise _too_many_pixels(max_pixels)
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(max_pixels) from None
        except ValueError as error:
            if _too_much_text(error):
                raise _text_bomb() from None
            raise _damaged() from None
        except (OSError, SyntaxError):
            raise _damaged() from None
    return image


def _damaged() -> ValidationError:
    return ValidationError(
        _("La photo est abîmée ou incomplète : enregistrez-la de nouveau et réessayez."),
        code="photo_damaged",
    )


def _reencode(image: Image.Image, *, format: str) -> bytes:
    """Pixels only: orientation applied, no EXIF or XMP carried to the stored file."""
    oriented = ImageOps.exif_transpose(image) or image
    kept = {
        key: oriented.info[key] for key in ("icc_profile", "transparency") if key in oriented.info
    }
    clean = oriented.copy()
    clean.info = dict(kept)
    params: dict = {"icc_profile": kept["icc_profile"]} if "icc_profile" in kept else {}
    if format == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        params.update(quality=JPEG_QUALITY, optimize=True)
    elif format == "WEBP":
        params.update(quality=JPEG_QUALITY)
    output = io.BytesIO()
    clean.save(output, format=format, **params)
    return output.getvalue()


def photo_clean(*, file: IO[bytes]) -> CleanPhoto:
    """Check an uploaded photo and return it re-encoded, oriented and without metadata."""
    data = _read_limited(file, max_bytes=photo_max_bytes())
    image = _open_checked(data, max_pixels=photo_max_pixels())
    # Phones often save JPEGs with a multi-picture extension, which Pillow calls MPO.
    format = "JPEG" if image.format == "MPO" else image.format
    content = _reencode(image, format=format)
    oriented_size = Image.open(io.BytesIO(content)).size
    return CleanPhoto(
        content=content,
        format=format,
        width=oriented_size[0],
        height=oriented_size[1],
        source_digest=hashlib.sha256(data).hexdigest(),
    )


def validate_photo(file: IO[bytes]) -> None:
    """Validator form: refuses what `photo_clean` refuses (the file itself is not changed)."""
    photo_clean(file=file)


def _photo_help_text_now() -> str:
    return _("JPEG, PNG ou WebP, %(max)s Mo au plus.") % {"max": _megabytes(photo_max_bytes())}


# Fields are built at import time; the text must follow the language of each request.
_photo_help_text = lazy(_photo_help_text_now, str)


class PhotoField(forms.FileField):
    """A form field for one product photo; `cleaned_data` holds a clean ContentFile.

    Plain FileField rather than ImageField: ImageField accepts every format Pillow reads
    (GIF, BMP, TIFF…) and would decode the file a second time.
    """

    default_error_messages = {
        "invalid": gettext_lazy("Aucun fichier n'a été envoyé : vérifiez le formulaire."),
        "missing": gettext_lazy("Aucun fichier n'a été envoyé."),
        "empty": gettext_lazy("Le fichier envoyé est vide."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        kwargs.setdefault("help_text", _photo_help_text())
        super().__init__(**kwargs)

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is None:
            return None
        return photo_clean(file=uploaded).as_file()
