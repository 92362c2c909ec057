"""Annual validation outreach at scale: N registrations (default 5,000) due, one
``run_outreach`` call: their pre-filled Annual Validation forms (PDF and DOCX) made in a
process pool of the cores, and one request each queued in the outbox. Prints the time of
each part; the issue's bar is under a minute for 5,000.

Run: .venv/bin/python bench/bench_outreach.py [--count N] [--workers W] [--db URL]
(default database: a fresh SQLite file in a temporary directory).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from config.settings import Settings
from formgen.samples import ORGS
from intake.outreach import run_outreach
from registry.db import make_engine, make_session_factory, transaction
from registry.migrate import upgrade
from registry.models import Organization, OutboxMessage, Registration

NOW = datetime(2027, 9, 27, 14, 0)


def seed(factory, count: int) -> None:  # type: ignore[no-untyped-def]
    with transaction(factory) as session:
        for number in range(1, count + 1):
            block = dict(ORGS[number % len(ORGS)])
            block["org_legal_name"] = f"{block['org_legal_name']} #{number}"
            block["fein"] = f"{10 + number // 10_000_000:02d}-{number:07d}"
            block["contact_email"] = f"contact{number}@provider{number}.example"
            organization = Organization(legal_name=block["org_legal_name"], fein=block["fein"],
                                        contact_email=block["contact_email"], created_at=NOW)
            session.add(Registration(
                number=f"RPA2-2026-{number:05d}", organization=organization, status="active",
                bot_names=["Bot"], rpa_user_ids=[f"RPAU{number:05d}", f"RPAV{number:05d}"],
                retired_user_ids=[], transactions=["claim_status"], screens_per_session=6,
                rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath Inc.",
                contact_email=block["contact_email"], contact_name=block["contact_name"],
                organization_block=block, approved_at=NOW, validation_due=date(2027, 11, 23),
                updated_at=NOW))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=0, help="0: one per core")
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{folder}/bench.db"
        engine = make_engine(url)
        upgrade(engine)
        factory = make_session_factory(engine)
        started = time.perf_counter()
        seed(factory, args.count)
        print(f"seeded {args.count} registrations in {time.perf_counter() - started:.1f} s")
        settings = Settings().replace(database={"url": url}, acknowledgment={"signing_key": "b"})
        started = time.perf_counter()
        report = run_outreach(factory, settings, now=NOW, year=2027, workers=args.workers)
        elapsed = time.perf_counter() - started
        with factory() as session:
            rows = session.scalar(select(func.count()).select_from(OutboxMessage)) or 0
            size = session.scalar(select(func.sum(func.length(OutboxMessage.raw)))) or 0
        print(f"outreach: {report.queued} requests queued ({rows} outbox rows, "
              f"{size / 1e6:.0f} MB) in {elapsed:.1f} s with {args.workers or os.cpu_count()} "
              f"worker(s): {args.count / elapsed:.0f} registrations/s")
        engine.dispose()
    return 0 if report.queued == args.count else 1


if __name__ == "__main__":
    raise SystemExit(main())
