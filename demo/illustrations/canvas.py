"""A small vector canvas: shapes kept as data, written out as SVG or drawn with Pillow.

The demo's illustrations are drawn once, as shapes; the SVG is the art (readable, kept
in the repository's code), the raster is what Oscar's thumbnails and Wagtail's
renditions need. Only shapes both can draw identically are offered: rectangles,
circles, ellipses, polygons and polylines, each with a fill or stroke and an opacity.
"""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw


def rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _num(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Canvas:
    width: int = 800
    height: int = 800
    background: str = "#ffffff"
    shapes: list = field(default_factory=list)

    # Shapes

    def rect(self, x, y, w, h, fill, rx=0, opacity=1.0):
        self.shapes.append(("rect", (x, y, w, h, rx), fill, opacity, 0))

    def circle(self, cx, cy, r, fill, opacity=1.0):
        self.ellipse(cx, cy, r, r, fill, opacity)

    def ellipse(self, cx, cy, rx, ry, fill, opacity=1.0):
        self.shapes.append(("ellipse", (cx, cy, rx, ry), fill, opacity, 0))

    def polygon(self, points, fill, opacity=1.0):
        self.shapes.append(("polygon", tuple(points), fill, opacity, 0))

    def line(self, points, stroke, width, opacity=1.0):
        self.shapes.append(("line", tuple(points), stroke, opacity, width))

    # Output

    def svg(self, title=""):
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img">'
        ]
        if title:
            out.append(f"<title>{escape(title)}</title>")
        out.append(f'<rect width="{self.width}" height="{self.height}" fill="{self.background}"/>')
        for kind, geometry, colour, opacity, width in self.shapes:
            alpha = f' opacity="{_num(opacity)}"' if opacity < 1 else ""
            if kind == "rect":
                x, y, w, h, rx = geometry
                out.append(
                    f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
                    f'rx="{_num(rx)}" fill="{colour}"{alpha}/>'
                )
            elif kind == "ellipse":
                cx, cy, rx, ry = geometry
                out.append(
                    f'<ellipse cx="{_num(cx)}" cy="{_num(cy)}" rx="{_num(rx)}" ry="{_num(ry)}" '
                    f'fill="{colour}"{alpha}/>'
                )
            else:
                points = " ".join(f"{_num(x)},{_num(y)}" for x, y in geometry)
                if kind == "polygon":
                    out.append(f'<polygon points="{points}" fill="{colour}"{alpha}/>')
                else:
                    out.append(
                        f'<polyline points="{points}" fill="none" stroke="{colour}" '
                        f'stroke-width="{_num(width)}" stroke-linecap="round" '
                        f'stroke-linejoin="round"{alpha}/>'
                    )
        out.append("</svg>")
        return "\n".join(out)

    def image(self, size=None, scale=2):
        """The drawing as a Pillow RGB image of ``size`` (drawn at ``scale`` times that
        size, then reduced: Pillow draws without anti-aliasing)."""
        size = size or (self.width, self.height)
        k = size[0] * scale / self.width
        image = Image.new("RGB", (size[0] * scale, size[1] * scale), rgb(self.background))
        draw = ImageDraw.Draw(image, "RGBA")
        for kind, geometry, colour, opacity, width in self.shapes:
            fill = rgb(colour) + (round(255 * opacity),)
            if kind == "rect":
                x, y, w, h, rx = (v * k for v in geometry)
                box = [x, y, x + w, y + h]
                if rx:
                    draw.rounded_rectangle(box, radius=rx, fill=fill)
                else:
                    draw.rectangle(box, fill=fill)
            elif kind == "ellipse":
                cx, cy, rx, ry = (v * k for v in geometry)
                draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)
            elif kind == "polygon":
                draw.polygon([(x * k, y * k) for x, y in geometry], fill=fill)
            else:
                points = [(x * k, y * k) for x, y in geometry]
                w = max(1, round(width * k))
                draw.line(points, fill=fill, width=w, joint="curve")
                r = w / 2
                for x, y in (points[0], points[-1]):  # round caps, as in the SVG
                    draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)
        return image.resize(size, Image.Resampling.LANCZOS)
