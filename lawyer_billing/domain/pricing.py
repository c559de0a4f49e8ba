"""The pricing engine of annex II: one priced line per service, with the rules that made it.

``price_services`` builds a working line per service, then applies the stages below to the
whole batch, always in this order. This is the one place the precedence is written down:

1. **Base figure** (``rules/base.py``, art. 14 and 53): the item's figure for the mandate's
   issue date and, for the civil items, the class of the action, which the annex sets for
   injunctions (T46, T81: a floor), extraordinary remedies and habeas corpus (T49, T73, T82)
   (``rules/civil_classes.py``); a rate of another item (T4, T37b, T44, T50, T80 except in the
   matters it excludes, T91, T228b); T97 (the charge as laid); a percentage of the case (T54,
   T55 and its settlement fractions); a lost figure is the lawyer's figure or no amount. Then
   the amounts the lawyer claims and no rule changes: special consideration (T1, T8-T12, T94,
   T170, T224.2, or a claim above a tariff figure), art. 14 (no tariff rate, T130) and art. 21
   (share of a lump sum, T95).
2. **Units**: figure × units; with start and end times, T96 for the "par jour" items (half a
   day, evening) and the half-days a "par demi-journée" line covers (T188, T64c, T43, T84, T93,
   T122-T128...) (``rules/half_day.py``).
3. **Additions and fractions** (``rules/additions.py``): T26, T46/T81, T66, T196 (not for a
   contested T195), T201.1-T201.2 (``children``, ``represents``), T201.4/T206.2/T220f.
4. **T98** several informations of one client the same day (``rules/multiple_informations.py``).
5. **T99 / T187 / T201.1** several beneficiaries heard together
   (``rules/several_beneficiaries.py``).
6. **Maximum counts** (``rules/maximum_counts.py``): T117/T118 day rule, T67f and T117/T118 "one
   or the other", then the maxima of the data (T56, T63-1, T69a-b, T69d, T119...): an excess
   line is paid 0.00, last because a line that is not payable is not payable at any amount.
7. **Checks** (``rules/checks.py``): lines outside their mandate, prior authorisation (T2,
   T114), cessation of aid (art. 23-24), the same attendance on two mandates.

Amounts stay exact Decimals through the stages; each line is rounded half-up to the cent once,
at the end. A stage only touches lines whose amount is known and not claimed (``Line.priced``).
"""

from typing import Mapping, Sequence

from lawyer_billing.domain.billing import MandateFacts, Pricing, ServiceFacts
from lawyer_billing.domain.rules.additions import additions
from lawyer_billing.domain.rules.base import base_amount, build_line
from lawyer_billing.domain.rules.checks import check_lines, same_attendance_twice
from lawyer_billing.domain.rules.half_day import half_days
from lawyer_billing.domain.rules.lookup import Lookup
from lawyer_billing.domain.rules.maximum_counts import maximum_counts
from lawyer_billing.domain.rules.multiple_informations import several_informations
from lawyer_billing.domain.rules.several_beneficiaries import several_beneficiaries
from lawyer_billing.domain.tariff import Tariff, shipped_tariff


def price_services(
    services: Sequence[ServiceFacts],
    mandates: Mapping[str, MandateFacts],
    tariff: Tariff | None = None,
) -> Pricing:
    """Price every service under the tariff (the shipped annex II by default), in input order.

    Never raises on a bad service: an unknown code or mandate, a missing class or a lost figure
    gives a line without amount and a finding saying what to fix.
    """
    lookup = Lookup(tariff if tariff is not None else shipped_tariff())
    lines = [
        build_line(index, service, mandates.get(service.mandate), lookup) for index, service in enumerate(services)
    ]
    for line in lines:
        base_amount(line, lookup)
    half_days(lines)
    additions(lines, mandates)
    several_informations(lines)
    several_beneficiaries(lines)
    maximum_counts(lines, lookup)
    check_lines(lines)
    return Pricing(tuple(line.freeze() for line in lines), tuple(same_attendance_twice(lines)))
