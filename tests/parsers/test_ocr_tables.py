"""Scans of ruled forms: the page straightened, the table grid and the box glyphs found in
the image, OCR slips tidied, and the cells read as label | value rows."""

from __future__ import annotations

import io
import shutil

import pypdfium2
import pytest
from pdf_samples import image_pdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.ocr_grid import find_grids, straighten
from parsers.ocr_marks import find_marks
from parsers.ocr_text import fixed_label, tidy_words
from parsers.pdf import read_pdf
from parsers.pdf_layout import Word

HEIGHT = LETTER[1]
LEFT, MIDDLE, MARK, RIGHT = 50.0, 270.0, 300.0, 560.0
ROWS = [  # label, mark column, value; a row without a label continues the one above
    ("Organization Legal Name", None, "Acme Health Partners"),
    ("Organization Type", "", "MassHealth Provider"),
    ("", "X", "Business Partner"),
    ("", "", "Relationship Entity"),
    ("City", None, "Boston"),
    ("Bot Hosting", None, "boxes"),
    ("Authorized Signatory Name", None, "Dana Whitfield"),
]
TOP, ROW = 100.0, 24.0


def _table(canvas: Canvas) -> None:
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(LEFT, HEIGHT - 60, "MassHealth RPA Stage I Registration Form")
    canvas.setStrokeGray(0.45)
    canvas.setLineWidth(0.75)
    for number, (label, mark, value) in enumerate(ROWS):
        top = TOP + number * ROW
        starts_label = label or number == len(ROWS)
        canvas.line(LEFT if starts_label else MIDDLE, HEIGHT - top, RIGHT, HEIGHT - top)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(LEFT + 4, HEIGHT - top - 16, label)
        if value == "boxes":
            _boxes(canvas, top)
        else:
            canvas.drawString((MARK if mark is not None else MIDDLE) + 4, HEIGHT - top - 16,
                              value)
        if mark:
            canvas.drawString(MIDDLE + 11, HEIGHT - top - 16, mark)
    bottom = TOP + len(ROWS) * ROW
    canvas.line(LEFT, HEIGHT - bottom, RIGHT, HEIGHT - bottom)
    for x in (LEFT, MIDDLE, RIGHT):
        canvas.line(x, HEIGHT - TOP, x, HEIGHT - bottom)
    canvas.line(MARK, HEIGHT - TOP - ROW, MARK, HEIGHT - TOP - 4 * ROW)
    canvas.drawString(LEFT, HEIGHT - 740, "RPA-S1 Rev. 07/2022 Page 1 of 1")


def _boxes(canvas: Canvas, top: float) -> None:
    """☐ On-Premises  ☒ Cloud, the boxes drawn as a font would draw them."""
    canvas.setStrokeGray(0)
    for x, text, checked in ((MIDDLE + 6, "On-Premises", False), (MIDDLE + 110, "Cloud", True)):
        y = HEIGHT - top - 17
        canvas.rect(x, y, 8, 8)
        if checked:
            canvas.line(x, y, x + 8, y + 8)
            canvas.line(x, y + 8, x + 8, y)
        canvas.drawString(x + 13, y + 1, text)
    canvas.setStrokeGray(0.45)


def _tilted_scan(angle: float = 1.0) -> Image.Image:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    _table(canvas)
    canvas.showPage()
    canvas.save()
    image = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=200 / 72).to_pil()
    return image.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.fixture(scope="module")
def scan_image() -> Image.Image:
    return _tilted_scan()


def test_a_tilted_table_is_straightened_and_its_grid_found(scan_image: Image.Image) -> None:
    grids = find_grids(straighten(scan_image))
    assert len(grids) == 1
    grid = grids[0]
    assert (len(grid.ys) - 1, len(grid.xs) - 1) == (len(ROWS), 3)
    scale = 200 / 72
    type_label = grid.cell((LEFT + 20) * scale, (TOP + 1.5 * ROW) * scale)
    continued = grid.cell((LEFT + 20) * scale, (TOP + 3.5 * ROW) * scale)
    city_value = grid.cell((RIGHT - 20) * scale, (TOP + 4.5 * ROW) * scale)
    assert type_label == continued == (1, 0)  # the label cell spans its three choices
    assert city_value == (4, 1)  # the value cell spans the mark column


def test_no_grid_on_an_unruled_page() -> None:
    image = Image.new("L", (400, 300), 255)
    assert find_grids(straighten(image)) == []


def test_box_glyphs_are_found_and_read(scan_image: Image.Image) -> None:
    marks = sorted(find_marks(straighten(scan_image)), key=lambda mark: mark.x0)
    assert [mark.checked for mark in marks] == [False, True]


def test_ocr_slips_are_tidied() -> None:
    def word(text: str, x0: float) -> Word:
        return Word(text, x0, x0 + 10 * len(text), 100, 120)
    words = [word("|", 0), word("attest", 14), word("RPABHOO1,", 100), word("{", 200),
             word("]", 212), word("Yes", 230), word("—", 300)]
    assert [item.text for item in tidy_words(words)] == \
        ["I", "attest", "RPABH001,", "[ ]", "Yes"]


@pytest.mark.parametrize("misread", ["Stage Il Approval Number", "Stage I! Approval Number"])
def test_two_strokes_in_a_label_are_two(misread: str,
                                        definitions: dict[str, FormDefinition]) -> None:
    assert fixed_label(misread, Vocabulary(definitions)) == "Stage II Approval Number"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")
def test_a_ruled_scan_is_read_cell_by_cell(scan_image: Image.Image,
                                           definitions: dict[str, FormDefinition]) -> None:
    document = read_pdf(image_pdf(scan_image), Limits(), Vocabulary(definitions))
    assert document.method == "ocr"
    values = {(item.label, item.name): item.value for item in document.fields}
    assert values[("Organization Legal Name", "Organization Legal Name")] == \
        "Acme Health Partners"
    assert values[("City", "City")] == "Boston"
    assert values[("Organization Type", "Business Partner")] is True
    assert values[("Organization Type", "MassHealth Provider")] is False
    assert values[("Bot Hosting", "Cloud")] is True
    assert values[("Bot Hosting", "On-Premises")] is False
    assert values[("Authorized Signatory Name", "Authorized Signatory Name")] == \
        "Dana Whitfield"
    assert all(item.source == "ocr" and 0 < item.confidence < 1 for item in document.fields)


SCENARIOS = [("Scenario ID", "Transaction", "Pass/Fail"),
             ("TS-01", "Claim Submission (DDE)", "Pass"),
             ("TS-02", "Claim Adjustment/Void", "Fail"),
             ("TS-03", "Remittance Advice Download", "Pass")]


def _scenario_scan(dpi: int = 160, angle: float = -1.1) -> Image.Image:
    """A ruled Test Scenarios table, drawn, scanned at ``dpi`` and tilted."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(LEFT, HEIGHT - 60, "Test Scenarios")
    columns = (LEFT, 140.0, 380.0, 480.0)
    for number, row in enumerate(SCENARIOS):
        top = TOP + number * ROW
        canvas.line(LEFT, HEIGHT - top, columns[-1], HEIGHT - top)
        canvas.setFont("Helvetica-Bold" if number == 0 else "Helvetica", 10)
        for x, text in zip(columns, row, strict=False):
            canvas.drawString(x + 4, HEIGHT - top - 16, text)
    bottom = TOP + len(SCENARIOS) * ROW
    canvas.line(LEFT, HEIGHT - bottom, columns[-1], HEIGHT - bottom)
    for x in columns:
        canvas.line(x, HEIGHT - TOP, x, HEIGHT - bottom)
    canvas.showPage()
    canvas.save()
    image = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=dpi / 72).to_pil()
    return image.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def test_a_scanned_scenario_table_gives_its_rows(definitions: dict[str, FormDefinition]) -> None:
    """The grid's rows are the document's table, so a scanned Test Scenarios document
    gives its transactions and pass counts like a printed one."""
    document = read_pdf(image_pdf(_scenario_scan()), Limits(), Vocabulary(definitions))
    assert document.method == "ocr"
    rows = [tuple(" ".join(cell.split()) for cell in row) for table in document.tables
            for row in table]
    assert rows[1:] == SCENARIOS[1:]
    assert rows[0][0] == "Scenario ID" and rows[0][2] == "Pass/Fail"


def test_a_watermarks_filled_letters_make_no_grid() -> None:
    # a huge slanted "DRAFT" behind the text: its filled strokes ran as "rules" hundreds
    # of px thick, made a grid, and erasing that grid wiped the text over it
    font = ImageFont.truetype("DejaVuSans-Bold.ttf", 420)
    mark = Image.new("L", (1900, 520), 0)
    ImageDraw.Draw(mark).text((20, 0), "DRAFT", font=font, fill=255)
    mark = mark.rotate(35, expand=True)
    image = Image.new("L", (1700, 2200), 255)
    image.paste(Image.new("L", mark.size, 150), (0, 400), mark)
    assert find_grids(image) == []


def test_a_thin_ruled_table_still_makes_a_grid() -> None:
    image = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 200, 300):
        draw.line((100, y, 700, y), fill=0, width=2)
    for x in (100, 400, 700):
        draw.line((x, 100, x, 300), fill=0, width=2)
    grids = find_grids(image)
    assert len(grids) == 1 and (len(grids[0].ys), len(grids[0].xs)) == (3, 3)

