"""Where layouts come from: those shipped with PHB Planner, and the person's own in the layouts
folder beside their settings (`phb where` shows it). `--layout` takes either by name, or a path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plan_store.errors import visible
from plan_store.places import layouts_dir

from .layout import Layout, LayoutError, parse_layout

SHIPPED_DIR = Path(__file__).parent / "layouts"
SUFFIX = ".toml"
_MOST_BYTES = 256 * 1024
"""A layout is a page of text; a larger file is not one, and is not read."""


@dataclass(frozen=True)
class LayoutFile:
    name: str
    path: Path
    shipped: bool


def layout_files() -> list[LayoutFile]:
    """Every layout there is, shipped ones first; a name of one's own hides a shipped one."""
    own = _in(layouts_dir(), shipped=False)
    mine = {entry.name for entry in own}
    return [entry for entry in _in(SHIPPED_DIR, shipped=True) if entry.name not in mine] + own


def _in(folder: Path, shipped: bool) -> list[LayoutFile]:
    try:
        paths = sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())
    except OSError:
        return []
    return [LayoutFile(path.stem, path, shipped) for path in paths]


def find_layout(wanted: str) -> tuple[LayoutFile, Layout]:
    """The layout named `wanted` (own ones before shipped ones), or at the path `wanted`."""
    if wanted.endswith(SUFFIX) or "/" in wanted or "\\" in wanted:
        path = Path(wanted).expanduser()
        if not path.is_file():
            raise LayoutError(path, "there is no layout file here.", mend=False)
        found = LayoutFile(path.stem, path, shipped=False)
        return found, read_layout(found.path)
    for entry in layout_files():
        if entry.name == wanted:
            return entry, read_layout(entry.path)
    names = ", ".join(entry.name for entry in layout_files())
    raise LayoutError(
        layouts_dir(),
        f'there is no layout called "{visible(wanted)}" here or among those PHB Planner has. '
        f"The layouts are: {names}. To use a file elsewhere, give its path.",
        mend=False,
    )


def read_layout(path: Path) -> Layout:
    try:
        if path.stat().st_size > _MOST_BYTES:
            raise LayoutError(path, "this file is too large to be a layout, so it was not read.")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "it is not text (UTF-8)"
        raise LayoutError(path, f"this layout could not be read ({reason}).") from None
    return parse_layout(text, path)
