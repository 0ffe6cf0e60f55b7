"""The summary drawn with tables (`phb show --rich`, and the app's Summary step) at 80 columns:
no amount of money is ever cut short or broken, however narrow; the text columns give way."""

from __future__ import annotations

import re

import pytest

from phb_tui.cli import main
from plan_store import Plan, PlanStore


@pytest.mark.parametrize("width", [60, 80, 120])
def test_no_amount_is_cut_in_the_rich_summary(
    width: int, store: PlanStore, example_plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add(example_plan)
    assert main(["show", "daniels-plan-2026", "--rich", "--width", str(width)]) == 0
    out = capsys.readouterr().out
    assert "£15,080.00" in out and "£50,997.99" in out  # Sam's wages a year, and the total.
    assert not re.search(r"£[\d,.]*…", out), "an amount was cut short"
    for line in out.splitlines():
        assert len(line.rstrip()) <= width, line
    # An amount broken over two lines leaves a piece like "£15,08" or "£15,080." behind.
    pieces = [piece.rstrip(".,") if piece.endswith((". ", ", ")) else piece for piece in re.findall(r"£[\d,.]+", out)]
    broken = [piece for piece in pieces if not re.fullmatch(r"£\d{1,3}(,\d{3})*(\.\d\d)?[.,]?", piece)]
    assert broken == [], broken
