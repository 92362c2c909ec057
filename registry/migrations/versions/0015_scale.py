"""indexes for a registry that grows: the review queue and digest by status, the
acknowledgment caps by time, validations due, approvals of a submission, retention

Revision ID: 0015_scale
Revises: 0001
"""
from alembic import op

revision = "0015_scale"
down_revision = "0013_graph"
branch_labels = None
depends_on = None

# (index name, table, columns): each also declared on its model in registry/models.py
INDEXES = (
    ("ix_submissions_status_received_at", "submissions", ["status", "received_at"]),
    ("ix_outbox_kind_created_at", "outbox", ["kind", "created_at"]),
    ("ix_outbox_recipient_created_at", "outbox", ["recipient", "created_at"]),
    ("ix_approvals_validation_due", "approvals", ["validation_due"]),
    ("ix_approvals_submission_id", "approvals", ["submission_id"]),
    ("ix_raw_messages_received_at", "raw_messages", ["received_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
