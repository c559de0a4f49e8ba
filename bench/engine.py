"""Engine benchmark: compute 2 000 and 20 000 services with every rule and the annual reduction.

Run by hand: ``.venv/bin/python bench/engine.py``. Prints the time per service and the 10x
scaling ratio next to their budgets (issue "speed budgets": under 0.5 s for 20 000 services,
scaling within 11x), then what explains the ratio:

- the Python calls the engine makes, counted by ``cProfile``: the same on every machine and
  every run, they grow with the services exactly when no rule is worse than linear;
- the cyclic garbage collector's runs during a computation (``compute`` raises its first
  threshold while it works: ``domain/collector.py``), and the same timings with the collector
  off, which give its share;
- what this machine gives for a loop that only allocates small objects, as many per service
  as the engine keeps, and does nothing with them: the scaling the memory hierarchy imposes on
  any Python code whose working set outgrows the processor caches.

Times are processor time of this process (``time.process_time``), best of several runs, so
that other programs on a shared machine disturb them less. Not part of the test suite:
timings belong here, not in unit tests.
"""

import cProfile
import gc
import pstats
import time
from dataclasses import dataclass
from datetime import date, time as clock_time, timedelta
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.compute import compute
from lawyer_billing.domain.scenario import Scenario, Settings

BUDGET_SECONDS = 0.5
BUDGET_SCALING = 11.0
#: a rule that is worse than linear shows as more than this growth of the calls for 10x services
LINEAR_CALLS = 10.5
FIRST_DAY = date(2009, 4, 1)
CODES = ["T113", "T111", "T127", "T120", "T117", "T115", "T119", "T188", "T194", "T63-1", "T101", "T1", "T56a"]
SMALL, LARGE = 2_000, 20_000


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


def best_of(runs: int, work, *, collector: bool = True) -> float:
    """The least processor time of ``runs`` calls of ``work``, the collector on or off."""
    timings = []
    for _ in range(runs):
        gc.collect()
        if not collector:
            gc.disable()
        started = time.process_time()
        try:
            work()
        finally:
            gc.enable()
        timings.append(time.process_time() - started)
    return min(timings)


def collections(data: Scenario) -> tuple[int, int, int]:
    """The collector's runs while ``data`` is computed: all, full ones, objects freed."""
    runs = []
    callback = lambda phase, info: phase == "stop" and runs.append(info)  # noqa: E731
    gc.collect()
    gc.callbacks.append(callback)
    try:
        compute(data)
    finally:
        gc.callbacks.remove(callback)
    return len(runs), sum(r["generation"] == 2 for r in runs), sum(r["collected"] for r in runs)


def calls(data: Scenario) -> int:
    profile = cProfile.Profile()
    profile.runcall(compute, data)
    return pstats.Stats(profile).total_calls


@dataclass
class _Kept:
    """Stands for one object the engine keeps per service while it computes."""

    index: int
    amount: Decimal
    notes: list


def allocation_only(size: int) -> None:
    """The reference loop: per service, the handful of small objects the engine keeps alive
    until the end (its working line, the priced line, the computed line, the reduction...),
    created and read once, nothing else."""
    kept = [_Kept(i, Decimal(i), []) for i in range(size * 4)]
    assert sum(len(k.notes) for k in kept) == 0


def main() -> None:
    small_data, large_data = scenario(SMALL), scenario(LARGE)
    compute(small_data)  # warm the tariff caches, as a running application has them
    small = best_of(7, lambda: compute(small_data))
    large = best_of(5, lambda: compute(large_data))
    ratio = large / small
    print(f"2 000 services : {small:.3f} s ({small / SMALL * 1e6:.1f} µs/service)")
    print(f"20 000 services: {large:.3f} s ({large / LARGE * 1e6:.1f} µs/service)  budget < {BUDGET_SECONDS} s"
          f"  {'OK' if large < BUDGET_SECONDS else 'MISSED'}")
    scaled = "OK" if ratio <= BUDGET_SCALING else "MISSED"
    print(f"scaling 10x    : {ratio:.1f}x  budget <= {BUDGET_SCALING}x  {scaled}")

    growth = calls(large_data) / calls(small_data)
    linear = "yes" if growth <= LINEAR_CALLS else "NO"
    print(f"\ncalls 10x      : {growth:.2f}x  (linear <= {LINEAR_CALLS}x: {linear})")
    for size, data in ((SMALL, small_data), (LARGE, large_data)):
        runs, full, freed = collections(data)
        print(f"collections    : {runs} at {size:,} services ({full} full), {freed} objects freed".replace(",", " "))
    small_off = best_of(7, lambda: compute(small_data), collector=False)
    large_off = best_of(5, lambda: compute(large_data), collector=False)
    print(f"collector off  : {small_off:.3f} s / {large_off:.3f} s = {large_off / small_off:.1f}x "
          f"(collector's share at 20 000: {1 - large_off / large:.0%})")
    reference = best_of(7, lambda: allocation_only(LARGE)) / best_of(7, lambda: allocation_only(SMALL))
    print(f"reference 10x  : {reference:.1f}x  (allocation only, no engine: this machine's scaling)")


if __name__ == "__main__":
    main()
