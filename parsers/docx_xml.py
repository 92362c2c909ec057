"""WordprocessingML as the DOCX readers see it: the namespaces, defined once, and a node's
text as Word shows it (a line break as a newline, a tab as a tab)."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "w14": W14}


# Characters Word keeps as elements of a run, as the text it shows: a non-breaking hyphen
# (typed Ctrl+Shift+-, and Word's autocorrect in codes and dates) shows as "-", an optional
# hyphen only at a line's end, so never inside a value.
SHOWN_AS = {f"{{{W}}}noBreakHyphen": "-", f"{{{W}}}softHyphen": ""}


def shown_characters(root: etree._Element) -> etree._Element:
    """Each character element of ``SHOWN_AS`` turned into the ``w:t`` it shows, in place,
    so every reader of runs sees "83-2394656" and not "832394656"."""
    for item in list(root.iter(*SHOWN_AS)):
        text = etree.Element(f"{{{W}}}t")
        text.text = SHOWN_AS[item.tag]
        item.getparent().replace(item, text)  # type: ignore[union-attr]
    return root


def node_text(node: etree._Element, paragraphs: list[etree._Element] | None = None) -> str:
    """Paragraph texts joined by newlines, a line break as a newline, a tab as a tab."""
    if paragraphs is None:
        paragraphs = list(node.iter(f"{{{W}}}p")) or [node]  # inline controls: only runs
    return "\n".join(_runs_text(paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"))
                     for paragraph in paragraphs)


def own_text(paragraph: etree._Element) -> str:
    """A paragraph's text without the text boxes anchored in it (read on their own)."""
    if not holds_text_box(paragraph):
        return node_text(paragraph)
    return _runs_text(item for item in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br")
                      if next(item.iterancestors(f"{{{W}}}p"), None) is paragraph)


def holds_text_box(paragraph: etree._Element) -> bool:
    """The paragraph a text box is anchored in: its own text is read, then the box's
    paragraphs one by one, in document order."""
    return paragraph.find(f".//{{{W}}}p") is not None


def val(node: etree._Element, path: str) -> str:
    """The ``w:val`` of the element at ``path`` under ``node``, "" when there is none."""
    found = node.find(path, NS)
    return (found.get(f"{{{W}}}val") or "").strip() if found is not None else ""


def _runs_text(items: Iterable[etree._Element]) -> str:
    return "".join(item.text or "" if item.tag == f"{{{W}}}t" else
                   "\n" if item.tag == f"{{{W}}}br" else "\t" for item in items)
