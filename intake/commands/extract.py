"""``rpa-intake extract FILE... --json``: classify and extract documents offline."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake.app import App
from intake.cli_support import print_table


def register(commands: Any) -> None:
    parser = commands.add_parser("extract", help="extract form fields from PDF, DOCX or .eml")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the SPEC JSON shape")
    parser.set_defaults(handler=run)


def run(app: App, args: argparse.Namespace) -> int:
    from parsers.extract import extract_json

    ctx = app.context
    today = datetime.now(UTC).date()
    results, failed = [], False
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as err:
            print(f"rpa-intake: cannot read {path}: {err.strerror}", file=sys.stderr)
            failed = True
            continue
        results.append(extract_json(path.name, data, ctx.definitions, limits=ctx.limits,
                                    today=today))
    if args.json:
        payload: Any = results[0] if len(results) == 1 else results
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        _print_summary(results)
    return 2 if failed else 0


def _print_summary(results: list[dict[str, Any]]) -> None:
    rows = []
    for result in results:
        for document in result["documents"]:
            rows.append((result["file"], document.get("filename", ""), document["form_type"],
                         document["method"], len(document["fields"]),
                         len(document["problems"])))
    print_table("Extracted documents", ("file", "attachment", "form type", "method",
                                        "fields", "problems"), rows)
