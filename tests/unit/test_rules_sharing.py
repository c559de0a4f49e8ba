"""T98 (several informations), T99 and T187 (several beneficiaries), T201.1 (several children)."""

from datetime import date, time
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

DAY = date(2024, 6, 3)
MANDATES = {
    "M1": MandateFacts("M1", "C1", date(2024, 5, 1)),
    "M2": MandateFacts("M2", "C1", date(2024, 5, 2)),
    "M3": MandateFacts("M3", "C2", date(2024, 5, 1)),
    "M4": MandateFacts("M4", "C3", date(2024, 5, 1)),
    "M5": MandateFacts("M5", "C4", date(2024, 5, 1)),
}


def _amounts(*services):
    return [line.amount for line in price_services(services, MANDATES).lines]


def _service(id, mandate, code, **facts):
    facts.setdefault("court", "Montréal")
    return ServiceFacts(id, mandate, code, facts.pop("date", DAY), **facts)


def test_t98_full_fee_for_the_best_paid_information_half_for_the_other():
    # T98: T120 (550 $) on M2 is best paid; T127 (330 $) on M1 is halved: 165 $.
    priced = price_services(
        [
            _service("S1", "M1", "T127", disposition="guilty_plea"),
            _service("S2", "M2", "T120", disposition="guilty_plea"),
        ],
        MANDATES,
    )
    assert [line.amount for line in priced.lines] == [Decimal("165.00"), Decimal("550.00")]
    assert priced.lines[0].rules[0].explanation_fr == (
        "T98 : moitié du tarif pour la dénonciation M1, la dénonciation M2 étant la mieux rémunérée le 2024-06-03 "
        "à Montréal"
    )
    assert priced.findings == ()


def test_t98_needs_the_same_court_and_a_trial_or_plea():
    assert _amounts(
        _service("S1", "M1", "T127", disposition="trial"),
        _service("S2", "M2", "T127", disposition="trial", court="Laval"),
    ) == [Decimal("330.00")] * 2
    priced = price_services([_service("S1", "M1", "T127"), _service("S2", "M2", "T127")], MANDATES)
    assert [line.amount for line in priced.lines] == [Decimal("330.00")] * 2
    assert priced.findings[0].code == "duplicate_attendance"


def test_t99_half_for_each_other_beneficiary():
    # T99: three co-accused, T113 800 $: 800 + 400 + 400.
    assert _amounts(
        _service("S1", "M3", "T113", co_accused_group="G"),
        _service("S2", "M4", "T113", co_accused_group="G"),
        _service("S3", "M5", "T113", co_accused_group="G"),
    ) == [Decimal("800.00"), Decimal("400.00"), Decimal("400.00")]


def test_t99_not_about_the_same_time_or_under_special_consideration():
    morning = dict(co_accused_group="G", start=time(9), end=time(11))
    afternoon = dict(co_accused_group="G", start=time(14), end=time(16))
    assert _amounts(_service("S1", "M3", "T127", **morning), _service("S2", "M4", "T127", **afternoon)) == [
        Decimal("330.00")
    ] * 2
    # same half-day without overlap: about the same time
    assert _amounts(
        _service("S1", "M3", "T127", co_accused_group="G", start=time(9), end=time(10)),
        _service("S2", "M4", "T127", co_accused_group="G", start=time(11), end=time(12)),
    ) == [Decimal("330.00"), Decimal("165.00")]
    # a lawyer's amount is a special consideration: "sauf le cas d'une considération spéciale"
    assert _amounts(
        _service("S1", "M3", "T127", co_accused_group="G"),
        _service("S2", "M4", "T127", co_accused_group="G", amount=Decimal("400")),
    ) == [Decimal("330.00"), Decimal("400.00")]


def test_t187_one_fee_for_all_beneficiaries():
    # T187: T202b (Régie du logement, 310 $) for two tenants grouped in fact: one fee.
    assert _amounts(
        _service("S1", "M3", "T202b", co_accused_group="G"), _service("S2", "M4", "T202b", co_accused_group="G")
    ) == [Decimal("310.00"), Decimal("0.00")]


def test_t201_1_several_children_despite_t187():
    # T201.1: T194 410 $ for the first child, +50 % (205 $) for the second, +50 % (205 $) for all
    # the others together: 102,50 $ each for the third and the fourth.
    lines = [_service(f"S{i}", m, "T194", co_accused_group="F") for i, m in enumerate(["M1", "M3", "M4", "M5"])]
    mandates = dict(MANDATES, M1=MandateFacts("M1", "C0", date(2024, 5, 1)))
    amounts = [line.amount for line in price_services(lines, mandates).lines]
    assert sorted(amounts) == [Decimal("102.50"), Decimal("102.50"), Decimal("205.00"), Decimal("410.00")]


def test_t201_1_from_the_children_count():
    # T201.1: 410 $ + 205 $ + 205 $ = 820 $ for three children on one line; two children: 615 $.
    assert _amounts(_service("S1", "M1", "T194", children=3), _service("S2", "M3", "T194", children=2)) == [
        Decimal("820.00"),
        Decimal("615.00"),
    ]
    # art. 53: not for a mandate issued before 2008-01-01
    old = price_services([_service("S1", "M", "T194", children=3)], {"M": MandateFacts("M", "C", date(2007, 12, 31))})
    assert old.lines[0].amount == Decimal("410.00")
    assert old.lines[0].findings[0].code == "t201_1_not_in_force"


def test_t201_2_a_parent_of_several_children_is_priced_and_cited_under_t201_2():
    # T201.2: « Lorsqu'un avocat représente un parent dont plus d'un enfant est visé par les
    # procédures du Directeur de la protection de la jeunesse, il a droit aux honoraires prévus
    # à T201.1 avec les adaptations nécessaires »: T194 410 $ + 205 $ + 205 $ = 820 $ for three
    # children; two children: 410 + 205 = 615 $.
    parent, child = price_services(
        [_service("S1", "M1", "T194", children=3, represents="parent"), _service("S2", "M3", "T194", children=3)],
        MANDATES,
    ).lines
    assert (parent.amount, [rule.code for rule in parent.rules]) == (Decimal("820.00"), ["T201.2"])
    assert parent.rules[0].explanation_fr.startswith("T201.2 : parent dont 3 enfants sont visés par les procédures")
    assert (child.amount, [rule.code for rule in child.rules]) == (Decimal("820.00"), ["T201.1"])
    assert _amounts(_service("S1", "M1", "T194", children=2, represents="parent")) == [Decimal("615.00")]


def test_t201_2_not_before_2008_like_t201_1():
    # art. 53: T201.1-T201.2 apply to mandates issued from 2008-01-01.
    old = price_services(
        [_service("S1", "M", "T194", children=3, represents="parent")],
        {"M": MandateFacts("M", "C", date(2007, 12, 31))},
    )
    assert old.lines[0].amount == Decimal("410.00")
    assert old.lines[0].findings[0].code == "t201_1_not_in_force"


def test_two_parents_heard_together_are_grouped_beneficiaries_t187_not_t201_1():
    # T201.1 sets T187 aside for « plus d'un enfant de la même famille » only; two parents
    # represented together fall under T187: one fee (T194, 410 $).
    lines = price_services(
        [
            _service("S1", "M3", "T194", co_accused_group="F", represents="parent"),
            _service("S2", "M4", "T194", co_accused_group="F", represents="parent"),
        ],
        MANDATES,
    ).lines
    assert [line.amount for line in lines] == [Decimal("410.00"), Decimal("0.00")]
    assert lines[1].rules[0].code == "T187"


def test_t201_1_and_t201_2_are_not_billed_on_their_own():
    # Both are rates of « les honoraires prévus » of another item (T194...): the finding says to
    # bill that item with the number of children and whom the lawyer represents.
    line = price_services([_service("S1", "M1", "T201.2")], MANDATES).lines[0]
    assert line.amount is None
    assert line.findings[0].code == "not_billable" and "nombre d'enfants" in line.findings[0].message_fr
