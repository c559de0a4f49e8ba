"""Storage: SQLAlchemy rows, the database engine, migrations on start, backups.

Rows map to the domain types at the repository boundary (``repositories``); money is stored
as integer cents and comes out as ``Decimal``. Nothing outside this package imports SQLAlchemy.
"""
