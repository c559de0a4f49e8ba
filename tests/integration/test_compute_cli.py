"""``lawyer-billing compute`` as a script runs it: exit codes, JSON on stdout, one line per problem."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"
RESULT_KEYS = {"lines", "travel", "fees", "cap_reduction", "travel_total", "total", "deadlines", "interest", "findings"}


def run(*args, stdin=None, code=None):
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "lawyer_billing", *args]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"},
    )


def test_the_example_of_the_format_exits_0_with_every_key():
    result = run("compute", str(EXAMPLES / "scenario-complete.json"))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert RESULT_KEYS <= set(document)
    assert (document["fees"], document["cap_reduction"], document["travel_total"], document["total"]) == (
        "330.00", "45.50", "102.00", "386.50"
    )
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["scenario-minimal", "scenario-complete"])
def test_the_example_files_give_their_stored_results(name):
    result = run("compute", str(EXAMPLES / f"{name}.json"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads((EXAMPLES / f"{name}.result.json").read_text(encoding="utf-8"))


def test_a_dash_reads_the_scenario_from_stdin():
    result = run("compute", "-", stdin=(EXAMPLES / "scenario-minimal.json").read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert RESULT_KEYS <= set(json.loads(result.stdout))


def test_an_invalid_scenario_exits_2_with_one_line_per_problem_and_nothing_on_stdout():
    document = json.loads((EXAMPLES / "scenario-complete.json").read_text(encoding="utf-8"))
    document["services"][0]["date"] = "2024-02-30"
    document["services"][0]["end"] = "25:00"
    document["travel"][0]["parking"] = "-12.00"
    result = run("compute", "-", stdin=json.dumps(document))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        'services[0].date: "2024-02-30" n\'est pas une date valide',
        'services[0].end: "25:00" n\'est pas une heure valide ("HH:MM", de 00:00 à 23:59)',
        'travel[0].parking: "-12.00" ne peut pas être négatif',
    ]


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("{", "$: JSON invalide, ligne 1, colonne 2 : Expecting property name enclosed in double quotes"),
        ("[1, 2]", "$: le scénario doit être un objet JSON {...}, pas une liste"),
    ],
)
def test_unreadable_input_exits_2_on_one_line(stdin, expected):
    result = run("compute", "-", stdin=stdin)
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])


def test_a_missing_file_exits_2_on_one_line(tmp_path):
    result = run("compute", str(tmp_path / "absent.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"$: impossible de lire « {tmp_path / 'absent.json'} » : No such file or directory"]


def test_an_unexpected_error_exits_3_on_one_line_without_traceback():
    code = (
        "import sys\n"
        "from lawyer_billing.commands.compute import compute_file as run\n"
        "def broken(services, mandates):\n"
        "    raise RuntimeError('panne')\n"
        "sys.exit(run(sys.argv[1], price=broken))\n"
    )
    result = run(str(EXAMPLES / "scenario-minimal.json"), code=code)
    assert (result.returncode, result.stderr) == (3, "erreur interne : RuntimeError: panne\n")


def test_compute_imports_neither_qt_nor_sqlalchemy():
    code = (
        "import io, sys\n"
        "from lawyer_billing.commands.compute import compute_file as run\n"
        "assert run(sys.argv[1], stdout=io.StringIO()) == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy', 'alembic'}))\n"
    )
    result = run(str(EXAMPLES / "scenario-complete.json"), code=code)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_the_compute_subcommand_does_not_import_qt():
    code = (
        "import io, sys, contextlib\n"
        "from lawyer_billing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['compute', sys.argv[1]])\n"
        "print(status, 'PySide6' in sys.modules)\n"
    )
    result = run(str(EXAMPLES / "scenario-complete.json"), code=code)
    assert result.stdout.strip() == "0 False", result.stderr
