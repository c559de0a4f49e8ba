"""T96 and T188: half a day when presence was not needed beyond it, 13 h as mid-day, the evening."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

MANDATES = {"M1": MandateFacts("M1", "C1", date(2024, 5, 1))}


def _price(code, start=None, end=None, units=1):
    service = ServiceFacts("S1", "M1", code, date(2024, 6, 3), start=start, end=end, units=units)
    return price_services([service], MANDATES).lines[0]


@pytest.mark.parametrize(
    ("start", "end", "amount"),
    [
        (None, None, "800.00"),  # no times: a whole day
        (time(9, 30), time(12, 45), "400.00"),  # T96: entirely before 13 h, half of 800 $
        (time(13), time(16), "400.00"),  # entirely after 13 h
        (time(9, 30), time(15), "800.00"),  # both halves
        (time(9, 30), time(21), "1200.00"),  # whole day + evening half-day (after 19 h)
        (time(19, 30), time(22), "400.00"),  # evening only: the evening half-day
    ],
)
def test_t96_trial_per_day(start, end, amount):
    # T113 procès, par jour : 800 $.
    line = _price("T113", start, end)
    assert line.amount == Decimal(amount)
    assert line.tariff_amount == Decimal("800.00")
    assert bool(line.rules) == (amount != "800.00")
    assert all(rule.code == "T96" for rule in line.rules)


def test_several_days_without_times():
    # T111 enquête préliminaire, 430 $ par jour × 2 jours.
    assert _price("T111", units=2).amount == Decimal("860.00")


def test_t188_counts_the_evening_and_each_additional_half_day():
    # T188: 165 $ pour la soirée et pour chaque demi-journée additionnelle; 14 h-21 h = afternoon
    # and evening = 2 × 165 $ = 330 $.
    line = _price("T188", time(14), time(21))
    assert line.amount == Decimal("330.00")
    assert line.rules[0].code == "T188"


def test_civil_half_days_do_not_count_the_evening_apart():
    # T64c (165 $ per additional half-day, matrimonial): 9 h-20 h is a morning and an afternoon.
    assert _price("T64c", time(9), time(20)).amount == Decimal("330.00")
    # T93 (285 $): a morning only.
    assert _price("T93", time(9), time(12)).amount == Decimal("285.00")


def test_end_before_start_is_a_finding_and_a_whole_day():
    line = _price("T113", time(15), time(9))
    assert line.amount == Decimal("800.00")
    assert line.findings[0].code == "invalid_times"
