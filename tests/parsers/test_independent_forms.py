"""Forms drawn outside this project (tests/data/independent and independent2, each made by
a separate author from SPEC.md alone, with LibreOffice, pypdf, a hand-written PDF writer,
python-docx and a scanner simulation): every field of the digital shapes right; scans
classified, routed to review, and most fields found."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = ("independent", "independent2")  # two authors, each working from SPEC.md alone
CASES = sorted(f"{path.parent.name}/{path.name.removesuffix('.expected.json')}"
               for name in SETS for path in (DATA / name).glob("*.expected.json"))
SCAN_SHARE = 0.5  # of a scan's fields found with the right value


def _extract(case: str, definitions: dict[str, FormDefinition]) -> tuple[dict, object]:
    expected = json.loads((DATA / f"{case}.expected.json").read_text(encoding="utf-8"))
    path = (DATA / case).parent / expected["file"]
    document = extract_document(path.name, path.read_bytes(), definitions, limits=Limits(),
                                today=date(2026, 11, 23), isolate=False)
    return expected, document


@pytest.mark.parametrize("case", [c for c in CASES if "scan" not in c])
def test_digital_forms_give_every_field(case: str,
                                        definitions: dict[str, FormDefinition]) -> None:
    expected, document = _extract(case, definitions)
    assert (document.form_type, document.form_version) == \
        (expected["form_type"], expected["form_version"])
    values = document.values()
    wrong = {key: (value, values.get(key)) for key, value in expected["fields"].items()
             if values.get(key) != value}
    assert not wrong, f"expected vs extracted: {wrong}"
    if "scenario_summary" in expected:  # a Test Scenarios document: passes per transaction
        summary = expected["scenario_summary"]
        assert document.facts["passing"] == {key: counts["passed"] for key, counts
                                             in summary.items() if counts["passed"]}
        assert document.facts["scenarios"] == sum(item["scenarios"]
                                                  for item in summary.values())
    if "transactions_mentioned" in expected:  # Systems Design: the transactions it covers
        assert document.facts["transactions"] == expected["transactions_mentioned"]


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if "scan" in c])
def test_scans_go_to_review_with_most_fields(case: str,
                                             definitions: dict[str, FormDefinition]) -> None:
    expected, document = _extract(case, definitions)
    assert document.form_type == expected["form_type"]
    assert document.method == "ocr"
    assert any(problem.severity == "review" for problem in document.problems)
    values = document.values()
    right = [key for key, value in expected["fields"].items() if values.get(key) == value]
    assert len(right) >= SCAN_SHARE * len(expected["fields"]), \
        f"{len(right)} of {len(expected['fields'])} right: {sorted(right)}"
