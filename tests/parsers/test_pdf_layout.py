"""PDF reader, page layout: flattened and printed forms (label: value lines with values off
the label's baseline, label-above layouts, ruled tables, check marks of every kind)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import HEIGHT, Draw, page, texts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import RawDocument
from parsers.pdf import read_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _values(document: RawDocument) -> dict[str, object]:
    return {item.name: item.value for item in document.fields}


def test_flattened_label_value_lines(vocabulary: Vocabulary) -> None:
    data = page(texts(
        (50, 60, "MassHealth RPA Stage I Registration Form"),
        (50, 100, "Organization Legal Name:"), (262, 101.5, "Acme Health Partners"),
        (50, 120, "City:"), (262, 118, "Boston"),  # values typed a little off the baseline
        (50, 140, "National Provider Identifier (NPI)"), (262, 139, "1245319599"),
        (50, 160, "Number of Bots Requested"), (262, 160, "3"),
        (50, 180, "Bot Hosting: Cloud"),
        (50, 200, "This paragraph explains that the City and State must match records."),
        (50, 740, "RPA-S1 Rev. 07/2022 Page 1 of 1")))
    document = read_pdf(data, Limits(), vocabulary)
    assert document.method == "layout"
    assert document.pages == 1
    assert "RPA-S1" in document.text and "Stage I Registration" in document.text
    assert _values(document) == {
        "Organization Legal Name": "Acme Health Partners", "City": "Boston",
        "National Provider Identifier (NPI)": "1245319599", "Number of Bots Requested": "3",
        "Bot Hosting": "Cloud"}
    assert all(item.source == "layout" and item.label for item in document.fields)


def test_several_labels_on_one_printed_line(vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "City: Boston   State: MA   ZIP Code: 02111"),
                      (50, 120, "Bot Operating Hours: Mon-Fri 6:00 PM - 6:00 AM")))
    assert _values(read_pdf(data, Limits(), vocabulary)) == {
        "City": "Boston", "State": "MA", "ZIP Code": "02111",
        "Bot Operating Hours": "Mon-Fri 6:00 PM - 6:00 AM"}


def test_signature_block_with_labels_under_the_values(vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "Date Signed: 10/02/2026"),
                      (50, 140, "Jordan Blake"), (300, 140, "Chief Executive Officer"),
                      (50, 154, "Authorized Signatory Name"),
                      (300, 154, "Authorized Signatory Title")))
    values = _values(read_pdf(data, Limits(), vocabulary))
    assert values["Authorized Signatory Name"] == "Jordan Blake"
    assert values["Authorized Signatory Title"] == "Chief Executive Officer"


def test_an_option_wrapped_right_after_its_mark(vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "POSC Transactions: [ ] Member Eligibility Verification [X] Claim"),
                      (50, 112, "Status Inquiry [ ] Claim Adjustment/Void")))
    values = _values(read_pdf(data, Limits(), vocabulary))
    assert values["Claim Status Inquiry"] is True
    assert values["Claim Adjustment/Void"] is False


def test_label_above_value(vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "Street Address"), (300, 100, "ZIP Code"),
                      (50, 114, "12 Main Street"), (300, 114, "02110"),
                      (50, 150, "City"), (50, 164, "State")))  # a label under a label: no value
    values = _values(read_pdf(data, Limits(), vocabulary))
    assert values["Street Address"] == "12 Main Street"
    assert values["ZIP Code"] == "02110"
    assert values["City"] == ""  # a label under a label: surely empty (issue #11)
    document = read_pdf(data, Limits(), vocabulary)
    assert [item.understood for item in document.fields if item.name == "City"] == [True]


def test_a_label_with_something_unread_above_it_is_not_a_sure_blank(
        vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "Street Address"), (50, 150, "Acme ~ 12"),
                      (50, 162, "City"), (50, 176, "State")))
    document = read_pdf(data, Limits(), vocabulary)
    assert not any(item.understood for item in document.fields if item.name == "City")


def _marks(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, HEIGHT - 280, "POSC Transactions Requested")
    canvas.setFont("ZapfDingbats", 10)
    canvas.drawString(50, HEIGHT - 300, "✔")  # code '4'
    canvas.drawString(250, HEIGHT - 300, "❏")  # code 'o': an empty box
    canvas.setFont("Helvetica", 10)
    canvas.drawString(64, HEIGHT - 300, "Member Eligibility Verification")
    canvas.drawString(264, HEIGHT - 300, "Claim Adjustment/Void")
    canvas.drawString(50, HEIGHT - 320, "[X] Claim Status Inquiry")
    canvas.drawString(250, HEIGHT - 320, "[ ] Remittance Advice Download")
    canvas.rect(50, HEIGHT - 342, 10, 10)  # an X drawn in a box
    canvas.line(51, HEIGHT - 341, 59, HEIGHT - 333)
    canvas.line(51, HEIGHT - 333, 59, HEIGHT - 341)
    canvas.drawString(64, HEIGHT - 340, "Prior Authorization Request")
    canvas.rect(250, HEIGHT - 342, 10, 10)
    canvas.drawString(264, HEIGHT - 340, "Other DDE Activity")


def test_check_marks_zapf_brackets_and_drawn_boxes(vocabulary: Vocabulary) -> None:
    document = read_pdf(page(_marks), Limits(), vocabulary)
    values = _values(document)
    assert values == {"Member Eligibility Verification": True, "Claim Adjustment/Void": False,
                      "Claim Status Inquiry": True, "Remittance Advice Download": False,
                      "Prior Authorization Request": True, "Other DDE Activity": False}
    # the choice text is the name; the group's printed label is the label
    assert {item.label for item in document.fields} == {"POSC Transactions Requested"}


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs the DejaVu font for ☒ and ✓")
def test_unicode_check_marks(vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
        canvas.setFont("DejaVu", 10)
        for row, text in enumerate(("☒ Cloud", "☐ On Premises", "✓ Claim Status Inquiry",
                                    "☑ Other DDE Activity", "□ Vendor Hosted")):
            canvas.drawString(50, HEIGHT - 100 - 20 * row, text)

    values = _values(read_pdf(page(draw), Limits(), vocabulary))
    assert values == {"Cloud": True, "On Premises": False, "Claim Status Inquiry": True,
                      "Other DDE Activity": True, "Vendor Hosted": False}


def _table(rows: list[list[str]], top: float, widths: list[float]) -> Draw:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        left, height = 50.0, 20.0
        xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
        for number, row in enumerate([*rows, []]):
            y = HEIGHT - top - number * height
            canvas.line(xs[0], y, xs[-1], y)
            for x, cell in zip(xs, row, strict=False):
                canvas.drawString(x + 4, y - 14, cell)
        bottom = HEIGHT - top - len(rows) * height
        for x in xs:
            canvas.line(x, HEIGHT - top, x, bottom)
    return draw


def test_ruled_tables(vocabulary: Vocabulary) -> None:
    two = _table([["Organization Legal Name", "Acme Health Partners"],
                  ["City", "Boston"], ["ZIP Code", "02110"]], 100, [220, 220])
    three = _table([["Scenario", "Steps", "Expected Result"],
                    ["1", "Log in", "Home page"], ["2", "Search member", "Eligibility shown"]],
                   260, [80, 180, 180])

    def both(canvas: Canvas) -> None:
        two(canvas)
        three(canvas)

    document = read_pdf(page(both), Limits(), vocabulary)
    values = _values(document)
    assert values["Organization Legal Name"] == "Acme Health Partners"
    assert values["City"] == "Boston" and values["ZIP Code"] == "02110"
    assert ("Scenario", "Steps", "Expected Result") in [table[0] for table in document.tables]
    scenarios = next(t for t in document.tables if t[0][0] == "Scenario")
    assert scenarios[2] == ("2", "Search member", "Eligibility shown")


def test_max_text_chars_bounds_the_text(vocabulary: Vocabulary) -> None:
    data = page(texts(*[(50, 40 + 12 * row, "word " * 20) for row in range(50)]))
    document = read_pdf(data, Limits(max_text_chars=300), vocabulary)
    assert 0 < len(document.text) <= 300


def test_a_label_wrapped_over_two_lines_with_its_value_under_it(
        vocabulary: Vocabulary) -> None:
    """A boxed column whose label wraps: the second line ("(FEIN) *") names the same field,
    so it continues the label; the value is in the box under both lines, never a blank."""
    data = page(texts((50, 100, "Street Address *"),
                      (300, 100, "Federal Employer Identification Number"),
                      (300, 111, "(FEIN) *"), (50, 126, "12 Main Street"),
                      (304, 126, "04-1234567"), (50, 160, "City *"), (50, 174, "Boston")))
    document = read_pdf(data, Limits(), vocabulary)
    fein = [item for item in document.fields if "Federal" in item.name]
    assert [item.value for item in fein] == ["04-1234567"]
    assert not any(item.understood for item in fein)


def test_yes_and_no_printed_under_a_question_without_marks_are_no_answer(
        vocabulary: Vocabulary) -> None:
    """The options of a yes/no question whose boxes are only drawn: "Yes" is not the answer."""
    data = page(texts((50, 100, "Will the added transaction run in the same bot session?"),
                      (62, 114, "Yes"), (120, 114, "No"),
                      (50, 150, "Description of Modification")))
    values = _values(read_pdf(data, Limits(), vocabulary))
    assert values.get("Will the added transaction run in the same bot session?") in (None, "")


def test_an_option_wrapped_above_a_blank_text_label_is_not_its_value(
        vocabulary: Vocabulary) -> None:
    """A box at a line's end with its option on the next line, just above "If Other,
    describe –" left blank: the option is not the description."""
    data = page(texts(
        (50, 100, "POSC Transactions Requested – [ ] Claim Status Inquiry [X] Prior "
                  "Authorization Request [ ]"),
        (50, 112, "Remittance Advice Download [ ] Other DDE Activity"),
        (50, 124, "If Other, describe –"),
        (50, 136, "POSC Screens Accessed – PA Request Entry")))
    values = _values(read_pdf(data, Limits(), vocabulary))
    assert values.get("If Other, describe –") in (None, "")


def _browser_controls(canvas: Canvas) -> None:
    """What a browser prints for native inputs: rounded squares and rings drawn as curves,
    the ticked state only in the drawing (a blue box with a white check, a dot)."""
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, HEIGHT - 100, "MassHealth RPA Stage I Registration Form")
    canvas.drawString(50, HEIGHT - 130, "Bot Hosting")
    for x, label, ticked in ((200, "On-Premises", False), (300, "Cloud", True)):
        canvas.setStrokeColorRGB(*((0, 0.46, 1) if ticked else (0.46, 0.46, 0.46)))
        canvas.circle(x + 4.5, HEIGHT - 126.5, 4.5, stroke=1, fill=0)
        if ticked:
            canvas.setFillColorRGB(0, 0.46, 1)
            canvas.circle(x + 4.5, HEIGHT - 126.5, 3, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(x + 14, HEIGHT - 130, label)
    canvas.drawString(50, HEIGHT - 160, "POSC Transactions Requested")
    for y, label, ticked in ((160, "Claim Status Inquiry", True),
                             (176, "Claim Adjustment/Void", False)):
        canvas.setFillColorRGB(*((0, 0.46, 1) if ticked else (1, 1, 1)))
        canvas.roundRect(200, HEIGHT - y - 1, 9, 9, 2, stroke=1, fill=1)
        if ticked:
            canvas.setStrokeColorRGB(1, 1, 1)
            path = canvas.beginPath()
            path.moveTo(202, HEIGHT - y + 3.5)
            path.lineTo(204, HEIGHT - y + 1.5)
            path.lineTo(207.5, HEIGHT - y + 6)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(214, HEIGHT - y, label)


def test_browser_native_boxes_and_radios_drawn_as_curves(vocabulary: Vocabulary) -> None:
    document = read_pdf(page(_browser_controls), Limits(), vocabulary)
    states = {item.name: item.value for item in document.fields if isinstance(item.value, bool)}
    assert states == {"On-Premises": False, "Cloud": True, "Claim Status Inquiry": True,
                      "Claim Adjustment/Void": False}


def test_a_question_wrapped_with_its_boxes_after_the_last_line(
        vocabulary: Vocabulary) -> None:
    """"... current and" / "accurate: [X] Yes [ ] No": the boxes answer the wrapped question,
    not the field above it."""
    data = page(texts((50, 100, "Primary Contact Title: Analyst"),
                      (50, 124, "The RPA information on file with MassHealth is current and"),
                      (50, 136, "accurate: [X] Yes [ ] No"),
                      (50, 160, "Validation Year: 2026")))
    boxes = [(item.label, item.name, item.value) for item in
             read_pdf(data, Limits(), vocabulary).fields if isinstance(item.value, bool)]
    question = "The RPA information on file with MassHealth is current and accurate:"
    assert [(label.rstrip(":"), name, value) for label, name, value in boxes] == [
        (question.rstrip(":"), "Yes", True), (question.rstrip(":"), "No", False)]
