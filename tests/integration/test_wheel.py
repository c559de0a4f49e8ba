"""An installed wheel (not the checkout) finds its resources and migrations: every shipped
file is in it, the relevé prints in the shipped font, the letters and the English catalog load.

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
from pypdf import PdfReader

from lawyer_billing import __version__
from lawyer_billing.domain.letters import LetterKind

ROOT = Path(__file__).resolve().parents[2]
#: The folders shipped beside the code, inside the package once installed or frozen.
SHIPPED = ("resources", "migrations")


def shipped_files(root: Path) -> set[str]:
    """The files of ``SHIPPED`` under ``root``, relative to it (compiled caches left out)."""
    return {path.relative_to(root).as_posix() for folder in SHIPPED for path in (root / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


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


@pytest.mark.slow
def test_installed_wheel_holds_every_shipped_file_and_uses_them(installed):
    env_dir, work = installed
    package = Path(subprocess.run([env_dir / "bin" / "python", "-c", "import lawyer_billing; print(lawyer_billing.__file__)"],
                                  cwd=work, capture_output=True, text=True, check=True).stdout.strip()).parent
    assert shipped_files(package) == shipped_files(ROOT)
    pdf = work / "releve.pdf"
    printed = run(env_dir, work, "statement", str(ROOT / "examples" / "statement-complete.json"), "--pdf", str(pdf))
    assert printed.returncode == 0, printed.stderr
    fonts = {str(font["/BaseFont"]) for page in PdfReader(pdf).pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in name for name in fonts)
    loaded = subprocess.run([env_dir / "bin" / "python", "-c",
                             "from lawyer_billing.domain.letters import LANGUAGES, LetterKind, shipped_template\n"
                             "from lawyer_billing.ui.i18n import catalog\n"
                             "letters = [shipped_template(kind, language) for kind in LetterKind for language in LANGUAGES]\n"
                             "print(len(letters), all(letters), catalog('en')['Mandats'])"],
                            cwd=work, capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == [str(2 * len(LetterKind)), "True", "Mandates"]
