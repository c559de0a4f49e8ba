"""The class of the action where the annex sets it (T46, T81, T49, T73, T82) and the appeals
T80 leaves out.

The class tables of T32-T43 and T74-T84 lost their figures in the text (``amount: null``):
these tests check the class chosen, the rule that chose it and the findings, and where a
figure is needed they use the lawyer's own figure, which stands for the lost one (art. 14).
"""

from datetime import date
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, ServiceFacts
from lawyer_billing.domain.pricing import price_services

MANDATES = {"M1": MandateFacts("M1", "C1", date(2024, 5, 1))}


def _line(code, **facts):
    return price_services([ServiceFacts("S1", "M1", code, date(2025, 3, 3), **facts)], MANDATES).lines[0]


def _explanations(line):
    return [rule.explanation_fr for rule in line.rules]


def test_t46_an_injunction_billed_in_class_ii_is_raised_to_class_iiia():
    # T46: « [...] sans cependant être inférieurs à ceux prévus pour la classe IIIA ».
    line = _line("T36", tariff_class="II", injunction=True)
    assert line.amount is None
    assert [rule.code for rule in line.rules] == ["T46"]
    assert _explanations(line) == [
        "T46 : injonction : honoraires de la classe IIIa au moins, et non de la classe II indiquée"
    ]
    assert [f.code for f in line.findings] == ["amount_missing"]
    assert "T36 en classe IIIa" in line.findings[0].message_fr


def test_t46_the_lawyers_figure_stands_for_the_class_iiia_figure_then_the_half_is_added():
    # T46: a permanent injunction after an interlocutory one: « honoraires taxables sur un
    # jugement au mérite majorés de la moitié »; the lawyer's figure for T36 class IIIa is
    # 1 000 $: 1 000 + 500 = 1 500 $.
    line = _line("T36", tariff_class="I", amount=Decimal("1000"), injunction=True, after_interlocutory=True)
    assert line.amount == Decimal("1500.00")
    assert [rule.code for rule in line.rules] == ["T46", "art. 14", "T46"]
    assert "montant de T36 en classe IIIa saisi par l'avocat" in _explanations(line)[1]


def test_t46_a_higher_class_for_other_conclusions_is_kept():
    # T46: « Si d'autres conclusions sont recherchées, les honoraires sont ceux de la classe
    # prévue pour telles conclusions »: class IV stays IV, with no rule.
    line = _line("T36", tariff_class="IV", injunction=True)
    assert line.rules == ()
    assert "T36 en classe IV" in line.findings[0].message_fr


def test_t46_without_a_class_an_injunction_is_class_iiia():
    # T46: « L'injonction demandée sans autres conclusions que celle de l'article 751 du C.P.C.
    # est considérée comme une action de la classe IIIA. »
    line = _line("T35", injunction=True)
    assert [rule.code for rule in line.rules] == ["T46"]
    assert "classe IIIa" in line.rules[0].explanation_fr
    assert [f.code for f in line.findings] == ["amount_missing"]


def test_t46_the_floor_follows_a_rate_to_its_class_item_t37b():
    # T37 b) pays « ceux de l'article 34a »: a class table of the first instance, so T46 applies.
    line = _line("T37b", tariff_class="II", injunction=True)
    assert [rule.code for rule in line.rules] == ["T46"]


def test_t81_an_injunction_in_appeal_is_at_least_class_ii():
    # T81: « [...] sans cependant être inférieurs à ceux prévus à la classe II »; the judgment
    # on the merits after an interlocutory one is « la demie des honoraires de la classe »:
    # the lawyer's figure of 900 $ for T78 class II, halved: 450 $.
    line = _line("T78", tariff_class="I", amount=Decimal("900"), injunction=True, after_interlocutory=True)
    assert line.amount == Decimal("450.00")
    assert [rule.code for rule in line.rules] == ["T81", "art. 14", "T81"]
    assert _explanations(line)[0] == (
        "T81 : injonction : honoraires de la classe II au moins, et non de la classe I indiquée"
    )
    assert _line("T78", tariff_class="IIIa", injunction=True).rules == ()


def test_the_floors_leave_other_items_and_other_actions_alone():
    # T127 (Part 4) has no class; a civil action that is not an injunction keeps class I.
    assert _line("T127", injunction=True).amount == Decimal("330.00")
    line = _line("T36", tariff_class="I")
    assert line.rules == () and "T36 en classe I n'est pas connu" in line.findings[0].message_fr


def test_t49_extraordinary_remedies_and_habeas_corpus_are_class_ii_in_first_instance():
    # T49: « En matière [...] de recours extraordinaires [...] et d'Habeas corpus [...] les
    # honoraires sont ceux prévus pour la Classe II. »
    line = _line("T36", tariff_class="IV", remedy="habeas_corpus")
    assert [rule.code for rule in line.rules] == ["T49"]
    assert line.rules[0].explanation_fr == (
        "T49 : habeas corpus : honoraires de la classe II, et non de la classe IV indiquée"
    )
    assert "T36 en classe II n'est pas connu" in line.findings[0].message_fr
    assert _line("T36", tariff_class="II", remedy="extraordinary_remedy").rules == ()


def test_t82_and_t73_class_ii_in_the_court_of_appeal():
    # T82: « les honoraires pour le jugement au fond sont ceux prévus à la classe II » (T78);
    # T73: « Les articles T47 à T49 du tarif en première instance s'appliquent à la Cour
    # d'appel » (the other class items, e.g. T79).
    judgment = _line("T78", remedy="extraordinary_remedy")
    assert [rule.code for rule in judgment.rules] == ["T82"]
    assert [f.code for f in judgment.findings] == ["amount_missing"]
    incident = _line("T79", tariff_class="IIIb", remedy="habeas_corpus")
    assert [rule.code for rule in incident.rules] == ["T73"]


def test_t80_half_of_the_final_judgment_on_an_interlocutory_appeal():
    # T80: « la demie des honoraires prévus pour le jugement final, selon la classe d'action »:
    # T78's figure is lost, so without the lawyer's figure there is no amount.
    line = _line("T80", tariff_class="II")
    assert line.amount is None
    assert [f.code for f in line.findings] == ["amount_missing"]


def test_t80_excludes_injunctions_extraordinary_remedies_and_habeas_corpus():
    # T80: « Sur appel de tout jugement interlocutoire, à l'exclusion de l'injonction, des
    # recours extraordinaires et de l'Habeas Corpus [...] »
    for facts, instead in (
        (dict(injunction=True), "T81"),
        (dict(remedy="extraordinary_remedy"), "T82"),
        (dict(remedy="habeas_corpus"), "T82"),
    ):
        line = _line("T80", tariff_class="II", amount=Decimal("400"), **facts)
        assert (line.amount, line.tariff_amount, line.rules) == (None, None, ())
        assert [f.code for f in line.findings] == ["t80_excluded"]
        assert instead in line.findings[0].message_fr and line.findings[0].article == "annexe II T80"


def test_a_class_in_another_case_is_read_as_t20_spells_it():
    assert [rule.code for rule in _line("T36", tariff_class="ii", injunction=True).rules] == ["T46"]
    assert _line("T36", tariff_class="iiia", injunction=True).rules == ()
