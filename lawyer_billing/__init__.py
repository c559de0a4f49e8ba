"""lawyer_billing: billing of legal-aid mandates under the Quebec legal-aid tariff.

Layers, from the inside out: ``domain`` (plain Python: money, calendar, tariff, rules),
``storage`` (SQLAlchemy rows, migrations, backups), ``services`` (use cases), ``reports``
(PDF, Excel, letters) and ``ui`` (PySide6). ``cli`` and ``app`` are the entry points.
"""

__version__ = "0.1.0"
