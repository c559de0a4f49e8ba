"""The lines of a day in court as the side panel lists them: each typed row and each service
already stored that day, priced together, with the articles of the rules that applied."""

from lawyer_billing.domain.formatting import format_money
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.applied_rules import rule_codes, rule_explanations
from lawyer_billing.ui.models.records import Column


def line_name(line) -> str:
    return str(line.row + 1) if line.row is not None else tr("enregistré")


def _money(amount, language: str) -> str:
    return "" if amount is None else format_money(amount, language)


def day_line_columns() -> list[Column]:
    return [
        Column(lambda: tr("Ligne"), lambda d, _: line_name(d),
               sort=lambda d: (d.row is None, d.row or 0),
               tooltip=lambda d, _: "" if d.row is not None else tr("Service déjà enregistré pour ce jour : son "
                                                                    "montant tient compte des lignes tapées")),
        Column(lambda: tr("Client"), lambda d, _: d.mandate.client_name,
               tooltip=lambda d, _: tr("Mandat {}").format(d.mandate.number)),
        Column(lambda: tr("Article"), lambda d, _: d.priced.code),
        Column(lambda: tr("Tarif"), lambda d, lang: _money(d.priced.tariff_amount, lang),
               sort=lambda d: d.priced.tariff_amount, align_right=True),
        Column(lambda: tr("Montant"), lambda d, lang: _money(d.priced.amount, lang), sort=lambda d: d.priced.amount,
               align_right=True, tooltip=lambda d, _: rule_explanations(d.priced.rules, d.priced.findings)),
        Column(lambda: tr("Règles"), lambda d, _: rule_codes(d.priced.rules, d.priced.findings),
               tooltip=lambda d, _: rule_explanations(d.priced.rules, d.priced.findings)),
    ]
