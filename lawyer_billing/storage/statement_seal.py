"""The seal of a finalized statement: a SHA-256 of a canonical text of its lines and totals.

Written once, when the statement is finalized, and checked each time it is read back: a line or
a total changed behind the application's back (an edit of the database file) no longer matches
its seal, and the screen says so. The canonical text is JSON with sorted keys, amounts as
two-decimal strings and dates in ISO form, so the same content gives the same seal on SQLite
and PostgreSQL and in every version that keeps these fields.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from lawyer_billing.domain.money import round_cents
from lawyer_billing.storage.statement_store import StatementAmounts, StoredLine


def lines_hash(lines: Sequence[StoredLine], amounts: StatementAmounts) -> str:
    document = {
        "lines": [{name: _canonical(value) for name, value in asdict(line).items()} for line in lines],
        "totals": {name: _canonical(value) for name, value in asdict(amounts).items()},
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(value):
    if isinstance(value, Decimal):
        return str(round_cents(value))
    if isinstance(value, date):
        return value.isoformat()
    return value
