"""The 140 000 $ threshold and the 35 % reduction (entente art. 22), computed by hand."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.cap import (
    THRESHOLD,
    CapAttribution,
    CapInputError,
    FeeLine,
    apply_cap,
    cap_projection,
    fiscal_year_of,
)
from lawyer_billing.domain.money import round_cents


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2024, 3, 31), "2023-2024"), (date(2024, 4, 1), "2024-2025"), (date(2025, 3, 31), "2024-2025")],
)
def test_fiscal_year_runs_1_april_to_31_march_art_22(day, year):
    assert fiscal_year_of(day) == year


# L1 and L2 belong to a mandate issued in 2023-2024 but are rendered in 2024-2025;
# L3 belongs to a mandate issued in 2024-2025.
LINES = (
    FeeLine("L1", date(2024, 5, 1), date(2024, 1, 15), Decimal("500.00")),
    FeeLine("L2", date(2024, 6, 1), date(2024, 1, 15), Decimal("1000.00")),
    FeeLine("L3", date(2024, 7, 1), date(2024, 4, 15), Decimal("200.00")),
)
FEES_BEFORE = {"2023-2024": Decimal("139800.00"), "2024-2025": Decimal("139000.00")}


def test_service_date_line_crossing_threshold_reduced_on_excess_only_art_22():
    """By service date, all three lines count in 2024-2025 (139 000 $ before):
    L1: 139 500, under the threshold: 0. L2 crosses: 140 500 - 140 000 = 500 over, 35 % = 175.00.
    L3 is wholly over: 35 % of 200 = 70.00. Total 245.00."""
    result = apply_cap(LINES, FEES_BEFORE, CapAttribution.SERVICE_DATE)
    assert [(r.line_id, r.fiscal_year, r.reduction) for r in result.lines] == [
        ("L1", "2024-2025", Decimal("0.00")),
        ("L2", "2024-2025", Decimal("175.00")),
        ("L3", "2024-2025", Decimal("70.00")),
    ]
    assert result.lines[1].payable == Decimal("825.00")
    assert result.total_reduction == Decimal("245.00")
    (year,) = result.years
    assert (year.fiscal_year, year.fees_before, year.fees, year.generated, year.reduction) == (
        "2024-2025",
        Decimal("139000.00"),
        Decimal("1700.00"),
        Decimal("140700.00"),
        Decimal("245.00"),
    )


def test_mandate_date_line_crossing_threshold_art_22():
    """By mandate date, L1 and L2 count in 2023-2024 (139 800 $ before): L1 crosses,
    140 300 - 140 000 = 300 over, 35 % = 105.00; L2 wholly over: 350.00. L3 counts in 2024-2025
    (139 000 $ before): 139 200, under: 0. Total 455.00."""
    result = apply_cap(LINES, FEES_BEFORE, CapAttribution.MANDATE_DATE)
    assert [(r.line_id, r.fiscal_year, r.reduction) for r in result.lines] == [
        ("L1", "2023-2024", Decimal("105.00")),
        ("L2", "2023-2024", Decimal("350.00")),
        ("L3", "2024-2025", Decimal("0.00")),
    ]
    assert result.total_reduction == Decimal("455.00")
    assert [(y.fiscal_year, y.generated, y.reduction) for y in result.years] == [
        ("2023-2024", Decimal("141300.00"), Decimal("455.00")),
        ("2024-2025", Decimal("139200.00"), Decimal("0.00")),
    ]


def test_service_date_is_the_default_attribution():
    assert apply_cap(LINES, FEES_BEFORE) == apply_cap(LINES, FEES_BEFORE, CapAttribution.SERVICE_DATE)


def test_reaching_the_threshold_exactly_is_not_reduced_one_cent_more_is_art_22():
    """139 999.99 + 0.01 = 140 000.00 exactly: nothing "excède" 140 000 $. The next 0.02 $ is
    over: 35 % of 0.02 = 0.007 -> 0.01."""
    lines = [
        FeeLine("A", date(2024, 5, 1), date(2024, 5, 1), Decimal("0.01")),
        FeeLine("B", date(2024, 5, 2), date(2024, 5, 1), Decimal("0.02")),
    ]
    result = apply_cap(lines, {"2024-2025": Decimal("139999.99")})
    assert [r.reduction for r in result.lines] == [Decimal("0.00"), Decimal("0.01")]


def test_no_fees_before_means_zero_art_22():
    """A single 150 000 $ line in an empty year: 10 000 over, 35 % = 3 500.00."""
    result = apply_cap([FeeLine("A", date(2024, 5, 1), date(2024, 5, 1), Decimal("150000.00"))], {})
    assert result.total_reduction == Decimal("3500.00")
    assert result.years[0].fees_before == Decimal("0.00")


def test_years_are_counted_separately_art_22():
    """The threshold starts over on 1 April: 31 March counts in the old year, 1 April in the new."""
    lines = [
        FeeLine("M31", date(2025, 3, 31), date(2024, 6, 1), Decimal("100.00")),
        FeeLine("A01", date(2025, 4, 1), date(2024, 6, 1), Decimal("100.00")),
    ]
    result = apply_cap(lines, {"2024-2025": Decimal("140000.00")})
    assert [(r.fiscal_year, r.reduction) for r in result.lines] == [
        ("2024-2025", Decimal("35.00")),
        ("2025-2026", Decimal("0.00")),
    ]


@pytest.mark.parametrize(
    ("lines", "before", "message"),
    [
        (LINES[::-1], {}, "ordre chronologique"),
        (
            [FeeLine("X", date(2024, 5, 1), date(2024, 5, 1), Decimal("-1"))],
            {},
            "ligne X ne peut pas être négatif",
        ),
        ([], {"2024": Decimal("1")}, "« 2024 » n'est pas un exercice financier"),
        ([], {"2024-2026": Decimal("1")}, "n'est pas un exercice financier"),
        ([], {"2024-2025": Decimal("-1")}, "ne peuvent pas être négatifs"),
    ],
)
def test_invalid_input_raises(lines, before, message):
    with pytest.raises(CapInputError, match=message):
        apply_cap(lines, before)


def test_each_attribution_explains_itself_in_french_with_its_source():
    assert "Cour supérieure" in CapAttribution.SERVICE_DATE.explanation_fr
    assert "Bérubé-Bouchard" in CapAttribution.SERVICE_DATE.explanation_fr
    assert "art. 22" in CapAttribution.MANDATE_DATE.explanation_fr
    assert "Commission des services juridiques" in CapAttribution.MANDATE_DATE.explanation_fr


_amounts = st.integers(min_value=0, max_value=5_000_000).map(lambda cents: Decimal(cents) / 100)


@given(
    before=st.integers(min_value=0, max_value=16_000_000).map(lambda cents: Decimal(cents) / 100),
    amounts=st.lists(_amounts, max_size=30),
    attribution=st.sampled_from(CapAttribution),
)
def test_reductions_are_35_percent_of_the_excess_within_a_cent_per_line_art_22(before, amounts, attribution):
    lines = [
        FeeLine(str(i), date(2024, 4, 1) + timedelta(days=i), date(2024, 4, 1), amount)
        for i, amount in enumerate(amounts)
    ]
    result = apply_cap(lines, {"2024-2025": before}, attribution)
    generated = before
    for line, reduced in zip(lines, result.lines, strict=True):
        generated += line.amount
        assert Decimal(0) <= reduced.reduction <= round_cents(line.amount * Decimal("0.35"))
        if generated <= THRESHOLD:
            assert reduced.reduction == 0
    excess = max(Decimal(0), generated - max(before, THRESHOLD))
    reduced_lines = sum(1 for r in result.lines if r.reduction)
    assert abs(result.total_reduction - excess * Decimal("0.35")) <= Decimal("0.005") * max(reduced_lines, 1)
    assert result.total_reduction == sum(r.reduction for r in result.lines)


# --- projection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paid", "billed", "unbilled", "room", "alerts"),
    [
        ("50000.00", "19999.99", "0.00", "70000.01", ()),
        ("50000.00", "20000.00", "0.00", "70000.00", (50,)),
        ("50000.00", "20000.00", "35000.00", "35000.00", (50, 75)),
        ("100000.00", "25999.99", "0.00", "14000.01", (50, 75)),
        ("100000.00", "26000.00", "0.00", "14000.00", (50, 75, 90)),
        ("100000.00", "20000.00", "19999.99", "0.01", (50, 75, 90)),
        ("100000.00", "20000.00", "20000.00", "0.00", (50, 75, 90, 100)),
        ("150000.00", "0.00", "0.00", "0.00", (50, 75, 90, 100)),
    ],
)
def test_projection_alerts_day_before_and_day_of_each_level_art_22(paid, billed, unbilled, room, alerts):
    projection = cap_projection(Decimal(paid), Decimal(billed), Decimal(unbilled))
    assert projection.remaining_room == Decimal(room)
    assert projection.alerts_reached == alerts


def test_projection_ratio_and_custom_threshold():
    projection = cap_projection(Decimal("50000"), Decimal("0"), Decimal("25000"), threshold=Decimal("100000"))
    assert projection.ratio == Decimal("0.75")
    assert projection.alerts_reached == (50, 75)


def test_projection_refuses_negative_fees():
    with pytest.raises(CapInputError):
        cap_projection(Decimal("-1"), Decimal("0"), Decimal("0"))
