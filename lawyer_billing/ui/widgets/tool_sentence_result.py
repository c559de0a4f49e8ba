"""The sentence calculation as the lawyer reads it to a client: the global sentence, where it
is served, and each date with the day of the sentence it falls on and the rule that gives it
(Guide de calcul des peines, MSP, 2022). The rules are quoted in French, as the guide writes
them."""

from html import escape

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.tools.sentence import DISCLAIMER_FR, MilestoneDate, SentenceCalculation
from lawyer_billing.domain.tools.sentence_jurisdiction import Jurisdiction
from lawyer_billing.ui.i18n import tr


def milestone_titles() -> dict[str, str]:
    """The dates' names in the interface's language (French shows the guide's own)."""
    return {
        "DPS": tr("Admissibilité à une permission de sortir (DPS)"),
        "DLC": tr("Admissibilité à la libération conditionnelle (DLC)"),
        "DLP": tr("Libération probable (DLP)"),
        "DSC": tr("Fin de la peine (DSC)"),
        "SCC": tr("Transfert au pénitencier"),
    }


def jurisdictions() -> dict[Jurisdiction, str]:
    return {
        Jurisdiction.PROVINCIAL: tr("Établissement de détention provincial"),
        Jurisdiction.FEDERAL: tr("Pénitencier (Service correctionnel du Canada)"),
    }


def _milestone(milestone: MilestoneDate, language: str) -> str:
    """The date first, then what it is, then the rule that gives it (read in a narrow panel)."""
    day = f" · {tr('jour {}').format(milestone.day)}" if milestone.day is not None else ""
    # the guide's own name in French (it tells the two kinds of temporary absence apart)
    title = f"{milestone.label_fr} ({milestone.code})" if language == "fr" else milestone_titles()[milestone.code]
    return (
        f"<p><b><big>{escape(format_date(milestone.on, language))}</big></b>{escape(day)}<br>"
        f"<b>{escape(title)}</b><br><small>{escape(milestone.rule_fr)}</small></p>"
    )


def calculation_html(calculation: SentenceCalculation, language: str, heading: str = "") -> str:
    milestones = [m for m in (calculation.temporary_absence, calculation.parole, calculation.probable_release,
                              calculation.sentence_complete, calculation.federal_transfer) if m is not None]
    parts = [f"<p><b>{escape(heading)}</b></p>" if heading else ""]
    parts.append(
        f"<p><b>{escape(tr('Peine globale : {} jours').format(calculation.global_days))}</b><br>"
        f"<small>{escape(calculation.global_rule_fr)}</small></p>"
        f"<p><b>{escape(jurisdictions()[calculation.jurisdiction])}</b><br>"
        f"<small>{escape(calculation.jurisdiction_rule_fr)}</small></p>"
    )
    parts += [_milestone(m, language) for m in milestones]
    parts.append(f"<h4>{escape(tr('Chaque peine'))}</h4>")
    for placed in calculation.sentences:
        lines = [placed.conversion.rule_fr]
        if placed.credit is not None:
            lines.append(placed.credit.rule_fr)
        lines.append(placed.concurrency.rule_fr)
        parts.append(
            f"<p><b>{escape(placed.ident)}</b> — "
            + escape(tr("{} jours, du {} au {}").format(placed.days, format_date(placed.begins_on, language),
                                                         format_date(placed.ends_on, language)))
            + "".join(f"<br><small>{escape(line)}</small>" for line in lines) + "</p>"
        )
    parts.append(f"<p><i><small>{escape(DISCLAIMER_FR)}</small></i></p>")
    return "".join(parts)
