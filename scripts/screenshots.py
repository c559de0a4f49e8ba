"""Screenshots of every screen, in French and in English, on a demonstration database.

For developers (not run by the tests): ``.venv/bin/python scripts/screenshots.py [--out DIR]``.
Makes a demo database in a temporary folder with ``lawyer-billing demo`` (a fixed day and seed,
so that the same code gives the same pictures), opens the main window on it with the clock
fixed on that day, shows each screen that exists in ``lawyer_billing/ui/screens`` in French and
then in English (the Tableau de bord once its figures, computed on a worker thread, are laid
out), and saves ``<screen>-<fr|en>.png`` (the screen) and ``main-window-<fr|en>.png``
(the whole window on its first screen) into ``DIR`` (``docs/screenshots`` by default).

Runs itself under Xvfb when ``xvfb-run`` is installed (the X11 platform, as on a desktop), else
with Qt's offscreen platform. The window's remembered state is kept in the temporary folder,
never in the developer's own settings. A message a screen would show in a dialog is printed
instead, so that nothing waits for a click.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 11, 22)
MANDATES = 600
SEED = 1
SIZE = (1280, 800)
UNDER_XVFB = "LAWYER_BILLING_SCREENSHOTS_XVFB"


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="dossier des images")
    parser.add_argument("--mandates", type=int, default=MANDATES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--today", type=date.fromisoformat, default=DAY, help="jour de la démonstration (AAAA-MM-JJ)")
    return parser.parse_args(argv)


def under_xvfb(argv: list[str]) -> None:
    """Run this script again inside ``xvfb-run`` when it is installed (and not already done)."""
    xvfb = shutil.which("xvfb-run")
    if xvfb is None or os.environ.get(UNDER_XVFB):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return
    environment = {**os.environ, UNDER_XVFB: "1", "QT_QPA_PLATFORM": "xcb"}
    screen = f"-screen 0 {SIZE[0] + 200}x{SIZE[1] + 200}x24"
    completed = subprocess.run([xvfb, "-a", "-s", screen, sys.executable, __file__, *argv], env=environment)
    raise SystemExit(completed.returncode)


def demo_database(folder: Path, args: argparse.Namespace) -> str:
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    subprocess.run(
        [sys.executable, "-m", "lawyer_billing", "--db", url, "demo", "--mandates", str(args.mandates),
         "--seed", str(args.seed), "--today", args.today.isoformat()],
        check=True, env={**os.environ, "XDG_DATA_HOME": str(folder / "data"), "XDG_STATE_HOME": str(folder / "state")},
    )
    return url


def print_instead_of_dialogs() -> None:
    """A warning or an unexpected error goes to the terminal instead of a modal dialog."""
    from lawyer_billing.ui import operations

    operations.warn = lambda _parent, title, text: print(f"avertissement : {title} : {text}", file=sys.stderr)
    operations.report_error = lambda _parent, text, details: print(f"erreur : {text}\n{details}", file=sys.stderr)


def showcase(context) -> dict[str, tuple[str, int]]:
    """The record each screen opens on before its picture, so that it shows its detail: the
    criminal mandate with the most services among the last two years' (trial days, the rules of
    T96), the latest refused statement and its refusal."""
    from lawyer_billing.services.disputes import list_refusals
    from lawyer_billing.services.mandates import list_mandates
    from lawyer_billing.services.statements import StatementStatus, list_statements

    today = context.today()
    chosen = {}
    with context.unit_of_work() as uow:
        recent = [m for m in list_mandates(uow)
                  if (today - m.issued_on).days < 730 and m.matter_type == "criminal_penal"]
        statements = [s for s in list_statements(uow, today) if s.status is StatementStatus.REFUSED]
        refusals = list_refusals(uow, today)
    if recent:
        chosen["mandates"] = ("mandate", max(recent, key=lambda m: (m.services, m.id)).id)
    if statements:
        chosen["statements"] = ("statement", statements[0].id)
    if refusals:
        chosen["disputes"] = ("refusal", refusals[0].refusal.id)
    return chosen


def computed(app, screen) -> None:
    """Return once ``screen`` shows its figures, if it computes them on a worker thread (the
    Tableau de bord shows « Calcul… » until they arrive)."""
    from PySide6.QtCore import QEventLoop

    while getattr(screen, "is_computing", lambda: False)():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    app.processEvents()


def take(folder: Path, url: str, args: argparse.Namespace) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.engine import make_url

    from lawyer_billing.storage.database import describe, open_database
    from lawyer_billing.ui.application_style import apply_style
    from lawyer_billing.ui.context import AppContext
    from lawyer_billing.ui.i18n import install_language
    from lawyer_billing.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_style(app)
    print_instead_of_dialogs()
    engine = open_database(make_url(url))
    moment = datetime.combine(args.today, time(9, 30))
    # the status bar names the file, not the temporary folder it is in
    context = AppContext(engine=engine, database=Path(describe(make_url(url))).name, clock=lambda: moment,
                         user="glavoie")
    records = showcase(context)
    window = MainWindow(context, QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    saved = []
    for language in ("fr", "en"):
        context.language = language
        install_language(language)
        context.events.language_changed.emit(language)
        for name in window.screens:
            screen = window.screens[name]  # built the first time it is asked for
            if hasattr(screen, "mark_stale"):
                screen.mark_stale()
            window.show_screen(name)
            if name in records:
                window.open_record(*records[name])
            computed(app, screen)
            saved.append(args.out / f"{name}-{language}.png")
            screen.grab().save(str(saved[-1]))
        computed(app, window.show_screen(next(iter(window.screens))))
        saved.append(args.out / f"main-window-{language}.png")
        window.grab().save(str(saved[-1]))
    window.close()
    engine.dispose()
    return saved


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = arguments(argv)
    under_xvfb(argv)
    with tempfile.TemporaryDirectory(prefix="lawyer_billing-screenshots-") as name:
        folder = Path(name)
        url = demo_database(folder, args)
        for path in take(folder, url, args):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
