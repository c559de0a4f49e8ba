"""An installed wheel (not the checkout) finds its resources and migrations.

The wheel is built and installed without dependencies into a fresh virtual environment that
borrows the test environment's site-packages for them (a path line, so the checkout's own
editable install is not seen), and is run from a folder outside the checkout.
"""

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from lawyer_billing import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next((work / "dist").glob("lawyer_billing-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    return env_dir, work


def run(env_dir, work, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([env_dir / "bin" / "lawyer-billing", *args], cwd=work, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
def test_installed_wheel_runs_and_migrates_from_its_own_files(installed):
    env_dir, work = installed
    version = run(env_dir, work, "--version")
    assert version.stdout.strip() == f"lawyer-billing {__version__}"
    where = subprocess.run([env_dir / "bin" / "python", "-c",
                            "from lawyer_billing.resources import resource_path, migrations_path; "
                            "print(resource_path()); print(migrations_path())"],
                           cwd=work, capture_output=True, text=True, check=True).stdout.split()
    assert all("site-packages" in path and str(ROOT) not in path for path in where)
    backup = run(env_dir, work, "--db", f"sqlite:///{work / 'db.sqlite3'}", "backup", str(work / "copie.sqlite3"))
    assert backup.returncode == 0, backup.stderr
    assert (work / "copie.sqlite3").stat().st_size > 0
