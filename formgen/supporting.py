"""The Stage II supporting documents: Systems Design Documentation and Test Scenarios (the
signed agreement is the rpa_agreement form, made by pdf_form)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

COLUMNS = ("Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result",
           "Pass/Fail")
LABELS = {"eligibility_inquiry": "Member Eligibility Verification",
          "claim_submission": "Claim Submission (DDE)", "claim_status": "Claim Status Inquiry",
          "claim_adjustment": "Claim Adjustment/Void",
          "prior_authorization": "Prior Authorization Request",
          "remittance_advice": "Remittance Advice Download", "other": "Other DDE Activity"}
STEPS = ("Log in to the POSC with the bot's RPA User ID", "Open the {label} screen",
         "Enter the member or claim identifiers from the work queue",
         "Read the results and store them in the practice system", "Log out of the POSC")


def systems_design_document(org_name: str, transactions: Sequence[str], *,
                            fmt: str = "pdf") -> bytes:
    title = "RPA Systems Design Documentation"
    blocks = [("Overview", [f"Organization Legal Name: {org_name}",
                            "This document describes the process flow of each bot transaction "
                            "on the MassHealth POSC, end to end."])]
    for key in transactions:
        label = LABELS.get(key, key)
        blocks.append((f"Process flow: {label}",
                       [f"{n}. {step.format(label=label)}" for n, step in enumerate(STEPS, 1)]))
    return _pdf(title, blocks) if fmt == "pdf" else _docx(title, blocks)


def scenario_results_document(org_name: str, scenarios: Sequence[dict[str, str]], *,
                            fmt: str = "pdf") -> bytes:
    title = "RPA Test Scenarios"
    rows = [list(COLUMNS)] + [[_cell(row, column) for column in COLUMNS] for row in scenarios]
    intro = [f"Organization Legal Name: {org_name}",
             "Scenarios executed in the MassHealth Trading Partner Testing Environment."]
    if fmt == "pdf":
        return _pdf(title, [("Overview", intro)], table=rows)
    return _docx(title, [("Overview", intro)], table=rows)


def _cell(row: dict[str, str], column: str) -> str:
    value = row.get(column, "")
    return LABELS.get(value, value) if column == "Transaction" else value


def _pdf(title: str, blocks: list[tuple[str, list[str]]],
         table: list[list[str]] | None = None) -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    story: list[object] = [Paragraph(title, styles["Title"])]
    for heading, lines in blocks:
        story.append(Paragraph(heading, styles["Heading2"]))
        story += [Paragraph(line, styles["BodyText"]) for line in lines]
    if table:
        story.append(Spacer(1, 12))
        grid = Table(table, repeatRows=1)
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                  ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                  ("FONTSIZE", (0, 0), (-1, -1), 8)]))
        story.append(grid)
    SimpleDocTemplate(buffer, pagesize=LETTER, title=title).build(story)
    return buffer.getvalue()


def _docx(title: str, blocks: list[tuple[str, list[str]]],
          table: list[list[str]] | None = None) -> bytes:
    document = Document()
    document.add_heading(title, level=0)
    for heading, lines in blocks:
        document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        grid.style = "Table Grid"
        for row in table:
            cells = grid.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
