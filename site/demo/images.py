"""Product photos drawn locally with Pillow, so seeding needs no network and stays deterministic."""

import hashlib
import io
import textwrap

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

SIZE = 480
# A system font with French accents when the machine has one (Debian's fonts-dejavu-core);
# Pillow's built-in font has no accented glyphs, so text is then written without accents.
SYSTEM_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PALETTES = (
    ((247, 243, 234), (29, 107, 71)),
    ((253, 236, 200), (140, 70, 20)),
    ((230, 240, 250), (30, 70, 130)),
    ((250, 228, 228), (150, 40, 50)),
    ((236, 245, 225), (70, 110, 30)),
    ((240, 232, 250), (90, 50, 130)),
)


def product_photo_jpeg(*, title: str, subtitle: str) -> bytes:
    """A 480×480 JPEG: a coloured still life (plate and round shape) with the title written."""
    digest = hashlib.sha256(title.encode()).digest()
    background, ink = PALETTES[digest[0] % len(PALETTES)]
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    # A plate and a "product" whose size and place depend on the title, so photos differ.
    draw.ellipse((60, 150, 420, 420), fill=(255, 255, 255), outline=ink, width=4)
    radius = 70 + digest[1] % 50
    cx, cy = 200 + digest[2] % 80, 270 + digest[3] % 40
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=ink)
    font, small, text = _fonts(title)
    y = 24
    for line in textwrap.wrap(text, width=26)[:3]:
        draw.text((24, y), line, fill=ink, font=font)
        y += 36
    draw.text(
        (24, SIZE - 40), subtitle if text == title else anyascii(subtitle), fill=ink, font=small
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def _fonts(title: str):
    try:
        return (
            ImageFont.truetype(SYSTEM_FONT, 30),
            ImageFont.truetype(SYSTEM_FONT, 22),
            title,
        )
    except OSError:
        return ImageFont.load_default(size=30), ImageFont.load_default(size=22), anyascii(title)
