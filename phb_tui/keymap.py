"""Keys people can remap, for terminals and tools that take some keys for themselves.

A file `keys.toml` in the configuration folder maps a binding id to the keys wanted:

    [keys]
    "step.next" = "f9"
    "app.save" = "ctrl+s,f12"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import platformdirs

from plan_store.store import APP_NAME


def keymap_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "keys.toml"


def load_keymap(path: Path, known: set[str]) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply, and a problem for each entry that was ignored (never an exception)."""
    if not path.is_file():
        return {}, []
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [f"{path} could not be read ({error}); the usual keys are in use."]
    keys = table.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [f'{path}: [keys] must be a table of lines like "step.next" = "f9".']
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for action, key in keys.items():
        if action not in known:
            problems.append(
                f'{path}: "{action}" is not an action that can be remapped (these can: {", ".join(sorted(known))}).'
            )
        elif not isinstance(key, str) or not key.strip():
            problems.append(f'{path}: the key for "{action}" must be text like "f9" or "ctrl+s".')
        else:
            keymap[action] = key.strip()
    return keymap, problems
