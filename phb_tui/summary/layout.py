"""An ICB's own layout for the summary: its headings, its order, its fixed wording.

A layout is read from a small TOML file (docs/layouts.md) and checked as strictly as a plan: every
mistake is named with its line and field, and nothing is exported until the layout is right.
`apply_layout` arranges a finished `Document`, before any renderer sees it, so text, Markdown,
HTML, Word and PDF all follow the same layout without knowing layouts exist. It moves, renames and
leaves out whole sections and never touches what a section says.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from plan_store.codec import parse_toml
from plan_store.errors import FieldProblem, PlanError, PlanFileError, visible
from plan_store.toml_lines import line_of, path_parts
from plan_store.validation import problems_from

from .document import Document, Paragraph, Section, Subheading
from .sections import MUST_KEEP, SECTION_TITLES

HEADER_LONGEST = 100
"""Characters in the header line: it shares the top of each printed page with the person's name."""
RUNNING_HEAD_JOIN = "\n"
"""Between the ICB's header and whose plan it is, at the top of each printed page: a line each,
as together they are too long for one line of an A4 page's margin."""


def _known_section(key: str) -> str:
    if key not in SECTION_TITLES:
        raise ValueError(f'"{key}" is not a section of the summary. The sections are: {", ".join(SECTION_TITLES)}')
    return key


def _may_leave_out(key: str) -> str:
    if key in MUST_KEEP:
        raise ValueError(
            f'"{key}" cannot be left out: {MUST_KEEP[key]}. A layout may give it another title or move it, '
            f"but every layout keeps {', '.join(MUST_KEEP)}"
        )
    return key


def _written(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


def _one_line(text: str) -> str:
    _written(text)
    if "\n" in text or "\r" in text:
        raise ValueError("must be one line")
    return text.strip()


def _short(text: str) -> str:
    if len(text) > HEADER_LONGEST:
        raise ValueError(f"must be at most {HEADER_LONGEST} characters, to fit the top of a page")
    return text


SectionKey = Annotated[str, AfterValidator(_known_section)]
Omittable = Annotated[SectionKey, AfterValidator(_may_leave_out)]
OneLine = Annotated[str, AfterValidator(_one_line)]


class Declaration(BaseModel):
    """Fixed wording the person signs under: it opens the sign-off section, so it is always on
    the page with the signatures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: OneLine = "Declaration"
    text: Annotated[str, AfterValidator(_written)]


class Layout(BaseModel):
    """What a layout file may say; every field may be left out, and an empty file changes nothing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    """One line for `phb layouts`: whose layout it is, or what it follows."""
    header: Annotated[OneLine, AfterValidator(_short)] | None = None
    """The ICB's own line, under the title and at the top of every printed page."""
    front_sheet_first: bool = True
    """The front sheet opens the document, wherever `order` puts it; false lets `order` place it."""
    order: list[SectionKey] = Field(default_factory=list)
    """Sections in this order; those not named follow them in their usual order."""
    leave_out: list[Omittable] = Field(default_factory=list)
    titles: dict[SectionKey, OneLine] = Field(default_factory=dict)
    declaration: Declaration | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Layout:
        problems: list[str] = []
        for field in ("order", "leave_out"):
            named: list[str] = getattr(self, field)
            problems += [f'{field}[{n}]: "{key}" is named twice' for n, key in enumerate(named) if key in named[:n]]
        problems += [
            f'leave_out[{n}]: "{key}" is both in order and left out: say one or the other'
            for n, key in enumerate(self.leave_out)
            if key in self.order
        ]
        if self.front_sheet_first and "front-sheet" in self.order[1:]:
            at = self.order.index("front-sheet")
            problems.append(
                f'order[{at}]: puts "front-sheet" at place {at + 1}, but the front sheet comes first '
                "unless you also write front_sheet_first = false"
            )
        if problems:
            raise ValueError("\n".join(problems))
        return self


DEFAULT = Layout()
"""The summary as PHB Planner arranges it."""


class LayoutError(PlanError):
    """A layout that cannot be used; nothing is exported with it."""

    def __init__(self, path: Path, summary: str, problems: list[str] | None = None, mend: bool = True):
        self.path = path
        self.summary = summary
        self.problems = problems or []
        lines = [f"{visible(str(path))}: {summary}", *(f"  - {problem}" for problem in self.problems)]
        lines.append(
            "Nothing was exported." + (" Mend the layout (see docs/layouts.md) and try again." if mend else "")
        )
        super().__init__("\n".join(lines))


def parse_layout(text: str, path: Path) -> Layout:
    """The layout `text` describes, or a LayoutError naming the line and field of each mistake."""
    try:
        raw = parse_toml(text, path, "a layout")
    except PlanFileError as error:
        raise LayoutError(path, error.summary) from None
    try:
        return Layout.model_validate(raw)
    except ValidationError as error:
        placed = sorted((_placed(text, problem) for problem in problems_from(error, Layout)), key=lambda p: p[0])
        problems = [said for _line, said in placed]
        count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
        raise LayoutError(path, f"this layout has {count}:", problems) from None


def _placed(text: str, problem: FieldProblem) -> tuple[int, str]:
    """(line, what is wrong there): the line is 0 where it cannot be found, so those come first."""
    # Pydantic names a refused key of a table as "titles.monye.[key]".
    path = problem.path.replace(".[key]", "")
    line = line_of(text, path_parts(path))
    where = f"line {line}, " if line else ""
    return line or 0, visible(f"{where}{path}: {problem.message}" if path else f"{where}{problem.message}")


def apply_layout(document: Document, layout: Layout) -> Document:
    """`document` with its sections renamed, moved and left out as `layout` says, and the ICB's
    wording added; the blocks of every section kept are the very same."""
    place = {key: n for n, key in enumerate(layout.order)}
    kept = [s for s in document.sections if s.key not in layout.leave_out]
    kept.sort(key=lambda s: place.get(s.key, len(place)))  # Stable: the rest keep their order.
    if layout.front_sheet_first:
        kept.sort(key=lambda s: s.key != "front-sheet")
    sections = [_arranged(s, layout) for s in kept]
    if not layout.header:
        return dataclasses.replace(document, sections=sections)
    head = document.running_head
    return dataclasses.replace(
        document,
        sections=sections,
        byline=[layout.header, *document.byline],
        running_head=f"{layout.header}{RUNNING_HEAD_JOIN}{head}" if head else layout.header,
    )


def _arranged(section: Section, layout: Layout) -> Section:
    title = layout.titles.get(section.key, section.title)
    blocks = section.blocks
    if section.key == "sign-off" and layout.declaration:
        declaration = layout.declaration
        paragraphs = [part.strip() for part in declaration.text.split("\n\n") if part.strip()]
        blocks = [Subheading(declaration.title), *(Paragraph(text) for text in paragraphs), *blocks]
    if title == section.title and blocks is section.blocks:
        return section
    return dataclasses.replace(section, title=title, blocks=blocks)
