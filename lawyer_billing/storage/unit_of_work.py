"""One unit of work per user action: everything it wrote is committed together, or nothing.

Services receive a ``UnitOfWork`` and call ``commit()`` when the action is complete; leaving
the ``with`` block without committing rolls everything back.
"""

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from lawyer_billing.storage.frozen_statements import refuse_changes_to_finalized_statements
from lawyer_billing.storage.text_limits import refuse_texts_too_long


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self._factory = sessionmaker(engine, expire_on_commit=False)
        # checked at each flush, under every writer: see each function's module
        event.listen(self._factory, "before_flush", refuse_changes_to_finalized_statements)
        event.listen(self._factory, "before_flush", refuse_texts_too_long)
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        return self

    def __exit__(self, *exc_info) -> None:
        self.session.rollback()
        self.session.close()
        self.session = None

    def commit(self) -> None:
        self.session.commit()
