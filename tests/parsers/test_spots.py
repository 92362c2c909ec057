"""Issue #11 item 1: every value read from a PDF page keeps where it came from (page and
box), so a coordinator can be shown the exact spot: the widget of a fillable form, the
label with its value on a printed one, the ticked option of a choice."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from formgen.pdf_form import fillable_pdf, flattened_pdf
from formgen.samples import sample_values
from parsers.extract import extract_document
from parsers.limits import Limits
from parsers.model import Spot, spot_from_json

TODAY = date(2026, 11, 23)
TEXT_KEYS = ("org_legal_name", "fein", "contact_email", "signer_name")


def _document(definitions, make, form_type: str, seed: int):
    data = make(definitions[form_type], sample_values(form_type, seed=seed))
    document = extract_document("form.pdf", data, definitions, limits=Limits(),
                                today=TODAY, isolate=False)
    return data, document


def _text_in(data: bytes, spot: Spot) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[spot.page]
        box = (spot.x0 - 1, spot.top - 1, spot.x1 + 1, spot.bottom + 1)
        return page.within_bbox(box).extract_text() or ""


@pytest.mark.parametrize("form_type", ["stage1", "stage2", "annual_validation"])
def test_a_printed_value_is_inside_its_spot(definitions, form_type: str) -> None:
    data, document = _document(definitions, flattened_pdf, form_type, seed=4)
    for item in document.fields:
        if item.key in TEXT_KEYS:
            assert item.spot is not None, item.key
            shown = " ".join(_text_in(data, item.spot).split())
            assert " ".join(item.raw.split()[:3]) in shown, (item.key, shown)


def test_a_ticked_choice_is_spotted_at_its_option(definitions) -> None:
    data, document = _document(definitions, flattened_pdf, "stage1", seed=4)
    (hosting,) = [item for item in document.fields if item.key == "hosting"]
    assert hosting.spot is not None
    shown = _text_in(data, hosting.spot).lower()
    assert hosting.value.split("_")[0] in shown.replace("-", "_")


def test_a_widget_value_is_spotted_at_its_widget(definitions) -> None:
    data, document = _document(definitions, fillable_pdf, "stage1", seed=4)
    spots = {item.key: item.spot for item in document.fields}
    assert all(spot is not None for spot in spots.values())
    name = spots["org_legal_name"]
    assert name is not None and name.page == 0 and name.x1 - name.x0 > 50
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        widgets = [(a["x0"], a["top"], a["x1"], a["bottom"]) for a in pdf.pages[0].annots]
    assert any(abs(box[0] - name.x0) < 0.5 and abs(box[1] - name.top) < 0.5
               for box in widgets)


def test_the_json_says_where_and_a_stored_spot_reads_back(definitions) -> None:
    _data, document = _document(definitions, fillable_pdf, "stage1", seed=4)
    source = document.as_json()["field_sources"]["org_legal_name"]
    assert source["page"] == 1 and len(source["box"]) == 4
    (name,) = [item for item in document.fields if item.key == "org_legal_name"]
    assert name.spot is not None
    back = spot_from_json(name.spot.as_json())
    assert back is not None and back.page == 0 and abs(back.x0 - name.spot.x0) < 0.1
    assert spot_from_json(None) is None and spot_from_json({"page": 1}) is None
