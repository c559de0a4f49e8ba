"""The base figure of a line: the item, looked up by code and by the mandate's issue date.

Entente art. 53: the tariff "s'applique aux mandats délivrés à compter du 1er avril 2007" —
the date that governs an amount is the mandate's issue date, never the service date. Art. 14:
every service is paid "selon le tarif qui apparaît à l'annexe II". A figure the text lost is
never guessed: the lawyer's own figure stands in for it, or the line has no amount.
"""

from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.rules.additions import lump_sum_share, percentage_of_base
from lawyer_billing.domain.rules.special_consideration import claim_special_consideration, office_fixes_amount
from lawyer_billing.domain.rules.line import Line, fr_money
from lawyer_billing.domain.rules.lookup import Lookup
from lawyer_billing.domain.tariff import ITEM_BASE_PREFIX, TariffError, TariffItem

def build_line(index: int, service: ServiceFacts, mandate: MandateFacts | None, lookup: Lookup) -> Line:
    """A line with its item and tariff figure, or the finding that says why it has none."""
    line = Line(index, service, mandate, lookup.item(service.code))
    if mandate is None:
        line.flag(
            "unknown_mandate",
            f"Le service {service.id} renvoie au mandat « {service.mandate} », qui n'existe pas.",
            "entente art. 14",
        )
    elif line.item is None:
        line.flag(
            "unknown_code",
            f"« {service.code} » n'est pas un article de l'annexe II : corriger le code du service.",
            "entente art. 18",
        )
    return line


def base_amount(line: Line, lookup: Lookup) -> None:
    """The amount before any rule: the tariff's figure, or the amount the lawyer claims where
    the annex says the lawyer claims it (special consideration, art. 14, art. 21)."""
    item, service = line.item, line.service
    if item is None or line.mandate is None:
        return
    if item.kind in ("rule", "group") or item.of == "fee":
        what = "facturer l'un de ses sous-articles" if item.kind == "group" else "c'est une règle que le calcul applique"
        line.flag(
            "not_billable",
            f"{item.code} n'a pas de montant propre ({what}) : choisir l'article du service rendu.",
            "entente art. 18",
        )
    elif item.kind == "special_consideration":
        claim_special_consideration(line)
    elif item.kind == "no_tariff":
        office_fixes_amount(line)
    elif item.of in ("indemnity", "judgment"):
        percentage_of_base(line, lookup)
    else:
        item_figure(line, lookup)
        if line.amount is None:
            return
        if service.shared_lump_sum:
            lump_sum_share(line)
        elif service.amount is not None and line.tariff_amount is not None:
            claim_special_consideration(line)


def item_figure(line: Line, lookup: Lookup) -> None:
    """Art. 14 and 53: the figure of the item for the mandate's issue date, times the units.

    T97 comes first: « La rémunération payable pour des services professionnels rendus par un
    avocat lors d'une déclaration ou d'un plaidoyer de culpabilité à une infraction moindre et
    incluse est celle qui aurait été payable en vertu de l'accusation telle que portée. »
    """
    service, item = line.service, line.item
    assert item is not None
    priced_item = item
    if service.charged_as:
        charged = lookup.item(service.charged_as)
        if charged is None:
            line.flag(
                "unknown_code",
                f"« {service.charged_as} » (accusation telle que portée) n'est pas un article de l'annexe II.",
                "T97",
            )
            return
        priced_item = charged
    if service.tariff_class is None and _needs_class(priced_item, lookup):
        line.flag(
            "class_missing",
            f"{priced_item.code} dépend de la classe de l'action (T20 : I, II, IIIa, IIIb ou IV) : "
            f"indiquer la classe du service.",
            "annexe II T20",
        )
        _lost_figure(line)
        return
    try:
        figure = _figure_of(priced_item, line, lookup)
    except TariffError as error:
        line.flag("no_figure", str(error), "entente art. 53")
        return
    if figure is None:
        _lost_figure(line)
        return
    line.figure = figure
    line.tariff_amount = figure * service.units
    line.amount = line.tariff_amount
    if priced_item is not item:
        line.note(
            "T97",
            f"plaidoyer à une infraction moindre et incluse payé selon l'accusation telle que portée "
            f"({priced_item.code}, {fr_money(figure)})",
        )


def _figure_of(item: TariffItem, line: Line, lookup: Lookup) -> Decimal | None:
    """The figure of an amount, or of a rate of another item (T4, T37b, T44, T50, T80, T91,
    T228b: "les honoraires prévus à l'article ...", "la demie des honoraires ...")."""
    figure = lookup.figure(item, line.issued, line.service.tariff_class)
    if item.kind != "rate" or figure is None:
        return figure
    if not item.of.startswith(ITEM_BASE_PREFIX):
        return None
    other = lookup.item(item.of.removeprefix(ITEM_BASE_PREFIX))
    assert other is not None
    base = lookup.figure(other, line.issued, line.service.tariff_class)
    if base is None:
        return None
    amount = figure * base
    if figure != 1:
        line.note(item.article, f"{_fraction_fr(figure)} des honoraires de {other.code} ({fr_money(base)})")
    return amount


def _needs_class(item: TariffItem, lookup: Lookup) -> bool:
    if item.kind == "rate" and item.of.startswith(ITEM_BASE_PREFIX):
        item = lookup.item(item.of.removeprefix(ITEM_BASE_PREFIX))
    return bool(item.classes)


def _lost_figure(line: Line) -> None:
    """A figure the text of the entente lost: the lawyer's figure, or no amount at all."""
    service = line.service
    if service.amount is None:
        line.flag(
            "amount_missing",
            f"Le montant de {line.code} n'est pas connu (perdu dans le texte de l'entente ou propre au "
            f"dossier) : saisir le montant de ce service.",
            "entente art. 14",
        )
        return
    line.figure = service.amount
    line.set_amount(service.amount * service.units, "art. 14", f"montant de {line.code} saisi par l'avocat ({fr_money(service.amount)})")
    line.flag(
        "amount_entered",
        f"Le montant de {line.code} ({fr_money(service.amount)}) a été saisi par l'avocat, faute de montant "
        f"connu au tarif : en garder la source.",
        "entente art. 14",
    )


def _fraction_fr(fraction: Decimal) -> str:
    names = {Decimal("0.5"): "la moitié", Decimal("0.01"): "1 %"}
    return names.get(fraction.normalize(), f"{fraction.normalize() * 100} %")

