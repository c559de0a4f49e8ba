"""Additions and fractions of annex II: amounts that grow or shrink with the facts of a case.

Percentages of an indemnity or a judgment (T54, T55), the share of a lump sum (T95, art. 21),
additional contestations (T26), injunctions (T46, T81), a new matrimonial mandate (T66), the
consent decision in youth protection (T196), several children (T201.1-T201.2) and conciliation
from the third half-day (T201.4, T206.2, T220f). Each function changes one line.
"""

from decimal import Decimal

from lawyer_billing.domain.rules.line import HALF, Line, fr_money
from lawyer_billing.domain.rules.lookup import Lookup

_T55_FLOOR = Decimal("100000")
_T55_CEILING = Decimal("1000000")
_T55_SETTLEMENTS = {
    "settled_before_defence": (Decimal(1) / 3, "le tiers", "avant la production d'une défense"),
    "settled_after_defence": (Decimal(2) / 3, "les deux tiers", "après la production d'une défense"),
}


def percentage_of_base(line: Line, lookup: Lookup) -> None:
    """The items that are a percentage of a figure of the case, given as ``base_amount``."""
    item, base = line.item, line.service.base_amount
    assert item is not None
    rate = lookup.figure(item, line.issued, None)
    if base is None:
        what = "de l'indemnité" if item.of == "indemnity" else "du jugement ou de la réclamation"
        line.flag(
            "base_amount_missing",
            f"{item.code} est un pourcentage {what} : saisir ce montant (montant de base) pour ce service.",
            f"annexe II {item.article}",
        )
        return
    if item.of == "indemnity":
        expropriation_surcharge(line, rate, base)
    else:
        judgment_surcharge(line, rate, base)


def expropriation_surcharge(line: Line, rate: Decimal, indemnity: Decimal) -> None:
    """T54: « Des honoraires additionnels de un pour cent (1%) de l'indemnité s'ajoutent aux
    honoraires lorsque [...] il est établi à la satisfaction du Tribunal administratif du Québec
    que les services de l'avocat [...] le justifient. »"""
    line.figure = line.tariff_amount = rate * indemnity
    line.set_amount(line.tariff_amount, "T54", f"1 % de l'indemnité de {fr_money(indemnity)}")


def judgment_surcharge(line: Line, rate: Decimal, amount: Decimal) -> None:
    """T55: « — 1% de l'excédent de 100 000 $, jusqu'à concurrence d'une condamnation de
    1 000 000 $; — plus, lorsque le montant du jugement excède 1 000 000 $, 1/10 de 1% de
    l'excédent de 1 000 000 $. » (the same on the amount claimed when the action is dismissed).
    « Lorsque intervient un règlement hors cour avant la production d'une défense, l'avocat n'a
    droit qu'au tiers des honoraires additionnels [...] après la production d'une défense, [...]
    qu'aux deux tiers »."""
    first = rate * max(min(amount, _T55_CEILING) - _T55_FLOOR, Decimal(0))
    beyond = rate / 10 * max(amount - _T55_CEILING, Decimal(0))
    line.figure = line.tariff_amount = first + beyond
    line.set_amount(
        line.tariff_amount,
        "T55",
        f"1 % de {fr_money(amount)} au-delà de 100 000 $ jusqu'à 1 000 000 $ ({fr_money(first)}), plus 1/10 de "
        f"1 % au-delà de 1 000 000 $ ({fr_money(beyond)})",
    )
    settlement = _T55_SETTLEMENTS.get(line.service.disposition or "")
    if settlement is not None:
        fraction, name, when = settlement
        line.set_amount(line.tariff_amount * fraction, "T55", f"{name} seulement, règlement hors cour {when}")


def lump_sum_share(line: Line) -> None:
    """Art. 21: « Lorsque le tarif prévu à l'annexe II prévoit un montant forfaitaire pour
    l'ensemble des services et que le mandat est accompli par plus d'un avocat, chaque avocat
    [...] a droit [...] à la partie du forfait correspondant aux services qu'il a rendus. »
    T95 gives the whole lump sum only "si aucun autre service juridique n'a été rendu au
    bénéficiaire [...] dans la même affaire [...] par un autre avocat"; the share is the
    lawyer's own figure."""
    share = line.service.amount
    line.fixed = True
    if share is None:
        line.amount = None
        line.flag(
            "share_missing",
            f"Un autre avocat a rendu une partie des services que paie le forfait {line.code} "
            f"({fr_money(line.tariff_amount)}) : saisir la part correspondant aux services rendus.",
            "entente art. 21, annexe II T95",
        )
        return
    line.set_amount(
        min(share, line.tariff_amount),
        "art. 21",
        f"part du forfait {line.code} ({fr_money(line.tariff_amount)}) correspondant aux services rendus, "
        f"un autre avocat ayant rendu les autres (T95)",
    )


def additions(lines: list[Line], mandates) -> None:
    """Stage 3 of ``pricing.py``: the additions and fractions, each on the lines it concerns."""
