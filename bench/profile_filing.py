"""The driver's share of a backlog: ~200 realistic messages (made by formgen as
bench_backlog.py makes them) are read once up front, in this process; then only what the
poll's driver process does per message is timed: store (one commit), count the attempt (one
commit), file + acknowledge (one transaction). CPU time (time.process_time) and SQL
statements per message, per step, on a fresh SQLite file or a private PostgreSQL schema.

    .venv/bin/python bench/profile_filing.py [--messages 200] [--db postgresql://...]
        [--duplicates] [--profile] [--top 40]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bench_backlog import _message  # noqa: E402
from scratch_db import scratch_database  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402

from config.settings import FORMS_DIR, Settings  # noqa: E402
from intake.context import IntakeContext, build_context  # noqa: E402
from intake.pipeline import Attempt, begin_attempt, finish_attempt, store_message  # noqa: E402
from parsers.formdefs import load_definitions  # noqa: E402
from parsers.message_reader import ReadMessage, read_message  # noqa: E402
from registry.db import make_engine, make_session_factory  # noqa: E402
from registry.migrate import upgrade  # noqa: E402

NOW = datetime(2026, 11, 30, 14, 0)
STEPS = ("store", "begin", "file")


@dataclass
class Tally:
    """CPU seconds and statements per step, summed over the messages."""
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STEPS, 0.0))
    statements: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEPS, 0))
    wall: float = 0.0
    filed: int = 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--db", default="", help="a PostgreSQL URL (default: a new SQLite file)")
    parser.add_argument("--duplicates", action="store_true",
                        help="every 10th message resends an earlier form (duplicate path)")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed loop")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    definitions = load_definitions(FORMS_DIR)
    raws = _messages(args.messages, args.duplicates)
    today = NOW.date()
    settings = Settings()
    reads = [read_message(raw, definitions, limits=build_context(settings).limits,
                          today=today, isolate=False) for raw in raws]
    print(f"{len(raws)} messages read", flush=True)
    with scratch_database(args.db, prefix="rpa-profile-filing") as url:
        ctx = build_context(Settings().replace(
            database={"url": url}, acknowledgment={"signing_key": "profile-filing-key-16"}),
            isolate=False)
        engine = make_engine(url)
        upgrade(engine)
        tally = _run(engine, ctx, raws, reads, profile=args.profile, top=args.top)
        engine.dispose()
    _report(tally, len(raws), "postgresql" if args.db else "sqlite")
    return 0


def _messages(count: int, duplicates: bool) -> list[bytes]:
    raws = []
    for number in range(1, count + 1):
        if duplicates and number % 10 == 0:  # the same form again, a new Message-ID
            raws.append(_message(number - 5).replace(
                b"backlog-", b"again-" + uuid.uuid4().hex[:4].encode() + b"-", 1))
        else:
            raws.append(_message(number))
    return raws


def _run(engine: Engine, ctx: IntakeContext, raws: list[bytes], reads: list[ReadMessage], *,
         profile: bool, top: int) -> Tally:
    factory = make_session_factory(engine)
    counter = [0]
    event.listen(engine, "before_cursor_execute",
                 lambda *_args: counter.__setitem__(0, counter[0] + 1))
    tally = Tally()
    profiler = cProfile.Profile() if profile else None
    started = time.monotonic()
    for number, (raw, read) in enumerate(zip(raws, reads, strict=True)):
        now = NOW + timedelta(seconds=number)
        _one(factory, ctx, raw, read, now, tally, counter, profiler)
    tally.wall = time.monotonic() - started
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)
    return tally


def _one(factory: Any, ctx: IntakeContext, raw: bytes, read: ReadMessage, now: datetime,
         tally: Tally, counter: list[int], profiler: cProfile.Profile | None) -> None:
    stored = _step(tally, counter, profiler, "store",
                   lambda: store_message(factory, raw, mailbox="bench", now=now))
    assert isinstance(stored, int), stored
    attempt = _step(tally, counter, profiler, "begin",
                    lambda: begin_attempt(factory, stored, ctx, raw))
    assert isinstance(attempt, Attempt), attempt
    outcome = _step(tally, counter, profiler, "file",
                    lambda: finish_attempt(factory, attempt, lambda: read, ctx, now=now))
    assert outcome.status == "filed", outcome
    tally.filed += 1


def _step(tally: Tally, counter: list[int], profiler: cProfile.Profile | None, name: str,
          run: Callable[[], Any]) -> Any:
    before, statements = time.process_time(), counter[0]
    if profiler is not None:
        profiler.enable()
    result = run()
    if profiler is not None:
        profiler.disable()
    tally.cpu[name] += time.process_time() - before
    tally.statements[name] += counter[0] - statements
    return result


def _report(tally: Tally, count: int, backend: str) -> None:
    total_cpu = sum(tally.cpu.values())
    total_sql = sum(tally.statements.values())
    parts = ", ".join(f"{name} {tally.cpu[name] * 1000 / count:.1f} ms / "
                      f"{tally.statements[name] / count:.1f} stmts" for name in STEPS)
    print(f"{backend}: {count} messages filed ({tally.filed}); driver CPU "
          f"{total_cpu * 1000 / count:.1f} ms/message, {total_sql / count:.1f} SQL "
          f"statements/message ({parts}); wall {tally.wall * 1000 / count:.1f} ms/message")


if __name__ == "__main__":
    sys.exit(main())
