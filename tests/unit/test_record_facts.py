"""A stored record maps onto the engine's facts in one place, and unknown rule facts are refused."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.billing import ServiceFacts
from lawyer_billing.domain.mandate import EndReason, Mandate, MatterType, mandate_problems
from lawyer_billing.domain.record_facts import RULE_FACTS, RuleFactsError, check_rule_facts, mandate_facts, service_facts
from lawyer_billing.domain.service import Disposition, Service


def test_every_service_fact_is_a_column_or_a_rule_fact():
    service = Service(mandate_id=4, code="T97", rendered_on=date(2024, 6, 3), start=time(9), disposition=Disposition.GUILTY_PLEA,
                      amount_override=Decimal("10.00"), rule_facts={"charged_as": "T127", "contestations": 2}, id=9)
    facts = service_facts(service)
    assert facts == ServiceFacts(id="9", mandate="4", code="T97", date=date(2024, 6, 3), start=time(9),
                                 disposition="guilty_plea", amount=Decimal("10.00"), charged_as="T127", contestations=2)
    assert "charged_as" in RULE_FACTS and "code" not in RULE_FACTS


@pytest.mark.parametrize("facts, message", [
    ({"colour": "red"}, "« colour » n'est pas une précision"),
    ({"contestations": "2"}, "« contestations » doit être de type int"),
    ({"injunction": 1}, "« injunction » doit être de type bool"),
])
def test_rule_facts_no_rule_reads_are_refused(facts, message):
    with pytest.raises(RuleFactsError, match=message):
        check_rule_facts(facts)


def test_mandate_facts_carry_the_end_by_judgment_and_the_matter():
    mandate = Mandate(number="M", client_name="C", issued_on=date(2024, 5, 2), matter_type=MatterType.FAMILY,
                      ended_on=date(2024, 9, 10), end_reason=EndReason.JUDGMENT, judgment_on=date(2024, 9, 9),
                      matter="Divorce C", earlier_mandate_id=3, id=7)
    facts = mandate_facts(mandate)
    assert (facts.id, facts.ended_by_judgment, facts.judgment_date, facts.matter, facts.earlier_mandate) == (
        "7", True, date(2024, 9, 9), "Divorce C", "3")


def test_a_valid_mandate_has_no_problem():
    assert mandate_problems(Mandate(number="M", client_name="C", issued_on=date(2024, 5, 2), matter_type=MatterType.CIVIL)) == []
