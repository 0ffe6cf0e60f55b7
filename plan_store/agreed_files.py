"""Where the agreed copies of a plan live, and how they follow the plan when it moves.

Each revision the NHS team agreed is kept, frozen, beside the plan as `<slug>.toml.agreed-<N>`,
next to its `<slug>.toml.bak`. Every store operation that moves or copies a plan takes these files
with it: they are linked (or copied) to their new names first and the old names removed last, so a
kill at any moment leaves each plan file with its agreed copies, at worst with a spare set.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .safe_files import create_atomically

AGREED_MARK = ".agreed-"


def agreed_path(plan_path: Path, revision: int) -> Path:
    """The frozen copy of `revision` of the plan at `plan_path`."""
    return plan_path.with_name(f"{plan_path.name}{AGREED_MARK}{revision}")


def agreed_copies(plan_path: Path) -> dict[int, Path]:
    """Every agreed copy kept beside the plan, by revision."""
    prefix = plan_path.name + AGREED_MARK
    try:
        entries = list(plan_path.parent.iterdir())
    except OSError:
        return {}
    found = {}
    for entry in entries:
        number = entry.name[len(prefix) :]
        if entry.name.startswith(prefix) and number.isdigit():
            found[int(number)] = entry
    return dict(sorted(found.items()))


def link_agreed(source: Path, target: Path) -> list[Path]:
    """Give each agreed copy of the plan at `source` a name beside `target`; returns the new names.

    A hard link costs nothing and shares the frozen bytes; where links are not supported, the
    bytes are copied whole. A name already taken is left alone: nothing is ever replaced.
    """
    made = []
    for revision, copy in agreed_copies(source).items():
        new = agreed_path(target, revision)
        try:
            try:
                os.link(copy, new)
            except FileExistsError:
                raise
            except OSError:
                create_atomically(new, copy.read_bytes())
        except FileExistsError:
            continue
        made.append(new)
    return made


def drop_agreed(paths: list[Path] | dict[int, Path]) -> None:
    """Remove the old names of agreed copies once the plan has moved (or the new ones, if it did not)."""
    for path in paths.values() if isinstance(paths, dict) else paths:
        with contextlib.suppress(OSError):
            path.unlink()
