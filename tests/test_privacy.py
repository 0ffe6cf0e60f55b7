"""Private notes stay out of what is shared, and taking them out never changes the plan itself."""

from __future__ import annotations

from phb_tui.summary.privacy import without_private
from plan_store import Note, Plan
from plan_store.codec import plan_to_toml
from plan_store.fields import PrivateNote


def test_private_notes_are_left_out_and_the_plan_keeps_them(example_plan: Plan) -> None:
    example_plan.informed.checklist[0].notes = Note(text="Only for me", private=True)
    example_plan.informed.worries = [PrivateNote(text="A worry"), PrivateNote(text="Shared worry", private=False)]
    before = plan_to_toml(example_plan)
    shared = without_private(example_plan)
    assert shared.informed.checklist[0].notes.text == "" and [w.text for w in shared.informed.worries] == [
        "Shared worry"
    ]
    assert "Only for me" not in plan_to_toml(shared) and "A worry" not in plan_to_toml(shared)
    assert plan_to_toml(example_plan) == before  # The person's own plan still has every note.
    assert shared.outcomes is example_plan.outcomes  # Parts with nothing private are not copied.
