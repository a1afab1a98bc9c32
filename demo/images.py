"""Pictures for the sample data, drawn locally with Pillow (nothing is downloaded).

A product gets a coloured card in its group's colours with a simple motif, its initials
and its name; a village gets a landscape scene. Drawing depends only on the inputs, and
every card is labelled "Ảnh minh họa" so nobody takes it for a photograph of the product.
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
CARD_STYLE = 2
SCENE_SIZE = (1200, 800)
HERO_SIZE = (1600, 900)

# Fonts with full Vietnamese coverage, first found wins (Debian's fonts-noto-core, -dejavu).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

# (background, accent, light) per OCOP group: warm for food, river blue for tourism.
PALETTES = {
    "1": ("#c8622a", "#f2a65a", "#fde8d0"),
    "2": ("#17756f", "#4fb3a9", "#d8f1ed"),
    "3": ("#3f7a34", "#88bd5a", "#e4f2d6"),
    "4": ("#86592f", "#c9965f", "#f3e4d0"),
    "5": ("#b0492f", "#f0c419", "#fcefc4"),
    "6": ("#245f94", "#5aa4d6", "#dcecf8"),
}
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


def initials(title, count=2):
    words = [w for w in title.split() if w[:1].isalpha()]
    return "".join(w[0] for w in words[:count]).upper()


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


# Motifs: one per group, drawn on a transparent layer in the accent and light colours.


def _fruit(draw, rng, accent, light):
    for _ in range(10):
        x, y, r = rng.randint(60, 740), rng.randint(60, 740), rng.randint(40, 90)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=_rgb(accent, 110))
        draw.ellipse([x - r // 3, y - r // 2, x, y - r // 5], fill=_rgb(light, 120))


def _bottle(draw, rng, accent, light):
    for i in range(3):
        x = 150 + i * 250 + rng.randint(-30, 30)
        h, base = rng.randint(360, 460), 720
        draw.rounded_rectangle([x - 70, base - h, x + 70, base], radius=36, fill=_rgb(accent, 110))
        draw.rectangle([x - 24, base - h - 80, x + 24, base - h + 10], fill=_rgb(accent, 110))
        draw.rectangle(
            [x - 50, base - h // 2 - 45, x + 50, base - h // 2 + 45], fill=_rgb(light, 130)
        )


def _leaves(draw, rng, accent, light):
    for _ in range(12):
        cx, cy = rng.randint(60, 740), rng.randint(50, 750)
        angle, length, width = rng.uniform(0, math.pi), rng.randint(90, 160), rng.randint(30, 50)
        dx, dy = math.cos(angle), math.sin(angle)
        px, py = -dy, dx
        tip1 = (cx + dx * length, cy + dy * length)
        tip2 = (cx - dx * length, cy - dy * length)
        side1 = (cx + px * width, cy + py * width)
        side2 = (cx - px * width, cy - py * width)
        draw.polygon([tip1, side1, tip2, side2], fill=_rgb(accent, 110))
        draw.line([tip1, tip2], fill=_rgb(light, 140), width=4)


def _weave(draw, rng, accent, light):
    step = rng.choice((70, 80, 90))
    for i in range(-800, 1600, step):
        draw.line([(i, 0), (i + 800, 800)], fill=_rgb(accent, 120), width=step // 3)
        draw.line([(i + 800, 0), (i, 800)], fill=_rgb(light, 70), width=step // 4)


def _flowers(draw, rng, accent, light):
    for _ in range(7):
        cx, cy, r = rng.randint(90, 710), rng.randint(80, 720), rng.randint(45, 80)
        for k in range(5):  # five petals, like the mai vàng of Tết
            a = 2 * math.pi * k / 5 + rng.uniform(0, 0.3)
            px, py = cx + math.cos(a) * r * 0.8, cy + math.sin(a) * r * 0.8
            draw.ellipse(
                [px - r * 0.55, py - r * 0.55, px + r * 0.55, py + r * 0.55], fill=_rgb(accent, 170)
            )
        draw.ellipse(
            [cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3], fill=_rgb(light, 220)
        )


def _river(draw, rng, accent, light):
    sun = rng.randint(480, 680)
    draw.ellipse([sun - 80, 90, sun + 80, 250], fill=_rgb(light, 170))
    for row in range(7):
        y = 480 + row * 45
        points = [(x, y + 12 * math.sin(x / 45 + row)) for x in range(0, 801, 10)]
        draw.line(points, fill=_rgb(light if row % 2 else accent, 150), width=8)
    bx = rng.randint(120, 420)
    draw.polygon(
        [(bx, 640), (bx + 260, 640), (bx + 215, 690), (bx + 45, 690)], fill=_rgb("#3b2a1a", 200)
    )
    draw.line([(bx + 130, 640), (bx + 130, 510)], fill=_rgb("#3b2a1a", 200), width=7)


MOTIFS = {"1": _fruit, "2": _bottle, "3": _leaves, "4": _weave, "5": _flowers, "6": _river}


def _jpeg(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def product_card(key, title, group):
    """A 800×800 JPEG card for a product of an OCOP group ("1" … "6")."""
    background, accent, light = PALETTES[group]
    rng = _rng(key)
    image = _gradient(PRODUCT_SIZE, background, accent)
    layer = Image.new("RGBA", PRODUCT_SIZE, (0, 0, 0, 0))
    MOTIFS[group](ImageDraw.Draw(layer), rng, accent, light)
    image = Image.alpha_composite(image, layer)
    draw = ImageDraw.Draw(image)

    cx, cy, r = 400, 400, 160
    draw.ellipse([cx - r - 10, cy - r - 10, cx + r + 10, cy + r + 10], fill=_rgb(accent))
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=_rgb(light))
    draw.text(
        (cx, cy), _ascii(initials(title)), font=_font(140), fill=_rgb(background), anchor="mm"
    )

    # Bottom right: shop cards put their star badge at the top left.
    _label(draw, (560, 726), SAMPLE_LABEL, _rgb("#ffffff", 230), _rgb(background))
    return _jpeg(image)


def _scene(size, key, motif):
    rng = _rng(key)
    width, height = size
    horizon = int(height * 0.58)
    image = _gradient(size, "#f7c873", "#f4e3c1")
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
