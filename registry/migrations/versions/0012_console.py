"""console users, login attempts, inquiries (issue 12)

Revision ID: 0012_console
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_console'
down_revision = "0015_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inquiry', sa.String(length=20), nullable=True))
        batch_op.create_index(batch_op.f('ix_submissions_inquiry'), ['inquiry'], unique=False)
        # The console's submission page looks up replies and approvals by submission.
        batch_op.create_index(batch_op.f('ix_submissions_parent_id'), ['parent_id'], unique=False)
    # ix_approvals_submission_id comes with 0015_scale, earlier in the chain
    op.create_table('console_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_console_users')),
    sa.UniqueConstraint('name', name=op.f('uq_console_users_name'))
    )
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempts_name_at', ['name', 'at'], unique=False)
        batch_op.create_index('ix_login_attempts_client_at', ['client', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_client_at')
        batch_op.drop_index('ix_login_attempts_name_at')
    op.drop_table('login_attempts')
    op.drop_table('console_users')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_parent_id'))
        batch_op.drop_index(batch_op.f('ix_submissions_inquiry'))
        batch_op.drop_column('inquiry')
