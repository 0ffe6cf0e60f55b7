"""The person's own settings that are not keys: for now, the colour theme they chose.

Kept in `settings.toml` in the configuration folder, beside `keys.toml`:

    theme = "high-contrast"

The app remembers a theme chosen from its command palette by writing this file, privately and
whole (the same care as a plan), and `phb --theme NAME` overrides it for one run.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from plan_store import visible
from plan_store.places import config_dir
from plan_store.safe_files import ensure_private_folder, write_atomically

THEMES = (
    "high-contrast",
    "textual-dark",
    "textual-light",
    "ansi-dark",
    "ansi-light",
    "atom-one-dark",
    "atom-one-light",
    "catppuccin-frappe",
    "catppuccin-latte",
    "catppuccin-macchiato",
    "catppuccin-mocha",
    "dracula",
    "flexoki",
    "gruvbox",
    "monokai",
    "nord",
    "rose-pine",
    "rose-pine-dawn",
    "rose-pine-moon",
    "solarized-dark",
    "solarized-light",
    "tokyo-night",
)
"""Every theme the app has: its own high-contrast one and Textual 8's. Named here so the command
line can check `--theme` without importing Textual; a test compares them with the app's."""

_MAX_BYTES = 64 * 1024
"""A settings file is a few lines; anything larger is not one."""


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def load_theme(path: Path, themes: set[str]) -> tuple[str | None, str | None]:
    """The theme the file names, and a problem if it names none of `themes` (never an exception)."""
    where = visible(str(path))
    try:
        if not path.is_file():
            return None, None
        if path.stat().st_size > _MAX_BYTES:
            return None, f"{where} is too large to be a settings file; it was not read."
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return None, f"{where} could not be read ({visible(str(error))}); the usual settings are in use."
    theme = table.get("theme")
    if theme is None:
        return None, None
    if not isinstance(theme, str) or theme not in themes:
        shown = visible(str(theme))
        return None, f'{where}: theme "{shown}" is not one PHB Planner has (these are: {", ".join(sorted(themes))}).'
    return theme, None


def unknown_theme(theme: str) -> str:
    """Why `theme` cannot be used, naming the ones that can."""
    return f'There is no theme called "{visible(theme)}". These are: {", ".join(sorted(THEMES))}.'


def save_theme(path: Path, theme: str) -> None:
    """Remember the theme, keeping any other settings in the file. Best effort: never an error."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return  # A file the person wrote and broke is theirs to mend; it is not overwritten.
    table["theme"] = theme
    try:
        ensure_private_folder(path.parent)
        write_atomically(path, tomli_w.dumps(table).encode("utf-8"))
    except OSError:
        return
