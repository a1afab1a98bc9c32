"""The motifs of the demo's product pictures, one function per kind of product.

Each draws on a ``Canvas`` (800×800) with a random generator seeded by the product's
key, so the same product always gets the same picture and two products of one kind
get different ones: palette, number, size and placement of things vary by key.
"""

import math

# Backdrops: (background, soft disc, ground, ground shade) — warm market colours.
BACKDROPS = (
    ("#fdf1dc", "#f9d9a6", "#e9c48f", "#d6a96b"),
    ("#e8f3ea", "#c9e6cf", "#a9cfa0", "#7fae76"),
    ("#fbe9e4", "#f4c7b8", "#e3a58f", "#c9836b"),
    ("#e6f0f8", "#c5dcef", "#a7c3dc", "#7fa3c4"),
    ("#f6efd9", "#eedca4", "#d9c27a", "#b9a055"),
    ("#f1e9f5", "#dccaea", "#c4aed6", "#9f87b6"),
)


def backdrop(canvas, rng):
    bg, disc, ground, shade = rng.choice(BACKDROPS)
    canvas.background = bg
    cx, cy, r = rng.randint(220, 580), rng.randint(200, 330), rng.randint(230, 320)
    canvas.circle(cx, cy, r, disc, 0.8)
    for _ in range(rng.randint(6, 14)):  # a scatter of dots, like a printed wrapper
        canvas.circle(rng.randint(20, 780), rng.randint(20, 520), rng.randint(4, 10), shade, 0.35)
    canvas.ellipse(400, 760, 560, 200, ground)
    canvas.ellipse(400, 790, 480, 140, shade, 0.5)
    return ground, shade


def leaf(canvas, x, y, length, angle, colour, width=0.38, opacity=1.0):
    dx, dy = math.cos(angle), math.sin(angle)
    px, py = -dy * length * width, dx * length * width
    tip = (x + dx * length, y + dy * length)
    mid = (x + dx * length * 0.5, y + dy * length * 0.5)
    canvas.polygon(
        [(x, y), (mid[0] + px, mid[1] + py), tip, (mid[0] - px, mid[1] - py)], colour, opacity
    )
    canvas.line([(x, y), tip], "#ffffff", 3, 0.35 * opacity)


def shadow(canvas, cx, cy, rx):
    canvas.ellipse(cx, cy, rx, rx * 0.16, "#000000", 0.12)


# Fruit, by colour: pomelo, durian, longan, star apple, strawberry, shallot …
FRUIT_COLOURS = {
    "bưởi": ("#8cbf3f", "#5f8f22"),
    "sầu riêng": ("#b5a236", "#7d6f1c"),
    "nhãn": ("#c99a5b", "#9a6f38"),
    "vú sữa": ("#7b4a8c", "#54306a"),
    "dâu": ("#d83a3a", "#a01f26"),
    "hành": ("#a2456e", "#6f2447"),
    "xoài": ("#f2b636", "#c98a12"),
}


def fruit(canvas, rng, word=""):
    backdrop(canvas, rng)
    skin, dark = FRUIT_COLOURS.get(word) or rng.choice(list(FRUIT_COLOURS.values()))
    bowl = rng.choice(("#a86b3c", "#8a5a2b", "#c08a4e"))
    shadow(canvas, 400, 640, 250)
    count = rng.randint(4, 7)
    r = rng.randint(70, 95) if word != "dâu" else rng.randint(50, 65)
    spots = []
    for i in range(count):
        x = 400 + (i - (count - 1) / 2) * r * 1.15 + rng.randint(-12, 12)
        y = 500 - (i % 2) * r * 0.8 + rng.randint(-10, 10)
        spots.append((x, y))
    for x, y in sorted(spots, key=lambda p: p[1]):
        canvas.circle(x, y, r, dark)
        canvas.circle(x - r * 0.08, y - r * 0.08, r * 0.9, skin)
        canvas.ellipse(x - r * 0.35, y - r * 0.4, r * 0.22, r * 0.14, "#ffffff", 0.45)
        if word == "sầu riêng":
            for k in range(10):
                a = k * math.pi / 5
                canvas.polygon(
                    [
                        (x + math.cos(a) * r * 0.55, y + math.sin(a) * r * 0.55),
                        (x + math.cos(a + 0.2) * r * 0.75, y + math.sin(a + 0.2) * r * 0.75),
                        (x + math.cos(a + 0.1) * r * 0.95, y + math.sin(a + 0.1) * r * 0.95),
                    ],
                    dark,
                    0.6,
                )
        leaf(
            canvas, x + r * 0.1, y - r * 0.9, r * 0.7, -math.pi / 4 - rng.random() * 0.5, "#3f8a3a"
        )
    # a woven bowl in front
    canvas.polygon([(150, 540), (650, 540), (590, 660), (210, 660)], bowl)
    for k in range(5):
        canvas.line([(160 + k * 6, 560 + k * 22), (640 - k * 6, 560 + k * 22)], "#ffffff", 4, 0.25)


def rice(canvas, rng, word=""):
    backdrop(canvas, rng)
    sack = rng.choice(("#f4ead2", "#efe0c0", "#e8f0dc"))
    band = rng.choice(("#2f7d4a", "#b4432c", "#2c5f94", "#7a4b8c"))
    shadow(canvas, 400, 660, 220)
    canvas.rect(240, 250, 320, 400, sack, rx=60)
    canvas.polygon([(260, 270), (300, 200), (400, 240), (500, 200), (540, 270)], sack)
    canvas.rect(240, 420, 320, 90, band)
    canvas.circle(400, 465, 34, "#ffffff", 0.9)
    canvas.circle(400, 465, 22, band)
    # grains spilling at the foot, and two ears of rice
    for _ in range(rng.randint(40, 70)):
        x, y = rng.randint(150, 650), rng.randint(650, 700)
        canvas.ellipse(x, y, 9, 5, "#fffaf0" if word != "lứt" else "#6b2d4f")
    for side in (-1, 1):
        base = (400 + side * rng.randint(190, 240), 640)
        top = (base[0] + side * 40, 300)
        canvas.line([base, top], "#b58a2e", 6)
        for k in range(8):
            t = 0.15 + k * 0.1
            x = base[0] + (top[0] - base[0]) * t
            y = base[1] + (top[1] - base[1]) * t
            canvas.ellipse(x + side * 16, y, 14, 8, "#e2b84a")
            canvas.ellipse(x - side * 16, y + 12, 14, 8, "#d5a73a")


def honey(canvas, rng, word=""):
    backdrop(canvas, rng)
    amber = rng.choice(("#e09b1f", "#c97a12", "#f0b53a"))
    lid = rng.choice(("#b4432c", "#2f7d4a", "#5b3a1e"))
    for row in range(3):  # honeycomb behind
        for col in range(4):
            cx = 130 + col * 90 + (row % 2) * 45 + rng.randint(0, 20)
            cy = 160 + row * 78
            canvas.polygon(
                [
                    (cx + 44 * math.cos(a), cy + 44 * math.sin(a))
                    for a in (math.pi / 6 + k * math.pi / 3 for k in range(6))
                ],
                "#f5c64a",
                0.55,
            )
    shadow(canvas, 430, 660, 190)
    w = rng.randint(230, 280)
    canvas.rect(430 - w / 2, 330, w, 320, amber, rx=50)
    canvas.rect(430 - w / 2 + 24, 360, 40, 250, "#ffffff", rx=20, opacity=0.3)
    canvas.rect(430 - w / 2 - 10, 290, w + 20, 60, lid, rx=14)
    canvas.rect(430 - w / 2 + 30, 440, w - 60, 110, "#fff7e3", rx=12)
    canvas.circle(430, 495, 34, amber)
    canvas.polygon(
        [(430 - w / 2 + 40, 330), (430 - w / 2 + 60, 400), (430 - w / 2 + 80, 330)], amber
    )
    # a bee
    bx, by = rng.randint(160, 260), rng.randint(420, 520)
    canvas.ellipse(bx, by - 22, 18, 26, "#ffffff", 0.8)
    canvas.ellipse(bx + 20, by - 24, 18, 26, "#ffffff", 0.8)
    canvas.ellipse(bx + 10, by, 30, 20, "#f5c000")
    canvas.rect(bx, by - 19, 8, 38, "#2a2118")
    canvas.rect(bx + 16, by - 19, 8, 38, "#2a2118")


def rice_paper(canvas, rng, word=""):
    backdrop(canvas, rng)
    rack = rng.choice(("#9b7a45", "#7d5f33", "#b08d57"))
    # the bamboo drying rack, tilted back
    canvas.polygon([(90, 190), (710, 150), (740, 520), (60, 560)], rack, 0.9)
    for k in range(12):
        x1 = 90 + k * 52
        canvas.line([(x1, 190 - k * 3.3), (x1 - 30 + 0, 560 - k * 3.3)], "#5e4422", 3, 0.6)
    for k in range(7):
        canvas.line([(80 - k * 3, 200 + k * 52), (720 + k * 3, 160 + k * 52)], "#5e4422", 3, 0.6)
    sheets = rng.randint(3, 5)
    toast = word == "nướng"
    for i in range(sheets):
        cx = 200 + i * (400 / max(1, sheets - 1)) + rng.randint(-20, 20)
        cy = 330 + rng.randint(-50, 50)
        canvas.circle(cx, cy, 95, "#f6efdc" if not toast else "#e8c98e", 0.97)
        for _ in range(14):  # the bamboo's print and, when toasted, sesame
            a, d = rng.random() * 6.28, rng.random() * 80
            colour = "#2a2118" if toast else "#d8ccb0"
            canvas.ellipse(cx + math.cos(a) * d, cy + math.sin(a) * d, 5, 3, colour, 0.8)
    # a stack on the ground
    shadow(canvas, 400, 690, 200)
    for k in range(6):
        canvas.ellipse(400, 660 - k * 10, 190, 42, "#efe4c8" if k % 2 else "#f8f1df")


def pastry(canvas, rng, word=""):
    backdrop(canvas, rng)
    crust = rng.choice(("#e7b768", "#d9a04e", "#f0c77f"))
    box = rng.choice(("#b4432c", "#c9302c", "#a0522d"))
    canvas.rect(150, 300, 500, 330, box, rx=24)
    canvas.rect(170, 320, 460, 290, "#f8e7c8", rx=16)
    for k in range(4):  # the printed border of a gift box
        canvas.circle(180 + k * 146, 300, 16, "#f2b705")
    shadow(canvas, 400, 650, 260)
    n = rng.choice((2, 3, 4))
    for i in range(n):
        cx = 260 + i * (280 / max(1, n - 1))
        cy = 460 + (i % 2) * 30
        canvas.circle(cx, cy, 78, "#b8823a")
        canvas.circle(cx, cy - 6, 72, crust)
        canvas.circle(cx, cy - 6, 26, "#b4432c", 0.85)
        canvas.ellipse(cx - 26, cy - 36, 22, 10, "#ffffff", 0.4)
    # a cut piece showing the filling
    canvas.polygon([(560, 610), (690, 610), (625, 520)], crust)
    canvas.circle(625, 585, 18, "#f2b705" if word != "đậu xanh" else "#d7d25a")


def rack(canvas, rng, word=""):
    backdrop(canvas, rng)
    pole = rng.choice(("#7d5f33", "#5e4422"))
    canvas.line([(80, 200), (720, 200)], pole, 14)
    canvas.line([(110, 200), (110, 640)], pole, 12)
    canvas.line([(690, 200), (690, 640)], pole, 12)
    sausage = word == "lạp xưởng"
    n = rng.randint(4, 6)
    colour = rng.choice(("#c98a4a", "#b8763a", "#d7a15e")) if not sausage else "#a8322c"
    for i in range(n):
        x = 170 + i * (460 / max(1, n - 1))
        canvas.line([(x, 200), (x, 250)], "#cfc2a3", 3)
        length = rng.randint(170, 240)
        if sausage:
            canvas.rect(x - 22, 250, 44, length, colour, rx=22)
            canvas.ellipse(x - 8, 300, 6, 30, "#ffffff", 0.3)
        else:  # a split, salted fish hung by the tail
            canvas.polygon([(x - 30, 250), (x + 30, 250), (x, 290)], colour)
            canvas.ellipse(x, 290 + length / 2, 42, length / 2, colour)
            canvas.ellipse(x, 290 + length / 2, 24, length / 2 - 20, "#f3dcb4", 0.6)
            canvas.circle(x, 290 + length - 24, 6, "#2a2118")
    shadow(canvas, 400, 670, 260)
    canvas.rect(210, 600, 380, 70, "#a86b3c", rx=14)  # a woven tray


def jar(canvas, rng, word=""):
    backdrop(canvas, rng)
    content = {
        "mắm": "#8a5a2b",
        "tương ớt": "#c9302c",
        "hành phi": "#c98a4a",
        "chả": "#e9d2a8",
        "nem": "#d56b5c",
    }.get(word, rng.choice(("#8a5a2b", "#c9302c", "#b58a2e")))
    lid = rng.choice(("#2f7d4a", "#b4432c", "#2c5f94"))
    for i, (cx, w, h) in enumerate(((300, 200, 280), (520, 160, 220))):
        shadow(canvas, cx, 660, w * 0.7)
        top = 650 - h
        canvas.rect(cx - w / 2, top, w, h, "#ffffff", rx=40, opacity=0.55)
        canvas.rect(cx - w / 2 + 12, top + 40, w - 24, h - 52, content, rx=30)
        canvas.rect(cx - w / 2 - 8, top - 30, w + 16, 46, lid, rx=12)
        canvas.rect(cx - w / 2 + 28, top + h * 0.45, w - 56, h * 0.28, "#fff7e3", rx=10)
        canvas.rect(cx - w / 2 + 20, top + 50, 22, h - 90, "#ffffff", rx=11, opacity=0.3)
        if i == 0 and word == "tương ớt":
            for k in range(3):
                canvas.polygon(
                    [(640 + k * 30, 560), (660 + k * 30, 560), (650 + k * 30, 660)], "#c9302c"
                )


def tea(canvas, rng, word=""):
    backdrop(canvas, rng)
    pot = rng.choice(("#6b4a2e", "#2f6a5a", "#a0522d", "#3c5a8a"))
    brew = {"đậu biếc": "#3a4fb0", "mãng cầu": "#b8c452", "khổ qua": "#6d8f2e"}.get(word, "#c98a12")
    shadow(canvas, 360, 640, 230)
    canvas.ellipse(330, 500, 170, 140, pot)
    canvas.polygon([(470, 470), (600, 380), (620, 400), (490, 530)], pot)
    canvas.line([(170, 430), (120, 480), (170, 560)], pot, 24)
    canvas.rect(250, 340, 160, 30, pot, rx=10)
    canvas.circle(330, 330, 22, pot)
    canvas.ellipse(280, 460, 50, 26, "#ffffff", 0.2)
    # a cup of the brew
    canvas.polygon([(540, 560), (680, 560), (660, 650), (560, 650)], "#fdfbf5")
    canvas.ellipse(610, 562, 70, 16, brew)
    for k in range(3):  # steam
        x = 580 + k * 30
        canvas.line([(x, 540), (x - 10, 500), (x + 6, 460), (x - 4, 420)], "#ffffff", 6, 0.6)
    for _ in range(rng.randint(4, 7)):
        leaf(
            canvas,
            rng.randint(110, 690),
            rng.randint(660, 720),
            rng.randint(50, 80),
            rng.uniform(-0.6, 0.6) + math.pi * rng.randint(0, 1),
            "#3f8a3a",
        )


def bottle(canvas, rng, word=""):
    backdrop(canvas, rng)
    drink = {
        "nếp than": "#5a1f3f",
        "dâu tằm": "#7a1f3a",
        "đế": "#f4f1e6",
        "khóm": "#f2c230",
        "chanh dây": "#f08a24",
        "mãng cầu": "#e9efcf",
        "nước mắm": "#9a5a1e",
        "tinh dầu": "#e0b440",
    }.get(word, rng.choice(("#f08a24", "#7a1f3a", "#f2c230")))
    cap = rng.choice(("#2f7d4a", "#b4432c", "#2a2118", "#c98a12"))
    small = word == "tinh dầu"
    n = 2 if not small else 3
    for i in range(n):
        cx = 400 + (i - (n - 1) / 2) * (200 if not small else 150) + rng.randint(-10, 10)
        w = (130 if not small else 90) + rng.randint(-10, 10)
        h = (360 if not small else 220) + rng.randint(-30, 30) - i * 20
        top = 650 - h
        shadow(canvas, cx, 655, w * 0.8)
        canvas.rect(cx - w / 2, top + h * 0.3, w, h * 0.7, drink, rx=26)
        canvas.polygon(
            [
                (cx - w / 2, top + h * 0.32),
                (cx - w / 6, top + 40),
                (cx + w / 6, top + 40),
                (cx + w / 2, top + h * 0.32),
            ],
            drink,
        )
        canvas.rect(cx - w / 6, top, w / 3, 50, cap, rx=6)
        canvas.rect(cx - w / 2 + 14, top + h * 0.5, w - 28, h * 0.25, "#fff7e3", rx=8)
        canvas.rect(cx - w / 2 + 12, top + h * 0.34, 16, h * 0.5, "#ffffff", rx=8, opacity=0.35)
    if word in ("khóm", "chanh dây", "mãng cầu"):
        colour = {"khóm": "#e0a81c", "chanh dây": "#6b2d5c", "mãng cầu": "#6f9a3a"}[word]
        canvas.circle(660, 600, 60, colour)
        canvas.ellipse(640, 580, 18, 10, "#ffffff", 0.4)


def herbal(canvas, rng, word=""):
    backdrop(canvas, rng)
    stone = rng.choice(("#8d8a80", "#a29b8a", "#6f6b62"))
    for _ in range(rng.randint(6, 10)):
        leaf(
            canvas,
            rng.randint(120, 680),
            rng.randint(180, 420),
            rng.randint(80, 140),
            rng.uniform(0, math.pi * 2),
            rng.choice(("#4f8f3a", "#2f6f2e", "#7cae4a")),
            opacity=0.85,
        )
    shadow(canvas, 380, 660, 220)
    canvas.polygon([(220, 470), (540, 470), (490, 650), (270, 650)], stone)
    canvas.ellipse(380, 470, 160, 36, "#5c594f")
    canvas.ellipse(380, 470, 140, 26, "#7cae4a")
    canvas.line([(440, 470), (600, 300)], "#b08d57", 34)
    if word == "xà phòng":
        canvas.rect(560, 560, 150, 90, "#e9e3c8", rx=18)
        canvas.rect(580, 540, 150, 90, "#d7e8c4", rx=18)
    else:
        canvas.polygon([(560, 640), (700, 640), (680, 520), (580, 520)], "#f5ecd7")
        canvas.rect(570, 500, 120, 30, "#2f7d4a", rx=8)


def basket(canvas, rng, word=""):
    backdrop(canvas, rng)
    straw = rng.choice(("#c9a46a", "#b38b4f", "#d8b77e"))
    dark = "#8a6530"
    shadow(canvas, 400, 670, 260)
    if word == "túi":
        canvas.rect(230, 330, 340, 330, straw, rx=40)
        canvas.line([(300, 340), (320, 220), (480, 220), (500, 340)], dark, 16)
    elif word in ("đèn", "tranh"):
        canvas.ellipse(400, 430, 170, 220, straw)
        canvas.line([(400, 150), (400, 210)], dark, 8)
        canvas.ellipse(400, 430, 90, 140, "#f7d77a", 0.6)
    else:
        canvas.polygon([(170, 380), (630, 380), (570, 660), (230, 660)], straw)
        canvas.ellipse(400, 380, 230, 40, dark)
        canvas.ellipse(400, 380, 215, 30, "#5e4422")
        canvas.line([(220, 380), (260, 200), (540, 200), (580, 380)], dark, 14)
    for k in range(9):  # the weave
        y = 390 + k * 30
        canvas.line([(180 + k * 5, y), (620 - k * 5, y)], dark, 5, 0.55)
    for k in range(12):
        x = 210 + k * 34
        canvas.line([(x, 390), (x + (400 - x) * 0.1, 650)], "#ffffff", 3, 0.25)
    if word in ("lục bình", "gio", ""):
        leaf(canvas, 660, 640, 120, -2.2, "#3f8a3a")


def plant(canvas, rng, word=""):
    backdrop(canvas, rng)
    pot = rng.choice(("#b4532c", "#3c5a8a", "#2f6a5a", "#8a3c2c"))
    shadow(canvas, 400, 670, 200)
    canvas.polygon([(260, 520), (540, 520), (500, 660), (300, 660)], pot)
    canvas.rect(245, 500, 310, 40, pot, rx=10)
    canvas.rect(270, 560, 260, 16, "#f2b705", opacity=0.7)
    if word == "cá":  # guppies in a round bowl
        canvas.circle(400, 360, 190, "#bfe3f2", 0.8)
        for _ in range(rng.randint(3, 5)):
            x, y = rng.randint(300, 480), rng.randint(280, 440)
            tail = rng.choice(("#f08a24", "#3a4fb0", "#d83a3a", "#7b4a8c"))
            canvas.ellipse(x, y, 30, 14, "#e9a13b")
            canvas.polygon([(x - 28, y), (x - 70, y - 26), (x - 70, y + 26)], tail)
        return
    canvas.line([(400, 510), (380, 420), (430, 330), (400, 240)], "#5b3d22", 20)
    canvas.line([(390, 420), (300, 360)], "#5b3d22", 12)
    canvas.line([(420, 340), (520, 300)], "#5b3d22", 12)
    flower = {"mai": "#f2c230", "cúc": "#f7e08a"}.get(word)
    for _ in range(rng.randint(18, 28)):
        x, y = rng.randint(210, 590), rng.randint(150, 430)
        if flower:
            for k in range(5):
                a = k * 2 * math.pi / 5
                canvas.circle(x + math.cos(a) * 13, y + math.sin(a) * 13, 12, flower)
            canvas.circle(x, y, 7, "#c98a12")
        else:
            leaf(canvas, x, y, rng.randint(50, 80), rng.uniform(0, 6.28), "#3f8a3a")


def river(canvas, rng, word=""):
    """Experiences on the water and in the orchards: a river, a boat, a conical hat."""
    sky = rng.choice(("#fbd9a0", "#f7c6a3", "#cfe6f5", "#f6e3b4"))
    canvas.background = sky
    canvas.circle(rng.randint(200, 600), rng.randint(140, 240), rng.randint(60, 90), "#fff4d6", 0.9)
    for x in range(-40, 860, 70):  # the far bank
        r = rng.randint(50, 80)
        canvas.ellipse(x, 430, r, r * 1.1, "#3f6b3a")
    canvas.rect(0, 430, 800, 370, "#3b7ea8")
    for row in range(6):
        y = 470 + row * 55
        canvas.line(
            [(x, y + 8 * math.sin(x / 40 + row)) for x in range(0, 801, 40)], "#9cc9e4", 5, 0.6
        )
    garden = word in ("vườn", "cá lóc", "cơm", "đạp xe")
    if garden:
        for _ in range(3):
            x = rng.randint(80, 720)
            canvas.line([(x, 600), (x + 20, 330)], "#5b3d22", 16)
            for k in range(6):
                a = math.pi + k * math.pi / 5
                canvas.line(
                    [(x + 20, 330), (x + 20 + 110 * math.cos(a), 330 + 50 * math.sin(a) + 40)],
                    "#2f5d2a",
                    14,
                )
    boats = 1 if garden else rng.randint(1, 3)
    for i in range(boats):
        bx = 120 + i * 220 + rng.randint(-30, 30)
        by = 600 + (i % 2) * 60
        canvas.polygon(
            [(bx, by), (bx + 280, by), (bx + 230, by + 50), (bx + 50, by + 50)], "#5a3b21"
        )
        canvas.polygon([(bx + 110, by - 40), (bx + 170, by - 40), (bx + 140, by - 80)], "#f0d58a")
        canvas.rect(bx + 122, by - 40, 36, 44, rng.choice(("#b4432c", "#2c5f94", "#2f7d4a")), rx=8)
        for k in range(rng.randint(2, 5)):
            canvas.circle(
                bx + 200 + k * 14, by - 10, 14, rng.choice(("#e9a13b", "#8cbf3f", "#d83a3a"))
            )
        if word == "ghe ngo":
            for k in range(6):
                canvas.line(
                    [(bx + 30 + k * 40, by - 10), (bx + 10 + k * 40, by + 60)], "#f2c230", 6
                )


def pagoda(canvas, rng, word=""):
    sky = rng.choice(("#fbd9a0", "#f7c6a3", "#f6e3b4"))
    canvas.background = sky
    canvas.circle(rng.randint(150, 650), 200, 80, "#fff4d6", 0.9)
    canvas.rect(0, 560, 800, 240, "#7fae76")
    cx = 400 + rng.randint(-80, 80)
    canvas.rect(cx - 200, 420, 400, 150, "#c98b2b")
    for level, half in enumerate((240, 185, 130)):
        top = 420 - level * 70
        canvas.polygon([(cx - half, top), (cx + half, top), (cx, top - 110)], "#b5452a")
    canvas.line([(cx, 210), (cx, 110)], "#e0b04a", 10)
    canvas.rect(cx - 40, 480, 80, 90, "#6b3a1e", rx=30)
    for x in (90, 710):
        canvas.line([(x, 600), (x + 10, 320)], "#5b3d22", 14)
        canvas.circle(x + 10, 320, 70, "#3f6b3a")


MOTIFS = {
    "fruit": fruit,
    "rice": rice,
    "honey": honey,
    "rice_paper": rice_paper,
    "pastry": pastry,
    "rack": rack,
    "jar": jar,
    "tea": tea,
    "bottle": bottle,
    "herbal": herbal,
    "basket": basket,
    "plant": plant,
    "river": river,
    "pagoda": pagoda,
}
