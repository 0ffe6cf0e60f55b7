"""A suggested way to manage the money, from the self-assessment, with the reasons given.

It only suggests: the person can accept it or choose something else, and the reasons are shown so
they can judge it for themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from plan_store import Confidence, ControlWanted, EligibilityRoute, ManagementOption, Plan


@dataclass(frozen=True)
class Suggestion:
    option: ManagementOption | None
    reasons: list[str]


def suggest_management(plan: Plan) -> Suggestion:
    answers = plan.management.self_assessment
    if answers.control_wanted is None:
        return Suggestion(None, ["Answer the questions above and a suggestion will appear here."])
    reasons: list[str] = []
    skills = [answers.managing_money, answers.using_computers, answers.employing_staff]
    confident = sum(1 for s in skills if s == Confidence.CONFIDENT)
    unsure = sum(1 for s in skills if s == Confidence.NOT_CONFIDENT)
    has_help = bool(answers.who_can_help.strip())
    wheelchair = plan.eligibility == EligibilityRoute.WHEELCHAIR

    if answers.control_wanted == ControlWanted.A_LITTLE:
        reasons.append("You would like the NHS to take care of most things.")
        return Suggestion(
            ManagementOption.NOTIONAL,
            [*reasons, "With a notional budget the NHS holds the money and arranges the care you agree."],
        )

    if answers.control_wanted == ControlWanted.A_LOT and not wheelchair:
        reasons.append("You want a lot of control over the money and your support.")
        if unsure == 0 or has_help:
            if has_help and unsure:
                reasons.append("Some of the skills are new to you, but you have named people who can help.")
            elif confident:
                reasons.append("You feel confident with the skills a direct payment needs.")
            return Suggestion(
                ManagementOption.DIRECT_PAYMENT,
                [
                    *reasons,
                    "A direct payment gives the most control; a payroll or managed-account service can take on the paperwork.",
                ],
            )
        reasons.append("Some skills a direct payment needs are new to you, and nobody is named to help yet.")
        return Suggestion(
            ManagementOption.THIRD_PARTY,
            [
                *reasons,
                "A third party can hold the money and do the paperwork while you decide how it is spent. You can move to a direct payment later.",
            ],
        )

    if wheelchair:
        reasons.append("Personal wheelchair budgets cannot be paid as a direct payment.")
        if answers.control_wanted == ControlWanted.A_LOT:
            return Suggestion(
                ManagementOption.THIRD_PARTY,
                [*reasons, "A third party gives you the most say over the chair that is bought."],
            )
        return Suggestion(
            ManagementOption.NOTIONAL,
            [*reasons, "A notional budget, with your own top-up if you want a different chair, is the usual choice."],
        )

    reasons.append("You want some control, but not all of the responsibility.")
    if answers.employing_staff == Confidence.CONFIDENT or (has_help and answers.employing_staff == Confidence.SOMEWHAT):
        return Suggestion(
            ManagementOption.MIXED,
            [
                *reasons,
                "A mix could suit you: for example, agency care arranged by the NHS, and a personal assistant you employ through a direct payment.",
            ],
        )
    return Suggestion(
        ManagementOption.THIRD_PARTY,
        [*reasons, "A third party can arrange care with you without you becoming an employer."],
    )


WHEELCHAIR_OPTIONS = (
    "A personal wheelchair budget cannot be a direct payment. The choices are: notional (the NHS buys, "
    "owns and repairs the chair); notional with a top-up (you, a charity or another agency pay toward a "
    "different chair, and the NHS may not repair the extras); or third party (any approved supplier)."
)
WHEELCHAIR_THIRD_PARTY = "With a third party you usually own the chair, and pay for its repairs yourself."
WHEELCHAIR_DIRECT_PAYMENT = "A direct payment is not allowed for a wheelchair budget: choose notional or third party."


def choice_note(plan: Plan) -> str:
    """What the person should know about their choice, said beside it rather than only in the top bar."""
    if plan.eligibility != EligibilityRoute.WHEELCHAIR:
        return ""
    option = plan.management.option
    if option in (ManagementOption.DIRECT_PAYMENT, ManagementOption.MIXED):
        return f"{WHEELCHAIR_DIRECT_PAYMENT}\n{WHEELCHAIR_OPTIONS}"
    if option == ManagementOption.THIRD_PARTY:
        return f"{WHEELCHAIR_OPTIONS}\n{WHEELCHAIR_THIRD_PARTY}"
    return WHEELCHAIR_OPTIONS


def wheelchair_ownership(option: ManagementOption | None) -> str | None:
    """Who owns and repairs a chair bought with a wheelchair budget, for the reviewer."""
    return _OWNERSHIP.get(option) if option else None


_OWNERSHIP = {
    ManagementOption.NOTIONAL: "The NHS owns and repairs it; extras paid for by a top-up may not be repaired by the NHS.",
    ManagementOption.THIRD_PARTY: "The person usually owns it, and pays for its repairs.",
}
