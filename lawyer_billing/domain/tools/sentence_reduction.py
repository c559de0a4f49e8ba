"""The arithmetic of fractions of a sentence: what must be completed, and the reduction.

Guide de calcul des peines (MSP, 2022). Eligibility requires having *completed* a fraction of
the sentence (« au minimum le sixième », « compléter le tiers »), so a fractional day is
rounded up to the next whole day served. The reduction is one day per two days served, up
to a third of the sentence (art. 38 LSCQ, « Réduction de peine »), which puts the probable
release at two thirds; reduction days lost to discipline are served again (art. 74 RALSCQ,
« Manquements disciplinaires »).
"""


def completed_fraction(total: int, denominator: int) -> tuple[int, str]:
    """Days needed to have *completed* 1/denominator of ``total``, and the arithmetic."""
    day = -(-total // denominator)
    exact = f"1/{denominator} de {total} jours"
    if total % denominator:
        decimal_fr = f"{total / denominator:.2f}".replace(".", ",")
        return day, f"{exact} = {decimal_fr} jours, arrondi au jour complet suivant : {day}e jour"
    return day, f"{exact} = {day} jours : {day}e jour"


def release_day(total: int, lost: int = 0) -> int:
    """The day of probable release: one reduction day per two days served, at most a third.

    Reduction days lost to discipline must be served again, and the days served again earn
    reduction too (« Manquements disciplinaires »), so the release moves by less than the loss.
    """
    ceiling = total // 3
    day = total - ceiling
    while day + max(0, min(day // 2 - lost, ceiling)) < total:
        day += 1
    return day
