"""One unit of work per user action: everything it wrote is committed together, or nothing.

Services receive a ``UnitOfWork`` and call ``commit()`` when the action is complete; leaving
the ``with`` block without committing rolls everything back.
"""

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from lawyer_billing.storage.frozen_statements import guard


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self._factory = guard(sessionmaker(engine, expire_on_commit=False))
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
