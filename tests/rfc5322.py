"""A strict reading of RFC 5322 §3.6.4 for the tests: a threading header is one or more
msg-ids separated by folding white space, and nothing else (no encoded words)."""

from __future__ import annotations

import re

ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
DOT_ATOM = rf"{ATEXT}+(?:\.{ATEXT}+)*"
MSG_ID = rf"<{DOT_ATOM}@(?:{DOT_ATOM}|\[[\x21-\x5a\x5e-\x7e]*\])>"
STRICT_IDS = re.compile(rf"^ ?{MSG_ID}(?:(?:\r\n)?[ \t]+{MSG_ID})*$")


def raw_header(raw: bytes, name: str) -> str | None:
    """A header's value exactly as written, continuation lines included."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    found = re.search(rf"^{name}:([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", head,
                      re.MULTILINE | re.IGNORECASE)
    return found.group(1) if found else None


def ids_of(value: str) -> list[str]:
    return re.findall(r"<([^<>]+)>", value)
