"""Rendering: Jinja2 templates (files an administrator can edit) → subject, text and HTML.
HTML templates are autoescaped; the text ones are not (they are never HTML)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from notifier.labels import form_label
from notifier.views import AckView
from parsers.headers import sanitize_header

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
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
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html.j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["wrap"] = wrap
    env.filters["paragraphs"] = paragraphs
    env.filters["form_label"] = form_label
    return env


def wrap(text: str, width: int = 76, first: str = "", rest: str | None = None) -> str:
    """Plain text re-wrapped paragraph by paragraph (blank lines separate paragraphs), so
    that template files can be edited freely. Words are never split, nor are references at
    their hyphens."""
    indent = first if rest is None else rest
    filled = [textwrap.fill(" ".join(block.split()), width, initial_indent=first,
                            subsequent_indent=indent, break_long_words=False,
                            break_on_hyphens=False)
              for block in _blocks(text)]
    return "\n\n".join(filled)


def paragraphs(text: str) -> Markup:
    """Plain text as HTML paragraphs, escaped."""
    return Markup("\n").join(Markup("<p>%s</p>") % escape(" ".join(block.split()))
                             for block in _blocks(text))


def _blocks(text: str) -> list[str]:
    return [block for block in _PARAGRAPH_BREAK.split(str(text)) if block.strip()]


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
