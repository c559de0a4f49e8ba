"""Pre-submission checks: what the organism would refuse or question, as findings.

Pricing already flags the lines it cannot price (unknown code, unknown or lost figure, an
amount the office fixes, a maximum count exceeded, a special consideration); these checks add
what the facts of the mandate say about a line, and what the lines say together.
"""

from collections import defaultdict

from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.rules.line import Line
from lawyer_billing.domain.rules.multiple_informations import T98_DISPOSITIONS


def check_lines(lines: list[Line]) -> None:
    for line in lines:
        if line.mandate is None or line.item is None:
            continue
        outside_mandate(line)
        authorisation_missing(line)
        after_aid_ceased(line)


def outside_mandate(line: Line) -> None:
    """Art. 14: a service is paid when rendered "conformément aux dispositions de la Loi [...] et
    de la présente entente" — inside the mandate the organism issued, from its issue date to its
    end."""
    day, mandate = line.service.date, line.mandate
    if day < mandate.issued:
        line.flag(
            "outside_mandate",
            f"Le service du {day.isoformat()} précède la délivrance du mandat {mandate.name} "
            f"({mandate.issued.isoformat()}).",
            "entente art. 14",
        )
    elif mandate.ended is not None and day > mandate.ended:
        line.flag(
            "outside_mandate",
            f"Le service du {day.isoformat()} suit la fin du mandat {mandate.name} ({mandate.ended.isoformat()}).",
            "entente art. 14",
        )


def authorisation_missing(line: Line) -> None:
    """T2: « L'avocat qui désire se faire assister doit, au préalable, obtenir l'autorisation de
    l'organisme d'aide juridique. » T114: « avec l'approbation préalable expresse du directeur
    général »."""
    if line.item.requires_authorisation and not line.service.authorised:
        line.flag(
            "authorisation_missing",
            f"{line.code} exige une autorisation préalable de l'organisme d'aide juridique : indiquer "
            f"qu'elle a été obtenue, ou retirer le service.",
            f"annexe II {line.item.article}",
        )


def after_aid_ceased(line: Line) -> None:
    """Art. 23: the lawyer is paid "pour les services rendus avant la réception d'un avis [...]
    l'informant de la cessation de l'aide juridique"; art. 24: after it, only "les actes
    conservatoires nécessaires à la préservation des droits de la personne ou requis par le
    tribunal". A service on the day of the notice is flagged too: it is paid only if rendered
    before the notice was received."""
    ceased = line.mandate.aid_ceased
    if ceased is not None and line.service.date >= ceased and not line.service.conservatory_act:
        line.flag(
            "after_aid_ceased",
            f"Service du {line.service.date.isoformat()} rendu à compter de l'avis de cessation de l'aide "
            f"juridique du {ceased.isoformat()} : payable seulement s'il précède la réception de l'avis ou "
            f"s'il s'agit d'un acte conservatoire.",
            "entente art. 23-24",
        )


def same_attendance_twice(lines: list[Line]) -> list[Finding]:
    """The same attendance (item, date, court, client) billed on two mandates, beyond what T98
    allows (the trial or the guilty plea on several informations the same day)."""
    attendances: dict[tuple, list[Line]] = defaultdict(list)
    for line in lines:
        if line.mandate is not None and line.item is not None and line.amount is not None:
            service = line.service
            attendances[(line.code, service.date, service.court, line.client)].append(line)
    findings = []
    for (code, day, court, client), billed in attendances.items():
        if len(billed) < 2:  # most attendances: one line, on one mandate
            continue
        mandates = sorted({line.mandate.name for line in billed})
        allowed = all(line.service.disposition in T98_DISPOSITIONS for line in billed)
        if len(mandates) > 1 and not allowed:
            findings.append(
                Finding(
                    "duplicate_attendance",
                    f"{code} du {day.isoformat()} pour {client} est facturé sur les mandats {', '.join(mandates)} : "
                    f"une même vacation n'est payée qu'une fois (sauf procès ou plaidoyer sur plusieurs "
                    f"dénonciations, T98).",
                    "annexe II T98",
                    ", ".join(sorted(line.service.id for line in billed)),
                )
            )
    return findings
