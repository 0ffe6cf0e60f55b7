"""File names made from plan titles that are safe on every system and never leave their folder.

Only lower-case ASCII letters, digits and single hyphens survive, so separators, "..", drive
letters and control characters cannot reach the file system, whatever the title says.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60

# Names Windows reserves for devices, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def slugify(title: str, fallback: str = "plan") -> str:
    """ "Amira's plan (2026)" -> "amiras-plan-2026"; a title with no usable letters -> fallback."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:MAX_SLUG].rstrip("-")
    if not slug:
        slug = fallback
    if slug in _RESERVED:
        slug = f"{slug}-plan"
    return slug


def is_slug(name: str) -> bool:
    """True for names `slugify` could have produced, so a typed name can be used as a file name."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name)) and len(name) <= MAX_SLUG + 8


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
