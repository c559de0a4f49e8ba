"""Initial schema: profile, offices, mandates, services, statements and the dispute path.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 03:08:47.938305
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('km_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('rate', sa.String(length=40), nullable=False),
    sa.Column('source_note', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_km_rate')),
    sa.UniqueConstraint('effective_on', name=op.f('uq_km_rate_effective_on'))
    )
    op.create_table('lawyer_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('barreau_number', sa.String(length=400), nullable=False),
    sa.Column('csj_number', sa.String(length=400), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('office_district', sa.String(length=400), nullable=False),
    sa.Column('gst_number', sa.String(length=400), nullable=True),
    sa.Column('qst_number', sa.String(length=400), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lawyer_profile'))
    )
    op.create_table('legal_aid_office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_aid_office')),
    sa.UniqueConstraint('name', name=op.f('uq_legal_aid_office_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('statement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('supplements_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('total', sa.BigInteger(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['supplements_id'], ['statement.id'], name=op.f('fk_statement_supplements_id_statement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement')),
    sa.UniqueConstraint('number', name=op.f('uq_statement_number'))
    )
    op.create_table('tariff_overlay',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('tariff_class', sa.String(length=8), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('source_note', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=120), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariff_overlay')),
    sa.UniqueConstraint('code', 'tariff_class', 'effective_on', name=op.f('uq_tariff_overlay_code'))
    )
    op.create_table('user_holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('label', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_user_holiday'))
    )
    op.create_table('mandate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=True),
    sa.Column('client_name', sa.String(length=400), nullable=False),
    sa.Column('client_file_number', sa.String(length=60), nullable=False),
    sa.Column('matter_type', sa.String(length=40), nullable=False),
    sa.Column('court', sa.String(length=400), nullable=False),
    sa.Column('district', sa.String(length=400), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=40), nullable=True),
    sa.Column('judgment_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['legal_aid_office.id'], name=op.f('fk_mandate_office_id_legal_aid_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandate'))
    )
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandate_client_name'), ['client_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_mandate_number'), ['number'], unique=False)

    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_payment_statement_id_statement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_statement_id'), ['statement_id'], unique=False)

    op.create_table('refusal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('amount_refused', sa.BigInteger(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_refusal_statement_id_statement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refusal'))
    )
    with op.batch_alter_table('refusal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refusal_statement_id'), ['statement_id'], unique=False)

    op.create_table('special_consideration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('grounds', sa.Text(), nullable=False),
    sa.Column('amount_claimed', sa.BigInteger(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('amount_granted', sa.BigInteger(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_special_consideration_statement_id_statement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_special_consideration'))
    )
    with op.batch_alter_table('special_consideration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_special_consideration_statement_id'), ['statement_id'], unique=False)

    op.create_table('disbursement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.Column('incurred_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('receipt_reference', sa.String(length=400), nullable=False),
    sa.Column('expert_authorised_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], name=op.f('fk_disbursement_mandate_id_mandate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disbursement'))
    )
    with op.batch_alter_table('disbursement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disbursement_mandate_id'), ['mandate_id'], unique=False)

    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('refusal_id', sa.Integer(), nullable=False),
    sa.Column('conciliation_requested_on', sa.Date(), nullable=True),
    sa.Column('notice_sent_on', sa.Date(), nullable=True),
    sa.Column('answer_received_on', sa.Date(), nullable=True),
    sa.Column('arbitration_letter_sent_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['refusal_id'], ['refusal.id'], name=op.f('fk_dispute_refusal_id_refusal')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispute'))
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_refusal_id'), ['refusal_id'], unique=False)

    op.create_table('service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('rendered_on', sa.Date(), nullable=False),
    sa.Column('start', sa.Time(), nullable=True),
    sa.Column('end', sa.Time(), nullable=True),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('court', sa.String(length=400), nullable=False),
    sa.Column('room', sa.String(length=40), nullable=False),
    sa.Column('disposition', sa.String(length=20), nullable=True),
    sa.Column('co_accused_group', sa.String(length=60), nullable=True),
    sa.Column('children', sa.Integer(), nullable=False),
    sa.Column('tariff_class', sa.String(length=8), nullable=True),
    sa.Column('base_amount', sa.BigInteger(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount_override', sa.BigInteger(), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], name=op.f('fk_service_mandate_id_mandate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service'))
    )
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_mandate_id'), ['mandate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_rendered_on'), ['rendered_on'], unique=False)

    op.create_table('statement_mandate',
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], name=op.f('fk_statement_mandate_mandate_id_mandate')),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_statement_mandate_statement_id_statement')),
    sa.PrimaryKeyConstraint('statement_id', 'mandate_id', name=op.f('pk_statement_mandate'))
    )
    op.create_table('travel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.Column('travelled_on', sa.Date(), nullable=False),
    sa.Column('km', sa.String(length=40), nullable=False),
    sa.Column('destination_km', sa.String(length=40), nullable=False),
    sa.Column('basis', sa.String(length=40), nullable=False),
    sa.Column('alternate_km', sa.String(length=40), nullable=True),
    sa.Column('parking', sa.BigInteger(), nullable=True),
    sa.Column('actual_cost', sa.BigInteger(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], name=op.f('fk_travel_mandate_id_mandate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel'))
    )
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_mandate_id'), ['mandate_id'], unique=False)

    op.create_table('statement_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('rendered_on', sa.Date(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('tariff_amount', sa.BigInteger(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_statement_line_service_id_service')),
    sa.ForeignKeyConstraint(['statement_id'], ['statement.id'], name=op.f('fk_statement_line_statement_id_statement')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statement_line'))
    )
    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_line_statement_id'), ['statement_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('statement_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_line_statement_id'))

    op.drop_table('statement_line')
    with op.batch_alter_table('travel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_travel_mandate_id'))

    op.drop_table('travel')
    op.drop_table('statement_mandate')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_rendered_on'))
        batch_op.drop_index(batch_op.f('ix_service_mandate_id'))

    op.drop_table('service')
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_refusal_id'))

    op.drop_table('dispute')
    with op.batch_alter_table('disbursement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disbursement_mandate_id'))

    op.drop_table('disbursement')
    with op.batch_alter_table('special_consideration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_special_consideration_statement_id'))

    op.drop_table('special_consideration')
    with op.batch_alter_table('refusal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refusal_statement_id'))

    op.drop_table('refusal')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_statement_id'))

    op.drop_table('payment')
    with op.batch_alter_table('mandate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandate_number'))
        batch_op.drop_index(batch_op.f('ix_mandate_client_name'))

    op.drop_table('mandate')
    op.drop_table('user_holiday')
    op.drop_table('tariff_overlay')
    op.drop_table('statement')
    op.drop_table('setting')
    op.drop_table('legal_aid_office')
    op.drop_table('lawyer_profile')
    op.drop_table('km_rate')

