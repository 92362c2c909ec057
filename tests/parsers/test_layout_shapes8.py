"""Printed layouts of the eighth blind set's gaps, each as a small synthetic page of the same
shape (never the blind file): question cards drawn as a table, a tick drawn as strokes,
list numbers glued to their labels, a wrapped label with its value after a dash, choice
pills, a label column set flush right, a value wrapped under its own start, a mail's
header block, and a striped scenario table."""

from __future__ import annotations

from itertools import pairwise

import pytest
from pdf_samples import HEIGHT, page, texts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary, normalize_label
from parsers.limits import Limits
from parsers.pdf import read_pdf
from parsers.supporting import passing_scenarios, transactions_field


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _values(data: bytes, vocabulary: Vocabulary) -> dict[str, object]:
    return {item.name: item.value for item in read_pdf(data, Limits(), vocabulary).fields}


def test_question_cards_drawn_as_one_table(vocabulary: Vocabulary) -> None:
    # a page background and cards of label-over-value questions: the table finder makes
    # one cell of several cards; each value must stop at the next card's label
    questions = [("Organization Legal Name", "Harbor Billing LLC"), ("City", "Salem"),
                 ("State", "MA"), ("RPA Tool Vendor", "Acme Robotics")]

    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(0.93, 0.91, 0.96)  # the page's background
        canvas.rect(34, HEIGHT - 500, 544, 450, stroke=0, fill=1)
        canvas.setFillColorRGB(0.4, 0.23, 0.72)  # section bars, as wide as the background
        canvas.rect(34, HEIGHT - 80, 544, 20, stroke=0, fill=1)
        canvas.rect(34, HEIGHT - 340, 544, 20, stroke=0, fill=1)
        for number, (label, value) in enumerate(questions):
            top = 82 + 58 * number
            canvas.setFillColorRGB(1, 1, 1)
            canvas.roundRect(34, HEIGHT - top - 50, 544, 48, 6, stroke=0, fill=1)
            canvas.setFillColorRGB(0.7, 0.7, 0.7)
            canvas.rect(46, HEIGHT - top - 40, 360, 1, stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont("Helvetica", 10)
            canvas.drawString(46, HEIGHT - top - 14, f"{label} *")
            canvas.drawString(46, HEIGHT - top - 30, value)

    values = _values(page(draw), vocabulary)
    for label, value in questions:
        assert values[f"{label} *"] == value


def test_a_tick_drawn_as_strokes_bigger_than_its_box(vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, HEIGHT - 100, "Organization Type")
        for x, option, ticked in ((200, "MassHealth Provider", True),
                                  (330, "Business Partner", False)):
            canvas.rect(x, HEIGHT - 101, 9, 9)
            canvas.drawString(x + 13, HEIGHT - 100, option)
            if ticked:  # an open polyline, as tall as the box and poking out of it
                path = canvas.beginPath()
                path.moveTo(x + 1.6, HEIGHT - 96)
                path.lineTo(x + 3.8, HEIGHT - 99)
                path.lineTo(x + 8.3, HEIGHT - 91.4)
                canvas.setLineWidth(1.6)
                canvas.drawPath(path, stroke=1, fill=0)
                canvas.setLineWidth(1)

    values = _values(page(draw), vocabulary)
    assert (values["MassHealth Provider"], values["Business Partner"]) == (True, False)


def test_list_numbers_glued_to_their_labels(vocabulary: Vocabulary) -> None:
    # a word processor's numbered list: two-digit numbers touch their label, and a
    # value's second line hangs at the label's text, past the number
    data = page(texts((65, 100, "9. State: MA"), (65, 115, "10.ZIP Code: 01060"),
                      (65, 130, "11.Primary Contact Name: Tobias Lind"),
                      (65, 145, "12.Primary Contact Title: Director"),
                      (65, 160, "13.POSC Screens Accessed: Member Search; Claim"),
                      (83, 175, "Detail; Remittance Advice"),
                      (65, 190, "14.RPA Tool Version: 2.50")))
    values = _values(data, vocabulary)
    assert values["10.ZIP Code"] == "01060"
    assert values["11.Primary Contact Name"] == "Tobias Lind"
    assert values["12.Primary Contact Title"] == "Director"
    assert values["13.POSC Screens Accessed"] == \
        "Member Search; Claim Detail; Remittance Advice"
    assert normalize_label("2.50") == "2 50"  # a number glued to a digit is kept


def test_a_wrapped_label_with_its_value_after_a_dash(vocabulary: Vocabulary) -> None:
    data = page(texts((54, 100, "Organization Legal Name \u2013 Harbor Billing LLC"),
                      (54, 113, "Doing Business As (DBA) \u2013"),
                      (54, 126, "The RPA information on file with MassHealth is current and"),
                      (54, 139, "accurate \u2013 Yes"),
                      (54, 152, "Federal Employer Identification"),
                      (54, 165, "Number (FEIN): 04-1234567")))
    values = _values(data, vocabulary)
    assert values["Organization Legal Name \u2013"] == "Harbor Billing LLC"
    assert values["The RPA information on file with MassHealth is current and accurate "
                  "\u2013"] == "Yes"
    assert values["Federal Employer Identification Number (FEIN)"] == "04-1234567"


def _pills(canvas: Canvas, top: float, options: list[tuple[str, bool]]) -> None:
    """A row of rounded pills around their options, the chosen ones filled dark."""
    x = 250.0
    for option, chosen in options:
        width = canvas.stringWidth(option, "Helvetica", 9) + 14
        canvas.setStrokeColorRGB(0.04, 0.33, 0.58)
        canvas.setFillColorRGB(0.04, 0.33, 0.58)
        canvas.roundRect(x, HEIGHT - top - 11, width, 14, 7, stroke=1, fill=int(chosen))
        canvas.setFillColorRGB(1, 1, 1) if chosen else canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(x + 7, HEIGHT - top - 7, option)
        x += width + 4


def test_choice_pills_the_chosen_filled(vocabulary: Vocabulary) -> None:
    # a portal page: right-aligned labels, values in light boxes, choices as pills
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawRightString(241, HEIGHT - 100, "Organization Legal Name")
        canvas.setFillColorRGB(0.94, 0.95, 0.96)
        canvas.roundRect(248, HEIGHT - 104, 300, 15, 3, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(254, HEIGHT - 100, "Harbor Billing LLC")
        canvas.drawRightString(241, HEIGHT - 130, "Organization Type")
        _pills(canvas, 126, [("MassHealth Provider", False), ("Business Partner", True),
                             ("Relationship Entity", False)])
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 10)
        canvas.drawRightString(241, HEIGHT - 160, "New Maximum POSC Screens per")
        canvas.drawRightString(241, HEIGHT - 171, "Session")
        canvas.drawString(254, HEIGHT - 160, "5")

    values = _values(page(draw), vocabulary)
    assert values["Organization Legal Name"] == "Harbor Billing LLC"
    assert (values["MassHealth Provider"], values["Business Partner"],
            values["Relationship Entity"]) == (False, True, False)
    assert values["New Maximum POSC Screens per Session"] == "5"


def _width(text: str) -> float:
    return stringWidth(text, "Helvetica", 10)


def test_a_value_wrapped_under_its_own_start(vocabulary: Vocabulary) -> None:
    # two columns flowing down the page: a value of the left one wraps under where it
    # started, beside lines of the right column
    name, screens = "Organization Legal Name: ", "POSC Screens Accessed: "
    data = page(texts((54, 100, f"{name}Nexus Health Data"),
                      (318, 100, "Estimated Transactions per Month: 1000"),
                      (54 + _width(name), 112, "Exchange Corp."),
                      (318, 112, "Bot Operating Hours: 24x7"),
                      (54, 124, f"{screens}Prior Authorization Entry"),
                      (54 + _width(screens), 136, "PA Status"),
                      (54 + _width(screens), 148, "Provider Messages"),
                      (54, 160, "City: Boston")))
    values = _values(data, vocabulary)
    assert values["Organization Legal Name"] == "Nexus Health Data\nExchange Corp."
    assert values["POSC Screens Accessed"] == \
        "Prior Authorization Entry\nPA Status\nProvider Messages"
    assert values["Bot Operating Hours"] == "24x7"


def test_a_mail_header_block_is_no_form(vocabulary: Vocabulary) -> None:
    data = page(texts((54, 60, "From: Priya R <priya@example.org>"),
                      (54, 72, "To: RPA Coordination <rpa@example.org>"),
                      (54, 84, "Date: Wed, 22 Apr 2026 09:14:07 -0400"),
                      (54, 96, "Subject: Stage I registration"),
                      (54, 130, "City:Westborough"), (54, 142, "Date Signed:2026-04-22")))
    values = _values(data, vocabulary)
    assert "Date" not in values
    assert values["Date Signed"] == "2026-04-22"


def test_a_striped_scenario_table(vocabulary: Vocabulary,
                                  definitions: dict[str, FormDefinition]) -> None:
    # rows shaded one in two, no rules: the table finder sees one table per shaded row
    rows = [("Scenario ID", "Transaction", "POSC Screen(s)", "Pass/Fail"),
            ("T-1", "Claim Status Inquiry", "Claim Search", "PASS"),
            ("T-2", "Claim Status Inquiry", "Claim Detail", "PASS"),
            ("T-3", "Remittance Advice Download", "Remittance", "FAIL"),
            ("T-4", "Remittance Advice Download", "Remittance", "PASS")]
    columns = (40, 110, 260, 400, 480)

    def draw(canvas: Canvas) -> None:
        canvas.drawString(40, HEIGHT - 50, "Test Scenarios")
        for number, row in enumerate(rows):
            top = 80 + 19 * number
            if number % 2 == 0:
                canvas.setFillColorRGB(0.92, 0.94, 0.97)
                for left, right in pairwise(columns):
                    canvas.rect(left, HEIGHT - top - 19, right - left, 19, stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont("Helvetica", 9)
            for left, text in zip(columns, row, strict=False):
                canvas.drawString(left + 3, HEIGHT - top - 13, text)

    document = read_pdf(page(draw), Limits(), vocabulary)
    transactions = transactions_field(definitions)
    assert transactions is not None
    passing, total, _covered = passing_scenarios(document, transactions)
    assert (passing, total) == ({"claim_status": 2, "remittance_advice": 1}, 4)
