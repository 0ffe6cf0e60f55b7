"""Statements written for the tests, in the styles real banks and card providers export.

Each is the same account over April 2026: the ICB's payment in, two PAs' wages, agency care, a
swim, a refund, and a supermarket payment that the plan does not list.
"""

from __future__ import annotations

from typing import Any

# A building society: lines about the account above the header, "Paid out" / "Paid in", £ signs,
# dates like "01 Apr 2026", oldest first.
BUILDING_SOCIETY = """\
"Account Name:","FlexDirect ****12345"
"Account Balance:","£3,117.60"
"Available Balance: ","£3,117.60"

"Date","Transaction type","Description","Paid out","Paid in","Balance"
"01 Apr 2026","Bank credit","NHS WEST YORKSHIRE ICB DP","","£4,000.00","£4,500.00"
"03 Apr 2026","Payment to","S OKAFOR WAGES","£580.00","","£3,920.00"
"03 Apr 2026","Payment to","L MARSH WAGES","£435.00","","£3,485.00"
"10 Apr 2026","Visa purchase","LEEDS LEISURE SWIM","£38.40","","£3,446.60"
"14 Apr 2026","Payment to","CARE AT HOME LEEDS","£330.00","","£3,116.60"
"20 Apr 2026","Visa purchase","TESCO STORES 2231","£12.40","","£3,104.20"
"22 Apr 2026","Bank credit","CARE AT HOME LEEDS REFUND","","£13.40","£3,117.60"
"""

# A high-street bank: debit and credit columns, day-first dates, newest first.
HIGH_STREET = """\
Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance
22/04/2026,FPI,'30-94-57,12345678,CARE AT HOME LEEDS REFUND,,13.40,3117.60
20/04/2026,DEB,'30-94-57,12345678,TESCO STORES 2231,12.40,,3104.20
14/04/2026,FPO,'30-94-57,12345678,CARE AT HOME LEEDS,330.00,,3116.60
10/04/2026,DEB,'30-94-57,12345678,LEEDS LEISURE SWIM,38.40,,3446.60
03/04/2026,FPO,'30-94-57,12345678,L MARSH WAGES,435.00,,3485.00
03/04/2026,FPO,'30-94-57,12345678,S OKAFOR WAGES,580.00,,3920.00
01/04/2026,BGC,'30-94-57,12345678,NHS WEST YORKSHIRE ICB DP,,4000.00,4500.00
"""

# An app bank: one signed amount, "(GBP)" in the names.
APP_BANK = """\
Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category
01/04/2026,NHS WEST YORKSHIRE ICB DP,PHB APRIL,FASTER PAYMENT,4000.00,4500.00,INCOME
03/04/2026,S OKAFOR WAGES,WAGES,FASTER PAYMENT,-580.00,3920.00,PAYMENTS
03/04/2026,L MARSH WAGES,WAGES,FASTER PAYMENT,-435.00,3485.00,PAYMENTS
10/04/2026,LEEDS LEISURE SWIM,,CARD,-38.40,3446.60,LEISURE
14/04/2026,CARE AT HOME LEEDS,INV 2231,FASTER PAYMENT,-330.00,3116.60,PAYMENTS
20/04/2026,TESCO STORES 2231,,CARD,-12.40,3104.20,GROCERIES
22/04/2026,CARE AT HOME LEEDS REFUND,INV 2231,FASTER PAYMENT,13.40,3117.60,INCOME
"""

# A prepaid card provider's export: merchant names, signed amounts, short years.
PREPAID_CARD = """\
Transaction Date,Merchant Name,Transaction Type,Amount,Balance
01-04-26,NHS WEST YORKSHIRE ICB DP,LOAD,4000.00,4500.00
03-04-26,S OKAFOR WAGES,BANK TRANSFER,-580.00,3920.00
03-04-26,L MARSH WAGES,BANK TRANSFER,-435.00,3485.00
10-04-26,LEEDS LEISURE SWIM,POS,-38.40,3446.60
14-04-26,CARE AT HOME LEEDS,BANK TRANSFER,-330.00,3116.60
20-04-26,TESCO STORES 2231,POS,-12.40,3104.20
22-04-26,CARE AT HOME LEEDS REFUND,REFUND,13.40,3117.60
"""

STYLES = {
    "building society": BUILDING_SOCIETY,
    "high-street bank": HIGH_STREET,
    "app bank": APP_BANK,
    "prepaid card": PREPAID_CARD,
}

# Statements saved with no header line, as some banks export them: the columns are recognised
# from what is in them.
HEADERLESS = {
    # An app bank's signed amounts with a reference and a running balance.
    "signed with a balance": """\
01/04/2026,NHS WEST YORKSHIRE ICB DP,PHB APRIL,4000.00,4500.00
03/04/2026,S OKAFOR WAGES,WAGES,-580.00,3920.00
03/04/2026,L MARSH WAGES,WAGES,-435.00,3485.00
10/04/2026,LEEDS LEISURE SWIM,,-38.40,3446.60
14/04/2026,CARE AT HOME LEEDS,INV 2231,-330.00,3116.60
20/04/2026,TESCO STORES 2231,,-12.40,3104.20
22/04/2026,CARE AT HOME LEEDS REFUND,INV 2231,13.40,3117.60
""",
    # A high-street bank's paid out and paid in, a transaction type and a balance, newest first.
    "out and in with a balance, newest first": """\
22/04/2026,FPI,CARE AT HOME LEEDS REFUND,,13.40,3117.60
20/04/2026,DEB,TESCO STORES 2231,12.40,,3104.20
14/04/2026,FPO,CARE AT HOME LEEDS,330.00,,3116.60
10/04/2026,DEB,LEEDS LEISURE SWIM,38.40,,3446.60
03/04/2026,FPO,L MARSH WAGES,435.00,,3485.00
03/04/2026,FPO,S OKAFOR WAGES,580.00,,3920.00
01/04/2026,BGC,NHS WEST YORKSHIRE ICB DP,,4000.00,4500.00
""",
    # A prepaid card's export: short years, signed amounts, no balance.
    "signed without a balance": """\
01-04-26,NHS WEST YORKSHIRE ICB DP,4000.00
03-04-26,S OKAFOR WAGES,-580.00
03-04-26,L MARSH WAGES,-435.00
10-04-26,LEEDS LEISURE SWIM,-38.40
14-04-26,CARE AT HOME LEEDS,-330.00
20-04-26,TESCO STORES 2231,-12.40
22-04-26,CARE AT HOME LEEDS REFUND,13.40
""",
}

# Money out and money in side by side with no balance: which is which cannot be told.
HEADERLESS_UNSIGNED = """\
"01 Apr 2026","NHS WEST YORKSHIRE ICB DP","","4000.00"
"03 Apr 2026","S OKAFOR WAGES","580.00",""
"03 Apr 2026","L MARSH WAGES","435.00",""
"22 Apr 2026","CARE AT HOME LEEDS REFUND","","13.40"
"""

# The first half of April, then the second half overlapping it by a week.
EARLY_APRIL = """\
Date,Description,Amount,Balance
01/04/2026,NHS WEST YORKSHIRE ICB DP,4000.00,4500.00
03/04/2026,S OKAFOR WAGES,-580.00,3920.00
03/04/2026,L MARSH WAGES,-435.00,3485.00
10/04/2026,LEEDS LEISURE SWIM,-38.40,3446.60
"""
LATE_APRIL = """\
Date,Description,Amount,Balance
03/04/2026,S OKAFOR WAGES,-580.00,3920.00
03/04/2026,L MARSH WAGES,-435.00,3485.00
10/04/2026,LEEDS LEISURE SWIM,-38.40,3446.60
14/04/2026,CARE AT HOME LEEDS,-330.00,3116.60
20/04/2026,TESCO STORES 2231,-12.40,3104.20
22/04/2026,CARE AT HOME LEEDS REFUND,13.40,3117.60
"""

# A line has gone missing between 10 and 20 April: the balances do not add up.
MISSING_LINE = """\
Date,Description,Amount,Balance
01/04/2026,NHS WEST YORKSHIRE ICB DP,4000.00,4500.00
10/04/2026,LEEDS LEISURE SWIM,-38.40,4461.60
20/04/2026,TESCO STORES 2231,-12.40,4119.20
"""

# Columns no bank names this way: found only with a mapping the person gives.
ODD_COLUMNS = """\
When,Who,Spent £,Received £
02/05/2026,S OKAFOR WAGES,580.00,
05/05/2026,WILKO,9.99,
"""

NOT_A_STATEMENT = """\
name,age,favourite colour
Sam,34,green
"""


def ofx(rows: list[tuple[str, str, str]], ledger: tuple[str, str] | None = None, first_id: int = 1001) -> str:
    """An OFX 1 statement (SGML, as high-street banks export it) of rows (yyyymmdd, amount, name),
    with a ledger balance (amount, yyyymmdd) when given. Each transaction has its FITID."""
    days = [on for on, _, _ in rows]
    lines = [
        "OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII", "CHARSET:1252",
        "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "",
        "<OFX>",
        "<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260501120000<LANGUAGE>ENG"
        "</SONRS></SIGNONMSGSRSV1>",
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>",
        "<STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>309457<ACCTID>12345678<ACCTTYPE>CHECKING</BANKACCTFROM>",
        f"<BANKTRANLIST><DTSTART>{min(days)}<DTEND>{max(days)}",
    ]  # fmt: skip
    for number, (on, amount, name) in enumerate(rows, first_id):
        kind = "CREDIT" if not amount.startswith("-") else "DEBIT"
        lines.append(f"<STMTTRN><TRNTYPE>{kind}<DTPOSTED>{on}<TRNAMT>{amount}<FITID>{number}<NAME>{name}</STMTTRN>")
    lines.append("</BANKTRANLIST>")
    if ledger is not None:
        lines.append(f"<LEDGERBAL><BALAMT>{ledger[0]}<DTASOF>{ledger[1]}</LEDGERBAL>")
    lines += ["</STMTRS></STMTTRNRS></BANKMSGSRSV1>", "</OFX>", ""]
    return "\n".join(lines)


# The same April as the CSVs above, as the bank's OFX: names in its own case, the ledger balance at the end.
APRIL_OFX = ofx(
    [
        ("20260401", "4000.00", "NHS West Yorkshire ICB DP"),
        ("20260403", "-580.00", "S Okafor Wages"),
        ("20260403", "-435.00", "L Marsh Wages"),
        ("20260410", "-38.40", "Leeds Leisure Swim"),
        ("20260414", "-330.00", "Care At Home Leeds"),
        ("20260420", "-12.40", "TESCO STORES 2231"),
        ("20260422", "13.40", "CARE AT HOME LEEDS REFUND"),
    ],
    ledger=("3117.60", "20260422"),
)


def long_statement(count: int, first_day: str = "2019-04-01") -> str:
    """A statement of `count` lines over seven years, with a running balance: big enough that an
    import takes a while, so a kill can land in the middle of one."""
    from datetime import date, timedelta
    from decimal import Decimal

    start = date.fromisoformat(first_day)
    balance = Decimal("500.00")
    payees = ("S OKAFOR WAGES", "L MARSH WAGES", "CARE AT HOME LEEDS", "LEEDS LEISURE SWIM", "TESCO STORES")
    rows = ["Date,Description,Paid out,Paid in,Balance"]
    for n in range(count):
        day = start + timedelta(days=n * 7 * 365 // count)
        amount = Decimal("4000.00") if n % 25 == 0 else -Decimal(100 + (n * 7919) % 50000) / 100
        balance += amount
        paid_out, paid_in = (f"{-amount:.2f}", "") if amount < 0 else ("", f"{amount:.2f}")
        rows.append(f"{day:%d/%m/%Y},{payees[n % len(payees)]} {n},{paid_out},{paid_in},{balance:.2f}")
    return "\n".join(rows) + "\n"


def phb(capsys: Any, *args: str) -> tuple[int, str, str]:
    """`phb ARGS` in this process: its exit status, and what it wrote to stdout and stderr."""
    from phb_tui.cli import main

    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def write(folder: Any, name: str, text: str) -> Any:
    """A statement saved in `folder` (a Path) as UTF-8."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def figures(capsys: Any, plan: str) -> dict[str, Any]:
    """`phb spending PLAN --json`, read."""
    import json

    status, out, err = phb(capsys, "spending", plan, "--json")
    assert status == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def whole_day_spans(days: list[Any], cuts: list[int]) -> list[tuple[Any, Any]]:
    """Overlapping statements of whole days, as banks give them: each runs from one cut to a later
    one, starting a day early, and together they cover every day."""
    import itertools

    bounds = sorted({0, len(days), *(min(cut, len(days)) for cut in cuts)})
    return [(days[max(0, start - 1)], days[end - 1]) for start, end in itertools.pairwise(bounds)]


def assert_adds_up(record: Any, history: list[tuple[Any, Any, str, Any]], opening: Any) -> None:
    """Every payment of the account's history kept once: money in less out is the balance's change."""
    from decimal import Decimal

    from plan_store.spending import opening_balance

    money_in = sum((t.money_in for t in record.transactions), Decimal(0))
    money_out = sum((t.money_out for t in record.transactions), Decimal(0))
    assert len(record.transactions) == len(history)
    assert money_in - money_out == history[-1][3] - opening
    assert opening_balance(record) == opening
