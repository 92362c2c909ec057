"""Printed layouts of the ninth blind set's gaps, each as a small synthetic page of the
same shape (never the blind file): rows set right to left, the value first and its label
last against the right margin."""

from __future__ import annotations

import pytest
from pdf_samples import HEIGHT, page
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.layout_words import Word, unwrapped
from parsers.limits import Limits
from parsers.pdf import read_pdf
from parsers.pdf_captions import captioned

RIGHT = 540.0


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _right_to_left(*rows: tuple[str, str]) -> bytes:
    """(value, label) rows: the value at the left margin, the label flush right."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for number, (value, label) in enumerate(rows):
            y = HEIGHT - 100 - 16 * number
            if value:
                canvas.drawString(60, y, value)
            canvas.drawString(RIGHT - stringWidth(label, "Helvetica", 10), y, label)
    return page(draw)


def test_a_value_before_its_label_at_the_right_margin_is_read_not_sure(
        vocabulary: Vocabulary) -> None:
    fields = read_pdf(_right_to_left(("Nashoba Valley Home Care, LLC", "Organization Legal Name"),
                                     ("15 Main Street", "Street Address"),
                                     ("Ayer", "City")), Limits(), vocabulary).fields
    values = {item.label: item for item in fields}
    assert values["Organization Legal Name"].value == "Nashoba Valley Home Care, LLC"
    assert values["Street Address"].value == "15 Main Street"
    assert values["City"].value == "Ayer"
    assert all(item.confidence < 1 for item in values.values())  # paired by position


def test_a_label_with_text_before_it_is_no_sure_blank(vocabulary: Vocabulary) -> None:
    # the row's text before the label is no value of it (two segments before it), so
    # the label is not read as a sure blank either: a coordinator looks, the provider is
    # never told it was left out
    data = _right_to_left(("Ayer", "City"))
    two_before = page(lambda canvas: (canvas.setFont("Helvetica", 10),
                                      canvas.drawString(60, HEIGHT - 100, "Main"),
                                      canvas.drawString(200, HEIGHT - 100, "Street"),
                                      canvas.drawString(RIGHT - 60, HEIGHT - 100,
                                                        "Street Address"),
                                      canvas.drawString(RIGHT - 20, HEIGHT - 116, "City")))
    assert {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields} \
        == {"City": "Ayer"}
    blanks = [item for item in read_pdf(two_before, Limits(), vocabulary).fields
              if item.label == "Street Address"]
    assert not [item for item in blanks if item.understood]


@pytest.mark.parametrize("printed,read", [
    ("Fieldstone Financial Workflow Ser-\nvices, LLC",
     "Fieldstone Financial Workflow Services, LLC"),
    ("Claim Confir-\nmation", "Claim Confirmation"),
    ("Non-\nEmergency Transport", "Non-\nEmergency Transport"),  # a compound's own hyphen
    ("MVB-PA-1\nMVB-PA-2", "MVB-PA-1\nMVB-PA-2"),  # one item a line
])
def test_a_word_hyphenated_at_a_line_end_is_one_word_again(printed: str, read: str) -> None:
    assert unwrapped(printed) == read


def test_choices_on_short_drawn_blanks_with_an_x_typed_over_the_chosen_ones(
        vocabulary: Vocabulary) -> None:
    # "Organization Type:  _X_ MassHealth Provider  ___ Business Partner", each blank a
    # short drawn line: the bare "Business Partner" was read as an answer too
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Times-Roman", 10)
        canvas.drawString(60, HEIGHT - 100, "Organization Type:")
        canvas.setLineWidth(0.6)
        for x, option, chosen in ((200, "MassHealth Provider", True),
                                  (340, "Business Partner", False)):
            canvas.line(x, HEIGHT - 101, x + 20, HEIGHT - 101)
            if chosen:
                canvas.setFont("Courier", 10)
                canvas.drawString(x + 7, HEIGHT - 100, "X")
                canvas.setFont("Times-Roman", 10)
            canvas.drawString(x + 24, HEIGHT - 100, option)
    items = [item for item in read_pdf(page(draw), Limits(), vocabulary).fields
             if item.label == "Organization Type"]
    assert {item.name: item.value for item in items} == \
        {"MassHealth Provider": True, "Business Partner": False}


def test_captions_under_signature_rules_answer_the_text_on_their_rule(
        vocabulary: Vocabulary) -> None:
    # each value typed on a drawn rule, its caption printed under the rule: a caption
    # took the next rule's value below it (the name as the organization, and so on)
    def draw(canvas: Canvas) -> None:
        rows = (("Quinsigamond Behavioral Health Associates, Inc.", "Organization Legal Name"),
                ("Naomi Feldstein", "Authorized Signatory Name"),
                ("Chief Executive Officer", "Authorized Signatory Title"),
                ("September 22, 2026", "Date Signed"))
        for number, (value, caption) in enumerate(rows):
            y = HEIGHT - 260 - 38 * number
            canvas.setFont("Courier", 10)
            canvas.drawString(60, y + 2, value)
            canvas.setLineWidth(0.5)
            canvas.line(56, y, 330, y)
            canvas.setFont("Times-Roman", 8)
            canvas.drawString(60, y - 9, caption)
    values = {item.label: item.value
              for item in read_pdf(page(draw), Limits(), vocabulary).fields}
    assert values["Organization Legal Name"] == "Quinsigamond Behavioral Health Associates, Inc."
    assert values["Authorized Signatory Name"] == "Naomi Feldstein"
    assert values["Authorized Signatory Title"] == "Chief Executive Officer"
    assert values["Date Signed"] == "September 22, 2026"


def _rtl_page(rows: list[tuple[list[str], list[str]]], heading: str = "") -> bytes:
    """Rows of (value lines at the left margin, label lines flush right), a dotted rule
    under each; a heading flush right over a rule across the page first."""
    def draw(canvas: Canvas) -> None:
        y = HEIGHT - 80
        if heading:
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawRightString(RIGHT, y, heading)
            canvas.line(60, y - 3, RIGHT, y - 3)
            y -= 17
        for values, labels in rows:
            canvas.setFont("Helvetica", 9)
            for number, text in enumerate(values):
                canvas.drawString(60, y - 11.5 * number, text)
            for number, text in enumerate(labels):
                canvas.drawRightString(RIGHT, y - 11.5 * number, text)
            lines = max(len(values), len(labels))
            canvas.setDash(1, 2)
            canvas.line(60, y - (lines - 1) * 11.5 - 3.5, RIGHT, y - (lines - 1) * 11.5 - 3.5)
            canvas.setDash()
            y -= lines * 11.5 + 5
    return page(draw)


def test_boxes_set_before_their_question_at_the_right_margin_answer_it(
        vocabulary: Vocabulary) -> None:
    # "[X] Yes ..... Testing completed in the MassHealth Trading Partner" over
    # "[ ] No ..... Testing Environment": the boxes took the question of the row above
    data = _rtl_page([(["2024.10.4"], ["RPA Tool Version"]),
                      (["[X] Yes", "[ ] No"],
                       ["Testing completed in the MassHealth Trading Partner",
                        "Testing Environment"])])
    boxes = [item for item in read_pdf(data, Limits(), vocabulary).fields
             if isinstance(item.value, bool)]
    assert {(item.name, item.value) for item in boxes} == {("Yes", True), ("No", False)}
    assert {item.label for item in boxes} == {
        "Testing completed in the MassHealth Trading Partner Testing Environment"}


def test_a_value_set_before_its_label_wraps_onto_the_lines_under_it(
        vocabulary: Vocabulary) -> None:
    # the description's second line has no label of its own; the next row has one
    data = _rtl_page([(["Add prior authorization requests for outpatient therapy;",
                        "they will be sent by a separate nightly job."],
                       ["Description of Modification"]),
                      (["2 November 2026"], ["Requested Effective Date"])])
    values = {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields}
    assert values["Description of Modification"] == (
        "Add prior authorization requests for outpatient therapy; they will be sent by a "
        "separate nightly job.")
    assert values["Requested Effective Date"] == "2 November 2026"


def test_a_value_before_its_label_beats_the_heading_on_the_rule_above(
        vocabulary: Vocabulary) -> None:
    # a heading set on a rule makes the label under it look like a caption of the rule;
    # the value before the label on its own line is its value, not the heading
    data = _rtl_page([(["RPA2-2025-00077"], ["Stage II Approval Number"])],
                     heading="Approved Registration")
    values = {item.label: item.value for item in read_pdf(data, Limits(), vocabulary).fields}
    assert values["Stage II Approval Number"] == "RPA2-2025-00077"


def test_a_scans_caption_whose_box_reaches_over_the_rule_is_still_a_caption() -> None:
    # OCR boxes are padded: the caption's top sits a little above the rule its value is
    # typed on, the value's bottom a little under it; their middles tell them apart
    rule = {"x0": 55.0, "x1": 330.0, "top": 258.3, "bottom": 258.3}
    value = Word("Quinsigamond", 59, 130, 244.8, 258.5)
    caption = Word("Organization", 57, 100, 258.1, 271.8)
    marked = captioned([value, caption], [rule])
    assert [word.caption for word in marked] == [False, True]


def test_a_long_label_of_another_column_on_a_marks_line_is_not_its_question(
        vocabulary: Vocabulary) -> None:
    # set left to right in two columns: a right column's label that happens to reach the
    # right margin on a line of boxes is no right-to-left question (no labels flush right)
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, HEIGHT - 100, "Bot Hosting")
        canvas.drawString(60, HEIGHT - 116, "[X] Cloud")
        canvas.drawString(60, HEIGHT - 132, "[ ] On-Premises")
        canvas.drawString(RIGHT - stringWidth("Organization Legal Name", "Helvetica", 10) - 3,
                          HEIGHT - 116, "Organization Legal Name")
        canvas.drawString(380, HEIGHT - 132, "Acme Health Partners")
        canvas.drawString(380, HEIGHT - 148, "Ayer")
    boxes = [item for item in read_pdf(page(draw), Limits(), vocabulary).fields
             if isinstance(item.value, bool)]
    assert boxes and {item.label for item in boxes} == {"Bot Hosting"}
