"""The line of a TOML file where a field is written, so a mistake found after reading can be
pointed at ("line 7, order[2]") in the file the person edits.

Reading TOML keeps no positions, so this looks for the field in the text: its [table] header, its
key, and for a list the item itself. It is a good guess, not a parser: a field it cannot place
gives None, and the message then names the field alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'""")


def path_parts(path: str) -> list[str | int]:
    """ "order[2]" -> ["order", 2]; "titles.money" -> ["titles", "money"]."""
    return [int(index) if index else name for name, index in _PART.findall(path)]


def line_of(text: str, location: Sequence[str | int]) -> int | None:
    """The line (from 1) of the field at `location`, or of the nearest enclosing field written."""
    names = [part for part in location if isinstance(part, str)]
    index = location[-1] if location and isinstance(location[-1], int) else None
    lines = text.splitlines()
    for depth in range(len(names), 0, -1):
        found = _key_line(lines, names[: depth - 1], names[depth - 1])
        if found is not None:
            if index is not None and depth == len(names):
                return _item_line(lines, found, index) or found
            return found
    return None


def _key_line(lines: list[str], table: list[str], key: str) -> int | None:
    """Where `key` is set in `table` ([] is the top), as `key = `, a dotted key, or a [header]."""
    here: list[str] = []
    for number, line in enumerate(lines, 1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            here = [_unquoted(part) for part in header.group(1).split(".")]
            if here == [*table, key]:
                return number
            continue
        if line.lstrip().startswith("[["):
            here = ["[["]  # An array of tables: nothing here belongs to a plain table.
            continue
        if "=" not in line or line.lstrip().startswith("#"):
            continue
        written = [_unquoted(part) for part in line.split("=", 1)[0].strip().split(".")]
        full = here + written
        if full[: len(table) + 1] == [*table, key]:
            return number
    return None


def _item_line(lines: list[str], start: int, index: int) -> int | None:
    """The line holding item `index` of the list of strings that opens on line `start`."""
    seen = 0
    for number in range(start, len(lines) + 1):
        line = _without_comment(lines[number - 1])
        if number == start:
            line = line.split("=", 1)[1] if "=" in line else line
        for _ in _STRING.finditer(line):
            if seen == index:
                return number
            seen += 1
        if "]" in _STRING.sub("", line):
            return None
    return None


def _without_comment(line: str) -> str:
    """The line up to a # that is not inside a string."""
    at = 0
    for string in _STRING.finditer(line):
        if "#" in line[at : string.start()]:
            break
        at = string.end()
    hash_at = line.find("#", at)
    return line if hash_at < 0 else line[:hash_at]


def _unquoted(part: str) -> str:
    part = part.strip()
    return part[1:-1] if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'" else part
