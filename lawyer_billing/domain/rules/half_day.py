"""Days and half-days: how much of a day the start and end times of an attendance cover.

T96 (criminal and penal matters) and T188 (miscellaneous matters) both put the middle of the
day at 13 h and treat a hearing after 19 h as an extra half-day. A day is cut into three
periods: the morning (before 13 h), the afternoon (13 h to 19 h) and the evening (after
19 h). A line without both times is a whole day, or as many half-days as its units say.
"""

from datetime import time
from decimal import Decimal

from lawyer_billing.domain.rules.line import HALF, Line, fr_money

MIDDAY = time(13)
EVENING = time(19)
_PART_4 = "Partie 4"
_PART_5 = "Partie 5"


def half_days(lines: list[Line]) -> None:
    """Apply T96 to the "par jour" items and count the half-days of the "par demi-journée"
    items, for every priced line that gives its start and end times."""
    for line in lines:
        service, item = line.service, line.item
        if not line.priced or item is None or service.start is None or service.end is None:
            continue
        if item.unit not in ("per_day", "per_half_day", "per_additional_half_day"):
            continue
        if service.end <= service.start:
            line.flag(
                "invalid_times",
                f"L'heure de fin ({service.end:%H:%M}) précède l'heure de début ({service.start:%H:%M}) : "
                f"le service est compté comme une journée entière.",
                "annexe II T96",
            )
        elif item.unit == "per_day":
            if item.part.startswith(_PART_4) and service.units == 1:
                half_day_fee(line)
            elif item.part.startswith(_PART_5) and service.units == 1:
                half_day_miscellaneous(line)
        else:
            half_days_attended(line)


def _periods(line: Line) -> tuple[bool, bool, bool]:
    """Whether the attendance covers the morning, the afternoon and the evening."""
    start, end = line.service.start, line.service.end
    return start < MIDDAY, start < EVENING and end > MIDDAY, end > EVENING


def half_day_fee(line: Line) -> None:
    """T96: « l'avocat n'a droit qu'à la moitié des honoraires prévus lorsque sa présence à la
    cour n'a pas été nécessaire durant plus d'une demi-journée. Pour les fins du présent article,
    13h situe le milieu de la journée. Les services professionnels rendus par un avocat lors
    d'une audition en soirée (après 19h) donnent droit à une rémunération équivalente à une
    demi-journée en sus »."""
    morning, afternoon, evening = _periods(line)
    day = Decimal(1) if morning and afternoon else HALF if morning or afternoon else Decimal(0)
    fraction = day + (HALF if evening else 0)
    if fraction == 1:
        return
    parts = []
    if day == HALF:
        parts.append("présence d'une demi-journée seulement (13 h situe le milieu de la journée)")
    if evening:
        parts.append("une demi-journée en sus pour l'audition en soirée (après 19 h)")
    line.set_amount(line.figure_for(fraction), "T96", f"{' ; '.join(parts)} : {fr_money(line.figure_for(fraction))}")


def half_day_miscellaneous(line: Line) -> None:
    """T188: « Pour les fins de la présente règle, 13h00 situe le milieu de la journée. » A day
    fee of Part 5 (T234) for a morning or an afternoon only is half the fee, as T96 says for
    criminal matters; the evening is billed as a T188 half-day."""
    morning, afternoon, _ = _periods(line)
    if morning and afternoon:
        return
    line.set_amount(
        line.figure_for(HALF),
        "T188",
        f"présence d'une demi-journée seulement (13 h situe le milieu de la journée) : "
        f"{fr_money(line.figure_for(HALF))}",
    )


def half_days_attended(line: Line) -> None:
    """The half-days a "par demi-journée" line covers (T188: « l'avocat a droit pour la soirée
    de même que pour chaque demi-journée additionnelle à des honoraires de 165 $ » ; T64c, T43,
    T84, T93: « pour chaque demi-journée additionnelle »). The evening is a half-day of its own
    in criminal (T96) and miscellaneous (T188) matters only; a civil afternoon runs to the end.
    Read from the text: the evening appears in annex II only in T96 (Part 4, « une audition en
    soirée (après 19h) ») and T188 (Part 5, « ne peut se terminer avant 19h00 [...] pour la
    soirée »); Parts 2 and 3 (T19.1, T43, T64c, T84, T93) count half-days with no evening
    rule, so an evening there is not an extra half-day."""
    item = line.item
    morning, afternoon, evening = _periods(line)
    evening_counts = item.part.startswith((_PART_4, _PART_5))
    count = sum((morning, afternoon or (evening and not evening_counts), evening and evening_counts))
    if count == line.service.units:
        return
    rule = "T188" if item.part.startswith(_PART_5) else "T96" if item.part.startswith(_PART_4) else item.article
    line.set_amount(
        line.figure_for(count),
        rule,
        f"{count} demi-journée(s) de {line.service.start:%H:%M} à {line.service.end:%H:%M} "
        f"(13 h situe le milieu de la journée) à {fr_money(line.figure)} : {fr_money(line.figure_for(count))}",
    )
