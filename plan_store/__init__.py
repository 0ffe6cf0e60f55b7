"""Personal health budget plans: the model, money, and safe storage as TOML files.

This package knows nothing about screens or terminals, so the same plans can be read and written
by the app, the command line, tests and any future tool.
"""

from .errors import (
    FieldProblem,
    NewerPlanError,
    OverwriteRefused,
    PlanChangedOnDisk,
    PlanError,
    PlanFileError,
    PlanNotFound,
    PlanSaveError,
    PlanValidationError,
    TomlSyntaxError,
)
from .fields import Note, PrivateNote
from .models import (
    ChecklistItem,
    Contact,
    DirectPayment,
    FinancialPlan,
    Flexibility,
    GetInformed,
    Helper,
    KeyContacts,
    LineItem,
    Management,
    Outcome,
    Person,
    Resource,
    ReviewEntry,
    Reviews,
    Risk,
    SelfAssessment,
    SignOff,
)
from .money import Money, MoneyError, format_money, parse_money, round_pennies
from .plan import SCHEMA_VERSION, Plan, next_id
from .starter import new_plan
from .store import OpenPlan, PlanStore, default_data_dir, write_export
from .vocabulary import (
    Confidence,
    ContactKind,
    ContributionSource,
    ControlWanted,
    DirectPaymentAccount,
    DirectPaymentRecipient,
    EligibilityRoute,
    HelperRole,
    JourneyStage,
    ManagementOption,
    ManagementRoute,
    Period,
    Priority,
    ResourceKind,
    SpendCategory,
)

__all__ = [name for name in dir() if not name.startswith("_")]
