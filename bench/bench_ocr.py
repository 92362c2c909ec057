"""Compare the OCR engines on the scans of the blind sets (cases whose ``expected.json``
says ``"scan": true``), through the project's own reader and resolver: fields right per
set (and supporting-document answers), seconds per page, fields right per second.

    .venv/bin/python bench/bench_ocr.py [--engines rapidocr tesseract] [--rapid-threads 2]
                                        [--cases] [folders]

Times are in one process with the engine's models already loaded (a child that reads a
scan loads them once, about 1 s for RapidOCR); each engine reads every scan in turn.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_blind import Score, score_document

from config.settings import FORMS_DIR
from parsers import ocr_engines
from parsers.extract import extract_document
from parsers.formdefs import load_definitions
from parsers.limits import Limits
from parsers.ocr_engines import ENGINES, engine

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
TODAY = __import__("score_blind").TODAY


@dataclass
class Run:
    seconds: float = 0.0
    pages: int = 0
    sets: dict[str, Score] = field(default_factory=dict)


def scans(folders: list[Path]) -> list[tuple[Path, dict[str, object]]]:
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.expected.json")):
            expected = json.loads(path.read_text("utf-8"))
            if expected.get("scan"):
                found.append((folder, expected))
    return found


def bench(name: str, cases: list[tuple[Path, dict[str, object]]], definitions: dict) -> Run:
    run = Run()
    engine(name)  # an unknown name fails here, before any time is counted
    for folder, expected in cases:
        data = (folder / str(expected["file"])).read_bytes()
        started = time.perf_counter()
        document = extract_document(str(expected["file"]), data, definitions,
                                    limits=Limits(ocr_engine=name, seconds_per_document=1e6),
                                    today=TODAY,
                                    isolate=False)
        run.seconds += time.perf_counter() - started
        run.pages += _pages(data)
        score = run.sets.setdefault(folder.name, Score())
        got = document.as_json()
        score_document(score, f"{folder.name}/{expected['file']}", expected, got, True)
        want = expected.get("fields", {})
        assert isinstance(want, dict)
        wrong = {key: (value, got["fields"].get(key)) for key, value in want.items()
                 if got["fields"].get(key) != value}
        if wrong:
            score.lines.append(f"  {folder.name}/{expected['file']}: {wrong}")
    return run


def _pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    count = len(document)
    document.close()
    return count


def warm_up(name: str) -> None:
    """The engine's models loaded once, as the fork server does, outside the timing."""
    from PIL import Image

    engine(name)(Image.new("L", (200, 60), 255), 20.0)


def table(runs: dict[str, Run]) -> str:
    names = sorted({name for run in runs.values() for name in run.sets})
    head = "| engine | " + " | ".join(names) + " | all | s/page | right/s |"
    lines = [head, "|" + "---|" * (len(names) + 4)]
    for engine_name, run in runs.items():
        cells = []
        total = [0, 0]
        for name in names:
            score = run.sets.get(name, Score())
            extra = sum(right for _, right in score.supporting.values())
            extra_total = sum(total for total, _ in score.supporting.values())
            right, whole = score.scan_right + extra, score.scan_expected + extra_total
            total[0] += right
            total[1] += whole
            cells.append(f"{right}/{whole}")
        per_page = run.seconds / max(run.pages, 1)
        lines.append(f"| {engine_name} | " + " | ".join(cells) +
                     f" | {total[0]}/{total[1]} ({100 * total[0] / max(total[1], 1):.1f}%)"
                     f" | {per_page:.2f} | {total[0] / max(run.seconds, 1e-9):.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--engines", nargs="+", default=list(ENGINES))
    parser.add_argument("--cases", action="store_true", help="list the fields read wrong")
    parser.add_argument("--rapid-threads", type=int, default=ocr_engines.RAPID_THREADS,
                        help="onnxruntime's threads for RapidOCR")
    args = parser.parse_args()
    ocr_engines.RAPID_THREADS = args.rapid_threads
    folders = args.folders or sorted(DATA.glob("independent*"))
    cases = scans(folders)
    definitions = load_definitions(FORMS_DIR)
    runs = {}
    for name in args.engines:
        warm_up(name)
        runs[name] = bench(name, cases, definitions)
    print(f"{len(cases)} scans, {runs[args.engines[0]].pages} pages")
    print(table(runs))
    if args.cases:
        for name, run in runs.items():
            print(f"\n{name}:")
            for score in run.sets.values():
                print("\n".join(score.lines))


if __name__ == "__main__":
    main()
