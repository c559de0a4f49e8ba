"""The audit trail keeps the values before and after and the workstation; penal deadlines
followed on a mandate; the letterhead's logo in the profile; a service's disposition column
wide enough for « settled_before_defence » (22 characters in a column of 20: PostgreSQL
refused to store it).

Events recorded before this revision keep ``before`` and ``after`` empty (``NULL``) and an
empty workstation: what they did not record cannot be made up. Going down drops the new
columns and the ``penal_deadline`` table with what they hold.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 14:02:11.507301
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('workstation', sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column('before', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('after', sa.Text(), nullable=True))
        batch_op.create_index('ix_audit_event_entity', ['entity', 'entity_id'], unique=False)

    with op.batch_alter_table('lawyer_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('logo_name', sa.String(length=255), nullable=False, server_default=""))

    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.alter_column('disposition', existing_type=sa.String(length=20), type_=sa.String(length=40),
                              existing_nullable=True)

    op.create_table('penal_deadline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=80), nullable=False),
    sa.Column('event_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], name=op.f('fk_penal_deadline_mandate_id_mandate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penal_deadline'))
    )
    with op.batch_alter_table('penal_deadline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penal_deadline_mandate_id'), ['mandate_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('penal_deadline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_penal_deadline_mandate_id'))
    op.drop_table('penal_deadline')

    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.alter_column('disposition', existing_type=sa.String(length=40), type_=sa.String(length=20),
                              existing_nullable=True)

    with op.batch_alter_table('lawyer_profile', schema=None) as batch_op:
        batch_op.drop_column('logo_name')
        batch_op.drop_column('logo')

    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_entity')
        batch_op.drop_column('after')
        batch_op.drop_column('before')
        batch_op.drop_column('workstation')
