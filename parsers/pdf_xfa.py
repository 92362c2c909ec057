"""XFA-only forms: the values live in the datasets packet (its xfa:data part), not in the
AcroForm fields; read with a recovering parser, since real packets carry a bare '&'."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, StreamObject

from parsers.model import RawField

MAX_XFA_BYTES = 20 * 1024 * 1024
XFA_DATA = "{http://www.xfa.org/schema/xfa-data/1.0/}data"
_BARE_AMPERSAND = re.compile(rb"&(?!#?[A-Za-z0-9]+;)")
XFA_DATASETS = "{http://www.xfa.org/schema/xfa-data/1.0/}datasets"


def xfa_fields(reader: PdfReader, max_fields: int = 5000) -> list[RawField]:
    """Filled leaves of the form data (name = dotted element path below xfa:data, label =
    the element's own name); [] when there is no XFA."""
    data = _data_root(_datasets(reader))
    if data is None:
        return []
    fields = []
    for node in data.iter():
        if not isinstance(node.tag, str) or len(node) or not (node.text or "").strip() or \
                node.get("contentType", "").startswith("image/"):  # a picture, base64
            continue
        path = [etree.QName(item).localname for item in (node, *node.iterancestors())
                if isinstance(item.tag, str)]
        name = ".".join(reversed(path[: path.index("data")] if "data" in path else path))
        fields.append(RawField(name=name, label=etree.QName(node).localname,
                               value=node.text.strip(), source="xfa"))
        if len(fields) >= max_fields:
            break
    return fields


def _data_root(packet: bytes) -> Any:
    """The xfa:data element; the whole packet when a producer left it out. Lists of values
    shipped beside it (thousands of city names) are not answers."""
    if not packet.strip():
        return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             huge_tree=False)
    try:  # a bare '&' would be dropped by the recovering parser, with its meaning
        root = etree.fromstring(_BARE_AMPERSAND.sub(b"&amp;", packet), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    if root.tag != XFA_DATASETS:
        root = next(root.iter(XFA_DATASETS), root)  # a whole XDP in one stream
    return next(root.iter(XFA_DATA), root)


def _datasets(reader: PdfReader) -> bytes:
    """The datasets packet of /XFA: an array of (name, stream) pairs, or one XDP stream."""
    root: Any = reader.trailer["/Root"]
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    xfa: Any = form.get("/XFA") if form is not None else None
    xfa = xfa.get_object() if xfa is not None else None
    if isinstance(xfa, StreamObject):
        return bytes(xfa.get_data())[:MAX_XFA_BYTES]
    if not isinstance(xfa, ArrayObject):
        return b""
    items = list(xfa)
    for index in range(0, len(items) - 1, 2):
        if str(items[index]) == "datasets":
            return bytes(items[index + 1].get_object().get_data())[:MAX_XFA_BYTES]
    return b""
