"""Special consideration (annex II T8-T12) and services without a tariff rate (art. 14).

The amount of such a line is the one the lawyer claims; the Commission (T9) or the legal-aid
office (art. 14) fixes what is paid. The engine never computes it: it carries the claim, marks
the line ``fixed`` so no rule changes it, and flags it so the lawyer sends the request in time.
"""

from datetime import date

from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.rules.line import Line, fr_money

SPECIAL_CONSIDERATION = "special_consideration"


def claim_special_consideration(line: Line) -> None:
    """T8: « En pareil cas, l'avocat soumet, avec son relevé d'honoraires ou dans les six mois
    de l'envoi de son relevé d'honoraires, une demande de considération spéciale. » T12 extends
    T8-T11 to every service for which the annex "prévoit expressément le paiement d'une
    considération spéciale" (T1, T94, T170, T224.2); a claimed amount above a fixed tariff
    figure is a T8 "dépassement des honoraires prévus au tarif"."""
    claimed = line.service.amount
    line.fixed = True
    if claimed is None:
        line.amount = None
        line.flag(
            "amount_missing",
            f"{line.code} fait l'objet d'une demande de considération spéciale : saisir le montant réclamé.",
            "annexe II T8",
        )
    else:
        line.set_amount(claimed, "T8", f"montant réclamé par l'avocat ({fr_money(claimed)}), à fixer par la Commission")
    line.findings.append(special_consideration_request(line.code, line.service.id))


def special_consideration_request(
    code: str, subject: str, due: date | None = None, sent: date | None = None, statement: str = ""
) -> Finding:
    """The finding of a line under special consideration. T8: « l'avocat soumet, avec son relevé
    d'honoraires ou dans les six mois de l'envoi de son relevé d'honoraires, une demande de
    considération spéciale ». Pricing does not know the statement: the finding says the date
    is not known yet. Given the day the statement was ``sent`` and the last day ``due``
    (``deadlines.special_consideration_deadline``), it gives that day."""
    if due is None or sent is None:
        when = (
            "ou la transmettre dans les six mois de son envoi (date d'envoi du relevé inconnue : la date limite "
            "se compte à partir de celle-ci)"
        )
    else:
        when = f"ou la transmettre au plus tard le {due.isoformat()} (six mois après l'envoi du relevé"
        when += f" {statement}" if statement else ""
        when += f" le {sent.isoformat()})"
    return Finding(
        SPECIAL_CONSIDERATION,
        f"{code} : joindre une demande de considération spéciale au relevé d'honoraires, {when} ; la Commission "
        f"fixe le montant.",
        "annexe II T8-T12",
        subject,
    )


def office_fixes_amount(line: Line) -> None:
    """Art. 14: a service « pour lequel la présente entente ne prévoit pas un taux ou le paiement
    d'une considération spéciale, fait l'objet d'une rémunération. En pareil cas, l'organisme
    d'aide juridique apprécie le relevé d'honoraires de l'avocat et fixe le montant » (T130)."""
    claimed = line.service.amount
    line.fixed = True
    if claimed is not None:
        line.set_amount(claimed, "art. 14", f"montant proposé par l'avocat ({fr_money(claimed)})")
    line.flag(
        "office_fixes_amount",
        f"{line.code} n'a pas de taux au tarif : l'organisme d'aide juridique fixe le montant à partir du "
        f"relevé d'honoraires (décision qui peut faire l'objet d'un différend)"
        + ("" if claimed is not None else " ; saisir le montant proposé"),
        "entente art. 14",
    )
