"""Logging: plain or JSON lines on stderr. Log calls never carry form values or secrets:
messages name records by id and reference only."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry)


def setup_logging(fmt: str = "plain", level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("pdfminer", "pypdf", "PIL", "alembic", "imapclient", "mail-parser",
                  "mailparser", "fontTools", "aiosmtpd", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
