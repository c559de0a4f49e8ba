"""Several beneficiaries of one event, heard together: T99 (criminal and penal matters), T187
(miscellaneous matters) and, despite T187, T201.1 for several children of one family (two
parents heard together are beneficiaries grouped under T187: T201.1 speaks of children only).

Beneficiaries are grouped by the service's ``co_accused_group``; they are heard "à peu près au
même moment" when their lines share the court, the date and the item and, if all give times,
overlap or start in the same half-day (morning, afternoon, evening: ``half_day.py``).
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from lawyer_billing.domain.rules.half_day import EVENING, MIDDAY
from lawyer_billing.domain.rules.line import HALF, Line, at_court, fr_money

_T201_1_FROM = date(2008, 1, 1)
_YOUTH_PROTECTION = "Loi sur la protection de la jeunesse"


def several_beneficiaries(lines: list[Line]) -> None:
    """Share the fee among the beneficiaries of each hearing, by the rule of the item's Part."""
    hearings: dict[tuple[str, str, date, str], list[Line]] = defaultdict(list)
    for line in lines:
        if line.priced and line.service.co_accused_group and line.item.part.startswith(("Partie 4", "Partie 5")):
            service = line.service
            hearings[(service.co_accused_group, service.court, service.date, line.code)].append(line)
    for hearing in hearings.values():
        for together in _about_the_same_time(hearing):
            beneficiaries = _one_line_per_beneficiary(together)
            if len(beneficiaries) < 2:
                continue
            first, others = beneficiaries[0], beneficiaries[1:]
            if first.item.part.startswith("Partie 4"):
                half_for_each_other_beneficiary(first, others)
            elif _is_youth_protection(first) and all(line.service.represents == "child" for line in beneficiaries):
                several_children(first, others)
            else:
                one_fee_for_all_beneficiaries(first, others)


def half_for_each_other_beneficiary(first: Line, others: list[Line]) -> None:
    """T99: « Lorsqu'un avocat représente deux bénéficiaires ou plus, inculpés pour la même
    infraction ou d'une infraction similaire découlant d'un même événement et lorsque les
    procédures ont lieu à la même cour et à peu près au même moment, l'avocat a droit à la
    moitié de la rémunération prévue pour les services professionnels rendus à chacun des autres
    bénéficiaires, sauf le cas d'une considération spéciale. »"""
    for line in others:
        line.set_amount(
            line.amount * HALF,
            "T99",
            f"moitié de la rémunération pour {line.client}, {first.client} recevant la pleine rémunération "
            f"pour le même événement ({first.service.date.isoformat()}{at_court(first.service.court)})",
        )


def one_fee_for_all_beneficiaries(first: Line, others: list[Line]) -> None:
    """T187: « Lorsqu'un avocat représente deux ou plusieurs bénéficiaires groupés juridiquement
    ou de fait et parties à un ou des litiges basé(s) sur une cause d'action de même nature
    instruit(s) devant un même tribunal [...] et à peu près au même moment, l'avocat n'a droit
    qu'à la rémunération prévue pour les services professionnels rendus à un bénéficiaire sauf le
    cas d'une considération spéciale. »"""
    for line in others:
        line.set_amount(
            Decimal(0),
            "T187",
            f"une seule rémunération pour les bénéficiaires groupés, payée pour {first.client} "
            f"({first.service.date.isoformat()}{at_court(first.service.court)})",
        )


def several_children(first: Line, others: list[Line]) -> None:
    """T201.1: « Malgré l'article T187, lorsqu'un avocat représente plus d'un enfant de la même
    famille: — Les honoraires prévus pour le premier enfant sont majorés de 50% pour le deuxième
    enfant. — Les honoraires prévus pour le premier enfant sont majorés de 50% pour l'ensemble
    des autres enfants. » Art. 53: for mandates issued from 1 January 2008; before, T187."""
    if first.issued < _T201_1_FROM:
        one_fee_for_all_beneficiaries(first, others)
        return
    second, rest = others[0], others[1:]
    increase = first.amount * HALF
    second.set_amount(
        increase,
        "T201.1",
        f"majoration de 50 % des honoraires du premier enfant ({fr_money(first.amount)}) pour le deuxième enfant",
    )
    for line in rest:
        line.set_amount(
            increase / len(rest),
            "T201.1",
            f"part de la majoration de 50 % des honoraires du premier enfant ({fr_money(increase)}) pour "
            f"l'ensemble des {len(rest)} autres enfants",
        )


def _is_youth_protection(line: Line) -> bool:
    return (line.item.section or "").startswith(_YOUTH_PROTECTION)


def _about_the_same_time(hearing: list[Line]) -> list[list[Line]]:
    """The lines of one hearing that overlap or start in the same half-day; all of them if a
    line has no times."""
    if any(line.service.start is None or line.service.end is None for line in hearing):
        return [hearing]
    ordered = sorted(hearing, key=lambda line: (line.service.start, line.service.end, line.service.id))
    groups = [[ordered[0]]]
    latest_end = ordered[0].service.end
    for line in ordered[1:]:
        previous = groups[-1][-1]
        if line.service.start < latest_end or _half_day(line) == _half_day(previous):
            groups[-1].append(line)
            latest_end = max(latest_end, line.service.end)
        else:
            groups.append([line])
            latest_end = line.service.end
    return groups


def _half_day(line: Line) -> int:
    start = line.service.start
    return 0 if start < MIDDAY else 1 if start < EVENING else 2


def _one_line_per_beneficiary(together: list[Line]) -> list[Line]:
    """The best-paid line of each client, best first (ties by client, then service id, so the
    result does not depend on the input order).

    The first is the beneficiary paid in full. T99 and T187 do not say which one it is (« la
    moitié de la rémunération [...] à chacun des autres bénéficiaires »; « la rémunération
    prévue pour les services professionnels rendus à un bénéficiaire »); as T98 says for
    informations (« la pleine rémunération pour la [...] mieux rémunérée »), the best paid is
    taken. On a tie the choice changes which line carries the reduction, never the total.
    """
    ordered = sorted(together, key=lambda line: (-line.amount, line.client, line.service.id))
    best: dict[str, Line] = {}
    for line in ordered:
        best.setdefault(line.client, line)
    return list(best.values())

