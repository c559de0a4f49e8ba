"""The relevé's model: totals computed once and exact to the cent, taxes when registered
(fees after art. 22 and travel, not the disbursements of art. 19), built from a scenario."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.scenario import ScenarioError
from lawyer_billing.domain.statement import (
    Disbursement,
    Letterhead,
    MandateEntry,
    Office,
    Statement,
    StatementError,
    StatementHeader,
    StatementLine,
    StatementType,
    TravelEntry,
    summarise,
    tax_rates_for,
    unbilled,
)
from lawyer_billing.domain.statement_files import default_file_name, safe_file_name
from lawyer_billing.domain.statement_scenario import build_statement, read_statement_scenario

EXAMPLES = Path(__file__).parents[2] / "examples"
D = Decimal
TODAY = date(2026, 11, 22)
REGISTERED = Letterhead("Me Jeanne Tremblay", gst_number="123456789 RT0001", qst_number="1234567890 TQ0001")
NOT_REGISTERED = Letterhead("Me Jeanne Tremblay")
HEADER = StatementHeader("2024-017", StatementType.FINAL, date(2024, 10, 1), Office("CCJ de Montréal"))
MANDATES = (MandateEntry("M1", "Dupont"), MandateEntry("M2", "Roy"))


def line(day, amount, reduction="0.00", mandate="M1", code="T127"):
    return StatementLine(day, code, "libellé", 1, D(amount), D(amount), mandate, cap_reduction=D(reduction))


def trip(day, amount, mandate="M1"):
    return TravelEntry(day, D("180"), D("0.50"), D("12.00"), D(amount), mandate)


def statement(letterhead=REGISTERED, header=HEADER, lines=(), disbursements=(), travel=()):
    return Statement(letterhead, header, MANDATES, tuple(lines), tuple(disbursements), tuple(travel),
                     tax_rates_for(letterhead, header.date))


def test_the_totals_add_up_with_taxes_on_fees_after_reduction_and_travel_only():
    relevé = statement(
        lines=[line(date(2024, 6, 3), "330.00", reduction="45.50"), line(date(2024, 7, 2), "120.00", mandate="M2")],
        travel=[trip(date(2024, 6, 3), "102.00")],
        disbursements=[Disbursement(date(2024, 6, 10), "Huissier", D("45.60"), "Facture 8812", "M1")],
    )
    totals = relevé.totals
    assert totals.fees == D("450.00")  # 330.00 + 120.00
    assert totals.cap_reduction == D("45.50")
    assert totals.fees_after_reduction == D("404.50")
    assert totals.travel == D("102.00")
    assert totals.taxable == D("506.50")  # 404.50 + 102.00; the disbursement is not taxed
    assert totals.gst == D("25.33")  # 5 % of 506.50 = 25.325, half-up
    assert totals.qst == D("50.52")  # 9.975 % of 506.50 = 50.523375
    assert totals.disbursements == D("45.60")
    assert totals.total == D("627.95")  # 506.50 + 25.33 = 531.83; + 50.52 = 582.35; + 45.60


def test_before_2013_the_qst_applies_to_the_price_plus_the_gst():
    header = StatementHeader("2012-003", StatementType.INTERIM, date(2012, 6, 30))
    totals = statement(header=header, lines=[line(date(2012, 5, 1), "100.00")]).totals
    # GST 5 % of 100.00 = 5.00; QST 9.5 % of 105.00 = 9.975 -> 9.98
    assert (totals.gst, totals.qst, totals.total) == (D("5.00"), D("9.98"), D("114.98"))


def test_a_lawyer_not_registered_charges_no_tax():
    relevé = statement(NOT_REGISTERED, lines=[line(date(2024, 6, 3), "330.00")])
    assert relevé.tax_rates is None
    assert (relevé.totals.gst, relevé.totals.qst, relevé.totals.total) == (D("0.00"), D("0.00"), D("330.00"))


def test_a_lawyer_registered_for_the_gst_only_charges_the_gst_only():
    lawyer = Letterhead("Me Roy", gst_number="123456789 RT0001")
    totals = statement(lawyer, lines=[line(date(2024, 6, 3), "100.00")]).totals
    assert (totals.gst, totals.qst, totals.total) == (D("5.00"), D("0.00"), D("105.00"))


def test_a_registered_lawyer_needs_the_rates():
    with pytest.raises(StatementError, match="TPS"):
        Statement(REGISTERED, HEADER, MANDATES, (line(date(2024, 6, 3), "1.00"),))
    with pytest.raises(StatementError, match="1990-01-01"):
        tax_rates_for(REGISTERED, date(1990, 1, 1))


def test_amounts_are_in_cents_and_mandates_are_those_of_the_statement():
    with pytest.raises(StatementError, match="cents"):
        line(date(2024, 6, 3), "1.005")
    with pytest.raises(StatementError, match="M9"):
        statement(lines=[line(date(2024, 6, 3), "1.00", mandate="M9")])


def test_the_letterhead_of_the_settings_profile_prints_one_address_line_per_typed_line():
    profile = LawyerProfile("Me Jeanne Tremblay", " 10, rue Saint-Jacques \n\n Montréal (Québec) H2Y 1L3\n",
                            "123456-7", "CSJ-42", "Montréal", gst_number="", qst_number="1234567890 TQ0001")
    assert Letterhead.from_profile(profile) == Letterhead(
        "Me Jeanne Tremblay", ("10, rue Saint-Jacques", "Montréal (Québec) H2Y 1L3"), "123456-7", "CSJ-42",
        gst_number=None, qst_number="1234567890 TQ0001", district="Montréal",
    )
    assert Letterhead.from_profile(LawyerProfile()) == Letterhead("")
    assert not Letterhead.from_profile(LawyerProfile(gst_number="", qst_number="")).registered


def test_only_a_supplementary_statement_names_the_one_it_supplements():
    with pytest.raises(StatementError, match="complète"):
        StatementHeader("2024-018", StatementType.SUPPLEMENTARY, date(2024, 10, 1))
    with pytest.raises(StatementError, match="Compte final"):
        StatementHeader("2024-018", StatementType.FINAL, date(2024, 10, 1), supplements="2024-017")
    header = StatementHeader("2024-018", StatementType.SUPPLEMENTARY, date(2024, 10, 1), supplements="2024-017")
    assert header.type.label_fr == "Compte supplémentaire"


def test_the_statement_of_disbursements_alone_keeps_only_them_untaxed():
    relevé = statement(lines=[line(date(2024, 6, 3), "330.00")], travel=[trip(date(2024, 6, 3), "102.00")],
                       disbursements=[Disbursement(date(2024, 6, 10), "Huissier", D("45.60"), "F-1", "M1")])
    alone = relevé.disbursements_only()
    assert (alone.lines, alone.travel) == ((), ())
    assert [m.number for m in alone.mandates] == ["M1"]  # M2 has no disbursement
    assert (alone.totals.taxes, alone.totals.total) == (D("0.00"), D("45.60"))


def test_the_summary_groups_by_mandate_month_and_fiscal_year():
    relevé = statement(
        lines=[line(date(2024, 3, 28), "100.00"), line(date(2024, 4, 2), "200.00", reduction="10.00", mandate="M2")],
        travel=[trip(date(2024, 4, 2), "50.00", mandate="M2")],
        disbursements=[Disbursement(date(2024, 3, 30), "Expert", D("300.00"), "F-9", "M1")],
    )
    summary = summarise([relevé])
    assert [(row.key, row.total) for row in summary.by_mandate] == [("M1", D("400.00")), ("M2", D("240.00"))]
    assert [(row.key, row.total) for row in summary.by_month] == [("2024-03", D("400.00")), ("2024-04", D("240.00"))]
    # 31 March is the last day of 2023-2024; 2 April is in 2024-2025
    assert [(row.key, row.fees, row.cap_reduction) for row in summary.by_fiscal_year] == [
        ("2023-2024", D("100.00"), D("0.00")), ("2024-2025", D("200.00"), D("10.00"))
    ]


cents = st.decimals(min_value=-100_000, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(2008, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(days, cents, st.sampled_from(["M1", "M2"])), max_size=20),
    st.lists(st.tuples(days, cents), max_size=5),
    st.lists(st.tuples(days, cents), max_size=5),
    days,
)
def test_every_total_sums_exactly_to_the_cent(lines, trips, disbursements, printed):
    header = StatementHeader("N", StatementType.FINAL, printed)
    relevé = statement(
        header=header,
        lines=[line(day, amount, mandate=mandate) for day, amount, mandate in lines],
        travel=[trip(day, amount) for day, amount in trips],
        disbursements=[Disbursement(day, "d", amount) for day, amount in disbursements],
    )
    totals = relevé.totals
    assert totals.total == totals.fees - totals.cap_reduction + totals.travel + totals.gst + totals.qst + totals.disbursements
    for amount in (totals.gst, totals.qst, totals.total):
        assert amount == amount.quantize(D("0.01"))
    summary = summarise([relevé])
    for rows in (summary.by_mandate, summary.by_month, summary.by_fiscal_year):
        assert sum((row.total for row in rows), D(0)) == totals.total - totals.taxes


# --- from a compute scenario -------------------------------------------------------------

def scenario_document():
    return json.loads((EXAMPLES / "statement-complete.json").read_text(encoding="utf-8"))


def built(document):
    return build_statement(read_statement_scenario(json.dumps(document), TODAY))


def test_the_example_builds_its_relevé():
    relevé, computation = built(scenario_document())
    assert relevé.header.number == "2024-017" and relevé.header.type is StatementType.FINAL
    assert relevé.letterhead.address == ("123, rue Principale, bureau 400", "Montréal (Québec)  H2X 1Y4")
    assert [(m.number, m.beneficiary, m.court) for m in relevé.mandates] == [
        ("M1", "Dupont & Fils", "Palais de justice de Montréal"),
        ("M2", "Dupont & Fils", "Palais de justice de Montréal"),
        ("M3", "Roy", "Longueuil"),
    ]
    first = relevé.lines[0]
    assert (first.code, first.label[:21], first.tariff_amount, first.amount, first.mandate) == (
        "T127", "Ensemble des services", D("330.00"), D("165.00"), "M1")
    assert [rule.code for rule in first.rules] == ["T98"]  # half: M2 (T120) is the better paid
    assert first.rules[0].explanation.startswith("T98 : moitié du tarif")
    assert relevé.totals.fees == computation.fees
    assert relevé.totals.cap_reduction == computation.cap.total_reduction
    assert relevé.totals.travel == computation.travel_total
    assert unbilled(computation) == ()
    # 139 800 before; S1 165 -> 139 965; S2 550 crosses by 515: 35 % = 180.25; S4 150: 52.50
    # (T19 and T101 are reimbursements, not counted) -> reduction 232.75
    # fees 165 + 550 + 11 + 150 + 12 = 888.00; taxable 888.00 - 232.75 + 102.00 = 757.25
    # GST 5 % = 37.8625 -> 37.86; QST 9.975 % = 75.5357 -> 75.54; disbursements 45.60 + 12.35
    totals = relevé.totals
    assert (totals.fees, totals.cap_reduction, totals.taxable, totals.gst, totals.qst, totals.disbursements,
            totals.total) == (D("888.00"), D("232.75"), D("757.25"), D("37.86"), D("75.54"), D("57.95"), D("928.60"))


def test_the_lines_follow_the_dates_and_the_lines_without_amount_are_left_out():
    document = scenario_document()
    document["services"].append({"id": "S9", "mandate": "M1", "code": "T87", "date": "2024-05-20"})
    relevé, computation = built(document)
    assert [line.date for line in relevé.lines] == sorted(line.date for line in relevé.lines)
    assert "T87" not in [line.code for line in relevé.lines]
    assert unbilled(computation) == ("service S9 (T87) : aucun montant, ligne omise du relevé",)


def test_the_reader_reports_every_problem_by_its_path_like_the_scenario():
    document = scenario_document()
    del document["lawyer"]["name"]
    document["lawyer"]["address"] = ["ok", 3]
    document["statement"]["type"] = "supplementary"
    document["statement"]["disbursements"][0]["amount"] = 45.6
    document["statement"]["disbursements"][0]["mandate"] = "M9"
    document["mandates"][0]["issued"] = "2024-02-30"
    with pytest.raises(ScenarioError) as raised:
        read_statement_scenario(json.dumps(document), TODAY)
    assert [str(p) for p in raised.value.problems] == [
        'mandates[0].issued: "2024-02-30" n\'est pas une date valide',
        "lawyer.name: champ obligatoire absent",
        "lawyer.address[1]: doit être un texte entre guillemets, pas un nombre",
        'statement.disbursements[0].amount: 45.6 est un nombre à virgule : écrivez-le entre guillemets, "45.60", pour qu\'il reste exact',
        'statement.disbursements[0].mandate: mandat "M9" inconnu (absent de « mandates »)',
    ]


def test_without_lawyer_nor_statement_the_reader_names_what_is_missing():
    document = json.loads((EXAMPLES / "scenario-minimal.json").read_text(encoding="utf-8"))
    with pytest.raises(ScenarioError) as raised:
        read_statement_scenario(json.dumps(document), TODAY)
    assert [str(p) for p in raised.value.problems] == [
        "lawyer.name: champ obligatoire absent", "statement.number: champ obligatoire absent",
    ]


def test_a_supplementary_statement_needs_the_number_it_supplements_and_the_date_defaults_to_today():
    document = scenario_document()
    document["statement"]["type"] = "supplementary"
    with pytest.raises(ScenarioError, match="statement.supplements: obligatoire"):
        read_statement_scenario(json.dumps(document), TODAY)
    document["statement"]["supplements"] = "2024-009"
    del document["statement"]["date"]
    read = read_statement_scenario(json.dumps(document), TODAY)
    assert (read.header.supplements, read.header.date) == ("2024-009", date(2026, 11, 22))
    document["statement"]["type"] = "interim"
    with pytest.raises(ScenarioError, match="statement.supplements: seul"):
        read_statement_scenario(json.dumps(document), TODAY)


def test_invalid_json_is_reported_once():
    with pytest.raises(ScenarioError) as raised:
        read_statement_scenario("{", TODAY)
    assert len(raised.value.problems) == 1 and raised.value.problems[0].path == "$"


def test_a_key_written_twice_in_the_lawyer_or_the_statement_is_refused_as_in_the_scenario():
    text = json.dumps(scenario_document())
    text = text.replace('"lawyer": {', '"lawyer": {"name": "Me Autre", ', 1)
    text = text.replace('"statement": {', '"statement": {"number": "2024-999", ', 1)
    with pytest.raises(ScenarioError) as raised:
        read_statement_scenario(text, TODAY)
    assert [str(p) for p in raised.value.problems] == [
        "lawyer.name: clé présente plus d'une fois", "statement.number: clé présente plus d'une fois",
    ]


def test_a_registered_lawyer_s_statement_needs_a_date_with_known_tax_rates():
    document = scenario_document()
    document["statement"]["date"] = "2006-06-30"  # the tax table starts on 2006-07-01
    with pytest.raises(ScenarioError) as raised:
        read_statement_scenario(json.dumps(document), TODAY)
    assert [str(p) for p in raised.value.problems] == [
        "statement.date: Aucun taux de TPS et de TVQ n'est connu pour le 2006-06-30. "
        "Le relevé d'un avocat inscrit aux taxes ne peut pas porter cette date."
    ]
    document["lawyer"]["gst_number"] = document["lawyer"]["qst_number"] = None
    assert read_statement_scenario(json.dumps(document), TODAY).header.date == date(2006, 6, 30)


# --- file names from user text ----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relevé 2024/017", "Releve-2024-017"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\Windows\\System32", "Windows-System32"),
        ("C:\\relevé:2024*?\"<>|", "C-releve-2024"),
        (".cache", "cache"),
        ("a..b", "a.b"),
        ("CON", "_CON"),
        ("lpt1.pdf", "_lpt1.pdf"),
        ("   ", "document"),
        ("\x00\x1f\u202e", "document"),
        ("Dupont & Fils", "Dupont-Fils"),
        ("x" * 300, "x" * 80),
    ],
)
def test_a_file_name_from_user_text_is_one_safe_name(text, expected):
    assert safe_file_name(text) == expected


def test_default_file_names_of_the_documents():
    header = StatementHeader("2024/017 <b>", StatementType.FINAL, date(2024, 10, 1))
    assert default_file_name(header, "pdf") == "releve-2024-017-b.pdf"
    assert default_file_name(header, ".xlsx") == "releve-2024-017-b.xlsx"
    assert default_file_name(header, "pdf", disbursements_only=True) == "etat-des-debours-2024-017-b.pdf"
