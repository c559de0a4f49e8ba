"""A ``compute`` scenario: the JSON document read by ``lawyer-billing compute``, validated.

The format is a public contract (``docs/compute-format.md``): scripts write it, so a mistake
must come back as a sentence naming the field by its JSON path (``services[3].date``), never
as a traceback and never as a silently wrong figure. ``read_scenario`` therefore checks every
field, collects every problem (it does not stop at the first) and raises ``ScenarioError``
holding them all; only a scenario with no problem at all becomes a ``Scenario`` value made of
the domain's own facts (``MandateFacts``, ``ServiceFacts``, ``Trip``...).

Exactness: money, km and rates are JSON strings (``"12.50"``) or integers. A JSON number with
a decimal point is refused, because a script that wrote ``12.5`` may have computed it in
binary floating point; the message says which string to write instead.
"""

import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from decimal import Decimal
from typing import Any

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.calendar import FIRST_YEAR, LAST_YEAR
from lawyer_billing.domain.cap import CapAttribution
from lawyer_billing.domain.deadlines import DEFAULT_REMINDERS
from lawyer_billing.domain.interest import Payment
from lawyer_billing.domain.money import CENT, LARGEST_AMOUNT, MoneyError, money
from lawyer_billing.domain.rules import civil_classes
from lawyer_billing.domain.tariff import CLASSES, UnknownCodeError, normalise_code, shipped_tariff
from lawyer_billing.domain.travel import TravelBasis, Trip

ROOT = "$"
MAX_TEXT_LENGTH = 500
MAX_KM = Decimal(100_000)
MAX_KM_RATE = Decimal(100)
MAX_COUNT = 10_000
MAX_ITEMS = 100_000
MAX_REMINDER_DAYS = 3_650
MAX_DOCUMENT_CHARS = 50_000_000

TRAVEL_BASES = {
    "in_district": TravelBasis.IN_DISTRICT,
    "outside_district": TravelBasis.OUTSIDE_DISTRICT,
    "appeal_court_or_outside_tribunal": TravelBasis.APPEAL_COURT_OR_OUTSIDE_TRIBUNAL,
    "authorized": TravelBasis.AUTHORIZED,
}

# The values ``ServiceFacts.disposition`` and ``MandateFacts.party`` document.
DISPOSITIONS = (
    "trial", "guilty_plea", "found_guilty", "consent", "settled_before_defence", "settled_after_defence",
)
PARTIES = ("plaintiff", "defendant")
# ``ServiceFacts.remedy`` (T49, T73, T80, T82) and ``ServiceFacts.represents`` (T201.1-T201.2).
REMEDIES = tuple(civil_classes.REMEDIES)
REPRESENTED = ("child", "parent")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")
_FISCAL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")
# Bidirectional overrides and isolates: they make a text display in another order than it reads.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario: the JSON ``path`` of the field and a French sentence."""

    path: str
    message_fr: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message_fr}"


class ScenarioError(ValueError):
    """A scenario that cannot be computed; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class Settings:
    """``today`` is the scenario's own date, or the caller's default when it gives none."""

    today: date
    office_district: str = ""
    cap_attribution: CapAttribution = CapAttribution.SERVICE_DATE
    #: one km rate for every trip (art. 20), before the dated ``km_rates``
    km_rate: Decimal | None = None
    km_rates: Mapping[date, Decimal] = field(default_factory=dict)
    #: holidays the user adds to those of CPP art. 18 (art. 18 (11))
    holidays: tuple[date, ...] = ()
    reminders: tuple[int, ...] = DEFAULT_REMINDERS


@dataclass(frozen=True)
class TravelFacts:
    id: str
    mandate: str
    trip: Trip


@dataclass(frozen=True)
class StatementFacts:
    """A statement of fees (relevé d'honoraires) and what happened to it, as far as it went."""

    id: str
    mandates: tuple[str, ...]
    sent: date | None = None
    received: date | None = None
    amount: Decimal | None = None
    #: the day the remainder was paid in full
    paid: date | None = None
    #: partial payments before ``paid``
    payments: tuple[Payment, ...] = ()
    refusal_received: date | None = None
    conciliation_requested: date | None = None
    conciliation_ended: date | None = None
    dispute_notice_sent: date | None = None
    answer_received: date | None = None
    #: the day the matter was submitted to arbitration (art. 35): meets that deadline
    arbitration_requested: date | None = None
    #: the statement's number as printed (empty: ``id`` is shown)
    number: str = ""

    @property
    def name(self) -> str:
        return self.number or self.id

    def as_of(self, day: date) -> "StatementFacts":
        """What had happened to the statement by ``day``: every later date left out, as a
        scenario computed on ``day`` would give it (its dates may not follow ``today``). The
        dates follow one another (sent, received, paid...), so what remains is consistent."""
        kept = {f.name: None for f in fields(self)
                if isinstance(getattr(self, f.name), date) and getattr(self, f.name) > day}
        return replace(self, **kept, payments=tuple(p for p in self.payments if p.date <= day))


@dataclass(frozen=True)
class Scenario:
    settings: Settings
    fees_before: Mapping[str, Decimal]
    mandates: tuple[MandateFacts, ...]
    services: tuple[ServiceFacts, ...]
    travel: tuple[TravelFacts, ...]
    statements: tuple[StatementFacts, ...]


def read_scenario(text: str, default_today: date) -> Scenario:
    """The scenario in the JSON ``text``; ``default_today`` when ``settings.today`` is absent.

    Raises ``ScenarioError`` with every problem found; raises nothing else.
    """
    return scenario_from_document(parse_document(text), default_today)


def parse_document(text: str) -> object:
    """The JSON ``text`` parsed for a ``ScenarioReader``: numbers with a decimal point kept
    apart (to be refused), each object remembering its doubled keys. Raises ``ScenarioError``
    when ``text`` is not JSON, or too long.
    """
    if len(text) > MAX_DOCUMENT_CHARS:
        raise ScenarioError([Problem(ROOT, f"le document dépasse {MAX_DOCUMENT_CHARS} caractères")])
    try:
        return json.loads(text, parse_float=_JsonFloat, parse_constant=_refuse_constant,
                          object_pairs_hook=_JsonObject.of)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            [Problem(ROOT, f"JSON invalide, ligne {error.lineno}, colonne {error.colno} : {error.msg}")]
        ) from None
    except _ConstantError as error:
        raise ScenarioError([Problem(ROOT, f"JSON invalide : {error}")]) from None
    except RecursionError:
        raise ScenarioError([Problem(ROOT, "JSON invalide : imbrication trop profonde")]) from None


def scenario_from_document(document: object, default_today: date) -> Scenario:
    """The scenario held by an already parsed JSON ``document`` (see ``read_scenario``)."""
    reader = ScenarioReader()
    scenario = reader.scenario(document, default_today)
    if reader.problems or scenario is None:
        raise ScenarioError(reader.problems)
    return scenario


class _JsonFloat(Decimal):
    """A JSON number written with a decimal point or an exponent: kept exact, but refused."""


class _ConstantError(ValueError):
    pass


def _refuse_constant(name: str) -> None:
    raise _ConstantError(f"{name} n'est pas un nombre permis")


class _JsonObject(dict):
    """A JSON object that remembers the keys it had twice (JSON keeps only the last one)."""

    duplicates: tuple[str, ...] = ()

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> "_JsonObject":
        made = cls(pairs)
        seen: set[str] = set()
        made.duplicates = tuple(key for key, _ in pairs if key in seen or seen.add(key))
        return made


#: what a field reader returns for a field it refused (after recording why)
INVALID = object()
Read = Callable[[object, str], Any]


@dataclass(frozen=True)
class Field:
    """How ``ScenarioReader.fields`` reads one key of an object: with ``read``, and
    ``default`` when the key is absent or ``null`` (unless it is ``required``)."""

    read: Read
    required: bool = False
    default: Any = None


def _shown(value: object) -> str:
    """A value as it appears in a message: JSON spelling, unsafe characters escaped, shortened."""
    # a number of the document is read as a Decimal (``_JsonFloat``), also inside a list, where
    # it is shown as the JSON number it was (a float only to be printed)
    shown = str(value) if isinstance(value, Decimal) else json.dumps(value, ensure_ascii=False, default=float)
    shown = "".join(f"\\u{ord(c):04x}" if _unsafe(c) else c for c in shown)
    return shown if len(shown) <= 60 else shown[:59] + "…"


def _unsafe(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cs") or character in _BIDI_CONTROLS


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "un booléen"
    if isinstance(value, (int, float, Decimal)):
        return "un nombre"
    if isinstance(value, str):
        return "un texte"
    if isinstance(value, list):
        return "une liste"
    return "un objet"


class ScenarioReader:
    """Reads a parsed document field by field, recording a ``Problem`` for each bad field.

    Each ``read_*`` method returns the field's value or ``INVALID`` after recording why. The
    ``statement`` command's reader (``statement_scenario.py``) extends this one, so that both
    commands read texts, dates and amounts by the same rules and with the same messages.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> object:
        self.problems.append(Problem(path, message))
        return INVALID

    # -- the document -------------------------------------------------------------------

    def scenario(self, document: object, default_today: date) -> Scenario | None:
        if not isinstance(document, dict):
            self.fail(ROOT, f"le scénario doit être un objet JSON {{...}}, pas {_type_name(document)}")
            return None
        top = self.fields(document, ROOT, {
            "settings": Field(self.read_object, default={}),
            "fees_before": Field(self.read_fees_before, default={}),
            "mandates": Field(self.list_of(self.read_object), required=True),
            "services": Field(self.list_of(self.read_object), default=[]),
            "travel": Field(self.list_of(self.read_object), default=[]),
            "statements": Field(self.list_of(self.read_object), default=[]),
            # read by the ``statement`` command (the relevé's letterhead and header); compute
            # needs neither, but a scenario written for one command is valid for the other
            "lawyer": Field(self.read_object, default={}),
            "statement": Field(self.read_object, default={}),
        })
        settings = self.settings(top["settings"], default_today)
        known = self.ids(document.get("mandates"))
        mandates = self.entities(top["mandates"], "mandates", lambda v, p: self.mandate(v, p, known))
        services = self.entities(top["services"], "services", lambda v, p: self.service(v, p, known))
        travel = self.entities(top["travel"], "travel", lambda v, p: self.travel(v, p, known))
        today = settings.today if settings else default_today
        statements = self.entities(
            top["statements"], "statements", lambda v, p: self.statement(v, p, known, today)
        )
        if self.problems:
            return None
        return Scenario(settings, top["fees_before"], mandates, services, travel, statements)

    def fields(self, value: object, path: str, spec: Mapping[str, Field]) -> dict | None:
        """The fields of an object by ``spec``, each value read or ``INVALID``.

        ``None`` when ``value`` is not an object. An unknown or doubled key is a problem but
        leaves the known fields readable, so that their own problems are reported too.
        """
        if value is INVALID:
            return None
        if not isinstance(value, dict):
            self.fail(path, f"doit être un objet {{...}}, pas {_type_name(value)}")
            return None
        for key in getattr(value, "duplicates", ()):
            self.fail(_child(path, key), "clé présente plus d'une fois")
        for key in value:
            if key not in spec:
                self.fail(_child(path, key), f"clé inconnue ; clés permises : {', '.join(spec)}")
        read = {}
        for name, wanted in spec.items():
            raw = value.get(name)
            if name not in value and wanted.required:
                read[name] = self.fail(_child(path, name), "champ obligatoire absent")
            elif raw is None and not wanted.required:
                read[name] = wanted.default
            else:
                read[name] = wanted.read(raw, _child(path, name))
        return read

    def entities(self, items: object, name: str, build: Callable[[object, str], Any]) -> Any:
        """Each item of a list read by ``build``, then refused if two share an ``id``."""
        if items is INVALID:
            return INVALID
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            identifier = item.get("id") if isinstance(item, dict) else None
            if isinstance(identifier, str) and identifier in seen:
                self.fail(f"{name}[{index}].id",
                          f"identifiant {_shown(identifier)} déjà utilisé par {seen[identifier]}")
            elif isinstance(identifier, str):
                seen[identifier] = f"{name}[{index}]"
        return tuple(build(item, f"{name}[{index}]") for index, item in enumerate(items))

    @staticmethod
    def ids(items: object) -> set[str]:
        """The ids written in a list, even on items with other problems (for cross-references)."""
        if not isinstance(items, list):
            return set()
        return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}

    # -- the parts ----------------------------------------------------------------------

    def settings(self, value: object, default_today: date) -> Settings | None:
        read = self.fields(value, "settings", {
            "office_district": Field(self.read_text, default=""),
            "cap_attribution": Field(self.choice({a.value: a for a in CapAttribution}),
                                      default=CapAttribution.SERVICE_DATE),
            "km_rate": Field(self.read_km_rate),
            "km_rates": Field(self.read_km_rates, default={}),
            "today": Field(self.read_date, default=default_today),
            "holidays": Field(self.list_of(self.read_date), default=[]),
            "reminders": Field(self.list_of(self.number(0, MAX_REMINDER_DAYS)),
                                default=list(DEFAULT_REMINDERS)),
        })
        if incomplete(read):
            return None
        return Settings(
            today=read["today"],
            office_district=read["office_district"],
            cap_attribution=read["cap_attribution"],
            km_rate=read["km_rate"],
            km_rates=read["km_rates"],
            holidays=tuple(read["holidays"]),
            reminders=tuple(read["reminders"]),
        )

    def mandate(self, value: object, path: str, mandates: set[str]) -> MandateFacts | None:
        read = self.fields(value, path, {
            "id": Field(self.read_identifier, required=True),
            "client": Field(self.read_identifier, required=True),
            "issued": Field(self.read_date, required=True),
            "district": Field(self.read_text, default=""),
            "ended": Field(self.read_date),
            "ended_by_judgment": Field(self.read_bool, default=False),
            "judgment_date": Field(self.read_date),
            "aid_ceased": Field(self.read_date),
            "matter": Field(self.read_text, default=""),
            "earlier_mandate": Field(self.reference(mandates)),
            "party": Field(self.choice({p: p for p in PARTIES}), default=""),
            "number": Field(self.read_text, default=""),
        })
        if incomplete(read):
            return None
        problems = len(self.problems)
        first = shipped_tariff().first_effective
        if read["issued"] < first:
            self.fail(f"{path}.issued", f"l'entente ne s'applique qu'aux mandats délivrés à compter du "
                      f"{first.isoformat()} (art. 53), pas le {read['issued'].isoformat()}")
        self.not_before(read, path, "ended", "issued", "la fin du mandat précède son émission")
        self.not_before(read, path, "ended", "judgment_date",
                        "le jugement qui met fin au mandat ne peut pas suivre la fin du mandat")
        self.not_before(read, path, "aid_ceased", "issued", "la cessation de l'aide précède l'émission du mandat")
        return MandateFacts(**read) if len(self.problems) == problems else None

    def service(self, value: object, path: str, mandates: set[str]) -> ServiceFacts | None:
        read = self.fields(value, path, {
            "id": Field(self.read_identifier, required=True),
            "mandate": Field(self.reference(mandates), required=True),
            "code": Field(self.read_code, required=True),
            "date": Field(self.read_date, required=True),
            "court": Field(self.read_text, default=""),
            "start": Field(self.read_time),
            "end": Field(self.read_time),
            "units": Field(self.number(1, MAX_COUNT), default=1),
            "disposition": Field(self.choice({d: d for d in DISPOSITIONS})),
            "co_accused_group": Field(self.read_text),
            "children": Field(self.number(1, MAX_COUNT), default=1),
            "class": Field(self.choice({c: c for c in CLASSES})),
            "base_amount": Field(self.read_money),
            "amount": Field(self.read_money),
            "conservatory_act": Field(self.read_bool, default=False),
            "authorised": Field(self.read_bool, default=False),
            "charged_as": Field(self.read_code),
            "contestations": Field(self.number(1, MAX_COUNT), default=1),
            "injunction": Field(self.read_bool, default=False),
            "after_interlocutory": Field(self.read_bool, default=False),
            "at_own_request": Field(self.read_bool, default=True),
            "shared_lump_sum": Field(self.read_bool, default=False),
            "remedy": Field(self.choice({r: r for r in REMEDIES})),
            "contested_hearing": Field(self.read_bool, default=False),
            "represents": Field(self.choice({r: r for r in REPRESENTED}), default="child"),
        })
        if incomplete(read):
            return None
        if read["remedy"] is not None and read["injunction"]:
            self.fail(f"{path}.remedy", "une injonction (« injunction ») n'est pas un recours extraordinaire ni un "
                      "habeas corpus (T46, T49, T80) : donnez l'un ou l'autre")
            return None
        start, end = read["start"], read["end"]
        if (start is None) != (end is None):
            missing = "end" if end is None else "start"
            self.fail(f"{path}.{missing}",
                      "donnez l'heure de début et l'heure de fin, ou aucune des deux (journée entière)")
            return None
        if start is not None and end <= start:
            self.fail(f"{path}.end", f"l'heure de fin ({end:%H:%M}) doit suivre l'heure de début ({start:%H:%M})")
            return None
        read["tariff_class"] = read.pop("class")
        return ServiceFacts(**read)

    def travel(self, value: object, path: str, mandates: set[str]) -> TravelFacts | None:
        read = self.fields(value, path, {
            "id": Field(self.read_identifier, required=True),
            "mandate": Field(self.reference(mandates), required=True),
            "date": Field(self.read_date, required=True),
            "km": Field(self.read_km, required=True),
            "destination_km": Field(self.read_km, required=True),
            "basis": Field(self.choice(TRAVEL_BASES), required=True),
            "parking": Field(self.read_money),
            "actual_cost": Field(self.read_money),
            "alternate_km": Field(self.read_km),
        })
        if incomplete(read):
            return None
        trip = Trip(read["date"], read["km"], read["destination_km"], read["basis"],
                    read["parking"], read["actual_cost"], read["alternate_km"])
        return TravelFacts(read["id"], read["mandate"], trip)

    def statement(self, value: object, path: str, mandates: set[str], today: date) -> StatementFacts | None:
        read = self.fields(value, path, {
            "id": Field(self.read_identifier, required=True),
            "mandates": Field(self.list_of(self.reference(mandates), at_least_one=True), required=True),
            "sent": Field(self.read_date),
            "received": Field(self.read_date),
            "amount": Field(self.read_money),
            "paid": Field(self.read_date),
            "payments": Field(self.list_of(self.read_payment), default=[]),
            "refusal_received": Field(self.read_date),
            "conciliation_requested": Field(self.read_date),
            "conciliation_ended": Field(self.read_date),
            "dispute_notice_sent": Field(self.read_date),
            "answer_received": Field(self.read_date),
            "arbitration_requested": Field(self.read_date),
            "number": Field(self.read_text, default=""),
        })
        if incomplete(read):
            return None
        problems = len(self.problems)
        for later, earlier, message in (
            ("received", "sent", "le relevé est reçu avant d'être envoyé"),
            ("paid", "received", "le paiement précède la réception du relevé"),
            ("refusal_received", "sent", "le refus précède l'envoi du relevé"),
            ("conciliation_requested", "refusal_received", "la conciliation précède le refus"),
            ("conciliation_ended", "conciliation_requested", "la conciliation finit avant d'être demandée"),
            ("dispute_notice_sent", "refusal_received", "l'avis de différend précède le refus"),
            ("answer_received", "dispute_notice_sent", "la réponse précède l'avis de différend"),
            ("arbitration_requested", "dispute_notice_sent", "l'arbitrage est demandé avant l'avis de différend"),
        ):
            self.not_before(read, path, later, earlier, message)
        for name, needs in (
            ("conciliation_ended", "conciliation_requested"),
            ("answer_received", "dispute_notice_sent"),
            ("arbitration_requested", "dispute_notice_sent"),
        ):
            if read[name] is not None and read[needs] is None:
                self.fail(f"{path}.{name}", f"donné sans « {needs} »")
        for name in ("sent", "received", "paid", "refusal_received", "conciliation_requested",
                     "conciliation_ended", "dispute_notice_sent", "answer_received", "arbitration_requested"):
            if read[name] is not None and read[name] > today:
                self.fail(f"{path}.{name}", f"{read[name].isoformat()} est postérieur à aujourd'hui "
                          f"({today.isoformat()}, settings.today)")
        self.check_payments(read, path, today)
        if len(self.problems) > problems:
            return None
        read["mandates"] = tuple(read["mandates"])
        read["payments"] = tuple(sorted(read["payments"], key=lambda p: p.date))
        return StatementFacts(**read)

    def check_payments(self, read: dict, path: str, today: date) -> None:
        """Partial payments fall between receipt and full payment and never exceed the amount."""
        payments: list[Payment] = read["payments"]
        if not payments:
            return
        if read["received"] is None or read["amount"] is None:
            self.fail(f"{path}.payments", "des paiements partiels demandent « received » et « amount »")
            return
        last = read["paid"] or today
        for index, payment in enumerate(payments):
            if not read["received"] <= payment.date <= last:
                self.fail(f"{path}.payments[{index}].date",
                          f"{payment.date.isoformat()} doit être entre la réception du relevé et son paiement complet "
                          "(ou aujourd'hui)")
        total = sum(p.amount for p in payments)
        if total > read["amount"]:
            self.fail(f"{path}.payments",
                      f"les paiements ({total} $) dépassent le montant du relevé ({read['amount']} $)")

    def not_before(self, read: dict, path: str, later: str, earlier: str, message: str) -> None:
        if read[later] is not None and read[earlier] is not None and read[later] < read[earlier]:
            self.fail(f"{path}.{later}",
                      f"{message} ({read[later].isoformat()} < {earlier} {read[earlier].isoformat()})")

    # -- field readers ------------------------------------------------------------------

    def read_object(self, value: object, path: str) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"doit être un objet {{...}}, pas {_type_name(value)}")
        return value

    def read_text(self, value: object, path: str) -> Any:
        if not isinstance(value, str):
            return self.fail(path, f"doit être un texte entre guillemets, pas {_type_name(value)}")
        if len(value) > MAX_TEXT_LENGTH:
            return self.fail(path, f"texte de {len(value)} caractères : au plus {MAX_TEXT_LENGTH}")
        unsafe = next((c for c in value if _unsafe(c)), None)
        if unsafe is not None:
            return self.fail(path, f"caractère de contrôle interdit (U+{ord(unsafe):04X}) dans {_shown(value)}")
        return value

    def read_identifier(self, value: object, path: str) -> Any:
        text = self.read_text(value, path)
        if text is not INVALID and not text.strip():
            return self.fail(path, "ne peut pas être vide")
        return text

    def read_bool(self, value: object, path: str) -> Any:
        if not isinstance(value, bool):
            return self.fail(path, f"doit être true ou false, pas {_shown(value)}")
        return value

    def read_date(self, value: object, path: str) -> Any:
        if not isinstance(value, str):
            return self.fail(path, f"doit être une date \"AAAA-MM-JJ\" entre guillemets, pas {_type_name(value)}")
        if not _DATE.fullmatch(value):
            return self.fail(path, f"{_shown(value)} n'est pas une date valide (AAAA-MM-JJ)")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return self.fail(path, f"{_shown(value)} n'est pas une date valide")
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return self.fail(path, f"{_shown(value)} est hors des années {FIRST_YEAR} à {LAST_YEAR}")
        return day

    def read_time(self, value: object, path: str) -> Any:
        found = _TIME.fullmatch(value) if isinstance(value, str) else None
        if found is None or int(found[1]) > 23 or int(found[2]) > 59:
            return self.fail(path, f"{_shown(value)} n'est pas une heure valide (\"HH:MM\", de 00:00 à 23:59)")
        return time(int(found[1]), int(found[2]))

    def read_code(self, value: object, path: str) -> Any:
        text = self.read_text(value, path)
        if text is INVALID:
            return text
        try:
            return normalise_code(text)
        except UnknownCodeError as error:
            return self.fail(path, str(error))

    def read_money(self, value: object, path: str) -> Any:
        return self.decimal(value, path, LARGEST_AMOUNT, places=2, unit="$")

    def read_km(self, value: object, path: str) -> Any:
        return self.decimal(value, path, MAX_KM, places=2, unit="km")

    def read_km_rate(self, value: object, path: str) -> Any:
        return self.decimal(value, path, MAX_KM_RATE, places=4, unit="$/km")

    def read_payment(self, value: object, path: str) -> Any:
        read = self.fields(value, path, {
            "date": Field(self.read_date, required=True),
            "amount": Field(self.read_money, required=True),
        })
        if incomplete(read):
            return INVALID
        if read["amount"] == 0:
            return self.fail(f"{path}.amount", "un paiement doit être plus grand que zéro")
        return Payment(read["date"], read["amount"])

    def read_fees_before(self, value: object, path: str) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"doit être un objet {{\"2024-2025\": \"139800.00\"}}, pas {_type_name(value)}")
        fees = {}
        for year, amount in value.items():
            found = _FISCAL_YEAR.fullmatch(year)
            if found is None or int(found[2]) != int(found[1]) + 1:
                self.fail(_child(path, year), "un exercice financier s'écrit \"2024-2025\" (1er avril - 31 mars)")
                continue
            fees[year] = self.read_money(amount, _child(path, year))
        return INVALID if INVALID in fees.values() else fees

    def read_km_rates(self, value: object, path: str) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"doit être un objet {{\"2024-01-01\": \"0.50\"}}, pas {_type_name(value)}")
        rates = {self.read_date(on, _child(path, on)): self.read_km_rate(rate, _child(path, on))
                 for on, rate in value.items()}
        return INVALID if INVALID in rates or INVALID in rates.values() else rates

    def decimal(self, value: object, path: str, limit: Decimal, places: int, unit: str) -> Any:
        """An exact non-negative number from a JSON string or integer, at most ``limit``."""
        if isinstance(value, (float, _JsonFloat)):
            return self.fail(path, f"{value} est un nombre à virgule : écrivez-le entre guillemets, "
                             f"{_suggested(value)}, pour qu'il reste exact")
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return self.fail(path,
                             f"doit être un nombre entre guillemets (\"12.50\") ou entier, pas {_type_name(value)}")
        if isinstance(value, str) and len(value) > 40:
            return self.fail(path, f"{_shown(value)} n'est pas un nombre")
        try:
            number = money(value)
        except MoneyError:
            return self.fail(path, f"{_shown(value)} n'est pas un nombre")
        if number < 0:
            return self.fail(path, f"{_shown(value)} ne peut pas être négatif")
        if number > limit:
            return self.fail(path, f"{_shown(value)} dépasse la limite de {limit} {unit}")
        if number.as_tuple().exponent < -places:
            return self.fail(path, f"{_shown(value)} : au plus {places} décimales")
        return number.copy_abs()  # "-0" is zero

    # -- reader factories ---------------------------------------------------------------

    def number(self, minimum: int, maximum: int) -> Read:
        def read(value: object, path: str) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                return self.fail(path, f"doit être un nombre entier, pas {_shown(value)}")
            if not minimum <= value <= maximum:
                return self.fail(path, f"{value} doit être entre {minimum} et {maximum}")
            return value
        return read

    def choice(self, allowed: Mapping[str, Any]) -> Read:
        def read(value: object, path: str) -> Any:
            if not isinstance(value, str) or value not in allowed:
                return self.fail(path, f"{_shown(value)} n'est pas permis ; valeurs permises : {', '.join(allowed)}")
            return allowed[value]
        return read

    def reference(self, mandates: set[str]) -> Read:
        def read(value: object, path: str) -> Any:
            identifier = self.read_identifier(value, path)
            if identifier is not INVALID and identifier not in mandates:
                return self.fail(path, f"mandat {_shown(identifier)} inconnu (absent de « mandates »)")
            return identifier
        return read

    def list_of(self, read_item: Read, at_least_one: bool = False) -> Read:
        def read(value: object, path: str) -> Any:
            if not isinstance(value, list):
                return self.fail(path, f"doit être une liste [...], pas {_type_name(value)}")
            if len(value) > MAX_ITEMS:
                return self.fail(path, f"liste de {len(value)} éléments : au plus {MAX_ITEMS}")
            if at_least_one and not value:
                return self.fail(path, "la liste ne peut pas être vide")
            items = [read_item(item, f"{path}[{index}]") for index, item in enumerate(value)]
            return INVALID if INVALID in items else items
        return read


def incomplete(read: dict | None) -> bool:
    """Whether the fields read by ``ScenarioReader.fields`` miss an object or hold a refused value."""
    return read is None or any(value is INVALID for value in read.values())


def _child(path: str, key: str) -> str:
    """The path of ``key`` inside the object at ``path``: ``settings.today``, or
    ``settings["odd key"]`` for a key that is not a plain name (escaped like a value)."""
    if _PLAIN_KEY.fullmatch(key):
        return key if path == ROOT else f"{path}.{key}"
    return f"{path}[{_shown(key)}]"


def _suggested(value: float | Decimal) -> str:
    """The string to write instead of a JSON float: ``12.5`` becomes ``"12.50"``."""
    written = Decimal(repr(value)) if isinstance(value, float) else value
    if not written.is_finite() or not -20 < written.adjusted() < 20:
        return "\"…\""
    exact = written.quantize(CENT) if written.as_tuple().exponent >= -2 else written
    return f"\"{exact:f}\""
