"""The two widgets every step is built from, each in a tiny app of its own: a form that edits a
model, and a list of entries. Quick, and independent of the screens that use them."""

from __future__ import annotations

from decimal import Decimal

from textual.app import App, ComposeResult
from textual.widgets import Input

from phb_tui.widgets.form import FieldSpec, ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import LineItem, Risk

ITEM = [FieldSpec("description", "What will be bought"), FieldSpec("unit_cost", "Cost of one unit (£)")]


class FormHost(App[None]):
    def __init__(self, model: LineItem) -> None:
        super().__init__()
        self.model = model
        self.edits: list[str] = []

    def compose(self) -> ComposeResult:
        yield ModelForm(self.model, ITEM, id="form")

    def on_model_form_edited(self, message: ModelForm.Edited) -> None:
        self.edits.append(message.field)


def _item() -> LineItem:
    return LineItem(id="i1", description="Taxi", unit_cost=Decimal("12.50"))


async def test_a_form_writes_what_the_model_accepts_and_announces_it() -> None:
    item = _item()
    app = FormHost(item)
    async with app.run_test() as pilot:
        app.query_one("#field-unit_cost", Input).value = "£14"
        app.query_one("#field-unit_cost", Input).focus()
        await pilot.press("tab")
        await pilot.pause()
    assert item.unit_cost == Decimal("14.00") and app.edits == ["unit_cost"]


async def test_a_form_refuses_in_words_and_changes_nothing() -> None:
    item = _item()
    app = FormHost(item)
    async with app.run_test() as pilot:
        box = app.query_one("#field-unit_cost", Input)
        box.focus()
        box.value = "12.345"
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.query_one("#error-unit_cost").render())
        assert message.startswith("Not saved: Cost of one unit (£) has more than two decimal places")
        assert app.query_one(ModelForm).refused.keys() == {"unit_cost"}
    assert item.unit_cost == Decimal("12.50") and app.edits == []


async def test_commit_takes_in_typing_not_yet_left() -> None:
    item = _item()
    app = FormHost(item)
    async with app.run_test():
        app.query_one("#field-description", Input).value = "Taxi to the pool"
        assert app.query_one(ModelForm).commit() is True
    assert item.description == "Taxi to the pool"


RISKS = ListSpec[Risk](
    noun="risk",
    columns=[("Risk", lambda r: r.description)],
    fields=[FieldSpec("description", "What could go wrong"), FieldSpec("who_acts", "Who acts")],
    make=lambda: Risk(description=""),
    empty="No risks yet.",
)


class ListHost(App[None]):
    def __init__(self, risks: list[Risk]) -> None:
        super().__init__()
        self.risks = risks
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield ItemList(lambda: self.risks, RISKS, id="risks")

    def on_mount(self) -> None:
        self.query_one("#risks VirtualTable").focus()

    def on_item_list_changed(self) -> None:
        self.changes += 1


async def test_a_list_adds_an_entry_and_drops_one_left_empty() -> None:
    risks: list[Risk] = []
    app = ListHost(risks)
    async with app.run_test() as pilot:
        await pilot.press("a", "escape")  # Opened and left empty: nothing is added.
        await pilot.pause()
        assert risks == []
        await pilot.press("a", *"Flood", "escape")
        await pilot.pause()
    assert [r.description for r in risks] == ["Flood"]


async def test_a_list_removes_only_after_asking_and_moves_entries() -> None:
    risks = [Risk(description="Flood"), Risk(description="Fire")]
    app = ListHost(risks)
    async with app.run_test() as pilot:
        await pilot.press("delete", "n")  # Asked, and the answer was no.
        await pilot.pause()
        assert [r.description for r in risks] == ["Flood", "Fire"]
        await pilot.press("alt+down")
        await pilot.pause()
        assert [r.description for r in risks] == ["Fire", "Flood"]
        await pilot.press("delete", "y")
        await pilot.pause()
    assert [r.description for r in risks] == ["Fire"] and app.changes == 2


async def test_a_long_list_shows_at_once_and_fills_in_while_keys_still_work() -> None:
    """A thousand entries: the first screenful straight away, the rest while idle, and an entry
    added at the end has the cursor once its row is there."""
    risks = [Risk(description=f"Risk {n}") for n in range(1, 1001)]
    app = ListHost(risks)
    async with app.run_test() as pilot:
        item_list = app.query_one(ItemList)
        table = item_list.table
        assert table.row_count >= 60  # A screenful at once; the rest may still be coming.
        await item_list.drawn()
        assert table.row_count == 1000 and table.get_row_at(999)[0].plain == "Risk 1000"
        await pilot.press("a", *"Flood", "escape")
        await item_list.drawn()
        assert table.row_count == 1001 and table.cursor_row == 1000
    assert risks[-1].description == "Flood"
