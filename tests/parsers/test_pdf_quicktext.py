"""The quick first-page text of fillable forms: strings read straight from the content
stream for plain fonts, and None (pypdf's extractor instead) for anything else."""

from __future__ import annotations

import io

import pytest
from pdf_samples import page, texts
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from parsers.pdf_quicktext import quick_page_text


def _with_stream(stream: bytes, font: dict[str, str] | None = None) -> object:
    """A page showing ``stream`` with font /F1 (Helvetica, WinAnsi unless ``font`` says)."""
    writer = PdfWriter()
    target = writer.add_blank_page(612, 792)
    entries = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica",
               "/Encoding": "/WinAnsiEncoding", **(font or {})}
    font_object = DictionaryObject({NameObject(k): NameObject(v) for k, v in entries.items()})
    target[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font_object)})})
    content = DecodedStreamObject()
    content.set_data(stream)
    target[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def test_reportlab_pages_read_like_pypdf() -> None:
    data = page(texts((50, 50, "MassHealth RPA Stage I Registration Form"),
                      (50, 750, "RPA-S1 Rev. 07/2022 (page 1)")))
    reader = PdfReader(io.BytesIO(data))
    quick = quick_page_text(reader.pages[0])
    assert quick is not None
    assert quick.splitlines() == ["MassHealth RPA Stage I Registration Form",
                                  "RPA-S1 Rev. 07/2022 (page 1)"]


@pytest.mark.parametrize("stream, expected", [
    (rb"BT /F1 9 Tf 1 0 0 1 54 700 Tm (Caf\351 \(DBA\) \\ done) Tj ET", r"Café (DBA) \ done"),
    (b"BT /F1 9 Tf 54 700 Td [(Mass)-30(Health)-600(RPA)] TJ ET", "MassHealth RPA"),
    (b"BT /F1 9 Tf 54 700 Td <5250412D5331> Tj ET", "RPA-S1"),
    (b"BT /F1 9 Tf 54 700 Td (Stage) Tj 0 -12 Td (II) Tj ET", "Stage\nII"),
    (b"BT /F1 9 Tf 1 0 0 1 54 700 Tm (A) Tj 1 0 0 1 90 700 Tm (B) Tj ET", "AB"),
])
def test_strings_escapes_and_lines(stream: bytes, expected: str) -> None:
    assert quick_page_text(_with_stream(stream)) == expected


@pytest.mark.parametrize("font", [
    {"/Subtype": "/Type0", "/Encoding": "/Identity-H"},
    {"/BaseFont": "/ABCDEF+Calibri", "/Subtype": "/TrueType"},
    {"/Encoding": "/Custom"},
])
def test_fonts_that_need_a_real_decoder_give_none(font: dict[str, str]) -> None:
    assert quick_page_text(_with_stream(b"BT /F1 9 Tf 54 700 Td (x) Tj ET", font)) is None


@pytest.mark.parametrize("stream", [
    b"q 100 0 0 100 0 0 cm /Im1 Do Q",
    b"BT /F9 9 Tf (x) Tj ET",
    b"BI /W 1 /H 1 ID \x00\xff EI",
])
def test_xobjects_unknown_fonts_and_inline_images_give_none(stream: bytes) -> None:
    assert quick_page_text(_with_stream(stream)) is None
