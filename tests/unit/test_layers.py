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


def test_the_command_line_loads_no_qt_until_a_window_is_needed():
    probe = "import sys, lawyer_billing.cli; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
