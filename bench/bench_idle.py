"""IDLE latency: messages appended one by one to a real Dovecot while `rpa-intake run` is up
(IDLE on, the default), timed from the APPEND to the acknowledgment accepted by a real SMTP
server (aiosmtpd). Reports p50, p95 and the worst; the target is p95 <= 5 s.

    .venv/bin/python bench/bench_idle.py [--messages 20] [--db URL] [--pause 1.5]

Each message is a realistic one (a filled Stage I as a fillable PDF, its own sender); the
next is appended once the previous one is acknowledged, after a random pause, so that some
arrive while the service idles and some right after a poll. The forced re-poll
(imap.idle_seconds) and the outbox interval are the defaults (300 s, 30 s): an
acknowledgment within seconds can only come from IDLE and the wake-up after a poll.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from intake_helpers import deliver  # noqa: E402
from mail_samples import with_form  # noqa: E402
from servers.dovecot import start_dovecot  # noqa: E402
from servers.instances import start, stop, write_config  # noqa: E402
from servers.smtp import start_smtp  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--db", default="", help="database URL (default: a new SQLite file)")
    parser.add_argument("--pause", type=float, default=1.5, help="mean pause between messages")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="rpa-bench-idle-"))
    root.chmod(0o755)  # Dovecot's unprivileged processes must reach its directory below
    dovecot, smtp = start_dovecot(root / "dovecot"), start_smtp()
    accepted: dict[str, float] = {}
    _timestamp_deliveries(smtp.handler, accepted)
    try:
        latencies = _run(root, args, dovecot, smtp.port, accepted)
    finally:
        smtp.stop()
        dovecot.stop()
        shutil.rmtree(root, ignore_errors=True)
    _report(latencies, args.messages)
    return 0 if len(latencies) == args.messages else 1


def _timestamp_deliveries(handler: Any, accepted: dict[str, float]) -> None:
    """Record when the SMTP server accepted each recipient's message."""
    original = handler.handle_DATA

    async def handle_data(server: Any, session: Any, envelope: Any) -> str:
        reply = str(await original(server, session, envelope))
        if reply.startswith("250"):
            for rcpt in envelope.rcpt_tos:
                accepted.setdefault(rcpt, time.monotonic())
        return reply

    handler.handle_DATA = handle_data


def _run(root: Path, args: argparse.Namespace, dovecot: Any, smtp_port: int,
         accepted: dict[str, float]) -> list[float]:
    user = dovecot.add_user()
    db_url = args.db or f"sqlite:///{root / 'registry.db'}"
    config = write_config(root / "rpa.toml", db_url=db_url, dovecot=dovecot, user=user,
                          smtp_port=smtp_port, poll_interval=60, outbox_interval=30)
    service = start(config, "run", log=root / "run.log")
    rng = random.Random(args.seed)
    latencies = []
    try:
        time.sleep(5)  # started, migrated, first (empty) poll done, idling
        for number in range(1, args.messages + 1):
            raw, recipient = with_form(number), f"alice{number}@acmehealth.example"
            appended = time.monotonic()
            deliver(dovecot, user, raw)
            while recipient not in accepted and time.monotonic() - appended < 120:
                time.sleep(0.02)
            if recipient in accepted:
                latencies.append(accepted[recipient] - appended)
                print(f"message {number:2d}: {latencies[-1]:6.2f} s", flush=True)
            else:
                print(f"message {number:2d}: not acknowledged within 120 s", flush=True)
            time.sleep(rng.uniform(0, 2 * args.pause))
    finally:
        stop(service)
    return latencies


def _report(latencies: list[float], wanted: int) -> None:
    if not latencies:
        print("no acknowledgment arrived")
        return
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{len(latencies)}/{wanted} acknowledged: p50 {statistics.median(ordered):.2f} s, "
          f"p95 {p95:.2f} s, worst {ordered[-1]:.2f} s (target p95 <= 5 s: "
          f"{'met' if p95 <= 5 and len(latencies) == wanted else 'NOT met'})")


if __name__ == "__main__":
    sys.exit(main())
