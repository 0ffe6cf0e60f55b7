"""Keys named in words on screen (buttons, the status line, hints) as the person has them now.

After a keys.toml remaps a key, or in a terminal where the second key is the one that works,
every place that names a key must say the same: the footer, the status line, buttons and help.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.dom import DOMNode

from ..keymap import keys_words


@runtime_checkable
class KnowsKeys(Protocol):
    """The app: it knows which keys each binding has once keys.toml and the terminal are applied."""

    def keys_for(self, binding_id: str, first: bool = False) -> str: ...


def keys_named(node: DOMNode, binding_id: str, usual: str, first: bool = False) -> str:
    """The keys of `binding_id` in words ("F8 or Ctrl+N"); just the first with `first`."""
    app = node.app
    if isinstance(app, KnowsKeys) and (keys := app.keys_for(binding_id, first)):
        return keys
    return keys_words(usual.split(",")[0] if first else usual)
