"""Repositories: domain objects in, domain objects out; rows stay inside storage.

Domain dataclasses and rows use the same field names, so one pair of converters serves every
entity; enumerations are stored as their text value and rebuilt from the field's type, and
mappings (a service's ``rule_facts``) as JSON text with sorted keys.
"""

import json
import types
from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import cache
from enum import Enum
from typing import Generic, TypeVar, Union, get_args, get_origin, get_type_hints

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.domain.mandate import LegalAidOffice, Mandate
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.domain.tariff import OverlayAmount
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.rows import (
    DisbursementRow,
    LegalAidOfficeRow,
    MandateRow,
    ServiceRow,
    TariffOverlayRow,
    TravelRow,
)

T = TypeVar("T")


def _enum_type(hint) -> type[Enum] | None:
    candidates = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, Enum)), None)


def _is_mapping(hint) -> bool:
    return get_origin(hint) in (Mapping, dict)


@cache
def _readers(cls: type) -> tuple[tuple[str, Callable[[object], object] | None], ...]:
    """Each field of ``cls`` with how a stored value becomes its value (``None``: as it is).

    Worked out once per class: reading type hints is costly, and lists load thousands of rows.
    """
    hints = get_type_hints(cls)
    readers = []
    for field in fields(cls):
        enum = _enum_type(hints[field.name])
        if enum is not None:
            readers.append((field.name, lambda value, enum=enum: None if value is None else enum(value)))
        elif _is_mapping(hints[field.name]):
            readers.append((field.name, lambda value: json.loads(value or "{}")))
        else:
            readers.append((field.name, None))
    return tuple(readers)


def to_domain(row, cls: type[T]) -> T:
    values = {}
    for name, read in _readers(cls):
        value = getattr(row, name)
        values[name] = value if read is None else read(value)
    return cls(**values)


def mapping_to_domain(values: Mapping[str, object], cls: type[T]) -> T:
    """``to_domain`` for a plain result row read as a mapping (``Result.mappings()``)."""
    return cls(**{name: values[name] if read is None else read(values[name]) for name, read in _readers(cls)})


def row_values(obj) -> dict:
    values = {}
    for field in fields(obj):
        if field.name in ("id", "version"):
            continue
        value = getattr(obj, field.name)
        values[field.name] = json.dumps(dict(value), sort_keys=True, ensure_ascii=False) if isinstance(value, Mapping) else value
    return values


class Repository(Generic[T]):
    """Add, read and update one kind of record through its row class."""

    domain_type: type
    row_type: type

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: T) -> T:
        row = self.row_type(**row_values(record))
        self.session.add(row)
        self.session.flush()
        return to_domain(row, self.domain_type)

    def get(self, record_id: int) -> T | None:
        row = self.session.get(self.row_type, record_id)
        return None if row is None else to_domain(row, self.domain_type)

    def update(self, record: T) -> T:
        """Write ``record`` over its row; the row's version must be the one it was read at."""
        row = self.session.get(self.row_type, record.id)
        if row is None or getattr(record, "version", None) not in (None, getattr(row, "version", None)):
            raise ConcurrentEditError(
                "Cet enregistrement a été modifié ou supprimé ailleurs depuis que vous l'avez ouvert : "
                "rouvrez-le pour voir la version actuelle."
            )
        for name, value in row_values(record).items():
            setattr(row, name, value)
        self.session.flush()
        return to_domain(row, self.domain_type)

    def all(self) -> list[T]:
        rows = self.session.scalars(select(self.row_type).order_by(self.row_type.id))
        return [to_domain(row, self.domain_type) for row in rows]


class OfficeRepository(Repository[LegalAidOffice]):
    domain_type, row_type = LegalAidOffice, LegalAidOfficeRow


class MandateRepository(Repository[Mandate]):
    domain_type, row_type = Mandate, MandateRow


class ServiceRepository(Repository[Service]):
    domain_type, row_type = Service, ServiceRow

    def for_mandate(self, mandate_id: int) -> list[Service]:
        rows = self.session.scalars(
            select(ServiceRow).where(ServiceRow.mandate_id == mandate_id).order_by(ServiceRow.rendered_on, ServiceRow.id)
        )
        return [to_domain(row, Service) for row in rows]


class DisbursementRepository(Repository[Disbursement]):
    domain_type, row_type = Disbursement, DisbursementRow


class TravelRepository(Repository[Travel]):
    domain_type, row_type = Travel, TravelRow


class TariffOverlayRepository:
    """The amounts a firm entered over the shipped tariff, with who, when and the source."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, entry: OverlayAmount) -> None:
        self.session.add(TariffOverlayRow(
            code=entry.code, tariff_class=entry.tariff_class, effective_on=entry.effective, amount=entry.amount,
            source_note=entry.source_note, entered_by=entry.entered_by, entered_at=entry.entered_at,
        ))
        self.session.flush()

    def all(self) -> list[OverlayAmount]:
        rows = self.session.scalars(select(TariffOverlayRow).order_by(TariffOverlayRow.entered_at, TariffOverlayRow.id))
        return [
            OverlayAmount(code=row.code, effective=row.effective_on, amount=row.amount, tariff_class=row.tariff_class,
                          source_note=row.source_note, entered_by=row.entered_by, entered_at=row.entered_at)
            for row in rows
        ]
