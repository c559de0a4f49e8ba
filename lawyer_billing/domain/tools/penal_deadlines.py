"""The periods of the Code of Penal Procedure a defence lawyer tracks, and their last days.

``resources/penal/periods.yaml`` lists every period of the Code that runs from an event: the
article, the length, the event in French and English, and the words of the article in both
texts. ``penal_periods`` loads it strictly (an unknown key, a missing key or a bad length
raises ``PenalDataError`` naming the file and the entry). ``penal_deadline`` turns one period
and the day of its event into a ``Deadline`` of kind ``DeadlineKind.PENAL``, with the article in
``article``.

Computation of time (CPP art. 17): the day which marks the start is not counted and, except
for clear days, the terminal day is; Saturdays and holidays are counted, and a last day that
is a Saturday or a holiday moves to the next juridical day. Periods counted forward go through
``calendar.period_end``. A few periods are counted back from an event (a notice served
"au moins cinq jours francs avant la date de présentation de la demande", art. 32): there the
event is the day not counted, and in clear days the day of service is not counted either, so
five clear days before the 20th ends on the 14th. Art. 17 moves only a period that expires
later; moving a notice's last day later would shorten the notice, so a last day that falls on
a Saturday or a holiday moves back to the previous juridical day, the unmoved day being kept
as an alternative reading.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable

from lawyer_billing.domain.data_files import read_yaml_table
from lawyer_billing.domain.calendar import is_juridical_day, period_end
from lawyer_billing.domain.deadlines import AlternativeDue, Deadline, DeadlineKind
from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.resources import resource_path


_FILE_KEYS = frozenset({"description", "reference", "periods"})
_REQUIRED = frozenset(
    {"id", "article", "label_fr", "label_en", "starts_fr", "starts_en", "text_fr", "text_en"}
)
_LENGTHS = ("years", "months", "days")
_OPTIONAL = frozenset({*_LENGTHS, "counting", "clear", "note_fr"})
_COUNTINGS = ("after", "before")


class PenalDataError(ValueError):
    """A periods file that cannot be trusted; the message names the file and the entry."""


class PenalPeriodError(LookupError):
    """A period asked by an article or a name the list does not hold, or holds twice."""


@dataclass(frozen=True)
class PenalPeriod:
    """One period of the Code, as the article words it.

    ``counted_back`` is true for a period that ends before its event (a notice before a
    hearing); ``clear`` for a period in clear days ("jours francs", art. 17). ``text_fr`` is
    ``None`` when the 2015 French text has no such provision.
    """

    key: str
    article: str
    label_fr: str
    label_en: str
    starts_fr: str
    starts_en: str
    text_fr: "str | None"
    text_en: str
    years: int = 0
    months: int = 0
    days: int = 0
    counted_back: bool = False
    clear: bool = False
    note_fr: str = ""

    @property
    def length_fr(self) -> str:
        """The length as the lawyer reads it: « 30 jours », « 1 jour franc », « 2 ans »."""
        parts = []
        if self.years:
            parts.append(f"{self.years} an" + ("s" if self.years > 1 else ""))
        if self.months:
            parts.append(f"{self.months} mois")
        if self.days:
            plural = "s" if self.days > 1 else ""
            parts.append(f"{self.days} jour{plural}" + (f" franc{plural}" if self.clear else ""))
        return " et ".join(parts)


def penal_periods(path: "Path | None" = None) -> tuple[PenalPeriod, ...]:
    """Every period of ``resources/penal/periods.yaml`` (or ``path``), in the file's order."""
    path = path or resource_path("penal", "periods.yaml")
    periods = tuple(_period(path.name, index, entry) for index, entry in enumerate(_entries(path), 1))
    seen: set[str] = set()
    for period in periods:
        if period.key in seen:
            raise PenalDataError(f"{path.name}, entrée « {period.key} » : identifiant en double.")
        seen.add(period.key)
    return periods


def find_penal_period(
    article_or_key: str, periods: "Iterable[PenalPeriod] | None" = None
) -> PenalPeriod:
    """The period named by its identifier (``"plea"``) or by its article (``"160"``).

    An article with several periods (art. 40: five or ten clear days) must be named by the
    identifier of the one meant.
    """
    listed = tuple(penal_periods() if periods is None else periods)
    by_key = [p for p in listed if p.key == article_or_key]
    if by_key:
        return by_key[0]
    wanted = article_or_key.strip().removeprefix("art.").strip()
    by_article = [p for p in listed if p.article == wanted]
    if len(by_article) == 1:
        return by_article[0]
    if by_article:
        choices = ", ".join(f"« {p.key} » ({p.label_fr})" for p in by_article)
        raise PenalPeriodError(
            f"L'art. {wanted} prévoit plusieurs délais : choisissez parmi {choices}."
        )
    raise PenalPeriodError(
        f"Aucun délai du Code de procédure pénale n'est répertorié pour « {article_or_key} »."
    )


def penal_deadline(
    period_or_article: "PenalPeriod | str", start: date, extra: Iterable[date] = ()
) -> Deadline:
    """The last day of a period of the Code whose event happened on ``start`` (CPP art. 17).

    ``start`` is the day of the event the period runs from (service of the statement, the
    judgment, the filing of the appellant's factum...), or, for a period counted back, the day
    of the hearing or application the notice precedes. ``extra`` are the holidays the user
    added (art. 18 (11)).
    """
    period = (
        period_or_article
        if isinstance(period_or_article, PenalPeriod)
        else find_penal_period(period_or_article)
    )
    added = frozenset(extra)
    if period.counted_back:
        due, alternatives, how = _counted_back(period, start, added)
    else:
        due = period_end(start, years=period.years, months=period.months, days=period.days, extra=added)
        alternatives = ()
        how = f"{period.length_fr} à compter du {format_date_fr(start)} ({period.starts_fr})"
    note = f"{how}, art. {period.article} C.p.p."
    if period.note_fr:
        note = f"{note} {period.note_fr}"
    return Deadline(
        kind=DeadlineKind.PENAL,
        due=due,
        article=f"C.p.p. art. {period.article}",
        starts_on=start,
        label_fr=period.label_fr,
        note_fr=note,
        alternatives=alternatives,
    )


def _counted_back(
    period: PenalPeriod, event: date, extra: frozenset[date]
) -> tuple[date, tuple[AlternativeDue, ...], str]:
    """The last day to act before ``event``; see the module docstring for the reading."""
    raw = event - timedelta(days=period.days + (1 if period.clear else 0))
    how = f"Au moins {period.length_fr} avant le {format_date_fr(event)} ({period.starts_fr})"
    if is_juridical_day(raw, extra):
        return raw, (), how
    due = raw
    while not is_juridical_day(due, extra):
        due -= timedelta(days=1)
    unmoved = AlternativeDue(
        due=raw,
        reading_fr=(
            f"Sans report : le {format_date_fr(raw)}, samedi ou jour non juridique, si l'acte "
            f"peut être fait ce jour-là."
        ),
    )
    how = (
        f"{how} ; le {format_date_fr(raw)} n'étant pas juridique, la date retenue est le jour "
        f"juridique précédent"
    )
    return due, (unmoved,), how


def _entries(path: Path) -> list[Any]:
    periods = read_yaml_table(path, PenalDataError, "le fichier des délais", "periods", _FILE_KEYS)
    if not isinstance(periods, list):
        raise PenalDataError(f"{path.name} : « periods » doit être une liste de délais.")
    return periods


def _period(source: str, index: int, entry: object) -> PenalPeriod:
    """One entry checked key by key; errors name it by its id, or by its rank without one."""
    if not isinstance(entry, dict):
        raise PenalDataError(
            f"{source}, entrée n° {index} : l'entrée doit être un dictionnaire de clés."
        )
    name = entry.get("id") if isinstance(entry.get("id"), str) else f"n° {index}"

    def error(problem: str) -> PenalDataError:
        return PenalDataError(f"{source}, entrée « {name} » : {problem}.")

    unknown = set(entry) - _REQUIRED - _OPTIONAL
    if unknown:
        raise error(f"clé inconnue « {sorted(map(str, unknown))[0]} »")
    missing = _REQUIRED - set(entry)
    if missing:
        raise error(f"clé manquante « {sorted(missing)[0]} »")
    for key in sorted(_REQUIRED - {"text_fr"}) + ["note_fr"]:
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise error(f"« {key} » doit être un texte non vide")
    text_fr = entry["text_fr"]
    if text_fr is not None and (not isinstance(text_fr, str) or not text_fr.strip()):
        raise error(
            "« text_fr » doit être un texte non vide, ou null si le texte français n'a pas l'article"
        )
    lengths = {}
    for key in _LENGTHS:
        value = entry.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise error(f"« {key} » doit être un nombre entier positif, pas « {value} »")
        lengths[key] = value
    if not any(lengths.values()):
        raise error("la durée manque : indiquez days, months ou years")
    counting = entry.get("counting", "after")
    if counting not in _COUNTINGS:
        raise error(f"« counting » doit valoir {' ou '.join(_COUNTINGS)}, pas « {counting} »")
    clear = entry.get("clear", False)
    if not isinstance(clear, bool):
        raise error("« clear » doit valoir true ou false")
    counted_back = counting == "before"
    if counted_back and (lengths["years"] or lengths["months"]):
        raise error("un délai compté à rebours s'exprime en jours")
    if clear and not counted_back:
        raise error(
            "les jours francs ne s'emploient ici que pour un délai compté à rebours (counting: before)"
        )
    return PenalPeriod(
        key=entry["id"],
        article=entry["article"],
        label_fr=entry["label_fr"],
        label_en=entry["label_en"],
        starts_fr=entry["starts_fr"],
        starts_en=entry["starts_en"],
        text_fr=entry["text_fr"],
        text_en=entry["text_en"],
        counted_back=counted_back,
        clear=clear,
        note_fr=entry.get("note_fr", ""),
        **lengths,
    )
