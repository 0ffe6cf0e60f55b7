"""The monitoring return: what the ICB asks for each quarter or year about a direct payment.

The opening balance, money in, money out by plan line, the closing balance checked against the
statement, payments the plan does not list with the person's explanation, the evidence, a
declaration to sign, and how long each record must be kept. It is a summary `Document`, so it is
drawn by the summary's own renderers and reads the same in every format.
"""

from __future__ import annotations

from datetime import date, timedelta

from plan_store import Plan, format_money

from ..summary.build import SIGNATURE_LINE, running_head
from ..summary.document import Alert, Block, BulletList, Document, Facts, Paragraph, Section, Table
from ..summary.wording import long_date
from .figures import WARNING, Matched, SpendingView, money_notice
from .report import period_words, reconciliation_words

KEEP_YEARS = 7
"""ICBs usually ask for direct payment records to be kept for six to seven years: seven is safe."""
PAYROLL_YEARS = 3
"""HMRC: payroll records are kept for three years after the end of the tax year they cover."""

DECLARATION = (
    "I declare that the money was used only for the support agreed in the care and support plan. "
    "The figures and records in this return are true and complete, as far as I know."
)


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year without one.
        return day.replace(year=day.year + years, day=28)


def tax_year_end(day: date) -> date:
    """The 5 April that ends the tax year `day` falls in."""
    fifth = date(day.year, 4, 5)
    return fifth if day <= fifth else date(day.year + 1, 4, 5)


def keeping_rows(end: date) -> list[list[str]]:
    """Each kind of record, how long to keep it, and the first day it may be deleted."""
    seven = years_after(end, KEEP_YEARS) + timedelta(days=1)
    payroll = years_after(tax_year_end(end), PAYROLL_YEARS) + timedelta(days=1)
    later = max(seven, payroll)
    return [
        ["Bank or card statements", f"{KEEP_YEARS} years after the period ends", long_date(seven)],
        ["Receipts and invoices", f"{KEEP_YEARS} years after the period ends", long_date(seven)],
        [
            "Payslips, payroll and tax records",
            f"For tax, until {long_date(payroll - timedelta(days=1))}; as evidence for the ICB, {KEEP_YEARS} years",
            long_date(later),
        ],
        ["Timesheets", f"{KEEP_YEARS} years after the period ends", long_date(seven)],
        ["This return, signed", f"{KEEP_YEARS} years after the period ends", long_date(seven)],
    ]


def monitoring_return(plan: Plan, view: SpendingView, prepared: date) -> Document:
    sections = [
        Section("The account", _account(view)),
        Section("Money out, by line of the plan", _by_line(view)),
        Section("Payments the plan does not list", _outside(view)),
        *([Section("PA hours", _hours(view))] if view.hours else []),
        Section("Evidence", _evidence(view)),
        Section("How long to keep these records", _keeping(view)),
        Section("Declaration", _declaration(plan), keep_together=True),
    ]
    byline = [running_head(plan), f"For {period_words(view)}. Prepared on {long_date(prepared)}."]
    title = f"Direct payment monitoring return: {plan.title}"
    return Document(title, [], sections, byline=byline, running_head=running_head(plan), prepared=prepared)


def _account(view: SpendingView) -> list[Block]:
    rows = [
        ("Balance at the start", format_money(view.opening)),
        ("Money in", format_money(view.money_in)),
        ("Money out", format_money(view.money_out)),
        ("Balance at the end", format_money(view.closing)),
    ]
    if view.statement_closing is not None:
        rows.append(("Last balance on the statement", format_money(view.statement_closing)))
    blocks: list[Block] = [Facts(rows), Paragraph(reconciliation_words(view))]
    if view.reconciled is False:
        blocks.append(Alert("The balance does not match the statement. Please explain why before you send this."))
    if view.weeks_in_hand is not None:
        blocks.append(Paragraph(f"Money in hand at the end: about {view.weeks_in_hand} weeks of the plan's costs."))
    if notice := money_notice(view):
        blocks.append(Alert(notice.text) if notice.severity == WARNING else Paragraph(f"{notice.label}: {notice.text}"))
    return blocks


def _by_line(view: SpendingView) -> list[Block]:
    rows = [
        [line.description, format_money(line.planned), format_money(line.spent), format_money(line.difference)]
        for line in view.lines
    ]
    outside = sum((m.transaction.money_out for m in view.not_in_plan), start=view.money_out * 0)
    totals = [
        [
            "Total",
            format_money(view.planned),
            format_money(view.spent_on_plan),
            format_money(view.planned - view.spent_on_plan),
        ]
    ]
    table = Table(["Line of the plan", "Planned", "Spent", "Difference"], rows, frozenset({1, 2, 3}), totals)
    return [
        Paragraph("Planned figures are for this period. A one-off purchase is planned in full."),
        table,
        Paragraph(f"Payments not matched to a line of the plan come to {format_money(outside)}."),
    ]


def _outside(view: SpendingView) -> list[Block]:
    if not view.not_in_plan:
        return [Paragraph("Every payment out in this period is matched to a line of the plan.")]
    rows = [
        [
            f"{m.transaction.on:%d/%m/%Y}",
            m.transaction.description,
            format_money(m.transaction.money_out),
            _explained(m),
        ]
        for m in view.not_in_plan
    ]
    blocks: list[Block] = [
        Paragraph("Please say why each of these was spent."),
        Table(["Date", "Paid to", "Amount", "Explanation"], rows, frozenset({2})),
    ]
    if view.restricted:
        blocks.append(
            Alert(
                "Some payments look like things a budget cannot pay for: "
                + "; ".join(f"{t.description} ({kind})" for t, kind in view.restricted)
                + ". Say why each one is allowed."
            )
        )
    return blocks


def _hours(view: SpendingView) -> list[Block]:
    rows = [
        [
            h.who,
            f"{h.start:%d/%m/%Y} to {h.end:%d/%m/%Y}",
            f"{h.worked:f}",
            f"{h.planned:f}",
            f"{h.difference:+f}",
            format_money(h.money),
            h.evidence,
        ]
        for h in view.hours
    ]
    return [
        Paragraph("Hours worked in each pay period, from the timesheets, against the hours the plan pays for."),
        Table(
            ["PA", "Pay period", "Worked", "Planned", "Difference", "At their rate", "Timesheet"],
            rows,
            frozenset({2, 3, 4, 5}),
        ),
    ]


def _explained(match: Matched) -> str:
    return match.transaction.explanation or "______________________________"


def _evidence(view: SpendingView) -> list[Block]:
    paid_out = [m for m in view.transactions if m.transaction.amount < 0]
    noted = [
        f"{m.transaction.on:%d/%m/%Y} {format_money(m.transaction.money_out)} {m.transaction.description}: "
        f"{m.transaction.evidence}"
        for m in paid_out
        if m.transaction.evidence
    ]
    missing = len(paid_out) - len(noted)
    blocks: list[Block] = [Paragraph("Send the bank or card statements for the period with this return.")]
    blocks.append(BulletList(noted) if noted else Paragraph("No receipts, invoices or timesheets are noted yet."))
    if missing:
        payments = "1 payment out has" if missing == 1 else f"{missing} payments out have"
        blocks.append(Paragraph(f"{payments} no evidence noted. Add it with: phb spending set PLAN ID --evidence FILE"))
    return blocks


def _keeping(view: SpendingView) -> list[Block]:
    return [
        Paragraph("Keep each record at least as long as this. After that day you may delete it."),
        Table(["Record", "Keep it for", "May be deleted from"], keeping_rows(view.end)),
    ]


def _declaration(plan: Plan) -> list[Block]:
    who = plan.management.managed_by.strip() or plan.person.name.strip()
    blocks: list[Block] = [Paragraph(DECLARATION)]
    if who:
        blocks.append(Paragraph(f"Managed by: {who}"))
    blocks += [Paragraph("Person, representative or nominee:"), Paragraph(SIGNATURE_LINE)]
    return blocks
