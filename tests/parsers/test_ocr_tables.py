"""Scans of ruled forms: the page straightened, the table grid and the box glyphs found in
the image, OCR slips tidied, and the cells read as label | value rows."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable

import numpy as np
import pypdfium2
import pytest
from pdf_samples import image_pdf
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.ocr_grid import erase_combs, erase_rules, find_grids, straighten
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


def _watermark(canvas: Canvas) -> None:
    """A huge light-grey diagonal DRAFT behind the form, as a copy stamped before scanning."""
    canvas.saveState()
    canvas.setFillGray(0.72)
    canvas.setFont("Helvetica-Bold", 150)
    canvas.translate(120, 150)
    canvas.rotate(45)
    canvas.drawString(0, 0, "DRAFT")
    canvas.restoreState()


def _page_image(*drawings: Callable[[Canvas], None]) -> Image.Image:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for draw in drawings:
        draw(canvas)
    canvas.showPage()
    canvas.save()
    return pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=200 / 72).to_pil() \
        .convert("L")


def _values_over_the_watermark(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    for number in range(30):
        canvas.drawString(150, HEIGHT - 300 - 14 * number, f"Street Address {number} Main")


def test_a_watermark_keeps_the_text_over_it() -> None:
    """The filled strokes of a watermark's letters are dark runs longer than any letter's
    stroke, found as rules far thicker than a table's: erasing them would wipe out every
    value typed over the watermark (a scanned DRAFT copy read as a blank form)."""
    image = straighten(_page_image(_watermark, _values_over_the_watermark))
    clean = erase_rules(image, find_grids(image))
    black, kept = (int((np.asarray(item) < 80).sum()) for item in (image, clean))
    assert kept >= 0.99 * black  # the strokes' thin tips may be taken for rules


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


def _comb(canvas: Canvas) -> None:
    """A FEIN typed one digit per box, and a line of plain text under it."""
    canvas.setFont("Helvetica", 10)
    canvas.drawString(LEFT, HEIGHT - 112, "Federal Employer Identification Number (FEIN)")
    canvas.setStrokeGray(0.3)
    canvas.setLineWidth(0.75)
    for number, digit in enumerate("804564843"):
        x = 300 + 15 * number
        canvas.rect(x, HEIGHT - 116, 15, 16)
        canvas.drawString(x + 4.5, HEIGHT - 112, digit)
    canvas.drawString(LEFT, HEIGHT - 160, "Street Address 410 Broadway, Suite 3")


def test_a_comb_loses_its_boxes_and_keeps_its_digits() -> None:
    """The digits of a comb stand inside boxes the engine does not read through: the boxes'
    lines go, the digits and the plain text stay."""
    image = _page_image(_comb)
    clean = np.asarray(erase_combs(image))
    pixels = np.asarray(image)
    comb = np.s_[int(100 * 200 / 72): int(117 * 200 / 72), int(299 * 200 / 72):
                 int(437 * 200 / 72)]
    black = (pixels[comb] < 60).sum()  # the digits (the boxes are gray)
    assert (clean[comb] < 60).sum() >= 0.9 * black > 0
    assert (clean[comb] < 210).sum() < 0.5 * (pixels[comb] < 210).sum()  # the boxes went
    text = np.s_[int(150 * 200 / 72): int(163 * 200 / 72), :]
    assert (clean[text] == pixels[text]).all()


def _dark_band(canvas: Canvas) -> None:
    """A table's header between two rules, its bold capitals as tall as the band."""
    canvas.setFillGray(0.86)
    canvas.rect(LEFT, HEIGHT - 130, 500, 12, fill=1, stroke=1)
    canvas.setFillGray(0)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(LEFT + 4, HEIGHT - 129.5, "SCENARIO ID  TRANSACTION  PASS/FAIL")


def test_a_dark_band_is_no_comb() -> None:
    """The band's capitals span from its top rule to its bottom one, as a comb's strokes
    do, but so closely that the band is ink as much as paper: nothing of it is erased."""
    image = _page_image(_dark_band)
    assert (np.asarray(erase_combs(image)) == np.asarray(image)).all()


def _ocr_line(*pieces: tuple[str, float]) -> list[Word]:
    """Words of one OCR line at 28 px type, each piece's text and its gap before it."""
    words, x = [], 100.0
    for text, gap in pieces:
        x += gap * 28
        words.append(Word(text, x, x + 14 * len(text), 200, 228, 0.9))
        x += 14 * len(text)
    return words


@pytest.mark.parametrize(("pieces", "read"), [
    ((("UiP", 0), ("ath", 0.2), ("S", 0.35), ("tudio", 0.05)), ["UiPath", "Studio"]),
    ((("Anjali", 0), ("R", 0.3), ("aghunathan", 0.1)), ["Anjali", "Raghunathan"]),
    ((("Mon-S", 0), ("at", 0.0)), ["Mon-Sat"]),
    ((("the", 0), ("RPA", 0.3), ("bot", 0.1)), ["the", "RPA", "bot"]),  # an acronym
    ((("I", 0), ("attest", 0.1)), ["I", "attest"]),
    ((("Plan", 0), ("B", 0.3), ("only", 0.6)), ["Plan", "B", "only"]),  # a real space
])
def test_a_word_the_ocr_parted_after_a_capital_is_whole(pieces: tuple[tuple[str, float], ...],
                                                        read: list[str]) -> None:
    assert [word.text for word in tidy_words(_ocr_line(*pieces))] == read


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


def _shaded_header_scan() -> Image.Image:
    """A scanned ruled table whose bold header sits on a light grey band (the grey of a
    platypus or browser header, close to a scanned rule's), blurred, noisy and JPEG'd."""
    import numpy as np
    from PIL import ImageFilter
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    buffer = io.BytesIO()
    header = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result",
              "Actual Result", "Pass/Fail"]
    rows = [header, *([f"AB-{n:02}", "Claim Status Inquiry", "Claim Search", "Paid claim",
                       "As expected", "Pass"] for n in range(1, 6))]
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.83, 0.83, 0.83)),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    SimpleDocTemplate(buffer, pagesize=landscape(LETTER)).build([table])
    image = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=160 / 72).to_pil()
    blurred = np.asarray(image.convert("L").filter(ImageFilter.GaussianBlur(0.8)), float)
    noisy = np.clip(blurred + np.random.default_rng(5).normal(0, 12, blurred.shape), 0, 255)
    jpeg = io.BytesIO()
    Image.fromarray(noisy.astype(np.uint8)).save(jpeg, "JPEG", quality=50)
    scan = Image.open(io.BytesIO(jpeg.getvalue()))
    return scan.resize((scan.width * 5 // 4, scan.height * 5 // 4), Image.Resampling.LANCZOS)


def test_bold_words_on_a_shaded_header_band_are_no_rules() -> None:
    """The band's grey joins the bold letters into strokes as long as a rule and thicker:
    they run from no column rule to another, so they are neither row edges nor erased
    (which took the header's words with them)."""
    import numpy as np

    from parsers.ocr_grid import RULE_WIDTH, erase_rules

    image = straighten(_shaded_header_scan())
    grids = find_grids(image)
    assert len(grids) == 1
    grid = grids[0]
    assert all(rule.width <= RULE_WIDTH or rule.end - rule.start > 0.9 * (grid.xs[-1] -
                                                                           grid.xs[0])
               for rule in grid.rows)
    top, bottom = round(grid.ys[0]) + 5, round(grid.ys[0]) + 45  # the header's words
    left, right = round(grid.xs[0]) + 5, round(grid.xs[-1]) - 5
    before = (np.asarray(image)[top:bottom, left:right] < 100).sum()
    after = (np.asarray(erase_rules(image, grids))[top:bottom, left:right] < 100).sum()
    assert after > 0.8 * before


def test_a_thin_ruled_table_still_makes_a_grid() -> None:
    image = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 200, 300):
        draw.line((100, y, 700, y), fill=0, width=2)
    for x in (100, 400, 700):
        draw.line((x, 100, x, 300), fill=0, width=2)
    grids = find_grids(image)
    assert len(grids) == 1 and (len(grids[0].ys), len(grids[0].xs)) == (3, 3)

