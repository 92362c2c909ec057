"""PDF reader, the first page's text for classification of a fillable form: the strings its
content stream shows, read straight from the stream when every font is a plain one-byte
font. A form's title and code need no glyph positions, and pypdf's full text extraction
costs more than the whole field walk. Anything unusual (composite or re-encoded fonts, form
XObjects, inline images) gives None and the caller uses pypdf."""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(rb"""
    \((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)   # a literal string (one level of nesting)
  | <[0-9A-Fa-f\s]*>                            # a hex string
  | \[ | \]
  | /[^\s/\[\]()<>{}%]+                         # a name
  | [-+]?(?:\d+\.?\d*|\.\d+)                    # a number
  | [A-Za-z'"*]+                                # an operator
""", re.VERBOSE | re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f",
            b"(": b"(", b")": b")", b"\\": b"\\"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|\n|\r|.)", re.DOTALL)
_SIMPLE_ENCODINGS = {"/WinAnsiEncoding", "/StandardEncoding", "/MacRomanEncoding"}
_WORD_GAP = -250  # a TJ offset (thousandths of an em) this far left is a space
_MAX_STREAM = 2_000_000
_TEXT_OBJECT = re.compile(rb"\bBT\b.*?\bET\b", re.DOTALL)
_OUTSIDE_TEXT = re.compile(rb"\bDo\b|\bBI\b")  # form XObjects and inline images


def quick_page_text(page: Any) -> str | None:
    """The strings shown on ``page``, a line per text line; None when the stream needs a
    real text extractor."""
    fonts = _fonts(page)
    if fonts is None:
        return None
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    if not data or len(data) > _MAX_STREAM or _OUTSIDE_TEXT.search(data):
        return None
    # Only text objects hold text: skipping the drawing between them halves the work.
    return _shown_text(b"\n".join(_TEXT_OBJECT.findall(data)), fonts)


def _fonts(page: Any) -> set[str] | None:
    """The names of the page's fonts, or None when one of them is not a plain font."""
    try:
        fonts = page["/Resources"]["/Font"]
        names = set()
        for name, font in fonts.items():
            if not _plain(font.get_object()):
                return None
            names.add(str(name))
        return names
    except (KeyError, TypeError, AttributeError):
        return None


def _plain(font: Any) -> bool:
    """A one-byte font whose codes are Latin text as they stand (no subset renumbering)."""
    encoding = font.get("/Encoding")
    return (font.get("/Subtype") in ("/Type1", "/TrueType") and "/ToUnicode" not in font
            and "+" not in str(font.get("/BaseFont", ""))
            and (encoding is None or str(encoding) in _SIMPLE_ENCODINGS))


def _shown_text(data: bytes, fonts: set[str]) -> str | None:
    lines: list[str] = []
    line: list[str] = []
    operands: list[bytes] = []
    array: list[bytes] | None = None
    y: float | None = None
    for match in _TOKEN.finditer(data):
        token = match.group()
        if token == b"[":
            array = []
        elif token == b"]":
            operands.append(b"[" + b"\x00".join(array or []))
            array = None
        elif array is not None:
            array.append(token)
        elif token[:1].isalpha() or token in (b"'", b'"'):
            operator = token.decode("ascii")
            if operator == "Tf" and not _known_font(operands, fonts):
                return None
            moved, y = _moves(operator, operands, y)
            if moved and line:
                lines.append("".join(line))
                line = []
            line.append(_shown(operator, operands))
            operands = []
        else:
            operands.append(token)
    lines.append("".join(line))
    return "\n".join(text for text in (" ".join(item.split()) for item in lines) if text)


def _known_font(operands: list[bytes], fonts: set[str]) -> bool:
    return len(operands) >= 2 and operands[-2].decode("latin-1") in fonts


def _moves(operator: str, operands: list[bytes], y: float | None) -> tuple[bool, float | None]:
    """Whether the operator starts a new text line, and the current line's y."""
    try:
        if operator == "Tm" and len(operands) >= 6:
            new = float(operands[-1])
            return y is None or abs(new - y) > 1, new
        if operator in ("Td", "TD") and len(operands) >= 2:
            return abs(float(operands[-1])) > 1, y
    except ValueError:
        return True, y
    return operator in ("T*", "'", '"'), y


def _shown(operator: str, operands: list[bytes]) -> str:
    if operator in ("Tj", "'", '"') and operands:
        return _string(operands[-1])
    if operator == "TJ" and operands and operands[-1].startswith(b"["):
        parts = []
        for item in operands[-1][1:].split(b"\x00"):
            if item[:1] in (b"(", b"<"):
                parts.append(_string(item))
            elif item and _number(item) < _WORD_GAP:
                parts.append(" ")
        return "".join(parts)
    return ""


def _number(token: bytes) -> float:
    try:
        return float(token)
    except ValueError:
        return 0.0


def _string(token: bytes) -> str:
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    else:
        raw = _ESCAPE.sub(_unescape, token[1:-1])
    return raw.decode("cp1252", "replace")


def _unescape(match: re.Match[bytes]) -> bytes:
    escaped = match.group(1)
    if escaped[:1].isdigit():
        return bytes([int(escaped, 8) & 0xFF])
    if escaped in (b"\r\n", b"\n", b"\r"):
        return b""
    return _ESCAPES.get(escaped, escaped)


def appearance_strings(data: bytes) -> str:
    """The strings a small appearance stream (a form field's) shows, one line each; fonts
    are not checked, so the caller judges whether the result reads as text."""
    if len(data) > _MAX_STREAM:
        return ""
    shown = [_shown(match.group(2).decode("ascii"), [match.group(1)])
             for match in _SHOW.finditer(data)]
    return "\n".join(text.strip() for text in shown if text.strip())


_SHOW = re.compile(rb"(\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>)\s*(Tj|')")
