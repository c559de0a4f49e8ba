"""What the lawyer sets once: the profile, km rates, added holidays and the key-value settings.

Plain values in and out (the profile as a ``LawyerProfile``, rates as a date-keyed mapping);
``services/settings.py`` gives them their meaning and defaults.
"""

from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.storage.rows import KmRateRow, LawyerProfileRow, SettingRow, UserHolidayRow


class SettingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        row = self.session.get(SettingRow, key)
        return None if row is None else row.value

    def put(self, key: str, value: str) -> None:
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
        self.session.flush()

    def remove(self, *keys: str) -> None:
        """Forget ``keys``: their readers fall back to the defaults again."""
        self.session.execute(delete(SettingRow).where(SettingRow.key.in_(keys)))

    def with_prefix(self, prefix: str) -> dict[str, str]:
        rows = self.session.scalars(select(SettingRow).where(SettingRow.key.startswith(prefix, autoescape=True)))
        return {row.key: row.value for row in rows}


class ProfileRepository:
    """The single lawyer profile of the database (none until the lawyer fills it in), its logo
    included: ``put`` writes every field, so a caller that keeps the logo passes it back."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> LawyerProfile | None:
        row = self.session.scalar(select(LawyerProfileRow).order_by(LawyerProfileRow.id).limit(1))
        if row is None:
            return None
        return LawyerProfile(row.name, row.address, row.barreau_number, row.csj_number, row.office_district,
                             row.gst_number, row.qst_number, row.logo, row.logo_name)

    def put(self, profile: LawyerProfile) -> None:
        row = self.session.scalar(select(LawyerProfileRow).order_by(LawyerProfileRow.id).limit(1))
        if row is None:
            row = LawyerProfileRow(name=profile.name)
            self.session.add(row)
        for name, value in vars(profile).items():
            setattr(row, name, value)
        self.session.flush()


class KmRateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[date, tuple[Decimal, str]]:
        rows = self.session.scalars(select(KmRateRow).order_by(KmRateRow.effective_on))
        return {row.effective_on: (row.rate, row.source_note) for row in rows}

    def put(self, effective_on: date, rate: Decimal, source_note: str) -> None:
        row = self.session.scalar(select(KmRateRow).where(KmRateRow.effective_on == effective_on))
        if row is None:
            self.session.add(KmRateRow(effective_on=effective_on, rate=rate, source_note=source_note))
        else:
            row.rate, row.source_note = rate, source_note
        self.session.flush()

    def remove(self, effective_on: date) -> bool:
        """Remove the rate in force from ``effective_on``; false when there was none."""
        return self.session.execute(delete(KmRateRow).where(KmRateRow.effective_on == effective_on)).rowcount > 0


class HolidayRepository:
    """Days the lawyer adds to the holidays of CPP art. 18 (a court closure, a regional holiday)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> dict[date, str]:
        return {row.day: row.label for row in self.session.scalars(select(UserHolidayRow).order_by(UserHolidayRow.day))}

    def put(self, day: date, label: str) -> None:
        row = self.session.get(UserHolidayRow, day)
        if row is None:
            self.session.add(UserHolidayRow(day=day, label=label))
        else:
            row.label = label
        self.session.flush()

    def remove(self, day: date) -> bool:
        """Remove an added day; false when it was not in the list."""
        return self.session.execute(delete(UserHolidayRow).where(UserHolidayRow.day == day)).rowcount > 0
