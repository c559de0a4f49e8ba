"""Problems with what a user typed, named by field, so each form shows them beside the field.

Every entry point (a form, an import, a command) checks a record with the same function and
gets every problem at once; nothing is saved while one remains.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lawyer_billing.domain.money import round_cents


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message_fr: str

    def __str__(self) -> str:
        return self.message_fr


class InvalidRecord(ValueError):
    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def for_field(self, name: str) -> list[str]:
        return [p.message_fr for p in self.problems if p.field == name]


def finer_than_a_cent(field: str, amount: Decimal) -> list[FieldProblem]:
    """An amount is stored in cents: a third decimal would be rounded away unseen, so it is
    refused rather than saved changed."""
    if amount == round_cents(amount):
        return []
    return [FieldProblem(field, "Le montant s'exprime en cents (deux décimales au plus).")]


def raise_if_any(problems: Sequence[FieldProblem]) -> None:
    if problems:
        raise InvalidRecord(problems)
