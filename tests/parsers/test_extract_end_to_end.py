"""End to end through the real readers: the corpus (third-party files, never RPA forms) must
give documents, never exceptions; formgen's forms must give back their sample values.
Skips while the readers or formgen are not in the tree, and when the corpus is absent."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from parsers.extract import extract_document
from parsers.limits import Limits

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TODAY = date(2026, 3, 15)
HAVE_READERS = all(importlib.util.find_spec(name) is not None
                   for name in ("parsers.sniff", "parsers.pdf", "parsers.docx_reader"))
CORPUS_FILES = sorted([*CORPUS.glob("pdf/*.pdf"), *CORPUS.glob("docx/*.docx")]) \
    if CORPUS.is_dir() else []

needs_readers = pytest.mark.skipif(not HAVE_READERS, reason="readers not in the tree yet")


@pytest.mark.corpus
@pytest.mark.slow
@needs_readers
@pytest.mark.skipif(not CORPUS_FILES, reason="corpus absent")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name)
def test_corpus_files_give_a_document(definitions, path: Path) -> None:
    document = extract_document(path.name, path.read_bytes(), definitions,
                                limits=Limits(seconds_per_document=60), today=TODAY)
    assert document.form_type == "unknown"  # none of them is an RPA form
    assert document.sha256 and document.filename == path.name
