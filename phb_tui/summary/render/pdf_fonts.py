"""Fonts for the PDF: one shipped with PHB Planner for most writing, the computer's own for the rest.

A person's name may be written in any script, and the PDF must show it, not drop it. DejaVu Sans
ships beside this module (Regular and Bold, 1.5 MB together, under its own permissive licence in
`fonts/LICENSE-DejaVu.txt`): it covers the Latin letters of every European language (ë, Ł, ğ, ş,
ŵ, ŷ), Greek, Cyrillic, Hebrew and Arabic, so the PDF looks the same on every computer.

Chinese, Japanese and Korean need a font of 5 to 20 MB, and the Indian scripts one each, which
would make every install many times bigger for the few plans that need them. Every Windows and
macOS computer, and most Linux desktops, already have such fonts, so those characters are looked
for in the computer's fonts, only when a plan holds some, preferring the fonts known to cover them.
What no font on the computer can show is named in `unshown`, so the PDF can say so plainly
rather than leave a gap where a name was.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]  # fontTools has no types.

SHIPPED_REGULAR = "DejaVuSans.ttf"
SHIPPED_BOLD = "DejaVuSans-Bold.ttf"

_FONT_FILES = (".ttf", ".otf", ".ttc", ".otc")

_PREFERRED = (
    "notosanscjk",
    "notosanssc",
    "notosans",
    "droidsansfallback",
    "wqy",
    "msyh",
    "simsun",
    "simhei",
    "malgun",
    "yugoth",
    "meiryo",
    "nirmala",
    "pingfang",
    "hiragino",
    "applesdgothic",
    "arialunicode",
    "kohinoor",
    "lohit",
    "unifont",
)
"""Names of fonts known to cover many characters well (Noto, the Windows and macOS system fonts
for Chinese, Japanese, Korean and Indian scripts), tried before the rest of the computer's fonts."""

_MOST_FILES_READ = 800
"""A computer may have thousands of fonts; after this many, what is still missing stays missing,
so a plan with a character no font has never keeps the export waiting."""


@dataclass(frozen=True)
class FontFile:
    """A font on this computer, and which face in it (a .ttc collection holds several)."""

    path: Path
    face: int = 0


@dataclass(frozen=True)
class FontChoice:
    """The computer's fonts a document needs beyond the shipped one, and what none of them shows."""

    fallbacks: tuple[FontFile, ...]
    unshown: str
    """Characters no font here can show, in the order they first appear."""


def shipped_font(name: str) -> Path:
    """The path of a font shipped in the package (pip always installs packages as plain files)."""
    return Path(__file__).with_name("fonts") / name


def system_font_dirs() -> list[Path]:
    """Where Linux, macOS and Windows keep fonts, for everyone and for this user, that exist here."""
    home = Path.home()
    places = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
    ]
    if windir := os.environ.get("WINDIR"):
        places.append(Path(windir) / "Fonts")
    if local := os.environ.get("LOCALAPPDATA"):
        places.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [place for place in places if place.is_dir()]


def choose_fonts(text: str, search: Sequence[Path] | None = None) -> FontChoice:
    """The fonts from `search` (the computer's font folders unless given) that show what the
    shipped font cannot in `text`, fewest first found, and the characters still unshown."""
    needed = _needed(text, _coverage(FontFile(shipped_font(SHIPPED_REGULAR))))
    if not needed:
        return FontChoice((), "")
    chosen: list[FontFile] = []
    for font in _candidates(system_font_dirs() if search is None else search):
        shows = needed & _coverage(font)
        if shows:
            chosen.append(font)
            needed -= shows
            if not needed:
                break
    unshown = "".join(dict.fromkeys(char for char in text if char in needed))
    return FontChoice(tuple(chosen), unshown)


def _needed(text: str, covered: frozenset[str]) -> set[str]:
    """Characters to draw that the font lacks; spaces and invisible marks draw nothing."""
    return {
        char
        for char in set(text)
        if char not in covered and not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Mn"}
    }


def _candidates(places: Iterable[Path]) -> Iterator[FontFile]:
    """Font files in `places`, preferred names first, each list in name order so output is stable."""
    found = sorted(
        {path for place in places for path in _font_files(place)},
        key=lambda path: (_rank(path.name), path.name.lower(), str(path)),
    )
    for path in found[:_MOST_FILES_READ]:
        yield FontFile(path)


def _font_files(place: Path) -> Iterator[Path]:
    try:
        for root, _dirs, names in os.walk(place):
            for name in names:
                if name.lower().endswith(_FONT_FILES):
                    yield Path(root) / name
    except OSError:
        return


def _rank(name: str) -> int:
    """Where a font file comes in the search: the known good ones first, in `_PREFERRED`'s order."""
    plain = re.sub(r"[-_ ]", "", name.lower())
    return next((rank for rank, start in enumerate(_PREFERRED) if plain.startswith(start)), len(_PREFERRED))


@cache
def _coverage(font: FontFile) -> frozenset[str]:
    """The characters a font has drawings for; nothing for a file that is not a usable font."""
    try:
        with TTFont(font.path, lazy=True, fontNumber=font.face) as loaded:
            if "glyf" not in loaded and "CFF " not in loaded and "CFF2" not in loaded:
                return frozenset()  # Bitmap-only, such as some emoji fonts: nothing to draw with.
            return frozenset(chr(code) for code in (loaded.getBestCmap() or {}))
    except (OSError, TTLibError, KeyError, AssertionError, ValueError):
        return frozenset()
