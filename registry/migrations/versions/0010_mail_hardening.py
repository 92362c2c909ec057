"""mail hardening: a message's fingerprint (sender + attachments) and its last error; a
submission without raw bytes (a message too large to download)

Revision ID: 0010_mail
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_mail'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('raw_messages') as batch:
        batch.add_column(sa.Column('fingerprint', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('last_error', sa.Text(), nullable=True))
        batch.create_index(batch.f('ix_raw_messages_fingerprint'), ['fingerprint'])
    with op.batch_alter_table('submissions') as batch:
        batch.alter_column('raw_message_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('submissions') as batch:
        batch.alter_column('raw_message_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('raw_messages') as batch:
        batch.drop_index(batch.f('ix_raw_messages_fingerprint'))
        batch.drop_column('last_error')
        batch.drop_column('fingerprint')
