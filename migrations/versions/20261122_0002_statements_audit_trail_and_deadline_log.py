"""Statements keep their finalized amounts; rule facts on services; audit trail; deadline log.

Columns added to tables that may hold rows get a server default; a statement already sent
is finalized on the day it was sent, so it stays frozen.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:08:35.413437
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    op.create_table('deadline_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('logged_at', sa.DateTime(), nullable=False),
    sa.Column('subject_kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('article', sa.String(length=80), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline_log'))
    )
    with op.batch_alter_table('deadline_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadline_log_logged_at'), ['logged_at'], unique=False)

    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conciliation_ended_on', sa.Date(), nullable=True))

    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('matter', sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column('aid_ceased_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('party', sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column('earlier_mandate_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_mandate_earlier_mandate_id_mandate'), 'mandate', ['earlier_mandate_id'], ['id'])

    with op.batch_alter_table('refusal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reference', sa.String(length=80), nullable=False, server_default=""))

    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rule_facts', sa.Text(), nullable=False, server_default="{}"))

    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('office_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('finalized_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('fees', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('cap_reduction', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('travel_total', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('disbursements_total', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('gst', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('qst', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('lines_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(batch_op.f('fk_statement_office_id_legal_aid_office'), 'legal_aid_office', ['office_id'], ['id'])

    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default="fee"))
        batch_op.add_column(sa.Column('mandate_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('travel_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('disbursement_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('cap_reduction', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('findings', sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key(batch_op.f('fk_statement_line_disbursement_id_disbursement'), 'disbursement', ['disbursement_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_statement_line_travel_id_travel'), 'travel', ['travel_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_statement_line_mandate_id_mandate'), 'mandate', ['mandate_id'], ['id'])

    op.execute("UPDATE statement SET finalized_on = sent_on WHERE sent_on IS NOT NULL")

    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=False, server_default=""))



def downgrade() -> None:
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.drop_column('description')

    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_statement_line_mandate_id_mandate'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_statement_line_travel_id_travel'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_statement_line_disbursement_id_disbursement'), type_='foreignkey')
        batch_op.drop_column('findings')
        batch_op.drop_column('cap_reduction')
        batch_op.drop_column('disbursement_id')
        batch_op.drop_column('travel_id')
        batch_op.drop_column('mandate_id')
        batch_op.drop_column('kind')

    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_statement_office_id_legal_aid_office'), type_='foreignkey')
        batch_op.drop_column('notes')
        batch_op.drop_column('lines_hash')
        batch_op.drop_column('qst')
        batch_op.drop_column('gst')
        batch_op.drop_column('disbursements_total')
        batch_op.drop_column('travel_total')
        batch_op.drop_column('cap_reduction')
        batch_op.drop_column('fees')
        batch_op.drop_column('finalized_on')
        batch_op.drop_column('office_id')

    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('rule_facts')

    with op.batch_alter_table('refusal', schema=None) as batch_op:
        batch_op.drop_column('reference')

    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_mandate_earlier_mandate_id_mandate'), type_='foreignkey')
        batch_op.drop_column('earlier_mandate_id')
        batch_op.drop_column('party')
        batch_op.drop_column('aid_ceased_on')
        batch_op.drop_column('matter')

    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_column('conciliation_ended_on')

    with op.batch_alter_table('deadline_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadline_log_logged_at'))

    op.drop_table('deadline_log')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))

    op.drop_table('audit_event')
