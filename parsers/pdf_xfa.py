"""XFA-only forms: the values live in the datasets packet, not in AcroForm fields."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from parsers.model import RawField

MAX_XFA_BYTES = 20 * 1024 * 1024


def xfa_fields(reader: PdfReader) -> list[RawField]:
    """Leaves of the XFA datasets (name = element path), [] when there is no XFA."""
    packet = _datasets(reader)
    if not packet:
        return []
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(packet, parser)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    fields = []
    for node in root.iter():
        if not isinstance(node.tag, str) or len(node) or not (node.text or "").strip():
            continue
        path = ".".join(etree.QName(item).localname for item in
                        reversed([node, *node.iterancestors()]) if isinstance(item.tag, str))
        fields.append(RawField(name=path, label=etree.QName(node).localname,
                               value=node.text.strip(), source="xfa"))
    return fields


def _datasets(reader: PdfReader) -> bytes:
    root: Any = reader.trailer["/Root"]
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    xfa: Any = form.get("/XFA") if form is not None else None
    xfa = xfa.get_object() if xfa is not None else None
    if not isinstance(xfa, ArrayObject):
        return b""
    items = list(xfa)
    for index in range(0, len(items) - 1, 2):
        if str(items[index]) == "datasets":
            return bytes(items[index + 1].get_object().get_data())[:MAX_XFA_BYTES]
    return b""
