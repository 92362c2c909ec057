"""Values a DOCX prints in its page header or footer, typed on one line with other items
parted by spaced vertical bars ("Primary Contact Telephone: 978.555.0146   |   Form
RPA-S2G"): each item is read alone, so the next item is not taken into the value (it
was, and the provider was told the telephone number was invalid)."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits


def test_items_parted_by_bars_in_a_footer_are_read_alone(
        definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    document.add_paragraph("MassHealth RPA Stage I Registration Form")
    document.add_paragraph("Organization Legal Name: Merrimack Valley Billing LLC")
    footer = document.sections[0].footer
    footer.paragraphs[0].text = ("Primary Contact Telephone: 978.555.0146   |   "
                                 "Date Signed: 05/19/2026   |   Page 1")
    buffer = io.BytesIO()
    document.save(buffer)
    found = extract_document("footer.docx", buffer.getvalue(), definitions, limits=Limits(),
                             today=date(2026, 12, 2), isolate=False)
    values = found.values()
    assert values["contact_phone"] == "978-555-0146"
    assert values["signature_date"] == "2026-05-19"
    assert not [item for item in found.problems if item.field == "contact_phone"]
