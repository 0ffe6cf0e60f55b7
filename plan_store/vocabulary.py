"""The fixed choices a plan is made of, each with the words a person sees for it.

Values are what the plan file stores (short, stable, lower case); labels are what people read.
Keeping both together means a new choice cannot be added without its plain-English name.
"""

from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    """A stored value with a label for people; subclasses fill in `_labels`."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @property
    def short_label(self) -> str:
        return self.label

    @classmethod
    def allowed(cls) -> str:
        """The stored values, for error messages that say what is allowed."""
        return ", ".join(f'"{member.value}"' for member in cls)


class HelperRole(Choice):
    SELF = "self"
    FAMILY = "family"
    BROKER = "broker"
    PROFESSIONAL = "professional"


class EligibilityRoute(Choice):
    CONTINUING_HEALTHCARE = "continuing_healthcare"
    CHILDRENS_CONTINUING_CARE = "childrens_continuing_care"
    WHEELCHAIR = "personal_wheelchair_budget"
    SECTION_117 = "section_117_aftercare"
    LOCAL_OFFER = "local_offer"

    @property
    def is_legal_right(self) -> bool:
        """Four routes carry a legal right to a PHB; anything else is the local ICB's decision."""
        return self is not EligibilityRoute.LOCAL_OFFER

    @property
    def right(self) -> str:
        """What the route gives the person, in a phrase: the wheelchair right covers the chair only."""
        if self is EligibilityRoute.WHEELCHAIR:
            return "a legal right to a budget for the wheelchair you are assessed as needing (not for care)"
        if self.is_legal_right:
            return "a legal right to a personal health budget"
        return "no legal right: the ICB decides whether to offer a budget"


class JourneyStage(Choice):
    FINDING_OUT = "finding_out"
    ASSESSMENT = "assessment"
    INDICATIVE_BUDGET = "indicative_budget"
    LEARNING_OPTIONS = "learning_options"
    PLANNING = "planning"
    PLAN_WRITTEN = "plan_written"
    SIGNED_OFF = "signed_off"
    SETTING_UP = "setting_up"
    LIVING_WITH_IT = "living_with_it"
    REVIEWING = "reviewing"
    CHANGING = "changing"

    @property
    def number(self) -> int:
        """Position in the journey, counting from 1, so people can see how far along they are."""
        return list(JourneyStage).index(self) + 1

    @property
    def short_label(self) -> str:
        """A few words, for lists and the journey bar where space is short."""
        return _STAGE_SHORT[self.value]


class ContactKind(Choice):
    PEER_NETWORK = "peer_network"
    USER_LED_ORGANISATION = "user_led_organisation"
    BROKER = "broker"
    CHC_TEAM = "chc_team"
    OTHER = "other"


class Priority(Choice):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Progress(Choice):
    """How an outcome is going, on the simple scale a review uses; said in words too, never by colour."""

    NOT_STARTED = "not_started"
    SOME_PROGRESS = "some_progress"
    ON_TRACK = "on_track"
    ACHIEVED = "achieved"
    NO_LONGER_WANTED = "no_longer_wanted"


class SaidBy(Choice):
    """Who said how an outcome is going: a review weighs the person's own view first."""

    PERSON = "person"
    FAMILY = "family"
    PA = "pa"
    PROFESSIONAL = "professional"


class ManagementOption(Choice):
    DIRECT_PAYMENT = "direct_payment"
    NOTIONAL = "notional"
    THIRD_PARTY = "third_party"
    MIXED = "mixed"


class ManagementRoute(Choice):
    """How one line item is paid for; a mixed plan records this item by item."""

    DIRECT_PAYMENT = "direct_payment"
    NOTIONAL = "notional"
    THIRD_PARTY = "third_party"


class DirectPaymentRecipient(Choice):
    """Who the direct payment is paid to, and who then answers for spending it as the plan says."""

    PERSON = "person"
    REPRESENTATIVE = "representative"
    NOMINEE = "nominee"

    @property
    def explained(self) -> str:
        return _RECIPIENT_EXPLAINED[self.value]


class DirectPaymentAccount(Choice):
    """Where direct payment money is kept, apart from the person's own money."""

    BANK_ACCOUNT = "bank_account"
    PREPAID_CARD = "prepaid_card"
    MANAGED_ACCOUNT = "managed_account"


class ContributionSource(Choice):
    """Who pays the part of an item's price that the budget does not."""

    OWN_MONEY = "own_money"
    FAMILY = "family"
    CHARITY = "charity"
    OTHER_AGENCY = "other_agency"
    OTHER = "other"


class ControlWanted(Choice):
    A_LOT = "a_lot"
    SOME = "some"
    A_LITTLE = "a_little"


class Confidence(Choice):
    CONFIDENT = "confident"
    SOMEWHAT = "somewhat"
    NOT_CONFIDENT = "not_confident"


class Day(Choice):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class TimeOfDay(Choice):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


class DecisionArea(Choice):
    DAY_TO_DAY = "day_to_day"
    MONEY = "money"
    STAFF = "staff"
    HEALTH = "health"
    OTHER = "other"


class ActingRole(Choice):
    """Someone with a formal role in decisions for the person, if anyone has one."""

    REPRESENTATIVE = "representative"
    ATTORNEY = "attorney"
    DEPUTY = "deputy"
    NOMINEE = "nominee"

    @property
    def explained(self) -> str:
        return _ROLE_EXPLAINED[self.value]

    @property
    def in_a_sentence(self) -> str:
        """ "an attorney": the role alone, for a sentence that goes on to explain it."""
        return {
            "representative": "a representative",
            "attorney": "an attorney",
            "deputy": "a deputy",
            "nominee": "a nominee",
        }[self.value]


_ROLE_EXPLAINED = {
    "representative": "acts for a child under 16, such as a parent, or for an adult who lacks capacity to agree",
    "attorney": "was given power to decide by the person, while they could, in a lasting power of attorney",
    "deputy": "was named by the Court of Protection to decide for someone who cannot decide",
    "nominee": "was chosen by the person to receive and manage the money, while the person still decides",
}


class PensionChoice(Choice):
    """Whether a PA is in the employer's workplace pension."""

    AUTOMATIC = "automatic"
    OPTED_IN = "opted_in"
    NOT_IN = "not_in"


class PayPeriod(Choice):
    """How often a PA is paid: employer's National Insurance is worked out for each pay period."""

    MONTH = "month"
    WEEK = "week"


class ResourceKind(Choice):
    OWN_SKILL = "own_skill"
    PERSON = "person"
    COMMUNITY_SERVICE = "community_service"
    PEER_SUPPORT = "peer_support"


class Period(Choice):
    """How often a cost recurs, or the span a budget covers."""

    @property
    def short_label(self) -> str:
        return _PERIOD_SHORT[self.value]

    ONE_OFF = "one_off"
    WEEK = "week"
    FOUR_WEEKS = "four_weeks"
    MONTH = "month"
    YEAR = "year"


class SpendCategory(Choice):
    PERSONAL_ASSISTANT = "personal_assistant"
    AGENCY_CARE = "agency_care"
    THERAPY = "therapy"
    EQUIPMENT = "equipment"
    TRANSPORT = "transport"
    RESPITE = "respite"
    TRAINING = "training"
    ASSISTANCE_DOG = "assistance_dog"
    MONEY_MANAGEMENT = "money_management"
    ACTIVITY = "activity"
    OTHER = "other"


_STAGE_SHORT = {
    "finding_out": "Finding out",
    "assessment": "Assessment",
    "indicative_budget": "Budget told",
    "learning_options": "Options",
    "planning": "Planning",
    "plan_written": "Plan written",
    "signed_off": "Signed off",
    "setting_up": "Setting up",
    "living_with_it": "Living with it",
    "reviewing": "Reviewing",
    "changing": "Changing",
}

_RECIPIENT_EXPLAINED = {
    "person": "The money is paid to you, and you decide how to spend it as the plan says.",
    "representative": (
        "Someone who acts for a child under 16, or for an adult who lacks the capacity to agree to a "
        "direct payment. For a child, this is usually a parent. For an adult, it is often someone with "
        "a lasting power of attorney, or a deputy named by a court."
    ),
    "nominee": (
        "Someone you choose to receive and manage the money for you, while you still make the decisions. "
        "Whoever receives the money employs any personal assistant."
    ),
}

_PERIOD_SHORT = {"one_off": "once", "week": "/wk", "four_weeks": "/4wk", "month": "/mo", "year": "/yr"}

_LABELS: dict[str, dict[str, str]] = {
    "PensionChoice": {
        "automatic": "Aged 22 to State Pension age: joins when earning over the trigger",
        "opted_in": "Chose to join the workplace pension",
        "not_in": "Not in it (opted out, or too young and not joined)",
    },
    "PayPeriod": {"month": "Monthly", "week": "Weekly"},
    "HelperRole": {
        "self": "Myself",
        "family": "Family member or friend",
        "broker": "Broker or support planner",
        "professional": "Health or care professional",
    },
    "EligibilityRoute": {
        "continuing_healthcare": "NHS Continuing Healthcare (adults)",
        "childrens_continuing_care": "Children and young people's continuing care",
        "personal_wheelchair_budget": "Personal wheelchair budget",
        "section_117_aftercare": "Section 117 aftercare (Mental Health Act)",
        "local_offer": "Agreed by your ICB where you live (not a legal right)",
    },
    "JourneyStage": {
        "finding_out": "Finding out about personal health budgets",
        "assessment": "Eligibility and assessment of needs",
        "indicative_budget": "Told the indicative budget",
        "learning_options": "Learning the options",
        "planning": "Care and support planning",
        "plan_written": "Plan written and summarised",
        "signed_off": "Plan agreed and signed off",
        "setting_up": "Setting up money and support",
        "living_with_it": "Living with the budget",
        "reviewing": "Reviewing the plan",
        "changing": "Changing the plan",
    },
    "ContactKind": {
        "peer_network": "Peer network of budget holders",
        "user_led_organisation": "User-led organisation (for example a Centre for Independent Living)",
        "broker": "Broker or support planner",
        "chc_team": "Continuing healthcare team",
        "other": "Other",
    },
    "Priority": {"high": "High", "medium": "Medium", "low": "Low"},
    "Progress": {
        "not_started": "Not started",
        "some_progress": "Some progress",
        "on_track": "On track",
        "achieved": "Achieved",
        "no_longer_wanted": "No longer wanted",
    },
    "SaidBy": {
        "person": "The person",
        "family": "Family",
        "pa": "A personal assistant",
        "professional": "A professional",
    },
    "Day": {
        "monday": "Monday",
        "tuesday": "Tuesday",
        "wednesday": "Wednesday",
        "thursday": "Thursday",
        "friday": "Friday",
        "saturday": "Saturday",
        "sunday": "Sunday",
    },
    "TimeOfDay": {"morning": "Morning", "afternoon": "Afternoon", "evening": "Evening", "night": "Night"},
    "DecisionArea": {
        "day_to_day": "Day to day",
        "money": "Money",
        "staff": "Staff and who supports me",
        "health": "Health and treatment",
        "other": "Something else",
    },
    "ActingRole": {
        "representative": "A representative",
        "attorney": "An attorney (lasting power of attorney)",
        "deputy": "A deputy (named by the Court of Protection)",
        "nominee": "A nominee",
    },
    "ManagementOption": {
        "direct_payment": "Direct payment",
        "notional": "Notional budget (the NHS holds the money)",
        "third_party": "Third-party budget",
        "mixed": "A mix of these",
    },
    "ManagementRoute": {
        "direct_payment": "Direct payment",
        "notional": "Notional (NHS arranges)",
        "third_party": "Third party",
    },
    "DirectPaymentRecipient": {
        "person": "The person themselves",
        "representative": "A representative",
        "nominee": "A nominee",
    },
    "DirectPaymentAccount": {
        "bank_account": "A separate bank account",
        "prepaid_card": "A prepaid card",
        "managed_account": "A managed account (a company holds the money)",
    },
    "ContributionSource": {
        "own_money": "My own money (a top-up)",
        "family": "Family or friends",
        "charity": "A charity",
        "other_agency": "Another agency, such as social care",
        "other": "Someone else",
    },
    "ControlWanted": {"a_lot": "A lot", "some": "Some", "a_little": "A little"},
    "Confidence": {
        "confident": "Confident",
        "somewhat": "Somewhat",
        "not_confident": "Not confident",
    },
    "ResourceKind": {
        "own_skill": "My own skills and experience",
        "person": "Family, friends and people who care",
        "community_service": "Community and mainstream services",
        "peer_support": "Peer support",
    },
    "Period": {
        "one_off": "one-off",
        "week": "a week",
        "four_weeks": "every four weeks",
        "month": "a month",
        "year": "a year",
    },
    "SpendCategory": {
        "personal_assistant": "Personal assistant",
        "agency_care": "Agency care",
        "therapy": "Therapy",
        "equipment": "Equipment",
        "transport": "Transport",
        "respite": "Respite and short breaks",
        "training": "Training",
        "assistance_dog": "Assistance dog",
        "money_management": "Support to manage the money",
        "activity": "Activity or membership",
        "other": "Other",
    },
}
