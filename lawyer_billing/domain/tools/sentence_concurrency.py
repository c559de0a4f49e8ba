"""Whether a new sentence runs alongside the earlier ones or after them.

Guide de calcul des peines (MSP, 2022), « Peines multiples : concurrence et consécutivité ».
The base rule is concurrency: a sentence begins when it is imposed or when the warrant is
executed (art. 719(1) C.cr., art. 239 Cpp). Two exceptions override it, in this order:

1. the judge orders the sentence consecutive (art. 718.3(4) C.cr.), to every other sentence,
   to the one being served, or to a named case or count — or orders it concurrent;
2. absent an order, the table of defaults, where a statute makes some sentences consecutive
   (art. 351 Cpp):

   ============= ==============================================================
   C.cr. + Cpp   consecutive if the Cpp warrant was issued on or after 1 March 1996
                 and on or after the C.cr. sentence (footnotes 16 and 17)
   C.cr. + C.cr. concurrent
   Cpp + Cpp     consecutive if the new warrant's issue date is the same or later
                 (footnote 15: an earlier one is concurrent)
   Cpp + C.cr.   concurrent
   ============= ==============================================================

The guide counts every federal statute with the C.cr. and every provincial one with the Cpp.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Protocol

from lawyer_billing.domain.dated import DatedValues
from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.sentence_days import GUIDE

MULTIPLE_SENTENCES = f"{GUIDE}, « Peines multiples : concurrence et consécutivité »"


class Statute(Enum):
    """The law a sentence was imposed under, as the guide groups them."""

    CRIMINAL_CODE = "C.cr."
    PENAL_PROCEDURE = "Cpp"


class JudgeOrder(Enum):
    """What the judge said about concurrency; the guide's three wordings of "consecutive"."""

    NONE = "aucune ordonnance"
    CONCURRENT = "concurrente"
    CONSECUTIVE = "consécutive à toute autre peine"
    CONSECUTIVE_TO_CURRENT = "consécutive à la peine purgée actuellement"
    CONSECUTIVE_TO_NAMED = "consécutive à une cause ou un chef nommé"


# Footnote 16: a Cpp sentence following a C.cr. one is consecutive only from 1 March 1996;
# before that date it was concurrent.
CPP_AFTER_CRIMINAL_CODE_IS_CONSECUTIVE: DatedValues[bool] = DatedValues.of(
    {date.min: False, date(1996, 3, 1): True}
)


class Warrant(Protocol):
    """What the concurrency rules read from a sentence."""

    @property
    def ident(self) -> str: ...

    @property
    def statute(self) -> Statute: ...

    @property
    def issue_date(self) -> date: ...

    @property
    def order(self) -> JudgeOrder: ...

    @property
    def consecutive_to(self) -> "str | None": ...


@dataclass(frozen=True)
class Concurrency:
    """The earlier sentences a new one follows (empty when concurrent), and why."""

    follows: tuple[str, ...]
    rule_fr: str

    @property
    def is_consecutive(self) -> bool:
        return bool(self.follows)


def decide_concurrency(new: Warrant, earlier: Sequence[Warrant]) -> Concurrency:
    """Apply the judge's order if there is one, else the table of defaults."""
    if not earlier:
        return Concurrency(
            (),
            "première peine : elle commence le jour où elle est imposée ou le mandat exécuté"
            " (art. 719(1) C.cr., art. 239 Cpp)",
        )
    if new.order is JudgeOrder.CONCURRENT:
        return Concurrency((), f"concurrente par ordonnance du juge ({MULTIPLE_SENTENCES})")
    if new.order is JudgeOrder.CONSECUTIVE_TO_NAMED:
        return Concurrency(
            (str(new.consecutive_to),),
            f"consécutive à « {new.consecutive_to} » par ordonnance du juge (art. 718.3(4) C.cr.)",
        )
    if new.order is JudgeOrder.CONSECUTIVE:
        follows = tuple(w.ident for w in earlier if w.issue_date <= new.issue_date)
        return Concurrency(
            follows,
            "consécutive à toute peine imposée antérieurement ou le même jour, par ordonnance"
            " du juge (art. 718.3(4) C.cr.)",
        )
    if new.order is JudgeOrder.CONSECUTIVE_TO_CURRENT:
        follows = tuple(w.ident for w in earlier if w.issue_date < new.issue_date)
        return Concurrency(
            follows,
            "consécutive aux peines imposées antérieurement, par ordonnance du juge (art. 718.3(4) C.cr.)",
        )
    return _default_concurrency(new, earlier)


def _default_concurrency(new: Warrant, earlier: Sequence[Warrant]) -> Concurrency:
    """The guide's table of defaults, read for each earlier sentence."""
    if new.statute is Statute.CRIMINAL_CODE:
        return Concurrency(
            (), f"C.cr. après une autre peine : concurrente sauf ordonnance contraire ({MULTIPLE_SENTENCES})"
        )
    follows = tuple(w.ident for w in earlier if _cpp_follows(new, w))
    if follows:
        return Concurrency(
            follows,
            f"peine Cpp émise le {format_date_fr(new.issue_date)}, le même jour ou après les mandats"
            f" précédents : consécutive (art. 351 Cpp ; {MULTIPLE_SENTENCES})",
        )
    return Concurrency(
        (),
        f"peine Cpp émise le {format_date_fr(new.issue_date)}, avant les mandats précédents ou avant"
        f" le 1er mars 1996 : concurrente ({MULTIPLE_SENTENCES}, notes 15 à 17)",
    )


def _cpp_follows(new: Warrant, earlier: Warrant) -> bool:
    """Cpp + Cpp and C.cr. + Cpp rows of the table (footnotes 15 to 17)."""
    if new.issue_date < earlier.issue_date:
        return False
    if earlier.statute is Statute.PENAL_PROCEDURE:
        return True
    return bool(CPP_AFTER_CRIMINAL_CODE_IS_CONSECUTIVE.at(new.issue_date))
