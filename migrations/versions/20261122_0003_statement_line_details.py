"""Statement lines keep what the relevé prints in their own columns.

Until now a trip line's km, rate and parking, a disbursement line's receipt and the mark of a
line correcting an earlier statement were written as JSON in ``statement_line.rules``, beside
the rules that fixed the amount. The upgrade moves them into ``km``, ``rate`` (exact decimal
text), ``parking`` (cents), ``receipt`` and ``correction``, and leaves ``rules`` with
``{"rules": [...]}`` only; the downgrade writes them back into the JSON exactly as they were
written, so going down loses nothing. A ``rules`` text that is not a JSON object was not written
by the application and is left as it is.

The seal of a finalized statement (``statement.lines_hash``) is unchanged: its canonical text
folds these columns back into the rules text as written here (``storage/statement_seal.py``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:12:04.118230
"""

import json
from decimal import ROUND_HALF_UP, Decimal

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

#: the figures a trip line's JSON always held (``"None"`` when the engine gave none)
TRAVEL_FIGURES = ("km", "rate", "parking")

statement_line = sa.table(
    "statement_line",
    sa.column("id", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("rules", sa.Text()),
    sa.column("km", sa.String()),
    sa.column("rate", sa.String()),
    sa.column("parking", sa.BigInteger()),
    sa.column("receipt", sa.String()),
    sa.column("correction", sa.Boolean()),
)


def upgrade() -> None:
    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('km', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('rate', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('parking', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('receipt', sa.String(length=400), nullable=False, server_default=""))
        batch_op.add_column(sa.Column('correction', sa.Boolean(), nullable=False, server_default=sa.false()))

    connection = op.get_bind()
    rows = connection.execute(sa.select(statement_line.c.id, statement_line.c.rules)).all()
    for line_id, rules in rows:
        details = _json_object(rules)
        if details is None or not details.keys() & {*TRAVEL_FIGURES, "receipt", "correction"}:
            continue
        km, rate, parking = (_figure(details.pop(name, None)) for name in TRAVEL_FIGURES)
        connection.execute(
            statement_line.update().where(statement_line.c.id == line_id).values(
                km=km, rate=rate, parking=None if parking is None else _cents(parking),
                receipt=details.pop("receipt", ""), correction=bool(details.pop("correction", False)),
                rules=json.dumps(details, ensure_ascii=False, sort_keys=True),
            )
        )


def downgrade() -> None:
    connection = op.get_bind()
    line = statement_line.c
    rows = connection.execute(
        sa.select(line.id, line.kind, line.rules, line.km, line.rate, line.parking, line.receipt, line.correction)
        .where(sa.or_(line.kind.in_(("travel", "disbursement")), line.km.is_not(None), line.rate.is_not(None),
                      line.parking.is_not(None), line.receipt != "", line.correction == sa.true()))
    ).all()
    for line_id, kind, rules, km, rate, parking, receipt, correction in rows:
        details = _json_object(rules or "{}")
        if details is None:
            continue
        figures = {"km": km, "rate": rate, "parking": None if parking is None else _amount(parking)}
        for name, value in figures.items():
            if kind == "travel" or value is not None:
                details[name] = str(value)
        if kind == "disbursement" or receipt:
            details["receipt"] = receipt
        if correction:
            details["correction"] = True
        connection.execute(
            statement_line.update().where(statement_line.c.id == line_id)
            .values(rules=json.dumps(details, ensure_ascii=False, sort_keys=True))
        )

    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.drop_column('correction')
        batch_op.drop_column('receipt')
        batch_op.drop_column('parking')
        batch_op.drop_column('rate')
        batch_op.drop_column('km')


def _json_object(text: str | None) -> dict | None:
    try:
        value = json.loads(text or "")
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _figure(text: str | None) -> str | None:
    """A decimal as the JSON held it (``"None"`` for none), kept as its exact text."""
    return None if text in (None, "None") else str(Decimal(text))


def _cents(text: str) -> int:
    return int((Decimal(text) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def _amount(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
