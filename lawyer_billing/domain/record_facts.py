"""The one place a stored record becomes the facts the tariff engine prices.

``Mandate``, ``Service`` and ``Travel`` are what the lawyer entered (with database ids, enums,
an override and its reason); ``MandateFacts``, ``ServiceFacts`` and ``TravelFacts`` are what
the rules read, the same types a ``compute`` scenario gives. Keeping the mapping here means a
stored day in court and a scenario are priced by exactly the same code.

A service's ``rule_facts`` may only name optional fields of ``ServiceFacts`` that have no
column of their own; anything else is refused with a French message, never ignored.
"""

from collections.abc import Mapping
from dataclasses import fields
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.scenario import TRAVEL_BASES, TravelFacts
from lawyer_billing.domain.service import Service, Travel
from lawyer_billing.domain.travel import Trip

#: ``ServiceFacts`` fields filled from a service's own columns, not from ``rule_facts``.
_FROM_COLUMNS = frozenset({
    "id", "mandate", "code", "date", "court", "start", "end", "units", "disposition",
    "co_accused_group", "children", "tariff_class", "base_amount", "amount",
})
#: The optional facts a service may carry in ``rule_facts``, with their default.
RULE_FACTS: Mapping[str, object] = {
    f.name: f.default for f in fields(ServiceFacts) if f.name not in _FROM_COLUMNS
}


class RuleFactsError(ValueError):
    """A service's ``rule_facts`` names a fact no rule reads, or gives it a value of the wrong kind."""


def check_rule_facts(facts: Mapping[str, object]) -> dict[str, object]:
    """``facts`` checked against ``ServiceFacts``: known names, values of the default's type."""
    checked = {}
    for name, value in facts.items():
        if name not in RULE_FACTS:
            raise RuleFactsError(f"« {name} » n'est pas une précision que lit une règle du tarif.")
        default = RULE_FACTS[name]
        expected = type(default) if default is not None else str
        if value is not None and (type(value) is not expected):
            raise RuleFactsError(f"« {name} » doit être de type {expected.__name__}, pas {type(value).__name__}.")
        checked[name] = value
    return checked


def mandate_facts(mandate: Mandate) -> MandateFacts:
    return MandateFacts(
        id=str(mandate.id),
        client=mandate.client_name,
        issued=mandate.issued_on,
        district=mandate.district,
        ended=mandate.ended_on,
        ended_by_judgment=mandate.ended_by_judgment,
        judgment_date=mandate.judgment_on,
        aid_ceased=mandate.aid_ceased_on,
        matter=mandate.matter,
        earlier_mandate=None if mandate.earlier_mandate_id is None else str(mandate.earlier_mandate_id),
        party=mandate.party,
        number=mandate.number,
    )


def service_facts(service: Service) -> ServiceFacts:
    return ServiceFacts(
        id=str(service.id),
        mandate=str(service.mandate_id),
        code=service.code,
        date=service.rendered_on,
        court=service.court,
        start=service.start,
        end=service.end,
        units=service.units,
        disposition=None if service.disposition is None else service.disposition.value,
        co_accused_group=service.co_accused_group or None,
        children=service.children,
        tariff_class=service.tariff_class,
        base_amount=service.base_amount,
        amount=service.amount_override,
        **check_rule_facts(service.rule_facts),
    )


def travel_facts(travel: Travel) -> TravelFacts:
    trip = Trip(
        date=travel.travelled_on,
        km=Decimal(travel.km),
        destination_km=Decimal(travel.destination_km),
        basis=TRAVEL_BASES[travel.basis],
        parking=travel.parking,
        actual_cost=travel.actual_cost,
        alternate_km=travel.alternate_km,
    )
    return TravelFacts(id=str(travel.id), mandate=str(travel.mandate_id), trip=trip)
