"""The lawyer's own wording of the entente's letters, kept in the settings, and the way back
to the shipped one.

A template adjusted in Paramètres is stored under ``letter_template.<letter>.<language>``
(an empty value: the shipped template applies). It is checked with the letter's own rules
(``domain/letters.py``) before it is kept: a subject on the first line, no « $ » that starts
no placeholder, and only the placeholders that letter is filled with, so that a letter never
leaves with a hole or a stray name in it. ``letter_template`` is what the letters are to be
composed from.
"""

from dataclasses import dataclass
from datetime import datetime

from lawyer_billing.domain.letters import (
    LetterError,
    LetterKind,
    fill_template,
    placeholders,
    shipped_template,
)
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.storage.audit_trail import AuditEvent, AuditTrail
from lawyer_billing.storage.settings_store import SettingRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

PREFIX = "letter_template."
#: what every letter may use, whatever its own values (``compose_letter``)
COMMON = ("lawyer_name", "recipient_name", "letter_date")


@dataclass(frozen=True)
class LetterTemplate:
    kind: LetterKind
    language: str
    text: str
    #: whether the text is the lawyer's own rather than the shipped one
    adjusted: bool

    @property
    def allowed(self) -> tuple[str, ...]:
        return allowed_placeholders(self.kind, self.language)


def setting_key(kind: LetterKind, language: str) -> str:
    return f"{PREFIX}{kind.value}.{language}"


def allowed_placeholders(kind: LetterKind, language: str) -> tuple[str, ...]:
    """The values the letter is filled with: those of its shipped template, and the common ones."""
    return tuple(dict.fromkeys((*placeholders(shipped_template(kind, language)), *COMMON)))


def letter_template(uow: UnitOfWork, kind: LetterKind, language: str) -> LetterTemplate:
    """The template a letter is composed from: the lawyer's own, else the shipped one."""
    stored = SettingRepository(uow.session).get(setting_key(kind, language))
    if stored:
        return LetterTemplate(kind, language, stored, True)
    return LetterTemplate(kind, language, shipped_template(kind, language), False)


def template_problems(kind: LetterKind, language: str, text: str) -> list[FieldProblem]:
    """Why ``text`` cannot be kept as the template of ``kind``, in French, on the field « template »."""
    try:
        used = placeholders(text)
        fill_template(text, {name: name for name in used})
    except LetterError as refused:
        return [FieldProblem("template", str(refused))]
    allowed = allowed_placeholders(kind, language)
    unknown = [name for name in used if name not in allowed]
    if unknown:
        return [FieldProblem("template", (
            "Cette lettre n'a pas de valeur pour " + ", ".join(f"${name}" for name in unknown)
            + ". Valeurs possibles : " + ", ".join(f"${name}" for name in allowed) + "."
        ))]
    return []


def save_template(uow: UnitOfWork, kind: LetterKind, language: str, text: str, *, user: str,
                  now: datetime) -> LetterTemplate:
    """Keep the lawyer's wording of a letter once it is checked."""
    text = text.strip("\n") + "\n"
    raise_if_any(template_problems(kind, language, text))
    SettingRepository(uow.session).put(setting_key(kind, language), text)
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "update", "letter_template", None, f"Modèle « {kind.title_fr} » ({language}) modifié"
    ))
    uow.commit()
    return LetterTemplate(kind, language, text, True)


def restore_shipped_template(uow: UnitOfWork, kind: LetterKind, language: str, *, user: str,
                             now: datetime) -> LetterTemplate:
    """Go back to the template shipped with the application (the lawyer's wording is dropped)."""
    SettingRepository(uow.session).put(setting_key(kind, language), "")
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "update", "letter_template", None, f"Modèle « {kind.title_fr} » ({language}) rétabli"
    ))
    uow.commit()
    return LetterTemplate(kind, language, shipped_template(kind, language), False)
