"""registrations of record, their changes, validation cycles and notices; back-filled from
the approvals on file

Revision ID: 0014_registrations
Revises: 0001
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from registry.registration_record import initial_record, modified_record, record_diff

revision = "0014_registrations"
down_revision = "0012_console"
branch_labels = None
depends_on = None

NOW_ACTOR = "migration 0014"


def upgrade() -> None:
    _create_registrations()
    _create_changes()
    _create_cycles()
    _create_notices()
    _backfill(op.get_bind())


def downgrade() -> None:
    for table in ("validation_notices", "validation_cycles", "registration_changes",
                  "registrations"):
        op.drop_table(table)


def _create_registrations() -> None:
    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("stage1_number", sa.String(length=20), nullable=True),
        sa.Column("grandfathered", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("bot_names", sa.JSON(), nullable=False),
        sa.Column("rpa_user_ids", sa.JSON(), nullable=False),
        sa.Column("retired_user_ids", sa.JSON(), nullable=False),
        sa.Column("transactions", sa.JSON(), nullable=False),
        sa.Column("screens_per_session", sa.Integer(), nullable=True),
        sa.Column("rpa_tool_name", sa.String(length=200), nullable=True),
        sa.Column("rpa_tool_vendor", sa.String(length=200), nullable=True),
        sa.Column("rpa_tool_version", sa.String(length=100), nullable=True),
        sa.Column("hosting", sa.String(length=30), nullable=True),
        sa.Column("contact_name", sa.String(length=300), nullable=True),
        sa.Column("contact_email", sa.String(length=320), nullable=True),
        sa.Column("organization_block", sa.JSON(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("last_validated_at", sa.Date(), nullable=True),
        sa.Column("validation_due", sa.Date(), nullable=True),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["approval_id"], ["approvals.id"],
                                name=op.f("fk_registrations_approval_id_approvals")),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_registrations_organization_id_organizations")),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"],
                                name=op.f("fk_registrations_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registrations")),
        sa.UniqueConstraint("number", name=op.f("uq_registrations_number")),
    )
    for column in ("organization_id", "status", "validation_due", "updated_at"):
        op.create_index(op.f(f"ix_registrations_{column}"), "registrations", [column])


def _create_changes() -> None:
    op.create_table(
        "registration_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["approval_id"], ["approvals.id"],
                                name=op.f("fk_registration_changes_approval_id_approvals")),
        sa.ForeignKeyConstraint(
            ["registration_id"], ["registrations.id"],
            name=op.f("fk_registration_changes_registration_id_registrations")),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"],
                                name=op.f("fk_registration_changes_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_changes")),
    )
    for column in ("registration_id", "at"):
        op.create_index(op.f(f"ix_registration_changes_{column}"), "registration_changes",
                        [column])


def _create_cycles() -> None:
    op.create_table(
        "validation_cycles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("validated_at", sa.DateTime(), nullable=True),
        sa.Column("overdue_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["registration_id"], ["registrations.id"],
            name=op.f("fk_validation_cycles_registration_id_registrations")),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"],
                                name=op.f("fk_validation_cycles_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_validation_cycles")),
        sa.UniqueConstraint("registration_id", "year", name="uq_validation_cycle"),
    )
    op.create_index(op.f("ix_validation_cycles_registration_id"), "validation_cycles",
                    ["registration_id"])


def _create_notices() -> None:
    op.create_table(
        "validation_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cycle_id"], ["validation_cycles.id"],
                                name=op.f("fk_validation_notices_cycle_id_validation_cycles")),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"],
                                name=op.f("fk_validation_notices_outbox_id_outbox")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_validation_notices")),
        sa.UniqueConstraint("cycle_id", "step", name="uq_validation_notice"),
    )
    for column in ("cycle_id", "message_id"):
        op.create_index(op.f(f"ix_validation_notices_{column}"), "validation_notices", [column])


# back-fill ------------------------------------------------------------------------------
TYPES: dict[str, Any] = {
    "approved_at": sa.DateTime(), "validation_due": sa.Date(), "updated_at": sa.DateTime(),
    "retired_at": sa.DateTime(), "last_validated_at": sa.Date(), "at": sa.DateTime(),
    **{name: sa.JSON() for name in ("rpa_user_ids", "bot_names", "retired_user_ids",
                                    "transactions", "organization_block", "detail", "value")},
}


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(item, TYPES.get(item)) for item in columns))


APPROVALS = _table("approvals", "id", "kind", "number", "organization_id", "submission_id",
                   "rpa_user_ids", "screens_per_session", "approved_at", "approved_by",
                   "validation_due")
SUBMISSIONS = _table("submissions", "id", "form_type")
DOCUMENTS = _table("documents", "id", "submission_id", "form_type")
FIELDS = _table("extracted_fields", "document_id", "key", "value")
REGISTRATIONS = _table(
    "registrations", "id", "number", "organization_id", "approval_id", "submission_id",
    "stage1_number", "grandfathered", "status", "bot_names", "rpa_user_ids", "retired_user_ids",
    "transactions", "screens_per_session", "rpa_tool_name", "rpa_tool_vendor",
    "rpa_tool_version", "hosting", "contact_name", "contact_email", "organization_block",
    "approved_at", "last_validated_at", "validation_due", "retired_at", "updated_at")
CHANGES = _table("registration_changes", "registration_id", "at", "kind", "submission_id",
                 "approval_id", "actor", "detail")


def _backfill(conn: sa.Connection) -> None:
    approvals = conn.execute(sa.select(APPROVALS).order_by(APPROVALS.c.approved_at,
                                                           APPROVALS.c.id)).mappings().all()
    by_number = {row["number"]: row for row in approvals if row["number"]}
    ids: dict[str, int] = {}
    records: dict[str, dict[str, Any]] = {}
    for row in approvals:
        if row["kind"] == "stage2" and row["number"]:
            ids[row["number"]], records[row["number"]] = _backfill_stage2(conn, row, by_number)
        elif row["kind"] in {"modification", "annual_validation"}:
            _backfill_change(conn, row, ids, records)


def _backfill_stage2(conn: sa.Connection, row: Any,
                     by_number: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    values = _main_values(conn, row["submission_id"])
    stage1_row = by_number.get(values.get("stage1_approval_number") or "")
    stage1 = _main_values(conn, stage1_row["submission_id"]) if stage1_row else {}
    if stage1_row is not None and stage1_row["screens_per_session"] is not None:
        stage1.setdefault("screens_per_session", stage1_row["screens_per_session"])
    record = initial_record(values, stage1, list(row["rpa_user_ids"] or []))
    form_type = conn.scalar(sa.select(SUBMISSIONS.c.form_type)
                            .where(SUBMISSIONS.c.id == row["submission_id"]))
    result = conn.execute(sa.insert(REGISTRATIONS).values(
        number=row["number"], organization_id=row["organization_id"], approval_id=row["id"],
        submission_id=row["submission_id"], stage1_number=values.get("stage1_approval_number"),
        grandfathered=form_type == "stage2_grandfathered", approved_at=row["approved_at"],
        validation_due=row["validation_due"], updated_at=row["approved_at"],
        **record).returning(REGISTRATIONS.c.id))
    registration_id = int(result.scalar_one())
    _add_change(conn, registration_id, row, "approved", record_diff({}, record))
    return registration_id, record


def _backfill_change(conn: sa.Connection, row: Any, ids: dict[str, int],
                     records: dict[str, dict[str, Any]]) -> None:
    values = _main_values(conn, row["submission_id"])
    number = str(values.get("stage2_approval_number") or "")
    if number not in ids:
        return
    if row["kind"] == "annual_validation":
        conn.execute(sa.update(REGISTRATIONS).where(REGISTRATIONS.c.id == ids[number])
                     .values(last_validated_at=row["approved_at"].date()))
        _add_change(conn, ids[number], row, "validation",
                    {"validation_year": [None, values.get("validation_year")]})
        return
    after = modified_record(records[number], values)
    diff = record_diff(records[number], after)
    records[number] = after
    retired = {"retired_at": row["approved_at"]} if after["status"] == "retired" else {}
    conn.execute(sa.update(REGISTRATIONS).where(REGISTRATIONS.c.id == ids[number])
                 .values(updated_at=row["approved_at"], **retired, **after))
    _add_change(conn, ids[number], row, "retirement" if "retired_user_ids" in diff else "modification",
                diff)


def _add_change(conn: sa.Connection, registration_id: int, row: Any, kind: str,
                detail: dict[str, Any]) -> None:
    conn.execute(sa.insert(CHANGES).values(
        registration_id=registration_id, at=row["approved_at"], kind=kind,
        submission_id=row["submission_id"], approval_id=row["id"],
        actor=f"{row['approved_by']} ({NOW_ACTOR} back-fill)", detail=detail))


def _main_values(conn: sa.Connection, submission_id: int) -> dict[str, Any]:
    form_type = conn.scalar(sa.select(SUBMISSIONS.c.form_type)
                            .where(SUBMISSIONS.c.id == submission_id))
    document_id = conn.scalar(sa.select(DOCUMENTS.c.id).where(
        DOCUMENTS.c.submission_id == submission_id, DOCUMENTS.c.form_type == form_type)
        .order_by(DOCUMENTS.c.id).limit(1))
    if document_id is None:
        return {}
    rows = conn.execute(sa.select(FIELDS.c.key, FIELDS.c.value)
                        .where(FIELDS.c.document_id == document_id))
    return {key: value for key, value in rows}
