"""Rendering: Jinja2 templates (files an administrator can edit) → subject, text and HTML.
HTML templates are autoescaped; the text ones are not (they are never HTML)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from notifier.views import AckView
from parsers.headers import sanitize_header

BUNDLED = Path(__file__).resolve().parent / "templates"
SUBJECTS = {
    "complete": "Received: {form}{org}",
    "incomplete": "Action needed: {form}{org}",
    "needs_review": "Received, under review: {form}{org}",
    "duplicate": "Already received: {form}{org}",
    "no_form": "Received: your email to MassHealth RPA Functional Coordination",
    "unreadable": "We could not read your attachment",
}


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    html: str


@lru_cache(maxsize=8)
def environment(templates_dir: str = "") -> Environment:
    """Templates from ``templates_dir`` first, the bundled ones for anything missing."""
    loaders = [FileSystemLoader(templates_dir)] if templates_dir else []
    loaders.append(FileSystemLoader(str(BUNDLED)))
    return Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html.j2"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render_pair(name: str, context: dict[str, Any], *, templates_dir: str = "") -> tuple[str, str]:
    env = environment(templates_dir)
    text = env.get_template(f"{name}.txt.j2").render(**context)
    html = env.get_template(f"{name}.html.j2").render(**context)
    return text, html


def render_acknowledgment(view: AckView, *, templates_dir: str = "") -> Rendered:
    text, html = render_pair(f"ack_{view.status}", {"ack": view}, templates_dir=templates_dir)
    org = f" — {view.organization}" if view.organization else ""
    subject = SUBJECTS.get(view.status, SUBJECTS["complete"]).format(form=view.form_title,
                                                                      org=org)
    return Rendered(sanitize_header(f"[{view.reference}] {subject}", 900), text, html)
