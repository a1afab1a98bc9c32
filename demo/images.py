"""Pictures for the sample data, drawn locally (nothing is downloaded).

A product gets an illustration of what it is (``demo.illustrations``: rice paper, honey,
fruit, tea …, varied by its key); a producer gets one of its main product, varied by the
producer's key; a village gets a landscape scene in colours of its own. Drawing depends
only on the inputs, and every product picture is labelled "Ảnh minh họa" so nobody takes
it for a photograph of the product.
"""

import io
import math
import random
import unicodedata
import zlib
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PRODUCT_SIZE = (800, 800)
# Part of every product picture's file name: thumbnails are cached by file name, so a
# change of drawing must come with a new name.
CARD_STYLE = 3
# The same for producers' and villages' pictures (Wagtail images), redrawn in place.
PRODUCER_STYLE = 2
SCENE_STYLE = 2
SCENE_SIZE = (1200, 800)
HERO_SIZE = (1600, 900)

# Fonts with full Vietnamese coverage, first found wins (Debian's fonts-noto-core, -dejavu).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

SAMPLE_LABEL = "Ảnh minh họa"


@cache
def _font_path():
    return next((p for p in FONT_CANDIDATES if Path(p).exists()), None)


def _font(size):
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _ascii(text):
    """Without a Vietnamese font, Pillow's default font only draws plain Latin letters."""
    if _font_path():
        return text
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _rng(key):
    return random.Random(zlib.crc32(key.encode("utf-8")))


def _rgb(hex_colour, alpha=255):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)) + (alpha,)


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGBA", size)
    draw = ImageDraw.Draw(image)
    top, bottom = _rgb(top), _rgb(bottom)
    for y in range(height):
        t = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    return image


def _label(draw, xy, text, fill, ink):
    font = _font(24)
    text = _ascii(text)
    x, y = xy
    width = draw.textlength(text, font=font)
    draw.rounded_rectangle([x, y, x + width + 32, y + 42], radius=21, fill=fill)
    draw.text((x + 16, y + 21), text, font=font, fill=ink, anchor="lm")


def _jpeg(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def product_card(key, title, group):
    """A 800×800 JPEG illustration of a product of an OCOP group ("1" … "6")."""
    from .illustrations import draw

    image = draw(key, title, group).image(PRODUCT_SIZE).convert("RGBA")
    # Bottom right: shop cards put their star badge at the top left.
    _label(ImageDraw.Draw(image), (560, 726), SAMPLE_LABEL, _rgb("#ffffff", 230), _rgb("#3b2a1a"))
    return _jpeg(image)


def producer_picture(key, title, group):
    """A 1200×800 JPEG for a producer's page: its main product, drawn for the producer."""
    from .illustrations import draw

    art = draw(f"co-so-{key}", title, group).image((800, 800))
    image = Image.new("RGB", SCENE_SIZE, art.getpixel((4, 4)))
    image.paste(art, ((SCENE_SIZE[0] - 800) // 2, 0))
    _label(
        ImageDraw.Draw(image, "RGBA"), (36, 36), SAMPLE_LABEL, _rgb("#ffffff", 230), _rgb("#3b2a1a")
    )
    return _jpeg(image)


# Skies of the village scenes: (top, bottom), one per village by its key.
SKIES = (
    ("#f7c873", "#f4e3c1"),
    ("#f3a683", "#f7e1c9"),
    ("#9fd0ef", "#e4f1f8"),
    ("#f6d6a8", "#fbefd9"),
    ("#c7b8e6", "#f3e6ef"),
)


def _scene(size, key, motif):
    rng = _rng(key)
    width, height = size
    horizon = int(height * 0.58)
    image = _gradient(size, *rng.choice(SKIES))
    draw = ImageDraw.Draw(image, "RGBA")
    sun_x = rng.randint(width // 2, width - 200)
    draw.ellipse([sun_x - 90, horizon - 250, sun_x + 90, horizon - 70], fill=_rgb("#fff4d6", 230))

    # far bank of trees, then the river with its reflections
    for x in range(-40, width + 40, 60):
        r = rng.randint(40, 75)
        draw.ellipse([x - r, horizon - r * 1.2, x + r, horizon + 10], fill=_rgb("#3f6b3a", 235))
    draw.rectangle([0, horizon, width, height], fill=_rgb("#3b7ea8"))
    for row in range(8):
        y = horizon + 30 + row * 38
        points = [(x, y + 6 * math.sin(x / 50 + row * 1.7)) for x in range(0, width + 1, 12)]
        draw.line(points, fill=_rgb("#9cc9e4", 150), width=5)

    if motif in ("garden", "islet"):
        for _ in range(4):  # palms on the near bank
            x = rng.randint(40, width - 40)
            base = horizon + rng.randint(20, 80) if motif == "islet" else horizon + 5
            draw.line([(x, base), (x + 25, base - 230)], fill=_rgb("#5b3d22"), width=14)
            for k in range(6):
                a = math.pi + k * math.pi / 5
                draw.line(
                    [
                        (x + 25, base - 230),
                        (x + 25 + 120 * math.cos(a), base - 230 + 60 * math.sin(a) + 40),
                    ],
                    fill=_rgb("#2f5d2a"),
                    width=16,
                )
    if motif in ("market", "islet", "garden"):
        for _ in range(3 if motif == "market" else 1):  # boats, one with a pole of produce
            bx = rng.randint(60, width - 360)
            by = rng.randint(horizon + 60, height - 80)
            draw.polygon(
                [(bx, by), (bx + 300, by), (bx + 250, by + 50), (bx + 50, by + 50)],
                fill=_rgb("#5a3b21"),
            )
            draw.line([(bx + 150, by), (bx + 150, by - 160)], fill=_rgb("#5a3b21"), width=6)
            for k in range(4):
                draw.ellipse(
                    [bx + 135, by - 160 + k * 28, bx + 165, by - 132 + k * 28], fill=_rgb("#e9a13b")
                )
    if motif == "craft":
        draw.rectangle([0, horizon + 40, width, height], fill=_rgb("#c9a46a"))
        for row in range(3):  # rice-paper drying racks
            y = horizon + 20 + row * 110
            for col in range(6):
                x = 80 + col * 180
                draw.ellipse(
                    [x, y, x + 140, y + 90],
                    fill=_rgb("#f6f1e4", 240),
                    outline=_rgb("#b08850"),
                    width=4,
                )
    if motif == "temple":
        cx = width // 2 + rng.randint(-150, 150)
        base = horizon + 10
        draw.rectangle([cx - 220, base - 150, cx + 220, base], fill=_rgb("#c98b2b"))
        for level, half in enumerate((260, 200, 140)):  # tiered Khmer pagoda roofs
            top = base - 150 - level * 70
            draw.polygon(
                [(cx - half, top), (cx + half, top), (cx, top - 110)], fill=_rgb("#b5452a")
            )
        draw.line([(cx, base - 150 - 3 * 70), (cx, base - 450)], fill=_rgb("#e0b04a"), width=10)

    _label(draw, (36, 36), SAMPLE_LABEL, _rgb("#ffffff", 230), _rgb("#245f94"))
    return _jpeg(image)


def village_scene(key, motif):
    """A 1200×800 JPEG landscape for a village page. No text: pages put their own title
    over or beside it."""
    return _scene(SCENE_SIZE, key, motif)


def hero_scene(key):
    """A 1600×900 JPEG for the home page's hero, behind the hero title."""
    return _scene(HERO_SIZE, key, "market")
