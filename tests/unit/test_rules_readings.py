"""Readings of the entente the engine depends on, each checked against the words of the text:
what the lawyer's amount means (T8, art. 14), where an evening is a half-day (T96, T188, and
not the civil Parts), ties under T98 and T99, the inferred T34a/T34b and T54's « T3a »."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.tariff import UnknownCodeError, normalise_code, shipped_tariff

DAY = date(2024, 6, 3)
MANDATES = {
    "M1": MandateFacts("M1", "C1", date(2024, 5, 1)),
    "M2": MandateFacts("M2", "C1", date(2024, 5, 1)),
    "M3": MandateFacts("M3", "C2", date(2024, 5, 1)),
    "M4": MandateFacts("M4", "C3", date(2024, 5, 1)),
}


def _lines(*services):
    return price_services(services, MANDATES).lines


def _service(id, mandate, code, **facts):
    facts.setdefault("court", "Montréal")
    return ServiceFacts(id, mandate, code, DAY, **facts)


# --- the lawyer's amount (T8, art. 14) -----------------------------------------------------


def test_t8_a_claim_above_a_known_figure_is_a_special_consideration():
    # T8: « un dépassement des honoraires prévus au tarif [...] une demande de considération
    # spéciale ». T127 is 330 $; 400 $ claimed: the line carries the claim and the flag.
    (line,) = _lines(_service("S1", "M1", "T127", amount=Decimal("400")))
    assert (line.tariff_amount, line.amount) == (Decimal("330.00"), Decimal("400.00"))
    assert [rule.code for rule in line.rules] == ["T8"]
    assert [f.code for f in line.findings] == ["special_consideration"]


def test_t8_the_claim_is_the_whole_lines_not_per_unit():
    # T9: the Commission fixes « le montant du dépassement »: a claim of 5 $ for 37 pages of
    # T101 (0,10 $ la page, 3,70 $) is 5 $, not 37 × 5 $.
    (line,) = _lines(_service("S1", "M1", "T101", units=37, amount=Decimal("5")))
    assert (line.tariff_amount, line.amount) == (Decimal("3.70"), Decimal("5.00"))


def test_t8_a_figure_at_the_tariff_is_no_excess_and_changes_nothing():
    # 330 $ entered for T127 (330 $): no « dépassement », the tariff line as if nothing was entered.
    (line,) = _lines(_service("S1", "M1", "T127", amount=Decimal("330.00")))
    assert (line.amount, line.rules, line.findings) == (Decimal("330.00"), (), ())


def test_t8_a_figure_below_the_tariff_is_not_used_and_the_rules_still_apply():
    # A half-day of T113 (800 $ par jour), 9 h to 11 h, with 400 $ entered: not a « dépassement »;
    # art. 14 pays « selon le tarif » and T96 halves it: 400 $, and the figure is flagged.
    (line,) = _lines(_service("S1", "M1", "T113", start=time(9), end=time(11), amount=Decimal("400")))
    assert line.amount == Decimal("400.00")
    assert [rule.code for rule in line.rules] == ["T96"]
    assert [f.code for f in line.findings] == ["amount_ignored"]


def test_art_14_a_lost_figure_is_the_lawyers_figure_per_unit():
    # T43 (class II, figure lost), « pour chaque demi-journée additionnelle »: 200 $ entered for
    # 3 half-days is 3 × 200 = 600 $.
    (line,) = _lines(_service("S1", "M1", "T43", tariff_class="II", units=3, amount=Decimal("200")))
    assert (line.tariff_amount, line.amount) == (None, Decimal("600.00"))
    assert [rule.code for rule in line.rules] == ["art. 14"]
    assert [f.code for f in line.findings] == ["amount_entered"]


# --- evenings (T96, T188) ------------------------------------------------------------------


def test_an_evening_is_a_half_day_in_parts_4_and_5_only():
    # T188 (Part 5): « pour la soirée de même que pour chaque demi-journée additionnelle [...]
    # 165 $ »: 14 h to 21 h is the afternoon and the evening, 2 × 165 = 330 $. T96 (Part 4):
    # « une audition en soirée (après 19h) [...] une demi-journée »: T113 from 20 h is half of
    # 800 $. T64c (Part 3, 165 $ « pour chaque demi-journée additionnelle ») has no evening rule:
    # 14 h to 21 h is one half-day.
    miscellaneous, criminal, civil = _lines(
        _service("S1", "M1", "T188", start=time(14), end=time(21)),
        _service("S2", "M1", "T113", start=time(20), end=time(21)),
        _service("S3", "M1", "T64c", start=time(14), end=time(21)),
    )
    assert miscellaneous.amount == Decimal("330.00") and miscellaneous.rules[0].code == "T188"
    assert criminal.amount == Decimal("400.00") and criminal.rules[0].code == "T96"
    assert (civil.amount, civil.rules) == (Decimal("165.00"), ())


# --- ties (T98, T99) -----------------------------------------------------------------------


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_t98_a_tie_gives_the_same_total_and_the_first_mandate_is_paid_in_full(order):
    # T98: « la pleine rémunération pour la dénonciation la mieux rémunérée et [...] la moitié
    # [...] pour chacune des autres »: two T127 (330 $) on M1 and M2: 330 + 165 = 495 $ either way.
    services = [_service("S1", "M1", "T127", disposition="trial"), _service("S2", "M2", "T127", disposition="trial")]
    lines = _lines(*(services[i] for i in order))
    by_service = {line.service: line.amount for line in lines}
    assert by_service == {"S1": Decimal("330.00"), "S2": Decimal("165.00")}


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_t99_a_tie_gives_the_same_total_whoever_is_paid_in_full(order):
    # T99: « la moitié de la rémunération [...] à chacun des autres bénéficiaires »: two
    # co-accused, T113 800 $: 800 + 400 = 1 200 $; the first client (C2) is paid in full.
    services = [_service("S1", "M3", "T113", co_accused_group="G"), _service("S2", "M4", "T113", co_accused_group="G")]
    lines = _lines(*(services[i] for i in order))
    by_service = {line.service: line.amount for line in lines}
    assert by_service == {"S1": Decimal("800.00"), "S2": Decimal("400.00")}


# --- codes read from the text --------------------------------------------------------------


def test_t34a_and_t34b_are_inferred_from_t34c_t34d_and_t37b():
    # T34 lists « Au procureur du demandeur » without letters, then « Au procureur du défendeur
    # c) [...] d) [...] »; T37 b) pays « ceux de l'article 34a »: the plaintiff's lines are a)
    # and b). Their labels say the letters were lost.
    tariff = shipped_tariff()
    assert [item.code for item in tariff if item.article == "T34"] == ["T34", "T34a", "T34b", "T34c", "T34d"]
    assert tariff.item("T34").kind == "group"
    assert tariff.item("T37b").of == "item:T34a"
    assert all("libellé perdu" in tariff.item(code).label_fr for code in ("T34a", "T34b"))


def test_t54s_t3a_is_kept_as_written_and_never_resolved():
    # T54: « les honoraires applicables sont ceux prévus à la classe II article T3a »: T3 has no
    # sub-item a), so « T3a » is not a code; the item's note keeps the words of the text.
    with pytest.raises(UnknownCodeError):
        normalise_code("T3a")
    assert "« classe II article T3a »" in shipped_tariff().item("T54").note
