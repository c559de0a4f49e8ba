"""The PySide6 desktop interface. The only package that imports Qt.

Widgets stay thin: they ask services for data and send them the user's actions; no SQL and no
tariff arithmetic lives here.
"""
