"""Additions and fractions: T26, T46/T81, T54, T55, T66, T196, T201.4, T211, T168."""

from datetime import date
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

MANDATES = {
    "M0": MandateFacts("M0", "C1", date(2024, 1, 10), party="plaintiff"),
    "M1": MandateFacts("M1", "C1", date(2024, 5, 1), earlier_mandate="M0", party="plaintiff"),
    "M2": MandateFacts("M2", "C1", date(2025, 2, 1), earlier_mandate="M0", party="plaintiff"),
}


def _amount(code, mandate="M1", **facts):
    return price_services([ServiceFacts("S1", mandate, code, date(2025, 3, 3), **facts)], MANDATES).lines[0].amount


def test_t26_half_for_each_additional_contestation():
    # T36 class II entered at 1 000 $; three contestations: 1 000 + 2 × 500 = 2 000 $.
    assert _amount("T36", tariff_class="II", amount=Decimal("1000"), contestations=3) == Decimal("2000.00")


def test_t46_and_t81_injunction_after_an_interlocutory_judgment():
    after = dict(amount=Decimal("1000"), injunction=True, after_interlocutory=True)
    assert _amount("T36", tariff_class="IIIa", **after) == Decimal("1500.00")
    assert _amount("T78", tariff_class="II", **after) == Decimal("500.00")
    assert _amount("T36", tariff_class="IIIa", amount=Decimal("1000"), injunction=True) == Decimal("1000.00")


def test_t54_one_percent_of_the_indemnity():
    assert _amount("T54", base_amount=Decimal("123456.78")) == Decimal("1234.57")
    line = price_services([ServiceFacts("S1", "M1", "T54", date(2025, 3, 3))], MANDATES).lines[0]
    assert line.amount is None and line.findings[0].code == "base_amount_missing"


def test_t55_percentages_and_settlement_fractions():
    # 1 % of (1 000 000 - 100 000) = 9 000 $ + 1/10 of 1 % of 500 000 = 500 $: 9 500 $.
    assert _amount("T55", base_amount=Decimal("1500000")) == Decimal("9500.00")
    assert _amount("T55", base_amount=Decimal("250000")) == Decimal("1500.00")
    assert _amount("T55", base_amount=Decimal("90000")) == Decimal("0.00")
    # one third before a defence, two thirds after: 1 500 / 3 = 500 $, × 2/3 = 1 000 $.
    assert _amount("T55", base_amount=Decimal("250000"), disposition="settled_before_defence") == Decimal("500.00")
    assert _amount("T55", base_amount=Decimal("250000"), disposition="settled_after_defence") == Decimal("1000.00")


def test_t66_half_for_a_new_mandate_within_twelve_months():
    # T61a 850 $: M1 issued 2024-05-01, within 12 months of M0 (2024-01-10): 425 $; M2 (2025-02-01): 850 $.
    assert _amount("T61a", "M1") == Decimal("425.00")
    assert _amount("T61a", "M2") == Decimal("850.00")


def test_t196_consent_decision():
    assert _amount("T194", disposition="consent") == Decimal("205.00")


def _line(code, **facts):
    return price_services([ServiceFacts("S1", "M1", code, date(2025, 3, 3), **facts)], MANDATES).lines[0]


def test_t195_a_contested_review_is_paid_in_full_despite_t196():
    # T195 (410 $): « payable nonobstant les dispositions de l'article T196 si la contestation
    # d'une des parties en litige nécessite la tenue d'une audition »; without it, a final
    # decision by consent without witnesses is half: 205 $ (T196).
    contested = _line("T195", disposition="consent", contested_hearing=True)
    assert contested.amount == Decimal("410.00")
    assert [rule.code for rule in contested.rules] == ["T195"]
    assert contested.rules[0].explanation_fr.startswith("T195 : payable en entier malgré T196 (410,00 $)")
    assert _amount("T195", disposition="consent") == Decimal("205.00")
    assert _amount("T195", contested_hearing=True) == Decimal("410.00")


def test_t195_paragraph_is_t195s_own_a_t194_by_consent_stays_half():
    # T196 covers « la décision finale prévue aux articles T194 et T195 »; the exception of a
    # contestation that required a hearing is written in T195 only.
    line = _line("T194", disposition="consent", contested_hearing=True)
    assert (line.amount, [rule.code for rule in line.rules]) == (Decimal("205.00"), ["T196"])


def test_t201_4_from_the_third_half_day_and_t211():
    # T201.4: 4 half-days of mediation: 2 × 165 $ = 330 $.
    assert _amount("T201.4", units=4) == Decimal("330.00")
    assert _amount("T201.4", units=2) == Decimal("0.00")
    # T211: 500 $ plus 200 $ per half-day from the first (T211-1 and T211-2 lines).
    assert _amount("T211-1") + _amount("T211-2", units=3) == Decimal("1100.00")


def test_t168_appeal_of_verdict_and_sentence_adds_both_fees():
    # T168: the B) fees (T162, 335 $) are added to the C) fees (T167, 220 $); both paid in full.
    priced = price_services(
        [ServiceFacts("S1", "M1", "T162", date(2025, 3, 3)), ServiceFacts("S2", "M1", "T167", date(2025, 3, 3))],
        MANDATES,
    )
    assert [line.amount for line in priced.lines] == [Decimal("335.00"), Decimal("220.00")]
    assert priced.findings == ()
