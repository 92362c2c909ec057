"""Header values from untrusted mail: decoded, stripped of CR/LF and control characters.

This machine's CPython 3.11.7 lets CR/LF through in some header paths, so nothing here
relies on the email package to refuse them.
"""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from email.utils import getaddresses

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_ADDR_SPEC = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


def sanitize_header(value: str, max_len: int = 998, *, decode: bool = False) -> str:
    """One safe line: encoded words decoded (when asked), control characters (CR and LF
    included) turned into spaces, whitespace collapsed, truncated to ``max_len``."""
    text = str(value or "")
    if decode:
        text = decode_words(text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:max_len]


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; on malformed input, the text as it is."""
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError):
        return value


def parse_address(value: str) -> tuple[str, str]:
    """``"Name <a@b.org>"`` → (display name, lower-cased addr-spec); addr "" when invalid."""
    pairs = getaddresses([sanitize_header(value, 2000)])
    if not pairs:
        return "", ""
    name, address = pairs[0]
    address = address.strip().lower()
    if not _ADDR_SPEC.match(address) or len(address) > 320:
        address = ""
    return sanitize_header(name, 300, decode=True), address


def message_id_of(value: str) -> str:
    """The first Message-ID in a header value, without angle brackets ("" if none)."""
    text = sanitize_header(value, 2000)
    found = _MESSAGE_ID.search(text)
    if found:
        return found.group(1)[:900]
    token = text.strip().strip("<>")
    return token[:900] if token and " " not in token else ""


def split_references(value: str) -> tuple[str, ...]:
    """Every Message-ID in a References header, in order, without angle brackets."""
    return tuple(item[:900] for item in _MESSAGE_ID.findall(sanitize_header(value, 20000)))
