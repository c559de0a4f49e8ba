"""The names a lawyer reads for the values the records store (a matter type, a disposition, a
deadline's state...), in the interface's language, and the combo boxes that offer them.

Functions rather than constants, so that each name is read through ``tr`` when it is shown.
"""

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QComboBox

from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState
from lawyer_billing.domain.mandate import EndReason, MandateStatus, MatterType
from lawyer_billing.domain.service import Disposition
from lawyer_billing.ui.i18n import tr


def matter_types() -> dict[MatterType, str]:
    return {
        MatterType.CRIMINAL_PENAL: tr("Criminel et pénal"),
        MatterType.YOUTH_CRIMINAL: tr("Adolescents (justice pénale)"),
        MatterType.CIVIL: tr("Civil"),
        MatterType.FAMILY: tr("Familial"),
        MatterType.YOUTH_PROTECTION: tr("Protection de la jeunesse"),
        MatterType.ADMINISTRATIVE_TRIBUNAL: tr("Tribunal administratif"),
        MatterType.IMMIGRATION: tr("Immigration"),
        MatterType.PAROLE: tr("Libération conditionnelle"),
        MatterType.OTHER: tr("Autre"),
    }


def end_reasons() -> dict[EndReason, str]:
    return {
        EndReason.JUDGMENT: tr("Jugement"),
        EndReason.SETTLEMENT: tr("Règlement"),
        EndReason.WITHDRAWAL: tr("Retrait ou désistement"),
        EndReason.SUBSTITUTION: tr("Substitution d'avocat"),
        EndReason.CESSATION_OF_AID: tr("Cessation de l'aide"),
        EndReason.OTHER: tr("Autre"),
    }


def mandate_statuses() -> dict[MandateStatus, str]:
    return {
        MandateStatus.OPEN: tr("Ouvert"),
        MandateStatus.ENDED: tr("Terminé, à facturer"),
        MandateStatus.BILLED: tr("Facturé"),
        MandateStatus.DISPUTED: tr("En différend"),
        MandateStatus.CLOSED: tr("Fermé"),
    }


def dispositions() -> dict[Disposition, str]:
    """How an attendance ended, as T55, T98, T117-T118 and T196 read it."""
    return {
        Disposition.TRIAL: tr("Procès"),
        Disposition.GUILTY_PLEA: tr("Plaidoyer de culpabilité"),
        Disposition.FOUND_GUILTY: tr("Déclaré coupable"),
        Disposition.WITHDRAWAL: tr("Retrait"),
        Disposition.CONSENT: tr("Consentement"),
        Disposition.SETTLED_BEFORE_DEFENCE: tr("Réglé avant la défense"),
        Disposition.SETTLED_AFTER_DEFENCE: tr("Réglé après la défense"),
        Disposition.OTHER: tr("Autre"),
    }


def deadline_kinds() -> dict[DeadlineKind, str]:
    return {
        DeadlineKind.FILING: tr("Transmission du relevé"),
        DeadlineKind.PAYMENT: tr("Paiement du relevé"),
        DeadlineKind.DISBURSEMENT_PAYMENT: tr("Paiement des débours"),
        DeadlineKind.SPECIAL_CONSIDERATION: tr("Considération spéciale"),
        DeadlineKind.DISPUTE: tr("Avis de différend"),
        DeadlineKind.CONCILIATORS_NAMED: tr("Nomination des conciliateurs"),
        DeadlineKind.CONCILIATION_MEETING: tr("Rencontre de conciliation"),
        DeadlineKind.ARBITRATION: tr("Demande d'arbitrage"),
        DeadlineKind.PENAL: tr("Délai pénal"),
    }


def deadline_states() -> dict[DeadlineState, str]:
    return {
        DeadlineState.UPCOMING: tr("À venir"),
        DeadlineState.DUE_SOON: tr("Bientôt"),
        DeadlineState.OVERDUE: tr("Dépassé"),
        DeadlineState.MET: tr("Respecté"),
        DeadlineState.INTERRUPTED: tr("Interrompu"),
    }


def travel_bases() -> dict[str, str]:
    """The paragraphs of art. 20 al. 2, by the value a trip stores."""
    return {
        "in_district": tr("Dans le district du bureau (art. 20, 1°)"),
        "outside_district": tr("Hors du district, 200 km au plus (art. 20, 2°)"),
        "appeal_court_or_outside_tribunal": tr("Cour d'appel, Cour suprême ou tribunal hors du district (art. 20, 3°)"),
        "authorized": tr("Autorisé par le directeur général (art. 20, 4°)"),
    }


def fill_combo(combo: QComboBox, labels: Callable[[], dict], blank: str | None = None) -> None:
    """Put ``labels()`` in ``combo`` (the value as item data), after a ``blank`` choice if
    given; keeps the chosen value, so it also serves to retranslate."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in labels().items():
        combo.addItem(label, value)
    index = combo.findData(chosen)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_value(combo: QComboBox, value: Enum | str | None) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def chosen(combo: QComboBox, kind: type[Enum] | None = None):
    """The value chosen in a combo filled by ``fill_combo`` (Qt gives the text of an enum back)."""
    value = combo.currentData()
    if value is None or kind is None:
        return value
    return kind(value)
