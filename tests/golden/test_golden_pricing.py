"""Golden pricing cases: one YAML file per case under ``pricing/``, compared exactly.

Each file gives the mandates and services, the article it checks, the hand computation in a
comment, and the expected amount and rule codes of every line.
"""

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

CASES = sorted((Path(__file__).parent / "pricing").glob("*.yaml"))


def _service(record: dict) -> ServiceFacts:
    facts = dict(record)
    facts["date"] = date.fromisoformat(str(facts["date"]))
    for key in ("start", "end"):
        if key in facts:
            facts[key] = time.fromisoformat(facts[key])
    for key in ("amount", "base_amount"):
        if key in facts:
            facts[key] = Decimal(facts[key])
    return ServiceFacts(**facts)


def _mandate(record: dict) -> MandateFacts:
    facts = dict(record)
    facts["issued"] = date.fromisoformat(str(facts["issued"]))
    return MandateFacts(**facts)


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_golden_case(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert case["article"]
    mandates = {m["id"]: _mandate(m) for m in case["mandates"]}
    priced = price_services([_service(s) for s in case["services"]], mandates)
    got = [
        {"service": line.service, "amount": None if line.amount is None else str(line.amount),
         "rules": [rule.code for rule in line.rules]}
        for line in priced.lines
    ]
    expected = [
        {"service": line["service"], "amount": line["amount"], "rules": line.get("rules", [])}
        for line in case["expected"]
    ]
    assert got == expected
