"""Wagtail's own image uploads (admin Images, the choosers' upload, multiple upload) go
through the product photos' check: `WAGTAILIMAGES_IMAGE_FORM_BASE` names this form.

Wagtail's field opens the upload with Willow and answered 500 on a truncated JPEG or a PNG
text-chunk bomb; `photo_clean` runs first, refuses those with its French message, and
what Wagtail then checks and stores is the re-encoded photo, without EXIF/GPS.
"""

from __future__ import annotations

import posixpath

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from merchants.images import ACCEPTED_FORMATS, photo_clean


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        if isinstance(data, UploadedFile):
            photo = photo_clean(file=data)
            stem = posixpath.splitext(posixpath.basename(data.name or ""))[0] or "photo"
            data = SimpleUploadedFile(
                f"{stem}.{photo.extension}",
                photo.content,
                content_type=ACCEPTED_FORMATS[photo.format][1],
            )
        return super().to_python(data)


class CheckedImageForm(BaseImageForm):
    file = CheckedImageField(label=_("Fichier"), widget=BaseImageForm.Meta.widgets["file"])
