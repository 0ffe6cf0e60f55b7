"""Reading a statement saved as OFX (Open Financial Exchange), as many banks offer beside CSV.

OFX is read by ofxtools, a well-kept library that PHB Planner installs only with its optional
part `ofx` (pip install "phb-planner[ofx]"): CSV is enough for most people. Without it, an OFX file
is refused with a message naming the part to install. An OFX statement names its own columns, so
it needs no column mapping. It gives no balance after each line, only the account's ledger
balance (LEDGERBAL) as of a day (DTASOF): that balance is kept on the last payment up to that day,
so the record's sums are checked against it as against a CSV's running balance.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from decimal import Decimal
from typing import Any

from .spending import StatementLine
from .statements import Statement, StatementError

EXTRA = "ofx"
INSTALL = f'pip install "phb-planner[{EXTRA}]"'
_PENNY = Decimal("0.01")


def looks_like_ofx(data: bytes) -> bool:
    """OFX 1 starts with an OFXHEADER line; OFX 2 is XML with an <?OFX ...?> instruction."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return head.startswith(b"OFXHEADER") or b"<?OFX" in head or head.startswith(b"<OFX>")


def read_ofx(data: bytes) -> Statement:
    """Every transaction of every account in the file, oldest first, or a StatementError."""
    try:
        from ofxtools.Parser import OFXTree  # Loaded only for an OFX statement.
    except ImportError:
        raise StatementError(
            f"This is an OFX statement. Reading OFX needs PHB Planner's optional part for it: {INSTALL} "
            "Or save the statement from the bank as CSV instead. Nothing was imported."
        ) from None
    try:
        tree = OFXTree()
        tree.parse(io.BytesIO(data))
        ofx: Any = tree.convert()
        found = [t for statement in ofx.statements for t in statement.transactions]
        ledger = _ledger(ofx.statements)
    except Exception as error:  # ofxtools raises many kinds of error for a damaged file.
        raise StatementError(
            f"This looks like an OFX statement, but it cannot be read ({type(error).__name__}: {error}). "
            "Nothing was imported."
        ) from None
    lines = []
    for number, transaction in enumerate(found, 1):
        description = (transaction.name or transaction.memo or transaction.payee or "").strip()
        if transaction.dtposted is None or transaction.trnamt is None:
            raise StatementError(f"transaction {number} has no date or no amount. Nothing was imported.")
        amount = transaction.trnamt.quantize(_PENNY)
        lines.append(StatementLine(number, transaction.dtposted.date(), amount, description or "(no description)"))
    if not lines:
        raise StatementError("The OFX statement has no transactions in it. Nothing was imported.")
    lines.sort(key=lambda line: (line.on, line.line_number))
    if ledger is not None:
        as_of, balance = ledger
        last = max((n for n, line in enumerate(lines) if line.on <= as_of), default=None)
        if last is not None:
            lines[last] = lines[last]._replace(balance=balance)
    return Statement(("OFX",), lines, hashlib.sha256(data).hexdigest())


def _ledger(statements: Any) -> tuple[date, Decimal] | None:
    """The day and the ledger balance of a file of one account's statement, if it gives them."""
    if len(statements) != 1:  # Several accounts: no one balance is the record's.
        return None
    ledger = getattr(statements[0], "ledgerbal", None)
    amount = getattr(ledger, "balamt", None)
    as_of = getattr(ledger, "dtasof", None)
    if amount is None or as_of is None:
        return None
    return as_of.date(), Decimal(amount).quantize(_PENNY)
