"""Dates, times and amounts as a lawyer types them in a form, in French or English.

A date may be typed ``2024-06-03``, ``3/6/2024`` (day first, as in Quebec), ``3 juin``,
``3 juin 2024`` or ``1er juin``; without a year, the year of ``today`` is taken (a hearing
is logged the day of or shortly after). An amount may be ``1 234,56``, ``1234.56 $`` or
``1 234,56 $``. Anything else gets a French sentence that says what is expected.
"""

import re
import unicodedata
from datetime import date, time
from decimal import Decimal, InvalidOperation

from lawyer_billing.domain.calendar import FIRST_YEAR, LAST_YEAR
from lawyer_billing.domain.formatting import format_money
from lawyer_billing.domain.money import LARGEST_AMOUNT, round_cents
from lawyer_billing.domain.tools.french_dates import MONTHS_FR

MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")


class TypedInputError(ValueError):
    """What was typed cannot be read; the message says what is expected."""


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_MONTH_NUMBERS = {
    **{_plain(name): index + 1 for index, name in enumerate(MONTHS_FR)},
    **{name: index + 1 for index, name in enumerate(MONTHS_EN)},
    **{_plain(name)[:3]: index + 1 for index, name in enumerate(MONTHS_FR)},
    **{name[:3]: index + 1 for index, name in enumerate(MONTHS_EN)},
    "juil": 7, "sept": 9,
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{1,4}))?")
_WORDS = re.compile(r"(\d{1,2})(?:er)?\s+([a-z]+)\.?(?:\s+(\d{4}))?")
_WORDS_EN = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?")
_TIME = re.compile(r"(\d{1,2})\s*(?:h|:)\s*(\d{2})?")
DATE_HINT = "Tapez une date comme 2024-06-03, 3/6/2024 ou 3 juin 2024."


def parse_date(text: str, today: date) -> date:
    plain = _plain(text)
    if not plain:
        raise TypedInputError("La date est vide. " + DATE_HINT)
    if plain in ("aujourd'hui", "auj", "today"):
        return today
    day = month = year = None
    if match := _ISO.fullmatch(plain):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _SLASHED.fullmatch(plain):
        day, month = int(match[1]), int(match[2])
        year = _year(match[3], today)
    elif (match := _WORDS.fullmatch(plain)) and match[2] in _MONTH_NUMBERS:
        day, month, year = int(match[1]), _MONTH_NUMBERS[match[2]], _year(match[3], today)
    elif (match := _WORDS_EN.fullmatch(plain)) and match[1] in _MONTH_NUMBERS:
        day, month, year = int(match[2]), _MONTH_NUMBERS[match[1]], _year(match[3], today)
    else:
        raise TypedInputError(f"« {text.strip()} » n'est pas une date. " + DATE_HINT)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TypedInputError(f"« {text.strip()} » : l'année doit être entre {FIRST_YEAR} et {LAST_YEAR}. " + DATE_HINT)
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedInputError(f"« {text.strip()} » n'existe pas au calendrier. " + DATE_HINT) from None


def _year(text: str | None, today: date) -> int:
    if text is None:
        return today.year
    return 2000 + int(text) if len(text) <= 2 else int(text)


def parse_time(text: str) -> time:
    """``9:30``, ``9h30``, ``9 h 30``, ``14h`` -> a time of day."""
    plain = _plain(text)
    match = _TIME.fullmatch(plain) or re.fullmatch(r"(\d{1,2})()", plain)
    if not match:
        raise TypedInputError(f"« {text.strip()} » n'est pas une heure. Tapez par exemple 9:30 ou 13 h 45.")
    hours, minutes = int(match[1]), int(match[2] or 0)
    if hours > 23 or minutes > 59:
        raise TypedInputError(f"« {text.strip()} » n'est pas une heure de la journée (0:00 à 23:59).")
    return time(hours, minutes)


def parse_number(text: str, what: str, example: str, units: tuple[str, ...] = ()) -> Decimal:
    """A decimal number typed with a comma or a point (``13,5``, ``0.470``), spaces allowed,
    followed or not by one of ``units`` (``$``, ``/km``); the caller checks its range. ``what``
    names it in the message (« un taux », « une distance »), ``example`` shows one."""
    plain = re.sub(r"\s", "", text.lower())
    for unit in units:
        plain = plain.removesuffix(unit)
    try:
        number = Decimal(plain.replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise TypedInputError(f"« {text.strip()} » n'est pas {what}. Tapez par exemple {example}.")
    return number


def parse_money(text: str) -> Decimal:
    """``1 234,56 $``, ``1234.56``, ``$1,234.56`` -> ``Decimal("1234.56")``; at most two decimals."""
    plain = re.sub(r"[\s\u00a0\u202f$]", "", text)
    if "," in plain and "." in plain:  # English grouping: 1,234.56
        plain = plain.replace(",", "")
    plain = plain.replace(",", ".")
    try:
        amount = Decimal(plain)
    except InvalidOperation:
        raise TypedInputError(f"« {text.strip()} » n'est pas un montant. Tapez par exemple 1 234,56.") from None
    if not amount.is_finite():
        raise TypedInputError(f"« {text.strip()} » n'est pas un montant. Tapez par exemple 1 234,56.")
    if abs(amount) > LARGEST_AMOUNT:
        raise TypedInputError(f"« {text.strip()} » dépasse le plus grand montant accepté "
                              f"({format_money(LARGEST_AMOUNT)}) : vérifiez les chiffres.")
    if amount != round_cents(amount):
        raise TypedInputError(f"« {text.strip()} » : un montant a au plus deux décimales.")
    return round_cents(amount)
