"""A dialog whose footer names its own keys.

A dialog covers a step but not the step's footer, which went on naming the step's keys (Enter
Edit, A Add) while none of them worked: the dialog's own (Esc Done, F4 Cancel) went unnamed. Each
dialog here brings a footer of its own, over the step's, naming what works while it is open.
"""

from __future__ import annotations

from textual import events, on
from textual.screen import ModalScreen, ScreenResultType

from .steady_footer import SteadyFooter


class KeyedDialog(ModalScreen[ScreenResultType]):
    @on(events.Mount)
    def _name_the_keys(self) -> None:
        # Added once the dialog is built, so every dialog has it without each composing it.
        self.mount(SteadyFooter(show_command_palette=False))
