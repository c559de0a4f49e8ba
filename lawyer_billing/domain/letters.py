"""The letters of the entente, filled from templates stored as data.

Six letters: the notice of dispute (art. 32), the request for conciliation (art. 29), the
letter submitting a dispute to arbitration (art. 35), the request for special consideration
(T8-T12), the claim for late-payment interest (art. 17) and the notice ending a mandate
(art. 12). Each has a template in ``resources/letters/<language>/<kind>.txt``: its first line
is the subject, then a blank line, then the body, paragraphs separated by blank lines. The
placeholders are those of ``string.Template`` (``$statement_number``, ``${amount}``; ``$$``
is a dollar sign).

``compose_letter`` takes the template's text as a parameter, so the window can pass the
lawyer's own version kept in the settings instead of the shipped one. A placeholder without a
value is an error naming it, never a blank in a letter that goes out: a letter missing its
amount must not be sent.

Values are formatted for the letter's language here (``format_values``): an amount as
« 1 234,56 $ », a date as « 3 juin 2024 », the periods of an ``InterestResult`` as one line
each (dates, days, rate, principal, amount); the renderers (``reports/letter_pdf.py``,
``reports/letter_docx.py``) only lay out the ``Letter``.
"""

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from lawyer_billing.domain.formatting import format_date, format_money, format_percent
from lawyer_billing.domain.interest import InterestResult
from lawyer_billing.domain.statement import Letterhead, Office
from lawyer_billing.resources import resource_path

LANGUAGES = ("fr", "en")


class LetterError(ValueError):
    """A letter that cannot be composed; the message names the placeholder or the line."""


class LetterKind(Enum):
    """The letters, by the name of their template file."""

    DISPUTE_NOTICE = "avis-de-differend"
    CONCILIATION_REQUEST = "demande-de-conciliation"
    ARBITRATION = "demande-d-arbitrage"
    SPECIAL_CONSIDERATION = "demande-de-consideration-speciale"
    INTEREST_CLAIM = "reclamation-d-interets"
    END_OF_MANDATE = "avis-de-fin-de-mandat"

    @property
    def article(self) -> str:
        return _KINDS[self][0]

    @property
    def title_fr(self) -> str:
        return _KINDS[self][1]

    @property
    def title_en(self) -> str:
        return _KINDS[self][2]


_KINDS = {
    LetterKind.DISPUTE_NOTICE: ("entente art. 32", "Avis de différend", "Notice of dispute"),
    LetterKind.CONCILIATION_REQUEST: ("entente art. 29", "Demande de conciliation", "Request for conciliation"),
    LetterKind.ARBITRATION: ("entente art. 35", "Demande d'arbitrage", "Submission to arbitration"),
    LetterKind.SPECIAL_CONSIDERATION: ("entente annexe II, T8-T12", "Demande de considération spéciale",
                                       "Request for special consideration"),
    LetterKind.INTEREST_CLAIM: ("entente art. 17", "Réclamation d'intérêts", "Claim for interest"),
    LetterKind.END_OF_MANDATE: ("entente art. 12", "Avis de fin de mandat", "Notice of end of mandate"),
}


@dataclass(frozen=True)
class LetterParties:
    """Who writes, to whom, on which day; ``copies`` are the « c. c. » lines (art. 29, 32 and
    35 ask for copies to the regional centre, the Barreau...)."""

    lawyer: Letterhead
    recipient: Office
    date: date
    language: str = "fr"
    copies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letter:
    """A filled letter, ready to lay out: each paragraph's lines are separated by ``\\n``."""

    kind: LetterKind
    parties: LetterParties
    subject: str
    paragraphs: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.kind.title_fr if self.parties.language == "fr" else self.kind.title_en


def shipped_template(kind: LetterKind, language: str = "fr") -> str:
    """The template shipped for ``kind`` in ``language``."""
    if language not in LANGUAGES:
        raise LetterError(f"langue « {language} » inconnue ; langues permises : {', '.join(LANGUAGES)}")
    path = resource_path("letters", language, f"{kind.value}.txt")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise LetterError(f"Modèle de lettre introuvable : {language}/{path.name}.") from None


def placeholders(template: str) -> tuple[str, ...]:
    """The placeholders a template uses, in the order they first appear."""
    return tuple(dict.fromkeys(_template(template).get_identifiers()))


def compose_letter(
    kind: LetterKind, template: str, parties: LetterParties, values: Mapping[str, object]
) -> Letter:
    """The letter ``kind`` from ``template`` with ``values`` (typed: see ``format_values``).

    Besides ``values`` every template may use ``$lawyer_name``, ``$recipient_name`` and
    ``$letter_date``. Raises ``LetterError`` naming every placeholder without a value.
    """
    common = {
        "lawyer_name": parties.lawyer.name,
        "recipient_name": parties.recipient.name,
        "letter_date": parties.date,
    }
    subject, paragraphs = fill_template(template, format_values({**common, **values}, parties.language))
    return Letter(kind, parties, subject, paragraphs)


def fill_template(template: str, values: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
    """The subject (first line) and the paragraphs of ``template`` filled with ``values``.

    A placeholder whose value is absent or blank is an error naming it (all of them, in the
    order they appear); so is a ``$`` that starts no placeholder (write ``$$`` for a dollar).
    """
    parsed = _template(template)
    missing = [name for name in placeholders(template) if not str(values.get(name, "")).strip()]
    if missing:
        raise LetterError("Valeur manquante dans la lettre : " + ", ".join(f"${name}" for name in missing) + ".")
    text = parsed.substitute(values).replace("\r\n", "\n")
    head, _, body = text.strip("\n").partition("\n")
    if not head.strip():
        raise LetterError("La première ligne du modèle doit être l'objet de la lettre.")
    paragraphs = tuple(
        "\n".join(line.rstrip() for line in block.strip("\n").split("\n"))
        for block in body.split("\n\n")
        if block.strip()
    )
    return head.strip(), paragraphs


def format_values(values: Mapping[str, object], language: str = "fr") -> dict[str, str]:
    """Each value as text for ``language``: ``Decimal`` as money, ``date`` as a long date, an
    ``InterestResult`` as its periods (one line each), a sequence of texts one per line."""
    return {name: _formatted(name, value, language) for name, value in values.items()}


def interest_periods(result: InterestResult, language: str = "fr") -> str:
    """One line per period of art. 17: from, to (the last day counted), days, annual rate,
    principal still unpaid and interest. A period whose rate is unknown is an error, since a
    claim must state every amount."""
    lines = []
    for period in result.periods:
        last = period.end_exclusive - timedelta(days=1)
        if period.annual_rate is None or period.amount is None:
            raise LetterError(
                f"Le taux d'intérêt de la période du {period.start.isoformat()} au {last.isoformat()} n'est pas "
                "connu (taux de la Banque du Canada à saisir) : la réclamation ne peut pas être chiffrée."
            )
        rate = format_percent(period.annual_rate, language, places=2)
        if language == "fr":
            lines.append(
                f"du {format_date(period.start)} au {format_date(last)} : {period.days} jours à {rate} "
                f"sur {format_money(period.principal)} = {format_money(period.amount)}"
            )
        else:
            lines.append(
                f"{format_date(period.start, 'en')} to {format_date(last, 'en')}: {period.days} days at {rate} "
                f"on {format_money(period.principal, 'en')} = {format_money(period.amount, 'en')}"
            )
    return "\n".join(lines)


def _formatted(name: str, value: object, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise LetterError(f"${name} : une valeur vrai/faux ne s'écrit pas dans une lettre")
    if isinstance(value, Decimal):
        return format_money(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, InterestResult):
        return interest_periods(value, language)
    if isinstance(value, Sequence) and all(isinstance(item, str) for item in value):
        return "\n".join(value)
    raise LetterError(f"${name} : valeur de type {type(value).__name__} non prévue dans une lettre")


def _template(text: str) -> string.Template:
    parsed = string.Template(text)
    if not parsed.is_valid():
        for number, line in enumerate(text.splitlines(), start=1):
            if not string.Template(line).is_valid():
                raise LetterError(
                    f"Ligne {number} du modèle : un « $ » n'introduit aucun nom ; écrivez « $$ » pour un dollar."
                )
    return parsed
