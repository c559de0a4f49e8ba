"""The style sheet the whole application is drawn with, set once on the ``QApplication``.

Tabs: Fusion draws the tabs that are not selected 2 px lower and clips the accent of a
capital (« Échéances » reads « Echéances »); tabs drawn by a style sheet keep it, in every tab
bar of every screen.
"""

from PySide6.QtWidgets import QApplication

STYLE_SHEET = (
    "QTabBar::tab { padding: 5px 12px; margin-right: 2px; border: 1px solid palette(mid); border-bottom: none;"
    " border-top-left-radius: 3px; border-top-right-radius: 3px; background: palette(button); }"
    "QTabBar::tab:selected { background: palette(base); font-weight: bold; }"
)


def apply_style(app: QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET)
