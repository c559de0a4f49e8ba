"""Mandats list benchmark: open the list of every mandate, then filter it as a user types, on a
demonstration database of some 50 000 services (10 000 mandates).

Run by hand: ``.venv/bin/python bench/mandate_list.py [--mandates N]`` (offscreen). Creates the
demo database with ``lawyer-billing demo`` (see ``startup.py``), then measures, best and worst
of several runs:

- loading the summaries: ``services.mandates.list_mandates`` (one query,
  ``storage/mandate_list.mandate_summaries``);
- filling the Mandats screen's model (``ui/models/mandates.MandateListModel``: a search text
  per row) and sorting it as the screen does (newest first);
- opening the screen: ``Screen.reload()`` of ``ui/screens/mandates.py``, which does both, selects
  the first mandate and shows its detail (its services priced), then paints;
- each keystroke of three searches typed into the screen's search field (``QTest.keyClick``:
  the filter, the count, the detail of the first row shown, and the repaint): a surname many
  clients share, the beginning of one client's first and last names typed without accents,
  the beginning of a mandate number; and the filter alone (``MandateFilterProxy.set_search``)
  for the same texts.

Budgets: each keystroke under 100 ms (no visible delay while typing); the screen open under
1 s with 10 000 mandates (the list is read once, then searched in memory). Not part of the
test suite.
"""

import os
import statistics
import sys
import time
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 (the platform is chosen first)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from startup import demo_in_temporary_folder  # noqa: E402 (bench/ is the script's folder)

BUDGET_KEYSTROKE_MS = 100
BUDGET_OPEN_MS = 1000
RUNS = 5
#: a surname many clients share, as a user types it
COMMON_NAME = "tremblay"


def best_and_worst(work, runs: int = RUNS) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings), max(timings)


def type_into(app: QApplication, field, text: str) -> list[float]:
    """Milliseconds of each keystroke typed into ``field``, repaint included."""
    field.clear()
    app.processEvents()
    timings = []
    for character in text:
        started = time.perf_counter()
        QTest.keyClick(field, character)
        app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    with demo_in_temporary_folder(__doc__.splitlines()[0]) as (_, url, _, sentence):
        print(sentence)
        measure(url)


def measure(url: str) -> None:
    from sqlalchemy.engine import make_url

    from lawyer_billing.services.mandates import list_mandates
    from lawyer_billing.storage.database import open_database
    from lawyer_billing.ui.context import AppContext
    from lawyer_billing.ui.models.mandates import MandateFilterProxy, MandateListModel
    from lawyer_billing.ui.models.records import search_key
    from lawyer_billing.ui.screens.mandates import Screen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    engine = open_database(make_url(url))
    context = AppContext(engine=engine, database=url, clock=lambda: datetime(2026, 11, 22, 9, 30))

    def load():
        with context.unit_of_work() as uow:
            return list_mandates(uow)

    summaries = load()
    model, proxy = MandateListModel(), MandateFilterProxy()
    proxy.setSourceModel(model)

    def fill():
        model.set_records(summaries)
        model.sort(5, Qt.SortOrder.DescendingOrder)

    print(f"{len(summaries)} mandates, {sum(s.services for s in summaries)} services")
    for label, work in (("list_mandates (query)", load), ("model filled and sorted", fill)):
        best, worst = best_and_worst(work)
        print(f"{label:26}: {best:7.1f} ms best, {worst:7.1f} ms worst")

    screen = Screen(context)
    screen.resize(1200, 760)
    screen.show()

    def open_screen():
        screen.reload()
        app.processEvents()

    best, worst = best_and_worst(open_screen)
    print(f"{'screen opened (reload)':26}: {best:7.1f} ms best, {worst:7.1f} ms worst  "
          f"budget < {BUDGET_OPEN_MS} ms: {'met' if worst < BUDGET_OPEN_MS else 'MISSED'}")

    first, *_, last = summaries[len(summaries) // 2].client_name.split()
    searches = (COMMON_NAME, search_key(f"{first} {last[:4]}"), summaries[0].number[:7])
    keystrokes, filters = [], []
    for text in searches:
        typed = type_into(app, screen.search, text)
        keystrokes += typed
        shown = screen.proxy.rowCount()
        for end in range(1, len(text) + 1):
            filters.append(best_and_worst(lambda: proxy.set_search(text[:end]), runs=3)[1])
        print(f"typing {'« ' + text + ' »':16}: {' '.join(f'{t:.0f}' for t in typed)} ms "
              f"({shown} mandates shown)")
    print(f"{'keystroke in the screen':26}: median {statistics.median(keystrokes):.1f} ms, worst "
          f"{max(keystrokes):.1f} ms  budget < {BUDGET_KEYSTROKE_MS} ms: "
          f"{'met' if max(keystrokes) < BUDGET_KEYSTROKE_MS else 'MISSED'}")
    print(f"{'filter alone (proxy)':26}: median {statistics.median(filters):.1f} ms, worst {max(filters):.1f} ms")
    screen.close()
    engine.dispose()


if __name__ == "__main__":
    main()
