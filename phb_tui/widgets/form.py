"""A form that edits one part of a plan in place, one field at a time.

Forms are described as data (`FieldSpec`) and drawn by one widget, so every step behaves the same:
a value is written to the model only if the model accepts it, a refusal is shown under the field
in words, and each accepted change is announced with `ModelForm.Edited` for the app to save.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from phb_tui.plain_text import as_written
from phb_tui.planning.fields import FieldSpec as FieldSpec  # Re-exported: forms are declared with it.
from phb_tui.planning.fields import LinkOptions as LinkOptions
from phb_tui.planning.steps import Step
from plan_store.dates import DateError, format_date_text, parse_date_text
from plan_store.fields import Note, Quantity, Text, assign
from plan_store.money import Money, money_to_str
from plan_store.validation import problems_from
from plan_store.vocabulary import Choice

from .save_status import SaveStatus
from .text_box import text_box_class
from .ticks import TickBox, tick_list_class

if TYPE_CHECKING:
    # Imported where they are drawn: many forms have neither, and they are slow to load, so the
    # app's first screen need not wait for them. Their messages are handled by name for that reason.
    from textual.widgets import SelectionList, TextArea


ONE_ROW_KINDS = frozenset({"line", "money", "quantity", "int", "date", "choice", "link"})
"""Fields whose box is one row high, drawn beside their label."""

FieldKind = Literal["line", "text", "money", "quantity", "int", "date", "choice", "bool", "note", "links", "link"]


@dataclass(frozen=True)
class FormField:
    """A field as the form draws it: the spec, with the kind and choices the model gives it."""

    name: str
    label: str
    help: str
    placeholder: str
    kind: FieldKind
    choices: type[Choice] | None
    options: LinkOptions | None = None

    @classmethod
    def of(cls, spec: FieldSpec, model: type[BaseModel]) -> FormField:
        kind, choices = field_kind(model, spec.name)
        if spec.options is not None:
            kind = "link"  # One id, chosen from the plan's own entries.
        return cls(spec.name, spec.label, spec.help, spec.placeholder, kind, choices, spec.options)


_MARKED: list[tuple[Any, FieldKind]] = [(Money, "money"), (Quantity, "quantity"), (Text, "text")]
"""Field types told apart by the validator inside them, since each is a Decimal or a str underneath."""


def field_kind(model: type[BaseModel], name: str) -> tuple[FieldKind, type[Choice] | None]:
    """How a field of `model` is edited, read from its annotation: the model is the one source."""
    field = model.model_fields[name]
    marks = {id(item) for item in field.metadata}
    annotation = field.annotation
    parts = (
        typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType)
        else (annotation,)
    )
    kinds = []
    for part in parts:
        if typing.get_origin(part) is typing.Annotated:
            part, *metadata = typing.get_args(part)
            marks |= {id(item) for item in metadata}
        if part is not type(None):
            kinds.append(part)
    (value_type,) = kinds  # A field holds one kind of value, or nothing yet.
    for alias, kind in _MARKED:
        if id(typing.get_args(alias)[1]) in marks:
            return kind, None
    if typing.get_origin(value_type) is list:
        return "links", None
    simple: dict[Any, FieldKind] = {bool: "bool", int: "int", date: "date", str: "line"}
    if value_type in simple:
        return simple[value_type], None
    if isinstance(value_type, type) and issubclass(value_type, Choice):
        return "choice", value_type
    if isinstance(value_type, type) and issubclass(value_type, Note):
        return "note", None
    raise TypeError(f"{model.__name__}.{name}: a form cannot edit a field of type {annotation}")


class FieldLine(Static):
    """A line of a field's words: its help, or why what was typed is refused.

    Under a one-row field it spans both columns of the field's grid, and Textual measures a row of
    a grid by the first column's width alone: so it is measured at the field's whole width here,
    which is where it is drawn, rather than wrapped into the label's 30 columns and left with
    empty lines.
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.styles.column_span > 1:
            width = container.width - self.styles.gutter.width
        return super().get_content_height(container, viewport, width)


class FieldRefused(ValueError):
    """A typed value that cannot become the field's value; the message is for the person."""


class ModelForm(Vertical):
    """Edits `model` through `specs`.

    Every kind of field applies as it changes, letter by letter, so a hard stop (a crash, a flat
    battery) a second after typing loses nothing: what the model accepts is in the plan at once,
    and autosave writes it. Text the model refuses on the way ("12.345", a date half typed) is held
    on screen as unsaved work, and the status line says so; its reason is shown under the box when
    the person leaves it or presses Enter, so a half-typed date is not scolded letter by letter.
    Anything that saves or moves away calls `commit()` first.
    """

    @dataclass
    class Edited(Message):
        form: ModelForm
        field: str
        typing: bool = False
        """Long text taking in a letter as it is typed: more are likely to follow at once."""

    @dataclass
    class RefusalsChanged(Message):
        """A field's text was refused, or a refusal was put right: what is unsaved has changed."""

        form: ModelForm

    def __init__(self, model: BaseModel, specs: Sequence[FieldSpec], links: LinkOptions | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.model = model
        self.specs = {spec.name: FormField.of(spec, type(model)) for spec in specs}
        self.links = links
        self.refused: dict[str, str] = {}
        """Fields whose on-screen text the model refused, with the reason shown."""
        self._entered: dict[str, Any] = {}
        """Each one-line box's value in the model when the person came into it."""

    def compose(self) -> ComposeResult:
        for spec in self.specs.values():
            one_row = spec.kind in ONE_ROW_KINDS
            # A one-row field is a grid of two columns: label and box on one row, so a step at
            # 80x24 shows several fields at once, and the help and any refusal across both below.
            # One container a field, not a column holding a row: a step draws sooner with fewer widgets.
            kinds = f"field field-{spec.kind}{' field-row' if one_row else ''}"
            with Vertical(classes=kinds, id=f"fieldset-{spec.name}"):
                if one_row:
                    yield Label(spec.label, classes="field-label")
                    yield from self._editors(spec)
                    if spec.help:
                        yield FieldLine(spec.help, classes="field-help")
                else:
                    yield Label(spec.label, classes="field-label")
                    if spec.help:
                        yield Static(spec.help, classes="field-help")
                    yield from self._editors(spec)
                # A field's error line is added the first time its text is refused: most never
                # are, and a step with fewer widgets is drawn sooner.

    def _editors(self, spec: FormField) -> ComposeResult:
        value = getattr(self.model, spec.name)
        field_id = f"field-{spec.name}"
        if spec.kind in ("text", "note"):
            TextBox = text_box_class()
        if spec.kind == "text":
            yield TextBox(value, id=field_id, soft_wrap=True, tab_behavior="focus", placeholder=spec.placeholder)
        elif spec.kind == "note":
            yield TextBox(value.text, id=field_id, soft_wrap=True, tab_behavior="focus", placeholder=spec.placeholder)
            yield TickBox("Keep this private (left out of anything you share)", value.private, id=f"{field_id}-private")
        elif spec.kind == "bool":
            yield TickBox(spec.placeholder or spec.label, bool(value), id=field_id)
        elif spec.kind == "choice":
            assert spec.choices is not None
            options = [(member.label, member.value) for member in spec.choices]
            field = type(self.model).model_fields[spec.name]
            optional = not field.is_required() and field.default is None
            yield Select(
                options,
                value=value.value if value else Select.NULL,
                allow_blank=optional,
                prompt="Not chosen yet",
                id=field_id,
                compact=True,
            )
        elif spec.kind == "link":
            assert spec.options is not None
            yield Select(
                [(as_written(label), key) for label, key in spec.options()],
                value=value if value else Select.NULL,
                allow_blank=True,
                prompt="None",
                id=field_id,
                compact=True,
            )
        elif spec.kind == "links":
            options = self.links() if self.links else []
            yield tick_list_class()(*((as_written(label), key, key in value) for label, key in options), id=field_id)
            if not options:
                yield Static(
                    f"There are no outcomes yet: add them in step {Step.OUTCOMES.number} first.", classes="field-help"
                )
        else:
            # The cursor goes to the end, with nothing selected: the first key typed after coming
            # into a box adds to what is there, and never replaces a name already written.
            yield Input(
                _as_text(spec.kind, value),
                placeholder=spec.placeholder,
                id=field_id,
                select_on_focus=False,
                compact=True,
            )

    # --- events ---------------------------------------------------------------------------------

    def _spec_for(self, widget: Widget) -> FormField | None:
        name = (widget.id or "").removeprefix("field-").removesuffix("-private")
        return self.specs.get(name)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if spec := self._spec_for(event.input):
            event.stop()
            if event.value == _as_text(spec.kind, getattr(self.model, spec.name)) and spec.name not in self.refused:
                return  # Drawn from the model (a reload, the first draw): nothing typed.
            entered = self._entered.setdefault(spec.name, getattr(self.model, spec.name))
            # A reason already under the box is kept up to date; none is added while typing.
            shown = any(error.has_class("shown") for error in self.query(f"#error-{spec.name}").results(Static))
            if (
                not self._apply(spec, event.value, show=shown, typing=True)
                and getattr(self.model, spec.name) != entered
            ):
                # Text on the way to a refusal ("12.34" of "12.345") is not left in the plan: while
                # the box holds refused text, the plan holds what it had before the box was typed in.
                assign(self.model, spec.name, entered)
                self.post_message(self.Edited(self, spec.name, typing=True))

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _left(self, event: Input.Blurred | Input.Submitted) -> None:
        if spec := self._spec_for(event.input):
            self._apply(spec, event.input.value, show=True)
            if isinstance(event, Input.Blurred):
                event.input.cursor_position = 0  # A box left behind shows how its text starts, not how it ends.

    def reload(self) -> None:
        """Show the model's values again, after another step or dialog may have changed them.

        Setting a widget here raises its change event, which the form applies as usual; the value
        is the model's own, so nothing is announced as an edit.
        """
        for spec in self.specs.values():
            value = getattr(self.model, spec.name)
            selector = f"#field-{spec.name}"
            if spec.kind in ("note", "text"):
                from textual.widgets import TextArea  # Already loaded: the form drew one.

                area = self.query_one(selector, TextArea)
                text = value.text if spec.kind == "note" else value
                if area.text != text:
                    area.text = text
                if spec.kind == "note":
                    self.query_one(f"{selector}-private", Checkbox).value = value.private
            elif spec.kind == "bool":
                self.query_one(selector, Checkbox).value = bool(value)
            elif spec.kind in ("choice", "link"):
                choice: Select[str] = self.query_one(selector, Select)
                if value is None:
                    choice.clear()
                else:
                    choice.value = value.value if spec.kind == "choice" else value
            elif spec.kind == "links":
                from textual.widgets import SelectionList  # Already loaded: the form drew one.

                links: SelectionList[str] = self.query_one(selector, SelectionList)
                links.clear_options()
                options = self.links() if self.links else []
                links.add_options([(as_written(label), key, key in value) for label, key in options])
            else:
                self.query_one(selector, Input).value = _as_text(spec.kind, value)
            self._clear(spec)

    def commit(self) -> bool:
        """Apply what is typed in every single-line box now; True if the plan changed."""
        changed = False
        for spec in self.specs.values():
            boxes = self.query(f"#field-{spec.name}").results(Input)
            for box in boxes:
                before = getattr(self.model, spec.name)
                if box.value == _as_text(spec.kind, before) and spec.name not in self.refused:
                    continue  # As the model has it: nothing to check, and the checks of a big plan take time.
                self._apply(spec, box.value, show=True, announce=False)
                changed |= getattr(self.model, spec.name) != before
        return changed

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Coming into a box: carry on from the end of what is there, never replace it.

        The exception is a number that is only a starting value: nothing (0.00) or the field's
        default (1 of something). It is selected, so typing "20" gives 20 rather than "120", and
        "3400" gives £3,400.00 rather than "0.003400".
        """
        widget = event.widget
        spec = self._spec_for(widget)
        if spec is None:
            return
        if isinstance(widget, Input):
            self._entered[spec.name] = getattr(self.model, spec.name)
            field = type(self.model).model_fields[spec.name]
            default = None if field.is_required() else field.default
            starting = widget.value == _as_text(spec.kind, default) if default is not None else False
            zero = widget.value.strip().lstrip("£").replace(",", "") in ("0", "0.0", "0.00")
            if spec.kind in ("money", "quantity", "int") and widget.value and (starting or zero):
                widget.select_all()
            else:
                widget.cursor_position = len(widget.value)
        elif hasattr(widget, "document") and hasattr(widget, "move_cursor"):
            widget.move_cursor(widget.document.end)  # A long-text box, by any of its classes.

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if spec := self._spec_for(event.text_area):
            event.stop()
            self._apply(spec, event.text_area.text, show=True, typing=True)

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        if spec := self._spec_for(event.checkbox):
            event.stop()
            if spec.kind == "note":  # The tick says whether the note beside it is private.
                from textual.widgets import TextArea  # Already loaded: the form drew one.

                before = getattr(self.model, spec.name).private
                self._apply(spec, self.query_one(f"#field-{spec.name}", TextArea).text, show=True)
                if getattr(self.model, spec.name).private != before:
                    self._announce_privacy(spec, event.value)
            else:
                self._apply(spec, event.value, show=True)

    @on(TickBox.TypedInto)
    def _typed_into_a_tick_box(self, event: TickBox.TypedInto) -> None:
        """Say where the cursor is, rather than let the words go nowhere without a sign."""
        if self._spec_for(event.tick_box) is None:
            return
        event.stop()
        self.app.notify(
            f'The cursor is on the tick box "{event.tick_box.label}", which takes only Space or Enter, so '
            "what you typed is not kept. Press Shift+Tab or Tab to move to a box you can type in.",
            title="Typing into a tick box",
            severity="warning",
            timeout=10,
        )

    def _announce_privacy(self, spec: FormField, private: bool) -> None:
        """A note made private (or shared) is said in words in the status line: leaving it out of
        what is shared is a change the person must see, not only a tick that moved."""
        words = (
            f'"{spec.label}" is private: it is left out of anything you share'
            if private
            else f'"{spec.label}" will be shared: it is in the summary you share'
        )
        statuses = list(self.screen.query(SaveStatus))
        for status in statuses:
            status.say(words)
        if not statuses:  # A pop-up has no status line of its own.
            self.app.notify(words, timeout=8)

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        if spec := self._spec_for(event.select):
            event.stop()
            self._apply(spec, None if event.value in (Select.NULL, Select.BLANK) else event.value, show=True)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if spec := self._spec_for(event.selection_list):
            event.stop()
            order = [key for _, key in (self.links() if self.links else [])]
            self._apply(spec, sorted(event.selection_list.selected, key=order.index), show=True)

    # --- applying -------------------------------------------------------------------------------

    def _apply(self, spec: FormField, raw: Any, show: bool, announce: bool = True, typing: bool = False) -> bool:
        """Write the value if the model accepts it; otherwise keep the old value and say why."""
        before = getattr(self.model, spec.name)
        try:
            assign(self.model, spec.name, self._convert(spec, raw))
        except ValidationError as error:
            problem = problems_from(error, type(self.model))[0]
            # A rule across fields names the field it is about, which may not be this one.
            about = self.specs.get(problem.path.rpartition(".")[2]) or spec
            self._refuse(spec, problem.message, show, about.label)
            return False
        except FieldRefused as error:
            self._refuse(spec, str(error), show)
            return False
        self._clear(spec)
        # Compare what the model now holds: "48000.00" typed again is no change to £48,000.00.
        if announce and getattr(self.model, spec.name) != before:
            self.post_message(self.Edited(self, spec.name, typing))
        return True

    def _convert(self, spec: FormField, raw: Any) -> Any:
        field = type(self.model).model_fields[spec.name]
        blank = isinstance(raw, str) and not raw.strip()
        if spec.kind == "note":
            private = self.query_one(f"#field-{spec.name}-private", Checkbox).value
            return type(getattr(self.model, spec.name))(text=raw, private=private)
        if (
            blank
            and spec.kind in ("line", "money", "int", "date", "quantity")
            and field.default is None
            and not field.is_required()
        ):
            return None  # Blank means "not given yet" wherever the plan allows that.
        if spec.kind == "date":
            try:
                return parse_date_text(raw)
            except DateError as error:
                raise FieldRefused(str(error)) from None
        if blank and spec.kind in ("money", "int", "quantity"):
            raise FieldRefused("cannot be left empty; enter 0 if there is none")
        # Numbers go to the model as typed: its own rules decide, so "²" or "①" is refused in words
        # there rather than half-understood here.
        return raw.strip() if isinstance(raw, str) and spec.kind in ("int", "money", "quantity") else raw

    def refused_labels(self) -> list[str]:
        """The names people read of the fields whose typed text was refused, in form order."""
        return [spec.label for name, spec in self.specs.items() if name in self.refused]

    def _refuse(self, spec: FormField, message: str, show: bool, label: str = "") -> None:
        if self.refused.get(spec.name) != message:
            self.post_message(self.RefusalsChanged(self))
        self.refused[spec.name] = message
        if show:
            errors = self.query(f"#error-{spec.name}").results(Static)
            error = next(errors, None)
            if error is None:
                error = FieldLine(
                    "", classes="field-error", id=f"error-{spec.name}", markup=False
                )  # May quote what was typed.
                self.query_one(f"#fieldset-{spec.name}").mount(error)
            error.update(f"Not saved: {label or spec.label} {message}.")
            error.add_class("shown")

    def _clear(self, spec: FormField) -> None:
        if self.refused.pop(spec.name, None) is None:
            return  # Nothing shown to clear; leaving a step must not redraw every field.
        self.post_message(self.RefusalsChanged(self))
        for error in self.query(f"#error-{spec.name}").results(Static):
            error.update("")
            error.remove_class("shown")


def _as_text(kind: FieldKind, value: Any) -> str:
    """How a stored value looks in a text box."""
    if value is None:
        return ""
    if kind == "money":
        return money_to_str(value)
    if kind == "date":
        return format_date_text(value)
    return str(value)
