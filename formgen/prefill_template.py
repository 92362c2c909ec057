"""Fast pre-filled forms: the Annual Validation drawn once per shape with a token in every
pre-filled text field, then filled for each registration by substitution (PDF: the field
values and appearance streams, stream lengths and the xref table rebuilt; DOCX: the document
part of the package). Each template proves itself at build time: filled with its own tokens
it must give back the drawn bytes, else the caller draws every form in full."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf
from parsers.formdefs import FieldDef, FormDefinition

TOKEN = re.compile(rb"QZX(\d{3})XZQ")
_OBJECT = re.compile(rb"\n(\d+) 0 obj\n")
_STREAM = re.compile(rb"/Length (\d+)(.*?)stream\n(.*?)endstream", re.DOTALL)
_PDF_SAFE = re.compile(r"[ -~]*")  # printable ASCII: encoded the same everywhere
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DOCUMENT_PART = "word/document.xml"


class TemplateError(Exception):
    """This shape of form cannot be filled by substitution; draw it in full instead."""


def text_keys(definition: FormDefinition, values: Mapping[str, Any]) -> list[str]:
    """The pre-filled keys that are plain text (substitutable); the rest shape the template."""
    return sorted(key for key in values if _is_text(definition.field(key)))


def shape_of(definition: FormDefinition, values: Mapping[str, Any]) -> tuple[Any, ...]:
    """What must be equal for two forms to share a template: the text keys present and the
    values of every other (choice) field."""
    keys = text_keys(definition, values)
    return (tuple(keys), tuple(sorted((k, repr(v)) for k, v in values.items() if k not in keys)))


def _is_text(field: FieldDef | None) -> bool:
    return field is not None and not field.choices and field.type not in {"checkbox", "yesno"}


class FormTemplate:
    """One shape of the pre-filled form, as a PDF and a DOCX with tokens."""

    def __init__(self, definition: FormDefinition, values: Mapping[str, Any], *,
                 docx: bool) -> None:
        self.keys = text_keys(definition, values)
        tokens = {key: _token(index) for index, key in enumerate(self.keys)}
        drawn = {**values, **{key: _as_drawn(definition.field(key), tokens[key])
                              for key in self.keys}}
        self.pdf = _PdfTemplate(fillable_pdf(definition, drawn, compress=False), len(self.keys))
        self.docx = _DocxTemplate(docx_form(definition, drawn)) if docx else None

    def fill(self, values: Mapping[str, Any], definition: FormDefinition) -> tuple[bytes,
                                                                                  bytes | None]:
        texts = [_display_text(definition.field(key), values.get(key)) for key in self.keys]
        return self.pdf.fill(texts), self.docx.fill(texts) if self.docx else None


def _token(index: int) -> str:
    return f"QZX{index:03d}XZQ"


def _as_drawn(field: FieldDef | None, token: str) -> Any:
    return [token] if field is not None and field.type == "list" else token


def _display_text(field: FieldDef | None, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


class _PdfTemplate:
    def __init__(self, data: bytes, count: int) -> None:
        xref_at = data.rindex(b"\nxref\n") + 1
        self.trailer = data[data.index(b"trailer", xref_at):data.rindex(b"startxref")]
        starts = [match.start() + 1 for match in _OBJECT.finditer(data, 0, xref_at)]
        self.header = data[:starts[0]]
        self.objects = [data[a:b] for a, b in zip(starts, [*starts[1:], xref_at], strict=True)]
        self.numbers = [int(item.split(b" ", 1)[0]) for item in self.objects]
        if self.numbers != list(range(1, len(self.numbers) + 1)):
            raise TemplateError("objects not numbered in order")
        self.holes = {index for index, item in enumerate(self.objects) if TOKEN.search(item)}
        identity = [_token(index) for index in range(count)]
        if self.fill(identity) != data:
            raise TemplateError("a token-filled copy differs from the drawn form")

    def fill(self, texts: list[str]) -> bytes:
        encoded = [_pdf_string(text) for text in texts]
        out = bytearray(self.header)
        offsets = []
        for index, item in enumerate(self.objects):
            if index in self.holes:
                item = _fix_lengths(TOKEN.sub(lambda m: encoded[int(m.group(1))], item))
            offsets.append(len(out))
            out += item
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        return bytes(out + self.trailer + b"startxref\n%d\n%%%%EOF\n" % xref)


def _pdf_string(text: str) -> bytes:
    if not _PDF_SAFE.fullmatch(text):
        raise TemplateError("not printable ASCII")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii")


def _fix_lengths(item: bytes) -> bytes:
    return _STREAM.sub(lambda m: b"/Length %d%sstream\n%sendstream" % (
        len(m.group(3)), m.group(2), m.group(3)), item)


class _DocxTemplate:
    """The package without its document part, compressed once; each fill appends the
    filled document part (zipfile's append mode rewrites only the central directory)."""

    def __init__(self, data: bytes) -> None:
        buffer = io.BytesIO()
        document = None
        with zipfile.ZipFile(io.BytesIO(data)) as source, \
                zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rest:
            for info in source.infolist():
                if info.filename == DOCUMENT_PART:
                    document = source.read(info)
                else:
                    rest.writestr(info.filename, source.read(info))
        if document is None:
            raise TemplateError("no document part")
        self.rest, self.document = buffer.getvalue(), document

    def fill(self, texts: list[str]) -> bytes:
        encoded = [escape(_XML_BAD.sub("", text)).encode("utf-8") for text in texts]
        buffer = io.BytesIO(self.rest)
        buffer.seek(0, io.SEEK_END)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
            package.writestr(DOCUMENT_PART,
                             TOKEN.sub(lambda m: encoded[int(m.group(1))], self.document))
        return buffer.getvalue()
