"""Header values from untrusted mail: parsed as they arrived, then decoded and stripped of
CR/LF and control characters.

Addresses are parsed before any RFC 2047 decoding: an encoded word may only ever become a
display name, never an address. CPython 3.11.7's ``getaddresses`` still has the parsing
issue of CVE-2023-27043, and lets CR/LF through in some header paths, so nothing here relies
on the email package to refuse them.
"""

from __future__ import annotations

import re
from email import _header_value_parser as rfc5322
from email.errors import HeaderParseError, InvalidHeaderDefect
from email.header import decode_header, make_header

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
# A dot-atom local part and a dotted host name: what mail from a person uses. Quoted local
# parts, address literals and single-label domains are refused (nobody registers bots so).
_ADDR_SPEC = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
MAX_ADDRESS_HEADER = 2000
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


def sanitize_header(value: str, max_len: int = 998, *, decode: bool = False) -> str:
    """One safe line: encoded words decoded (when asked), control characters (CR and LF
    included) turned into spaces, whitespace collapsed, truncated to ``max_len``."""
    text = str(value or "")
    if decode:  # decoding is quadratic in the number of encoded words: bound it first
        text = decode_words(text[:max(4 * max_len, 4096)])
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:max_len]


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; on malformed input, the text as it is."""
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError):
        return value


def parse_address(value: str) -> tuple[str, str]:
    """One mailbox from a header value *as it arrived* (encoded words not decoded):
    ``"Name <a@b.org>"`` → (display name, decoded and sanitized; lower-cased addr-spec).
    The address is "" unless the value holds exactly one mailbox, parsed without defects,
    whose addr-spec passes a strict check and stands in the undecoded text itself."""
    mailboxes = parse_mailboxes(value)
    if len(mailboxes) != 1:
        return "", ""
    return mailboxes[0]


def is_addr_spec(address: str) -> bool:
    """A plain ``local@host.tld`` that is safe as an SMTP envelope address and header."""
    return len(address) <= 254 and bool(_ADDR_SPEC.match(address))


def parse_mailboxes(value: str) -> list[tuple[str, str]]:
    """Every mailbox of an address-list header as it arrived; [] when the header is
    malformed, over MAX_ADDRESS_HEADER characters, or carries CR/LF outside folding."""
    text = _FOLD.sub("", str(value or ""))
    if len(text) > MAX_ADDRESS_HEADER or _CONTROL.search(text):
        return []
    try:
        parsed, rest = rfc5322.get_address_list(text)
    except (HeaderParseError, IndexError, ValueError):
        return []
    if rest.strip() or any(isinstance(item, InvalidHeaderDefect)
                           for item in parsed.all_defects):
        return []
    found = []
    for mailbox in parsed.all_mailboxes:
        address = str(mailbox.addr_spec or "").lower()
        if not is_addr_spec(address) or address not in text.lower():
            return []
        found.append((sanitize_header(mailbox.display_name or "", 300), address))
    return found


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
