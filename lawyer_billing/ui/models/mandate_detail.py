"""The columns of the tables in a mandate's detail: its services priced with the rules that
applied, its trips, disbursements, statements and deadlines.

Every amount comes computed from ``services.work_log.mandate_work``; these columns only lay
it out, in the user's language, with each rule's article and explanation in the tooltip.
"""

from lawyer_billing.domain.formatting import format_date, format_money, format_number
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.applied_rules import rule_codes, rule_explanations
from lawyer_billing.ui.models.records import Column
from lawyer_billing.ui.widgets.choice_labels import deadline_kinds, deadline_states, dispositions, travel_bases


def _money(amount, language: str) -> str:
    return "" if amount is None else format_money(amount, language)


def _day(day, language: str) -> str:
    return "" if day is None else format_date(day, language)


def _km(distance, language: str) -> str:
    """``240`` and ``120,5``, not ``240,00``: a distance keeps only the decimals it has."""
    return format_number(distance.normalize(), language)


def hours(start, end) -> str:
    """``9:30–11:45``; one side empty when only one time was given."""
    parts = [f"{moment:%H:%M}" if moment is not None else "" for moment in (start, end)]
    return "–".join(parts) if any(parts) else ""


def rules_text(line) -> str:
    return "" if line is None else rule_codes(line.priced.rules, line.findings)


def rules_tooltip(line) -> str:
    return "" if line is None else rule_explanations(line.priced.rules, line.findings)


def _amount(priced) -> object:
    return priced.line.amount if priced.line is not None else None


def service_columns() -> list[Column]:
    return [
        Column(lambda: tr("Date"), lambda s, lang: _day(s.service.rendered_on, lang), sort=lambda s: s.service.rendered_on),
        Column(lambda: tr("Article"), lambda s, _: s.service.code),
        Column(lambda: tr("Heures"), lambda s, _: hours(s.service.start, s.service.end),
               sort=lambda s: s.service.start),
        Column(lambda: tr("Issue"), lambda s, _: dispositions().get(s.service.disposition, "")),
        Column(lambda: tr("Coaccusés"), lambda s, _: s.service.co_accused_group or ""),
        Column(lambda: tr("Tarif"), lambda s, lang: _money(s.line.priced.tariff_amount if s.line else None, lang),
               sort=lambda s: s.line.priced.tariff_amount if s.line else None, align_right=True),
        Column(lambda: tr("Montant"), lambda s, lang: _money(_amount(s), lang), sort=_amount, align_right=True,
               tooltip=lambda s, _: rules_tooltip(s.line)),
        Column(lambda: tr("Règles"), lambda s, _: rules_text(s.line), tooltip=lambda s, _: rules_tooltip(s.line)),
        Column(lambda: tr("Relevé"), lambda s, _: s.statement or ""),
    ]


def travel_columns() -> list[Column]:
    def allowance(trip):
        return trip.result.amount if trip.result is not None else None

    return [
        Column(lambda: tr("Date"), lambda t, lang: _day(t.travel.travelled_on, lang), sort=lambda t: t.travel.travelled_on),
        Column(lambda: tr("Km parcourus"), lambda t, lang: _km(t.travel.km, lang), sort=lambda t: t.travel.km,
               align_right=True),
        Column(lambda: tr("Km du bureau"), lambda t, lang: _km(t.travel.destination_km, lang),
               sort=lambda t: t.travel.destination_km, align_right=True),
        Column(lambda: tr("Art. 20"), lambda t, _: travel_bases().get(t.travel.basis, t.travel.basis)),
        Column(lambda: tr("Stationnement"), lambda t, lang: _money(t.travel.parking, lang), sort=lambda t: t.travel.parking,
               align_right=True),
        Column(lambda: tr("Montant"), lambda t, lang: _money(allowance(t), lang), sort=allowance, align_right=True,
               tooltip=lambda t, _: "\n".join([*t.result.rules, rule_explanations((), t.result.findings)]).strip()
               if t.result else ""),
        Column(lambda: tr("Description"), lambda t, _: t.travel.description),
    ]


def disbursement_columns() -> list[Column]:
    return [
        Column(lambda: tr("Date"), lambda d, lang: _day(d.incurred_on, lang), sort=lambda d: d.incurred_on),
        Column(lambda: tr("Description"), lambda d, _: d.description),
        Column(lambda: tr("Montant"), lambda d, lang: _money(d.amount, lang), sort=lambda d: d.amount, align_right=True),
        Column(lambda: tr("Pièce"), lambda d, _: d.receipt_reference),
    ]


def statement_type(value: str, language: str) -> str:
    try:
        kind = StatementType(value)
    except ValueError:
        return value
    return kind.label_en if language == "en" else kind.label_fr


def statement_state(statement, language: str) -> str:
    if statement.sent_on is not None:
        return tr("Envoyé le {}").format(format_date(statement.sent_on, language))
    if statement.finalized_on is not None:
        return tr("Finalisé le {}").format(format_date(statement.finalized_on, language))
    return tr("En préparation")


def statement_columns() -> list[Column]:
    return [
        Column(lambda: tr("Numéro"), lambda s, _: s.number),
        Column(lambda: tr("Type"), lambda s, lang: statement_type(s.type, lang)),
        Column(lambda: tr("Créé le"), lambda s, lang: _day(s.created_on, lang), sort=lambda s: s.created_on),
        Column(lambda: tr("État"), statement_state),
        Column(lambda: tr("Total"), lambda s, lang: _money(s.total, lang), sort=lambda s: s.total, align_right=True),
    ]


def days_left(entry) -> str:
    days = entry.status.days_left
    if entry.met_on is not None:
        return ""
    if days < 0:
        return tr("dépassé de {} j").format(-days)
    return tr("dans {} j").format(days)


def deadline_columns() -> list[Column]:
    return [
        Column(lambda: tr("Délai"), lambda e, _: deadline_kinds().get(e.deadline.kind, e.deadline.kind.value),
               tooltip=lambda e, _: e.deadline.note_fr),
        Column(lambda: tr("Dernier jour"), lambda e, lang: _day(e.deadline.due, lang), sort=lambda e: e.deadline.due),
        Column(lambda: tr("État"), lambda e, _: deadline_states()[e.status.state]),
        Column(lambda: tr("Reste"), lambda e, _: days_left(e), sort=lambda e: e.status.days_left, align_right=True),
        Column(lambda: tr("Article"), lambda e, _: e.deadline.article),
    ]
