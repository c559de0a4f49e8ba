"""The fee tariff of annex II of the entente (art. 14), read from dated data files.

Every item of annex II, billable or not, is a record in ``resources/tariff/<entente>/*.yaml``
(the schema is in ``resources/tariff/README.md``). This module reads and validates those
files, answers "what does item T127 pay for a mandate issued on that date" and lets a firm
lay its own dated amounts over the shipped ones: figures the entente text lost, or the
amounts of a later entente. Amounts are ``Decimal`` built by ``money``; a ``None`` amount
means the figure is unknown and the user must enter it.

The date that governs an amount is the date the mandate was issued: art. 53 makes the
entente apply to mandates issued from 1 April 2007 (T201.1-T201.2: from 1 January 2008).

Two codes rest on a reading of the text, and are kept after re-reading it. ``T34a`` and
``T34b``: T34 gives two lines « Au procureur du demandeur » without letters, then « Au
procureur du défendeur » as c) and d), and T37 b) pays « ceux de l'article 34a »; the letters a)
and b) are inferred (the labels say so), never a figure. T54's « classe II article T3a » names
no item (T3 has no sub-item a), and nothing in the text says which item was meant): it is kept
as written in T54's note and resolved to nothing.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Sequence

import yaml

from lawyer_billing.domain.data_files import read_yaml
from lawyer_billing.domain.dated import DatedValues
from lawyer_billing.domain.formatting import format_money
from lawyer_billing.domain.money import LARGEST_AMOUNT, MoneyError, money, round_cents
from lawyer_billing.resources import resource_path

KINDS = frozenset({"amount", "rate", "rule", "group", "special_consideration", "no_tariff"})
FIGURE_KINDS = frozenset({"amount", "rate"})
UNITS = frozenset(
    {"flat", "per_day", "per_half_day", "per_additional_half_day", "per_attendance", "per_page", "percentage"}
)
# T20: the five columns of the civil class tables (IIIa and IIIb split class III).
CLASSES = ("I", "II", "IIIa", "IIIb", "IV")
MAX_SCOPES = frozenset({"matter", "mandate"})
RATE_BASES = frozenset({"indemnity", "judgment", "fee"})
ITEM_BASE_PREFIX = "item:"

_COMMON_KEYS = frozenset({"code", "article", "part", "kind", "label_fr", "label_en"})
_OPTIONAL_KEYS = frozenset({"section", "note", "max_count", "max_scope", "requires_authorisation"})
_FIGURE_KEYS = frozenset({"unit", "values", "classes", "of"})
_KIND_FR = {
    "rule": "une règle",
    "group": "un regroupement de sous-articles",
    "special_consideration": "une demande de considération spéciale",
    "no_tariff": "un service sans tarif",
}
_OVERLAY_COLUMNS = frozenset({"code", "effective", "amount", "class", "source"})
_OVERLAY_REQUIRED = ("code", "effective", "amount")


class TariffError(ValueError):
    """A tariff question that has no answer: unknown code, wrong date, item without amount."""


class TariffDataError(TariffError):
    """A tariff data file that does not follow the schema of ``resources/tariff/README.md``."""


class UnknownCodeError(TariffError):
    """A code that is not an item of the tariff, in any spelling."""


class TariffDateError(TariffError):
    """A date on which the tariff, or one of its items, does not apply yet (art. 53)."""


class OverlayError(TariffError):
    """An overlay amount, or an overlay file, that cannot be applied."""


class OverlayFileError(OverlayError):
    """An overlay file that cannot be read: ``problems`` holds one French sentence per problem,
    each naming the file and, where there is one, the line and the field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class TariffItem:
    """One item or sub-item of annex II, as the data file states it.

    ``values`` holds the dated figures of an item that has one (an amount in dollars, or a
    fraction for a ``rate``: "0.01" is 1 %); ``classes`` holds one such table per civil class
    instead, for the class-based items (T32-T43, T74-T84). Both are empty for rules, groups,
    special considerations and services without a tariff.
    """

    code: str
    article: str
    part: str
    section: str | None
    kind: str
    unit: str | None
    label_fr: str
    label_en: str
    values: DatedValues[Decimal] | None
    classes: Mapping[str, DatedValues[Decimal]]
    of: str | None
    max_count: int | None
    max_scope: str | None
    requires_authorisation: bool
    note: str | None

    @property
    def has_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    def tables(self) -> Iterator[DatedValues[Decimal]]:
        """Every dated table of the item (one, or one per class)."""
        if self.values is not None:
            yield self.values
        yield from self.classes.values()


@dataclass(frozen=True)
class OverlayAmount:
    """A dated amount a firm enters over the shipped tariff (a lost figure, a later entente).

    It wins over the shipped value from its ``effective`` date on; ``source_note`` says where
    the figure comes from, so a statement can be justified if the organism questions it.
    """

    code: str
    effective: date
    amount: Decimal
    tariff_class: str | None
    source_note: str
    entered_by: str
    entered_at: datetime

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite() or self.amount < 0:
            raise OverlayError(f"Le montant saisi pour {self.code} doit être un montant positif ou nul.")


class OverlayLine(NamedTuple):
    """An amount read from an overlay file, with the line of the file it was written on."""

    line: int
    entry: OverlayAmount


@dataclass(frozen=True)
class Tariff:
    """The items of one or more ententes, in the order of the text, looked up by code."""

    items: tuple[TariffItem, ...]
    _by_code: Mapping[str, TariffItem] = field(init=False, repr=False, compare=False)
    _words: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    first_effective: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({item.code: item for item in self.items}))
        words = {item.code: frozenset(_words(item.label_fr + " " + item.label_en)) for item in self.items}
        object.__setattr__(self, "_words", MappingProxyType(words))
        dates = [d for item in self.items for table in item.tables() for d in table.dates]
        object.__setattr__(self, "first_effective", min(dates))

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[TariffItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def item(self, code_or_spelling: str) -> TariffItem:
        """The item for a code in any common spelling (``T64 c)``, ``t64c``, ``T 127``...)."""
        return self._by_code[normalise_code(code_or_spelling, self)]

    def amount(self, code: str, on: date, tariff_class: str | None = None) -> Decimal | None:
        """The figure of ``code`` for a mandate issued on ``on`` (art. 53); ``None`` if unknown.

        For a ``rate`` item the figure is the fraction ("0.01"). Class-based items need the
        class of the action (T20); the others refuse one.
        """
        item = self.item(code)
        if on < self.first_effective:
            raise TariffDateError(
                f"Le tarif ne s'applique qu'aux mandats délivrés à compter du "
                f"{self.first_effective.isoformat()}, pas à un mandat délivré le {on.isoformat()}."
            )
        table = _table_for(item, tariff_class)
        if table.effective_on(on) is None:
            raise TariffDateError(
                f"L'article {item.code} ne s'applique qu'aux mandats délivrés à compter du "
                f"{table.dates[0].isoformat()}."
            )
        return table.at(on)

    def search(self, text: str) -> list[TariffItem]:
        """Items whose code starts with ``text``, then items whose labels hold its words.

        Case and accents are ignored and each word may be the start of a label word, so a
        search box can complete as the user types ("caution" finds "cautionnement").
        """
        by_code: list[TariffItem] = []
        spelled = _spelled_code(text) if _CODE_START.match(text) else None
        if spelled is not None:
            exact = self._by_code.get(spelled)
            by_code = [exact] if exact else []
            by_code += [item for item in self.items if item.code.startswith(spelled) and item is not exact]
        query = _words(text)
        if not query:
            return by_code
        found = {item.code for item in by_code}
        by_label = [
            item
            for item in self.items
            if item.code not in found
            and all(any(word.startswith(q) for word in self._words[item.code]) for q in query)
        ]
        return by_code + by_label

    def with_overlay(self, entries: Iterable[OverlayAmount]) -> "Tariff":
        """A new tariff where each entry's amount applies from its effective date on.

        The shipped data is not changed. Entries are applied in the order they were entered,
        so a later entry for the same code, class and date replaces an earlier one.
        """
        tables: dict[tuple[str, str | None], dict[date, Decimal | None]] = {}
        for entry in sorted(entries, key=lambda e: e.entered_at):
            item, tariff_class, table = self._overlay_target(entry)
            key = (item.code, tariff_class)
            tables.setdefault(key, dict(zip(table.dates, table.values)))[entry.effective] = entry.amount
        items = []
        for item in self.items:
            values = item.values
            if (item.code, None) in tables:
                values = DatedValues.of(tables[(item.code, None)])
            classes = {
                name: DatedValues.of(tables[(item.code, name)]) if (item.code, name) in tables else table
                for name, table in item.classes.items()
            }
            items.append(replace(item, values=values, classes=MappingProxyType(classes)))
        return Tariff(tuple(items))

    def _overlay_target(self, entry: OverlayAmount) -> tuple[TariffItem, str | None, DatedValues[Decimal]]:
        """The item, the class and the dated table an entry goes into; raises ``TariffError``
        (``UnknownCodeError``, ``OverlayError``) with a French sentence when it cannot."""
        item = self.item(entry.code)
        if not item.has_figure:
            raise OverlayError(f"L'article {item.code} est {_KIND_FR[item.kind]} et ne peut pas recevoir de montant.")
        tariff_class = _class_name(entry.tariff_class, item) if entry.tariff_class else None
        return item, tariff_class, _table_for(item, tariff_class)

    def overlay_problems(
        self, lines: Sequence[OverlayLine], file_name: str, existing: Iterable[OverlayAmount] = ()
    ) -> list[str]:
        """Every reason the amounts read from an overlay file cannot all go over this tariff,
        one French sentence each naming the line: an unknown code, an item without amount, a
        missing or needless class, a date before the tariff applies (art. 53), the same code,
        class and date twice in the file, or already among the ``existing`` entries."""
        return [problem for _, problem in self._overlay_problems(lines, file_name, existing)]

    def _overlay_problems(
        self, lines: Sequence[OverlayLine], file_name: str, existing: Iterable[OverlayAmount]
    ) -> list[tuple[int, str]]:
        problems: list[tuple[int, str]] = []
        seen: dict[tuple[str, str | None, date], int] = {}
        stored = {_overlay_key(entry): entry for entry in existing if entry.code in self}
        for line, entry in lines:
            where = f"Fichier « {file_name} », ligne {line}"
            try:
                item, tariff_class, _ = self._overlay_target(entry)
            except TariffError as error:
                problems.append((line, f"{where} : {error}"))
                continue
            if entry.effective < self.first_effective:
                day, first = entry.effective.isoformat(), self.first_effective.isoformat()
                problems.append((line, f"{where} : la date d'effet {day} précède celle du tarif ({first}, art. 53)."))
                continue
            key = (item.code, tariff_class, entry.effective)
            what = f"{item.code}" + (f", classe {tariff_class}," if tariff_class else "")
            if key in seen:
                problems.append(
                    (line, f"{where} : {what} au {entry.effective.isoformat()} figure déjà à la ligne {seen[key]}.")
                )
            elif key in stored:
                before = stored[key]
                problem = (
                    f"{where} : un montant de {before.amount} $ est déjà enregistré pour {what} au "
                    f"{entry.effective.isoformat()} (saisi par {before.entered_by} le "
                    f"{before.entered_at.date().isoformat()}) ; il n'est pas remplacé."
                )
                problems.append((line, problem))
            seen.setdefault(key, line)
        return problems

    def overlay_in_effect(
        self, entries: Iterable[OverlayAmount], code: str, on: date, tariff_class: str | None = None
    ) -> OverlayAmount | None:
        """The entry among ``entries`` that gives the figure of ``code`` for a mandate issued
        ``on`` once they are laid over this tariff (``with_overlay``), or ``None`` when this
        tariff's own figure applies: an entry wins from its date on, over this tariff's value of
        the same date, and the later entered wins on the same date."""
        item = self.item(code)
        tariff_class = _class_name(tariff_class, item) if tariff_class else None
        table = _table_for(item, tariff_class)
        candidates = [
            entry
            for entry in entries
            if _spelled_code(entry.code) == item.code
            and (_class_name(entry.tariff_class, item) if entry.tariff_class else None) == tariff_class
            and entry.effective <= on
        ]
        if not candidates:
            return None
        latest = max(candidates, key=lambda entry: (entry.effective, entry.entered_at))
        own = [day for day in table.dates if day <= on]
        return latest if not own or latest.effective >= max(own) else None


# --- codes ---------------------------------------------------------------------------------

_CODE_START = re.compile(r"\s*[tT]\s*\d")
_CODE_HEAD = re.compile(r"\s*[tT]\s*(\d+)(?:\.(\d+))?(.*)$", re.DOTALL)
# After the item number: a numbered paragraph (T63 2.), a letter (c)), a roman paragraph (i.).
_CODE_TAIL = re.compile(r"(?:(\d+) ?)?(?:([a-z]) ?)?(?:(iii|ii|iv|i|v) ?)?")


def _spelled_code(text: str) -> str | None:
    """The canonical spelling of a code (``T63 2. a)`` -> ``T63-2a``), or ``None``.

    The scheme is the one of ``resources/tariff/README.md``: item number, then a numbered
    paragraph after a hyphen, then the sub-item letter, then a roman paragraph after a hyphen.
    """
    head = _CODE_HEAD.match(text)
    if head is None:
        return None
    number, sub_number, rest = head.groups()
    tail = _CODE_TAIL.fullmatch(re.sub(r"[\s().\-]+", " ", rest.lower()).strip())
    if tail is None:
        return None
    paragraph, letter, roman = tail.groups()
    code = f"T{int(number)}" + (f".{int(sub_number)}" if sub_number else "")
    if paragraph:
        code += f"-{int(paragraph)}"
    if letter:
        code += letter
    if roman:
        if not letter:
            return None
        code += f"-{roman}"
    return code


def normalise_code(text: str, tariff: Tariff | None = None) -> str:
    """The tariff's own code for a spelling such as ``T64 c)``, ``t64c``, ``T 127``, ``T69 c) i.``.

    Raises ``UnknownCodeError`` when the spelling names no item of ``tariff`` (the shipped
    tariff by default).
    """
    tariff = shipped_tariff() if tariff is None else tariff
    code = _spelled_code(text)
    if code is None or code not in tariff:
        raise UnknownCodeError(f"« {text.strip()} » n'est pas un article du tarif de l'annexe II.")
    return code


def _overlay_key(entry: OverlayAmount) -> tuple[str | None, str | None, date]:
    """An entry's code, class and date as ``overlay_problems`` compares them."""
    spelled = _spelled_code(entry.code)
    canonical = next((c for c in CLASSES if entry.tariff_class and c.casefold() == entry.tariff_class.casefold()), None)
    return spelled, canonical, entry.effective


def _article_of(code: str) -> str:
    return re.match(r"T\d+(?:\.\d+)?", code).group(0)


def _words(text: str) -> list[str]:
    """Lower-case words without accents, for searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", plain)


def _class_name(text: str, item: TariffItem) -> str:
    for name in CLASSES:
        if name.casefold() == text.strip().casefold():
            return name
    raise TariffError(f"« {text} » n'est pas une classe d'action de l'article {item.code} (I, II, IIIa, IIIb ou IV).")


def _table_for(item: TariffItem, tariff_class: str | None) -> DatedValues[Decimal]:
    if not item.has_figure:
        raise TariffError(f"L'article {item.code} n'a pas de montant : c'est {_KIND_FR[item.kind]}.")
    if item.classes:
        if tariff_class is None:
            raise TariffError(f"L'article {item.code} exige la classe de l'action (I, II, IIIa, IIIb ou IV).")
        return item.classes[_class_name(tariff_class, item)]
    if tariff_class is not None:
        raise TariffError(f"L'article {item.code} n'a pas de montant par classe d'action.")
    return item.values


# --- loading the shipped data ---------------------------------------------------------------


def load_tariff(folder: Path | None = None) -> Tariff:
    """Read and validate every ``*.yaml`` file under ``folder`` (the shipped ``tariff`` folder).

    Raises ``TariffDataError`` naming the file and the record at the first problem found.
    """
    folder = resource_path("tariff") if folder is None else Path(folder)
    paths = sorted(folder.rglob("*.yaml"))
    if not paths:
        raise TariffDataError(f"Le dossier du tarif « {folder.name} » ne contient aucun fichier YAML.")
    items: list[TariffItem] = []
    origin: dict[str, str] = {}
    for path in paths:
        label = path.relative_to(folder).as_posix()
        for item in _read_file(path, label):
            if item.code in origin:
                raise TariffDataError(
                    f"Fichier « {label} », article {item.code} : code déjà défini dans « {origin[item.code]} »."
                )
            origin[item.code] = label
            items.append(item)
    for item in items:
        if item.of and item.of.startswith(ITEM_BASE_PREFIX) and item.of[len(ITEM_BASE_PREFIX):] not in origin:
            raise TariffDataError(
                f"Fichier « {origin[item.code]} », article {item.code} : "
                f"« of » renvoie à un article inconnu ({item.of})."
            )
    return Tariff(tuple(items))


@cache
def shipped_tariff() -> Tariff:
    """The tariff shipped with the application, read once per process."""
    return load_tariff()


def _read_file(path: Path, label: str) -> list[TariffItem]:
    records = read_yaml(path, TariffDataError, "le fichier du tarif")
    if not isinstance(records, list):
        raise TariffDataError(f"Fichier « {label} » : le fichier doit être une liste d'articles.")
    return [_read_record(record, label, index) for index, record in enumerate(records, start=1)]


def _read_record(record: Any, label: str, index: int) -> TariffItem:
    code = record.get("code") if isinstance(record, dict) else None
    record_name = f"article {code}" if isinstance(code, str) else f"enregistrement n° {index}"
    where = f"Fichier « {label} », {record_name}"

    def fail(problem: str) -> TariffDataError:
        return TariffDataError(f"{where} : {problem}.")

    if not isinstance(record, dict):
        raise fail("un article doit être un dictionnaire de champs")
    unknown = set(record) - _COMMON_KEYS - _OPTIONAL_KEYS - _FIGURE_KEYS
    if unknown:
        raise fail(f"clé inconnue « {sorted(unknown)[0]} »")
    missing = _COMMON_KEYS - set(record)
    if missing:
        raise fail(f"champ obligatoire « {sorted(missing)[0]} » absent")
    for key in ("code", "article", "part", "kind", "label_fr", "label_en", "section", "note"):
        if key in record and (not isinstance(record[key], str) or not record[key].strip()):
            raise fail(f"le champ « {key} » doit être un texte non vide")
    if _spelled_code(code) != code:
        raise fail("code mal formé (voir le schéma des codes dans README.md)")
    if record["article"] != _article_of(code):
        raise fail(f"l'article doit être « {_article_of(code)} »")
    kind = record["kind"]
    if kind not in KINDS:
        raise fail(f"genre « {kind} » inconnu")

    values, classes, unit, of = None, {}, record.get("unit"), record.get("of")
    if kind in FIGURE_KINDS:
        if unit not in UNITS:
            raise fail(f"unité « {unit} » inconnue")
        if (unit == "percentage") != (kind == "rate"):
            raise fail("l'unité « percentage » est réservée aux articles de genre « rate »")
        if kind == "rate" and not (of in RATE_BASES or (isinstance(of, str) and of.startswith(ITEM_BASE_PREFIX))):
            raise fail("un article de genre « rate » doit dire de quoi il est le taux (champ « of »)")
        if kind == "amount" and of is not None:
            raise fail("le champ « of » est réservé aux articles de genre « rate »")
        if ("values" in record) == ("classes" in record):
            raise fail("il faut soit « values », soit « classes »")
        if "values" in record:
            values = _read_values(record["values"], fail)
        else:
            classes = _read_classes(record["classes"], fail)
    else:
        present = _FIGURE_KEYS & set(record)
        if present:
            raise fail(f"le champ « {sorted(present)[0]} » est réservé aux articles qui ont un montant")

    max_count, max_scope = record.get("max_count"), record.get("max_scope")
    if (max_count is None) != (max_scope is None):
        raise fail("« max_count » et « max_scope » vont ensemble")
    if max_count is not None and (isinstance(max_count, bool) or not isinstance(max_count, int) or max_count < 1):
        raise fail("« max_count » doit être un entier positif")
    if max_scope is not None and max_scope not in MAX_SCOPES:
        raise fail(f"portée « {max_scope} » inconnue")
    authorisation = record.get("requires_authorisation", False)
    if not isinstance(authorisation, bool):
        raise fail("« requires_authorisation » doit valoir true ou false")

    return TariffItem(
        code=code,
        article=record["article"],
        part=record["part"],
        section=record.get("section"),
        kind=kind,
        unit=unit,
        label_fr=record["label_fr"],
        label_en=record["label_en"],
        values=values,
        classes=MappingProxyType(classes),
        of=of,
        max_count=max_count,
        max_scope=max_scope,
        requires_authorisation=authorisation,
        note=record.get("note"),
    )


def _read_values(table: Any, fail) -> DatedValues[Decimal]:
    if not isinstance(table, dict) or not table:
        raise fail("« values » doit associer au moins une date à un montant")
    dated: dict[date, Decimal | None] = {}
    for key, value in table.items():
        effective = _read_date(key)
        if effective is None:
            raise fail(f"date d'effet « {key} » invalide (format AAAA-MM-JJ)")
        if value is None:
            dated[effective] = None
            continue
        if not isinstance(value, str):
            raise fail(f"le montant du {effective.isoformat()} doit être écrit entre guillemets, ex. \"330.00\"")
        try:
            amount = money(value)
        except MoneyError:
            raise fail(f"« {value} » n'est pas un montant") from None
        if amount < 0:
            raise fail(f"le montant du {effective.isoformat()} est négatif")
        dated[effective] = amount
    return DatedValues.of(dated)


def _read_classes(table: Any, fail) -> dict[str, DatedValues[Decimal]]:
    if not isinstance(table, dict) or not table:
        raise fail("« classes » doit associer des classes d'action à des montants datés")
    unknown = [name for name in table if name not in CLASSES]
    if unknown:
        raise fail(f"classe « {unknown[0]} » inconnue (I, II, IIIa, IIIb ou IV)")
    return {name: _read_values(table[name], fail) for name in CLASSES if name in table}


def _read_date(value: Any) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# --- overlay files --------------------------------------------------------------------------


def read_overlay_file(
    path: Path,
    entered_by: str,
    entered_at: datetime,
    default_source: str = "",
    tariff: "Tariff | None" = None,
    existing: Iterable[OverlayAmount] = (),
) -> list[OverlayLine]:
    """Read a firm's amounts from a YAML or CSV file (the format of ``resources/tariff/README.md``).

    Each amount keeps the line of the file it comes from; ``default_source`` is the source note
    of the rows that give none. Codes are checked for their spelling here and, when ``tariff``
    is given, every amount against it and the ``existing`` entries (``Tariff.overlay_problems``;
    otherwise ``with_overlay`` checks them). Raises ``OverlayFileError`` holding every problem
    found, in the order of the file, each naming the file, the line and the field.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise OverlayFileError([f"Fichier « {path.name} » : seuls les fichiers .yaml, .yml et .csv sont acceptés."])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise OverlayFileError([f"Fichier « {path.name} » : ce n'est pas un texte UTF-8."]) from None
    except OSError as error:
        raise OverlayFileError([f"Fichier « {path.name} » : lecture impossible ({error.strerror})."]) from None
    problems: list[tuple[int, str]] = []
    if suffix == ".csv":
        rows = _overlay_rows_csv(text, path.name, problems)
    else:
        rows = _overlay_rows_yaml(text, path.name, problems)
    read = []
    for line, row in rows:
        entry = _overlay_entry(row, line, path.name, entered_by, entered_at, default_source, problems)
        if entry is not None:
            read.append(OverlayLine(line, entry))
    if not problems and not rows:
        problems.append((0, f"Fichier « {path.name} » : aucun montant."))
    if tariff is not None:
        problems += tariff._overlay_problems(read, path.name, existing)
    if problems:
        raise OverlayFileError([problem for _, problem in sorted(problems, key=lambda pair: pair[0])])
    return read


def parse_overlay_file(
    path: Path, entered_by: str, entered_at: datetime, default_source: str = ""
) -> list[OverlayAmount]:
    """The amounts of an overlay file (``read_overlay_file`` without the line numbers)."""
    return [read.entry for read in read_overlay_file(path, entered_by, entered_at, default_source)]


def _overlay_rows_yaml(text: str, name: str, problems: list[tuple[int, str]]) -> list[tuple[int, dict]]:
    try:
        data = yaml.safe_load(text)
        nodes = yaml.compose(text)
    except yaml.YAMLError as error:
        problems.append((0, f"Fichier « {name} » : YAML illisible ({error}).".replace("\n", " ")))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append((0, f"Fichier « {name} » : le fichier doit être une liste de montants."))
        return []
    rows = []
    for node, row in zip(nodes.value, data):
        line = node.start_mark.line + 1
        if isinstance(row, dict):
            rows.append((line, row))
        else:
            problem = f"Fichier « {name} », ligne {line} : chaque montant doit être un dictionnaire de champs."
            problems.append((line, problem))
    return rows


def _overlay_rows_csv(text: str, name: str, problems: list[tuple[int, str]]) -> list[tuple[int, dict]]:
    lines = text.splitlines()
    header = lines[0] if lines else ""
    # A spreadsheet in French separates columns with ";" (the comma is the decimal mark).
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    columns = {(column or "").strip() for column in reader.fieldnames or []}
    before = len(problems)
    for column in sorted(columns - _OVERLAY_COLUMNS):
        problems.append((1, f"Fichier « {name} », ligne 1 : colonne « {column} » inconnue."))
    for column in _OVERLAY_REQUIRED:
        if column not in columns:
            problems.append((1, f"Fichier « {name} », ligne 1 : colonne « {column} » absente."))
    if len(problems) > before:
        return []
    return [
        (reader.line_num, {(k or "").strip(): v for k, v in row.items()})
        for row in reader
        if any((v or "").strip() for v in row.values() if isinstance(v, str))
    ]


def _overlay_entry(
    row: dict,
    line: int,
    name: str,
    entered_by: str,
    entered_at: datetime,
    default_source: str,
    problems: list[tuple[int, str]],
) -> OverlayAmount | None:
    """The amount of one row, or ``None`` after adding each of its problems to ``problems``."""
    before = len(problems)

    def fail(column: str, problem: str) -> None:
        problems.append((line, f"Fichier « {name} », ligne {line}, champ « {column} » : {problem}."))

    for column in sorted(set(row) - _OVERLAY_COLUMNS):
        fail(column, "champ inconnu")
    for column in _OVERLAY_REQUIRED:
        if row.get(column) in (None, ""):
            fail(column, "valeur obligatoire absente")
    code = effective = amount = None
    if row.get("code") not in (None, ""):
        code = _spelled_code(str(row["code"]))
        if code is None:
            fail("code", f"« {row['code']} » n'est pas un code d'article")
    if row.get("effective") not in (None, ""):
        effective = _read_date(row["effective"])
        if effective is None:
            fail("effective", f"« {row['effective']} » n'est pas une date AAAA-MM-JJ")
    if row.get("amount") not in (None, ""):
        amount = _overlay_amount(row["amount"])
        if amount is None:
            fail("amount", f"« {row['amount']} » n'est pas un montant (écrire par ex. 330.00 entre guillemets)")
        elif amount < 0:
            fail("amount", "un montant ne peut pas être négatif")
        elif amount > LARGEST_AMOUNT:
            fail("amount", f"« {row['amount']} » dépasse le plus grand montant accepté ({format_money(LARGEST_AMOUNT)})")
        elif amount != round_cents(amount):
            fail("amount", f"« {row['amount']} » : un montant s'exprime en cents (deux décimales au plus)")
    written_class = str(row.get("class") or "").strip() or None
    tariff_class = None
    if written_class is not None:
        tariff_class = next((c for c in CLASSES if c.casefold() == written_class.casefold()), None)
        if tariff_class is None:
            fail("class", f"« {written_class} » n'est pas une classe d'action (I, II, IIIa, IIIb ou IV)")
    source = str(row.get("source") or "").strip() or default_source.strip()
    if not source:
        fail("source", "indiquez d'où vient le montant (colonne « source » ou note donnée pour tout le fichier)")
    if len(problems) > before:
        return None
    return OverlayAmount(
        code=code,
        effective=effective,
        amount=amount,
        tariff_class=tariff_class,
        source_note=source,
        entered_by=entered_by,
        entered_at=entered_at,
    )


def _overlay_amount(value: Any) -> Decimal | None:
    """An amount as a firm writes it: "330.00", "330,00", "1 315 $", or an integer."""
    if isinstance(value, int) and not isinstance(value, bool):
        return money(value)
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s\u00a0\u202f$]", "", value)
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return money(text)
    except MoneyError:
        return None
