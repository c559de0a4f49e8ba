"""A text longer than its column is refused with a sentence, on every database.

SQLite stores a text of any length in a ``VARCHAR(60)``; PostgreSQL refuses it with an error
that would reach the user as an unexpected failure, and only on the firm's server. Checking
each flush against the columns' declared lengths gives both the same behaviour, under every
writer (form, import, command): ``InvalidRecord`` naming the column as the field (the forms
name their fields after the columns, so the message shows beside the field), nothing written.
"""

from sqlalchemy import String, Text, inspect
from sqlalchemy.orm import Session

from lawyer_billing.domain.validation import FieldProblem, raise_if_any

#: how much of the refused text the message quotes, so the user recognises it
QUOTED = 30


def refuse_texts_too_long(session: Session, _context, _instances) -> None:
    problems = []
    for row in session.new | session.dirty:
        mapper = inspect(row).mapper
        for attribute in mapper.column_attrs:
            column = attribute.columns[0]
            limit = getattr(column.type, "length", None)
            if not isinstance(column.type, String) or isinstance(column.type, Text) or limit is None:
                continue
            value = getattr(row, attribute.key)
            if isinstance(value, str) and len(value) > limit:
                problems.append(FieldProblem(attribute.key, _too_long(value, limit)))
    raise_if_any(problems)


def _too_long(text: str, limit: int) -> str:
    quoted = text[:QUOTED] + ("…" if len(text) > QUOTED else "")
    typed = f"{len(text):,}".replace(",", "\u00a0")
    return f"Texte trop long : au plus {limit} caractères ({typed} saisis, « {quoted} »)."
