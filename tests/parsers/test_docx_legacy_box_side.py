"""Shape: legacy FORMCHECKBOX groups whose box sits AFTER its option ("Cloud ☐"), as well
as before it ("☐ Cloud"). Each box was given to the option after it (the next one), so
org type, hosting and transactions came out wrong. The side is decided by the whole
group's pattern; a group that fits both sides is not guessed (the field goes to review)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.oxml import parse_xml
from lxml import etree

from parsers.docx_boxes import box_side
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import ExtractedDocument

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def box_runs(number: int, checked: bool) -> list[object]:
    return [parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"><w:ffData>'
                      f'<w:name w:val="Check{number}"/><w:checkBox><w:sizeAuto/>'
                      f'<w:default w:val="{int(checked)}"/></w:checkBox></w:ffData>'
                      f'</w:fldChar></w:r>'),
            parse_xml(f'<w:r {W}><w:instrText> FORMCHECKBOX </w:instrText></w:r>'),
            parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>')]


def text_run(text: str) -> object:
    return parse_xml(f'<w:r {W}><w:t xml:space="preserve">{text}</w:t></w:r>')


def break_run() -> object:
    return parse_xml(f'<w:r {W}><w:br/></w:r>')


class Form:
    """A Stage I as a label | value table whose choice cells are built run by run."""

    def __init__(self) -> None:
        self.document = Document()
        self.document.add_paragraph("MassHealth RPA Stage I Registration Form")
        self.table = self.document.add_table(rows=0, cols=2)
        self.boxes = 0
        self.row("Organization Legal Name").paragraphs[0].add_run("Acme Health LLC")

    def row(self, label: str) -> object:
        cells = self.table.add_row().cells
        cells[0].text = label
        return cells[1]

    def lines(self, label: str, lines: list[list[str | bool]], *,
              paragraphs: bool = False) -> None:
        """One choice cell: each line a sequence of texts and boxes (True = ticked), one
        paragraph per line or line breaks between them."""
        cell = self.row(label)
        paragraph = cell.paragraphs[0]
        for number, line in enumerate(lines):
            if number:
                paragraph = cell.add_paragraph() if paragraphs else paragraph
                if not paragraphs:
                    paragraph._p.append(break_run())
            for item in line:
                runs = box_runs(self.next_box(), item) if isinstance(item, bool) else \
                    [text_run(item)]
                for run in runs:
                    paragraph._p.append(run)

    def next_box(self) -> int:
        self.boxes += 1
        return self.boxes

    def read(self, definitions: dict[str, FormDefinition]) -> ExtractedDocument:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return extract_document("stage1.docx", buffer.getvalue(), definitions,
                                limits=Limits(ocr=False), today=date(2026, 12, 3),
                                isolate=False)


def after(*options: tuple[str, bool]) -> list[list[str | bool]]:
    return [[text + " ", ticked] for text, ticked in options]


def before(*options: tuple[str, bool]) -> list[list[str | bool]]:
    return [[ticked, " " + text] for text, ticked in options]


def test_box_after_its_option_lines_broken(definitions: dict[str, FormDefinition]) -> None:
    form = Form()
    form.lines("Organization Type", after(("MassHealth Provider", False),
                                          ("Business Partner", True),
                                          ("Relationship Entity", False)))
    form.lines("Bot Hosting", after(("On-Premises", True), ("Cloud", False),
                                    ("Vendor-Hosted", False)))
    form.lines("POSC Transactions Requested", after(
        ("Member Eligibility Verification", False), ("Claim Submission (DDE)", True),
        ("Claim Status Inquiry", True), ("Prior Authorization Request", False)))
    form.lines("I attest that the information on this form is true and complete",
               [["I attest that the information on this form is true and complete ", True]])
    result = form.read(definitions)
    assert result.value("org_type") == "business_partner"
    assert result.value("hosting") == "on_premises"
    assert result.value("transactions") == ["claim_status", "claim_submission"]
    assert result.value("attest") is True


def test_box_after_its_option_one_paragraph_each(
        definitions: dict[str, FormDefinition]) -> None:
    form = Form()
    form.lines("Bot Hosting", after(("On-Premises", False), ("Cloud", True),
                                    ("Vendor-Hosted", False)), paragraphs=True)
    form.lines("POSC Transactions Requested", [["Claim Status Inquiry ", True, "   ",
                                                "Remittance Advice Download ", False]])
    result = form.read(definitions)
    assert result.value("hosting") == "cloud"
    assert result.value("transactions") == ["claim_status"]


def test_box_before_its_option_still_read(definitions: dict[str, FormDefinition]) -> None:
    form = Form()
    form.lines("Organization Type", before(("MassHealth Provider", False),
                                           ("Business Partner", True)))
    form.lines("Bot Hosting", [["Choose one: ", False, " On-Premises ", True, " Cloud"]])
    result = form.read(definitions)
    assert result.value("org_type") == "business_partner"
    assert result.value("hosting") == "cloud"


def test_a_group_that_fits_both_sides_goes_to_review(
        definitions: dict[str, FormDefinition]) -> None:
    """ "On-Premises ☒ Cloud ☐ Vendor-Hosted": the ticked box is the first option's or the
    second's; neither end of the group is a box, so nobody can tell."""
    form = Form()
    form.lines("Bot Hosting", [["On-Premises ", True, " Cloud ", False, " Vendor-Hosted"]])
    form.lines("Organization Type", before(("Business Partner", True)))
    result = form.read(definitions)
    assert result.value("hosting") is None
    assert result.value("org_type") == "business_partner"
    assert not [problem for problem in result.problems
                if problem.field == "hosting" and problem.severity == "error"]


def pieces(*items: str | bool) -> list[tuple[str, object]]:
    """"|" is a line break, a bool a box, any other string a text."""
    box = etree.fromstring(f'<w:ffData {W}><w:checkBox/></w:ffData>')
    return [("break", "") if item == "|" else ("field", (box, "")) if isinstance(item, bool)
            else ("text", item) for item in items]


def test_group_side_by_its_pattern() -> None:
    assert box_side(pieces(True, "Yes", False, "No")) == "before"
    assert box_side(pieces("Testing completed:", True, "Yes", False, "No")) == "before"
    assert box_side(pieces("Organization Type:", "|", True, "A", "|", False, "B")) == "before"
    assert box_side(pieces("A", True, "|", "B", False)) == "after"
    assert box_side(pieces("Yes", True, "No", False)) == "after"
    assert box_side(pieces("I attest that it is true:", True)) == "plain"
    assert box_side(pieces(True)) == "plain"
    assert box_side(pieces("A", True, "B")) == "unsure"
    assert box_side(pieces(True, "A", "|", "B", False)) == "unsure"


W14 = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def control_box(checked: bool) -> object:
    """An untitled checkbox content control showing ☒ or ☐."""
    return parse_xml(f'<w:sdt {W14}><w:sdtPr><w14:checkbox><w14:checked w14:val='
                     f'"{int(checked)}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>'
                     f'{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>')


def test_checkbox_controls_after_their_options(
        definitions: dict[str, FormDefinition]) -> None:
    """The same shape with checkbox content controls: "Cloud ☐" on each line."""
    form = Form()
    for label, options in (("Bot Hosting", [("On-Premises", False), ("Cloud", True),
                                            ("Vendor-Hosted", False)]),
                           ("Organization Type", [("MassHealth Provider", True),
                                                  ("Business Partner", False)])):
        paragraph = form.row(label).paragraphs[0]
        for number, (text, checked) in enumerate(options):
            if number:
                paragraph._p.append(break_run())
            paragraph._p.append(text_run(text + " "))
            paragraph._p.append(control_box(checked))
    result = form.read(definitions)
    assert result.value("hosting") == "cloud"
    assert result.value("org_type") == "provider"
