"""The work queue: what waits for a coordinator, oldest first, filtered and searched."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake.clock import utcnow
from notifier.labels import FORM_LABELS, STATUS_LABELS, waiting_for
from registry.console_queries import PAGE_SIZE, QUEUE_STATUSES, QueueFilter, queue
from registry.models import Submission
from web.auth import require_viewer
from web.responses import render


def queue_page(request: Request) -> Response:
    viewer = require_viewer(request)
    params = request.query_params
    wanted = QueueFilter(search=params.get("q", "")[:200], status=params.get("status", ""),
                         form_type=params.get("form", ""), offset=_int(params.get("offset")))
    now = utcnow()
    with request.app.state.sessions() as session:
        rows, total = queue(session, wanted)
        items = [_item(row, now) for row in rows]
    return render(request, "queue.html", viewer=viewer, items=items, total=total,
                  wanted=wanted, statuses=QUEUE_STATUSES, status_labels=STATUS_LABELS,
                  forms=FORM_LABELS, page_size=PAGE_SIZE)


def _item(submission: Submission, now: datetime) -> dict[str, object]:
    problems = [p for p in submission.problems if p.severity in {"error", "review"}]
    return {
        "reference": submission.reference, "status": submission.status,
        "form_type": submission.form_type, "inquiry": submission.inquiry,
        "organization": submission.organization.legal_name if submission.organization else "",
        "sender": submission.sender, "subject": submission.subject,
        "received_at": submission.received_at,
        "waiting": waiting_for(now, submission.received_at),
        "problems": [p.message for p in problems][:3],
        "more_problems": max(len(problems) - 3, 0),
    }


def _int(value: str | None) -> int:
    try:
        return max(int(value or 0), 0)
    except ValueError:
        return 0


ROUTES = [Route("/", queue_page, methods=["GET"])]
