"""Alembic environment: the schema of ``lawyer_billing.storage.rows``, batch mode for SQLite.

The application runs migrations itself (``lawyer_billing.storage.migrate``) on a connection it
has already opened inside a transaction, passed in ``config.attributes["connection"]``; the
``alembic`` command line also works from the repository root for developers.
"""

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.types import TypeDecorator

from lawyer_billing.storage.rows import Base

config = context.config
target_metadata = Base.metadata


def render_item(kind, obj, _context):
    """Write our column types as the plain type they store, so revisions never import app code."""
    if kind == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transactional_ddl=True,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=target_metadata,
            render_as_batch=True,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as own_connection:
        run_with(own_connection)


run()
