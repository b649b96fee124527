"""Product photos drawn locally with Pillow, so seeding needs no network and stays deterministic."""

import hashlib
import io
import textwrap

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

SIZE = 480
# Heroes are shown full width: drawn as wide as their largest rendition (2048 px, 3:1), so
# that every size of their srcset exists, down to a phone's 640 px.
HERO_SIZE = (2048, 683)
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


def hero_jpeg(*, title: str, subtitle: str) -> bytes:
    """A 2048×683 JPEG for a page's hero: a market stall's awning over a row of baskets."""
    digest = hashlib.sha256(title.encode()).digest()
    background, ink = PALETTES[digest[0] % len(PALETTES)]
    width, height = HERO_SIZE
    image = Image.new("RGB", HERO_SIZE, background)
    draw = ImageDraw.Draw(image)
    stripe = width // 16
    for n in range(16):  # the awning: stripes with a scalloped edge
        colour = ink if n % 2 else (255, 255, 255)
        draw.rectangle((n * stripe, 0, (n + 1) * stripe, 150), fill=colour)
        draw.ellipse((n * stripe, 110, (n + 1) * stripe, 190), fill=colour)
    draw.rectangle((0, height - 120, width, height), fill=ink)  # the stall's counter
    for n in range(7):  # baskets and their contents, sized by the title
        cx = 180 + n * 280 + digest[n + 1] % 60
        radius = 60 + digest[n + 8] % 40  # below the words
        draw.ellipse((cx - radius, height - 120 - 2 * radius, cx + radius, height - 120), fill=ink)
        draw.rounded_rectangle(
            (cx - 120, height - 200, cx + 120, height - 110), radius=24, fill=(255, 255, 255)
        )
    font, small, text = _fonts(title, sizes=(72, 44))
    subtitle = subtitle if text == title else anyascii(subtitle)
    # Centred: cards show the hero cropped to 16:9 around its middle.
    draw.text((width // 2, 205), text, fill=ink, font=font, anchor="mt")
    draw.text((width // 2, 295), subtitle, fill=ink, font=small, anchor="mt")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def _fonts(title: str, sizes: tuple[int, int] = (30, 22)):
    try:
        return (
            ImageFont.truetype(SYSTEM_FONT, sizes[0]),
            ImageFont.truetype(SYSTEM_FONT, sizes[1]),
            title,
        )
    except OSError:
        small = ImageFont.load_default(size=sizes[1])
        return ImageFont.load_default(size=sizes[0]), small, anyascii(title)
