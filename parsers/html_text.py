"""HTML bodies as plain text (for messages with no text/plain part)."""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.etree import ParserError


def html_to_text(markup: str) -> str:
    try:
        tree = lxml_html.fromstring(markup)
    except (ParserError, ValueError):
        return ""
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())
