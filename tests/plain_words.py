"""Every piece of guidance PHB Planner shows, gathered from where it lives, and how it reads.

Used by test_readability.py, and to print a table of reading ease per step and help file:
`python -m tests.plain_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import textstat

from phb_tui.guidance import guidance, intro
from phb_tui.planning.fields import FieldSpec
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import entry
from phb_tui.widgets.item_list import ListSpec

if TYPE_CHECKING:
    from plan_store import Agreement, Plan

# Names of organisations, laws and documents are read as they are written, however long: each is
# left out of scoring, one by one, with the reason.
NAMES = {
    "Employers' Liability (Compulsory Insurance) Act 1969": "the name of a law",
    "Mental Health Act 1983": "the name of a law",
    "National Health Service Act 2006": "the name of a law",
    "Health and Safety Executive": "the name of an organisation",
    "Department for Work and Pensions": "the name of a government department",
    "Department for Business and Trade": "the name of a government department",
}

LONGEST_SENTENCE = 25
EASIEST_ENOUGH = 70.0


@dataclass(frozen=True)
class Piece:
    where: str
    """Which screen, file or message it is, for the list of the worst."""
    text: str


def without_markdown(text: str) -> str:
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.M)
    text = re.sub(r"[*_`]", "", text)
    for name in NAMES:
        text = text.replace(name, "it")
    return text


def sentences(text: str) -> list[str]:
    """Sentences, with each heading, list item and line of its own counted as one."""
    found = []
    for line in without_markdown(text).splitlines():
        found += [part.strip() for part in re.split(r"(?<=[.!?])\s+", line) if part.strip()]
    return found


def words(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9£][\w'’,.£%-]*", sentence))


def reading_ease(text: str) -> float:
    """Flesch reading ease: higher is easier. Lines are sentences, so headings do not run on."""
    joined = " ".join(s if s.endswith((".", "!", "?", ":")) else s + "." for s in sentences(text))
    return float(textstat.flesch_reading_ease(joined))


def _screen_texts(module_name: str) -> Iterator[str]:
    """Texts a screen module keeps in tables of words, such as the description of each choice."""
    import importlib

    module = importlib.import_module(f"screens.{module_name}")
    for value in vars(module).values():
        if isinstance(value, dict) and value and all(isinstance(text, str) for text in value.values()):
            yield from value.values()


def _screen_specs(module_name: str) -> Iterator[FieldSpec]:
    import importlib

    module = importlib.import_module(f"screens.{module_name}")
    for value in vars(module).values():
        if isinstance(value, list) and value and all(isinstance(item, FieldSpec) for item in value):
            yield from value
        elif isinstance(value, FieldSpec):
            yield value
        elif isinstance(value, ListSpec):
            yield from value.fields


def _declared_specs(step: Step) -> Iterator[FieldSpec]:
    """Every field of every form the step's registry entry declares, as its screen draws them."""
    for form in entry(step).forms:
        yield from form


def _field_words(spec: FieldSpec) -> list[str]:
    return [text for text in (spec.label, spec.help) if text]


STEP_MODULES = {
    Step.GET_INFORMED: ["get_informed"],
    Step.OUTCOMES: ["outcomes"],
    Step.MANAGEMENT: ["management"],
    Step.RESOURCES: ["resources"],
    Step.FINANCE: ["finance", "pa_calculator"],
    Step.REVIEW: ["review"],
    Step.SUMMARY: ["summary"],
}


def step_guidance(step: Step) -> str:
    """What a step's screen says to guide the person: its introduction and every field's hint."""
    parts = [intro(step)]
    parts += [
        text if text.endswith((".", "?", "!", ")")) else text + "."
        for spec in _declared_specs(step)
        for text in _field_words(spec)
    ]
    for module in STEP_MODULES[step]:
        parts += list(_screen_texts(module))
        for spec in _screen_specs(module):
            parts += [text if text.endswith((".", "?", "!", ")")) else text + "." for text in _field_words(spec)]
    return "\n".join(parts)


def help_file(step: Step) -> str:
    return guidance(step)


def everything() -> Iterator[Piece]:
    """Every guidance text: steps, help files, readiness messages, error messages, CLI help."""
    for step in Step:
        yield Piece(f"step {step.number}, {step.heading}", step_guidance(step))
        yield Piece(f"help: {step.value}.md", help_file(step))
    yield from readiness_messages()
    yield from error_messages()
    yield from command_line_help()
    yield from summary_words()
    yield from agreement_words()


def command_line_help() -> Iterator[Piece]:
    """What `phb --help` and each command's help say, read from the parser itself."""
    import argparse

    from phb_tui.cli import build_parser

    parsers = [("phb", build_parser())]
    while parsers:
        name, parser = parsers.pop()
        if parser.description:
            yield Piece(f"{name} --help", parser.description)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += [(f"phb {sub}", subparser) for sub, subparser in action.choices.items()]
            elif action.help and action.help != argparse.SUPPRESS:
                yield Piece(f"{name} {'/'.join(action.option_strings) or action.dest}", action.help)


def summary_words() -> Iterator[Piece]:
    """The summary's own words, as they stand in the summary of a plan with nothing in it yet."""
    from phb_tui.summary.build import build_summary
    from phb_tui.summary.document import Alert, Paragraph
    from plan_store import new_plan

    document = build_summary(new_plan("Empty"), include_private=True, personal=True)
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph | Alert):
                yield Piece(f"summary: {section.title}", block.text)


def readiness_messages() -> Iterator[Piece]:
    from phb_tui.planning.checks import SET_ASIDE_HEADING, find_gaps
    from plan_store import new_plan

    seen = set()
    for plan in [new_plan("Empty"), *_plans_a_reviewer_would_send_back()]:
        for gap in find_gaps(plan):
            if gap.message not in seen:
                seen.add(gap.message)
                yield Piece(f"readiness: {gap.rule}", gap.message)
    yield Piece("readiness: rules set aside", SET_ASIDE_HEADING)


def _plans_a_reviewer_would_send_back() -> Iterator[Plan]:
    """The model plan broken in the ways the reviewer's rules look for, so their words are measured."""
    from datetime import date
    from decimal import Decimal

    from plan_store import DirectPaymentRecipient
    from plan_store.codec import plan_from_toml
    from plan_store.models import NotApplicable
    from plan_store.person_centred import Decision
    from plan_store.vocabulary import ActingRole, DecisionArea

    from .conftest import ROOT, example_toml

    def model() -> Plan:
        return plan_from_toml(example_toml(), ROOT / "docs" / "plan-format.md")

    plan = model()
    finance = plan.finance
    finance.line_items[0].unit_cost = Decimal("9.50")
    finance.line_items[0].provider = "Sam Okafor, employed by Anne Price"
    finance.line_items[3].notes.private = True
    finance.contingency = Decimal("0.00")
    plan.person.date_of_birth = date(2015, 1, 10)
    plan.who_decides.acting_role = ActingRole.NOMINEE
    for question in plan.informed.questions:
        question.answered = False
    plan.week.entries[0].units = Decimal(0)
    plan.risks[0].mitigation = ""
    plan.reviews.first_review = date(2027, 11, 30)
    plan.flexibility.free_to_change = plan.flexibility.must_ask_first = ""
    plan.not_applicable = [NotApplicable(rule="no-such-rule", reason="A slip.")]
    yield plan

    plan = model()
    plan.who_decides.decisions.append(Decision(area=DecisionArea.MONEY, decision="Spending", can_decide=False))
    plan.management.direct_payment.received_by = DirectPaymentRecipient.NOMINEE
    yield plan

    plan = model()
    plan.management.direct_payment.received_by = DirectPaymentRecipient.REPRESENTATIVE
    plan.finance.budget_start, plan.reviews.first_review = date(2026, 8, 1), date(2026, 11, 1)
    yield plan


def agreement_words() -> Iterator[Piece]:
    """What `phb agree` and `phb changes` say: every kind of change, and each refusal."""
    from datetime import date, timedelta
    from decimal import Decimal

    from phb_tui.summary.changes import agreed_changes_words, changes_text
    from phb_tui.summary.render import render_text
    from phb_tui.summary.variation import variation_request
    from plan_store import Agreement, LineItem, Outcome, PlanError, Risk, clock
    from plan_store.agreed import check_agreed_on, split_by
    from plan_store.codec import plan_from_toml
    from plan_store.vocabulary import DirectPaymentRecipient, ManagementOption, ManagementRoute, SpendCategory

    from .conftest import ROOT, example_toml

    def model() -> Plan:
        return plan_from_toml(example_toml(), ROOT / "docs" / "plan-format.md")

    agreed, now = model(), model()
    items = now.finance.line_items
    items[0].unit_cost, items[1].quantity, items[2].outcome_ids = Decimal("15.00"), Decimal(10), ["o2"]
    items[3].route, items[4].category, items[5].provider = ManagementRoute.DIRECT_PAYMENT, SpendCategory.TRANSPORT, ""
    items[6].description = "Help with the accounts"
    items.pop()
    items.append(LineItem(id="gym", description="Gym membership", unit_cost=Decimal("30.00")))
    now.outcomes.append(Outcome(id="o3", outcome="I go to the football once a month."))
    now.outcomes[0].outcome, now.outcomes[1].how_i_will_know = "I stay in my flat.", "I can transfer alone."
    now.resources.pop()
    now.resources[0].who_or_where = "Mum"
    now.risks.append(Risk(description="The pool closes."))
    now.risks[0].mitigation, now.risks.pop(1)
    now.management.option, now.management.managed_by = ManagementOption.DIRECT_PAYMENT, "Anne Price"
    now.management.direct_payment.received_by = DirectPaymentRecipient.NOMINEE
    now.finance.budget_amount, now.finance.contingency = Decimal("54000.00"), Decimal("900.00")
    now.flexibility.must_ask_first = "Anything new."
    agreement = Agreement(
        revision=14, by="Priya Shah", role="CHC nurse assessor", on=date(2026, 11, 20), digest="0" * 64
    )
    yield Piece("phb changes", changes_text(now, agreement, agreed))
    yield Piece("review step: changes", agreed_changes_words(now, (agreement, agreed)))
    yield Piece("review step: not agreed", agreed_changes_words(now, None))
    yield Piece("phb export --variation", render_text(variation_request(now, agreement, agreed, date(2026, 11, 24))))
    try:
        variation_request(agreed, agreement, agreed, date(2026, 11, 24))
    except PlanError as error:
        yield Piece("phb export --variation: nothing to ask", str(error))
    for day in (clock.today() + timedelta(days=1), date(2020, 1, 1)):
        try:
            check_agreed_on(agreed, day)
        except PlanError as error:
            yield Piece("phb agree: date", str(error))
    try:
        split_by(", nurse")
    except PlanError as error:
        yield Piece("phb agree: who", str(error))
    yield from _review_words(now, agreement, agreed)


def _review_words(now: Plan, agreement: Agreement, agreed: Plan) -> Iterator[Piece]:
    """The reasons for changes, each outcome's reviews, the review pack and marking as agreed."""
    from datetime import date

    from phb_tui.planning.change_reasons import set_reason
    from phb_tui.planning.changes import find_changes
    from phb_tui.planning.checks import find_gaps
    from phb_tui.summary.changes import changes_text
    from phb_tui.summary.outcome_progress import NO_PROGRESS_YET, history_lines
    from phb_tui.summary.render import render_text
    from phb_tui.summary.review_pack import easy_review_pack, review_pack
    from phb_tui.summary.variation import variation_request
    from plan_store import PlanError, new_plan
    from plan_store.models import OutcomeReview
    from plan_store.vocabulary import Progress, SaidBy
    from screens.agree_dialog import ASKED, NEEDS_A_NAME
    from screens.reason_dialog import ASKED as WHY_ASKED
    from screens.review import NOT_YET_AGREED, gaps_question

    changes = find_changes(agreed, now)
    for number in (1, 99):
        try:
            set_reason(now, agreement.revision, changes, number, "Sam's pay goes up in April.")
        except PlanError as error:
            yield Piece("phb changes --reason: no such change", str(error))
    try:
        set_reason(agreed, agreement.revision, [], 1, "Why.")
    except PlanError as error:
        yield Piece("phb changes --reason: nothing to give a reason for", str(error))
    yield Piece("phb changes: with a reason", changes_text(now, agreement, agreed))
    yield Piece(
        "phb export --variation: with a reason",
        render_text(variation_request(now, agreement, agreed, date(2026, 11, 24))),
    )
    now.reviews.outcomes += [
        OutcomeReview(reviewed_on=date(2027, 2, 1), outcome_id=o.id, progress=progress, said_by=said)
        for o, progress, said in zip(now.outcomes, Progress, SaidBy, strict=False)
    ]
    now.reviews.outcomes.append(OutcomeReview(reviewed_on=date(2027, 2, 1), outcome_id="gone"))
    yield Piece("phb reviews PLAN", "\n".join(history_lines(now)))
    yield Piece("phb reviews PLAN: none yet", NO_PROGRESS_YET)
    for made in (review_pack, easy_review_pack):
        yield Piece(
            f"phb export --review-pack: {made.__name__}", render_text(made(now, (agreement, agreed), date(2027, 1, 5)))
        )
        yield Piece(
            f"phb export --review-pack: {made.__name__}, not agreed",
            render_text(made(new_plan("Empty"), None, date(2027, 1, 5))),
        )
    yield Piece("review step: mark as agreed", "\n".join([ASKED, NEEDS_A_NAME, NOT_YET_AGREED]))
    yield Piece("review step: a reason for a change", WHY_ASKED)
    for plan in (new_plan("Empty"), _one_gap(agreed)):
        yield Piece("review step: agreed despite gaps?", gaps_question(find_gaps(plan)))


def _one_gap(plan: Plan) -> Plan:
    plan.person.name = ""
    return plan


def error_messages() -> Iterator[Piece]:
    from plan_store import MoneyError, parse_money

    for typed in ("abc", "12.345", "-5", "99999999999"):
        try:
            parse_money(typed)
        except MoneyError as error:
            yield Piece(f"money error for {typed!r}", str(error))


def table() -> str:
    rows = ["| text | reading ease |", "| --- | --- |"]
    for step in Step:
        rows.append(f"| step {step.number}, {step.heading} | {reading_ease(step_guidance(step)):.1f} |")
        rows.append(f"| help: {step.value}.md | {reading_ease(help_file(step)):.1f} |")
    return "\n".join(rows)


def long_sentences() -> list[tuple[int, str, str]]:
    return sorted(
        (
            (words(s), piece.where, s)
            for piece in everything()
            for s in sentences(piece.text)
            if words(s) > LONGEST_SENTENCE
        ),
        reverse=True,
    )


if __name__ == "__main__":
    print(table())
    print(f"\n{len(long_sentences())} sentences over {LONGEST_SENTENCE} words:")
    for count, where, sentence in long_sentences()[:40]:
        print(f"{count:3} {where}: {sentence}")
