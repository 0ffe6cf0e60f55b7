"""The figures for employing a personal assistant, read from a dated file anyone can check.

They change every April, so they are data, not code: the file shipped with PHB Planner, or a
person's own `rates.toml` in the configuration folder, which takes its place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from plan_store import visible
from plan_store.money import Money, format_money
from plan_store.places import config_dir
from plan_store.validation import problems_from

SHIPPED = "rates-2026-27.toml"
INSTEAD = "the figures shipped with PHB Planner are used instead."


# Bounds on a person's own figures, far beyond any real rate, to catch a slip of the keyboard (a
# yearly figure typed as the hourly wage, a missing decimal point) rather than to judge policy: the
# National Living Wage is about £13 an hour, and the largest yearly figure, the pension upper limit,
# about £50,000. So a wage above £1,000 an hour, or a yearly threshold or allowance above
# £1,000,000, is never real.
MOST_AN_HOUR = Decimal("1000.00")
MOST_A_YEAR = Decimal("1000000.00")
MOST_A_WEEK = Decimal("1000.00")
MOST_A_MONTH = Decimal("5000.00")


def _an_hourly_wage(wage: Decimal) -> Decimal:
    if not Decimal(0) < wage <= MOST_AN_HOUR:
        raise ValueError(f"must be an hourly wage more than £0.00 and at most {format_money(MOST_AN_HOUR)}")
    return wage


HourlyWage = Annotated[Money, AfterValidator(_an_hourly_wage)]


class MinimumWage(BaseModel):
    """The least a worker may be paid an hour, for the age bands below 21 (21 and over is the
    National Living Wage). Each band's rate is at most the rate for the band above it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    aged_16_to_17: HourlyWage
    aged_18_to_20: HourlyWage
    apprentice: HourlyWage
    """An apprentice under 19, or in the first year of the apprenticeship."""

    @field_validator("aged_18_to_20")
    @classmethod
    def _at_least_the_younger_band(cls, wage: Decimal, info: ValidationInfo) -> Decimal:
        younger = info.data.get("aged_16_to_17")
        if younger is not None and wage < younger:
            raise ValueError(f"must be at least aged_16_to_17 ({format_money(younger)}): pay does not fall with age")
        return wage


class EmployerRates(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    valid_from: date
    valid_to: date
    sources: list[str] = Field(min_length=1)
    national_living_wage: HourlyWage
    national_living_wage_from: date
    """The wage changes on 1 April, a few days before the tax year."""
    employer_ni_rate: Decimal = Field(ge=0, le=1)
    employer_ni_threshold: Money
    """A year's threshold, for reference: National Insurance is worked out per pay period, below."""
    employer_ni_threshold_weekly: Money
    employer_ni_threshold_monthly: Money
    employment_allowance: Money
    holiday_weeks: Decimal = Field(ge=0, le=10)
    holiday_days_at_most: Decimal = Field(ge=0, le=60)
    """The 5.6 weeks are capped at this many days for someone working six or seven days a week."""
    holiday_accrual_share: Decimal = Field(ge=0, le=1)
    """Holiday a cover worker on irregular hours builds up: this share of the hours they work."""
    ssp_weekly_rate: Money
    ssp_earnings_share: Decimal = Field(ge=0, le=1)
    """Statutory Sick Pay is the weekly rate or this share of average weekly earnings, the lower."""
    liability_cover_at_least: Money
    """Employer's liability insurance must cover at least this much (a legal minimum, not a price)."""
    # Upper limit first: pydantic checks fields in this order, and each check below can only see
    # the fields before it. So a lower limit above the upper one, or a trigger outside the two, is
    # reported against the field that is out of place, alongside every other problem in the file.
    pension_upper_limit: Money
    pension_lower_limit: Money
    pension_trigger: Money
    pension_employer_rate: Decimal = Field(ge=0, le=1)
    minimum_wage: MinimumWage
    """The rates for workers under 21; after `national_living_wage`, so it can be checked against it."""

    @field_validator("valid_to")
    @classmethod
    def _after_valid_from(cls, valid_to: date, info: ValidationInfo) -> date:
        valid_from = info.data.get("valid_from")
        if valid_from is not None and valid_to <= valid_from:
            raise ValueError(f"must be a date after valid_from ({valid_from.isoformat()})")
        return valid_to

    @field_validator("minimum_wage")
    @classmethod
    def _below_the_living_wage(cls, bands: MinimumWage, info: ValidationInfo) -> MinimumWage:
        living = info.data.get("national_living_wage")
        if living is not None:
            for name in ("aged_18_to_20", "aged_16_to_17", "apprentice"):
                if getattr(bands, name) > living:
                    raise ValueError(
                        f"{name}: must be at most national_living_wage ({format_money(living)}), "
                        "the rate for 21 and over"
                    )
        return bands

    @field_validator("employer_ni_threshold_weekly", "employer_ni_threshold_monthly")
    @classmethod
    def _a_period_threshold(cls, amount: Decimal, info: ValidationInfo) -> Decimal:
        # A week's threshold above a thousand pounds, or a month's above five thousand, is a yearly
        # figure typed in the wrong place (the yearly one is about £5,000).
        most = MOST_A_WEEK if info.field_name == "employer_ni_threshold_weekly" else MOST_A_MONTH
        period = "weekly" if info.field_name == "employer_ni_threshold_weekly" else "monthly"
        if amount > most:
            raise ValueError(f"must be a {period} amount of at most {format_money(most)}")
        return amount

    @field_validator(
        "employer_ni_threshold", "employment_allowance", "pension_upper_limit", "pension_lower_limit", "pension_trigger"
    )
    @classmethod
    def _a_yearly_amount(cls, amount: Decimal) -> Decimal:
        if amount > MOST_A_YEAR:
            raise ValueError(f"must be a yearly amount of at most {format_money(MOST_A_YEAR)}")
        return amount

    @field_validator("pension_lower_limit")
    @classmethod
    def _below_the_upper_limit(cls, lower: Decimal, info: ValidationInfo) -> Decimal:
        upper = info.data.get("pension_upper_limit")
        if upper is not None and lower >= upper:
            raise ValueError(f"must be less than pension_upper_limit ({format_money(upper)})")
        return lower

    @field_validator("pension_trigger")
    @classmethod
    def _between_the_limits(cls, trigger: Decimal, info: ValidationInfo) -> Decimal:
        # In every year since automatic enrolment began in 2012, the trigger has been between the
        # lower and upper limits of qualifying earnings.
        lower = info.data.get("pension_lower_limit")
        upper = info.data.get("pension_upper_limit")
        if trigger <= 0:
            raise ValueError("must be more than £0.00: with no trigger, every PA would be enrolled")
        if lower is not None and upper is not None and not lower <= trigger <= upper:
            raise ValueError(
                f"must be between pension_lower_limit ({format_money(lower)}) "
                f"and pension_upper_limit ({format_money(upper)})"
            )
        return trigger


@dataclass(frozen=True)
class LoadedRates:
    rates: EmployerRates
    source: str
    """Where the figures came from, to show beside any result that uses them."""
    problem: str | None = None
    """Why a person's own file was not used, if it was not."""


def own_rates_path() -> Path:
    return config_dir() / "rates.toml"


def load_rates(own: Path | None = None) -> LoadedRates:
    """The person's own rates if they have a usable file, otherwise the shipped ones."""
    shipped = _parse(files(__package__).joinpath(SHIPPED).read_text(encoding="utf-8"))
    own = own or own_rates_path()
    if not own.is_file():
        return LoadedRates(shipped, f"{shipped.name} (shipped with PHB Planner)")
    try:
        rates = _parse(own.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return LoadedRates(
            shipped, f"{shipped.name} (shipped)", visible(f"{own} could not be read ({error}); {INSTEAD}")
        )
    except ValidationError as error:
        problems = "; ".join(str(p) for p in problems_from(error, EmployerRates))
        return LoadedRates(shipped, f"{shipped.name} (shipped)", visible(f"{own} was not used ({problems}); {INSTEAD}"))
    return LoadedRates(rates, f"{rates.name} (your own file, {own})")


def _parse(text: str) -> EmployerRates:
    return EmployerRates.model_validate(tomllib.loads(text, parse_float=Decimal))


def rates_in_words(loaded: LoadedRates) -> str:
    """Which figures were used, for when, and where they come from: shown beside every result."""
    rates = loaded.rates
    lines = [
        f"Rates used: {loaded.source}, for {rates.valid_from:%-d %B %Y} to {rates.valid_to:%-d %B %Y} "
        f"(the National Living Wage from {rates.national_living_wage_from:%-d %B %Y}).",
        "Where the figures come from:",
        *(f"- {source}" for source in rates.sources),
    ]
    return "\n".join(lines)
