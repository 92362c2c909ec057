"""A backlog: a real Dovecot with N realistic messages (one filled form each, made by formgen:
fillable PDFs of every form type, DOCX content controls, some flattened PDFs), measured in
one run, one after the other under the same conditions: the naive floor
(bench/naive_floor.py: one process, imapclient fetch + pdfplumber / python-docx) and
`rpa-intake poll --once` (SQLite, acknowledgments to a real SMTP server). For each: wall
time and the peak RSS of its whole process tree (sampled every 0.1 s from /proc).

    .venv/bin/python bench/bench_backlog.py [--messages 1000] [--db URL] [--workers N]
                                            [--skip-floor]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers.dovecot import PASSWORD, Dovecot, start_dovecot  # noqa: E402
from servers.instances import command, write_config  # noqa: E402
from servers.smtp import start_smtp  # noqa: E402

from config.settings import FORMS_DIR  # noqa: E402
from formgen.docx_form import docx_form  # noqa: E402
from formgen.mail import build_email  # noqa: E402
from formgen.pdf_form import fillable_pdf, flattened_pdf  # noqa: E402
from formgen.samples import sample_values  # noqa: E402
from parsers.formdefs import load_definitions  # noqa: E402

FORMS = ("stage1", "stage1", "stage2_grandfathered", "modification", "annual_validation")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--db", default="", help="database URL (default: a new SQLite file)")
    parser.add_argument("--skip-floor", action="store_true",
                        help="measure only poll --once (a long soak: is memory flat?)")
    parser.add_argument("--workers", type=int, default=0,
                        help="mailbox.reader_workers (default 0: one per core)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="rpa-bench-backlog-"))
    root.chmod(0o755)  # Dovecot's unprivileged processes must reach its directory below
    dovecot, smtp = start_dovecot(root / "dovecot"), start_smtp()
    try:
        user = dovecot.add_user()
        size = _fill_mailbox(dovecot, user, args.messages)
        print(f"{args.messages} messages, {size / 1e6:.0f} MB in INBOX", flush=True)
        floor = (float("nan"), 0, 0) if args.skip_floor else _measure(
            [sys.executable, str(ROOT / "bench" / "naive_floor.py"), "127.0.0.1",
             str(dovecot.port), user, PASSWORD])
        config = write_config(root / "rpa.toml", dovecot=dovecot, user=user,
                              smtp_port=smtp.port, batch_size=20,
                              db_url=args.db or f"sqlite:///{root / 'registry.db'}")
        config.write_text(config.read_text().replace(
            "[mailbox]\n", f"[mailbox]\nreader_workers = {args.workers}\n"))
        # The registry exists before the backlog arrives (an installed service after an
        # outage): poll --once opens it, it does not create it.
        subprocess.run(command(config, "db", "upgrade"), cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        product = _measure(command(config, "poll", "--once"), log=root / "poll.log")
        halves = _halves(root / "poll.log")
    finally:
        smtp.stop()
        dovecot.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(f"naive floor:   {floor[0]:7.1f} s, peak RSS {floor[1] / 1e6:5.0f} MB "
          f"(PSS {floor[2] / 1e6:.0f} MB)")
    print(f"poll --once:   {product[0]:7.1f} s ({args.messages / product[0]:.1f} msg/s), "
          f"peak RSS {product[1] / 1e6:5.0f} MB (PSS {product[2] / 1e6:.0f} MB) — "
          f"{product[0] / floor[0]:.1f}x the floor (target 1.0x), RSS target 300 MB")
    print("  at the peak: " + ", ".join(f"{name or '?'} {rss / 1e6:.0f} MB"
                                       for name, rss in PEAK_TREE))
    print("  over time (s: driver RSS, tree RSS/PSS MB): " + ", ".join(
        f"{at:.0f}: {driver / 1e6:.0f}, {rss / 1e6:.0f}/{pss / 1e6:.0f}"
        for at, driver, rss, pss in TIMELINE))
    print(f"acknowledgments accepted by SMTP: {len(smtp.handler.messages)}")
    print(f"filing rate: first half {halves[0]:.1f} msg/s, second half {halves[1]:.1f} msg/s")
    return 0


def _fill_mailbox(dovecot: Dovecot, user: str, count: int) -> int:
    from intake_helpers import imap_client

    client, size = imap_client(dovecot, user), 0
    # Making the forms is the slow part: on every core (spawned: the SMTP server's thread
    # is running, and a fork would copy its locks).
    with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as makers:
        for number, raw in enumerate(makers.map(_message, range(1, count + 1), chunksize=20),
                                     start=1):
            client.append("INBOX", raw)
            size += len(raw)
            if number % 500 == 0:
                print(f"  appended {number}", flush=True)
    client.logout()
    return size


def _message(number: int) -> bytes:
    """One filled form from its own organization, in one of the shapes forms arrive in."""
    definitions = _definitions()
    form = FORMS[number % len(FORMS)]
    values = sample_values(form, seed=number, org_legal_name=f"Backlog Clinic {number} LLC",
                           fein=f"06-{number:07d}", provider_id=f"13{number:07d}C",
                           contact_email=f"office{number}@clinic{number}.example")
    shape = number % 10
    if shape < 3:
        attachment = (f"{form}.docx", docx_form(definitions[form], values), DOCX)
    elif shape == 3:
        attachment = (f"{form}.pdf", flattened_pdf(definitions[form], values), "application/pdf")
    else:
        attachment = (f"{form}.pdf", fillable_pdf(definitions[form], values), "application/pdf")
    return build_email(sender=f"Office {number} <office{number}@clinic{number}.example>",
                       to="fc@example.org", subject=f"{form} form {number}",
                       body="Please find our form attached.", attachments=[attachment],
                       message_id=f"backlog-{number}-{uuid.uuid4().hex[:8]}@clinic.example",
                       date=datetime(2026, 11, 30, 9, number % 60, tzinfo=UTC))


@cache
def _definitions() -> dict:  # type: ignore[type-arg]
    return load_definitions(FORMS_DIR)


def _halves(log: Path) -> tuple[float, float]:
    """Messages filed per second in the first and the second half of the backlog (from the
    "filed message" log lines' times)."""
    times = [datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
             for line in log.read_text().splitlines() if "filed message" in line]
    if len(times) < 4:
        return 0.0, 0.0
    middle = len(times) // 2
    first, second = times[:middle], times[middle:]
    return ((len(first) - 1) / max(first[-1] - first[0], 1e-6),
            (len(second) - 1) / max(second[-1] - second[0], 1e-6))


def _measure(argv: list[str], log: Path | None = None) -> tuple[float, int, int]:
    """Wall time and the peak of the summed RSS of the process and all its descendants."""
    started = time.monotonic()
    stderr = log.open("w") if log else subprocess.DEVNULL
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr,
                               text=True)
    peak = [0, 0]
    sampler = threading.Thread(target=_sample, args=(process.pid, peak, process), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    wall = time.monotonic() - started
    sampler.join(timeout=2)
    print(output.strip(), flush=True)
    if process.returncode != 0:
        raise SystemExit(f"{argv[-2:]} exited {process.returncode}")
    return wall, peak[0], peak[1]


def _sample(pid: int, peak: list[int], process: subprocess.Popen[str]) -> None:
    """peak[0]: the summed RSS (pages shared by forked workers count in each of them);
    peak[1]: the summed PSS (shared pages divided among their sharers: the tree's memory)."""
    started = time.monotonic()
    TIMELINE.clear()
    while process.poll() is None:
        tree = _tree(pid)
        each = {item: _memory(item, "VmRSS:", "status") for item in tree}
        if sum(each.values()) > peak[0]:
            peak[0] = sum(each.values())
            PEAK_TREE[:] = [(_name(item), rss) for item, rss in each.items()]
        pss = sum(_memory(item, "Pss:", "smaps_rollup") for item in tree)
        peak[1] = max(peak[1], pss)
        if time.monotonic() - started >= len(TIMELINE) * TIMELINE_SECONDS:
            TIMELINE.append((time.monotonic() - started, each.get(pid, 0), sum(each.values()),
                             pss))
        time.sleep(0.1)


TIMELINE: list[tuple[float, int, int, int]] = []  # (seconds, the driver's RSS, the tree's
# RSS and PSS) of the last measure
TIMELINE_SECONDS = 15.0  # is memory flat over a long backlog?


PEAK_TREE: list[tuple[str, int]] = []  # the processes at the last measure's peak RSS


def _name(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    return " ".join(part.decode(errors="replace") for part in argv[1:3])[-60:]


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _memory(pid: int, key: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
