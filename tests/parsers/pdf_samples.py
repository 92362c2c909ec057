"""Sample PDFs for the PDF reader's tests, made here: page content with reportlab, AcroForm
fields written object by object with pypdf (nested /Kids, inherited /FT and /V, custom
on-states, UTF-16 strings), a scan as an image-only page, an encrypted copy."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

Draw = Callable[[Canvas], None]
HEIGHT = LETTER[1]


def page(*draws: Draw) -> bytes:
    """One page per drawing function."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for draw in draws:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def texts(*items: tuple[float, float, str]) -> Draw:
    """Text at (x, y from the top) in 10-point Helvetica."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for x, y, text in items:
            canvas.drawString(x, HEIGHT - y, text)
    return draw


@dataclass
class Node:
    """A field dictionary: a terminal widget when it has a rect, a parent when it has kids."""

    partial: str | bytes | None = None  # /T; bytes are written as they are (UTF-16BE)
    ft: str | None = None
    value: Any = None  # str, bytes, a NameObject state, or a list for multi-select
    flags: int | None = None
    rect: tuple[float, float, float, float] | None = None  # x, y from top, width, height
    states: Sequence[str] = ()  # appearance states of a button: ("Yes",) → /Yes and /Off
    opt: Sequence[Any] | None = None
    kids: list[Node] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def with_fields(base: bytes, nodes: Sequence[Node], xfa_datasets: bytes | None = None) -> bytes:
    """``base`` with an AcroForm made of ``nodes`` (widgets on the first page), and an XFA
    datasets packet when given."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    first = writer.pages[0]
    annots = ArrayObject()
    roots = ArrayObject(_add(writer, node, None, first, annots) for node in nodes)
    first[NameObject("/Annots")] = annots
    form = DictionaryObject({NameObject("/Fields"): roots})
    if xfa_datasets is not None:
        stream = DecodedStreamObject()
        stream.set_data(xfa_datasets)
        form[NameObject("/XFA")] = ArrayObject([TextStringObject("datasets"),
                                                writer._add_object(stream)])
    writer._root_object[NameObject("/AcroForm")] = form
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _add(writer: PdfWriter, node: Node, parent: Any, first: Any, annots: ArrayObject) -> Any:
    item = DictionaryObject()
    reference = writer._add_object(item)
    if parent is not None:
        item[NameObject("/Parent")] = parent
    if node.partial is not None:
        item[NameObject("/T")] = _string(node.partial)
    if node.ft:
        item[NameObject("/FT")] = NameObject(node.ft)
    if node.value is not None:
        item[NameObject("/V")] = _value(node.value)
    if node.flags is not None:
        item[NameObject("/Ff")] = NumberObject(node.flags)
    if node.opt is not None:
        item[NameObject("/Opt")] = ArrayObject(_value(option) for option in node.opt)
    for key, value in node.extra.items():
        item[NameObject(key)] = value
    if node.rect is not None:
        _widget(writer, item, node, first)
        annots.append(reference)
    if node.kids:
        item[NameObject("/Kids")] = ArrayObject(
            _add(writer, kid, reference, first, annots) for kid in node.kids)
    return reference


def _widget(writer: PdfWriter, item: DictionaryObject, node: Node, first: Any) -> None:
    assert node.rect is not None
    x, top, width, height = node.rect
    item[NameObject("/Type")] = NameObject("/Annot")
    item[NameObject("/Subtype")] = NameObject("/Widget")
    item[NameObject("/P")] = first.indirect_reference
    item[NameObject("/Rect")] = ArrayObject(FloatObject(v) for v in (
        x, HEIGHT - top - height, x + width, HEIGHT - top))
    if node.states:
        normal = DictionaryObject({NameObject(f"/{state}"): NumberObject(0)
                                   for state in (*node.states, "Off")})
        item[NameObject("/AP")] = DictionaryObject({NameObject("/N"): normal})


def _string(value: str | bytes) -> Any:
    return ByteStringObject(value) if isinstance(value, bytes) else TextStringObject(value)


def _value(value: Any) -> Any:
    if isinstance(value, NameObject):
        return value
    if isinstance(value, list | tuple):
        return ArrayObject(_value(item) for item in value)
    return _string(value)


def utf16(text: str) -> bytes:
    return b"\xfe\xff" + text.encode("utf-16-be")


def encrypted(data: bytes, password: str = "secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner",
                   algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned(data: bytes, dpi: int = 200) -> bytes:
    """``data``'s first page rendered to a grey image and wrapped into an image-only PDF,
    as a scanner would give it."""
    import pypdfium2

    image = pypdfium2.PdfDocument(data)[0].render(scale=dpi / 72).to_pil().convert("L")
    return image_pdf(image)


def image_pdf(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.drawImage(ImageReader(image), 0, 0, width=LETTER[0], height=LETTER[1])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
