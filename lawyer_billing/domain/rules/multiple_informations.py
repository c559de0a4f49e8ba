"""Several informations (« dénonciations ») of one client heard the same day: T98.

(T97, the plea to a lesser included offence paid as charged, changes the base figure and is in
``base.py``.)
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from lawyer_billing.domain.rules.line import HALF, Line, at_court

#: the attendances T98 speaks of: « le procès ou encore une audition au cours de laquelle il y a
#: un plaidoyer de culpabilité »
T98_DISPOSITIONS = frozenset({"trial", "guilty_plea"})


def several_informations(lines: list[Line]) -> None:
    """T98: « Lorsqu'un avocat représente un client inculpé de plus d'une dénonciation et que le
    procès ou encore une audition au cours de laquelle il y a un plaidoyer de culpabilité quant
    aux divers chefs d'accusation a lieu à la même cour et la même journée, l'avocat a droit à la
    pleine rémunération pour la dénonciation la mieux rémunérée et à la moitié du tarif prévu
    pour chacune des autres dénonciations. »

    Each mandate is one information; the best paid is the one whose lines of that day total
    most. On a tie the text has no preference and none is needed: full for one and half for
    the others come to the same total whichever is chosen; the first mandate id is taken, so
    the result does not depend on the input order.
    """
    hearings: dict[tuple[str, date, str], dict[str, list[Line]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        if line.priced and line.service.disposition in T98_DISPOSITIONS and line.item.part.startswith("Partie 4"):
            key = (line.client, line.service.date, line.service.court)
            hearings[key][line.mandate].append(line)
    for (_, day, court), by_mandate in hearings.items():
        if len(by_mandate) < 2:
            continue
        best = min(by_mandate, key=lambda mandate: (-sum(line.amount for line in by_mandate[mandate]), mandate.id))
        for mandate, informations in by_mandate.items():
            if mandate == best:
                continue
            for line in informations:
                line.set_amount(
                    line.amount * HALF,
                    "T98",
                    f"moitié du tarif pour la dénonciation {mandate.name}, la dénonciation {best.name} étant la mieux "
                    f"rémunérée le {day.isoformat()}{at_court(court)}",
                )

