"""Money in and out: the open plan set against its record of spending, over the step it came from.

The view only reads; nothing in it edits the plan, so the step behind is as the person left it.
"""

from __future__ import annotations

from textual import on

from screens.messages import MoneyWanted

from .base import ShellBase


class MoneyView(ShellBase):
    @on(MoneyWanted)
    def _money_wanted(self) -> None:
        self.action_money_in_out()

    def action_money_in_out(self) -> None:
        session = self.session
        if session is None:
            return
        from screens.money_in_out import MoneyInOutScreen  # Only the person who asks needs it loaded.

        self._commit_typing()  # What is being typed on the step is part of the plan the view reads.
        self.push_screen(MoneyInOutScreen(session.plan, session.opened.path))
