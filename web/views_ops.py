"""Operations pages: quarantine (retry, discard; tracebacks for admins), the outbox (retry
now), the digest as it would go out tomorrow, and mailbox health."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake.cli import UsageError
from intake.clock import utcnow
from intake.health import health_status
from intake.quarantine_ops import discard, list_entries, retry
from notifier.digest import build_digest, digest_day, render_digest, send_time
from notifier.outbox_ops import OutboxError, retry_now
from registry.db import transaction
from registry.models import MailboxState, OutboxMessage
from web.auth import check_csrf, require_decider, require_viewer
from web.responses import flash, redirect, render

OUTBOX_PAGE = 200


def quarantine_page(request: Request) -> Response:
    viewer = require_viewer(request)
    with request.app.state.sessions() as session:
        entries = list_entries(session, include_resolved=request.query_params.get("all") == "1")
        return render(request, "quarantine.html", viewer=viewer, entries=entries)


async def quarantine_action(request: Request) -> Response:
    viewer = require_decider(request)
    await check_csrf(request)
    entry_id, action = int(request.path_params["entry_id"]), request.path_params["action"]
    if action not in {"retry", "discard"}:
        raise HTTPException(404, "No such action.")
    app = request.app.state.app

    def work() -> str:
        if action == "retry":
            outcome = retry(app.sessions, entry_id, app.context, now=utcnow())
            return f"Entry {entry_id}: {outcome.status} {outcome.reference or ''}".strip()
        discard(app.sessions, entry_id, now=utcnow())
        return f"Entry {entry_id} discarded by {viewer.name}."

    try:
        flash(request, await run_in_threadpool(work))
    except UsageError as err:
        flash(request, str(err), "error")
    return redirect("/operations/quarantine")


def outbox_page(request: Request) -> Response:
    viewer = require_viewer(request)
    status = request.query_params.get("status", "")
    with request.app.state.sessions() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(OUTBOX_PAGE)
        if status:
            query = query.where(OutboxMessage.status == status)
        rows = session.scalars(query).all()
        return render(request, "outbox.html", viewer=viewer, rows=rows, wanted=status)


async def outbox_retry(request: Request) -> Response:
    viewer = require_decider(request)
    await check_csrf(request)
    row_id = int(request.path_params["row_id"])
    try:
        with transaction(request.app.state.sessions) as session:
            retry_now(session, row_id, now=utcnow(), actor=viewer.name)
        flash(request, f"Message {row_id} goes out with the next flush.")
    except OutboxError as err:
        flash(request, str(err), "error")
    return redirect("/operations/outbox")


def digest_page(request: Request) -> Response:
    viewer = require_viewer(request)
    settings = request.app.state.app.settings
    tz, now = ZoneInfo(settings.digest.timezone), utcnow()
    day = digest_day(now, tz) + timedelta(days=1)
    with request.app.state.sessions() as session:
        data = build_digest(session, day=day, tz=tz, now=now, send_at=send_time(settings))
    subject, text, _html = render_digest(data, templates_dir=settings.acknowledgment.templates_dir)
    return render(request, "digest.html", viewer=viewer, subject=subject, text=text, day=day,
                  recipients=settings.digest.recipients)


def health_page(request: Request) -> Response:
    viewer = require_viewer(request)
    settings = request.app.state.app.settings
    with request.app.state.sessions() as session:
        health = health_status(session, now=utcnow(), settings=settings)
        states: Any = session.scalars(select(MailboxState).order_by(MailboxState.mailbox)).all()
        return render(request, "health.html", viewer=viewer, health=health, states=states)


ROUTES = [
    Route("/operations/quarantine", quarantine_page, methods=["GET"]),
    Route("/operations/quarantine/{entry_id:int}/{action:str}", quarantine_action,
          methods=["POST"]),
    Route("/operations/outbox", outbox_page, methods=["GET"]),
    Route("/operations/outbox/{row_id:int}/retry", outbox_retry, methods=["POST"]),
    Route("/operations/digest", digest_page, methods=["GET"]),
    Route("/operations/health", health_page, methods=["GET"]),
]
