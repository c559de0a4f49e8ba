"""Start-up benchmark: from process start to the main window shown, then to the Tableau de bord's
figures, and the memory used, on a demonstration database of some 50 000 services.

Run by hand: ``.venv/bin/python bench/startup.py [--mandates N]``. Creates the demo database
with ``lawyer-billing demo`` in a temporary folder (timed too: the demo budget), then starts
the application on it as a user does (``python -m lawyer_billing --db ...``, the real entry
point, offscreen), several times. The first start of the day also takes the daily backup;
later starts do not. Each start reports the seconds from just before the process is launched
to the window painted with its first screen (read when the event loop first turns), then to
the figures of the Tableau de bord laid out (they are computed on a worker thread after the
window is shown), and the peak resident memory (``ru_maxrss``) of the process then. The
reference is a bare PySide6 window (an empty ``QMainWindow`` of the same size) started and
timed the same way: the budget is the application's start within 1.5 times the bare
window's. Linux or macOS (``resource``); not part of the test suite.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: about 52 000 services: the demo's files hold five services each on average
MANDATES = 10_000
BUDGET_DEMO_SECONDS = 60
BUDGET_START_SECONDS = 3.0
#: the application's window within this factor of a bare PySide6 window's, started the same way
BUDGET_START_FACTOR = 1.5
BUDGET_MEMORY_MIB = 500
STARTS = 4

#: Runs in the started process: the real command line; once the event loop turns (the window
#: has been shown), the window painted and the clock read; then, once the first screen has
#: computed what it shows (``is_computing``), painted again, the clock and the peak memory read.
SHOWN = """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from lawyer_billing.cli import main

app = QApplication(sys.argv[:1])

def shown():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    window.grab()
    painted = time.time()
    screen = window.stack.currentWidget()

    def figures():
        if getattr(screen, "is_computing", lambda: False)():
            QTimer.singleShot(10, figures)
            return
        window.grab()
        print(painted, time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, window.windowTitle(),
              flush=True)
        app.quit()

    figures()

QTimer.singleShot(0, shown)
sys.exit(main(["--db", sys.argv[1]]))
"""

#: The reference: a bare window of the same size, shown and timed the same way.
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)

def shown():
    window.grab()
    print(time.time(), flush=True)
    app.quit()

QTimer.singleShot(0, shown)
window.show()
sys.exit(app.exec())
"""


def quiet_environment(folder: Path) -> dict:
    """Offscreen, with the window's remembered state, the log and the data folder in ``folder``
    (a start is a first start on this "workstation": the first screen opens). Compiled
    bytecode is kept in ``folder`` too, even where the environment turns it off
    (``PYTHONDONTWRITEBYTECODE``): an installed application starts from compiled modules, and
    compiling some 200 of them at every start would be timed as if it were the application's."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "config"),
                   "XDG_DATA_HOME": str(folder / "data"), "XDG_STATE_HOME": str(folder / "state"),
                   "XDG_CACHE_HOME": str(folder / "cache"), "PYTHONPYCACHEPREFIX": str(folder / "bytecode")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def demo_database(folder: Path, mandates: int) -> tuple[str, float, str]:
    """The demo database in ``folder``, made by the command (without statements: each one
    computes the whole database); its URL, the seconds it took and the command's sentence."""
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    started = time.perf_counter()
    command = [sys.executable, "-m", "lawyer_billing", "--db", url, "demo", "--mandates", str(mandates),
               "--no-statements"]
    made = subprocess.run(command, capture_output=True, text=True, env=quiet_environment(folder), check=True)
    return url, time.perf_counter() - started, made.stdout.strip()


@contextmanager
def demo_in_temporary_folder(description: str) -> Iterator[tuple[Path, str, float, str]]:
    """A benchmark's ``--mandates N`` read from its command line, and the demo database of that
    size made in a temporary folder, removed afterwards: (folder, URL, seconds, sentence)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--mandates", type=int, default=MANDATES)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lawyer_billing-bench-"))
    try:
        yield folder, *demo_database(folder, args.mandates)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def start(url: str, folder: Path) -> tuple[float, float, float]:
    """One start: seconds to the window shown, seconds to its figures, peak memory in MiB."""
    launched = time.time()
    result = subprocess.run([sys.executable, "-c", SHOWN, url], capture_output=True, text=True,
                            env=quiet_environment(folder), timeout=300)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"the application did not start:\n{result.stderr}")
    shown, figures, peak_kib, _title = result.stdout.split(maxsplit=3)
    return float(shown) - launched, float(figures) - launched, int(peak_kib) / 1024


def bare_start(folder: Path) -> float:
    """Seconds from launching a bare PySide6 window's process to the window painted."""
    launched = time.time()
    result = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True,
                            env=quiet_environment(folder), timeout=60, check=True)
    return float(result.stdout) - launched


def verdict(value: float, budget: float) -> str:
    return "met" if value < budget else "MISSED"


def main() -> None:
    with demo_in_temporary_folder(__doc__.splitlines()[0]) as (folder, url, seconds, sentence):
        print(sentence)
        print(f"demo created       : {seconds:.1f} s  budget < {BUDGET_DEMO_SECONDS} s: "
              f"{verdict(seconds, BUDGET_DEMO_SECONDS)}")
        shutil.rmtree(folder / "backups", ignore_errors=True)  # so the first start takes today's backup
        first = start(url, folder)
        later = [start(url, folder) for _ in range(STARTS - 1)]
        bare = statistics.median(bare_start(folder) for _ in range(STARTS))
        print(f"first start of day : {first[0]:.2f} s, figures {first[1]:.2f} s, {first[2]:.0f} MiB "
              f"(with the daily backup)")
        times, figures, memory = ([run[i] for run in later] for i in range(3))
        median = statistics.median(times)
        print(f"later starts       : best {min(times):.2f} s, median {median:.2f} s  "
              f"budget < {BUDGET_START_SECONDS} s: {verdict(median, BUDGET_START_SECONDS)}")
        print(f"bare window        : median {bare:.2f} s; the application's {median / bare:.1f}x  "
              f"budget <= {BUDGET_START_FACTOR}x: {verdict(median, bare * BUDGET_START_FACTOR)}")
        print(f"figures shown      : best {min(figures):.2f} s, median {statistics.median(figures):.2f} s "
              f"(the Tableau de bord computed on a worker thread, after the window)")
        print(f"peak memory        : {max(memory):.0f} MiB  budget < {BUDGET_MEMORY_MIB} MiB: "
              f"{verdict(max(memory), BUDGET_MEMORY_MIB)}")


if __name__ == "__main__":
    main()
