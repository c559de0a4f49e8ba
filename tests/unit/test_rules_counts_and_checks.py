"""Maximum counts (T56, T63-1, T119, T67f, T117-T118), special consideration (T8-T12, art. 14,
art. 21) and the pre-submission checks (art. 14, 23-24, T2, T114)."""

from datetime import date
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

ISSUED = date(2024, 5, 1)
MANDATES = {
    "M1": MandateFacts("M1", "C1", ISSUED, matter="500-12-1", ended=date(2024, 12, 31), aid_ceased=date(2024, 9, 1)),
    "M2": MandateFacts("M2", "C1", ISSUED, matter="500-12-1"),
}


def _lines(*services):
    return price_services(services, MANDATES).lines


def _s(id, code, day, mandate="M1", **facts):
    return ServiceFacts(id, mandate, code, date(2024, 6, day), **facts)


def test_t56_two_judgments_per_matter_a_and_b_together_across_mandates():
    lines = _lines(_s("S3", "T56a", 20, "M2"), _s("S1", "T56a", 3), _s("S2", "T56b", 10))
    assert [line.amount for line in lines] == [Decimal("0.00"), Decimal("300.00"), Decimal("350.00")]
    assert lines[0].findings[0].code == "max_count_exceeded"
    assert "S1 du 2024-06-03, S2 du 2024-06-10" in lines[0].findings[0].message_fr


def test_t119_counts_only_adjournments_at_the_lawyers_request():
    lines = _lines(
        _s("S1", "T119", 3), _s("S2", "T119", 4, at_own_request=False), _s("S3", "T119", 5), _s("S4", "T119", 6)
    )
    assert [line.amount for line in lines] == [Decimal("25.00")] * 3 + [Decimal("0.00")]


def test_t63_1_two_prolongations():
    lines = _lines(*[_s(f"S{d}", "T63-1", d) for d in (3, 4, 5)])
    assert [line.amount for line in lines] == [Decimal("85.00"), Decimal("85.00"), Decimal("0.00")]


def test_t67f_only_one_of_d_and_e():
    lines = _lines(_s("S1", "T67d", 3), _s("S2", "T67e", 10))
    assert [line.amount for line in lines] == [Decimal("0.00"), Decimal("100.00")]
    assert lines[0].rules[0].code == "T67f"


def test_t117_t118_only_on_another_day_than_the_plea():
    lines = _lines(_s("S1", "T115", 3), _s("S2", "T117", 3), _s("S3", "T117", 10), _s("S4", "T118", 10))
    assert [line.amount for line in lines] == [Decimal("150.00"), Decimal("0.00"), Decimal("165.00"), Decimal("0.00")]


def test_special_consideration_carries_the_claim_and_flags_it():
    claimed, missing = _lines(_s("S1", "T94", 3, amount=Decimal("2500")), _s("S2", "T170", 3))
    assert claimed.amount == Decimal("2500.00") and claimed.tariff_amount is None
    assert [f.code for f in claimed.findings] == ["special_consideration"]
    assert missing.amount is None
    assert {f.code for f in missing.findings} == {"amount_missing", "special_consideration"}


def test_no_tariff_rate_the_office_fixes_the_amount():
    (line,) = _lines(_s("S1", "T130", 3))
    assert line.amount is None
    assert line.findings[0].code == "office_fixes_amount"


def test_art_21_share_of_a_lump_sum():
    share, missing = _lines(
        _s("S1", "T127", 3, shared_lump_sum=True, amount=Decimal("200")), _s("S2", "T127", 4, shared_lump_sum=True)
    )
    assert share.amount == Decimal("200.00") and share.rules[0].code == "art. 21"
    assert missing.amount is None and missing.findings[0].code == "share_missing"


def test_checks():
    lines = _lines(
        ServiceFacts("S1", "M1", "T127", date(2024, 4, 30)),
        ServiceFacts("S2", "M1", "T114", date(2024, 6, 3)),
        ServiceFacts("S3", "M1", "T127", date(2024, 9, 1)),
        ServiceFacts("S4", "M1", "T127", date(2024, 9, 2), conservatory_act=True),
        ServiceFacts("S5", "M1", "T2", date(2024, 6, 3), authorised=True),
    )
    assert [[f.code for f in line.findings] for line in lines] == [
        ["outside_mandate"],
        ["authorisation_missing"],
        ["after_aid_ceased"],
        [],
        [],
    ]
