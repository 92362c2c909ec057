"""``rpa-intake forms blank --out DIR``: the agency's blank fillable forms, PDF and DOCX."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from intake.app import App
from intake.cli_support import writable_dir


def register(commands: Any) -> None:
    parser = commands.add_parser("forms", help="the agency's blank forms")
    actions = parser.add_subparsers(dest="action", required=True)
    blank = actions.add_parser("blank", help="write blank fillable PDF and DOCX forms")
    blank.add_argument("--out", required=True, type=Path, help="output directory")
    blank.set_defaults(handler=run_blank)


def run_blank(app: App, args: argparse.Namespace) -> int:
    out = writable_dir(args.out)
    from formgen.blank import write_blank_forms

    for path in write_blank_forms(app.context.definitions, out):
        print(path)
    return 0
