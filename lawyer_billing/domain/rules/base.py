"""The base figure of a line: the item, looked up by code and by the mandate's issue date.

Entente art. 53: the tariff "s'applique aux mandats délivrés à compter du 1er avril 2007" —
the date that governs an amount is the mandate's issue date, never the service date. Art. 14:
every service is paid "selon le tarif qui apparaît à l'annexe II". A figure the text lost is
never guessed: the lawyer's own figure stands in for it, or the line has no amount.
"""

from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.rules.additions import lump_sum_share, percentage_of_base
from lawyer_billing.domain.rules.civil_classes import action_class, interlocutory_appeal_excluded
from lawyer_billing.domain.rules.line import Line, fr_money
from lawyer_billing.domain.rules.lookup import Lookup
from lawyer_billing.domain.rules.special_consideration import claim_special_consideration, office_fixes_amount
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
    the annex says the lawyer claims it (special consideration, art. 14, art. 21).

    What the lawyer's ``amount`` means, read from the text:

    - on an item whose figure is known, a claim *above* the tariff is a special consideration:
      T8, « les services professionnels de l'avocat font l'objet d'un dépassement des
      honoraires prévus au tarif [...] En pareil cas, l'avocat soumet [...] une demande de
      considération spéciale ». The claim is the whole line's (the Commission fixes « le
      montant du dépassement », T9), so it is not multiplied by the units. A figure at or below
      the tariff is no « dépassement »: the tariff applies, and a lower figure is flagged;
    - on an item whose figure the text lost, it is the figure per unit the text would have
      given (art. 14: every service is paid « selon le tarif »): it is multiplied by the units
      and the rules (T96, T46, T26...) apply to it as to a tariff figure (``_lost_figure``);
    - with ``shared_lump_sum``, it is the lawyer's share of a lump sum (art. 21).
    """
    item, service = line.item, line.service
    if item is None or line.mandate is None:
        return
    if item.kind in ("rule", "group") or item.of == "fee":
        if item.kind == "group":
            what = "facturer l'un de ses sous-articles"
        elif item.of == "fee":
            what = (
                "il majore les honoraires d'un autre article : facturer cet article en indiquant le nombre "
                "d'enfants et la personne représentée"
            )
        else:
            what = "c'est une règle que le calcul applique"
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
            if service.amount > line.tariff_amount:
                claim_special_consideration(line)
            elif service.amount < line.tariff_amount:
                amount_below_tariff(line)


def amount_below_tariff(line: Line) -> None:
    """T8 pays a « dépassement des honoraires prévus au tarif »; art. 14 pays every service
    « selon le tarif ». A figure below the tariff is neither: the tariff stands, and the
    lawyer is told why the figure was not used (a share of a lump sum is ``shared_lump_sum``,
    art. 21)."""
    line.flag(
        "amount_ignored",
        f"Le montant saisi pour {line.code} ({fr_money(line.service.amount)}) est inférieur au tarif "
        f"({fr_money(line.tariff_amount)}) : le tarif s'applique. Une demande de considération spéciale ne vaut que "
        f"pour un dépassement (T8) ; la part d'un forfait partagé avec un autre avocat se saisit comme telle "
        f"(art. 21).",
        "annexe II T8, entente art. 14",
    )


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
    if interlocutory_appeal_excluded(line):
        return
    tariff_class = action_class(line, priced_item, lookup)
    if tariff_class is None and _needs_class(priced_item, lookup):
        line.flag(
            "class_missing",
            f"{priced_item.code} dépend de la classe de l'action (T20 : I, II, IIIa, IIIb ou IV) : "
            f"indiquer la classe du service.",
            "annexe II T20",
        )
        _lost_figure(line, None)
        return
    try:
        figure = _figure_of(priced_item, line, lookup, tariff_class)
    except TariffError as error:
        line.flag("no_figure", str(error), "entente art. 53")
        return
    if figure is None:
        _lost_figure(line, tariff_class if _needs_class(priced_item, lookup) else None)
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


def _figure_of(item: TariffItem, line: Line, lookup: Lookup, tariff_class: str | None) -> Decimal | None:
    """The figure of an amount, or of a rate of another item (T4, T37b, T44, T50, T80, T91,
    T228b: "les honoraires prévus à l'article ...", "la demie des honoraires ..."), in the
    class of the action when the item is paid by class."""
    figure = lookup.figure(item, line.issued, tariff_class)
    if item.kind != "rate" or figure is None:
        return figure
    if not item.of.startswith(ITEM_BASE_PREFIX):
        return None
    other = lookup.item(item.of.removeprefix(ITEM_BASE_PREFIX))
    assert other is not None
    base = lookup.figure(other, line.issued, tariff_class)
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


def _lost_figure(line: Line, tariff_class: str | None) -> None:
    """A figure the text of the entente lost: the lawyer's figure per unit (for the class the
    line is priced in, when it has one), or no amount at all."""
    service = line.service
    what = f"{line.code} en classe {tariff_class}" if tariff_class else line.code
    if service.amount is None:
        line.flag(
            "amount_missing",
            f"Le montant de {what} n'est pas connu (perdu dans le texte de l'entente ou propre au "
            f"dossier) : saisir le montant de ce service.",
            "entente art. 14",
        )
        return
    line.figure = service.amount
    line.set_amount(
        service.amount * service.units, "art. 14", f"montant de {what} saisi par l'avocat ({fr_money(service.amount)})"
    )
    line.flag(
        "amount_entered",
        f"Le montant de {what} ({fr_money(service.amount)}) a été saisi par l'avocat, faute de montant "
        f"connu au tarif : en garder la source.",
        "entente art. 14",
    )


def _fraction_fr(fraction: Decimal) -> str:
    names = {Decimal("0.5"): "la moitié", Decimal("0.01"): "1 %"}
    return names.get(fraction.normalize(), f"{fraction.normalize() * 100} %")

