"""The hook that keeps a widget's texts in the language chosen.

``install_language`` swaps the translator, and Qt then sends every widget a ``LanguageChange``
event; a widget that mixes in ``Retranslating`` answers it by calling its own ``retranslate()``,
which resets each text without touching what the user typed.
"""

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt class (``class Screen(Retranslating, QWidget)``); the widget
    defines ``retranslate()``."""

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
