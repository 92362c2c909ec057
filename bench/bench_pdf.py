"""PDF reader speed (read_pdf alone, in-process) per document shape against the floor.

Run: .venv/bin/python bench/bench_pdf.py [--rounds N]
The floors: pdfplumber open + a raw walk of the AcroForm tree, and pypdf open + get_fields()
(the library the walk is built on); for opaque names, pdfplumber's words of every page (the
labels are found in them). Flattened and OCR are per page.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pdfplumber
from bench_extract import floor_pdf, median_seconds
from pypdf import PdfReader

from config.settings import FORMS_DIR
from formgen.pdf_form import fillable_pdf, flattened_pdf
from formgen.samples import sample_values
from formgen.scan import scanned_pdf
from parsers.formdefs import load_definitions
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.pdf import read_pdf


def floor_words(data: bytes) -> None:
    """What a label beside an opaque widget costs at least: every page's words."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()


def floor_pypdf(data: bytes) -> None:
    PdfReader(io.BytesIO(data)).get_fields()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    definitions = load_definitions(FORMS_DIR)
    vocabulary = Vocabulary(definitions)
    values = sample_values("stage1")
    stage1 = definitions["stage1"]
    shapes = {"fillable": fillable_pdf(stage1, values),
              "opaque names": fillable_pdf(stage1, values, names="opaque"),
              "flattened": flattened_pdf(stage1, values),
              "scanned": scanned_pdf(stage1, values)}

    def ours(name: str) -> Callable[[], object]:
        return lambda: read_pdf(shapes[name], Limits(), vocabulary)

    pages = {name: len(PdfReader(io.BytesIO(data)).pages) for name, data in shapes.items()}
    plumber = median_seconds(lambda: floor_pdf(shapes["fillable"]), rounds)
    pypdf = median_seconds(lambda: floor_pypdf(shapes["fillable"]), rounds)
    print(f"floor, pdfplumber open + field walk: {plumber:.4f} s; pypdf get_fields: {pypdf:.4f} s")
    seconds = median_seconds(ours("fillable"), rounds)
    print(f"{'fillable':14} {seconds:.4f} s  {seconds / plumber:.2f}x pdfplumber floor, "
          f"{seconds / pypdf:.2f}x pypdf floor ({pages['fillable']} pages)")
    words = median_seconds(lambda: floor_words(shapes["opaque names"]), rounds)
    seconds = median_seconds(ours("opaque names"), rounds)
    print(f"{'opaque names':14} {seconds:.4f} s  {seconds / words:.2f}x the words floor "
          f"(pdfplumber words of every page: {words:.4f} s)")
    for name, count in (("flattened", rounds), ("scanned", max(1, rounds // 5))):
        seconds = median_seconds(ours(name), count)
        print(f"{name:14} {seconds:.4f} s  {seconds / pages[name]:.3f} s/page "
              f"({pages[name]} pages)")


if __name__ == "__main__":
    main()
