"""Step 6: risks and the contingency plan, reviews and the review log, who agreed the plan, and
what changed since it was agreed."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Static

from phb_tui.planning.change_reasons import numbered, reason_for, set_reason
from phb_tui.planning.changes import Change, find_changes
from phb_tui.planning.person_centred import usual_tasks
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import review as step
from phb_tui.summary.changes import agreed_changes_words, status_words
from phb_tui.widgets.dialogs import ConfirmDialog
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from phb_tui.widgets.key_hints import keys_named
from phb_tui.widgets.step_keys import STEP_BINDINGS
from plan_store import Agreement, Plan, PlanError, ReviewEntry, Risk, SignOff, clock, next_id
from plan_store.agreed import baseline
from plan_store.dates import format_date_text
from plan_store.models import OutcomeReview
from plan_store.person_centred import Action

from .agree_dialog import AgreedBy, AgreeDialog
from .base import StepScreen
from .messages import AgreeWanted
from .reason_dialog import ReasonDialog
from .resources import outcome_choices
from .usual_tasks_dialog import UsualTasksDialog

NOT_YET_AGREED = "Not yet agreed."

RISKS = ListSpec[Risk](
    noun="risk",
    columns=[
        ("Risk", lambda r: r.description or "(not described yet)"),
        ("How it is managed", lambda r: r.mitigation),
        ("Who acts", lambda r: r.who_acts),
    ],
    fields=step.RISKS.form,
    make=lambda: Risk(description=""),
    empty="No risks listed: what could go wrong, and what would you do?",
)

LOG = ListSpec[ReviewEntry](
    noun="review",
    columns=[
        ("Date", lambda r: format_date_text(r.reviewed_on)),
        ("Working", lambda r: r.working),
        ("Not working", lambda r: r.not_working),
    ],
    fields=step.LOG.form,
    make=lambda: ReviewEntry(reviewed_on=clock.today()),
    empty="No reviews yet.",
)

SIGN_OFF = ListSpec[SignOff](
    noun="person agreeing",
    columns=[
        ("Name", lambda s: s.name),
        ("Role", lambda s: s.role),
        ("Agreed on", lambda s: format_date_text(s.agreed_on) or "not yet"),
    ],
    fields=step.SIGN_OFF.form,
    make=lambda: SignOff(name=""),
    empty="Nobody has signed off yet.",
)


def gaps_question(gaps: Sequence[object]) -> str:
    """Asked before a plan with gaps is marked as agreed: each gap named, as `phb agree` names them."""
    things = "1 thing" if len(gaps) == 1 else f"{len(gaps)} things"
    listed = "\n".join(f"- {gap}" for gap in gaps)
    return f"The plan still has {things} a reviewer would ask about:\n\n{listed}\n\nRecord it as agreed anyway?"


def _outcome_number(plan: Plan, outcome_id: str) -> str:
    """ "2", or, for an outcome removed since, that it is no longer in the plan."""
    number = next((n for n, o in enumerate(plan.outcomes, 1) if o.id == outcome_id), None)
    return str(number) if number else "no longer in the plan"


def _by_when(action: Action) -> str:
    """The date, marked when it has passed and the task is not done, as the journey bar counts it."""
    if action.by is None:
        return "no date"
    late = not action.done and action.by < clock.today()
    return format_date_text(action.by) + (" ✗ late" if late else "")


class ReviewScreen(StepScreen):
    STEP = Step.REVIEW
    CSS_PATH = ["base.tcss"]
    BINDINGS = [
        *STEP_BINDINGS,
        Binding("f5", "usual_tasks", "Usual tasks", id="review.usual_tasks", show=False),
        Binding("f3", "mark_agreed", "Mark as agreed", id="review.agree", show=False),
    ]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("Risks", classes="step-section")
        yield ItemList(lambda: step.RISKS.entries(plan), RISKS, id="risks")
        yield Static("Contingency plan", classes="step-section")
        yield ModelForm(step.CONTINGENCY_PLAN.of(plan), step.CONTINGENCY_PLAN, id="contingency-plan")
        yield Static("Reviews", classes="step-section")
        yield ModelForm(step.REVIEWS.of(plan), step.REVIEWS, id="review-form")
        yield Static("Review log", classes="step-section")
        yield ItemList(lambda: step.LOG.entries(plan), LOG, id="review-log")
        yield Static("How each outcome is going", classes="step-section")
        progress = ListSpec[OutcomeReview](
            noun="outcome's progress",
            columns=[
                ("Date", lambda r: format_date_text(r.reviewed_on)),
                ("Outcome", lambda r: _outcome_number(plan, r.outcome_id)),
                ("How far", lambda r: r.progress.label if r.progress else "not said"),
                ("Said by", lambda r: r.said_by.label if r.said_by else "not said"),
            ],
            fields=step.OUTCOME_PROGRESS.form.with_options(outcome_id=lambda: outcome_choices(plan)),
            make=lambda: OutcomeReview(
                reviewed_on=clock.today(), outcome_id=plan.outcomes[0].id if plan.outcomes else "o1"
            ),
            empty="No progress recorded yet: at each review, add how each outcome is going.",
        )
        yield ItemList(lambda: step.OUTCOME_PROGRESS.entries(plan), progress, id="outcome-progress")
        yield Static("Sign-off", classes="step-section")
        yield ItemList(lambda: step.SIGN_OFF.entries(plan), SIGN_OFF, id="sign-off")
        yield Static("Changes since the agreed version", classes="step-section")
        yield Static(id="agreed-status")
        agree_key = keys_named(self, "review.agree", "f3", first=True)
        yield Button(f"Mark as agreed ({agree_key})", id="mark-agreed")
        yield Static(id="agreed-changes")
        yield Button("Give a reason for a change", id="give-reason")
        yield Static("Action plan: what must happen before the plan starts", classes="step-section")
        yield Static(id="usual-tasks", classes="field-help")
        usual_tasks = keys_named(self, "review.usual_tasks", "f5", first=True)
        yield Button(f"Add the usual tasks ({usual_tasks})", id="add-usual-tasks")
        actions = ListSpec[Action](
            noun="task",
            columns=[
                ("Task", lambda a: a.task),
                ("Who", lambda a: a.who or "nobody yet"),
                ("By", _by_when),
                ("Done", lambda a: "yes" if a.done else "not yet"),
            ],
            fields=step.ACTIONS.form,
            make=lambda: Action(id=next_id("a", (a.id for a in plan.actions)), task=""),
            empty=f"No tasks yet: press A to add one, or {usual_tasks} for the usual ones.",
        )
        yield ItemList(lambda: step.ACTIONS.entries(plan), actions, id="actions")

    def on_mount(self) -> None:
        self._agreed = self._read_agreed()
        super().on_mount()
        self.plan_edited()

    def _read_agreed(self) -> tuple[Agreement, Plan] | str | None:
        """The agreed version this plan is compared with, read once: None if never agreed, or why
        the agreed copy cannot be used (a sample plan, or a copy that is missing or damaged)."""
        session = getattr(self.app, "session", None)
        if session is None or getattr(session, "sample", True) or not self.plan.agreements:
            return None
        try:
            found = baseline(session.opened.path, self.plan)
        except PlanError as error:
            return str(error)
        return (found.agreement, found.plan) if found else None

    def plan_edited(self) -> None:
        offered = usual_tasks(self.plan)
        self.query_one("#usual-tasks", Static).update(
            "Usual tasks for your plan: " + "; ".join(offered) + "."
            if offered
            else f"Choose how the money is held (step {Step.MANAGEMENT.number}) to see the usual tasks."
            if self.plan.management.option is None
            else "Every usual task is in your action plan."
        )
        self.query_one("#add-usual-tasks", Button).disabled = not offered
        self.query_one("#agreed-status", Static).update(status_words(self.plan) or NOT_YET_AGREED)
        self.query_one("#agreed-changes", Static).update(agreed_changes_words(self.plan, self._agreed))
        self.query_one("#give-reason", Button).display = bool(self._asking())

    def _asking(self) -> list[Change]:
        """The changes since the agreed version that need agreement, numbered as `phb changes` has them."""
        if not isinstance(self._agreed, tuple):
            return []
        return numbered(find_changes(self._agreed[1], self.plan))

    @on(Button.Pressed, "#give-reason")
    def _give_reason(self) -> None:
        """Ask for the person's reason for one change, and keep it in the plan for the variation request."""
        asking = self._asking()
        if not asking or not isinstance(self._agreed, tuple):
            return
        agreement, before = self._agreed
        since = agreement.revision
        changes = [(change.text, reason_for(self.plan, since, change)) for change in asking]

        def given(answer: tuple[int, str] | None) -> None:
            if answer is None:
                return
            number, reason = answer
            set_reason(self.plan, since, find_changes(before, self.plan), number, reason)
            # Saved as any edit on this step is: the step, then the app, hear that the plan changed.
            self.post_message(ItemList.Changed(self.query_one("#actions", ItemList)))
            self.plan_edited()

        self.app.push_screen(ReasonDialog(changes), given)

    def agreement_recorded(self) -> None:
        """The app kept this revision as agreed: compare with it from now on."""
        self._agreed = self._read_agreed()
        self.plan_edited()

    @on(Button.Pressed, "#mark-agreed")
    def action_mark_agreed(self) -> None:
        """Ask who agreed the plan and when; then, if a reviewer would still ask about something,
        name each thing and ask again before the app records it."""
        if getattr(getattr(self.app, "session", None), "sample", False):
            self.notify("This is the sample plan, which is never saved, so it cannot be recorded as agreed.")
            return

        def chosen(agreed: AgreedBy | None) -> None:
            if agreed is None:
                return
            gaps = self.analysis().gaps
            if not gaps:
                self.post_message(AgreeWanted(agreed.name, agreed.role, agreed.on))
                return
            question = gaps_question(gaps)

            def answered(yes: bool | None) -> None:
                if yes:
                    self.post_message(AgreeWanted(agreed.name, agreed.role, agreed.on))

            self.app.push_screen(ConfirmDialog(question, "Yes, record it as agreed", "No, not yet"), answered)

        self.app.push_screen(AgreeDialog(self.plan), chosen)

    @on(Button.Pressed, "#add-usual-tasks")
    def action_usual_tasks(self) -> None:
        """Offer the tasks that usually come before a plan like this one can start, to tick."""
        offered = usual_tasks(self.plan)
        if not offered:
            self.notify("Every usual task for this plan is in your action plan.")
            return

        def chosen(tasks: list[str] | None) -> None:
            if not tasks:
                return
            actions = self.plan.actions
            added: list[Action] = []
            for task in tasks:
                added.append(Action(id=next_id("a", [a.id for a in actions + added]), task=task))
            self.query_one("#actions", ItemList).add_entries(added)
            tasks_added = "1 usual task" if len(added) == 1 else f"{len(added)} usual tasks"
            self.notify(f"Added {tasks_added}. Say who does each, and by when.")

        self.app.push_screen(UsualTasksDialog(offered), chosen)
