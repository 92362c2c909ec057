"""DOCX values typed inside text boxes and frames under their label paragraphs: a VML
``v:textbox``, a DrawingML ``wps:txbx`` (with Word's VML fallback copy) and a ``w:framePr``
frame are read in document order as if they were body paragraphs, and a short value in
capitals there ("MA") is a value, not a section heading."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml import parse_xml

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import ExtractedDocument

NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def _content(lines: tuple[str, ...]) -> str:
    return "<w:txbxContent>" + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"
                                        for line in lines) + "</w:txbxContent>"


def _vml(lines: tuple[str, ...], label: str = "") -> str:
    own = f"<w:r><w:t>{label}</w:t></w:r>" if label else ""
    return (f"<w:p {NAMESPACES}>{own}<w:r><w:pict><v:shape style=\"width:300pt;height:20pt\">"
            f"<v:textbox>{_content(lines)}</v:textbox></v:shape></w:pict></w:r></w:p>")


def _drawing(lines: tuple[str, ...], label: str = "") -> str:
    """A DrawingML text box as Word writes it: the wps shape, and a VML copy in Fallback."""
    own = f"<w:r><w:t>{label}</w:t></w:r>" if label else ""
    shape = (f"<wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx>{_content(lines)}"
             "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline>")
    return (f"<w:p {NAMESPACES}>{own}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
            f"<w:drawing>{shape}</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
            f"<v:textbox>{_content(lines)}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r></w:p>")


def _frame(lines: tuple[str, ...], label: str = "") -> str:
    text = "".join(f"<w:p {NAMESPACES}><w:pPr><w:framePr w:w=\"6000\" w:hSpace=\"180\"/>"
                   f"</w:pPr><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return (f"<w:p {NAMESPACES}><w:r><w:t>{label}</w:t></w:r></w:p>" if label else "") + text


FORM = (("Organization Legal Name", ("Cape Ann Pediatrics LLC",)),
        ("City", ("Gloucester",)), ("State", ("MA",)), ("ZIP Code", ("01930",)),
        ("Organization Type", ("☐ MassHealth Provider", "☒ Business Partner")),
        ("Validation Year", ("2026",)))


def _extract(definitions: dict[str, FormDefinition], box: str, *,
             anchored: bool = False) -> ExtractedDocument:
    """The Annual Validation with each label a bold paragraph and its value in a box
    under it (``anchored``: the label is typed in the paragraph that holds the box)."""
    document = Document()
    document.add_paragraph("MassHealth RPA Annual Validation")
    body = document.element.body
    makers = {"vml": _vml, "drawing": _drawing, "frame": _frame}
    for label, lines in FORM:
        if not anchored:
            document.add_paragraph().add_run(label).bold = True
        xml = makers[box](lines, label if anchored else "")
        for element in parse_xml(f"<w:body {NAMESPACES}>{xml}</w:body>"):
            body.insert(len(body) - 1, element)  # before the section properties
    buffer = io.BytesIO()
    document.save(buffer)
    return extract_document("boxes.docx", buffer.getvalue(), definitions, limits=Limits(),
                            today=date(2026, 12, 2), isolate=False)


@pytest.mark.parametrize("box", ["vml", "drawing", "frame"])
def test_values_in_boxes_under_their_labels(definitions: dict[str, FormDefinition],
                                            box: str) -> None:
    document = _extract(definitions, box)
    values = document.values()
    assert document.form_type == "annual_validation"
    assert (values["org_legal_name"], values["city"], values["state"], values["zip"]) == \
        ("Cape Ann Pediatrics LLC", "Gloucester", "MA", "01930")
    assert values["org_type"] == "business_partner"
    assert values["validation_year"] == 2026
    assert not [item for item in document.problems if item.field == "state"]


@pytest.mark.parametrize("box", ["vml", "drawing"])
def test_a_label_typed_in_the_paragraph_that_holds_the_box(
        definitions: dict[str, FormDefinition], box: str) -> None:
    values = _extract(definitions, box, anchored=True).values()
    assert (values["city"], values["state"], values["zip"]) == ("Gloucester", "MA", "01930")


def test_a_caps_heading_in_the_body_is_still_a_heading(
        definitions: dict[str, FormDefinition]) -> None:
    """Outside a box a line in capitals is a heading: the label before it is left empty."""
    document = Document()
    document.add_paragraph("MassHealth RPA Annual Validation")
    for line in ("Organization Legal Name", "Acme Health LLC", "State", "CONTACT DETAILS",
                 "City", "Boston"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = extract_document("body.docx", buffer.getvalue(), definitions, limits=Limits(),
                                 today=date(2026, 12, 2), isolate=False)
    assert "state" not in extracted.values()
    assert extracted.values()["city"] == "Boston"
