"""reading leases on stored messages: any instance may take a stored message to read and
file it (PostgreSQL, FOR UPDATE SKIP LOCKED); a lease that runs out frees it again

Revision ID: 0016_reading_leases
Revises: 0014_registrations
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_reading_leases"
down_revision = "0014_registrations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("raw_messages") as batch:
        batch.add_column(sa.Column("lease_owner", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("raw_messages") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("lease_owner")
