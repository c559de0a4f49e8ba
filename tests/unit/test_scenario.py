"""Reading a ``compute`` scenario: every problem reported, by JSON path, in French."""

import json
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.cap import CapAttribution
from lawyer_billing.domain.scenario import ScenarioError, read_scenario, scenario_from_document
from lawyer_billing.domain.travel import TravelBasis
from tests.json_fuzzing import json_values, mutated

EXAMPLES = Path(__file__).parents[2] / "examples"
DEFAULT_TODAY = date(2026, 1, 1)


def example() -> dict:
    return json.loads((EXAMPLES / "scenario-complete.json").read_text(encoding="utf-8"))


def problems(document: object) -> list[str]:
    with pytest.raises(ScenarioError) as raised:
        scenario_from_document(document, DEFAULT_TODAY)
    return [str(problem) for problem in raised.value.problems]


def problems_of_text(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as raised:
        read_scenario(text, DEFAULT_TODAY)
    return [str(problem) for problem in raised.value.problems]


def changed(path: str, value: object) -> dict:
    """The example with the field at ``path`` (``services.0.date``) set, or removed if ``...``."""
    document = example()
    *parents, last = path.split(".")
    target = document
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return document


def test_the_example_of_the_format_reads_into_domain_facts():
    scenario = read_scenario((EXAMPLES / "scenario-complete.json").read_text(encoding="utf-8"), DEFAULT_TODAY)
    assert scenario.settings.today == date(2026, 11, 22)
    assert scenario.settings.cap_attribution is CapAttribution.SERVICE_DATE
    assert scenario.settings.km_rate == Decimal("0.50")
    assert scenario.fees_before == {"2024-2025": Decimal("139800.00")}
    (mandate,) = scenario.mandates
    assert (mandate.ended, mandate.ended_by_judgment) == (date(2024, 9, 10), True)
    (service,) = scenario.services
    assert (service.code, service.start, service.end) == ("T127", time(9, 30), time(11, 45))
    assert (service.units, service.children, service.tariff_class, service.amount) == (1, 1, None, None)
    (trip,) = scenario.travel
    assert trip.trip.basis is TravelBasis.OUTSIDE_DISTRICT and trip.trip.parking == Decimal("12.00")
    (statement,) = scenario.statements
    assert (statement.received, statement.paid, statement.amount) == (
        date(2024, 10, 3), date(2025, 1, 15), Decimal("1000.00")
    )


def test_omitted_optional_fields_take_their_defaults_and_today_the_callers():
    document = {"mandates": [{"id": "M1", "client": "C1", "issued": "2025-01-15"}],
                "services": [{"id": "S1", "mandate": "M1", "code": "T127", "date": "2025-02-10"}]}
    scenario = scenario_from_document(document, DEFAULT_TODAY)
    assert scenario.settings.today == DEFAULT_TODAY
    assert scenario.settings.reminders == (60, 30, 7)
    (service,) = scenario.services
    assert (service.units, service.children, service.start, service.end) == (1, 1, None, None)
    assert scenario.travel == () and scenario.statements == ()


def test_the_fields_of_t49_t80_t195_and_t201_2_are_read_and_default_to_the_former_results():
    (default,) = scenario_from_document(example(), DEFAULT_TODAY).services
    assert (default.remedy, default.contested_hearing, default.represents) == (None, False, "child")
    document = example()
    document["services"][0].update(remedy="habeas_corpus", contested_hearing=True, represents="parent")
    (service,) = scenario_from_document(document, DEFAULT_TODAY).services
    assert (service.remedy, service.contested_hearing, service.represents) == ("habeas_corpus", True, "parent")


def test_an_injunction_is_not_an_extraordinary_remedy_t80():
    document = example()
    document["services"][0].update(remedy="extraordinary_remedy", injunction=True)
    assert problems(document) == [
        "services[0].remedy: une injonction (« injunction ») n'est pas un recours extraordinaire ni un habeas "
        "corpus (T46, T49, T80) : donnez l'un ou l'autre"
    ]


def test_a_code_is_read_in_any_spelling_of_the_tariff():
    assert scenario_from_document(changed("services.0.code", "T64 c)"), DEFAULT_TODAY).services[0].code == "T64c"


def test_money_and_km_may_be_integers():
    scenario = scenario_from_document(changed("travel.0.km", 180), DEFAULT_TODAY)
    assert scenario.travel[0].trip.km == Decimal(180)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("services.0.date", "2024-02-30", 'services[0].date: "2024-02-30" n\'est pas une date valide'),
        ("mandates.0.issued", "2023-02-29", 'mandates[0].issued: "2023-02-29" n\'est pas une date valide'),
        ("mandates.0.issued", "2 mai 2024", 'mandates[0].issued: "2 mai 2024" n\'est pas une date valide (AAAA-MM-JJ)'),
        ("mandates.0.issued", 20240502,
         "mandates[0].issued: doit être une date \"AAAA-MM-JJ\" entre guillemets, pas un nombre"),
        ("mandates.0.ended", "9999-12-01", 'mandates[0].ended: "9999-12-01" est hors des années 1900 à 2999'),
        ("mandates.0.issued", "2007-03-31", "mandates[0].issued: l'entente ne s'applique qu'aux mandats délivrés "
                                            "à compter du 2007-04-01 (art. 53), pas le 2007-03-31"),
        ("services.0.start", "25:00",
         'services[0].start: "25:00" n\'est pas une heure valide ("HH:MM", de 00:00 à 23:59)'),
        ("services.0.end", "09:00", "services[0].end: l'heure de fin (09:00) doit suivre l'heure de début (09:30)"),
        ("services.0.end", ...,
         "services[0].end: donnez l'heure de début et l'heure de fin, ou aucune des deux (journée entière)"),
        ("services.0.units", -1, "services[0].units: -1 doit être entre 1 et 10000"),
        ("services.0.units", "2", 'services[0].units: doit être un nombre entier, pas "2"'),
        ("services.0.children", 1.0, "services[0].children: doit être un nombre entier, pas 1.0"),
        ("services.0.amount", "-5.00", 'services[0].amount: "-5.00" ne peut pas être négatif'),
        ("services.0.amount", "10000000.01", 'services[0].amount: "10000000.01" dépasse la limite de 10000000 $'),
        ("services.0.amount", "12.345", 'services[0].amount: "12.345" : au plus 2 décimales'),
        ("services.0.amount", "douze", 'services[0].amount: "douze" n\'est pas un nombre'),
        ("services.0.amount", "NaN", 'services[0].amount: "NaN" n\'est pas un nombre'),
        ("services.0.amount", True,
         "services[0].amount: doit être un nombre entre guillemets (\"12.50\") ou entier, pas un booléen"),
        ("travel.0.km", "100000.01", 'travel[0].km: "100000.01" dépasse la limite de 100000 km'),
        ("travel.0.destination_km", -3, "travel[0].destination_km: -3 ne peut pas être négatif"),
        ("travel.0.basis", "outside", 'travel[0].basis: "outside" n\'est pas permis ; valeurs permises : in_district, '
                                      "outside_district, appeal_court_or_outside_tribunal, authorized"),
        ("services.0.code", "T9999", "services[0].code: « T9999 » n'est pas un article du tarif de l'annexe II."),
        ("services.0.class", "V",
         'services[0].class: "V" n\'est pas permis ; valeurs permises : I, II, IIIa, IIIb, IV'),
        ("services.0.mandate", "M9", 'services[0].mandate: mandat "M9" inconnu (absent de « mandates »)'),
        ("travel.0.mandate", "M9", 'travel[0].mandate: mandat "M9" inconnu (absent de « mandates »)'),
        ("statements.0.mandates", ["M9"], 'statements[0].mandates[0]: mandat "M9" inconnu (absent de « mandates »)'),
        ("statements.0.mandates", [], "statements[0].mandates: la liste ne peut pas être vide"),
        ("settings.cap_attribution", "invoice_date", 'settings.cap_attribution: "invoice_date" n\'est pas permis ; '
                                                    "valeurs permises : service_date, mandate_date"),
        ("settings.today", "2026-13-01", 'settings.today: "2026-13-01" n\'est pas une date valide'),
        ("settings.reminders", [30, -1], "settings.reminders[1]: -1 doit être entre 0 et 3650"),
        ("mandates.0.client", "a" * 501, "mandates[0].client: texte de 501 caractères : au plus 500"),
        ("mandates.0.client", "Jean\x00Roy",
         'mandates[0].client: caractère de contrôle interdit (U+0000) dans "Jean\\u0000Roy"'),
        ("mandates.0.client", "Jean\u202eyoR",
         'mandates[0].client: caractère de contrôle interdit (U+202E) dans "Jean\\u202eyoR"'),
        ("mandates.0.id", " ", "mandates[0].id: ne peut pas être vide"),
        ("mandates.0.ended", "2024-05-01", "mandates[0].ended: la fin du mandat précède son émission "
                                           "(2024-05-01 < issued 2024-05-02)"),
        ("mandates.0.ended_by_judgment", "oui", 'mandates[0].ended_by_judgment: doit être true ou false, pas "oui"'),
        ("mandates.0.issued", ..., "mandates[0].issued: champ obligatoire absent"),
        ("mandates.0.isued", "2024-05-02", "mandates[0].isued: clé inconnue ; clés permises : id, client, issued, "
                                           "district, ended, ended_by_judgment, judgment_date, aid_ceased, matter, "
                                           "earlier_mandate, party, number"),
        ("fees_before", {"2024": "1.00"},
         'fees_before.2024: un exercice financier s\'écrit "2024-2025" (1er avril - 31 mars)'),
        ("fees_before", [], 'fees_before: doit être un objet {"2024-2025": "139800.00"}, pas une liste'),
        ("statements.0.received", "2024-09-30", "statements[0].received: le relevé est reçu avant d'être envoyé "
                                                "(2024-09-30 < sent 2024-10-01)"),
        ("statements.0.paid", "2027-01-01", "statements[0].paid: 2027-01-01 est postérieur à aujourd'hui "
                                            "(2026-11-22, settings.today)"),
        ("statements.0.payments", [{"date": "2024-10-10", "amount": "1000.01"}],
         "statements[0].payments: les paiements (1000.01 $) dépassent le montant du relevé (1000.00 $)"),
        ("statements.0.payments", [{"date": "2025-02-01", "amount": "10.00"}],
         "statements[0].payments[0].date: 2025-02-01 doit être entre la réception du relevé et son paiement "
         "complet (ou aujourd'hui)"),
        ("statements.0.answer_received", "2025-03-01",
         "statements[0].answer_received: donné sans « dispute_notice_sent »"),
        ("mandates", {}, "mandates: doit être une liste [...], pas un objet"),
        ("mandates", ..., "mandates: champ obligatoire absent"),
        ("services", [3], "services[0]: doit être un objet {...}, pas un nombre"),
        ("services.0.remedy", "mandamus", 'services[0].remedy: "mandamus" n\'est pas permis ; valeurs permises : '
                                          "extraordinary_remedy, habeas_corpus"),
        ("services.0.represents", "mother", 'services[0].represents: "mother" n\'est pas permis ; valeurs permises : '
                                            "child, parent"),
        ("services.0.contested_hearing", 1, "services[0].contested_hearing: doit être true ou false, pas 1"),
    ],
)
def test_each_problem_names_its_field_by_json_path_in_french(path, value, expected):
    assert expected in problems(changed(path, value))


def test_a_json_float_is_refused_with_the_string_to_write_instead():
    text = json.dumps(example()).replace('"parking": "12.00"', '"parking": 12.5')
    assert problems_of_text(text) == [
        'travel[0].parking: 12.5 est un nombre à virgule : écrivez-le entre guillemets, "12.50", '
        "pour qu'il reste exact"
    ]


def test_every_problem_is_reported_not_only_the_first():
    document = changed("services.0.date", "2024-02-30")
    document["mandates"][0]["issued"] = "2023-02-29"
    document["travel"][0]["km"] = "-1"
    document["settings"]["typo"] = 1
    assert [line.split(":")[0] for line in problems(document)] == [
        "settings.typo", "mandates[0].issued", "services[0].date", "travel[0].km",
    ]


def test_two_items_with_the_same_id_are_refused():
    document = example()
    document["services"].append(dict(document["services"][0]))
    assert problems(document) == ['services[1].id: identifiant "S1" déjà utilisé par services[0]']


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"mandates": [}', "$: JSON invalide, ligne 1, colonne 15 : Expecting value"),
        ('{"mandates": []', "$: JSON invalide, ligne 1, colonne 16 : Expecting ',' delimiter"),
        ("", "$: JSON invalide, ligne 1, colonne 1 : Expecting value"),
        ("[]", "$: le scénario doit être un objet JSON {...}, pas une liste"),
        ('"texte"', "$: le scénario doit être un objet JSON {...}, pas un texte"),
        ('{"mandates": [], "fees_before": {"2024-2025": NaN}}', "$: JSON invalide : NaN n'est pas un nombre permis"),
        ('{"mandates": [], "mandates": []}', "mandates: clé présente plus d'une fois"),
        ("[" * 100_000, "$: JSON invalide : imbrication trop profonde"),
    ],
)
def test_a_document_that_is_not_a_scenario_is_one_problem_at_the_root(text, expected):
    assert problems_of_text(text) == [expected]


JSON_VALUES = json_values(example())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), max_size=5), JSON_VALUES)
def test_fuzzed_scenarios_raise_only_scenario_errors_that_name_a_path(path, value):
    document = mutated(example(), path, value)
    try:
        scenario_from_document(document, DEFAULT_TODAY)
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path and problem.message_fr
            str(problem).encode("utf-8")  # printable: no lone surrogate escapes into a message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_fuzzed_text_raises_only_scenario_errors(text):
    try:
        read_scenario(text, DEFAULT_TODAY)
    except ScenarioError as error:
        assert all(problem.path for problem in error.problems)


def test_a_statement_as_of_a_past_day_leaves_out_what_came_after():
    from lawyer_billing.domain.interest import Payment
    from lawyer_billing.domain.scenario import StatementFacts

    statement = StatementFacts(id="R1", mandates=("M1",), sent=date(2024, 10, 1), received=date(2024, 10, 3),
                               amount=Decimal("330.00"), paid=date(2025, 1, 15),
                               payments=(Payment(date(2024, 12, 1), Decimal("100.00")),))
    assert statement.as_of(date(2025, 1, 15)) == statement
    assert statement.as_of(date(2024, 12, 31)).paid is None
    assert statement.as_of(date(2024, 12, 31)).payments == statement.payments
    before = statement.as_of(date(2024, 10, 2))
    assert (before.sent, before.received, before.paid, before.payments) == (date(2024, 10, 1), None, None, ())


def test_a_decimal_number_inside_a_list_is_shown_in_the_message():
    """Once a TypeError: the number, read exactly, could not be printed back inside a list."""
    text = json.dumps(example()).replace('"id": "M1"', '"id": "M1", "party": [0.50]', 1)
    with pytest.raises(ScenarioError) as raised:
        read_scenario(text, DEFAULT_TODAY)
    assert [str(problem) for problem in raised.value.problems] == [
        "mandates[0].party: [0.5] n'est pas permis ; valeurs permises : plaintiff, defendant"]

