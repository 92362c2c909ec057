"""PDF reader, scans: an image-only page is OCR'd (Tesseract) and paired like a flattened
page; every value carries a confidence below 1 and the document goes to review."""

from __future__ import annotations

import shutil

import pytest
from pdf_samples import page, scanned, texts

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.pdf import read_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


@pytest.fixture(scope="module")
def scan() -> bytes:
    return scanned(page(texts(
        (50, 60, "MassHealth RPA Stage I Registration Form"),
        (50, 100, "Organization Legal Name:"), (262, 101, "Acme Health Partners"),
        (50, 124, "City:"), (262, 124, "Boston"),
        (50, 148, "Number of Bots Requested:"), (262, 148, "3"),
        (50, 740, "RPA-S1 Rev. 07/2022 Page 1 of 1"))))


def test_a_scan_is_read_by_ocr(scan: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(scan, Limits(), vocabulary)
    assert document.method == "ocr"
    assert "Registration" in document.text
    values = {item.name: item.value for item in document.fields}
    assert values.get("Organization Legal Name") == "Acme Health Partners"
    assert values.get("City") == "Boston"
    assert all(item.source == "ocr" and 0 < item.confidence < 1 for item in document.fields)
    assert any(problem.code == "ocr" and problem.severity == "review"
               for problem in document.problems)


def test_no_ocr_when_the_limits_say_so(scan: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(scan, Limits(ocr=False), vocabulary)
    assert document.method == "none"
    assert [problem.code for problem in document.problems] == ["no_text"]


def test_a_page_over_its_time_is_left_out(scan: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(scan, Limits(ocr_seconds_per_page=0.001), vocabulary)
    assert document.method == "ocr" and not document.fields
    assert "ocr_page_failed" in [problem.code for problem in document.problems]


def test_a_page_fed_upside_down_is_read_turned(vocabulary: Vocabulary) -> None:
    """A sheet fed upside down reads as garbage with a low median confidence: the page is
    read again turned half round, and that reading is kept (it reads surer)."""
    import pypdfium2
    from pdf_samples import image_pdf

    form = page(texts(
        (50, 60, "MassHealth RPA Stage I Registration Form"),
        (50, 100, "Organization Legal Name:"), (262, 101, "Acme Health Partners"),
        (50, 124, "City:"), (262, 124, "Boston"),
        (50, 148, "Primary Contact Name:"), (262, 148, "Dana Whitfield"),
        (50, 740, "RPA-S1 Rev. 07/2022 Page 1 of 1")))
    image = pypdfium2.PdfDocument(form)[0].render(scale=200 / 72).to_pil().convert("L")
    document = read_pdf(image_pdf(image.rotate(180)), Limits(), vocabulary)
    values = {item.name: item.value for item in document.fields}
    assert values.get("Organization Legal Name") == "Acme Health Partners"
    assert values.get("Primary Contact Name") == "Dana Whitfield"
