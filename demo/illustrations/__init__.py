"""Drawn illustrations for the demo's products and producers (``canvas`` and ``motifs``).

A product's picture is chosen by what it is, read from its title (rice paper, honey,
fruit, tea …), falling back on its OCOP group; the drawing is varied by the product's
key, so no two products share a picture. Everything here is drawn in this repository.
"""

import zlib
from random import Random

from .canvas import Canvas
from .motifs import MOTIFS

# (words in a title, motif, the word the motif colours by), first match wins.
KEYWORDS = (
    (("bánh tráng nướng",), "rice_paper", "nướng"),
    (("bánh tráng", "làm bánh tráng"), "rice_paper", ""),
    (("bánh pía đậu xanh",), "pastry", "đậu xanh"),
    (("bánh pía",), "pastry", ""),
    (("mật ong hoa",), "honey", ""),
    (("viên nghệ",), "herbal", ""),
    (("tinh dầu",), "bottle", "tinh dầu"),
    (("nước mắm",), "bottle", "nước mắm"),
    (("rượu nếp than",), "bottle", "nếp than"),
    (("rượu dâu",), "bottle", "dâu tằm"),
    (("rượu đế",), "bottle", "đế"),
    (("nước ép khóm",), "bottle", "khóm"),
    (("chanh dây",), "bottle", "chanh dây"),
    (("nước mãng cầu",), "bottle", "mãng cầu"),
    (("trà mãng cầu",), "tea", "mãng cầu"),
    (("đậu biếc",), "tea", "đậu biếc"),
    (("khổ qua",), "tea", "khổ qua"),
    (("trà",), "tea", ""),
    (("gạo lứt",), "rice", "lứt"),
    (("gạo", "hủ tiếu"), "rice", ""),
    (("lạp xưởng",), "rack", "lạp xưởng"),
    (("khô cá",), "rack", ""),
    (("mắm",), "jar", "mắm"),
    (("tương ớt",), "jar", "tương ớt"),
    (("hành phi",), "jar", "hành phi"),
    (("chả cá",), "jar", "chả"),
    (("nem",), "jar", "nem"),
    (("bưởi",), "fruit", "bưởi"),
    (("sầu riêng",), "fruit", "sầu riêng"),
    (("nhãn",), "fruit", "nhãn"),
    (("vú sữa",), "fruit", "vú sữa"),
    (("dâu tây",), "fruit", "dâu"),
    (("hành tím",), "fruit", "hành"),
    (("cao ", "xà phòng", "dược"), "herbal", ""),
    (("túi xách",), "basket", "túi"),
    (("đèn",), "basket", "đèn"),
    (("tranh",), "basket", "tranh"),
    (("lục bình",), "basket", "lục bình"),
    (("rổ", "khay", "đan", "giỏ"), "basket", ""),
    (("mai vàng",), "plant", "mai"),
    (("hoa cúc",), "plant", "cúc"),
    (("kiểng",), "plant", ""),
    (("cá bảy màu",), "plant", "cá"),
    (("phum sóc", "chùa"), "pagoda", ""),
    (("ghe ngo",), "river", "ghe ngo"),
    (("cá lóc bay",), "river", "cá lóc"),
    (("cơm nhà vườn",), "river", "cơm"),
    (("đạp xe",), "river", "đạp xe"),
    (("vườn",), "river", "vườn"),
    (("chợ nổi", "làng du lịch", "tát mương"), "river", ""),
)
# An OCOP group's motif when the title names nothing known (codes as in demo.data).
GROUP_MOTIFS = {
    "1": "fruit",
    "2": "bottle",
    "3": "herbal",
    "4": "basket",
    "5": "plant",
    "6": "river",
}


def motif_for(title, group):
    """(motif, colour word) for a product of ``title`` in OCOP ``group`` ("1" … "6")."""
    lowered = title.lower()
    for words, motif, word in KEYWORDS:
        if any(w in lowered for w in words):
            return motif, word
    return GROUP_MOTIFS.get(group, "fruit"), ""


def draw(key, title, group):
    """The illustration of a product as a ``Canvas``, the same for the same key."""
    motif, word = motif_for(title, group)
    canvas = Canvas()
    MOTIFS[motif](canvas, Random(zlib.crc32(key.encode("utf-8"))), word)
    return canvas
