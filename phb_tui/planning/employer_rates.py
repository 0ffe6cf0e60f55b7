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

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from plan_store.money import Money
from plan_store.store import APP_NAME
from plan_store.validation import problems_from

SHIPPED = "rates-2026-27.toml"


class EmployerRates(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    valid_from: date
    valid_to: date
    sources: list[str] = Field(min_length=1)
    national_living_wage: Money
    employer_ni_rate: Decimal = Field(ge=0, le=1)
    employer_ni_threshold: Money
    employment_allowance: Money
    holiday_weeks: Decimal = Field(ge=0, le=10)
    pension_trigger: Money
    pension_lower_limit: Money
    pension_upper_limit: Money
    pension_employer_rate: Decimal = Field(ge=0, le=1)


@dataclass(frozen=True)
class LoadedRates:
    rates: EmployerRates
    source: str
    """Where the figures came from, to show beside any result that uses them."""
    problem: str | None = None
    """Why a person's own file was not used, if it was not."""


def own_rates_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "rates.toml"


def load_rates(own: Path | None = None) -> LoadedRates:
    """The person's own rates if they have a usable file, otherwise the shipped ones."""
    shipped = _parse(files(__package__).joinpath(SHIPPED).read_text(encoding="utf-8"))
    own = own or own_rates_path()
    if not own.is_file():
        return LoadedRates(shipped, f"{shipped.name} (shipped with PHB Planner)")
    try:
        rates = _parse(own.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return LoadedRates(shipped, f"{shipped.name} (shipped)", f"{own} could not be read ({error}).")
    except ValidationError as error:
        problems = "; ".join(str(p) for p in problems_from(error, EmployerRates))
        return LoadedRates(shipped, f"{shipped.name} (shipped)", f"{own} was not used: {problems}.")
    return LoadedRates(rates, f"{rates.name} (your own file, {own})")


def _parse(text: str) -> EmployerRates:
    return EmployerRates.model_validate(tomllib.loads(text, parse_float=Decimal))
