"""The practice as the statements and the engine need it: the lawyer's profile (the relevé's
letterhead with its logo, and the office's district), the km rates of art. 20 and the holidays
added to those of CPP art. 18.

Each change is checked first (every problem named by its field, in French), written with its
audit event, and committed once: a km rate or a holiday changes amounts and deadlines, so who
changed it and when is kept like any other record.
"""

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from lawyer_billing.domain.formatting import format_number
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.reports.pdf_layout import logo_problem
from lawyer_billing.storage.audit_trail import AuditEvent, AuditTrail
from lawyer_billing.storage.settings_store import HolidayRepository, KmRateRepository, ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: GST/HST account: the 9-digit business number, « RT » and a 4-digit reference
_GST = re.compile(r"([0-9]{9})RT([0-9]{4})")
#: QST file: 10 digits, « TQ » and a 4-digit reference
_QST = re.compile(r"([0-9]{10})TQ([0-9]{4})")
#: a rate above this is a typing slip (dollars typed as cents): no Quebec scale comes near it
HIGHEST_KM_RATE = Decimal("5")
KM_RATE_PLACES = 3
#: the largest logo accepted, « 2 Mo »: it is kept in the database, copied into every backup and
#: printed in every relevé and letter, where a letterhead's logo takes a few dozen kilobytes
LOGO_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class KmRate:
    """A rate per km in force from ``effective_on`` (art. 20), with where the figure comes from."""

    effective_on: date
    rate: Decimal
    source_note: str


@dataclass(frozen=True)
class AddedHoliday:
    """A day the lawyer adds to the holidays of CPP art. 18 (a court closure, a regional holiday)."""

    day: date
    label: str


# --- profile --------------------------------------------------------------------------------


def load_profile(uow: UnitOfWork) -> LawyerProfile:
    """The stored profile, or an empty one before the lawyer fills it in."""
    return ProfileRepository(uow.session).get() or LawyerProfile()


def tidy_profile(profile: LawyerProfile) -> LawyerProfile:
    """Surrounding spaces dropped, tax numbers written one way, an empty tax number ``None``
    (the relevé shows the taxes only when the lawyer is registered)."""
    text = {name: value.strip() for name, value in vars(profile).items() if isinstance(value, str)}
    tidied = replace(profile, **text)
    return replace(
        tidied,
        gst_number=_tax_number(tidied.gst_number, _GST, "RT"),
        qst_number=_tax_number(tidied.qst_number, _QST, "TQ"),
    )


def _tax_number(text: str | None, pattern: re.Pattern, letters: str) -> str | None:
    if not text:
        return None
    compact = re.sub(r"[\s-]", "", text).upper()
    match = pattern.fullmatch(compact)
    return f"{match[1]} {letters} {match[2]}" if match else text


def profile_problems(profile: LawyerProfile) -> list[FieldProblem]:
    """What prevents saving ``profile`` (already tidied), each problem on its field."""
    problems = []
    if not profile.name:
        problems.append(FieldProblem("name", "Le nom de l'avocat est obligatoire : il figure en tête du relevé."))
    if profile.gst_number and not _GST.fullmatch(profile.gst_number.replace(" ", "")):
        problems.append(FieldProblem(
            "gst_number", "Le numéro de TPS a 9 chiffres, « RT » et 4 chiffres, par exemple 123456789 RT 0001."
        ))
    if profile.qst_number and not _QST.fullmatch(profile.qst_number.replace(" ", "")):
        problems.append(FieldProblem(
            "qst_number", "Le numéro de TVQ a 10 chiffres, « TQ » et 4 chiffres, par exemple 1234567890 TQ 0001."
        ))
    return problems


def save_profile(uow: UnitOfWork, profile: LawyerProfile, *, user: str, now: datetime) -> LawyerProfile:
    """Check and store the profile's texts; return it as stored. The stored logo is kept: it
    changes only through ``set_logo`` and ``remove_logo``, which check the image."""
    stored = load_profile(uow)
    profile = replace(tidy_profile(profile), logo=stored.logo, logo_name=stored.logo_name)
    raise_if_any(profile_problems(profile))
    ProfileRepository(uow.session).put(profile)
    AuditTrail(uow.session).record(AuditEvent(now, user, "update", "profile", None, f"Profil de {profile.name}"))
    uow.commit()
    return profile


def logo_problems(data: bytes, name: str) -> list[FieldProblem]:
    """What prevents the image ``data`` of the file ``name`` from being the letterhead's logo:
    more than ``LOGO_MAX_BYTES``, empty, or not a PNG or JPEG image that decodes whole."""
    if len(data) > LOGO_MAX_BYTES:
        return [FieldProblem("logo", (
            f"Logo : « {name} » fait {format_number(len(data))} octets ; la limite est de 2 Mo "
            f"({format_number(LOGO_MAX_BYTES)} octets). Réduisez l'image ou choisissez-en une plus petite."
        ))]
    problem = logo_problem(data)
    return [] if problem is None else [FieldProblem("logo", f"Logo : « {name} » {problem}.")]


def set_logo(uow: UnitOfWork, data: bytes, name: str, *, user: str, now: datetime) -> LawyerProfile:
    """Make the image ``data`` (from the file ``name``) the letterhead's logo; return the
    profile as stored. A refused image changes nothing."""
    name = name.strip()
    raise_if_any(logo_problems(data, name))
    before = load_profile(uow)
    after = replace(before, logo=data, logo_name=name)
    ProfileRepository(uow.session).put(after)
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "update", "profile", None, f"Logo du profil : {name}",
        before=_logo_fields(before), after=_logo_fields(after),
    ))
    uow.commit()
    return after


def remove_logo(uow: UnitOfWork, *, user: str, now: datetime) -> LawyerProfile:
    """Print the letterhead without a logo; return the profile as stored. Without a logo,
    refused and nothing is written."""
    before = load_profile(uow)
    if not before.logo:
        raise_if_any([FieldProblem("logo", "Logo : aucun logo n'est enregistré, rien à retirer.")])
    after = replace(before, logo=None, logo_name="")
    ProfileRepository(uow.session).put(after)
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "update", "profile", None, f"Logo du profil retiré : {before.logo_name}",
        before=_logo_fields(before), after=_logo_fields(after),
    ))
    uow.commit()
    return after


def _logo_fields(profile: LawyerProfile) -> dict[str, str]:
    """The logo as the audit trail keeps it: the file's name and size, never the image."""
    return {"logo_name": profile.logo_name, "logo_bytes": str(len(profile.logo or b""))}


# --- km rates (art. 20) ----------------------------------------------------------------------


def km_rates(uow: UnitOfWork) -> list[KmRate]:
    """The rates entered, oldest first."""
    return [KmRate(on, rate, note) for on, (rate, note) in KmRateRepository(uow.session).all().items()]


def km_rate_problems(rate: KmRate, existing: list[KmRate]) -> list[FieldProblem]:
    problems = []
    if any(known.effective_on == rate.effective_on for known in existing):
        problems.append(FieldProblem(
            "effective_on", "Un taux est déjà saisi à compter de cette date : retirez-le d'abord pour le remplacer."
        ))
    if rate.rate <= 0 or rate.rate >= HIGHEST_KM_RATE:
        problems.append(FieldProblem("rate", "Le taux se donne en dollars par km, par exemple 0,470 (entre 0 et 5 $)."))
    elif rate.rate != rate.rate.quantize(Decimal(1).scaleb(-KM_RATE_PLACES)):
        problems.append(FieldProblem("rate", "Le taux a au plus trois décimales, par exemple 0,470."))
    if not rate.source_note.strip():
        problems.append(FieldProblem(
            "source_note", "Indiquez la source du taux (texte, décision ou avis) : le relevé doit pouvoir la justifier."
        ))
    return problems


def add_km_rate(uow: UnitOfWork, rate: KmRate, *, user: str, now: datetime) -> KmRate:
    rate = replace(rate, source_note=rate.source_note.strip())
    raise_if_any(km_rate_problems(rate, km_rates(uow)))
    KmRateRepository(uow.session).put(rate.effective_on, rate.rate, rate.source_note)
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "create", "km_rate", None, f"Taux de {rate.rate} $/km à compter du {rate.effective_on.isoformat()}"
    ))
    uow.commit()
    return rate


def remove_km_rate(uow: UnitOfWork, effective_on: date, *, user: str, now: datetime) -> list[KmRate]:
    """Remove the rate in force from ``effective_on``; return the rates left. A date with no
    rate is refused and nothing is written (no audit event for a removal that did not happen)."""
    if not KmRateRepository(uow.session).remove(effective_on):
        raise_if_any([FieldProblem(
            "effective_on", f"Aucun taux n'est saisi à compter du {effective_on.isoformat()} : rien à retirer."
        )])
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "delete", "km_rate", None, f"Taux au km du {effective_on.isoformat()} retiré"
    ))
    uow.commit()
    return km_rates(uow)


# --- added holidays (CPP art. 18) -----------------------------------------------------------


def added_holidays(uow: UnitOfWork) -> list[AddedHoliday]:
    """The days added, in calendar order."""
    return [AddedHoliday(day, label) for day, label in HolidayRepository(uow.session).all().items()]


def add_holiday(uow: UnitOfWork, holiday: AddedHoliday, *, user: str, now: datetime) -> AddedHoliday:
    holiday = replace(holiday, label=holiday.label.strip())
    problems = []
    if any(known.day == holiday.day for known in added_holidays(uow)):
        problems.append(FieldProblem("day", "Ce jour est déjà dans la liste."))
    if not holiday.label:
        problems.append(FieldProblem("label", "Dites pourquoi ce jour est férié (ex. fermeture du palais de justice)."))
    raise_if_any(problems)
    HolidayRepository(uow.session).put(holiday.day, holiday.label)
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "create", "holiday", None, f"Jour férié ajouté : {holiday.day.isoformat()} ({holiday.label})"
    ))
    uow.commit()
    return holiday


def remove_holiday(uow: UnitOfWork, day: date, *, user: str, now: datetime) -> list[AddedHoliday]:
    """Remove an added day; return the days left. A day not in the list is refused and nothing
    is written."""
    if not HolidayRepository(uow.session).remove(day):
        raise_if_any([FieldProblem("day", f"Le {day.isoformat()} n'est pas dans la liste des jours ajoutés.")])
    AuditTrail(uow.session).record(AuditEvent(
        now, user, "delete", "holiday", None, f"Jour férié retiré : {day.isoformat()}"
    ))
    uow.commit()
    return added_holidays(uow)
