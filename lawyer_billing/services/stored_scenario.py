"""The lawyer's stored work as a ``compute`` scenario, so the screens, the documents and the
``deadlines`` command compute with exactly the engine and the rules ``compute`` uses.

Identifiers in the scenario are the database ids as text; ``by_id`` helpers on the result map
them back. The fees of fiscal years before the lawyer's first use come from the settings
(``fees_before``); every stored service counts after them (art. 22). The reduction of a line
depends on every fee generated before it in its fiscal year, so whoever needs the art. 22
figures of some mandates computes all of them and keeps the lines it needs; ``mandate_ids``
is for what is per mandate (its lines' rules and findings, its deadlines).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import partial

from lawyer_billing.domain.compute import Computation, compute
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.record_facts import mandate_facts, service_facts, travel_facts
from lawyer_billing.domain.scenario import Scenario
from lawyer_billing.services.settings import engine_settings, load_preferences
from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.storage.billing_records import BillingRecords, load_billing_records
from lawyer_billing.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StoredComputation:
    records: BillingRecords
    scenario: Scenario
    computation: Computation


def stored_scenario(uow: UnitOfWork, today: date, mandate_ids: Collection[int] | None = None) -> tuple[BillingRecords, Scenario]:
    records = load_billing_records(uow.session, mandate_ids)
    scenario = Scenario(
        settings=engine_settings(uow, today),
        fees_before=load_preferences(uow).fees_before,
        mandates=tuple(mandate_facts(m) for m in records.mandates),
        services=tuple(service_facts(s) for s in records.services),
        travel=tuple(travel_facts(t) for t in records.travel),
        # as known on ``today``: the deadlines and interest of a day past leave out what came after
        statements=tuple(statement.as_of(today) for statement in records.statements),
    )
    return records, scenario


def compute_stored(uow: UnitOfWork, today: date, mandate_ids: Collection[int] | None = None) -> StoredComputation:
    """Price and compute the stored work of ``mandate_ids`` (all of it when ``None``) on ``today``,
    under the tariff with the amounts the firm entered (``tariff_overlay``)."""
    records, scenario = stored_scenario(uow, today, mandate_ids)
    price = partial(price_services, tariff=current_tariff(uow))
    return StoredComputation(records, scenario, compute(scenario, price))
