"""Typing as a user does, for the GUI tests."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_in(qtbot, widget, text):
    """Type ``text`` in ``widget`` key by key (QTest's keyClicks knows ASCII only: an accented
    letter is sent as the key event a French keyboard sends, with its text)."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def focused():
    """The widget the next key press goes to."""
    return QApplication.focusWidget()


def retype(qtbot, widget, text):
    """Replace what ``widget`` holds with ``text``, typed key by key."""
    widget.clear()
    type_in(qtbot, widget, text)
