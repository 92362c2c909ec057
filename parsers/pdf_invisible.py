"""Searchable scans: a page image with the scanner's OCR text laid over it invisibly (text
render mode 3). That text is a guess of the scanner's, set word by word and turned with
the tilt of the page; the page is read as the scan it is (pdf_ocr), like any other."""

from __future__ import annotations

from typing import Any

from pypdf.generic import ContentStream

MAX_OPERATIONS = 200_000  # a page's content stream past this is not looked into
_SHOW = {b"Tj", b"TJ", b"'", b'"'}


def invisible_text_only(page: Any) -> bool:
    """Does the page draw an image and show text only in render mode 3 (invisible)?"""
    try:
        if not _has_image(page):
            return False
        contents = page.get_contents()
        if contents is None:
            return False
        operations = ContentStream(contents, page.pdf).operations
        return len(operations) <= MAX_OPERATIONS and _shows_only_invisible(operations)
    except Exception:  # pypdf raises many kinds on odd content streams and operands
        return False


def _shows_only_invisible(operations: list[tuple[Any, bytes]]) -> bool:
    mode, shown = 0, False
    for operands, operator in operations:
        if operator == b"Tr" and operands:
            mode = int(operands[0])  # a hostile operand raises: the page is no scan
        elif operator in _SHOW:
            if mode != 3:
                return False
            shown = True
    return shown


def _has_image(page: Any) -> bool:
    resources = page.get("/Resources") or {}
    objects = resources.get("/XObject") or {}
    return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects)
