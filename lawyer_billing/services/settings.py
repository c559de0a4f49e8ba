"""The lawyer's settings: what each key means, its default, and how it is checked.

Stored as text in the ``setting`` table (one database per practice, so a firm's workstations
share them); window geometry and the last screen are per workstation and stay in Qt's own
settings. A value that cannot be read back (edited by hand, written by a later version) falls
back to the default rather than stopping the application, and the screen says so.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from lawyer_billing.domain.cap import CapAttribution
from lawyer_billing.domain.tools.dpcp_email import DEFAULT as DPCP_NOTICE
from lawyer_billing.domain.tools.dpcp_email import ROOM_FIELDS, DpcpSettings, dpcp_settings_problems
from lawyer_billing.domain.validation import raise_if_any
from lawyer_billing.domain.deadlines import DEFAULT_REMINDERS
from lawyer_billing.domain.money import money
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.scenario import Settings
from lawyer_billing.storage.settings_store import (
    HolidayRepository,
    KmRateRepository,
    ProfileRepository,
    SettingRepository,
)
from lawyer_billing.storage.audit_trail import AuditEvent, AuditTrail
from lawyer_billing.storage.unit_of_work import UnitOfWork

LANGUAGES = ("fr", "en")
FEES_BEFORE = "fees_before."
_FISCAL_YEAR = re.compile(r"([0-9]{4})-([0-9]{4})")


class SettingsError(ValueError):
    """A setting the lawyer typed that cannot be kept; the message says why, in French."""


@dataclass(frozen=True)
class Preferences:
    language: str = "fr"
    cap_attribution: CapAttribution = CapAttribution.SERVICE_DATE
    #: reminder lead times in days, largest first
    reminders: tuple[int, ...] = DEFAULT_REMINDERS
    #: fees generated in a fiscal year before the lawyer used the application (art. 22)
    fees_before: Mapping[str, Decimal] = field(default_factory=dict)
    #: where backups go; empty: the ``backups`` folder beside the database
    backup_folder: str = ""


def load_preferences(uow: UnitOfWork) -> Preferences:
    settings = SettingRepository(uow.session)
    default = Preferences()
    language = settings.get("language")
    attribution = settings.get("cap_attribution")
    try:
        reminders = _reminders(settings.get("reminders")) if settings.get("reminders") else default.reminders
    except SettingsError:
        reminders = default.reminders
    fees_before = {}
    for key, value in settings.with_prefix(FEES_BEFORE).items():
        try:
            fees_before[key.removeprefix(FEES_BEFORE)] = money(value)
        except (ValueError, InvalidOperation):
            continue
    return Preferences(
        language=language if language in LANGUAGES else default.language,
        cap_attribution=CapAttribution(attribution) if attribution in {a.value for a in CapAttribution}
        else default.cap_attribution,
        reminders=reminders,
        fees_before=fees_before,
        backup_folder=settings.get("backup_folder") or "",
    )


def save_preferences(uow: UnitOfWork, preferences: Preferences) -> None:
    """Check every value, then write them all (the caller commits): nothing is half-saved."""
    if preferences.language not in LANGUAGES:
        raise SettingsError(f"Langue inconnue « {preferences.language} » : choisissez fr ou en.")
    reminders = _reminders(",".join(str(days) for days in preferences.reminders))
    for year, amount in preferences.fees_before.items():
        match = _FISCAL_YEAR.fullmatch(year)
        if not match or int(match[2]) != int(match[1]) + 1:
            raise SettingsError(f"« {year} » n'est pas un exercice financier (ex. 2024-2025, du 1er avril au 31 mars).")
        if amount < 0:
            raise SettingsError(f"Les honoraires déjà générés en {year} ne peuvent pas être négatifs.")
    settings = SettingRepository(uow.session)
    settings.put("language", preferences.language)
    settings.put("cap_attribution", preferences.cap_attribution.value)
    settings.put("reminders", ",".join(str(days) for days in reminders))
    for year, amount in preferences.fees_before.items():
        settings.put(FEES_BEFORE + year, str(money(amount)))
    settings.put("backup_folder", preferences.backup_folder)


def _reminders(text: str) -> tuple[int, ...]:
    try:
        days = sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True)
    except ValueError:
        raise SettingsError(f"Délais de rappel « {text} » : donnez des nombres de jours séparés par des virgules.") from None
    if not days or any(d < 0 or d > 3650 for d in days):
        raise SettingsError("Les délais de rappel vont de 0 à 3650 jours, au moins un.")
    return tuple(days)


def engine_settings(uow: UnitOfWork, today: date) -> Settings:
    """The settings the engine computes with on ``today``: district, rates, holidays, reminders."""
    preferences = load_preferences(uow)
    profile = ProfileRepository(uow.session).get() or LawyerProfile()
    return Settings(
        today=today,
        office_district=profile.office_district,
        cap_attribution=preferences.cap_attribution,
        km_rates={on: rate for on, (rate, _) in KmRateRepository(uow.session).all().items()},
        holidays=tuple(HolidayRepository(uow.session).all()),
        reminders=preferences.reminders,
    )


# --- the DPCP negotiation service (Outils, Courriel au DPCP) ----------------------------------

DPCP_ADDRESS = "dpcp.address"
#: the two rooms of the notice, in its order (``dpcp.first_room``, ``dpcp.second_room``)
DPCP_ROOMS = tuple(f"dpcp.{name}" for name in ROOM_FIELDS)


def load_dpcp_settings(uow: UnitOfWork) -> DpcpSettings:
    """The service's address and rooms as the lawyer set them, the notice's where not set (or
    where a stored value no longer passes the checks); its hours stay the notice's."""
    settings = SettingRepository(uow.session)
    address = settings.get(DPCP_ADDRESS)
    rooms = tuple(settings.get(key) for key in DPCP_ROOMS)
    if address is None or None in rooms or dpcp_settings_problems(address, rooms):
        return DPCP_NOTICE
    return replace(DPCP_NOTICE, address=address, rooms=rooms)


def save_dpcp_settings(uow: UnitOfWork, address: str, rooms: tuple[str, str], *, user: str,
                       now: datetime) -> DpcpSettings:
    """Check and store the address and the two rooms, all or nothing, with an audit event."""
    address, rooms = address.strip(), tuple(room.strip() for room in rooms)
    raise_if_any(dpcp_settings_problems(address, rooms))
    before = load_dpcp_settings(uow)
    settings = SettingRepository(uow.session)
    for key, value in zip((DPCP_ADDRESS, *DPCP_ROOMS), (address, *rooms)):
        settings.put(key, value)
    return _dpcp_saved(uow, before, "Service de négociation du DPCP : adresse et salles", user, now)


def restore_dpcp_notice(uow: UnitOfWork, *, user: str, now: datetime) -> DpcpSettings:
    """Back to the notice's address and rooms: the stored values are forgotten, so the
    notice's apply (those of a later version included)."""
    before = load_dpcp_settings(uow)
    SettingRepository(uow.session).remove(DPCP_ADDRESS, *DPCP_ROOMS)
    return _dpcp_saved(uow, before, "Service de négociation du DPCP : valeurs de l'avis rétablies", user, now)


def _dpcp_saved(uow: UnitOfWork, before: DpcpSettings, summary: str, user: str, now: datetime) -> DpcpSettings:
    after = load_dpcp_settings(uow)
    AuditTrail(uow.session).record(AuditEvent(now, user, "update", "setting", None, summary,
                                              before=_dpcp_fields(before), after=_dpcp_fields(after)))
    uow.commit()
    return after


def _dpcp_fields(settings: DpcpSettings) -> dict[str, str]:
    return {"address": settings.address, **dict(zip(ROOM_FIELDS, settings.rooms))}
