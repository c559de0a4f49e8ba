"""The domain core: money, calendar, tariff and the rules of the entente, in plain Python.

Nothing here imports Qt, SQLAlchemy or a report library (an import-linter contract in
``pyproject.toml`` and ``tests/unit/test_layers.py`` enforce it). Storage and UI call into it.
"""
