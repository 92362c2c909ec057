"""One submission: its documents (pages as images, the chosen field's spot marked), the
extracted fields with source and confidence, problems, thread, decisions and audit; and the
coordinator's actions, each calling the function the CLI calls."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake.clock import utcnow
from intake.corrections import correct_field
from intake.decisions import DECIDABLE, DecisionError, approve, reject, request_info
from intake.inquiries import answer_inquiry
from notifier.labels import document_results, form_label, status_label, waiting_for
from registry.console_queries import submission_page
from registry.db import transaction
from registry.models import DECIDED, Document, ExtractedFieldRow
from web.auth import check_csrf, require_decider, require_viewer
from web.page_views import document_view, sender_text
from web.responses import flash, redirect, render

ACTIONS = {"approve", "reject", "request-info", "answer"}


def submission_view(request: Request) -> Response:
    viewer = require_viewer(request)
    reference = request.path_params["reference"]
    chosen = _int(request.query_params.get("field"))
    app = request.app.state.app
    with request.app.state.sessions() as session:
        page = submission_page(session, reference)
        if page is None:
            raise HTTPException(404, f"No submission {reference}.")
        item = page.submission
        documents = [document_view(request, row, chosen, app.context.limits)
                     for row in item.documents]
        context = {
            "page": page, "item": item, "documents": documents, "chosen": chosen,
            "form_label": form_label, "status_label": status_label,
            "field_label": _labeller(app.context.definitions),
            "waiting": waiting_for(utcnow(), item.received_at),
            "results": {row.id: document_results(row.form_type, row.facts)
                        for row in item.documents},
            "submission_problems": [p for p in item.problems if p.document_id is None],
            "decided": item.status in DECIDED,
            "decidable": item.status in DECIDABLE,
            "texts": {message.id: sender_text(message, app.context.limits)
                      for message in page.messages},
            "user_ids_requested": _requested(item.documents, item.form_type),
        }
        return render(request, "submission.html", viewer=viewer, **context)


async def correct(request: Request) -> Response:
    viewer = require_decider(request)
    form = await check_csrf(request)
    reference = request.path_params["reference"]
    field_id = int(request.path_params["field_id"])
    app = request.app.state.app

    def work() -> str:
        with transaction(app.sessions) as session:
            row = _field_of(session, reference, field_id)
            correct_field(session, row.id, form.get("value", ""), actor=viewer.name,
                          now=utcnow(), ctx=app.context)
            label = _labeller(app.context.definitions)(row.document.form_type, row.key)
            return f"Correction saved ({label}); the rules were checked again."

    return await _act(request, reference, work, f"?field={field_id}#field-{field_id}")


async def decide(request: Request) -> Response:
    viewer = require_decider(request)
    form = await check_csrf(request)
    reference = request.path_params["reference"]
    action = request.path_params["action"]
    if action not in ACTIONS:
        raise HTTPException(404, "No such action.")
    app = request.app.state.app

    def work() -> str:
        with transaction(app.sessions) as session:
            return _decision(session, action, reference, form, viewer.name, app)

    return await _act(request, reference, work, "#decision")


def _decision(session: Any, action: str, reference: str, form: dict[str, str], actor: str,
              app: Any) -> str:
    now, settings = utcnow(), app.settings
    if action == "approve":
        ids = [part for part in form.get("user_ids", "").replace(",", " ").split() if part]
        approval = approve(session, reference, actor=actor, now=now, settings=settings,
                           user_ids=ids, force=form.get("force") == "yes")
        number = f" as {approval.number}" if approval.number else ""
        return f"Approved{number}. The notice to the provider is queued."
    if action == "answer":
        answer_inquiry(session, reference, text=form.get("answer", ""), actor=actor, now=now,
                       settings=settings)
        return "Answer queued to the sender; the inquiry is closed."
    if action == "reject":
        reject(session, reference, reason=form.get("reason", ""), actor=actor, now=now,
               settings=settings)
        return "Rejected. The notice to the provider is queued."
    request_info(session, reference, message=form.get("message", ""), actor=actor, now=now,
                 settings=settings)
    return "Information requested. The notice to the provider is queued."


async def _act(request: Request, reference: str, work: Any, anchor: str) -> Response:
    try:
        message = await run_in_threadpool(work)
        flash(request, message)
    except DecisionError as err:
        flash(request, str(err), "error")
    return redirect(f"/submissions/{reference}{anchor}")


def _field_of(session: Any, reference: str, field_id: int) -> ExtractedFieldRow:
    row = session.get(ExtractedFieldRow, field_id)
    if row is None or row.document.submission.reference != reference.upper():
        raise DecisionError("That field is not part of this submission.")
    return row  # type: ignore[no-any-return]


def _labeller(definitions: Any) -> Any:
    def field_label(form_type: str, key: str) -> str:
        try:
            return str(definitions[form_type].field(key).label)
        except KeyError:
            return key.replace("_", " ")

    return field_label


def _requested(documents: list[Document], form_type: str | None) -> int | None:
    for document in documents:
        if document.form_type == form_type:
            for row in document.fields:
                if row.key == "user_ids_requested" and isinstance(row.value, int):
                    return row.value
    return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


ROUTES = [
    Route("/submissions/{reference}", submission_view, methods=["GET"]),
    Route("/submissions/{reference}/fields/{field_id:int}", correct, methods=["POST"]),
    Route("/submissions/{reference}/{action}", decide, methods=["POST"]),
]
