"""Page layout: a form typed into an e-mail and printed keeps the mail's header block
("From: ...", "Sent: ...", "To: ...", "Subject: ..."). Those lines are the message's,
not the form's: their "Date:" is when it was sent, not the date signed. Dropped before
labels are paired."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.layout_words import Word, join

_HEADER = re.compile(r"^(from|sent|date|to|cc|bcc|subject|reply-to|importance|attachments)"
                     r"\s*:", re.IGNORECASE)
_NEEDED = frozenset({"from", "subject"})  # a mail's header block always names both


def without_mail_headers(lines: Sequence[list[Word]]) -> list[list[Word]]:
    """The lines without each run of three or more consecutive mail header lines that
    has a From and a Subject."""
    kept: list[list[Word]] = []
    run: list[list[Word]] = []
    names: set[str] = set()
    for line in [*lines, []]:
        found = _HEADER.match(join(line)) if line else None
        if found:
            run.append(line)
            names.add(found.group(1).lower())
            continue
        if len(run) < 3 or not names >= _NEEDED:
            kept += run
        run, names = [], set()
        if line:
            kept.append(line)
    return kept
