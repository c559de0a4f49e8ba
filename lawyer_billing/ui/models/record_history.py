"""The tables of a record's history: its events (when, who, on which workstation, what was
done) and the fields one event changed (before, after).

The trail keeps each value as stored (``services.record_history``): a date ISO, an amount to
the cent, a choice by its stored value. These models name each field and each action in the
user's language and show a choice (a matter type, a statement's status...) by its name; every
other value is shown exactly as it was kept.
"""

from collections.abc import Callable
from enum import Enum
from functools import cache

from lawyer_billing.domain.statement import StatementType
from lawyer_billing.domain.tools.penal_deadlines import PenalPeriod, penal_periods
from lawyer_billing.services.disputes import RECORDED
from lawyer_billing.services.record_history import FieldChange, HistoryEvent
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.disputes import step_labels
from lawyer_billing.ui.models.records import Column, RecordTableModel
from lawyer_billing.ui.models.statements import status_labels, type_label
from lawyer_billing.ui.widgets.choice_labels import (
    dispositions,
    end_reasons,
    mandate_statuses,
    matter_types,
    travel_bases,
)
from lawyer_billing.ui.widgets.mandate_form import mandate_field_labels


def action_labels() -> dict[str, str]:
    """What an event did, by the action the services record."""
    return {
        "create": tr("Création"),
        "update": tr("Modification"),
        "delete": tr("Suppression"),
        "restore": tr("Remise après suppression"),
        "draft": tr("Brouillon enregistré"),
        "discard": tr("Brouillon supprimé"),
        "finalize": tr("Finalisation"),
        "supplement": tr("Relevé supplémentaire finalisé"),
        "send": tr("Envoi"),
        "receive": tr("Réception"),
        "payment": tr("Paiement inscrit"),
        "refusal": tr("Refus inscrit"),
        "dispute_step": tr("Étape du différend"),
        "dispute_outcome": tr("Issue du différend"),
    }


def field_labels(entity: str) -> dict[str, str]:
    """The name of each field of a kind of record, as the history shows it."""
    if entity == "mandate":
        return {**mandate_field_labels(), "status": tr("État"), "party": tr("Partie (T66)"),
                "earlier_mandate_id": tr("Mandat matrimonial antérieur (T66)")}
    if entity == "service":
        return {
            "mandate_id": tr("Mandat"), "code": tr("Article du tarif"), "rendered_on": tr("Date du service"),
            "start": tr("Début"), "end": tr("Fin"), "units": tr("Unités"), "court": tr("Cour"), "room": tr("Salle"),
            "disposition": tr("Issue"), "co_accused_group": tr("Groupe de coaccusés (T99)"),
            "children": tr("Enfants (T201.1, T201.2)"), "tariff_class": tr("Classe de l'action (T20)"),
            "base_amount": tr("Montant de base (T54, T55)"), "description": tr("Description"),
            "amount_override": tr("Montant réclamé"), "override_reason": tr("Raison du montant réclamé"),
            "rule_facts": tr("Précisions pour les règles (T97, T26, T119...)"),
        }
    if entity == "travel":
        return {
            "mandate_id": tr("Mandat"), "travelled_on": tr("Date du déplacement"),
            "km": tr("Km parcourus (aller-retour)"), "destination_km": tr("Km du bureau au lieu du service"),
            "basis": tr("Paragraphe de l'art. 20"), "alternate_km": tr("Km depuis le lieu d'émission du mandat (3°)"),
            "parking": tr("Stationnement"), "actual_cost": tr("Frais réels (plafond)"),
            "description": tr("Description"),
        }
    if entity == "disbursement":
        return {
            "mandate_id": tr("Mandat"), "incurred_on": tr("Date"), "description": tr("Description"),
            "amount": tr("Montant"), "receipt_reference": tr("Pièce justificative"),
            "expert_authorised_on": tr("Expertise autorisée le (art. 19)"),
        }
    if entity == "statement":
        return {
            "number": tr("Numéro"), "type": tr("Type"), "supplements_id": tr("Complète le relevé"),
            "status": tr("État"), "created_on": tr("Créé le"), "sent_on": tr("Envoyé le"),
            "received_on": tr("Reçu le"), "total": tr("Total"), "office_id": tr("Bureau d'aide juridique"),
            "finalized_on": tr("Finalisé le"), "fees": tr("Honoraires"), "cap_reduction": tr("Réduction (art. 22)"),
            "travel_total": tr("Déplacements"), "disbursements_total": tr("Débours"), "gst": tr("TPS"),
            "qst": tr("TVQ"), "notes": tr("Notes"),
        }
    if entity == "payment":
        return {"statement_id": tr("Relevé"), "paid_on": tr("Date du paiement"), "amount": tr("Montant")}
    if entity == "refusal":
        return {"statement_id": tr("Relevé"), "received_on": tr("Refus reçu le"), "reasons": tr("Motifs"),
                "amount_refused": tr("Montant refusé"), "reference": tr("Référence")}
    if entity == "dispute":
        steps = {step.value: label for step, label in step_labels().items() if step in RECORDED}
        return {"refusal_id": tr("Refus reçu le"), **steps, "outcome": tr("Issue")}
    if entity == "penal_deadline":
        return {"mandate_id": tr("Mandat"), "period": tr("Délai pénal"), "event_on": tr("Jour de l'événement"),
                "note": tr("Note"), "done_on": tr("Fait le")}
    return {}


@cache
def _penal_periods() -> tuple[PenalPeriod, ...]:
    """The periods of the Code, read from their file once rather than at each cell shown."""
    return penal_periods()


def _by_value(labels: Callable[[], dict[Enum | str, str]]) -> Callable[[str], dict[str, str]]:
    return lambda _language: {str(getattr(value, "value", value)): label for value, label in labels().items()}


#: the fields that keep a choice, and the names of their values in a language
_CHOICES: dict[tuple[str, str], Callable[[str], dict[str, str]]] = {
    ("mandate", "matter_type"): _by_value(matter_types),
    ("mandate", "end_reason"): _by_value(end_reasons),
    ("mandate", "status"): _by_value(mandate_statuses),
    ("service", "disposition"): _by_value(dispositions),
    ("travel", "basis"): _by_value(travel_bases),
    ("statement", "status"): _by_value(status_labels),
    ("statement", "type"): lambda language: {kind.value: type_label(kind, language) for kind in StatementType},
    ("penal_deadline", "period"): lambda language: {
        period.key: period.label_en if language == "en" else period.label_fr for period in _penal_periods()},
}


def value_text(entity: str, field: str, value: str, language: str) -> str:
    """A kept value as the user reads it: a choice by its name, anything else as it was kept
    (a service without rule facts keeps ``{}``: nothing to show)."""
    if field == "rule_facts" and value == "{}":
        return ""
    choices = _CHOICES.get((entity, field))
    return value if choices is None else choices(language).get(value, value)


def event_columns() -> list[Column]:
    return [
        Column(lambda: tr("Date et heure"), lambda e, _: e.at.strftime("%Y-%m-%d %H:%M"), sort=lambda e: e.at),
        Column(lambda: tr("Utilisateur"), lambda e, _: e.user),
        Column(lambda: tr("Poste"), lambda e, _: e.workstation),
        Column(lambda: tr("Action"), lambda e, _: action_labels().get(e.action, e.action)),
        Column(lambda: tr("Quoi"), lambda e, _: e.summary, tooltip=lambda e, _: e.summary),
    ]


class HistoryEventModel(RecordTableModel):
    """The events of a record's history, newest first (``HistoryEvent`` records)."""

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(event_columns(), language, parent)


class FieldChangeModel(RecordTableModel):
    """The fields one event changed, in the order of the record's columns."""

    def __init__(self, language: str = "fr", parent=None) -> None:
        self.entity = ""
        super().__init__([
            Column(lambda: tr("Champ"), lambda c, _: field_labels(self.entity).get(c.field, c.field)),
            Column(lambda: tr("Avant"), lambda c, lang: value_text(self.entity, c.field, c.before, lang),
                   tooltip=lambda c, lang: value_text(self.entity, c.field, c.before, lang)),
            Column(lambda: tr("Après"), lambda c, lang: value_text(self.entity, c.field, c.after, lang),
                   tooltip=lambda c, lang: value_text(self.entity, c.field, c.after, lang)),
        ], language, parent)

    def show_event(self, event: HistoryEvent | None) -> None:
        """The changes of ``event`` (none for ``None``) that read differently: a service's
        rule facts going from nothing to ``{}`` changed no fact."""
        self.entity = "" if event is None else event.entity
        changes = () if event is None else event.changes
        self.set_records([c for c in changes if self._read(c, c.before) != self._read(c, c.after)])

    def _read(self, change: FieldChange, value: str) -> str:
        return value_text(self.entity, change.field, value, self.language)
