"""Assembling a ``compute`` result, with a fake pricing so that each figure is computed by hand."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.billing import AppliedRule, PricedLine, Pricing
from lawyer_billing.domain.compute import compute, result_document
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import money
from lawyer_billing.domain.scenario import ScenarioError, scenario_from_document

EXAMPLES = Path(__file__).parents[2] / "examples"
T98 = AppliedRule("T98", "Plaidoyer de culpabilité : montant de T127.")


def example() -> dict:
    return json.loads((EXAMPLES / "scenario-complete.json").read_text(encoding="utf-8"))


def fake_pricing(amounts: dict[str, str | None], rules: tuple[AppliedRule, ...] = (T98,)):
    """Prices each service at ``amounts[service id]`` (``None``: no figure), with ``rules``."""

    def price(services, mandates):
        return Pricing(tuple(
            PricedLine(s.id, s.code, money("330.00"),
                       None if amounts[s.id] is None else money(amounts[s.id]), rules)
            for s in services
        ))

    return price


def result(document: dict, amounts: dict[str, str | None] | None = None) -> dict:
    scenario = scenario_from_document(document, date(2000, 1, 1))
    return result_document(compute(scenario, fake_pricing(amounts or {"S1": "330.00"})))


def test_the_example_adds_up_to_the_cent():
    # Art. 22: 139 800 + 330 = 140 130, 130 $ over the threshold, reduced by 35 % = 45.50.
    # Art. 20 2°: 180 km at 0.50 = 90.00, plus 12.00 parking = 102.00 <= 150.00 actually paid.
    out = result(example())
    assert out["lines"] == [{
        "service": "S1", "code": "T127", "tariff_amount": "330.00", "amount": "330.00",
        "rules": ["T98"], "explanations": ["Plaidoyer de culpabilité : montant de T127."],
        "cap_reduction": "45.50", "fiscal_year": "2024-2025", "findings": [],
    }]
    assert (out["fees"], out["cap_reduction"], out["travel_total"], out["total"]) == (
        "330.00", "45.50", "102.00", "386.50"
    )
    assert out["fiscal_years"] == [{"fiscal_year": "2024-2025", "fees_before": "139800.00", "fees": "330.00",
                                    "generated": "140130.00", "cap_reduction": "45.50"}]


def test_travel_entry_art_20():
    (trip,) = result(example())["travel"]
    assert trip == {"travel": "D1", "amount": "102.00", "km_paid": "180", "rate": "0.50", "parking": "12.00",
                    "capped_by": [], "rules": ["art. 20 2°", "art. 20 al. 3 (stationnement)"], "findings": []}


def test_a_trip_without_km_rate_has_no_amount_and_a_finding_art_20():
    document = example()
    del document["settings"]["km_rate"]
    out = result(document)
    assert out["travel"][0]["amount"] is None and out["travel_total"] == "0.00"
    assert [f["code"] for f in out["findings"]] == ["km_rate_missing"]
    assert out["findings"][0]["article"] == "entente art. 20"


def test_dated_km_rates_apply_from_their_date_after_the_single_rate():
    document = example()
    document["settings"]["km_rates"] = {"2024-06-03": "0.60"}
    assert result(document)["travel"][0]["amount"] == "120.00"  # 180 x 0.60 = 108.00 + 12.00


def test_interest_art_17_until_full_payment():
    # Received 2024-10-03: interest from the 30th day, 2024-11-02, to 2025-01-15 excluded = 74 days,
    # at the bank rate of 1 October 2024 (4.50 %) + 1.5 % = 6 %: 1000 x 6 % x 74 / 365 = 12.16.
    (interest,) = result(example())["interest"]
    assert interest == {
        "statement": "R1", "amount": "12.16", "principal": "1000.00", "until": "2025-01-15",
        "periods": [{"start": "2024-11-02", "end": "2025-01-14", "days": 74, "principal": "1000.00",
                     "rate": "6.00", "amount": "12.16"}],
        "findings": [],
    }


def test_interest_art_17_partial_payment_reduces_the_principal_from_its_date():
    # 2024-11-02 to 2024-12-01 excluded: 29 days on 1000.00 at 6 % = 4.77;
    # 2024-12-01 to 2025-01-15 excluded: 45 days on 400.00 at 6 % = 2.96.
    document = example()
    document["statements"][0]["payments"] = [{"date": "2024-12-01", "amount": "600.00"}]
    (interest,) = result(document)["interest"]
    assert [(p["days"], p["principal"], p["amount"]) for p in interest["periods"]] == [
        (29, "1000.00", "4.77"), (45, "400.00", "2.96")
    ]
    assert interest["amount"] == "7.73"


def test_deadlines_of_the_example_with_their_articles_and_status():
    out = result(example())
    assert [(d.get("mandate") or d.get("statement"), d["kind"], d["due"], d["article"], d["status"])
            for d in out["deadlines"]] == [
        # Art. 15: judgment 2024-09-10, its 30th day 2024-10-10, + 3 years = Sunday 2027-10-10,
        # Monday 11 is Thanksgiving (CPP art. 18): Tuesday 2027-10-12. Met by R1 sent 2024-10-01.
        ("M1", "filing", "2027-10-12", "entente art. 15", "met"),
        # Art. 15: received 2024-10-03 + 30 days = Saturday 2024-11-02: Monday 2024-11-04; paid late.
        ("R1", "payment", "2024-11-04", "entente art. 15", "met"),
        # T8: sent 2024-10-01 + 6 months = Tuesday 2025-04-01; overdue on 2026-11-22.
        ("R1", "special_consideration", "2025-04-01", "entente annexe II art. T8", "overdue"),
    ]
    assert out["deadlines"][1]["met_late"] is True


def test_the_example_of_the_tariff_rules_gives_its_stored_result():
    # T46 (class IIIa floor, then « majorés de la moitié »: 1 000 + 500), T80 excluded for habeas
    # corpus, T8 with its last day (R1 sent 2025-07-15 + 6 months = 2026-01-15), T195 contested
    # (410 $ in full), T201.2 (410 + 205 + 205 = 820 $): fees 1 500 + 2 500 + 410 + 820 = 5 230 $.
    text = (EXAMPLES / "scenario-tariff-rules.json").read_text(encoding="utf-8")
    out = result_document(compute(scenario_from_document(json.loads(text), date(2000, 1, 1))))
    assert out == json.loads((EXAMPLES / "scenario-tariff-rules.result.json").read_text(encoding="utf-8"))
    assert out["fees"] == "5230.00"


def _special_consideration_message(document: dict) -> str:
    scenario = scenario_from_document(document, date(2000, 1, 1))
    out = result_document(compute(scenario))
    (line,) = [line for line in out["lines"] if line["service"] == "S2"]
    (finding,) = [f for f in line["findings"] if f["code"] == "special_consideration"]
    assert finding in out["findings"]
    return finding["message"]


def test_t8_the_special_consideration_finding_gives_its_last_day_when_the_statement_was_sent():
    # T8: « avec son relevé d'honoraires ou dans les six mois de l'envoi de son relevé »: R1 was
    # sent 2024-10-01 (after the service of 2024-06-04); + 6 months = Tuesday 2025-04-01.
    document = example()
    document["services"].append({"id": "S2", "mandate": "M1", "code": "T94", "date": "2024-06-04", "amount": "2500"})
    message = _special_consideration_message(document)
    assert "au plus tard le 2025-04-01 (six mois après l'envoi du relevé R1 le 2024-10-01)" in message


def test_t8_without_a_statement_sent_after_the_service_the_date_is_said_to_be_unknown():
    document = example()
    document["services"].append({"id": "S2", "mandate": "M1", "code": "T94", "date": "2024-10-02", "amount": "2500"})
    assert "date d'envoi du relevé inconnue" in _special_consideration_message(document)
    del document["statements"][0]["sent"]
    document["statements"][0]["received"] = None
    document["statements"][0]["paid"] = None
    document["services"][1]["date"] = "2024-06-04"
    assert "date d'envoi du relevé inconnue" in _special_consideration_message(document)


def test_dispute_and_arbitration_deadlines_art_32_and_35():
    document = example()
    statement = document["statements"][0]
    del statement["paid"]
    statement.update(refusal_received="2024-11-01", dispute_notice_sent="2025-02-03", answer_received="2025-02-20")
    deadlines = {d["kind"]: d for d in result(document)["deadlines"]}
    # Art. 32: 2024-11-01 + 6 months = Thursday 2025-05-01; met by the notice of 2025-02-03.
    assert (deadlines["dispute"]["due"], deadlines["dispute"]["status"]) == ("2025-05-01", "met")
    # Art. 35: answer within 30 days, 2025-02-20 + 6 months = Wednesday 2025-08-20.
    assert (deadlines["arbitration"]["due"], deadlines["arbitration"]["article"]) == ("2025-08-20", "entente art. 35")
    assert deadlines["arbitration"]["status"] != "met"
    # Art. 35: submitted to arbitration on 2025-06-02, before its last day: the deadline is met.
    statement["arbitration_requested"] = "2025-06-02"
    deadlines = {d["kind"]: d for d in result(document)["deadlines"]}
    assert (deadlines["arbitration"]["status"], deadlines["arbitration"]["met_on"]) == ("met", "2025-06-02")


def test_a_line_without_amount_is_left_out_of_fees_with_a_finding():
    document = example()
    document["services"].append({"id": "S2", "mandate": "M1", "code": "T127", "date": "2024-06-04"})
    out = result(document, {"S1": "330.00", "S2": None})
    assert out["lines"][1]["amount"] is None and out["lines"][1]["cap_reduction"] is None
    assert out["lines"][1]["findings"][0]["code"] == "amount_unknown"
    assert out["fees"] == "330.00"
    assert "amount_unknown" in [f["code"] for f in out["findings"]]


def test_reimbursements_t19_t192_t101_are_not_fees_for_the_threshold_art_22():
    document = example()
    document["services"].insert(0, {"id": "S0", "mandate": "M1", "code": "T19", "date": "2024-06-01"})
    out = result(document, {"S0": "11.00", "S1": "330.00"})
    assert out["lines"][0]["cap_reduction"] == "0.00" and out["lines"][0]["fiscal_year"] is None
    assert (out["fees"], out["cap_reduction"]) == ("341.00", "45.50")


def test_lines_out_of_date_order_are_capped_in_order_of_service_date():
    # S2 (June 1) counts first: 139 800 + 200 = 140 000, no reduction; S1 (June 3) is all over: 115.50.
    document = example()
    document["services"].append({"id": "S2", "mandate": "M1", "code": "T127", "date": "2024-06-01"})
    out = result(document, {"S1": "330.00", "S2": "200.00"})
    assert [line["cap_reduction"] for line in out["lines"]] == ["115.50", "0.00"]


def test_mandate_date_attribution_counts_in_the_year_the_mandate_was_issued():
    document = example()
    document["settings"]["cap_attribution"] = "mandate_date"
    document["mandates"][0]["issued"] = "2024-03-28"  # fiscal year 2023-2024: nothing before
    assert result(document)["cap_reduction"] == "0.00"


def test_findings_of_the_pricing_come_first_in_the_result():
    finding = Finding("same_attendance", "Même présence facturée deux fois.", "entente annexe II", "S1")

    def price(services, mandates):
        return Pricing((PricedLine("S1", "T127", money("330"), money("330")),), (finding,))

    out = result_document(compute(scenario_from_document(example(), date(2000, 1, 1)), price))
    assert out["findings"][0] == {"code": "same_attendance", "message": "Même présence facturée deux fois.",
                                  "article": "entente annexe II", "subject": "S1"}


AMOUNTS = st.decimals(min_value=0, max_value=50_000, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(AMOUNTS | st.none(), min_size=1, max_size=15), AMOUNTS)
def test_lines_always_sum_to_fees_and_total_to_the_cent(amounts, before):
    document = example()
    document["fees_before"] = {"2024-2025": f"{before:.2f}"}
    document["services"] = [
        {"id": f"S{i}", "mandate": "M1", "code": "T127", "date": f"2024-06-{i % 28 + 1:02d}"}
        for i in range(len(amounts))
    ]
    out = result(document, {f"S{i}": None if a is None else str(a) for i, a in enumerate(amounts)})
    lines = [Decimal(line["amount"]) for line in out["lines"] if line["amount"] is not None]
    assert sum(lines, Decimal("0.00")) == Decimal(out["fees"])
    reductions = [Decimal(line["cap_reduction"]) for line in out["lines"] if line["cap_reduction"] is not None]
    assert sum(reductions, Decimal("0.00")) == Decimal(out["cap_reduction"])
    assert Decimal(out["fees"]) - Decimal(out["cap_reduction"]) + Decimal(out["travel_total"]) == Decimal(out["total"])
    assert all(Decimal(line["cap_reduction"]) <= Decimal(line["amount"]) for line in out["lines"] if line["amount"])


DAYS = st.dates(min_value=date(2006, 1, 1), max_value=date(2060, 12, 31)).map(date.isoformat)
CODES = st.sampled_from(["T127", "T64 c)", "T55", "T19", "T101", "T98", "T96", "T201.1", "T8", "T122", "T26"])
MONEY_TEXT = st.decimals(min_value=0, max_value=200_000, places=2).map(str)


@st.composite
def accepted_scenarios(draw):
    """Scenarios whose fields each pass the reader; those it refuses as a whole are skipped."""
    mandates = [{"id": f"M{i}", "client": "C", "issued": draw(DAYS), "ended": draw(st.none() | DAYS),
                 "ended_by_judgment": draw(st.booleans())} for i in range(draw(st.integers(1, 3)))]
    mandate_ids = st.sampled_from([m["id"] for m in mandates])
    services = [{"id": f"S{i}", "mandate": draw(mandate_ids), "code": draw(CODES), "date": draw(DAYS),
                 "amount": draw(st.none() | MONEY_TEXT), "class": draw(st.none() | st.sampled_from(["I", "IV"]))}
                for i in range(draw(st.integers(0, 6)))]
    travel = [{"id": f"D{i}", "mandate": draw(mandate_ids), "date": draw(DAYS), "km": draw(MONEY_TEXT),
               "destination_km": draw(MONEY_TEXT), "basis": draw(st.sampled_from(
                   ["in_district", "outside_district", "appeal_court_or_outside_tribunal", "authorized"]))}
              for i in range(draw(st.integers(0, 2)))]
    statements = [{"id": f"R{i}", "mandates": [draw(mandate_ids)], "sent": draw(st.none() | DAYS),
                   "received": draw(st.none() | DAYS), "amount": draw(st.none() | MONEY_TEXT),
                   "refusal_received": draw(st.none() | DAYS), "dispute_notice_sent": draw(st.none() | DAYS)}
                  for i in range(draw(st.integers(0, 2)))]
    return {"settings": {"today": draw(DAYS), "km_rate": "0.47",
                         "cap_attribution": draw(st.sampled_from(["service_date", "mandate_date"]))},
            "fees_before": {"2024-2025": draw(MONEY_TEXT)},
            "mandates": mandates, "services": services, "travel": travel, "statements": statements}


@settings(max_examples=150, deadline=None)
@given(accepted_scenarios())
def test_every_scenario_the_reader_accepts_is_computed_with_the_real_pricing(document):
    try:
        scenario = scenario_from_document(document, date(2026, 11, 22))
    except ScenarioError:
        return
    out = result_document(compute(scenario))
    lines = [Decimal(line["amount"]) for line in out["lines"] if line["amount"] is not None]
    assert sum(lines, Decimal("0.00")) == Decimal(out["fees"])
    assert all(line["findings"] for line in out["lines"] if line["amount"] is None)
