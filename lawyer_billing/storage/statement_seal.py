"""The seal of a finalized statement: a SHA-256 of a canonical text of its lines and totals.

Written once, when the statement is finalized, and checked each time it is read back: a line or
a total changed behind the application's back (an edit of the database file) no longer matches
its seal, and the screen says so. The canonical text is JSON with sorted keys, amounts as
two-decimal strings and dates in ISO form, so the same content gives the same seal on SQLite
and PostgreSQL and in every version that keeps these fields.

A line's canonical form does not depend on where its printed details are stored. Statements
were first sealed when a trip's km, rate and parking, a disbursement's receipt and the mark
of a correction were written inside the rules text (as JSON beside the rules); they now have
columns of their own (revision 0003). The canonical form folds them back into the rules text
exactly as they were written then, so a statement sealed before the migration still matches
its seal after it, and one sealed after matches the same way.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from lawyer_billing.domain.money import round_cents
from lawyer_billing.storage.statement_store import (
    DISBURSEMENT,
    LINE_DETAILS,
    TRAVEL,
    TRAVEL_FIGURES,
    StatementAmounts,
    StoredLine,
)


def lines_hash(lines: Sequence[StoredLine], amounts: StatementAmounts) -> str:
    document = {
        "lines": [_canonical_line(line) for line in lines],
        "totals": {name: _canonical(value) for name, value in asdict(amounts).items()},
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical_line(line: StoredLine) -> dict:
    fields = asdict(line)
    for name in LINE_DETAILS:
        del fields[name]
    fields["rules"] = _rules_with_details(line)
    return {name: _canonical(value) for name, value in fields.items()}


def _rules_with_details(line: StoredLine) -> str:
    """The rules text as it was written before the details had columns: a trip always with its
    three figures (``"None"`` for none), a disbursement always with its receipt, any other line
    with the details it has, and ``"correction": true`` on a correction."""
    details: dict[str, object] = {}
    for name in TRAVEL_FIGURES:
        value = getattr(line, name)
        if line.kind == TRAVEL or value is not None:
            details[name] = str(value)
    if line.kind == DISBURSEMENT or line.receipt:
        details["receipt"] = line.receipt
    if line.correction:
        details["correction"] = True
    if not details:
        return line.rules
    try:
        rules = json.loads(line.rules or "{}")
    except ValueError:
        rules = None
    if not isinstance(rules, dict):  # not written by the application: sealed as found, details beside
        return json.dumps([line.rules, details], ensure_ascii=False, sort_keys=True)
    return json.dumps(rules | details, ensure_ascii=False, sort_keys=True)


def _canonical(value):
    if isinstance(value, Decimal):
        return str(round_cents(value))
    if isinstance(value, date):
        return value.isoformat()
    return value
