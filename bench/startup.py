"""Start-up benchmark: from process start to the main window shown, and the memory used then,
on a demonstration database of some 50 000 services.

Run by hand: ``.venv/bin/python bench/startup.py [--mandates N]``. Creates the demo database
with ``lawyer-billing demo`` in a temporary folder (timed too: the demo budget), then starts
the application on it as a user does (``python -m lawyer_billing --db ...``, the real entry
point, offscreen), several times. The first start of the day also takes the daily backup;
later starts do not. Each start reports the seconds from just before the process is launched
to the window painted with its first screen, and the peak resident memory (``ru_maxrss``) of
the process at that moment. Linux or macOS (``resource``); not part of the test suite.
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
BUDGET_MEMORY_MIB = 500
STARTS = 4

#: Runs in the started process: the real command line, and once the event loop turns (the
#: window has been shown), the window painted, the clock read and the peak memory reported.
SHOWN = """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from lawyer_billing.cli import main

app = QApplication(sys.argv[:1])

def shown():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    window.grab()
    print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, window.windowTitle(), flush=True)
    app.quit()

QTimer.singleShot(0, shown)
sys.exit(main(["--db", sys.argv[1]]))
"""


def quiet_environment(folder: Path) -> dict:
    """Offscreen, with the window's remembered state, the log and the data folder in ``folder``
    (a start is a first start on this "workstation": the first screen opens)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"), "XDG_STATE_HOME": str(folder / "state"),
            "XDG_CACHE_HOME": str(folder / "cache")}


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


def start(url: str, folder: Path) -> tuple[float, float]:
    """One start: seconds to the window shown, and peak memory in MiB."""
    launched = time.time()
    result = subprocess.run([sys.executable, "-c", SHOWN, url], capture_output=True, text=True,
                            env=quiet_environment(folder), timeout=300)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"the application did not start:\n{result.stderr}")
    shown, peak_kib, _title = result.stdout.split(maxsplit=2)
    return float(shown) - launched, int(peak_kib) / 1024


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
        print(f"first start of day : {first[0]:.2f} s, {first[1]:.0f} MiB (with the daily backup)")
        times, memory = [t for t, _ in later], [m for _, m in later]
        print(f"later starts       : best {min(times):.2f} s, median {statistics.median(times):.2f} s  "
              f"budget < {BUDGET_START_SECONDS} s: {verdict(statistics.median(times), BUDGET_START_SECONDS)}")
        print(f"peak memory        : {max(memory):.0f} MiB  budget < {BUDGET_MEMORY_MIB} MiB: "
              f"{verdict(max(memory), BUDGET_MEMORY_MIB)}")


if __name__ == "__main__":
    main()
