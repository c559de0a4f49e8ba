"""Additions and fractions of annex II: amounts that grow or shrink with the facts of a case.

Percentages of an indemnity or a judgment (T54, T55), the share of a lump sum (T95, art. 21),
additional contestations (T26), injunctions (T46, T81), a new matrimonial mandate (T66), the
consent decision in youth protection (T196, not for a contested review under T195), several
children (T201.1, or T201.2 for a parent) and conciliation from the third half-day (T201.4,
T206.2, T220f). Each function changes one line.
"""

from datetime import date
from decimal import Decimal
from typing import Mapping

from lawyer_billing.domain.billing import MandateFacts

from lawyer_billing.domain.rules.line import HALF, Line, fr_money
from lawyer_billing.domain.rules.lookup import Lookup

_T66_ARTICLES = frozenset(f"T{n}" for n in range(57, 66))
_T201_1_FROM = date(2008, 1, 1)
_T201_1_ARTICLES = frozenset({"T193", "T194", "T195", "T196", "T197", "T198", "T199", "T200", "T201"})
#: T201.4, T206.2, T220f: « plus 165 $ par demi-journée [...] à compter de la troisième »
_FROM_THIRD_HALF_DAY = frozenset({"T201.4", "T206.2", "T220f"})
_PART_4 = "Partie 4"
_T55_FLOOR = Decimal("100000")
_T55_CEILING = Decimal("1000000")
_T55_SETTLEMENTS = {
    "settled_before_defence": (Decimal(1) / 3, "le tiers", "avant la production d'une défense"),
    "settled_after_defence": (Decimal(2) / 3, "les deux tiers", "après la production d'une défense"),
}


def percentage_of_base(line: Line, lookup: Lookup) -> None:
    """The items that are a percentage of a figure of the case, given as ``base_amount``.

    T54 also says that before a tribunal other than the TAQ « les honoraires applicables sont
    ceux prévus à la classe II article T3a ». The annex has no T3a (T3 is a single amount, the
    request to cease to occupy), and nothing in the text says which item was meant (T33a?
    T37a?): the reference is kept as written in the item's note, never resolved to a guess; the
    lawyer bills the class II item of the service rendered.
    """
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
    T95 (Part 4) gives the whole lump sum only « si aucun autre service juridique n'a été rendu
    au bénéficiaire, dans le cadre ou non de la Loi sur l'aide juridique [...], dans la même
    affaire par un avocat à l'emploi d'un centre d'aide juridique ou par un autre avocat
    exerçant en cabinet privé »; the share is the lawyer's own figure.

    Why a flag (``shared_lump_sum``) and not a detection: the facts the engine has are the
    lawyer's own mandates and services. The services T95 speaks of are rendered by another
    lawyer, a legal-aid centre's or a private one, possibly outside legal aid, and appear in
    none of them; two mandates of one matter may both be this lawyer's. Nor does the text tie
    the sharing to a substitution the data records: art. 21 is « sous réserve » of art. 15's
    paragraph on replacement (« le troisième alinéa »; the extracted text runs its first two
    together), under which a replacement under art. 81.1 of the regulation is paid « comme
    s'il n'y avait pas eu remplacement ». Only the lawyer knows, so the lawyer says so.
    """
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
    t95 = " (T95)" if line.item.part.startswith(_PART_4) else ""
    line.set_amount(
        min(share, line.tariff_amount),
        "art. 21",
        f"part du forfait {line.code} ({fr_money(line.tariff_amount)}) correspondant aux services rendus, "
        f"un autre avocat ayant rendu les autres{t95}",
    )


def additions(lines: list[Line], mandates: Mapping[str, MandateFacts]) -> None:
    """Stage 3 of ``pricing.py``: each addition or fraction on the lines it concerns."""
    for line in lines:
        if not line.priced:
            continue
        code, article, service = line.code, line.item.article, line.service
        if code in ("T35", "T36") and service.contestations > 1:
            additional_contestations(line)
        if service.injunction and code in ("T36", "T78"):
            injunction_judgment(line)
        if article in _T66_ARTICLES and line.mandate.earlier_mandate:
            new_matrimonial_mandate(line, mandates.get(line.mandate.earlier_mandate))
        if code in ("T194", "T195") and service.disposition == "consent":
            if code == "T195" and service.contested_hearing:
                contested_review(line)
            else:
                decision_by_consent(line)
        if article in _T201_1_ARTICLES and service.children > 1:
            several_children_on_one_line(line)
        if code in _FROM_THIRD_HALF_DAY:
            conciliation_from_the_third_half_day(line)


def additional_contestations(line: Line) -> None:
    """T26: « Lorsque plusieurs défendeurs produisent des contestations distinctes, l'avocat du
    demandeur reçoit pour chaque contestation additionnelle la moitié des honoraires prévus à
    l'article T35 ou à l'article T36 de la présente annexe, selon l'état des procédures. »"""
    extra = line.service.contestations - 1
    line.set_amount(
        line.amount + line.amount * HALF * extra,
        "T26",
        f"moitié des honoraires de {line.code} ({fr_money(line.amount)}) pour chacune des {extra} contestation(s) "
        f"additionnelle(s)",
    )


def injunction_judgment(line: Line) -> None:
    """T46 (first instance): « Dans le cas où le jugement sur la requête en injonction permanente
    intervient après un jugement sur une requête en injonction interlocutoire, l'avocat a droit
    aux honoraires taxables sur un jugement au mérite majorés de la moitié. » T81 (Court of
    Appeal): « le montant d'honoraires pour le jugement au fond est égal à la demie des
    honoraires de la classe qui s'y applique ». Otherwise the merits fee, unchanged. The class
    floors (IIIa for T46, II for T81) were applied to the figure in stage 1
    (``civil_classes.injunction_class_floor``)."""
    if not line.service.after_interlocutory:
        return
    if line.code == "T36":
        line.set_amount(
            line.amount * (1 + HALF),
            "T46",
            "injonction permanente après un jugement sur l'injonction interlocutoire : honoraires du jugement au "
            "mérite majorés de la moitié",
        )
    else:
        line.set_amount(
            line.amount * HALF,
            "T81",
            "injonction au fond après un jugement de la Cour d'appel sur l'injonction interlocutoire : la demie des "
            "honoraires de la classe",
        )


def new_matrimonial_mandate(line: Line, earlier: MandateFacts | None) -> None:
    """T66: « Si un nouveau mandat est délivré pour une ou plusieurs nouvelles instances en
    séparation de corps ou en divorce dans les douze mois de la délivrance d'un premier mandat,
    la demie seulement des honoraires ci-haut est payable lorsque le même procureur représente
    la même partie en demande à chaque occasion; dans tous les autres cas [...] les honoraires
    sont payables intégralement. »"""
    mandate = line.mandate
    if earlier is None:
        line.flag(
            "earlier_mandate_missing",
            f"Le mandat {mandate.earlier_mandate} (premier mandat, T66) est introuvable : la moitié des "
            f"honoraires s'applique peut-être.",
            "annexe II T66",
        )
        return
    within_a_year = earlier.issued < mandate.issued <= _one_year_after(earlier.issued)
    same_plaintiff = earlier.client == mandate.client and earlier.party == mandate.party == "plaintiff"
    if within_a_year and same_plaintiff:
        line.set_amount(
            line.amount * HALF,
            "T66",
            f"la demie seulement : nouveau mandat délivré le {mandate.issued.isoformat()}, dans les douze mois du "
            f"mandat {earlier.name} du {earlier.issued.isoformat()}, pour la même partie en demande",
        )


def decision_by_consent(line: Line) -> None:
    """T196: « Toutefois, lorsque la décision finale prévue aux articles T194 et T195 est rendue
    alors qu'il y a consentement et sans qu'il n'y ait audition de témoin, l'avocat n'a droit
    qu'à la moitié des honoraires ». (T195: payable in full « si la contestation d'une des
    parties en litige nécessite la tenue d'une audition » — then the disposition is not
    consent.)"""
    line.set_amount(line.amount * HALF, "T196", "décision finale sur consentement, sans audition de témoin : moitié")


def contested_review(line: Line) -> None:
    """T195: « Le tarif prévu au présent article est payable nonobstant les dispositions de
    l'article T196 si la contestation d'une des parties en litige nécessite la tenue d'une
    audition. » A review whose contestation required a hearing is paid in full, even when the
    final decision is then rendered by consent (``contested_hearing``). The exception is
    T195's own: a T194 decision by consent stays under T196."""
    line.note(
        "T195",
        f"payable en entier malgré T196 ({fr_money(line.amount)}) : la contestation d'une partie a nécessité la "
        f"tenue d'une audition",
    )


def several_children_on_one_line(line: Line) -> None:
    """T201.1: « Les honoraires prévus pour le premier enfant sont majorés de 50% pour le
    deuxième enfant. — Les honoraires prévus pour le premier enfant sont majorés de 50% pour
    l'ensemble des autres enfants. » T201.2: « Lorsqu'un avocat représente un parent dont plus
    d'un enfant est visé par les procédures du Directeur de la protection de la jeunesse, il a
    droit aux honoraires prévus à T201.1 avec les adaptations nécessaires. » The adaptation read
    here: the parent's fee is the item's fee increased as T201.1 increases the first child's,
    by the number of the parent's children concerned; the line cites T201.2, the item the
    lawyer bills under. Art. 53: mandates issued from 1 January 2008."""
    if line.issued < _T201_1_FROM:
        line.flag(
            "t201_1_not_in_force",
            "La majoration pour plusieurs enfants (T201.1-T201.2) ne vaut que pour les mandats délivrés à compter "
            "du 2008-01-01.",
            "entente art. 53",
        )
        return
    children = line.service.children
    increases = 1 if children == 2 else 2
    first = line.amount
    more = " et de 50 % pour l'ensemble des autres" if increases == 2 else ""
    if line.service.represents == "parent":
        line.set_amount(
            first + first * HALF * increases,
            "T201.2",
            f"parent dont {children} enfants sont visés par les procédures : honoraires ({fr_money(first)}) majorés "
            f"de 50 % pour le deuxième enfant{more}, comme le prévoit T201.1",
        )
        return
    line.set_amount(
        first + first * HALF * increases,
        "T201.1",
        f"{children} enfants : honoraires du premier enfant ({fr_money(first)}) majorés de 50 % pour le deuxième"
        + more,
    )


def conciliation_from_the_third_half_day(line: Line) -> None:
    """T201.4, T206.2, T220f: a conciliation or mediation that ends the dispute pays the fee of
    the item it replaces (T194, T202b, T220a-b: billed on their own line) « plus 165 $ par
    demi-journée de conciliation ou de médiation à compter de la troisième demi-journée »."""
    half_days = round(line.amount / line.figure)
    paid = max(half_days - 2, 0)
    if paid != half_days:
        line.set_amount(
            line.figure_for(paid),
            line.code,
            f"{half_days} demi-journée(s) de conciliation ou de médiation : payable à compter de la troisième "
            f"({paid} × {fr_money(line.figure)})",
        )


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
