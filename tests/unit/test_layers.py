"""The domain core stays plain Python; only ui imports Qt; only storage imports SQLAlchemy.

The contracts are declared in pyproject.toml ([tool.importlinter]); this test runs them, and
checks that the headless commands never load Qt.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    result = subprocess.run([Path(sys.executable).with_name("lint-imports"), "--config", "pyproject.toml"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_command_line_loads_no_qt_nor_sqlalchemy_until_a_command_needs_them():
    probe = ("import sys, lawyer_billing.cli; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy', 'alembic'}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_compute_through_the_command_line_loads_no_qt_nor_sqlalchemy(tmp_path):
    scenario = ROOT / "examples" / "scenario-minimal.json"
    probe = ("import sys; sys.argv = ['lawyer-billing', 'compute', sys.argv[1]]\n"
             "from lawyer_billing.cli import main\n"
             "code = main()\n"
             "loaded = {m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy', 'alembic'}\n"
             "sys.stderr.write(repr((code, sorted(loaded))))")
    result = subprocess.run([sys.executable, "-c", probe, str(scenario)], capture_output=True, text=True, check=True)
    assert result.stderr.strip() == "(0, [])"
