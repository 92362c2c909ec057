"""``rpa-intake forms blank``: every form type as a blank fillable PDF and a DOCX."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf
from formgen.supporting import scenario_results_document, systems_design_document
from parsers.formdefs import FormDefinition


def write_blank_forms(definitions: Mapping[str, FormDefinition], out_dir: Path) -> list[Path]:
    written = []
    for form_type, definition in sorted(definitions.items()):
        for suffix, data in _blank(form_type, definition):
            path = out_dir / f"{form_type}.{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written


def _blank(form_type: str, definition: FormDefinition) -> list[tuple[str, bytes]]:
    if form_type == "systems_design":
        return [("pdf", systems_design_document("", [], fmt="pdf")),
                ("docx", systems_design_document("", [], fmt="docx"))]
    if form_type == "test_scenarios":
        return [("pdf", scenario_results_document("", [], fmt="pdf")),
                ("docx", scenario_results_document("", [], fmt="docx"))]
    return [("pdf", fillable_pdf(definition)), ("docx", docx_form(definition))]
