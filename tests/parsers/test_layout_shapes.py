"""Printed layouts of the sixth blind set's gaps, each as a small synthetic page of the same
shape (never the blind file): newspaper columns whose lines interleave, printed radio
circles, a value pushed to the next page, a scenario table printed (or scanned) without
rules, and a scan's label parted from its value by a wider gap only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_samples import HEIGHT, page, scanned, texts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.layout_words import Word
from parsers.limits import Limits
from parsers.ocr_engines import rapid_installed
from parsers.ocr_text import tidy_words
from parsers.pdf import read_pdf
from parsers.pdf_layout import pair_fields
from parsers.supporting import passing_scenarios, transactions_field

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _values(data: bytes, vocabulary: Vocabulary) -> dict[str, object]:
    return {item.name: item.value for item in read_pdf(data, Limits(), vocabulary).fields}


def test_newspaper_columns_whose_lines_interleave(vocabulary: Vocabulary) -> None:
    # two columns of label-over-value fields, the right one set 5 points lower: every
    # line under a label of one column is a line of the other
    data = page(texts(
        (50, 100, "Street Address"), (320, 105, "Bot Operating Hours"),
        (50, 112, "12 Harbor Way"), (320, 117, "Weekdays 6 PM - 9 PM"),
        (50, 130, "City"), (320, 135, "Bot Name(s)"),
        (50, 142, "Salem"), (320, 147, "HB-Bot-1"),
        (50, 160, "Federal Employer Identification Number"),
        (320, 160, "[X] Member Eligibility Verification"),
        (50, 172, "(FEIN)"), (320, 172, "Claim Status Inquiry"),
        (50, 184, "04-1234567"), (320, 184, "[ ] Claim Adjustment/Void")))
    values = _values(data, vocabulary)
    assert values["Street Address"] == "12 Harbor Way"
    assert values["Bot Operating Hours"] == "Weekdays 6 PM - 9 PM"
    assert values["City"] == "Salem"
    assert values["Bot Name(s)"] == "HB-Bot-1"
    assert values["Federal Employer Identification Number (FEIN)"] == "04-1234567"


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs the DejaVu font for the circles")
def test_printed_radio_circles(vocabulary: Vocabulary) -> None:
    def draw(canvas: Canvas) -> None:
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
        canvas.setFont("DejaVu", 10)
        canvas.drawString(50, HEIGHT - 100, "Organization Type")
        canvas.drawString(55, HEIGHT - 114, "○ MassHealth Provider   ○ Business Partner   "
                                            "◉ Relationship Entity")
        canvas.drawString(50, HEIGHT - 140, "POSC Screens Accessed")  # circles as bullets
        canvas.drawString(55, HEIGHT - 154, "○ Member Search")

    values = _values(page(draw), vocabulary)
    assert (values["MassHealth Provider"], values["Business Partner"],
            values["Relationship Entity"]) == (False, False, True)
    assert values["POSC Screens Accessed"] == "○ Member Search"  # no mark without a ◉


def test_a_value_pushed_to_the_next_page(vocabulary: Vocabulary) -> None:
    data = page(texts((50, 100, "Organization Legal Name"), (54, 114, "Acme Health LLC"),
                      (50, 760, "RPA Tool Version")),
                texts((54, 40, "22.4.1"), (50, 80, "SECTION 6. TESTING")))
    values = _values(data, vocabulary)
    assert values["RPA Tool Version"] == "22.4.1"
    assert values["Organization Legal Name"] == "Acme Health LLC"


_SCENARIOS = [
    ("Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Pass/Fail"),
    ("T-1", "Claim Status Inquiry", "Claim Search", "Status shown", "Pass"),
    ("", "", "Claim Detail", "and saved", ""),
    ("T-2", "Claim Status Inquiry", "Claim Search", "Status shown", "Fail"),
    ("T-3", "Remittance Advice Download", "Remittance", "File saved", "Pass")]


def _scenario_page() -> bytes:
    columns = (50, 110, 250, 380, 520)
    return page(texts(
        (50, 60, "RPA Test Scenarios"),
        *((x, 100 + 12 * number, text) for number, row in enumerate(_SCENARIOS)
          for x, text in zip(columns, row, strict=True) if text)))


@pytest.mark.parametrize("scan", [False, pytest.param(True, marks=pytest.mark.skipif(
    not rapid_installed(), reason="needs RapidOCR"))])
def test_a_scenario_table_printed_without_rules(
        vocabulary: Vocabulary, definitions: dict[str, FormDefinition], scan: bool) -> None:
    data = scanned(_scenario_page(), dpi=190) if scan else _scenario_page()
    document = read_pdf(data, Limits(ocr_seconds_per_page=60), vocabulary)
    assert document.method == ("ocr" if scan else "layout")
    transactions = transactions_field(definitions)
    assert transactions is not None
    passing, total, covered = passing_scenarios(document, transactions)
    assert (passing, total) == ({"claim_status": 1, "remittance_advice": 1}, 3)
    assert covered == ["claim_status", "remittance_advice"]


def _words(spec: str, top: float = 100.0, height: float = 13.7) -> list[Word]:
    """"Text@x0-x1 ..." as words of one line (a scan's word boxes, in points)."""
    found = []
    for item in spec.split():
        text, _, span = item.rpartition("@")
        left, right = span.split("-")
        found.append(Word(text, float(left), float(right), top, top + height, 0.9))
    return found


def test_a_label_parted_from_its_value_by_a_wider_gap_only(vocabulary: Vocabulary) -> None:
    # a scan's word boxes: the label's and the value's spaces are 2-5 points, the gap
    # between them 8-11, too little to cut the line into segments
    title = _words("Primary@55-86 Contact@90-121 Title@123-143 Billing@152-177 "
                   "Office@182-206 Supervisor@211-254")
    prose = _words("Organization@55-105 Legal@109-132 Name@136-159 must@163-183 "
                   "match@187-210 the@214-226 records@230-262", top=130)
    words = [*title, *prose, *_words("Description@55-101 of@103-112 Modification@117-167 "
                                     "Retire@178-200 bot@204-217 RX-2;@222-250 the@254-265 "
                                     "clinic@269-291 stopped@295-325", top=160),
             *_words("its@178-190 use.@194-214", top=175)]
    values = {item.name: item.value for item in
              pair_fields(words, [], vocabulary, source="ocr")}
    assert values["Primary Contact Title"] == "Billing Office Supervisor"
    assert values["Description of Modification"] == "Retire bot RX-2; the clinic stopped its use."
    assert "Organization Legal Name" not in values  # prose keeps even spaces


def test_a_speck_read_as_a_word_is_dropped() -> None:
    words = tidy_words(_words("MV@172-187 Peds@190-209 .@216-222"))
    assert [word.text for word in words] == ["MV", "Peds"]
