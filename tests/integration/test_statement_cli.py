"""``lawyer-billing statement`` as a script runs it: files written owner-only, exit codes 0, 2
and 3 like ``compute``, one line per problem naming the JSON path, no Qt and no SQLAlchemy."""

import json
import os
import stat
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.logo_images import image_bytes

EXAMPLES = Path(__file__).parents[2] / "examples"
EXAMPLE = EXAMPLES / "statement-complete.json"


def run(*args, stdin=None, code=None):
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "lawyer_billing", *args]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(path.read_bytes())).pages)


def test_the_example_prints_its_pdf_and_its_workbook(tmp_path):
    pdf, xlsx, debours = tmp_path / "releve.pdf", tmp_path / "releve.xlsx", tmp_path / "debours.pdf"
    result = run("statement", str(EXAMPLE), "--pdf", str(pdf), "--xlsx", str(xlsx), "--disbursements-pdf", str(debours))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("Relevé 2024-017 : total 928,60\u00a0$ — pdf : ")
    assert "Total 928,60 $" in pdf_text(pdf)  # hand-computed in tests/unit/test_statement_model.py
    assert "Total 57,95 $" in pdf_text(debours)  # 45.60 + 12.35
    sheet = load_workbook(xlsx)["Relevé"]
    assert any(row[0].value == "Total" and row[6].value == 928.6 for row in sheet.iter_rows())
    for path in (pdf, xlsx, debours):
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600  # client names: owner only (art. 13)


def test_the_minimal_example_needs_only_the_lawyer_s_name_and_the_number(tmp_path):
    result = run("statement", str(EXAMPLES / "statement-minimal.json"), "--pdf", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "r.pdf")
    # not registered: no tax; the date is settings.today; the type is final by default
    assert "N° 2025-001 — Compte final Date : 22 novembre 2026" in text
    assert "Honoraires 330,00 $ Total 330,00 $" in text and "TPS" not in text


def test_a_dash_reads_stdin_and_one_output_is_enough(tmp_path):
    result = run("statement", "-", "--xlsx", str(tmp_path / "r.xlsx"), stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.xlsx").is_file() and not (tmp_path / "r.pdf").exists()


def test_without_any_output_the_command_exits_2_on_one_line():
    result = run("statement", str(EXAMPLE))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == ["$: donnez au moins un fichier à écrire : --pdf, --xlsx ou --disbursements-pdf"]


def test_an_invalid_scenario_exits_2_with_one_line_per_problem_naming_the_path(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    del document["lawyer"]["name"]
    document["statement"]["type"] = "provisoire"
    document["services"][0]["date"] = "2024-02-30"
    result = run("statement", "-", "--pdf", str(tmp_path / "r.pdf"), stdin=json.dumps(document))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        'services[0].date: "2024-02-30" n\'est pas une date valide',
        "lawyer.name: champ obligatoire absent",
        'statement.type: "provisoire" n\'est pas permis ; valeurs permises : interim, final, supplementary',
    ]
    assert not (tmp_path / "r.pdf").exists()


def test_a_scenario_without_lawyer_nor_statement_names_what_the_relevé_needs(tmp_path):
    result = run("statement", str(EXAMPLES / "scenario-minimal.json"), "--pdf", str(tmp_path / "r.pdf"))
    assert (result.returncode, result.stderr.splitlines()) == (
        2, ["lawyer.name: champ obligatoire absent", "statement.number: champ obligatoire absent"])


def test_a_file_that_cannot_be_written_exits_2_naming_the_option(tmp_path):
    blocker = tmp_path / "un-fichier"
    blocker.write_text("x")
    result = run("statement", str(EXAMPLE), "--pdf", str(blocker / "r.pdf"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"--pdf: impossible d'écrire « {blocker / 'r.pdf'} » : ")
    assert len(result.stderr.splitlines()) == 1


def test_when_one_file_cannot_be_written_none_is_and_earlier_files_stay_as_they_were(tmp_path):
    pdf, blocker = tmp_path / "releve.pdf", tmp_path / "un-fichier"
    pdf.write_bytes(b"ancien")
    blocker.write_text("x")
    result = run("statement", str(EXAMPLE), "--pdf", str(pdf), "--xlsx", str(blocker / "r.xlsx"),
                 "--disbursements-pdf", str(tmp_path / "debours.pdf"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"--xlsx: impossible d'écrire « {blocker / 'r.xlsx'} » : File exists"]
    assert pdf.read_bytes() == b"ancien"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["releve.pdf", "un-fichier"]


def test_a_folder_given_as_a_file_is_refused_naming_the_option(tmp_path):
    result = run("statement", str(EXAMPLE), "--pdf", str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"--pdf: impossible d'écrire « {tmp_path} » : Is a directory"]
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole_and_owner_only(tmp_path):
    pdf = tmp_path / "releve.pdf"
    pdf.write_bytes(b"ancien" * 100_000)
    pdf.chmod(0o644)
    result = run("statement", str(EXAMPLE), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and "Total 928,60 $" in pdf_text(pdf)
    if os.name == "posix":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [pdf]


def test_services_without_amount_are_left_out_with_a_warning(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["services"].append({"id": "S9", "mandate": "M1", "code": "T87", "date": "2024-06-05"})
    result = run("statement", "-", "--pdf", str(tmp_path / "r.pdf"), stdin=json.dumps(document))
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["avertissement : service S9 (T87) : aucun montant, ligne omise du relevé"]
    assert "T87" not in pdf_text(tmp_path / "r.pdf")


def test_an_unexpected_error_exits_3_on_one_line_without_traceback(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lawyer_billing.commands.statement import statement_file\n"
        "def broken(services, mandates):\n"
        "    raise RuntimeError('panne')\n"
        "sys.exit(statement_file(sys.argv[1], pdf=Path(sys.argv[2]), price=broken))\n"
    )
    result = run(str(EXAMPLE), str(tmp_path / "r.pdf"), code=code)
    assert (result.returncode, result.stderr) == (3, "erreur interne : RuntimeError: panne\n")


def test_the_statement_subcommand_loads_neither_qt_nor_sqlalchemy(tmp_path):
    code = (
        "import io, sys, contextlib\n"
        "from lawyer_billing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['statement', sys.argv[1], '--pdf', sys.argv[2], '--xlsx', sys.argv[3]])\n"
        "print(status, sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy', 'alembic'}))\n"
    )
    result = run(str(EXAMPLE), str(tmp_path / "r.pdf"), str(tmp_path / "r.xlsx"), code=code)
    assert result.stdout.strip() == "0 []", result.stderr


def test_importing_the_command_loads_no_report_library():
    code = (
        "import sys\n"
        "import lawyer_billing.commands.statement\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl', 'docx', 'PySide6'}))\n"
    )
    result = run(code=code)
    assert result.stdout.strip() == "[]", result.stderr


def scenario_with_logo(folder: Path, logo: str) -> Path:
    """The complete example with ``lawyer.logo``, written in ``folder`` (not the current one)."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["lawyer"]["logo"] = logo
    folder.mkdir(parents=True, exist_ok=True)
    scenario = folder / "releve.json"
    scenario.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return scenario


def test_a_relative_logo_is_read_beside_the_scenario_and_printed(tmp_path):
    scenario = scenario_with_logo(tmp_path / "dossier", "images/cabinet.png")
    (tmp_path / "dossier" / "images").mkdir()
    (tmp_path / "dossier" / "images" / "cabinet.png").write_bytes(image_bytes(300, 100))
    pdf = tmp_path / "releve.pdf"
    result = run("statement", str(scenario), "--pdf", str(pdf))
    assert (result.returncode, result.stderr) == (0, "")
    assert [image.image.size for image in PdfReader(BytesIO(pdf.read_bytes())).pages[0].images] == [(300, 100)]
    assert "Total 928,60 $" in pdf_text(pdf)


def test_a_missing_logo_exits_2_naming_the_key_and_the_file_and_writes_nothing(tmp_path):
    scenario = scenario_with_logo(tmp_path / "dossier", "cabinet.png")
    result = run("statement", str(scenario), "--pdf", str(tmp_path / "r.pdf"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"lawyer.logo: l'image « cabinet.png » est introuvable : {tmp_path / 'dossier' / 'cabinet.png'} n'existe pas "
        "(un chemin relatif part du dossier du scénario)"]
    assert not (tmp_path / "r.pdf").exists()


def test_a_logo_that_is_no_png_nor_jpeg_exits_2_naming_the_key_and_the_file(tmp_path):
    scenario = scenario_with_logo(tmp_path, "notes.png")
    (tmp_path / "notes.png").write_text("Notes du dossier", encoding="utf-8")
    result = run("statement", str(scenario), "--pdf", str(tmp_path / "r.pdf"))
    assert (result.returncode, result.stderr.splitlines()) == (
        2, [f"lawyer.logo: « notes.png » ({tmp_path / 'notes.png'}) n'est pas une image PNG ou JPEG lisible"])
    scenario = scenario_with_logo(tmp_path, "")
    result = run("statement", str(scenario), "--pdf", str(tmp_path / "r.pdf"))
    assert (result.returncode, result.stderr.splitlines()) == (2, ["lawyer.logo: ne peut pas être vide"])
    assert not (tmp_path / "r.pdf").exists()
