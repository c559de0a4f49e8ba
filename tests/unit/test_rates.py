"""The dated rate tables: Bank of Canada rate (art. 17), GST/QST, km rate (art. 20)."""

from datetime import date
from decimal import Decimal

import pytest

from lawyer_billing.domain.rates import (
    RateDataError,
    RateUnknownError,
    TaxBase,
    load_bank_rates,
    load_km_rates,
    load_sales_tax_rates,
    missing_km_rate,
    sales_taxes,
)

# --- Bank of Canada rate (entente art. 17) -------------------------------------------------


@pytest.mark.parametrize(
    ("on", "bank_rate"),
    [
        (date(2007, 4, 1), "4.50"),
        (date(2008, 10, 1), "3.25"),
        (date(2009, 4, 1), "0.75"),
        (date(2015, 4, 1), "1.00"),
        (date(2020, 4, 1), "0.50"),
        (date(2022, 10, 1), "3.50"),
        (date(2023, 10, 1), "5.25"),
        (date(2024, 10, 1), "4.50"),
        (date(2026, 4, 1), "2.50"),
    ],
)
def test_bank_rate_matches_the_research_table_art_17(on, bank_rate):
    assert load_bank_rates().at(on) == Decimal(bank_rate)


def test_bank_rate_table_has_every_semester_from_2007_04_to_2026_04_art_17():
    table = load_bank_rates()
    expected = [date(y, m, 1) for y in range(2007, 2027) for m in (4, 10)][:-1]
    assert list(table.dates) == expected


def test_bank_rate_of_2026_10_01_is_not_invented():
    assert date(2026, 10, 1) not in load_bank_rates().dates


def test_bank_rate_day_before_and_day_of_a_change_art_17():
    table = load_bank_rates()
    assert table.at(date(2022, 9, 30)) == Decimal("0.75")
    assert table.at(date(2022, 10, 1)) == Decimal("3.50")


# --- loading errors ------------------------------------------------------------------------


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            '  2024-04-01: {rate: "5.25", sources: [X], note: y}\n',
            "bank_rate.yaml, entrée 2024-04-01 : clé inconnue « note »",
        ),
        ('  2024-04-01: {rate: "5.25"}\n', "bank_rate.yaml, entrée 2024-04-01 : clé manquante « sources »"),
        (
            '  2024-04-01: {rate: "-1", sources: [X]}\n',
            "bank_rate.yaml, entrée 2024-04-01 : le taux -1 est négatif",
        ),
        (
            "  2024-04-01: {rate: 5.25, sources: [X]}\n",
            "bank_rate.yaml, entrée 2024-04-01 : écrivez le taux 5.25 entre guillemets",
        ),
        (
            '  2024-04-01: {rate: "abc", sources: [X]}\n',
            "bank_rate.yaml, entrée 2024-04-01 : « abc » n'est pas un taux",
        ),
        (
            '  2024-13-01: {rate: "5.25", sources: [X]}\n',
            "bank_rate.yaml : le fichier contient une date impossible",
        ),
        (
            '  "1er avril": {rate: "5.25", sources: [X]}\n',
            "bank_rate.yaml, entrée « 1er avril » : ce n'est pas une date",
        ),
        (
            '  2024-05-01: {rate: "5.25", sources: [X]}\n',
            "bank_rate.yaml, entrée 2024-05-01 : la date doit être un 1er avril",
        ),
        (
            '  2024-04-01: {rate: "5.25", sources: []}\n',
            "bank_rate.yaml, entrée 2024-04-01 : « sources » doit être une liste",
        ),
        (
            '  2024-04-01: {rate: "5.25", sources: REUT}\n',
            "bank_rate.yaml, entrée 2024-04-01 : « sources » doit être une liste",
        ),
    ],
)
def test_bad_entry_names_file_and_entry(tmp_path, values, expected):
    path = _write(tmp_path, "bank_rate.yaml", "description: d\nvalues:\n" + values)
    with pytest.raises(RateDataError, match=expected):
        load_bank_rates(path)


def test_quoted_date_is_accepted(tmp_path):
    path = _write(tmp_path, "bank_rate.yaml", 'values:\n  "2024-04-01": {rate: "5.25", sources: [X]}\n')
    assert load_bank_rates(path).at(date(2024, 4, 1)) == Decimal("5.25")


def test_unknown_top_level_key_is_refused(tmp_path):
    path = _write(tmp_path, "km_rate.yaml", "description: d\nvalue: {}\nvalues: {}\n")
    with pytest.raises(RateDataError, match="km_rate.yaml : clé inconnue « value »"):
        load_km_rates(path=path)


@pytest.mark.parametrize("text", ["description: d\n", "- values\n"])
def test_a_file_without_its_values_is_refused(tmp_path, text):
    path = _write(tmp_path, "km_rate.yaml", text)
    with pytest.raises(RateDataError, match="km_rate.yaml : le fichier doit contenir une clé « values »"):
        load_km_rates(path=path)


def test_file_that_is_not_yaml_is_refused(tmp_path):
    path = _write(tmp_path, "km_rate.yaml", "values: {2024-01-01: [\n")
    with pytest.raises(RateDataError, match="km_rate.yaml : le fichier n'est pas du YAML valide"):
        load_km_rates(path=path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(RateDataError, match="absent.yaml : le fichier de taux est introuvable"):
        load_bank_rates(tmp_path / "absent.yaml")


def test_bad_qst_base_is_refused(tmp_path):
    path = _write(
        tmp_path,
        "sales_tax.yaml",
        'values:\n  2013-01-01: {gst: "5", qst: "9.975", qst_base: net, source: s}\n',
    )
    with pytest.raises(RateDataError, match="sales_tax.yaml, entrée 2013-01-01 : « qst_base » doit valoir"):
        load_sales_tax_rates(path)


# --- GST and QST ---------------------------------------------------------------------------


def test_sales_tax_table_bases():
    table = load_sales_tax_rates()
    assert table.at(date(2012, 12, 31)).qst_base is TaxBase.PRICE_PLUS_GST
    assert table.at(date(2013, 1, 1)).qst_base is TaxBase.PRICE


@pytest.mark.parametrize(
    ("on", "gst", "qst"),
    [
        # GST 6 %; QST 7.5 % of 106.00 = 7.95
        (date(2007, 12, 31), "6.00", "7.95"),
        # GST 5 % from 2008-01-01; QST 7.5 % of 105.00 = 7.875 -> 7.88
        (date(2008, 1, 1), "5.00", "7.88"),
        (date(2010, 12, 31), "5.00", "7.88"),
        # QST 8.5 % from 2011-01-01: 8.5 % of 105.00 = 8.925 -> 8.93
        (date(2011, 1, 1), "5.00", "8.93"),
        (date(2011, 12, 31), "5.00", "8.93"),
        # QST 9.5 % from 2012-01-01: 9.5 % of 105.00 = 9.975 -> 9.98
        (date(2012, 1, 1), "5.00", "9.98"),
        (date(2012, 12, 31), "5.00", "9.98"),
        # QST 9.975 % of 100.00 alone from 2013-01-01 = 9.975 -> 9.98
        (date(2013, 1, 1), "5.00", "9.98"),
    ],
)
def test_sales_taxes_on_100_dollars_day_before_and_day_of_each_change(on, gst, qst):
    assert sales_taxes(Decimal("100.00"), on) == (Decimal(gst), Decimal(qst))


def test_qst_base_changes_on_2013_01_01():
    # 0.15 $: GST 0.0075 -> 0.01. In 2012 QST 9.5 % of 0.16 = 0.0152 -> 0.02;
    # in 2013 QST 9.975 % of 0.15 = 0.0149625 -> 0.01.
    assert sales_taxes(Decimal("0.15"), date(2012, 12, 31)) == (Decimal("0.01"), Decimal("0.02"))
    assert sales_taxes(Decimal("0.15"), date(2013, 1, 1)) == (Decimal("0.01"), Decimal("0.01"))


def test_gst_day_before_and_day_of_first_entry():
    assert sales_taxes(Decimal("100.00"), date(2006, 7, 1)) == (Decimal("6.00"), Decimal("7.95"))
    with pytest.raises(RateUnknownError, match="2006-06-30"):
        sales_taxes(Decimal("100.00"), date(2006, 6, 30))


# --- km rate (entente art. 20) -------------------------------------------------------------


def test_shipped_km_table_is_empty_art_20():
    assert not load_km_rates()


def test_user_km_rates_are_looked_up_by_date_art_20():
    table = load_km_rates({date(2024, 1, 1): Decimal("0.50"), date(2024, 6, 1): Decimal("0.55")})
    assert table.at(date(2023, 12, 31)) is None
    assert table.at(date(2024, 5, 31)) == Decimal("0.50")
    assert table.at(date(2024, 6, 1)) == Decimal("0.55")


def test_user_km_rate_wins_over_file_on_same_date(tmp_path):
    path = _write(
        tmp_path,
        "km_rate.yaml",
        'values:\n  2024-01-01: {rate: "0.40", source: s}\n  2025-01-01: {rate: "0.45", source: s}\n',
    )
    table = load_km_rates({date(2024, 1, 1): Decimal("0.50")}, path=path)
    assert table.at(date(2024, 1, 1)) == Decimal("0.50")
    assert table.at(date(2025, 1, 1)) == Decimal("0.45")


def test_negative_user_km_rate_is_refused():
    with pytest.raises(RateDataError, match="taux saisis, entrée 2024-01-01 : le taux -0.5 est négatif"):
        load_km_rates({date(2024, 1, 1): Decimal("-0.5")})


def test_missing_km_rate_finding_art_20():
    finding = missing_km_rate(date(2024, 6, 3))
    assert finding.code == "km_rate_missing"
    assert finding.message_fr.startswith("Taux au kilomètre non saisi pour le 2024-06-03")
    assert finding.article == "entente art. 20"
    assert finding.subject == "2024-06-03"
