"""Printed layouts of the seventh blind set's gaps, each as a small synthetic page of the
same shape (never the blind file): section headings over blank fields, a one-line label
between wrapped neighbours, table rows ruled cell by cell (a browser) and a header that
runs over into the row below (a spreadsheet), values continued under their first word,
and choices printed in a short form of their label."""

from __future__ import annotations

from itertools import pairwise

import pytest
from pdf_samples import HEIGHT, Draw, page, texts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from parsers.choices import find_choice
from parsers.formdefs import FieldDef, FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.pdf import read_pdf
from parsers.supporting import passing_scenarios, transactions_field


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


@pytest.fixture(scope="module")
def transactions(definitions: dict[str, FormDefinition]) -> FieldDef:
    found = transactions_field(definitions)
    assert found is not None
    return found


def _values(data: bytes, vocabulary: Vocabulary) -> dict[str, object]:
    return {item.name.rstrip(" \u2013"): item.value  # "Description –": the label's dash
            for item in read_pdf(data, Limits(), vocabulary).fields}


def _drawn(*items: tuple[str, float, float, float, str]) -> Draw:
    """Text as (font, size, x, y from the top, text)."""
    def draw(canvas: Canvas) -> None:
        for font, size, x, y, text in items:
            canvas.setFont(font, size)
            canvas.drawString(x, HEIGHT - y, text)
    return draw


def test_a_bold_larger_heading_is_no_blank_fields_value(vocabulary: Vocabulary) -> None:
    # a blank web form: labels in 7-point type, section headings in 10-point bold just
    # above the first label of their section; nothing typed under any label
    data = page(_drawn(("Helvetica", 7, 74, 100, "Primary Contact Telephone"),
                       ("Helvetica-Bold", 10, 72, 140, "RPA Tool and Bots"),
                       ("Helvetica", 7, 74, 155, "RPA Tool (Product Name)"),
                       ("Helvetica", 7, 74, 185, "RPA Tool Vendor"),
                       ("Helvetica", 7, 74, 215, "Bot Name(s)")))
    values = _values(data, vocabulary)
    assert values.get("RPA Tool (Product Name)", "") == ""
    assert values.get("Primary Contact Telephone", "") == ""


def test_a_continued_heading_is_no_value(vocabulary: Vocabulary) -> None:
    # the section goes on on page 2 under a "(continued)" heading in the labels' own type
    data = page(texts((50, 60, "Requested Modification (continued)"),
                      (50, 74, "New RPA Tool (Product Name)"),
                      (50, 104, "Description of Modification"),
                      (50, 118, "Raise the screen limit")))
    values = _values(data, vocabulary)
    assert values.get("New RPA Tool (Product Name)", "") == ""
    assert values["Description of Modification"] == "Raise the screen limit"


def test_a_one_line_label_between_wrapped_neighbours(vocabulary: Vocabulary) -> None:
    # a row of three boxed fields: the outer labels wrap onto a second line, the middle
    # one does not, and every value sits under its label's last line
    data = page(texts((54, 100, "MassHealth Provider ID/Service"), (230, 100, "National "
                      "Provider Identifier (NPI)"), (400, 100, "Federal Employer Identification"),
                      (54, 110, "Location (PID/SL)"), (400, 110, "Number (FEIN)"),
                      (58, 130, "110078123C"), (234, 130, "1873019529"),
                      (404, 130, "04-3627718")))
    values = _values(data, vocabulary)
    assert values["National Provider Identifier (NPI)"] == "1873019529"


_ROWS = [("Scenario ID", "Transaction", "Expected Result", "Actual Result", "Pass/Fail"),
         ("T-01", "Claim Status Inquiry", "Result screen shown; logged", "As expected", "Pass"),
         ("T-02", "Claim Status Inquiry", "Result screen shown; logged", "Timeout", "Fail"),
         ("T-03", "Member Eligibility Verification", "Result screen shown; logged",
          "As expected", "Pass")]
_EDGES = (40, 100, 250, 372, 450, 520)


def _cell_ruled(canvas: Canvas) -> None:
    """A browser's table: the header's cells filled, each body cell ruled only under it
    (one short rule per cell), no vertical rules at all."""
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, HEIGHT - 60, "Test Scenarios")
    for number, row in enumerate(_ROWS):
        top = 100 + 16 * number
        for (left, right), text in zip(pairwise(_EDGES), row, strict=True):
            if number == 0:
                canvas.setFillGray(0.85)
                canvas.rect(left, HEIGHT - top - 16, right - left, 16, stroke=0, fill=1)
            else:
                canvas.setFillGray(0.6)
                canvas.rect(left, HEIGHT - top - 16, right - left, 0.7, stroke=0, fill=1)
            canvas.setFillGray(0)
            canvas.drawString(left + 2, HEIGHT - top - 11, text)


def test_rows_ruled_cell_by_cell(vocabulary: Vocabulary, transactions: FieldDef) -> None:
    document = read_pdf(page(_cell_ruled), Limits(), vocabulary)
    passing, total, covered = passing_scenarios(document, transactions)
    assert (passing, total) == ({"claim_status": 1, "eligibility_inquiry": 1}, 3)
    assert covered == ["claim_status", "eligibility_inquiry"]


def _overflowing_header(canvas: Canvas) -> None:
    """A spreadsheet's grid whose header row is one line high: its two-line cells run
    over into the first row, printed over that row's own text in another font."""
    edges, tops = (50, 110, 260, 330), (90, 102, 126, 150, 174)
    for x in edges:
        canvas.line(x, HEIGHT - tops[0], x, HEIGHT - tops[-1])
    for y in tops:
        canvas.line(edges[0], HEIGHT - y, edges[-1], HEIGHT - y)
    header = (("Scenario", "ID"), ("Transaction", ""), ("Pass/", "Fail"))
    rows = (("S-1", "Claim Status Inquiry", "Pass"), ("S-2", "Claim Status Inquiry", "Fail"),
            ("S-3", "Remittance Advice Download", "Pass"))
    for left, (first, second) in zip(edges, header, strict=False):
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(left + 2, HEIGHT - 100, first)
        canvas.drawString(left + 2, HEIGHT - 111, second)
    canvas.setFont("Times-Roman", 9)
    for number, row in enumerate(rows):
        for left, text in zip(edges, row, strict=False):
            canvas.drawString(left + 2, HEIGHT - 111 - 24 * number, text)


def test_a_spreadsheet_header_run_over_into_the_row_below(
        vocabulary: Vocabulary, transactions: FieldDef) -> None:
    document = read_pdf(page(_overflowing_header), Limits(), vocabulary)
    passing, total, _covered = passing_scenarios(document, transactions)
    assert (passing, total) == ({"claim_status": 1, "remittance_advice": 1}, 3)


def _lines(*items: tuple[float, float, str]) -> bytes:
    return page(texts((50, 60, "MassHealth RPA Stage I Registration Form"), *items))


def test_a_list_continued_under_its_first_item(vocabulary: Vocabulary) -> None:
    # "Bot Name(s): MVB-1", the next items under MVB-1 (10-point Helvetica)
    start = 50 + stringWidth("Bot Name(s): ", "Helvetica", 10)
    data = _lines((50, 100, "Bot Name(s): MVB-1"), (start, 119, "MVB-2"),
                  (start, 138, "MVB-3"), (50, 160, "Bot Hosting: Cloud"),
                  (50, 190, "City:"), (140, 190, "Lowell"), (50, 209, "State:"),
                  (140, 209, "MA"))
    values = _values(data, vocabulary)
    assert values["Bot Name(s)"] == "MVB-1\nMVB-2\nMVB-3"
    assert values["City"] == "Lowell"  # a column of values: each has its own label
    assert values["State"] == "MA"


def test_a_description_wrapped_at_its_first_word(vocabulary: Vocabulary) -> None:
    data = _lines((50, 100, "Description of Modification \u2013 Retire bot ODC-B; its user "
                   "ID is no longer needed. Other: move"),
                  (176, 114, "the remaining bot's schedule to weekends."),
                  (50, 133, "Requested Effective Date \u2013 12/31/2026"))
    values = _values(data, vocabulary)
    assert values["Description of Modification"] == (
        "Retire bot ODC-B; its user ID is no longer needed. Other: move the remaining bot's "
        "schedule to weekends.")


@pytest.mark.parametrize(("text", "key"), [
    ("Adjust/Void", "claim_adjustment"), ("Eligibility Verif.", "eligibility_inquiry"),
    ("Prior Auth Req", "prior_authorization"), ("Claim", None), ("Status Adjust", None)])
def test_a_choice_named_by_a_short_form_of_its_label(
        transactions: FieldDef, text: str, key: str | None) -> None:
    assert find_choice(transactions, text) == key


def test_a_blank_form_of_two_columns_is_surely_blank(vocabulary: Vocabulary) -> None:
    # a blank web form: rows of two labels, the last row with a left one only, and a
    # running footer with the form's code under the last label
    data = page(_drawn(
        ("Helvetica", 7, 74, 100, "Federal Employer Identification Number (FEIN)"),
        ("Helvetica", 7, 316, 100, "Street Address"),
        ("Helvetica", 7, 74, 130, "Primary Contact Title"),
        ("Helvetica", 7, 316, 130, "Primary Contact Email"),
        ("Helvetica", 7, 74, 160, "Primary Contact Telephone"),
        ("Helvetica", 7, 74, 190, "Planned Production Date"),
        ("Helvetica", 7.5, 61, 209, "RPA-S1 \u2014 MassHealth RPA online form")))
    fields = {item.name: item for item in read_pdf(data, Limits(), vocabulary).fields}
    for name in ("Federal Employer Identification Number (FEIN)", "Street Address",
                 "Primary Contact Email"):
        assert (fields[name].value, fields[name].understood) == ("", True), name
    assert fields.get("Planned Production Date") is None or \
        fields["Planned Production Date"].value == ""


def test_a_heading_reversed_out_of_a_band_is_no_blank_fields_value(
        vocabulary: Vocabulary) -> None:
    # "Label: value" lines in bold labels, a blank one right above a navy band whose
    # heading is printed in white, in nearly the labels' own type (set 7's hd1 shape)
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 9.5)
        canvas.drawString(72, HEIGHT - 100, "RPA Tool (Product Name): UiPath Studio")
        canvas.drawString(72, HEIGHT - 116, "RPA Tool Version:")
        canvas.setFillColorRGB(0.1, 0.15, 0.4)
        canvas.rect(66, HEIGHT - 138, 480, 16, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(72, HEIGHT - 134, "Transactions and Testing")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica-Bold", 9.5)
        canvas.drawString(72, HEIGHT - 156, "Weekly Transactions: 1200")
    values = _values(page(draw), vocabulary)
    assert values.get("RPA Tool Version", "") == ""
    assert values.get("Weekly Transactions") == "1200"


def test_a_watermark_is_no_part_of_the_values_it_crosses(vocabulary: Vocabulary) -> None:
    # a huge light-grey letter of "DRAFT", slanted across the page behind the form (set 9's
    # wm1 shape), whose box begins on a value's line and inside it: it was read into the
    # value ("781.555.01A29") and the provider told the number was invalid
    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setFillColorRGB(0.82, 0.82, 0.82)
        canvas.translate(338, HEIGHT - 487)
        canvas.rotate(50)
        canvas.setFont("Helvetica-Bold", 179)
        canvas.drawString(0, 0, "A")
        canvas.restoreState()
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, HEIGHT - 288, "Primary Contact Name: Ana Reyes")
        canvas.drawString(50, HEIGHT - 302, "Primary Contact Telephone:")
        canvas.drawString(186, HEIGHT - 302, "781.555.0129")
        canvas.drawString(50, HEIGHT - 316, "City: Lynn")
    values = _values(page(draw), vocabulary)
    assert values["Primary Contact Telephone"] == "781.555.0129"
    assert values["City"] == "Lynn"
