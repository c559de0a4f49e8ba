"""A whole day of work emits many signals: the Qt binding must survive them.

PySide6 6.12.0 dropped a reference to ``True`` on every signal emitted from Python, and the
interpreter aborted after a few hundred emissions (``bool_dealloc``); pyproject.toml excludes
that version, and this test would catch the same fault in another one. It runs in its own
process, since the fault aborts the interpreter.
"""

import subprocess
import sys

PROGRAM = """
from PySide6.QtCore import QObject, Signal

class Events(QObject):
    changed = Signal(str)
    opened = Signal(str, int)

events = Events()
received = []
events.changed.connect(received.append)
events.opened.connect(lambda kind, number: received.append(kind))
for _ in range(20000):
    events.changed.emit("mandate")
    events.opened.emit("statement", 3)
print(len(received))
"""


def test_twenty_thousand_signals_leave_the_interpreter_standing():
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout.strip()) == (0, "40000"), result.stderr[-500:]
