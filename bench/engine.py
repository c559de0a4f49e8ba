"""Engine benchmark: compute 2 000 and 20 000 services with every rule and the annual reduction.

Run by hand: ``.venv/bin/python bench/engine.py``. Prints the time per service and the 10x
scaling ratio next to their budgets (issue "speed budgets": under 0.5 s for 20 000 services,
scaling within 11x). Not part of the test suite: timings belong here, not in unit tests.
"""

import time
from datetime import date, timedelta, time as clock_time
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.compute import compute
from lawyer_billing.domain.scenario import Scenario, Settings

BUDGET_SECONDS = 0.5
BUDGET_SCALING = 11.0
FIRST_DAY = date(2009, 4, 1)
CODES = ["T113", "T111", "T127", "T120", "T117", "T115", "T119", "T188", "T194", "T63-1", "T101", "T1", "T56a"]


def scenario(size: int) -> Scenario:
    """``size`` services on every rule path, fees near the cap, at a lawyer's pace: about nine
    services a court day, a mandate per ten services, a client per forty (more services means
    more days and clients, not ever-larger court days)."""
    mandate_count, clients = max(1, size // 10), max(1, size // 40)
    mandates = tuple(
        MandateFacts(f"M{i}", f"C{i % clients}", FIRST_DAY, matter=f"A{i % (mandate_count // 2 + 1)}")
        for i in range(mandate_count)
    )
    services = tuple(
        ServiceFacts(
            f"S{i}", f"M{i % mandate_count}", CODES[i % len(CODES)], FIRST_DAY + timedelta(days=i // 9),
            court="Montréal", disposition="trial" if i % 3 == 0 else None,
            co_accused_group=f"G{i % 50}" if i % 5 == 0 else None,
            start=clock_time(9) if i % 4 == 0 else None, end=clock_time(12) if i % 4 == 0 else None,
            amount=Decimal("400.00") if CODES[i % len(CODES)] == "T1" else None,
        )
        for i in range(size)
    )
    return Scenario(Settings(today=date(2026, 11, 22)), {"2009-2010": Decimal("120000.00")},
                    mandates, services, (), ())


def best_of(runs: int, size: int) -> float:
    data = scenario(size)
    compute(data)  # warm the tariff caches, as a running application has them
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        compute(data)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    small, large = best_of(5, 2_000), best_of(3, 20_000)
    ratio = large / small
    print(f"2 000 services : {small:.3f} s ({small / 2_000 * 1e6:.1f} µs/service)")
    print(f"20 000 services: {large:.3f} s ({large / 20_000 * 1e6:.1f} µs/service)  budget < {BUDGET_SECONDS} s"
          f"  {'OK' if large < BUDGET_SECONDS else 'MISSED'}")
    print(f"scaling 10x    : {ratio:.1f}x  budget <= {BUDGET_SCALING}x  {'OK' if ratio <= BUDGET_SCALING else 'MISSED'}")


if __name__ == "__main__":
    main()
