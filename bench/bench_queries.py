"""Queries as the registry grows: the digest, `review list` and `submissions list` over
100,000 submissions (target: under a second each), on SQLite and PostgreSQL; and whether the
cost of filing one message grows with the registry (filing timed at 0, 10,000 and the full
count; with --explain, EXPLAIN ANALYZE of every statement one filing runs, on PostgreSQL).

    .venv/bin/python bench/bench_queries.py [--count 100000] [--db sqlite] [--db postgres]
        [--filing 15] [--explain]

PostgreSQL: RPA_INTAKE_TEST_POSTGRES or postgresql://postgres@127.0.0.1:5432/test; the
benchmark works in a private schema it drops at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import time
import uuid
from argparse import Namespace
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from fill_registry import fill  # noqa: E402
from scratch_db import scratch_database  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402

from config.settings import Settings  # noqa: E402
from formgen.mail import build_email  # noqa: E402
from formgen.pdf_form import fillable_pdf  # noqa: E402
from formgen.samples import sample_values  # noqa: E402
from intake.app import App  # noqa: E402
from intake.context import build_context  # noqa: E402
from intake.pipeline import take_message  # noqa: E402
from notifier.digest import build_digest, digest_day, render_digest  # noqa: E402
from registry.db import make_engine  # noqa: E402
from registry.migrate import upgrade  # noqa: E402

NOW = datetime(2026, 11, 30, 14, 0)
POSTGRES = os.environ.get("RPA_INTAKE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", action="append", choices=("sqlite", "postgres"))
    parser.add_argument("--filing", type=int, default=15, help="messages filed per size")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    slow = 0
    for kind in args.db or ["sqlite", "postgres"]:
        with scratch_database(POSTGRES if kind == "postgres" else "",
                              prefix="rpa-bench-queries") as url:
            slow += _bench(kind, url, args)
    return 1 if slow else 0


def _bench(kind: str, url: str, args: Namespace) -> int:
    print(f"\n== {kind} ==", flush=True)
    engine = make_engine(url)
    upgrade(engine)
    settings = Settings().replace(database={"url": url},
                                  acknowledgment={"signing_key": "bench-signing-key-16"})
    messages = iter(_messages(args.filing * 3 + 1))
    filled = 0
    for size in sorted({0, min(10_000, args.count), args.count}):
        fill(engine, size - filled, now=NOW, progress=lambda line: None)
        filled = size
        _time_filing(engine, settings, [next(messages) for _ in range(args.filing)], size)
    if args.explain and kind == "postgres":
        _explain_filing(engine, settings, next(messages))
    slow = _time_queries(settings, args.rounds, args.count)
    engine.dispose()
    return slow


def _messages(count: int) -> list[bytes]:
    """Realistic, each from its own organization: a filled Stage I as a fillable PDF."""
    definitions = build_context(Settings(), isolate=False).definitions
    out = []
    for n in range(1, count + 1):
        values = sample_values("stage1", seed=n, org_legal_name=f"Bench Clinic {n} LLC",
                               fein=f"05-{n:07d}", provider_id=f"12{n:07d}B",
                               contact_email=f"admin{n}@clinic{n}.example")
        pdf = fillable_pdf(definitions["stage1"], values)
        out.append(build_email(sender=f"Admin {n} <admin{n}@clinic{n}.example>",
                               to="fc@example.org", subject=f"Stage I registration {n}",
                               body="Attached.", attachments=[("stage1.pdf", pdf,
                                                               "application/pdf")],
                               message_id=f"filing-{n}-{uuid.uuid4().hex}@clinic.example",
                               date=datetime(2026, 11, 30, 9, tzinfo=UTC)))
    return out


class DatabaseClock:
    """Seconds spent inside the database driver, and the statements run."""

    def __init__(self, engine: Engine) -> None:
        self.seconds, self.statements, self._started = 0.0, [], 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        self.engine = engine

    def _before(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        self._started = time.perf_counter()
        self.statements.append((statement, parameters))

    def _after(self, *_: Any) -> None:
        self.seconds += time.perf_counter() - self._started

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)


def _file(engine: Engine, settings: Settings, raw: bytes) -> None:
    app = App(settings, migrate=False)
    app.__dict__["engine"] = engine  # the benchmark's engine, with its listeners
    ctx = build_context(settings, isolate=False)
    take_message(app.sessions, raw, ctx, mailbox="imap://bench", now=NOW)


def _time_filing(engine: Engine, settings: Settings, messages: list[bytes], size: int) -> None:
    walls, databases = [], []
    for raw in messages:
        clock = DatabaseClock(engine)
        started = time.perf_counter()
        _file(engine, settings, raw)
        walls.append(time.perf_counter() - started)
        databases.append(clock.seconds)
        clock.close()
    print(f"filing with {size:>7,} submissions in the registry: median "
          f"{statistics.median(walls) * 1000:6.1f} ms a message, of which in the database "
          f"{statistics.median(databases) * 1000:5.1f} ms "
          f"({len(clock.statements)} statements)", flush=True)


def _explain_filing(engine: Engine, settings: Settings, raw: bytes) -> None:
    clock = DatabaseClock(engine)
    _file(engine, settings, raw)
    clock.close()
    print("EXPLAIN ANALYZE of the statements one filing runs (slowest first):")
    plans = []
    for statement, parameters in clock.statements:
        verb = statement.lstrip().split(None, 1)[0].upper()
        if verb not in {"SELECT", "UPDATE", "DELETE"} or isinstance(parameters, list):
            continue
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(f"EXPLAIN ANALYZE {statement}", parameters).all()
            connection.rollback()
        plan = [row[0] for row in rows]
        took = next((line for line in plan if line.startswith("Execution Time")), "")
        plans.append((float(took.split()[2]) if took else 0.0, statement, plan))
    for took, statement, plan in sorted(plans, key=lambda item: -item[0]):
        scans = [line.strip() for line in plan if "Scan" in line]
        print(f"  {took:7.3f} ms  {' '.join(statement.split())[:110]}")
        for line in scans:
            print(f"             {line[:110]}")


def _time_queries(settings: Settings, rounds: int, count: int) -> int:
    app = App(settings, migrate=False)
    tz = ZoneInfo(settings.digest.timezone)
    cases: dict[str, Callable[[], Any]] = {
        "digest (build + render)": lambda: _digest(app, tz),
        "review list": lambda: _command("review", app, "review", "list"),
        "submissions list": lambda: _command("submissions", app, "submissions", "list"),
    }
    slow = 0
    for name, case in cases.items():
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            case()
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        slow += median >= 1.0
        print(f"{name:<26} with {count:,} submissions: median {median:.3f} s "
              f"(best {min(times):.3f} s) {'' if median < 1 else 'SLOW'}", flush=True)
    app.close()
    return slow


def _digest(app: App, tz: ZoneInfo) -> None:
    with app.sessions() as session:
        data = build_digest(session, day=digest_day(NOW, tz), tz=tz, now=NOW)
    render_digest(data)


def _command(name: str, app: App, *argv: str) -> None:
    """The list command as the CLI runs it, with the CLI's own defaults for its options."""
    from intake.cli import build_parser
    from intake.commands import review, submissions

    module = review if name == "review" else submissions
    args = build_parser().parse_args(list(argv))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        module.run_list(app, args)


if __name__ == "__main__":
    sys.exit(main())
