"""What the form fuzzing tests type: anything a keyboard can send, near misses of dates, times
and amounts, and records mostly valid with one or two fields garbled (so that some examples
save and the others must say which field is wrong)."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from tests.gui.keyboard import type_in

#: what a keyboard can type: any character but control characters, lone surrogates and code
#: points Unicode has not assigned (a text field ignores a key that sends one)
typed = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=10)
filled = typed.filter(str.strip)
#: a 10 000-character paste
long_text = st.just("Ab" * 5_000)
tricky_dates = st.one_of(typed, st.sampled_from(["31 juin", "2024-02-30", "2023-02-29", "hier", "3/13/2024", "1er",
                                                 "29 février 2023", "1/1/999"]))
tricky_times = st.one_of(typed, st.sampled_from(["25:00", "9h75", "midi", "-1"]))
tricky_amounts = st.one_of(typed, st.sampled_from(["-5", "1e309", "9" * 30, "12,345", "0,001", "NaN", "-0",
                                                   "10 000 000,01", "1 234,56 $"]))
FORM_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def mostly_valid(valid: dict, garbled: dict):
    """Valid values for every field, then up to two fields given anything a keyboard can type
    (or a near miss)."""

    @st.composite
    def values(draw):
        drawn = {name: draw(strategy) for name, strategy in valid.items()}
        for name in draw(st.sets(st.sampled_from(sorted(garbled)), max_size=2)):
            drawn[name] = draw(garbled[name])
        return drawn

    return values()


def type_over(qtbot, field, text):
    """Select what the field holds and type ``text`` over it (an empty text erases it); a long
    text is pasted, as nobody types 10 000 characters."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    if len(text) > 100:
        field.insertPlainText(text) if hasattr(field, "insertPlainText") else field.insert(text)
    else:
        type_in(qtbot, field, text)
