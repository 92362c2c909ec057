"""Printed layouts of the tenth blind set's PDF gaps, each as a small synthetic page of the
same shape (never the blind file): values typed with a viewer's Fill & Sign tool as
/FreeText annotations over a printed blank, an /Ink signature, and comb boxes (one
character per drawn box, or one fillable field per character)."""

from __future__ import annotations

import io

import pytest
from pdf_samples import HEIGHT, Node, page, texts, with_fields
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
from parsers.layout_words import Word
from parsers.limits import Limits
from parsers.pdf import read_pdf
from parsers.pdf_combs import comb_words


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



def _comb_row(canvas: Canvas, y: float, label: str, groups: list[str], seps: str) -> None:
    """A label, then box groups (a space is an empty box) parted by printed separators."""
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, y, label)
    x = 252.0
    for number, group in enumerate(groups):
        for char in group:
            canvas.rect(x, y - 4, 14, 16)
            if char.strip():
                canvas.setFont("Courier", 10)
                canvas.drawString(x + 4, y, char)
            x += 14
        if number < len(seps):
            canvas.setFont("Helvetica", 10)
            canvas.drawString(x + 2, y, seps[number])
            x += 10


def test_comb_boxes_typed_one_character_each_are_one_value(vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        _comb_row(canvas, HEIGHT - 100, "Date Signed", ["11", "03", "2026"], "//")
        _comb_row(canvas, HEIGHT - 124, "ZIP Code", ["01844", "    "], "-")
        _comb_row(canvas, HEIGHT - 148, "Estimated Transactions per Month", ["  2800"], "")
        _comb_row(canvas, HEIGHT - 172, "Stage I Approval Number",
                  ["RPA1", "2026", "00388"], "--")
    values = {item.label: item.value
              for item in read_pdf(page(draw), Limits(), vocabulary).fields}
    assert values["Date Signed"] == "11/03/2026"
    assert values["ZIP Code"] == "01844"
    assert values["Estimated Transactions per Month"] == "2800"
    assert values["Stage I Approval Number"] == "RPA1-2026-00388"


@pytest.mark.parametrize("line", ["Section 1 – Organization", "Plan A or B today",
                                  "Columns 1" + " " * 12 + "2" + " " * 12 + "3 of a table"])
def test_single_letters_in_prose_or_table_columns_are_no_comb(line: str) -> None:
    # (evenly spaced letters at a box's pitch are read as a comb: the text alone cannot
    # tell them from one; table columns are further apart)
    words, x = [], 60.0
    for text in line.split(" "):
        if text:
            words.append(Word(text, x, x + 6 * len(text), 100, 110, font="Helvetica"))
        x += 6 * len(text) + 3
    assert [word.text for word in comb_words(words)] == [word.text for word in words]


def test_square_comb_cells_scaled_down_are_no_check_boxes(vocabulary: Vocabulary) -> None:
    # a sheet printed two pages per sheet scales the 14 x 16 comb cells to squares
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(40, HEIGHT - 100, "Number of Bots Requested")
        canvas.setFont("Courier", 7)
        for number, char in enumerate("  3"):
            canvas.rect(160 + 9 * number, HEIGHT - 103, 9, 10)
            if char.strip():
                canvas.drawString(162 + 9 * number, HEIGHT - 100, char)
    values = {item.label: item.value
              for item in read_pdf(page(draw), Limits(), vocabulary).fields}
    assert values["Number of Bots Requested"] == "3"


def test_block_capitals_typed_in_a_bold_typewriter_face_are_values(
        vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        for number, (label, value) in enumerate((("Organization Legal Name",
                                                  "CAPE COD REVENUE SOLUTIONS, LLC"),
                                                 ("City", "HYANNIS"))):
            canvas.setFont("Helvetica", 10)
            canvas.drawString(50, HEIGHT - 100 - 20 * number, label)
            canvas.setFont("Courier-Bold", 10)
            canvas.drawString(250, HEIGHT - 100 - 20 * number, value)
    values = {item.label: item.value
              for item in read_pdf(page(draw), Limits(), vocabulary).fields}
    assert values["Organization Legal Name"] == "CAPE COD REVENUE SOLUTIONS, LLC"
    assert values["City"] == "HYANNIS"


def test_a_fein_in_nine_one_character_fields_is_one_value(vocabulary: Vocabulary) -> None:
    # fields named in Spanish and numbered, a "-" printed between the 2nd and 3rd box
    base = page(texts((50, 100, "Federal Employer Identification Number (FEIN)"),
                      (50, 130, "City"), (289, 100, "-")))
    cells = [Node(f"ein_digito_{n + 1}", "/Tx", digit,
                  rect=(260 + 14 * n + (10 if n >= 2 else 0), 90, 14, 16))
             for n, digit in enumerate("453281211")]
    data = with_fields(base, [*cells, Node("campo_09", "/Tx", "Pittsfield",
                                           rect=(260, 120, 150, 16))])
    values = {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields}
    assert values["Federal Employer Identification Number (FEIN)"] == "45-3281211"
    assert values["City"] == "Pittsfield"


def test_a_value_wrapped_onto_a_word_that_reads_like_a_label_goes_on(
        vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, HEIGHT - 100, "Description of Modification")
        canvas.drawString(50, HEIGHT - 140, "Requested Effective Date")
        canvas.setFont("Courier", 10)
        canvas.drawString(250, HEIGHT - 100, "REPLACE THE TOOL; SAME SCREENS AND")
        canvas.drawString(250, HEIGHT - 111, "TRANSACTIONS.")
        canvas.drawString(250, HEIGHT - 140, "1/25/2027")
    values = {item.label: item.value
              for item in read_pdf(page(draw), Limits(), vocabulary).fields}
    assert values["Description of Modification"] == \
        "REPLACE THE TOOL; SAME SCREENS AND TRANSACTIONS."
    assert values["Requested Effective Date"] == "1/25/2027"
