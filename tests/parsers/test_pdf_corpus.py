"""PDF reader over ../shared/corpus/pdf (third-party PDFs): never an exception, and the
counts we know for a few. Runs only when the corpus is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import RawDocument
from parsers.pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pdf"
FILES = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not FILES, reason="no corpus")]


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _read(name: str, vocabulary: Vocabulary) -> RawDocument:
    return read_pdf((CORPUS / name).read_bytes(), Limits(ocr=False), vocabulary)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_corpus_pdf_is_read(path: Path, vocabulary: Vocabulary) -> None:
    document = read_pdf(path.read_bytes(), Limits(ocr=False), vocabulary)
    assert document.method != "none" or document.problems
    assert len(document.fields) <= Limits().max_fields


def test_incremental_saves_with_xref_streams(vocabulary: Vocabulary) -> None:
    """pdfminer sees no page of this filled 1040; the pypdf walk sees every field."""
    document = _read("pdfjs__prefilled_f1040.pdf", vocabulary)
    assert document.method == "acroform" and document.pages == 2
    assert len({item.name for item in document.fields}) == 236  # 246 minus 10 parents
    assert any(item.value not in ("", False) for item in document.fields)


def test_xfa_only_form(vocabulary: Vocabulary) -> None:
    document = _read("pdfjs__xfa_filled_imm1344e.pdf", vocabulary)
    values = {item.name: item.value for item in document.fields}
    assert document.method == "xfa" and len(values) >= 60
    assert values["form1.Part1.SponsorContactInfo.q5-6.Email.Email"] == "carl@gauss.com"
    assert all(item.source == "xfa" for item in document.fields)


def test_flattened_form_without_acroform(vocabulary: Vocabulary) -> None:
    document = _read("pdf-lib__flatten_form.pdf", vocabulary)  # dangling /Annots refs too
    assert document.method == "layout" and document.text.strip()


def test_choice_widgets_and_buttons(vocabulary: Vocabulary) -> None:
    choices = {item.name: item.value
               for item in _read("pdfjs__annotation-choice-widget.pdf", vocabulary).fields}
    assert choices["formulier1[0].#subform[0].Keuzelijst2[0]"] == (
        "Ipsum", "Amet", "Consectetur", "Elit")
    sample = _read("pdf-lib__sample_form.pdf", vocabulary).fields
    boxes = [item for item in sample if isinstance(item.value, bool)]
    assert len(boxes) == 9 and {item.export_value for item in boxes} == {"On"}
    assert [item.value for item in sample if item.name == "Sex"] == ["MALE"]
    assert "Print" not in {item.name for item in sample}  # a push button is no field
