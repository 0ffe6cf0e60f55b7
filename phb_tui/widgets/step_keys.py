"""The keys that move through the journey, the same on a step and in a dialog over it.

They are priority bindings, so they win wherever the cursor is: a long-text box would otherwise
take F6 and F7 for itself (selecting a line, or all the person's text), and a dialog would
otherwise ignore them. Each main key has a second that reaches the app in terminals that keep the
first for themselves (see `phb_tui.keymap.SECOND_KEYS`).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from ..keymap import SECOND_KEYS

STEP_BINDINGS: list[BindingType] = [
    Binding(SECOND_KEYS["step.previous"], "go(-1)", "Back", id="step.previous", priority=True),
    Binding(SECOND_KEYS["step.next"], "go(1)", "Next", id="step.next", priority=True),
    Binding(SECOND_KEYS["step.help"], "help", "Help", id="step.help", priority=True),
    Binding(SECOND_KEYS["app.plans"], "app.plans", "Plans", id="app.plans", priority=True),
]

PA_COSTS_BINDING = Binding(
    SECOND_KEYS["finance.pa_costs"], "pa_costs", "PA costs", id="finance.pa_costs", show=False, priority=True
)
"""Only on the Financial plan step, and in a dialog over it."""

# In a dialog: finish with the entry as it is (as Done does), then do what the key does on the
# step behind it. Help opens over the dialog instead, so the person can read it and carry on.
DIALOG_STEP_BINDINGS: list[BindingType] = [
    Binding(SECOND_KEYS["step.previous"], "on_step('go(-1)')", "Back", id="step.previous", priority=True),
    Binding(SECOND_KEYS["step.next"], "on_step('go(1)')", "Next", id="step.next", priority=True),
    Binding(SECOND_KEYS["step.help"], "step_help", "Help", id="step.help", priority=True),
    Binding(SECOND_KEYS["app.plans"], "on_step('app.plans')", "Plans", id="app.plans", priority=True),
    Binding(
        SECOND_KEYS["finance.pa_costs"],
        "on_step('pa_costs')",
        "PA costs",
        id="finance.pa_costs",
        show=False,
        priority=True,
    ),
]
