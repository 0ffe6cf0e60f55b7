"""Textual's footer, rebuilt only when the keys it shows have changed.

Textual's `Footer` throws its keys away and builds them again every time the screen's bindings
might have changed: each time a step is shown and each time focus moves. Rebuilding restyles every
key, and on a step switch that was about a third of the time taken. The keys are usually the
same, so this footer compares what it would show with what it shows and skips the rebuild when
nothing differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

KeyShown = tuple[str, str, str, str, bool, str, object]


class SteadyFooter(Footer):
    def __init__(self, *, show_command_palette: bool = True) -> None:
        # Compact: keys are named in words ("Ctrl+Q", "Delete"), and a list's keys and the
        # journey's must all fit in 80 columns.
        super().__init__(show_command_palette=show_command_palette, compact=True)
        self._keys_shown: tuple[KeyShown, ...] | None = None

    def _keys_to_show(self, screen: Screen[object]) -> tuple[KeyShown, ...]:
        """Everything `Footer.compose` reads from the bindings, so equal keys draw equally."""
        return tuple(
            (
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip or binding.tooltip,
                binding.group,
            )
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            keys = self._keys_to_show(screen)
            if keys == self._keys_shown:
                return
            self._keys_shown = keys
        super().bindings_changed(screen)
