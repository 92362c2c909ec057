"""Searchable scans (independent11 o01, o02): a page image with the scanner's OCR text
laid over it invisibly (text render mode 3), word by word and turned with the page's
tilt. Read as page text it gave "Primary Primary Primary Primary" for a contact name and
8 of 29 fields; read as the scan it is, the image goes through OCR like any other scan."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from parsers.extract import vocabulary_for
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.pdf import read_pdf
from parsers.pdf_invisible import invisible_text_only


def _scan_pdf(*, render_mode: int, compress: int = 1) -> bytes:
    image = Image.new("L", (850, 1100), 255)
    ImageDraw.Draw(image).text((60, 60), "MassHealth RPA Annual Validation", fill=0)
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(612, 792), invariant=1, pageCompression=compress)
    page.drawImage(ImageReader(image), 0, 0, 612, 792)
    text = page.beginText(40, 740)
    text.setTextRenderMode(render_mode)
    text.setFont("Helvetica", 12)
    for word in ("Organization", "Legal", "Name", "Primary", "Contact"):
        text.textOut(word + " ")
    page.drawText(text)
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_page_image_with_invisible_text_is_a_scan(
        definitions: dict[str, FormDefinition]) -> None:
    data = _scan_pdf(render_mode=3)
    assert invisible_text_only(PdfReader(io.BytesIO(data)).pages[0])
    raw = read_pdf(data, Limits(ocr=False), vocabulary_for(definitions))
    assert raw.method == "none" and raw.problems[0].code == "no_text"  # the scan path


def test_visible_text_over_an_image_is_page_text(
        definitions: dict[str, FormDefinition]) -> None:
    data = _scan_pdf(render_mode=0)
    assert not invisible_text_only(PdfReader(io.BytesIO(data)).pages[0])
    raw = read_pdf(data, Limits(ocr=False), vocabulary_for(definitions))
    assert raw.method == "layout" and "Organization" in raw.text


def test_a_hostile_render_mode_operand_is_no_scan_and_no_crash() -> None:
    data = _scan_pdf(render_mode=3, compress=0).replace(b" 3 Tr", b" /X Tr")
    assert b"/X Tr" in data
    assert not invisible_text_only(PdfReader(io.BytesIO(data)).pages[0])
