"""A filed document's bytes, its pages as PNG images, and where an extracted value sits on
a page. The bytes come from the stored raw message (the registry keeps no second copy);
PDF pages are drawn by PDFium with their form fields, and a value is found in a widget
holding it or, for printed forms, in the page's words (pdfplumber)."""

from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import pdfplumber
import pypdfium2

from parsers.limits import LimitExceededError, Limits
from parsers.mime import NotAnEmailError, parse_email

SCALE = 1.5  # 108 dpi: readable on a laptop without a huge image
MAX_RENDER_PAGES = 50
_LOCK = threading.Lock()  # PDFium is not thread-safe


class DocumentUnavailableError(Exception):
    """The document's bytes are gone (retention) or cannot be read."""


@dataclass(frozen=True, slots=True)
class Box:
    """Where a value sits: page number (1-based) and the box in fractions of the page."""

    page: int
    left: float
    top: float
    width: float
    height: float


def attachment_bytes(raw: bytes | None, sha256: str, limits: Limits) -> bytes:
    if raw is None:
        raise DocumentUnavailableError("the message's bytes were removed by retention")
    try:
        email = parse_email(raw, limits)
    except (NotAnEmailError, LimitExceededError) as err:
        raise DocumentUnavailableError("the stored message cannot be read") from err
    for item in email.attachments:
        if item.sha256 == sha256:
            return item.data
    raise DocumentUnavailableError("the document is not in its stored message")


def message_text(raw: bytes | None, limits: Limits, limit: int = 20_000) -> str:
    """The text of a stored message (what the sender wrote), or why it cannot be shown."""
    if raw is None:
        return "(the message's bytes were removed by retention)"
    try:
        return parse_email(raw, limits).body_text[:limit]
    except (NotAnEmailError, LimitExceededError):
        return "(the stored message cannot be read)"


def page_count(data: bytes) -> int:
    with _LOCK:
        pdf = pypdfium2.PdfDocument(data)
        try:
            return min(len(pdf), MAX_RENDER_PAGES)
        finally:
            pdf.close()


def render_page(data: bytes, number: int) -> bytes:
    """Page ``number`` (1-based) as PNG, with the fillable form's values drawn in."""
    with _LOCK:
        pdf = pypdfium2.PdfDocument(data)
        try:
            pdf.init_forms()
            if not 1 <= number <= min(len(pdf), MAX_RENDER_PAGES):
                raise DocumentUnavailableError(f"no page {number}")
            image = pdf[number - 1].render(scale=SCALE, may_draw_forms=True).to_pil()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def find_value(data: bytes, raw_value: str) -> Box | None:
    """The first place the value shows: a form widget holding it, else the page's text."""
    wanted = _squash(raw_value)
    if not wanted:
        return None
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages[:MAX_RENDER_PAGES], start=1):
                found = _in_widgets(page, wanted) or _in_text(page, raw_value)
                if found is not None:
                    return _box(page, number, found)
    except Exception:  # a page we cannot read has no spot to show; the value stands
        return None
    return None


def spot_box(data: bytes, spot: dict[str, object]) -> Box | None:
    """Where the reader found the value (``extracted_fields.spot``: page, box in points from
    the top left) as a box on the page image; None when the page is not there."""
    try:
        number = int(spot["page"])  # type: ignore[call-overload]
        found = tuple(float(item) for item in spot["box"])  # type: ignore[attr-defined]
        with _LOCK:
            pdf = pypdfium2.PdfDocument(data)
            try:
                width, height = pdf[number - 1].get_size()
            finally:
                pdf.close()
    except Exception:  # a spot we cannot place: none is shown, the value stands
        return None
    return _fractions(number, float(width), float(height), found)  # type: ignore[arg-type]


def _in_widgets(page: object, wanted: str) -> tuple[float, float, float, float] | None:
    for annot in getattr(page, "annots", []) or []:
        value = (annot.get("data") or {}).get("V")
        text = value.decode("latin-1", "replace") if isinstance(value, bytes) else str(value or "")
        text = text.lstrip("/")  # a checkbox or choice state is a PDF name
        if text and _squash(text) == wanted:
            return annot["x0"], annot["top"], annot["x1"], annot["bottom"]
    return None


def _in_text(page: object, raw_value: str) -> tuple[float, float, float, float] | None:
    phrase = " ".join(raw_value.split())[:200]
    try:
        hits = page.search(phrase, regex=False, case=False)  # type: ignore[attr-defined]
    except Exception:
        return None
    if not hits:
        return None
    hit = hits[0]
    return hit["x0"], hit["top"], hit["x1"], hit["bottom"]


def _box(page: object, number: int, found: tuple[float, float, float, float]) -> Box:
    return _fractions(number, float(page.width), float(page.height),  # type: ignore[attr-defined]
                      found)


def _fractions(number: int, width: float, height: float,
               found: tuple[float, float, float, float]) -> Box:
    x0, top, x1, bottom = (float(item) for item in found)
    pad = 2.0
    return Box(number, max(x0 - pad, 0) / width, max(top - pad, 0) / height,
               (x1 - x0 + 2 * pad) / width, (bottom - top + 2 * pad) / height)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


class PageCache:
    """Rendered pages by (document sha256, page), least recently used out first."""

    def __init__(self, size: int) -> None:
        self.size, self._items = max(size, 1), OrderedDict[tuple[str, int], bytes]()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int]) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[str, int], png: bytes) -> None:
        with self._lock:
            self._items[key] = png
            while len(self._items) > self.size:
                self._items.popitem(last=False)
