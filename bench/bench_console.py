"""Console speed with a full registry: 10,000 submissions, then the queue (default, FEIN
search, organization search, a later page) and a submission page, timed over HTTP.

Run: .venv/bin/python bench/bench_console.py [--submissions N] [--rounds N] [--database-url URL]
Target (issue #12): queue and submission pages under 200 ms with 10,000 submissions.
The demo's mail goes through the real pipeline first; its submissions (documents, fields,
problems, organizations) are then copied in bulk until the registry holds N submissions,
with 2,000 distinct organizations and the statuses spread as a real queue would be.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

import httpx
from console_helpers import PASSWORD, console_app, csrf_of, start_console
from sqlalchemy import func, insert, select

from registry.db import transaction
from registry.models import (
    Document,
    ExtractedFieldRow,
    Organization,
    ProblemRow,
    Submission,
)

STATUSES = ("complete", "needs_review", "incomplete", "approved", "rejected", "no_form")
ORGANIZATIONS = 2000


def fill(app, total: int) -> str:
    """Copy the demo's submissions until ``total``; return one FEIN to search for."""
    with transaction(app.sessions) as session:
        models = session.scalars(select(Submission).where(Submission.form_type.is_not(None))
                                 .order_by(Submission.id)).all()
        templates = [(item, list(item.documents), list(item.problems)) for item in models]
        have = session.scalar(select(func.count(Submission.id))) or 0
        orgs = _organizations(session)
        start = datetime(2026, 1, 1)
        for number in range(have, total):
            source, documents, problems = templates[number % len(templates)]
            _copy(session, source, documents, problems, number, orgs[number % len(orgs)],
                  start + timedelta(minutes=number * 30))
            if number % 1000 == 0:
                session.flush()
    return f"{10 + 17 % 89:02d}-{1000000 + 17:07d}"  # organization 17: some wait for review


def _organizations(session) -> list[int]:
    rows = [{"legal_name": f"Bench Health Organization {n}", "fein": f"{10 + n % 89:02d}-"
             f"{1000000 + n:07d}", "provider_id": f"{100000000 + n}A", "npi": None,
             "email_domain": f"org{n}.example", "contact_email": f"contact@org{n}.example",
             "created_at": datetime(2026, 1, 1)} for n in range(ORGANIZATIONS)]
    session.execute(insert(Organization), rows)
    return list(session.scalars(select(Organization.id).where(
        Organization.legal_name.like("Bench Health Organization %"))))


def _copy(session, source, documents, problems, number, org_id, when) -> None:
    submission = Submission(
        reference=f"FC-2026-{900000 + number:06d}-0", raw_message_id=source.raw_message_id,
        message_id=f"bench-{number}@example.org", sender=f"person{number}@org.example",
        sender_name=f"Person {number}", subject=f"{source.subject} #{number}", received_at=when,
        updated_at=when, status=STATUSES[number % len(STATUSES)], form_type=source.form_type,
        organization_id=org_id)
    session.add(submission)
    session.flush()
    for document in documents:
        copy = Document(submission_id=submission.id, raw_message_id=document.raw_message_id,
                        filename=document.filename, sha256=document.sha256, size=document.size,
                        kind=document.kind, form_type=document.form_type,
                        form_version=document.form_version, method=document.method,
                        facts=document.facts, added_at=when)
        session.add(copy)
        session.flush()
        session.execute(insert(ExtractedFieldRow), [
            {"document_id": copy.id, "key": row.key, "raw_value": row.raw_value,
             "value": row.value, "source": row.source, "confidence": row.confidence}
            for row in document.fields])
    if problems:
        session.execute(insert(ProblemRow), [
            {"submission_id": submission.id, "document_id": None, "code": row.code,
             "field": row.field, "message": row.message, "severity": row.severity}
            for row in problems])


def timed(client: httpx.Client, path: str, rounds: int) -> tuple[float, float]:
    client.get(path).raise_for_status()  # warm up (page counts, connection)
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        client.get(path).raise_for_status()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-console-"))
    app = console_app(out, database_url=args.database_url)
    began = time.perf_counter()
    fein = fill(app, args.submissions)
    print(f"filled {args.submissions} submissions in {time.perf_counter() - began:.1f} s "
          f"({app.settings.database.url.split(':')[0]})")
    console = start_console(app, out)
    client = httpx.Client(base_url=console.url, follow_redirects=True, timeout=60)
    page = client.get("/login")
    client.post("/login", data={"csrf_token": csrf_of(page.text), "name": "alice",
                                "password": PASSWORD})
    reference = re.findall(r'href="/submissions/(FC-[0-9-]+)"',
                           client.get("/", params={"q": fein}).text)[0]
    checks = {
        "queue (default, first 100)": "/",
        "queue, later page (offset 2000)": "/?offset=2000",
        f"queue, FEIN search {fein}": f"/?q={fein}",
        "queue, organization search": "/?q=Organization+1234",
        "queue, status filter incomplete": "/?status=incomplete",
        f"submission page {reference}": f"/submissions/{reference}",
    }
    worst = 0.0
    for name, path in checks.items():
        median, p95 = timed(client, path, args.rounds)
        worst = max(worst, p95)
        print(f"{name:45s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    image = re.search(r'src="(/documents/\d+/pages/1\.png)"',
                      client.get("/submissions/FC-2026-000006-0").text)  # the demo's Stage II
    if image:
        began = time.perf_counter()
        client.get(image.group(1)).raise_for_status()
        first = (time.perf_counter() - began) * 1000
        median, _p95 = timed(client, image.group(1), args.rounds)
        print(f"{'page image: first drawing / from memory':45s} {first:6.1f} ms / "
              f"{median:6.1f} ms")
    console.server.stop()
    app.close()
    print(f"worst p95 {worst:.1f} ms: {'within' if worst < 200 else 'OVER'} the 200 ms target")
    return 0 if worst < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
