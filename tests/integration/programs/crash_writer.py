"""Writes batches until it is killed: one unit of work per batch, a mandate with its services
and a statement with its lines; prints each batch number once it is committed."""

import sys
from datetime import date
from decimal import Decimal

from sqlalchemy.engine import make_url

from lawyer_billing.storage.database import open_database
from lawyer_billing.storage.rows import MandateRow, ServiceRow, StatementLineRow, StatementRow
from lawyer_billing.storage.unit_of_work import UnitOfWork

SERVICES_PER_BATCH = 20

engine = open_database(make_url(sys.argv[1]))
batch = int(sys.argv[2])
while True:
    with UnitOfWork(engine) as uow:
        mandate = MandateRow(number=f"LOT-{batch}", client_name=f"Client {batch}", matter_type="criminal_penal",
                             issued_on=date(2024, 4, 1))
        uow.session.add(mandate)
        uow.session.flush()
        statement = StatementRow(number=f"R-{batch}", type="final", created_on=date(2024, 9, 1),
                                 total=Decimal(SERVICES_PER_BATCH) * Decimal("330.00"), mandates=[mandate])
        uow.session.add(statement)
        uow.session.flush()
        for position in range(SERVICES_PER_BATCH):
            service = ServiceRow(mandate_id=mandate.id, code="T127", rendered_on=date(2024, 6, 3))
            uow.session.add(service)
            uow.session.flush()
            uow.session.add(StatementLineRow(statement_id=statement.id, position=position, service_id=service.id,
                                             rendered_on=date(2024, 6, 3), code="T127", label="Services",
                                             amount=Decimal("330.00")))
        uow.commit()
    print(batch, flush=True)
    batch += 1
