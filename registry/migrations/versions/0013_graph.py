"""auth status for OAuth 2.0 / Microsoft Graph logins

Revision ID: 0013_graph
Revises: 0001
Create Date: 2026-12-02 06:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_graph'
down_revision = '0010_mail'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('auth_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('failing_since', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', sa.DateTime(), nullable=True),
    sa.Column('last_success_at', sa.DateTime(), nullable=True),
    sa.Column('alert_sent_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_status')),
    sa.UniqueConstraint('name', name=op.f('uq_auth_status_name'))
    )


def downgrade() -> None:
    op.drop_table('auth_status')
