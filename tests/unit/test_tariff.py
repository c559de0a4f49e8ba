"""Looking the tariff up: code spellings, amounts by mandate date (art. 53), search, overlays."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.tariff import (
    OverlayAmount,
    OverlayError,
    OverlayFileError,
    OverlayLine,
    TariffDateError,
    TariffError,
    UnknownCodeError,
    normalise_code,
    parse_overlay_file,
    read_overlay_file,
    shipped_tariff,
)

ENTERED_AT = datetime(2026, 11, 22, 9, 30)


def _overlay(code, effective, amount, tariff_class=None, entered_at=ENTERED_AT):
    return OverlayAmount(code, effective, Decimal(amount), tariff_class, "Texte officiel", "me", entered_at)


# --- codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("T64 c)", "T64c"),
        ("t64c", "T64c"),
        ("T64C", "T64c"),
        ("T 127", "T127"),
        ("T127.", "T127"),
        (" t127 ", "T127"),
        ("T63 2. a)", "T63-2a"),
        ("T63-2a", "T63-2a"),
        ("T63 1.", "T63-1"),
        ("T69 c) i.", "T69c-i"),
        ("T69c-i", "T69c-i"),
        ("T199 c) ii.", "T199c-ii"),
        ("T201.1", "T201.1"),
        ("T7.1", "T7.1"),
        ("T45-2", "T45-2"),
    ],
)
def test_normalise_code_accepts_common_spellings(spelling, code):
    assert normalise_code(spelling) == code


@pytest.mark.parametrize("spelling", ["T171", "T185", "T64z", "T999", "64c", "", "T63 par 2 b)"])
def test_normalise_code_refuses_what_is_not_an_item(spelling):
    with pytest.raises(UnknownCodeError, match="n'est pas un article du tarif de l'annexe II"):
        normalise_code(spelling)


def test_unknown_code_message_is_one_french_sentence_naming_the_code():
    with pytest.raises(UnknownCodeError) as error:
        shipped_tariff().item("T171")
    assert str(error.value) == "« T171 » n'est pas un article du tarif de l'annexe II."


@given(st.sampled_from([item.code for item in shipped_tariff()]))
def test_normalise_code_is_idempotent_on_valid_codes(code):
    assert normalise_code(code) == code
    assert normalise_code(normalise_code(code)) == code
    assert normalise_code(code.lower()) == code


# --- amounts by date -----------------------------------------------------------------------


def test_t127_pays_330_from_the_first_day_of_the_entente_art_53():
    assert shipped_tariff().amount("T127", date(2007, 4, 1)) == Decimal("330.00")


def test_the_day_before_the_entente_applies_is_refused_art_53():
    with pytest.raises(TariffDateError, match="à compter du 2007-04-01"):
        shipped_tariff().amount("T127", date(2007, 3, 31))


def test_t201_1_the_day_before_and_the_day_of_2008_01_01_art_53():
    tariff = shipped_tariff()
    message = "L'article T201.1 ne s'applique qu'aux mandats délivrés à compter du 2008-01-01"
    with pytest.raises(TariffDateError, match=message):
        tariff.amount("T201.1", date(2007, 12, 31))
    assert tariff.amount("T201.1", date(2008, 1, 1)) == Decimal("0.50")


def test_amount_accepts_a_spelling_t64_c():
    assert shipped_tariff().amount("T64 c)", date(2008, 6, 1)) == Decimal("165.00")


def test_a_rule_has_no_amount_t96():
    with pytest.raises(TariffError, match="L'article T96 n'a pas de montant : c'est une règle."):
        shipped_tariff().amount("T96", date(2008, 6, 1))


def test_a_class_item_needs_its_class_t36():
    with pytest.raises(TariffError, match="exige la classe de l'action"):
        shipped_tariff().amount("T36", date(2008, 6, 1))
    with pytest.raises(TariffError, match="« V » n'est pas une classe d'action"):
        shipped_tariff().amount("T36", date(2008, 6, 1), "V")


def test_a_flat_item_refuses_a_class_t127():
    with pytest.raises(TariffError, match="n'a pas de montant par classe"):
        shipped_tariff().amount("T127", date(2008, 6, 1), "II")


# --- search --------------------------------------------------------------------------------


def test_search_by_code_prefix_puts_the_exact_code_first():
    codes = [item.code for item in shipped_tariff().search("t63")]
    assert codes[:5] == ["T63", "T63-1", "T63-2", "T63-2a", "T63-2b"]


def test_search_ignores_accents_and_case():
    codes = [item.code for item in shipped_tariff().search("DETENTION preventive")]
    assert "T132" in codes and "T133" in codes


def test_search_completes_a_word_being_typed_in_either_language():
    assert [item.code for item in shipped_tariff().search("coron")] == ["T233", "T234"]
    assert "T236" in [item.code for item in shipped_tariff().search("change of name")]


def test_search_code_matches_come_before_label_matches():
    results = [item.code for item in shipped_tariff().search("T62")]
    assert results[:3] == ["T62", "T62a", "T62b"]
    assert "T64a" in results[3:]  # its label names T62


def test_search_of_nothing_finds_nothing():
    assert shipped_tariff().search("   ") == []


# --- overlay -------------------------------------------------------------------------------


def test_overlay_fills_a_lost_class_figure_without_touching_the_shipped_tariff_t36():
    shipped = shipped_tariff()
    tariff = shipped.with_overlay([_overlay("T36", date(2007, 4, 1), "450.00", "II")])
    assert tariff.amount("T36", date(2008, 6, 1), "II") == Decimal("450.00")
    assert tariff.amount("T36", date(2008, 6, 1), "I") is None
    assert shipped.amount("T36", date(2008, 6, 1), "II") is None


def test_overlay_wins_from_its_effective_date_only_t127():
    tariff = shipped_tariff().with_overlay([_overlay("T127", date(2013, 3, 27), "400.00")])
    assert tariff.amount("T127", date(2013, 3, 26)) == Decimal("330.00")
    assert tariff.amount("T127", date(2013, 3, 27)) == Decimal("400.00")


def test_a_later_entry_for_the_same_date_wins_t62b():
    early = _overlay("T62b", date(2007, 4, 1), "300.00", entered_at=datetime(2026, 1, 1))
    late = _overlay("T62 b)", date(2007, 4, 1), "325.00", entered_at=datetime(2026, 2, 1))
    assert shipped_tariff().with_overlay([late, early]).amount("T62b", date(2008, 1, 1)) == Decimal("325.00")


def test_overlay_refuses_an_item_without_amount_and_an_unknown_code():
    with pytest.raises(OverlayError, match="L'article T96 est une règle"):
        shipped_tariff().with_overlay([_overlay("T96", date(2007, 4, 1), "1.00")])
    with pytest.raises(UnknownCodeError):
        shipped_tariff().with_overlay([_overlay("T185", date(2007, 4, 1), "1.00")])


def test_overlay_amount_must_not_be_negative():
    with pytest.raises(OverlayError, match="positif ou nul"):
        _overlay("T127", date(2007, 4, 1), "-1")


def test_parse_overlay_csv_with_french_separators(tmp_path):
    path = tmp_path / "montants.csv"
    path.write_text(
        "code;effective;amount;class;source\nT36;2007-04-01;1 315,00;II;x\nT 87;2007-04-01;500;;y\n", encoding="utf-8"
    )
    entries = parse_overlay_file(path, "me", ENTERED_AT)
    assert [(e.code, e.amount, e.tariff_class, e.source_note) for e in entries] == [
        ("T36", Decimal("1315.00"), "II", "x"),
        ("T87", Decimal("500"), None, "y"),
    ]
    assert shipped_tariff().with_overlay(entries).amount("T87", date(2008, 1, 1)) == Decimal("500")


def test_parse_overlay_yaml(tmp_path):
    path = tmp_path / "montants.yaml"
    path.write_text(
        '- code: T69 c) ii.\n  effective: 2007-04-01\n  amount: "350.00"\n  source: G.O. 2008\n', encoding="utf-8"
    )
    (entry,) = parse_overlay_file(path, "me", ENTERED_AT)
    assert (entry.code, entry.effective, entry.amount, entry.entered_by) == (
        "T69c-ii", date(2007, 4, 1), Decimal("350.00"), "me"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,effective,amount\nT36,2007-04-01,abc\n",
         "Fichier « f.csv », ligne 2, champ « amount » : « abc » n'est pas un montant"),
        ("code,effective,amount\nT36,2007-04-01,-5\n",
         "ligne 2, champ « amount » : un montant ne peut pas être négatif"),
        ("code,effective,amount\nT127,2007-04-01,1\nT36,1er avril,1\n", "ligne 3, champ « effective »"),
        ("code,effective,amount\nX36,2007-04-01,1\n", "ligne 2, champ « code » : « X36 » n'est pas un code d'article"),
        ("code,effective,amount,class\nT36,2007-04-01,1,VI\n",
         "ligne 2, champ « class » : « VI » n'est pas une classe"),
        ("code,effective,amount\nT36,,1\n", "ligne 2, champ « effective » : valeur obligatoire absente"),
        ("code,effective,montant\nT36,2007-04-01,1\n", "Fichier « f.csv », ligne 1 : colonne « montant » inconnue"),
        ("code,amount\nT36,1\n", "ligne 1 : colonne « effective » absente"),
    ],
)
def test_parse_overlay_csv_errors_name_line_and_field(tmp_path, text, message):
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverlayError, match=message):
        parse_overlay_file(path, "me", ENTERED_AT)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('- code: T36\n  effective: 2007-04-01\n  amount: "1"\n'
         '- code: T127\n  effective: 2007-04-01\n  amount: 330.5\n',
         "Fichier « f.yaml », ligne 4, champ « amount »"),
        ("- code: T36\n  effective: 2007-04-01\n  amount: '1'\n  montant: 2\n",
         "ligne 1, champ « montant » : champ inconnu"),
        ("code: T36\n", "le fichier doit être une liste de montants"),
    ],
)  # fmt: skip
def test_parse_overlay_yaml_errors_name_line_and_field(tmp_path, text, message):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverlayError, match=message):
        parse_overlay_file(path, "me", ENTERED_AT)


def test_parse_overlay_refuses_other_file_types(tmp_path):
    path = tmp_path / "f.xlsx"
    path.write_text("", encoding="utf-8")
    with pytest.raises(OverlayError, match="seuls les fichiers .yaml, .yml et .csv"):
        parse_overlay_file(path, "me", ENTERED_AT)


def test_every_problem_of_an_overlay_file_is_reported_each_with_its_line(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(
        "code,effective,amount,class\nT36,2007-04-01,abc,VI\nT127,2007-04-01,330\nX1,1er avril,1\n", encoding="utf-8"
    )
    with pytest.raises(OverlayFileError) as raised:
        parse_overlay_file(path, "me", ENTERED_AT, default_source="Décret 911-2008")
    assert raised.value.problems == (
        "Fichier « f.csv », ligne 2, champ « amount » : « abc » n'est pas un montant (écrire par ex. 330.00 entre "
        "guillemets).",
        "Fichier « f.csv », ligne 2, champ « class » : « VI » n'est pas une classe d'action (I, II, IIIa, IIIb ou IV).",
        "Fichier « f.csv », ligne 4, champ « code » : « X1 » n'est pas un code d'article.",
        "Fichier « f.csv », ligne 4, champ « effective » : « 1er avril » n'est pas une date AAAA-MM-JJ.",
    )


def test_an_overlay_amount_needs_its_source_whole_cents_and_a_believable_size(tmp_path):
    """The form asks the source of a typed amount; a file's line has its own or the note
    given for the file. A third decimal would be rounded away by the cents column, and an
    amount beyond ``LARGEST_AMOUNT`` is a typing slip: both refused, never stored changed."""
    path = tmp_path / "f.csv"
    path.write_text("code,effective,amount,class,source\nT127,2007-04-01,330.00,,\n"
                    "T127,2008-04-01,330.001,,Décret\nT127,2009-04-01,1e20,,Décret\n", encoding="utf-8")
    with pytest.raises(OverlayFileError) as raised:
        parse_overlay_file(path, "me", ENTERED_AT)
    assert raised.value.problems == (
        "Fichier « f.csv », ligne 2, champ « source » : indiquez d'où vient le montant (colonne « source » ou "
        "note donnée pour tout le fichier).",
        "Fichier « f.csv », ligne 3, champ « amount » : « 330.001 » : un montant s'exprime en cents (deux décimales "
        "au plus).",
        "Fichier « f.csv », ligne 4, champ « amount » : « 1e20 » dépasse le plus grand montant accepté "
        "(10\u00a0000\u00a0000,00\u00a0$).",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", "code,effective,amount\n", "Fichier « vide.csv » : aucun montant."),
        ("vide.yaml", "", "Fichier « vide.yaml » : aucun montant."),
        ("bin.csv", b"\xff\xfe\x00code", "Fichier « bin.csv » : ce n'est pas un texte UTF-8."),
    ],
)
def test_an_overlay_file_without_amounts_or_not_text_is_refused(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(OverlayFileError) as raised:
        read_overlay_file(path, "me", ENTERED_AT)
    assert raised.value.problems == (message,)


def test_overlay_file_lines_the_default_source_and_the_class_as_the_tariff_spells_it(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text('- code: T36\n  effective: 2007-04-01\n  amount: "450"\n  class: iiia\n'
                    '- code: T87\n  effective: 2007-04-01\n  amount: "500"\n  source: G.O. 2008, p. 4512\n',
                    encoding="utf-8")
    first, second = read_overlay_file(path, "me", ENTERED_AT, default_source="Texte officiel A-14 r. 6")
    assert (first.line, first.entry.tariff_class, first.entry.source_note) == (1, "IIIa", "Texte officiel A-14 r. 6")
    assert (second.line, second.entry.source_note) == (5, "G.O. 2008, p. 4512")


def test_overlay_problems_against_the_tariff_name_the_line():
    tariff = shipped_tariff()
    lines = [
        OverlayLine(2, _overlay("T36", date(2007, 4, 1), "450", "II")),
        OverlayLine(3, _overlay("T185", date(2007, 4, 1), "1")),
        OverlayLine(4, _overlay("T96", date(2007, 4, 1), "1")),
        OverlayLine(5, _overlay("T36", date(2007, 4, 1), "450")),
        OverlayLine(6, _overlay("T127", date(2007, 4, 1), "330", "II")),
        OverlayLine(7, _overlay("T127", date(2007, 3, 31), "330")),
        OverlayLine(8, _overlay("T36", date(2007, 4, 1), "460", "ii")),
        OverlayLine(9, _overlay("T87", date(2007, 4, 1), "500")),
    ]
    stored = [_overlay("T87", date(2007, 4, 1), "490", entered_at=datetime(2026, 1, 5, 10))]
    assert tariff.overlay_problems(lines, "f.csv", stored) == [
        "Fichier « f.csv », ligne 3 : « T185 » n'est pas un article du tarif de l'annexe II.",
        "Fichier « f.csv », ligne 4 : L'article T96 est une règle et ne peut pas recevoir de montant.",
        "Fichier « f.csv », ligne 5 : L'article T36 exige la classe de l'action (I, II, IIIa, IIIb ou IV).",
        "Fichier « f.csv », ligne 6 : L'article T127 n'a pas de montant par classe d'action.",
        "Fichier « f.csv », ligne 7 : la date d'effet 2007-03-31 précède celle du tarif (2007-04-01, art. 53).",
        "Fichier « f.csv », ligne 8 : T36, classe II, au 2007-04-01 figure déjà à la ligne 2.",
        "Fichier « f.csv », ligne 9 : un montant de 490 $ est déjà enregistré pour T87 au 2007-04-01 (saisi par me "
        "le 2026-01-05) ; il n'est pas remplacé.",
    ]
    assert tariff.overlay_problems(lines[:1], "f.csv") == []


def test_the_overlay_entry_in_effect_on_a_date_t127_and_t36():
    tariff = shipped_tariff()
    later = _overlay("T127", date(2013, 3, 27), "400.00")
    assert tariff.overlay_in_effect([later], "T127", date(2013, 3, 26)) is None
    assert tariff.overlay_in_effect([later], "T 127", date(2013, 3, 27)) == later
    first = _overlay("T36", date(2007, 4, 1), "450.00", "II", entered_at=datetime(2026, 1, 1))
    again = _overlay("T36", date(2007, 4, 1), "460.00", "II", entered_at=datetime(2026, 2, 1))
    assert tariff.overlay_in_effect([again, first], "T36", date(2008, 6, 1), "ii") == again
    assert tariff.overlay_in_effect([again, first], "T36", date(2008, 6, 1), "I") is None


def test_reading_against_the_tariff_reports_every_problem_in_the_order_of_the_file(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("code,effective,amount,class\nT96,2007-04-01,5,\nT36,2007-04-01,abc,II\nT36,2007-04-01,1,\n",
                    encoding="utf-8")
    with pytest.raises(OverlayFileError) as raised:
        read_overlay_file(path, "me", ENTERED_AT, default_source="Décret 911-2008", tariff=shipped_tariff())
    assert [problem.split(" : ")[0] for problem in raised.value.problems] == [
        "Fichier « f.csv », ligne 2",
        "Fichier « f.csv », ligne 3, champ « amount »",
        "Fichier « f.csv », ligne 4",
    ]
