"""Extraction speed per document shape against the floor (the library alone).

Run: .venv/bin/python bench/bench_extract.py [--rounds N]
Targets (issue #3): fillable PDF and DOCX within 1.5x of the floor; flattened PDF under
0.3 s per page; OCR under 5 s per page. Extraction runs in-process here (isolate=False): the
child-process isolation adds a fixed ~30 ms per document, reported separately.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pdfplumber
from docx import Document
from pdfminer.pdftypes import resolve1

from config.settings import FORMS_DIR
from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf, flattened_pdf
from formgen.samples import sample_values
from formgen.scan import scanned_pdf
from parsers.extract import extract_document
from parsers.formdefs import load_definitions
from parsers.limits import Limits

TODAY = date(2026, 11, 23)


def median_seconds(func: Callable[[], object], rounds: int) -> float:
    func()  # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_medians(ours: Callable[[], object], floor: Callable[[], object],
                   rounds: int) -> tuple[float, float, float]:
    """Medians of ours and of the floor, timed in alternation so that a busy machine slows
    both alike, and the median of the per-round ratios."""
    ours(), floor()  # warm up
    pairs = []
    for _ in range(rounds):
        pairs.append((_seconds(ours), _seconds(floor)))
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def _seconds(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def floor_pdf(data: bytes) -> None:
    """pdfplumber open + a raw walk of the AcroForm field tree."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        stack = list(resolve1(resolve1(pdf.doc.catalog["AcroForm"])["Fields"]))
        while stack:
            node = resolve1(stack.pop())
            stack.extend(resolve1(node.get("Kids", [])))
            node.get("V")


def floor_docx(data: bytes) -> None:
    """python-docx open + a walk of every element of the body."""
    document = Document(io.BytesIO(data))
    for element in document.element.body.iter():
        element.tag  # noqa: B018


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    definitions = load_definitions(FORMS_DIR)
    values = sample_values("stage1")
    fillable = fillable_pdf(definitions["stage1"], values)
    flat = flattened_pdf(definitions["stage1"], values)
    docx = docx_form(definitions["stage1"], values)
    scan = scanned_pdf(definitions["stage1"], values)

    def extract(data: bytes, name: str, isolate: bool = False) -> Callable[[], object]:
        return lambda: extract_document(name, data, definitions, limits=Limits(), today=TODAY,
                                        isolate=isolate)

    rows = []
    ours, floor, ratio = paired_medians(extract(fillable, "f.pdf"),
                                        lambda: floor_pdf(fillable), rounds)
    rows.append(("fillable PDF (2 pages)", ours, floor, f"{ratio:.2f}x floor"))
    ours, floor, ratio = paired_medians(extract(docx, "f.docx"), lambda: floor_docx(docx),
                                        rounds)
    rows.append(("DOCX content controls", ours, floor, f"{ratio:.2f}x floor"))
    ours = median_seconds(extract(flat, "flat.pdf"), rounds)
    rows.append(("flattened PDF (2 pages)", ours, None, f"{ours / 2:.3f} s/page"))
    ours = median_seconds(extract(scan, "scan.pdf"), max(1, rounds // 5))
    rows.append(("scanned PDF, OCR (2 pages)", ours, None, f"{ours / 2:.2f} s/page"))
    isolated = median_seconds(extract(fillable, "f.pdf", isolate=True), rounds)
    rows.append(("fillable PDF, isolated child", isolated, None, "includes process start"))
    print(f"{'shape':32} {'median s':>9} {'floor s':>9}  result")
    for shape, seconds, base, note in rows:
        base_text = "-" if base is None else f"{base:.4f}"
        print(f"{shape:32} {seconds:9.4f} {base_text:>9}  {note}")


if __name__ == "__main__":
    main()
