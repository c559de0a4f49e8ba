"""Provincial prison or penitentiary: the two-years-less-a-day rule.

Guide de calcul des peines (MSP, 2022), « Règle des sentences de 2 ans moins un jour » and
« Règle des sentences de 2 ans ou plus ». A sentence under two years is served in a
provincial institution (art. 743.1(3) C.cr.). With several sentences, what counts is the
remainder still to serve when the new one is imposed, ignoring the reduction days already
earned (Lilick c. A.G. of Canada; R. c. Shubley). At two years or more the person goes to a
penitentiary, earns no reduction, and the Correctional Service of Canada computes the dates.
"""

from datetime import date
from enum import Enum

from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.sentence_days import GUIDE, months_in_days

PENITENTIARY_THRESHOLD_MONTHS = 24
TWO_YEARS_LESS_A_DAY = f"art. 743.1(3) C.cr. ; {GUIDE}, « Règle des sentences de 2 ans moins un jour »"
TWO_YEARS_OR_MORE = f"art. 12 LSCMLSC ; {GUIDE}, « Règle des sentences de 2 ans ou plus »"


class Jurisdiction(Enum):
    """Where the global sentence is served."""

    PROVINCIAL = "établissement de détention provincial"
    FEDERAL = "pénitencier (Service correctionnel du Canada)"


def decide_jurisdiction(global_days: int, served_days: int, imposed_on: date) -> tuple[Jurisdiction, str]:
    """Provincial if ``global_days - served_days`` on ``imposed_on`` is under two calendar years.

    Two years are counted on the calendar from the day of the last sentence, like any
    period of years (« Adéquation de la peine »): 730 or 731 days.
    """
    remainder = global_days - served_days
    two_years = months_in_days(imposed_on, PENITENTIARY_THRESHOLD_MONTHS)
    if served_days:
        arithmetic = f"reliquat {global_days} − {served_days} jours purgés = {remainder} jours"
    else:
        arithmetic = f"{global_days} jours"
    if remainder < two_years:
        return Jurisdiction.PROVINCIAL, (
            f"{arithmetic} au {format_date_fr(imposed_on)}, moins de 2 ans ({two_years} jours) :"
            f" établissement de détention provincial ({TWO_YEARS_LESS_A_DAY})"
        )
    return Jurisdiction.FEDERAL, (
        f"{arithmetic} au {format_date_fr(imposed_on)}, 2 ans ({two_years} jours) ou plus : pénitencier ;"
        " aucune réduction de peine, le calcul relève du Service correctionnel du Canada"
        f" ({TWO_YEARS_OR_MORE})"
    )
