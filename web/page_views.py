"""What the submission page shows of each document: its pages (image URLs, with the spot
of the chosen field) or, for Word documents, its text; and the page image route."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from typing import Any

from sqlalchemy.orm import object_session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from parsers.limits import Limits
from registry.models import Document, RawMessage
from web.auth import require_viewer
from web.documents import (
    Box,
    DocumentUnavailableError,
    attachment_bytes,
    find_value,
    message_text,
    page_count,
    render_page,
    spot_box,
)

_KEEP = 16  # documents' bytes kept in memory (the page being read, and its neighbours)


class _Memo:
    """Small per-process memories: bytes, page counts and found spots by document hash."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.data: OrderedDict[str, bytes] = OrderedDict()
        self.pages: dict[str, int] = {}
        self.spots: dict[tuple[str, str], Box | None] = {}
        self.texts: OrderedDict[int, str] = OrderedDict()


MEMO = _Memo()


def document_view(request: Request, row: Document, chosen: int | None,
                  limits: Limits) -> dict[str, Any]:
    view: dict[str, Any] = {"row": row, "pages": [], "text": [], "error": "", "box": None}
    try:
        data = _bytes(row, limits)
    except DocumentUnavailableError as err:
        view["error"] = str(err)
        return view
    field = next((item for item in row.fields if item.id == chosen), None)
    if row.kind == "pdf":
        view["pages"] = list(range(1, _pages(row.sha256, data) + 1))
        if field is not None:
            view["box"] = spot_box(data, field.spot) if field.spot else \
                _spot(row.sha256, data, field.raw_value)  # filed before spots were kept
    elif row.kind == "docx":
        view["text"] = _docx_lines(data, field.raw_value if field else "")
    return view


def sender_text(message: RawMessage, limits: Limits) -> str:
    """What the sender wrote (parsed once per message, then kept; the bytes never change)."""
    with MEMO.lock:
        found = MEMO.texts.get(message.id)
    if found is None:
        found = message_text(message.raw, limits)
        with MEMO.lock:
            MEMO.texts[message.id] = found
            while len(MEMO.texts) > 256:
                MEMO.texts.popitem(last=False)
    return found


def page_image(request: Request) -> Response:
    require_viewer(request)
    document_id, number = request.path_params["document_id"], request.path_params["number"]
    cache = request.app.state.pages
    limits = request.app.state.app.context.limits
    with request.app.state.sessions() as session:
        row = session.get(Document, document_id)
        if row is None or row.kind != "pdf":
            raise HTTPException(404, "No such page.")
        key = (row.sha256, number)
        png = cache.get(key)
        if png is None:
            try:
                png = render_page(_bytes(row, limits), number)
            except DocumentUnavailableError as err:
                raise HTTPException(404, str(err)) from err
            cache.put(key, png)
    return Response(png, media_type="image/png",
                    headers={"cache-control": "private, max-age=3600"})


def _bytes(row: Document, limits: Limits) -> bytes:
    with MEMO.lock:
        found = MEMO.data.get(row.sha256)
        if found is not None:
            MEMO.data.move_to_end(row.sha256)
            return found
    session = object_session(row)
    message = session.get(RawMessage, row.raw_message_id) if session else None
    data = attachment_bytes(message.raw if message else None, row.sha256, limits)
    with MEMO.lock:
        MEMO.data[row.sha256] = data
        while len(MEMO.data) > _KEEP:
            MEMO.data.popitem(last=False)
    return data


def _pages(sha256: str, data: bytes) -> int:
    if sha256 not in MEMO.pages:
        try:
            MEMO.pages[sha256] = page_count(data)
        except Exception:  # PDFium refuses it: no pages to show, the fields still stand
            MEMO.pages[sha256] = 0
    return MEMO.pages[sha256]


def _spot(sha256: str, data: bytes, raw_value: str) -> Box | None:
    key = (sha256, raw_value)
    if key not in MEMO.spots:
        MEMO.spots[key] = find_value(data, raw_value)
    return MEMO.spots[key]


def _docx_lines(data: bytes, wanted: str) -> list[tuple[str, bool]]:
    """The document's paragraphs and table rows, each marked when it holds the value."""
    from docx import Document as WordDocument

    try:
        word = WordDocument(io.BytesIO(data))
    except Exception:
        return [("This Word document cannot be shown.", False)]
    lines = [item.text for item in word.paragraphs if item.text.strip()]
    for table in word.tables:
        for table_row in table.rows:
            lines.append(" | ".join(dict.fromkeys(cell.text.strip() for cell in table_row.cells)))
    needle = " ".join(wanted.split()).lower()
    return [(line, bool(needle) and needle in " ".join(line.split()).lower())
            for line in lines[:2000]]


async def page_image_async(request: Request) -> Response:
    return await run_in_threadpool(page_image, request)


ROUTES = [Route("/documents/{document_id:int}/pages/{number:int}.png", page_image_async,
                methods=["GET"])]
