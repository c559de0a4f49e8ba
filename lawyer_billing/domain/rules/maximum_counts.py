"""Maximum counts: items the annex pays only so many times, or not together.

The maxima are data (``max_count``/``max_scope`` of the tariff records: T32b, T40a, T55, T56,
T63-1, T69a, T69b, T69d, T119); the items that exclude each other (T67f, T117/T118) and the
day rule of T117-T118 are named here. Lines are counted in the order the services were
rendered (date, start time, service id), so an excess line is the later one whatever the
input order; it keeps its line with amount 0.00 and a finding that names the lines counted.
"""

from collections import defaultdict
from datetime import time
from decimal import Decimal

from lawyer_billing.domain.rules.line import Line, fr_money
from lawyer_billing.domain.rules.lookup import Lookup
from lawyer_billing.domain.tariff import TariffItem

#: T117-T118: the attendances on which the client "a été trouvé coupable" or "a enregistré un
#: plaidoyer de culpabilité" (a line with that disposition, or T115, the plea attendance)
_GUILT_DISPOSITIONS = frozenset({"found_guilty", "guilty_plea"})
_PLEA_ITEM = "T115"
_SENTENCING_ITEMS = ("T117", "T118")
_T119 = "T119"


def maximum_counts(lines: list[Line], lookup: Lookup) -> None:
    """Apply, in this order, the day rule of T117-T118, the exclusive pairs and the maxima."""
    chronological = sorted(lines, key=_rendered)
    sentencing_on_another_day(chronological)
    only_one_of(chronological, ("T67d", "T67e"), "T67f", by_day=False)
    only_one_of(chronological, _SENTENCING_ITEMS, "T118", by_day=True)
    counted_maximum(chronological, lookup)


def counted_maximum(lines: list[Line], lookup: Lookup) -> None:
    """The maxima of the tariff data: « un maximum de deux jugements dans une même affaire »
    (T56), « un maximum de deux de ces jugements de prolongation ou de reconduction dans une
    même affaire » (T63-1, T69d), « qu'une seule fois dans une même affaire » (T69a, T69b),
    « L'avocat ne peut réclamer les honoraires de plus de deux ajournements obtenus à sa
    demande » (T119: adjournments obtained otherwise are not counted)."""
    used: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for line in lines:
        if line.amount is None or line.item is None:
            continue
        limited = _limited_item(line.item, lookup)
        if limited is None or (limited.code == _T119 and not line.service.at_own_request):
            continue
        scope = line.matter if limited.max_scope == "matter" else line.mandate.id
        earlier = used[(scope, limited.code)]
        if len(earlier) >= limited.max_count:
            where = "dans la même affaire" if limited.max_scope == "matter" else "dans le même mandat"
            _refuse(
                line,
                limited.article,
                f"{limited.code} est payable au plus {limited.max_count} fois {where}, déjà réclamé par "
                f"{_names(earlier)}",
            )
        else:
            earlier.append(line)


def sentencing_on_another_day(lines: list[Line]) -> None:
    """T118: « L'une ou l'autre des prestations prévues aux articles T117 ou T118 ne s'applique
    que si la vacation pour fins de sentence a lieu un autre jour que celui où le client a été
    trouvé coupable ou que celui où il a enregistré un plaidoyer de culpabilité. »"""
    guilt_days: dict[tuple[str, object], list[Line]] = defaultdict(list)
    for line in lines:
        if line.service.disposition in _GUILT_DISPOSITIONS or line.code == _PLEA_ITEM:
            guilt_days[(line.service.mandate, line.service.date)].append(line)
    for line in lines:
        if line.code not in _SENTENCING_ITEMS or line.amount is None:
            continue
        guilt = guilt_days.get((line.service.mandate, line.service.date))
        if guilt:
            _refuse(
                line,
                "T118",
                f"la vacation pour la sentence a lieu le jour même de la déclaration ou du plaidoyer de "
                f"culpabilité ({_names(guilt)})",
            )


def only_one_of(lines: list[Line], codes: tuple[str, ...], article: str, by_day: bool) -> None:
    """T67f: « Un seul des deux honoraires prévus aux paragraphes d et e peut être réclamé. »
    T118: « L'une ou l'autre des prestations prévues aux articles T117 ou T118 » (for one
    sentencing attendance). The best-paid line is kept (the earlier one on a tie)."""
    claimed: dict[tuple, list[Line]] = defaultdict(list)
    for line in lines:
        if line.code in codes and line.amount is not None:
            key = (line.service.mandate, line.service.date) if by_day else (line.matter,)
            claimed[key].append(line)
    for together in claimed.values():
        kept = max(together, key=lambda line: line.amount)
        for line in together:
            if line is not kept:
                _refuse(
                    line,
                    article,
                    f"un seul des articles {' et '.join(codes)} peut être réclamé ; {_names([kept])} "
                    f"({fr_money(kept.amount)}) est retenu",
                )


def _limited_item(item: TariffItem, lookup: Lookup) -> TariffItem | None:
    """The item whose maximum a line counts against: its own, or its group's (T56 a) and b)
    together)."""
    if item.max_count is not None:
        return item
    parent = lookup.item(item.article) if item.article != item.code else None
    return parent if parent is not None and parent.max_count is not None else None


def _refuse(line: Line, article: str, reason_fr: str) -> None:
    line.set_amount(Decimal(0), article, f"non payable : {reason_fr}")
    line.flag(
        "max_count_exceeded", f"{line.code} ({line.service.id}) non payable : {reason_fr}.", f"annexe II {article}"
    )


def _names(lines: list[Line]) -> str:
    return ", ".join(f"{line.service.id} du {line.service.date.isoformat()}" for line in lines)


def _rendered(line: Line) -> tuple:
    return (line.service.date, line.service.start or time.min, line.service.id)
