"""``lawyer-billing tariff`` as a user runs it: an item and its figure on a date (art. 53) with
its source, a search, and a firm's amounts loaded from a file all or nothing, each problem on
its own line naming the line of the file."""

import getpass
import os
import sqlite3
import subprocess
import sys

import pytest

CSV = (
    "code;effective;amount;class;source\n"
    "T36;2007-04-01;1 315,00;ii;G.O. 2008, D. 911-2008, p. 4512\n"
    "T87;2007-04-01;500;;\n"
)


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "lawyer_billing", *args], capture_output=True, text=True, encoding="utf-8",
        timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def db(tmp_path):
    return tmp_path / "x.sqlite3"


def tariff(db, *args):
    return run("--db", f"sqlite:///{db}", "tariff", *args)


def rows(db):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT code, tariff_class, effective_on, amount, source_note, entered_by FROM tariff_overlay ORDER BY id"
        ).fetchall()


def problems(result):
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result
    return result.stderr.splitlines()


def test_show_an_item_with_its_figure_on_the_mandate_date_and_its_source(db):
    # T127: 330 $ for mandates issued from 2007-04-01 (art. 53); the figure of the entente.
    result = tariff(db, "show", "t 127", "--date", "2024-05-02")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("T127 — Ensemble des services professionnels rendus jusqu’à disposition finale")
    assert lines[1].startswith("Article : T127 (Partie 4 — ")
    assert lines[2:5] == [
        "Unité : forfait",
        "Montant au 2024-05-02 : 330,00 $",
        "  Source : entente de 2008 (annexe II)",
    ]


def test_show_a_lost_class_figure_says_montant_inconnu(db):
    result = tariff(db, "show", "T36", "--class", "II", "--date", "2024-05-02")
    assert result.returncode == 0, result.stderr
    assert "Montant au 2024-05-02, classe II : montant inconnu" in result.stdout.splitlines()
    assert "Note : Montant perdu dans le texte de l’entente; à saisir par l’utilisateur." in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "T999"), "« T999 » n'est pas un article du tarif de l'annexe II"),
        (("show", "T127", "--class", "II"), "L'article T127 n'a pas de montant par classe d'action"),
        (("show", "T36", "--class", "V"), "« V » n'est pas une classe d'action"),
    ],
)
def test_show_refuses_an_unknown_code_or_class_with_exit_2(db, args, message):
    (line,) = problems(tariff(db, *args))
    assert message in line


@pytest.mark.parametrize("day", ["9999-01-01", "0001-01-01", "2024-6-3"])
def test_show_refuses_a_date_outside_the_years_or_not_written_aaaa_mm_jj(db, day):
    result = tariff(db, "show", "T127", "--date", day)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"Erreur : argument --date: « {day} » ")
    assert not db.exists()


def test_search_by_words_of_the_label(db):
    result = tariff(db, "search", "enquête", "cautionnement")
    assert result.returncode == 0, result.stderr
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"T109", "T121", "T126", "T129"} <= set(codes)
    assert not db.exists()  # a search reads the shipped tariff only


def test_load_overlay_records_every_amount_with_who_and_its_source_then_show_uses_it(db, tmp_path):
    path = tmp_path / "montants.csv"
    path.write_text(CSV, encoding="utf-8")
    result = tariff(db, "load-overlay", str(path), "--source", "Texte officiel A-14, r. 6")
    assert result.returncode == 0, result.stderr
    user = getpass.getuser()
    assert result.stdout.strip() == f"2 montant(s) de « montants.csv » enregistré(s), saisi(s) par {user}."
    # amounts are stored in cents; a row's own source wins over --source
    assert rows(db) == [
        ("T36", "II", "2007-04-01", 131500, "G.O. 2008, D. 911-2008, p. 4512", user),
        ("T87", None, "2007-04-01", 50000, "Texte officiel A-14, r. 6", user),
    ]
    shown = tariff(db, "show", "T36", "--class", "ii", "--date", "2024-05-02").stdout.splitlines()
    assert "Montant au 2024-05-02, classe II : 1 315,00 $" in shown
    assert any(line.startswith(f"  Source : montant saisi par {user} le ") and line.endswith("p. 4512")
               for line in shown)
    # T91 is half of T89 (1 315 $): 657,50 $, from the entente
    assert "  T89 : 1 315,00 $, soit 657,50 $ ; source de T89 : entente de 2008 (annexe II)" in tariff(
        db, "show", "T91").stdout.splitlines()


def test_a_bad_file_changes_nothing_and_names_each_line(db, tmp_path):
    good = tmp_path / "montants.csv"
    good.write_text(CSV, encoding="utf-8")
    assert tariff(db, "load-overlay", str(good), "--source", "x").returncode == 0
    before = rows(db)
    bad = tmp_path / "erreurs.csv"
    bad.write_text(
        "code,effective,amount,class\n"
        "T78,2007-04-01,1200,II\n"          # valid: not recorded either, all or nothing
        "T96,2007-04-01,5,\n"               # a rule has no amount
        "T36,2007-04-01,abc,II\n"           # not an amount
        "T127,2006-01-01,300,\n"            # before the tariff applies (art. 53)
        "T36,2007-04-01,450,\n",            # T36 needs the class of the action
        encoding="utf-8",
    )
    assert problems(tariff(db, "load-overlay", str(bad), "--source", "x")) == [
        "Fichier « erreurs.csv », ligne 3 : L'article T96 est une règle et ne peut pas recevoir de montant.",
        "Fichier « erreurs.csv », ligne 4, champ « amount » : « abc » n'est pas un montant (écrire par ex. 330.00 "
        "entre guillemets).",
        "Fichier « erreurs.csv », ligne 5 : la date d'effet 2006-01-01 précède celle du tarif (2007-04-01, art. 53).",
        "Fichier « erreurs.csv », ligne 6 : L'article T36 exige la classe de l'action (I, II, IIIa, IIIb ou IV).",
    ]
    assert rows(db) == before


def test_amounts_already_recorded_are_not_replaced(db, tmp_path):
    path = tmp_path / "montants.csv"
    path.write_text(CSV, encoding="utf-8")
    assert tariff(db, "load-overlay", str(path), "--source", "x").returncode == 0
    before = rows(db)
    again = tmp_path / "encore.yaml"
    again.write_text('- code: T62 b)\n  effective: 2007-04-01\n  amount: "300.00"\n'
                     '- code: T87\n  effective: 2007-04-01\n  amount: "510"\n', encoding="utf-8")
    (line,) = problems(tariff(db, "load-overlay", str(again), "--source", "x"))
    assert line.startswith("Fichier « encore.yaml », ligne 4 : un montant de 500.00 $ est déjà enregistré pour T87 au "
                           "2007-04-01 (saisi par ")
    assert rows(db) == before


def test_a_bad_file_does_not_even_create_the_database(db, tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("T36", encoding="utf-8")
    assert problems(tariff(db, "load-overlay", str(path), "--source", "x")) == [
        "Fichier « f.txt » : seuls les fichiers .yaml, .yml et .csv sont acceptés."
    ]
    missing = tmp_path / "absent.csv"
    (line,) = problems(tariff(db, "load-overlay", str(missing), "--source", "x"))
    assert line.startswith("Fichier « absent.csv » : lecture impossible")
    assert not db.exists()


def test_load_overlay_needs_a_source(db, tmp_path):
    path = tmp_path / "montants.csv"
    path.write_text(CSV, encoding="utf-8")
    result = tariff(db, "load-overlay", str(path))
    assert result.returncode == 2 and "--source" in result.stderr
    assert not db.exists()
