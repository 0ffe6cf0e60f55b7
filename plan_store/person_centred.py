"""The person-centred planning tools: about me, my week, who decides, and the action plan.

Each is short, each is optional (a plan without them is a whole plan), and each feeds the
summary. They hold the person's own words; the planning rules that check them against the rest of
the plan live in `phb_tui.planning.person_centred`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from .fields import Identifier, Line, Note, PlanModel, Quantity, Text
from .vocabulary import ActingRole, Day, DecisionArea, TimeOfDay


class AboutMe(PlanModel):
    """A one-page profile: who the plan is for, in their words. It opens the summary."""

    like_and_admire: Text = ""
    """What people like and admire about me."""
    important_to_me: Text = ""
    important_for_me: Text = ""
    """What matters for my health and safety, which may differ from what matters to me."""
    best_support: Text = ""
    """How best to support me."""
    working: Text = ""
    """What is working now, from my point of view."""
    not_working: Text = ""
    family_view: Note = Field(default_factory=Note)
    """What is working and not working, from my family's point of view."""


class WeekEntry(PlanModel):
    """One thing in my week: support, people or an activity, at a time of day."""

    day: Day
    time: TimeOfDay
    what: Line
    units: Quantity = Decimal(1)
    """The hours (or visits, nights, sessions) it stands for, to set against what the money pays for."""
    line_item: Identifier | None = None
    """The cost in the financial plan that pays for it, if any."""
    resource: Identifier | None = None
    """The support that is not money (a friend, the leisure centre), if it is that."""


class MyWeek(PlanModel):
    entries: list[WeekEntry] = []
    support_around_the_clock: bool = False
    """The person needs support at every time of day and night: an empty slot is then worth a note."""


class Decision(PlanModel):
    area: DecisionArea = DecisionArea.DAY_TO_DAY
    decision: Line
    how_involved: Text = ""
    """How I must be involved."""
    who_decides: Line = ""
    """Who makes the final decision."""
    can_decide: bool = True
    """False when the person lacks capacity for this decision: others decide in their best interests."""


class WhoDecides(PlanModel):
    decisions: list[Decision] = []
    acting_role: ActingRole | None = None
    acting_name: Line = ""
    information: Text = ""
    """How I like to be given information and choices."""
    best_times: Text = ""
    worst_times: Text = ""


class Action(PlanModel):
    """Something that must happen before the plan can start."""

    id: Identifier
    task: Line
    who: Line = ""
    by: date | None = None
    done: bool = False
