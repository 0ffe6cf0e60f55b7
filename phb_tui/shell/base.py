"""What the app shell's parts share: the store, the open plan, and each other's entry points.

The parts (`plan_list`, `saving`, `exporting`) are mixed into one app, so a message or key reaches
the part that handles it with no relaying. Each says here what it offers the others, so a type
checker follows every call between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from plan_store import PlanStore

from ..session import PlanSession
from ..textual_private import AppHooks

if TYPE_CHECKING:
    from screens.messages import ExportChoice

    from ..planning.steps import Step


class ShellBase(AppHooks):
    store: PlanStore
    session: PlanSession | None
    """The open plan, if any; only the app opens and closes it."""
    _step_screens: list[str]
    """Names of the installed step screens of the open plan."""

    if TYPE_CHECKING:
        # The app (phb_tui/app.py)
        def keys_for(self, binding_id: str, first: bool = False) -> str: ...
        def show_step(self, step: Step) -> None: ...
        def _open_session(self, session: PlanSession, step: Step = ...) -> None: ...
        def _close_session(self) -> None: ...
        def _forget_step_screens(self, names: list[str]) -> None: ...

        # Saving (saving.py)
        def _commit_typing(self) -> None: ...
        def _show_status(self) -> None: ...
        def _after_saving(self, then: Callable[[], object], doing: str) -> None: ...

        # Exporting (exporting.py)
        def export(self, choice: ExportChoice, force: bool, whole_plan: bool = False) -> None: ...
