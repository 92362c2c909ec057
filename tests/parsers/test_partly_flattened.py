"""Partly flattened fillable PDFs (the ninth blind set's shape, on synthetic pages): some
fields printed into the page inside a drawn box (a choice as drawn squares with a
ZapfDingbats tick), the others still live widgets with /V. Both count; where a widget
answers, the page print is not read; the print never makes a sure blank."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.pdfgen.canvas import Canvas

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.mapping import map_fields
from parsers.model import RawDocument, RawField
from parsers.pdf import read_pdf

TODAY = date(2026, 12, 2)
LABEL_X, VALUE_X = 50, 270
# (label, widget name or None when flattened, value); a tuple value is a choice group
ROWS = [("Organization Legal Name", "org_legal_name", "Nashoba Valley Home Care, LLC"),
        ("Doing Business As (DBA)", None, "Nashoba Care"),
        ("Organization Type", None, (("MassHealth Provider", False), ("Business Partner", True))),
        ("City", "city", "Ayer"),
        ("ZIP Code", None, "01432"),
        ("Primary Contact Telephone", None, ""),
        ("Stage II Approval Number", "stage2_approval_number", "RPA2-2025-00163")]


def _form(rows: list[tuple[str, str | None, object]]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawString(LABEL_X, 740, "MassHealth RPA Modification Request Form")
    y = 700
    for label, name, value in rows:
        canvas.setFont("Helvetica", 9)
        canvas.drawString(LABEL_X, y, label)
        if isinstance(value, tuple):
            for option, ticked in value:
                canvas.rect(VALUE_X, y - 2, 10, 10)
                if ticked:
                    canvas.setFont("ZapfDingbats", 9)
                    canvas.drawString(VALUE_X + 1.5, y - 0.5, "4")
                canvas.setFont("Helvetica", 9)
                canvas.drawString(VALUE_X + 16, y, option)
                y -= 16
        elif name is None:
            canvas.rect(VALUE_X, y - 4, 280, 15)
            canvas.drawString(VALUE_X + 3, y, str(value))
            y -= 22
        else:
            canvas.acroForm.textfield(name=name, x=VALUE_X, y=y - 4, width=280, height=15,
                                      value=str(value), fontName="Helvetica", fontSize=9)
            y -= 22
    canvas.setFont("Helvetica", 8)
    canvas.drawString(LABEL_X, 30, "Form RPA-MOD (Rev. 09/2026)")
    canvas.save()
    return buffer.getvalue()


def test_widgets_and_printed_values_both_count(
        definitions: dict[str, FormDefinition]) -> None:
    document = extract_document("pf.pdf", _form(ROWS), definitions, limits=Limits(),
                                today=TODAY, isolate=False)
    assert document.form_type == "modification"
    values = document.values()
    assert values["org_legal_name"] == "Nashoba Valley Home Care, LLC"  # widgets
    assert values["city"] == "Ayer"
    assert values["stage2_approval_number"] == "RPA2-2025-00163"
    assert values["org_dba"] == "Nashoba Care"  # printed into the page
    assert values["zip"] == "01432"
    assert values["org_type"] == "business_partner"  # a drawn square with a tick
    # the labels of live widgets, blank on the page, neither double nor conflict
    assert not [item for item in document.problems if "conflict" in item.code
                or item.field in ("org_legal_name", "city", "org_type")]


def test_a_printed_blank_is_never_sure(definitions: dict[str, FormDefinition]) -> None:
    # an empty printed box might be a widget whose label was not matched: not "missing"
    document = extract_document("pf.pdf", _form(ROWS), definitions, limits=Limits(),
                                today=TODAY, isolate=False)
    told = [item for item in document.problems if item.field == "contact_phone"]
    assert told and all(item.severity != "error" for item in told)


def test_a_form_of_live_widgets_only_reads_no_page_print(
        definitions: dict[str, FormDefinition]) -> None:
    live = [(label, name, value) for label, name, value in ROWS if name]
    raw = read_pdf(_form(live), Limits(), Vocabulary(definitions))
    assert raw.method == "acroform"
    assert {item.source for item in raw.fields} == {"acroform"}


def test_where_a_widget_answers_the_page_print_is_not_read(
        definitions: dict[str, FormDefinition]) -> None:
    raw = RawDocument("acroform", "", (
        RawField("city", "Ayer", "acroform"),
        RawField("org_dba", "", "acroform"),
        RawField("City", "Ayer Center", "layout", 0.9, label="City"),
        RawField("Doing Business As (DBA)", "Nashoba", "layout", 0.9,
                 label="Doing Business As (DBA)"),
        RawField("ZIP Code", "01432", "layout", 0.9, label="ZIP Code")))
    mapped = map_fields(raw, definitions["modification"])
    assert mapped["city"].raw == "Ayer" and not mapped["city"].conflicts
    assert mapped["org_dba"].raw == ""  # the widget's blank answers
    assert mapped["zip"].raw == "01432"


def _scenarios() -> bytes:
    """Rows 1-2 printed in the grid, rows 3-4 still fields; the header in its own shaded
    band above the grid."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(LETTER))
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(40, 570, "Test Scenarios")
    widths, x0, y = [80, 180, 180, 70], 40, 540
    canvas.setFillColorRGB(0.87, 0.9, 0.93)
    canvas.rect(x0, y - 6, sum(widths), 20, fill=1, stroke=1)
    canvas.setFillColorRGB(0, 0, 0)
    x = x0
    for width, head in zip(widths, ["Scenario ID", "Transaction", "Expected Result",
                                    "Pass/Fail"], strict=True):
        canvas.setFont("Helvetica-Bold", 8.5)
        canvas.drawString(x + 3, y, head)
        x += width
    rows = [("S-01", "Claim Status Inquiry", "Status shown", "Pass"),
            ("S-02", "Claim Submission (DDE)", "ICN returned", "Fail"),
            ("S-03", "Claim Status Inquiry", "Status shown", "Pass"),
            ("S-04", "Claim Submission (DDE)", "ICN returned", "Pass")]
    y -= 28
    for number, row in enumerate(rows, start=1):
        x = x0
        for width, column, value in zip(widths, ["id", "transaction", "expected",
                                                 "pass_fail"], row, strict=True):
            canvas.rect(x, y - 8, width, 26)
            if number <= 2:
                canvas.setFont("Helvetica", 8)
                canvas.drawString(x + 3, y + 4, value)
            else:
                canvas.acroForm.textfield(name=f"r{number}_{column}", x=x + 1, y=y - 7,
                                          width=width - 2, height=24, value=value,
                                          fontName="Helvetica", fontSize=8, borderWidth=0)
            x += width
        y -= 26
    canvas.save()
    return buffer.getvalue()


def test_scenario_rows_half_printed_half_fields(
        definitions: dict[str, FormDefinition]) -> None:
    document = extract_document("ts.pdf", _scenarios(), definitions, limits=Limits(),
                                today=TODAY, isolate=False)
    assert document.form_type == "test_scenarios"
    assert document.values()["scenario_pass_counts"] == {
        "claim_status": 2, "claim_submission": 1}
