"""The screens of the main window, in the order of its navigation (Ctrl+1 to Ctrl+8).

Each module has ``TITLE`` (French; translated when shown) and ``Screen(context)``, a QWidget
that may also define ``refresh()``, ``open_record(kind, record_id) -> bool``,
``has_unsaved_changes() -> bool`` and ``retranslate()``.
"""

SCREENS = ("dashboard", "mandates", "court_day", "statements", "disputes", "tariff", "tools", "settings")
