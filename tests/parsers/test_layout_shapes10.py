"""Printed layouts of the tenth blind set's PDF gaps, each as a small synthetic page of the
same shape (never the blind file): values typed with a viewer's Fill & Sign tool as
/FreeText annotations over a printed blank, and an /Ink signature."""

from __future__ import annotations

import io

import pytest
from pdf_samples import HEIGHT, page
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.pdf import read_pdf


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _blank(*labels: str) -> bytes:
    """A printed blank: each label at the left with an empty drawn box beside it."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for number, label in enumerate(labels):
            y = HEIGHT - 100 - 22 * number
            canvas.drawString(60, y, label)
            canvas.rect(250, y - 4, 220, 14)
    return page(draw)


def _annotated(data: bytes, notes: list[DictionaryObject]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for note in notes:
        writer.add_annotation(0, note)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _free_text(x: float, y_top: float, text: str, rich: bool = False) -> DictionaryObject:
    """A viewer's typed text: /Contents (or only /RC rich text) in a /Rect box."""
    note = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/FreeText"),
        NameObject("/Rect"): ArrayObject([FloatObject(x), FloatObject(HEIGHT - y_top - 14),
                                          FloatObject(x + 200), FloatObject(HEIGHT - y_top)]),
        NameObject("/DA"): TextStringObject("0 0 0.55 rg /Helv 10 Tf"),
        NameObject("/F"): NumberObject(4)})
    key = "/RC" if rich else "/Contents"
    value = f"<body><p>{text}</p></body>" if rich else text
    note[NameObject(key)] = TextStringObject(value)
    return note


def _ink(x: float, y_top: float) -> DictionaryObject:
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Ink"),
        NameObject("/Rect"): ArrayObject([FloatObject(x), FloatObject(HEIGHT - y_top - 20),
                                          FloatObject(x + 150), FloatObject(HEIGHT - y_top)]),
        NameObject("/InkList"): ArrayObject([ArrayObject([
            FloatObject(x + 5), FloatObject(HEIGHT - y_top - 15), FloatObject(x + 60),
            FloatObject(HEIGHT - y_top - 5), FloatObject(x + 140),
            FloatObject(HEIGHT - y_top - 12)])]),
        NameObject("/F"): NumberObject(4)})


def test_fill_and_sign_free_text_annotations_are_the_typed_values(
        vocabulary: Vocabulary) -> None:
    blank = _blank("Organization Legal Name", "City", "Primary Contact Name")
    data = _annotated(blank, [_free_text(252, 88, "Nashoba Valley Home Care, LLC"),
                              _free_text(252, 110, "Ayer", rich=True)])
    values = {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields}
    assert values["Organization Legal Name"] == "Nashoba Valley Home Care, LLC"
    assert values["City"] == "Ayer"
    assert not values.get("Primary Contact Name")  # nothing typed: still blank


def test_a_hidden_free_text_annotation_is_no_value(vocabulary: Vocabulary) -> None:
    note = _free_text(252, 88, "Nashoba Valley Home Care, LLC")
    note[NameObject("/F")] = NumberObject(2)
    data = _annotated(_blank("Organization Legal Name", "City"), [note])
    values = {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields}
    assert not values.get("Organization Legal Name")


def _agreement(*notes: DictionaryObject) -> bytes:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(60, HEIGHT - 60, "MassHealth RPA Agreement")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, HEIGHT - 90, "The organization agrees to the RPA terms.")
        for number, label in enumerate(("Signatory Name", "Title")):
            canvas.drawString(60, HEIGHT - 130 - 22 * number, label)
            canvas.line(250, HEIGHT - 134 - 22 * number, 470, HEIGHT - 134 - 22 * number)
        canvas.drawString(60, HEIGHT - 200, "Signature")
        canvas.line(250, HEIGHT - 204, 470, HEIGHT - 204)
    return _annotated(page(draw), list(notes))


def test_an_ink_signature_on_the_signature_line_signs_the_agreement(
        vocabulary: Vocabulary) -> None:
    signed = read_pdf(_agreement(_free_text(252, 120, "Ana Ruiz"), _ink(252, 186)),
                      Limits(), vocabulary)
    unsigned = read_pdf(_agreement(_free_text(252, 120, "Ana Ruiz")), Limits(), vocabulary)
    assert signed.signed and not unsigned.signed


def test_an_ink_scribble_far_from_the_signature_label_signs_nothing(
        vocabulary: Vocabulary) -> None:
    assert not read_pdf(_agreement(_ink(252, 40)), Limits(), vocabulary).signed

