"""The periods of the Code of Penal Procedure followed on a mandate, as a table: the period,
its article, the day of its event, its last day (computed by ``services.penal_deadlines``,
CPP art. 17), where it stands and the lawyer's note. The article's reading is in the tooltip
of the period and of the last day; nothing is computed here."""

from datetime import date

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.services.penal_deadlines import FollowedPenalDeadline
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import Column, RecordTableModel
from lawyer_billing.ui.widgets.choice_labels import deadline_states


def period_text(entry: FollowedPenalDeadline, language: str) -> str:
    if entry.period is None:
        return tr("« {} » (retiré de la liste des délais)").format(entry.record.period)
    return entry.period.label_en if language == "en" else entry.period.label_fr


def reading(entry: FollowedPenalDeadline, language: str) -> str:
    """How the last day was counted, and the other reading when the article allows one."""
    if entry.deadline is None:
        return tr("Ce délai n'est plus dans la liste du Code de procédure pénale : son dernier jour n'est pas "
                  "calculé. Ne le suivez plus et ajoutez le délai qui le remplace.")
    lines = [entry.deadline.note_fr]
    lines += [tr("Autre lecture : le {}. {}").format(format_date(a.due, language), a.reading_fr)
              for a in entry.deadline.alternatives]
    return "\n".join(lines)


def state_text(entry: FollowedPenalDeadline, language: str) -> str:
    """« Fait le 20 novembre 2026 », « Bientôt (dans 22 j) », « Dépassé (de 3 j) »."""
    if entry.record.done_on is not None:
        return tr("Fait le {}").format(format_date(entry.record.done_on, language))
    if entry.status is None:
        return ""
    state, days = deadline_states()[entry.status.state], entry.status.days_left
    if days < 0:
        return tr("{} (de {} j)").format(state, -days)
    return tr("{} (dans {} j)").format(state, days)


def _day(day, language: str) -> str:
    return "" if day is None else format_date(day, language)


def _due(entry: FollowedPenalDeadline):
    return None if entry.deadline is None else entry.deadline.due


class FollowedPenalDeadlinesModel(RecordTableModel):
    """One row per ``FollowedPenalDeadline``; sorted by last day, the open ones read soonest first."""

    PERIOD, ARTICLE, EVENT, DUE, STATE, NOTE = range(6)

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__([
            Column(lambda: tr("Délai"), period_text, tooltip=reading),
            Column(lambda: tr("Article"),
                   lambda e, _: "" if e.period is None else tr("C.p.p. art. {}").format(e.period.article)),
            Column(lambda: tr("Événement le"), lambda e, lang: _day(e.record.event_on, lang),
                   sort=lambda e: e.record.event_on),
            Column(lambda: tr("Dernier jour"), lambda e, lang: _day(_due(e), lang), sort=_due, tooltip=reading),
            Column(lambda: tr("État"), state_text, sort=lambda e: (e.record.done_on is not None, _due(e) or date.min)),
            Column(lambda: tr("Note"), lambda e, _: e.record.note, tooltip=lambda e, _: e.record.note),
        ], language, parent)
