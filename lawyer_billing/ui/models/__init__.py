"""Qt item models: thin adapters that show service results in views.

Each keeps its columns in one place, gives the raw value for sorting (``SORT_ROLE``) and the
record itself (``RECORD_ROLE``), and is tested without a window by ``QAbstractItemModelTester``.
"""
