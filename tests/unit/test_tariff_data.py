"""The shipped annex II data (entente-aide-juridique-2008.txt, T1-T236) and its validation.

Amounts are read by hand from the entente text; each case names its item.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lawyer_billing.domain.tariff import CLASSES, KINDS, UNITS, TariffDataError, load_tariff, shipped_tariff

ITEM_NUMBERS = Path(__file__).parent / "data" / "annex2_item_numbers.txt"
ISSUED = date(2007, 4, 1)  # art. 53: mandates issued from 1 April 2007

LOST_FLAT = ["T62b", "T63-2b", "T69c-ii", "T87", "T199c-ii", "T231b"]
LOST_BY_CLASS = [
    "T32a", "T32b", "T33a", "T33b", "T34a", "T34b", "T34c", "T34d", "T35", "T36", "T37a", "T38",
    "T39a", "T39b", "T39c", "T39d", "T40a", "T40b", "T41", "T42", "T43",
    "T74", "T75", "T77", "T78", "T79", "T83", "T84",
]  # fmt: skip


def _listed_codes() -> list[str]:
    lines = ITEM_NUMBERS.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_data_has_exactly_the_codes_extracted_from_annex_2():
    codes = [item.code for item in shipped_tariff()]
    listed = _listed_codes()
    assert len(listed) == len(set(listed))
    assert sorted(set(listed) - set(codes)) == []
    assert sorted(set(codes) - set(listed)) == []


def test_items_follow_the_order_of_the_text():
    assert [item.code for item in shipped_tariff()] == _listed_codes()


def test_item_numbers_absent_from_the_text_are_absent_t171_t176_t185():
    absent = {f"T{n}" for n in range(171, 177)} | {"T185"}
    assert absent.isdisjoint({item.article for item in shipped_tariff()})


def test_every_record_has_a_known_kind_and_unit_and_both_labels():
    for item in shipped_tariff():
        assert item.kind in KINDS
        assert item.unit is None or item.unit in UNITS
        assert item.label_fr.strip() and item.label_en.strip()
        assert item.code.startswith(item.article)
        assert item.part.startswith("Partie ")


def test_only_the_lost_figures_are_null_and_each_has_a_note():
    tariff = shipped_tariff()
    null_codes = {item.code for item in tariff if any(None in table.values for table in item.tables())}
    assert null_codes == set(LOST_FLAT) | set(LOST_BY_CLASS)
    for code in null_codes:
        assert "perdu" in tariff.item(code).note


@pytest.mark.parametrize("code", LOST_BY_CLASS)
def test_civil_class_tables_have_the_five_classes_of_t20_and_no_figure(code):
    item = shipped_tariff().item(code)
    assert tuple(item.classes) == CLASSES
    assert item.values is None
    for tariff_class in CLASSES:
        assert shipped_tariff().amount(code, ISSUED, tariff_class) is None


@pytest.mark.parametrize("code", LOST_FLAT)
def test_truncated_sub_items_are_present_without_a_figure(code):
    assert shipped_tariff().amount(code, ISSUED) is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("T2", "200.00"),  # assisting lawyer, per day
        ("T3", "60.00"),  # motion to cease representing
        ("T6", "100.00"),  # court refuses or cannot proceed
        ("T7", "160.00"),  # written argument
        ("T7.1", "75.00"),  # written justification of the legal-aid application
        ("T19", "11.00"),  # photocopies, fax, courier, postage (civil)
        ("T19.1", "165.00"),  # settlement conference, per half-day
        ("T45-1", "50.00"),  # taxation of a bill of costs
        ("T45-2", "115.00"),  # taxation, contested
        ("T52", "115.00"),  # rectification of the register of civil status
        ("T56b", "350.00"),  # child representation, contested
        ("T58-1", "430.00"),  # matrimonial, settled after contestation, plaintiff
        ("T58-2", "325.00"),  # same, defendant
        ("T61a", "850.00"),  # matrimonial judgment on the merits
        ("T62a", "275.00"),  # first provisional measures, after agreement
        ("T63-1", "85.00"),  # extension of measures
        ("T63-2a", "275.00"),  # modification after agreement
        ("T64c", "165.00"),  # additional half-day, family
        ("T69c-i", "300.00"),  # measures during the proceedings, after agreement
        ("T76-2", "170.00"),  # motion to extend time for factum, contested
        ("T89", "1315.00"),  # matrimonial appeal, judgment on the merits
        ("T93", "285.00"),  # matrimonial appeal, additional half-day
        ("T101", "0.10"),  # photocopies, per page (criminal)
        ("T104.2", "215.00"),  # criminal facilitation conference, per half-day
        ("T113", "800.00"),  # trial, per day (s. 469)
        ("T120", "550.00"),  # indictable offence, whole case
        ("T123a", "400.00"),  # jury trial, additional half-day
        ("T127", "330.00"),  # summary conviction, whole case
        ("T132", "1000.00"),  # preventive detention, preparation
        ("T186", "220.00"),  # imprisonment in default of payment
        ("T188", "165.00"),  # evening or additional half-day (Part 5)
        ("T196", "205.00"),  # youth protection, consent without witnesses
        ("T199c-i", "140.00"),  # intervention, not contested
        ("T201", "50.00"),  # attendance for the pronouncement of judgment
        ("T202a", "225.00"),  # Régie du logement, without contestation
        ("T211-1", "500.00"),  # TAQ inquiry and hearing after conciliation
        ("T211-2", "200.00"),  # plus per half-day
        ("T220f", "165.00"),  # IRB conciliation ending the dispute, per half-day
        ("T224", "1130.00"),  # Federal Court of Appeal, hearing on the merits
        ("T228a", "30.00"),  # parole board adjournment before the hearing began
        ("T230a", "1000.00"),  # judicial review in the Federal Court, preparation
        ("T231a", "130.00"),  # prison discipline, preparation
        ("T234", "430.00"),  # coroner's inquest, per day
        ("T236", "110.00"),  # administrative application for a change of name
    ],
)
def test_amount_read_by_hand_from_the_entente(code, expected):
    assert shipped_tariff().amount(code, ISSUED) == Decimal(expected)


@pytest.mark.parametrize(
    ("code", "rate", "base"),
    [
        ("T54", "0.01", "indemnity"),  # expropriation, 1 % of the indemnity
        ("T55", "0.01", "judgment"),  # 1 % of the excess over 100 000 $
        ("T80", "0.50", "item:T78"),  # interlocutory appeal: half the final judgment
        ("T228b", "1.00", "item:T226b"),  # adjournment after the hearing began: the half-day of T226
    ],
)
def test_rate_items_say_what_they_are_a_fraction_of(code, rate, base):
    item = shipped_tariff().item(code)
    assert (item.kind, item.unit, item.of) == ("rate", "percentage", base)
    assert shipped_tariff().amount(code, ISSUED) == Decimal(rate)


@pytest.mark.parametrize(
    ("code", "unit"),
    [("T111", "per_day"), ("T222", "per_half_day"), ("T122", "per_additional_half_day"),
     ("T193", "per_attendance"), ("T101", "per_page"), ("T127", "flat")],
)  # fmt: skip
def test_units_follow_the_wording_of_the_item(code, unit):
    assert shipped_tariff().item(code).unit == unit


@pytest.mark.parametrize(("code", "count"), [("T56", 2), ("T63-1", 2), ("T69a", 1), ("T69d", 2), ("T119", 2)])
def test_maximum_counts_t56_t63_t69_t119(code, count):
    item = shipped_tariff().item(code)
    assert (item.max_count, item.max_scope) == (count, "matter")


def test_prior_authorisation_t2_t114():
    assert {item.code for item in shipped_tariff() if item.requires_authorisation} == {"T2", "T114"}


@pytest.mark.parametrize(
    ("code", "kind"),
    [("T1", "special_consideration"), ("T8", "special_consideration"), ("T94", "special_consideration"),
     ("T170", "special_consideration"), ("T224.2", "special_consideration"), ("T130", "no_tariff"),
     ("T5", "rule"), ("T13.1", "rule"), ("T96", "rule"), ("T187", "rule"), ("T64", "group")],
)  # fmt: skip
def test_kind_of_non_billable_items(code, kind):
    assert shipped_tariff().item(code).kind == kind


@pytest.mark.parametrize("code", ["T201.1", "T201.2"])
def test_t201_1_and_t201_2_apply_only_from_2008_01_01_art_53(code):
    table = shipped_tariff().item(code).values
    assert table.at(date(2007, 12, 31)) is None
    assert table.at(date(2008, 1, 1)) == Decimal("0.50")


def test_every_other_figure_applies_from_2007_04_01_art_53():
    late = {"T201.1", "T201.2"}
    for item in shipped_tariff():
        for table in item.tables():
            assert table.dates == ((date(2008, 1, 1),) if item.code in late else (ISSUED,))


# --- the loader refuses bad files ----------------------------------------------------------

GOOD = """\
- code: T3
  article: T3
  part: Partie 1
  kind: amount
  unit: flat
  label_fr: Requête pour cesser d'occuper
  label_en: Motion to cease representing
  values:
    "2007-04-01": "60.00"
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_small_file_loads(tmp_path):
    _write(tmp_path, "a.yaml", GOOD)
    assert load_tariff(tmp_path).amount("T3", ISSUED) == Decimal("60.00")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t + "  montant: 3\n", "clé inconnue « montant »"),
        (lambda t: t.replace('"2007-04-01"', '"2007-13-01"'), "date d'effet « 2007-13-01 » invalide"),
        (lambda t: t.replace('"2007-04-01"', '"1 avril 2007"'), "date d'effet « 1 avril 2007 » invalide"),
        (lambda t: t.replace('"60.00"', '"-60.00"'), "négatif"),
        (lambda t: t.replace('"60.00"', "60.00"), "entre guillemets"),
        (lambda t: t.replace('"60.00"', '"soixante"'), "« soixante » n'est pas un montant"),
        (lambda t: t.replace("unit: flat", "unit: per_week"), "unité « per_week » inconnue"),
        (lambda t: t.replace("kind: amount", "kind: fee"), "genre « fee » inconnu"),
        (lambda t: t.replace("kind: amount", "kind: rate").replace("unit: flat", "unit: percentage"), "champ « of »"),
        (lambda t: t.replace("kind: amount", "kind: rule"), "réservé aux articles qui ont un montant"),
        (lambda t: t.replace("article: T3", "article: T4"), "l'article doit être « T3 »"),
        (lambda t: t.replace("code: T3", "code: t3"), "code mal formé"),
        (lambda t: t.replace("  label_en: Motion to cease representing\n", ""), "« label_en » absent"),
        (lambda t: t + "  max_count: 2\n", "« max_count » et « max_scope » vont ensemble"),
    ],
)
def test_loader_names_file_and_code_of_a_bad_record(tmp_path, change, message):
    _write(tmp_path, "bad.yaml", change(GOOD))
    with pytest.raises(TariffDataError) as error:
        load_tariff(tmp_path)
    assert "Fichier « bad.yaml », article " in str(error.value)
    assert message in str(error.value)


def test_loader_refuses_a_code_defined_in_two_files(tmp_path):
    _write(tmp_path, "a.yaml", GOOD)
    _write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(TariffDataError, match="Fichier « b.yaml », article T3 : code déjà défini dans « a.yaml »"):
        load_tariff(tmp_path)


def test_loader_refuses_a_rate_of_an_unknown_item(tmp_path):
    rate = GOOD.replace("kind: amount", "kind: rate").replace("unit: flat", "unit: percentage")
    _write(tmp_path, "a.yaml", rate + "  of: item:T999\n")
    with pytest.raises(TariffDataError, match="article T3 : « of » renvoie à un article inconnu"):
        load_tariff(tmp_path)


def test_loader_refuses_an_unknown_class(tmp_path):
    by_class = GOOD.replace('  values:\n    "2007-04-01": "60.00"\n', '  classes:\n    V:\n      "2007-04-01": null\n')
    _write(tmp_path, "a.yaml", by_class)
    with pytest.raises(TariffDataError, match="article T3 : classe « V » inconnue"):
        load_tariff(tmp_path)


def test_loader_refuses_a_file_that_is_not_a_list(tmp_path):
    _write(tmp_path, "a.yaml", "code: T3\n")
    with pytest.raises(TariffDataError, match="Fichier « a.yaml » : le fichier doit être une liste"):
        load_tariff(tmp_path)


def test_loader_refuses_an_empty_folder(tmp_path):
    with pytest.raises(TariffDataError, match="aucun fichier YAML"):
        load_tariff(tmp_path)
