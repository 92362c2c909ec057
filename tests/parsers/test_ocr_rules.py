"""Scans, the general rules behind the OCR reader (issue #11 item 6): words on one line by
their middles, box glyphs with thick edges and no bold letters as boxes, OCR slips in the
forms' own words put right, bracket marks parted from their choice, a scan drawn at its own
resolution, the fast engine for a long scan's last pages, and a scanned scenario table
read as a table."""

from __future__ import annotations

import pytest
from pdf_samples import image_pdf
from PIL import Image, ImageDraw

from parsers.formdefs import FormDefinition
from parsers.glyphs import strip_separator
from parsers.labels import Vocabulary
from parsers.layout_words import Word, lines_of, segments_of
from parsers.limits import Limits
from parsers.model import RawDocument
from parsers.ocr_marks import find_marks
from parsers.ocr_text import known_words, unglued_marks
from parsers.pdf_ocr import _drawn, _engine_for, page_dpi
from parsers.scenario_tables import edits
from parsers.supporting import passing_scenarios, transactions_field


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def test_a_box_glyph_sits_on_the_line_an_engine_boxed_tall() -> None:
    """An engine's word boxes run from well above the letters to below them; the box
    glyph found in the image is half as tall and its top lower by more than 4 points."""
    words = [Word("Yes", 100, 120, 100.0, 117.0), Word("☒", 88, 96, 105.0, 113.0)]
    assert [[word.text for word in line] for line in lines_of(words)] == [["☒", "Yes"]]


def test_lines_of_printed_text_stay_apart() -> None:
    words = [Word("City", 50, 70, 100.0, 110.0), Word("Boston", 50, 80, 112.0, 122.0)]
    assert len(lines_of(words)) == 2


def test_an_ocr_hyphen_one_point_high_keeps_its_line_in_one_segment() -> None:
    """Tesseract boxes a "-" by its ink; the gap after it is measured by the words' type."""
    line = [Word("Name", 50, 80, 100.0, 109.0), Word("-", 83, 86, 104.0, 105.0),
            Word("Harbor", 91, 125, 100.0, 109.0)]
    assert [[word.text for word in segment] for segment in segments_of(line)] == \
        [["Name", "-", "Harbor"]]


@pytest.mark.parametrize("value", ["-", " - ", ": "])
def test_a_trailing_hyphen_separates_and_is_no_value(value: str) -> None:
    assert strip_separator(value) == ""
    assert strip_separator("- 65 Harbor Point Road") == "65 Harbor Point Road"


def _page_with(draw_shape: object) -> Image.Image:
    image = Image.new("L", (200, 120), 255)
    draw_shape(ImageDraw.Draw(image))  # type: ignore[operator]
    return image


def test_a_box_whose_bottom_edge_is_three_rows_thick_is_found() -> None:
    def box(draw: ImageDraw.ImageDraw) -> None:
        draw.rectangle((50, 40, 72, 62), outline=0, width=2)
        draw.rectangle((50, 61, 72, 63), fill=0)  # the scan thickened the bottom edge
        draw.line((55, 45, 67, 57), fill=0, width=3)
        draw.line((55, 57, 67, 45), fill=0, width=3)
    marks = find_marks(_page_with(box))
    assert [(mark.checked, mark.bottom) for mark in marks] == [(True, 63)]


def test_a_small_x_in_the_middle_of_a_box_checks_it() -> None:
    def box(draw: ImageDraw.ImageDraw) -> None:
        draw.rectangle((50, 40, 76, 66), outline=0, width=2)
        draw.line((58, 48, 68, 58), fill=0, width=3)
        draw.line((58, 58, 68, 48), fill=0, width=3)
    assert [mark.checked for mark in find_marks(_page_with(box))] == [True]


def test_a_bold_letter_filled_with_ink_is_no_box() -> None:
    def letter(draw: ImageDraw.ImageDraw) -> None:  # a blurred bold "B": nearly all ink
        draw.rectangle((50, 40, 64, 58), fill=0)
        draw.rectangle((56, 44, 58, 47), fill=255)
        draw.rectangle((56, 51, 58, 54), fill=255)
    assert find_marks(_page_with(letter)) == []


def _texts(words: list[Word]) -> list[str]:
    return [word.text for word in words]


def test_slips_in_the_forms_own_words_are_put_right(vocabulary: Vocabulary) -> None:
    def word(text: str, x0: float) -> Word:
        return Word(text, x0, x0 + 9 * len(text), 100, 120)
    words = [word("Street", 0), word("A", 58), word("ddress", 68), word("ldentifier", 130),
             word("Busíness", 230), word("José", 320), word("co", 370), word("plete", 402),
             word("R", 460), word("esults", 471), word("Address", 540), word("-", 606)]
    assert _texts(known_words(words, vocabulary)) == \
        ["Street", "Address", "Identifier", "Business", "José", "complete", "Results",
         "Address", "-"]


def test_two_words_run_together_are_parted(vocabulary: Vocabulary) -> None:
    words = [Word("StageII", 0, 70, 100, 120), Word("Healthcare", 80, 180, 100, 120)]
    parted = known_words(words, vocabulary)
    assert _texts(parted) == ["Stage", "II", "Healthcare"]
    assert parted[0].x1 == parted[1].x0 == 50


def test_words_far_apart_or_values_are_left_as_read(vocabulary: Vocabulary) -> None:
    words = [Word("A", 0, 9, 100, 120), Word("ddress", 60, 114, 100, 120),
             Word("Direçtor", 200, 270, 100, 120)]
    assert _texts(known_words(words, vocabulary)) == ["A", "ddress", "Direçtor"]


@pytest.mark.parametrize(("text", "parts"), [
    ("[]On-Premises", ["[ ]", "On-Premises"]), ("[X]Prior", ["[X]", "Prior"]),
    ("]Member", ["[ ]", "Member"]), ("[sic]", ["[sic]"]), ("Name(s)", ["Name(s)"])])
def test_a_bracket_mark_glued_to_its_choice_is_parted(text: str, parts: list[str]) -> None:
    found = unglued_marks([Word(text, 0, 100, 0, 10)])
    assert _texts(found) == parts
    assert found[0].x0 == 0 and found[-1].x1 == 100


def _image_pdf(dpi: int) -> bytes:
    image = Image.new("L", (int(8.5 * dpi), 11 * dpi), 255)
    ImageDraw.Draw(image).text((100, 100), "Organization Legal Name", fill=0)
    return image_pdf(image)


@pytest.mark.parametrize(("dpi", "drawn"), [(150, 150), (100, 150), (300, 200)])
def test_a_scan_is_drawn_at_its_own_resolution(dpi: int, drawn: int) -> None:
    import pypdfium2

    page = pypdfium2.PdfDocument(_image_pdf(dpi))[0]
    assert round(page_dpi(page)) == drawn
    assert _drawn(page).size == (1700, 2200)  # then always at 200 dpi


def test_a_long_scan_ends_with_the_fast_engine() -> None:
    limits = Limits(ocr_engine="rapidocr", seconds_per_document=20)
    assert _engine_for(limits, 0.0, 0) == "rapidocr"
    assert _engine_for(limits, 6.0, 2) == "rapidocr"  # 6 s + 1.5 pages of 3 s < 15 s
    assert _engine_for(limits, 12.0, 4) == "tesseract"
    assert _engine_for(Limits(ocr_engine="tesseract"), 0.0, 0) == "tesseract"


def test_a_scenario_header_read_with_a_slip_is_the_header(
        definitions: dict[str, FormDefinition]) -> None:
    transactions = transactions_field(definitions)
    assert transactions is not None
    table = (("Scenario ID", "Transacđon", "Ex i Result", "Pass/Fail"),
             ("TS-01", "Claim Submission (DDE)", "accepted", "Pass"),
             ("TS-02", "Claim Adjustment/Void", "timeout", "Fail"))
    passing, total, covered = passing_scenarios(RawDocument("ocr", "", tables=(table,)),
                                                transactions)
    assert (passing, total, covered) == ({"claim_submission": 1}, 2,
                                         ["claim_adjustment", "claim_submission"])
    assert edits("transacon", "transaction") == 2


def test_a_column_that_only_looks_alike_is_not_the_header(
        definitions: dict[str, FormDefinition]) -> None:
    transactions = transactions_field(definitions)
    assert transactions is not None
    table = (("Scenario", "Transport", "Pass/Fail"), ("TS-01", "Claim Submission", "Pass"))
    assert passing_scenarios(RawDocument("ocr", "", tables=(table,)), transactions)[1] == 0


def test_a_value_wrapped_in_a_scanned_cell_is_one_line(vocabulary: Vocabulary) -> None:
    """As in a printed table: a cell's lines joined when they are one value wrapped."""
    from parsers.ocr_grid import Grid, Rule
    from parsers.ocr_tables import table_rows

    grid = Grid((0.0, 100.0), (0.0, 200.0, 400.0),
                (Rule(0.0, 0, 400), Rule(100.0, 0, 400)),
                (Rule(0.0, 0, 100), Rule(200.0, 0, 100), Rule(400.0, 0, 100)))
    words = [Word("Organization", 5, 90, 10, 25), Word("Legal", 95, 130, 10, 25),
             Word("Name", 135, 170, 10, 25), Word("Nashoba", 205, 260, 10, 25),
             Word("Valley", 265, 300, 10, 25), Word("Pediatrics,", 205, 280, 30, 45),
             Word("P.C.", 285, 310, 30, 45)]
    tables, outside = table_rows([grid], words, vocabulary)
    assert not outside
    assert tables[0][0][0].cells == ("Organization Legal Name", "Nashoba Valley Pediatrics, P.C.")
