"""where each extracted value was read: the page and box the reader found it in (PDF
pages), so the console shows the exact spot instead of searching the page for the text

Revision ID: 0017_field_spots
Revises: 0016_reading_leases
"""
import sqlalchemy as sa
from alembic import op

revision = "0017_field_spots"
down_revision = "0016_reading_leases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("extracted_fields") as batch:
        batch.add_column(sa.Column("spot", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("extracted_fields") as batch:
        batch.drop_column("spot")
