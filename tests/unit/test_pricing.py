"""The pricing engine as a whole: lookup by mandate date (art. 53), never raising on a bad line,
and the invariants every priced batch keeps (Hypothesis), plus the speed budget."""

from datetime import date, time
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

ISSUED = date(2024, 5, 1)
MANDATES = {
    "M1": MandateFacts("M1", "C1", ISSUED),
    "M2": MandateFacts("M2", "C1", ISSUED),
    "M3": MandateFacts("M3", "C2", ISSUED, matter="A1"),
    "M4": MandateFacts("M4", "C3", ISSUED, matter="A1"),
}


def _line(services, index=0):
    return price_services(services, MANDATES).lines[index]


def test_amount_of_the_item_for_the_mandate_issue_date():
    # T127: 330 $ (annex II, Part 4) for a mandate issued on 2024-05-01.
    line = _line([ServiceFacts("S1", "M1", "t 127", date(2024, 6, 3))])
    assert (line.code, line.tariff_amount, line.amount, line.rules) == (
        "T127", Decimal("330.00"), Decimal("330.00"), ()
    )


def test_the_mandate_issue_date_governs_not_the_service_date():
    # Art. 53: T201.1 applies to mandates issued from 2008-01-01; a 2007 mandate is refused a
    # T201.1 figure even for a service rendered in 2009.
    mandates = {"M": MandateFacts("M", "C", date(2007, 6, 1))}
    priced = price_services([ServiceFacts("S", "M", "T89", date(2009, 1, 5))], mandates)
    assert priced.lines[0].amount == Decimal("1315.00")
    early = price_services(
        [ServiceFacts("S", "M", "T89", date(2009, 1, 5))], {"M": MandateFacts("M", "C", date(2007, 3, 31))}
    )
    assert early.lines[0].amount is None
    assert early.lines[0].findings[0].code == "no_figure"


def test_units_multiply_the_figure():
    # T101: 0,10 $ la page; 37 pages = 3,70 $.
    line = _line([ServiceFacts("S1", "M1", "T101", date(2024, 6, 3), units=37)])
    assert (line.tariff_amount, line.amount) == (Decimal("3.70"), Decimal("3.70"))


def test_rate_of_another_item():
    # T91: la demie des honoraires prévus pour un jugement final (T89, 1 315 $) = 657,50 $.
    line = _line([ServiceFacts("S1", "M1", "T91", date(2024, 6, 3))])
    assert line.amount == Decimal("657.50")
    assert line.rules[0].code == "T91"


def test_class_items_need_the_class():
    line = _line([ServiceFacts("S1", "M1", "T36", date(2024, 6, 3))])
    assert line.amount is None
    assert [f.code for f in line.findings] == ["class_missing", "amount_missing"]


def test_lost_figure_is_never_invented():
    # T36 class II: the figure was lost in the text; without the lawyer's figure, no amount.
    line = _line([ServiceFacts("S1", "M1", "T36", date(2024, 6, 3), tariff_class="II")])
    assert line.amount is None and line.tariff_amount is None
    assert [f.code for f in line.findings] == ["amount_missing"]
    entered = _line([ServiceFacts("S1", "M1", "T36", date(2024, 6, 3), tariff_class="II", amount=Decimal("450"))])
    assert entered.amount == Decimal("450.00")
    assert [f.code for f in entered.findings] == ["amount_entered"]


def test_bad_lines_inside_a_batch_do_not_raise():
    priced = price_services(
        [
            ServiceFacts("S1", "M1", "T999", date(2024, 6, 3)),
            ServiceFacts("S2", "M9", "T127", date(2024, 6, 3)),
            ServiceFacts("S3", "M1", "T98", date(2024, 6, 3)),
            ServiceFacts("S4", "M1", "T127", date(2024, 6, 3)),
        ],
        MANDATES,
    )
    assert [line.amount for line in priced.lines] == [None, None, None, Decimal("330.00")]
    assert [line.findings[0].code for line in priced.lines[:3]] == ["unknown_code", "unknown_mandate", "not_billable"]


def test_t97_lesser_included_offence_is_paid_as_charged():
    # T97: plea to a summary lesser offence (T127, 330 $) on an indictment under T120 (550 $).
    line = _line([ServiceFacts("S1", "M1", "T127", date(2024, 6, 3), charged_as="T120")])
    assert line.amount == Decimal("550.00")
    assert line.rules[0].code == "T97"


# --- invariants -----------------------------------------------------------------------------

CODES = [
    "T113", "T111", "T127", "T120", "T117", "T115", "T119", "T188", "T194", "T195", "T63-1", "T101", "T1", "T36",
    "T56a", "T78", "T80",
]
#: the facts of the civil classes (T46, T49, T80, T81), T195 and T201.1-T201.2
_extras = st.fixed_dictionaries({
    "tariff_class": st.sampled_from([None, "I", "IIIa"]),
    "injunction": st.booleans(),
    "after_interlocutory": st.booleans(),
    "remedy": st.sampled_from([None, "habeas_corpus"]),
    "contested_hearing": st.booleans(),
    "children": st.integers(1, 3),
    "represents": st.sampled_from(["child", "parent"]),
})
_times = st.sampled_from(
    [None, (time(9), time(12)), (time(14), time(17)), (time(9), time(21)), (time(19, 30), time(22))]
)
_service = st.builds(
    lambda code, mandate, day, court, disposition, group, span, units, claimed, extras: dict(
        code=code, mandate=mandate, date=date(2024, 6, day), court=court, disposition=disposition,
        co_accused_group=group, start=span[0] if span else None, end=span[1] if span else None, units=units,
        amount=claimed, **extras,
    ),
    st.sampled_from(CODES),
    st.sampled_from(sorted(MANDATES)),
    st.integers(1, 3),
    st.sampled_from(["Montréal", "Laval"]),
    st.sampled_from([None, "trial", "guilty_plea", "found_guilty", "consent"]),
    st.sampled_from([None, "G1"]),
    _times,
    st.integers(1, 3),
    st.sampled_from([None, Decimal("123.45")]),
    _extras,
)
_batches = st.lists(_service, max_size=12).map(
    lambda specs: [ServiceFacts(f"S{index}", **spec) for index, spec in enumerate(specs)]
)


@settings(max_examples=200, deadline=None)
@given(_batches, st.randoms())
def test_invariants(services, random):
    priced = price_services(services, MANDATES)
    assert [line.service for line in priced.lines] == [service.id for service in services]
    for line in priced.lines:
        for value in (line.amount, line.tariff_amount):
            assert value is None or (isinstance(value, Decimal) and value.as_tuple().exponent == -2)
        if line.amount is not None:
            assert line.amount >= 0
        if line.amount != line.tariff_amount and line.amount is not None:
            assert line.rules, line
        reduced = any(rule.code in ("T98", "T99", "T187", "T119", "T56") for rule in line.rules)
        if reduced and line.tariff_amount is not None and not any(r.code in ("T96", "T188") for r in line.rules):
            assert line.amount <= line.tariff_amount
    again = price_services(services, MANDATES)
    assert again == priced
    shuffled = list(services)
    random.shuffle(shuffled)
    by_id = {line.service: line.amount for line in price_services(shuffled, MANDATES).lines}
    assert by_id == {line.service: line.amount for line in priced.lines}
