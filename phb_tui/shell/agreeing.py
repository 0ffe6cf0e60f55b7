"""Recording, from the Review step, that the NHS team agreed the plan: as safely as `phb agree`.

The step asks who agreed it and when, and confirms any gaps; the shell saves the plan, keeps the
agreed copy through the store's own function (`plan_store.agreed.agree`), and tells the step.
"""

from __future__ import annotations

from textual import on

from plan_store import PlanError, visible
from screens.messages import AgreeWanted

from ..summary.changes import agreed_words
from .base import ShellBase


class Agreeing(ShellBase):
    @on(AgreeWanted)
    def _agree(self, wanted: AgreeWanted) -> None:
        session = self.session
        if session is None:
            return
        self._commit_typing()
        try:
            agreement = session.agree(wanted.name, wanted.role, wanted.on)
        except PlanError as error:
            self.notify(visible(str(error)), title="Not recorded as agreed", severity="error", timeout=15)
            self._show_status()
            return
        self._show_status()
        for screen in self.screen_stack:
            recorded = getattr(screen, "agreement_recorded", None)
            if recorded is not None:
                recorded()
        self.notify(
            f"Recorded: {visible(agreed_words(agreement))}. A copy of the plan as agreed is kept beside it.",
            title="Marked as agreed",
            timeout=10,
        )
