"""Problems with what a user typed, named by field, so each form shows them beside the field.

Every entry point (a form, an import, a command) checks a record with the same function and
gets every problem at once; nothing is saved while one remains.
"""

from collections.abc import Sequence
from dataclasses import dataclass


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


def raise_if_any(problems: Sequence[FieldProblem]) -> None:
    if problems:
        raise InvalidRecord(problems)
