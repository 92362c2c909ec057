"""Fillable PDFs whose buttons export codes (``/MHP /BP /RE``, ``/T1``..): a selected
button's choice is read from its caption (/MK /CA), its tooltip (/TU) or the text printed
beside it; a code nothing names goes to a coordinator ("could not be read"), never to the
provider as an invalid choice."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pdf_samples import Node, page, texts, with_fields
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from parsers.extract import extract_document
from parsers.formdefs import FormDefinition
from parsers.limits import Limits
from parsers.model import ExtractedDocument

RADIO = (1 << 15) | (1 << 14)
CHOICES = (("MHP", "MassHealth Provider"), ("BP", "Business Partner"),
           ("RE", "Relationship Entity"))


def _button(code: str, choice: str, top: float, named_by: str) -> Node:
    extra: dict[str, Any] = {}
    if named_by == "caption":
        extra["/MK"] = DictionaryObject({NameObject("/CA"): TextStringObject(choice)})
    if named_by == "tooltip":
        extra["/TU"] = TextStringObject(f"Organization Type: {choice}")
    return Node(states=(code,), rect=(200, top, 10, 10), extra=extra)


def _form(definitions: dict[str, FormDefinition], selected: str,
          named_by: str) -> ExtractedDocument:
    printed = [(50, 60, "MassHealth RPA Stage I Registration Form"),
               (50, 100, "Organization Legal Name"), (50, 130, "Organization Type")]
    if named_by == "page":
        printed += [(215, 139 + 20 * n, choice) for n, (_, choice) in enumerate(CHOICES)]
    nodes = [Node("org_legal_name", ft="/Tx", value="Acme Health LLC", rect=(200, 90, 200, 14)),
             Node("org_type", ft="/Btn", flags=RADIO, value=NameObject(f"/{selected}"),
                  kids=[_button(code, choice, 130 + 20 * n, named_by)
                        for n, (code, choice) in enumerate(CHOICES)])]
    data = with_fields(page(texts(*printed)), nodes)
    return extract_document("coded.pdf", data, definitions, limits=Limits(),
                            today=date(2026, 12, 2), isolate=False)


@pytest.mark.parametrize("named_by", ["page", "caption", "tooltip"])
@pytest.mark.parametrize(("selected", "key"), [("MHP", "provider"),
                                               ("RE", "relationship_entity")])
def test_a_coded_radio_export_is_the_choice_named_beside_it(
        definitions: dict[str, FormDefinition], named_by: str, selected: str,
        key: str) -> None:
    document = _form(definitions, selected, named_by)
    assert document.form_type == "stage1"
    assert document.values()["org_type"] == key
    assert not [item for item in document.problems if item.field == "org_type"]


def test_a_code_nothing_names_goes_to_review(definitions: dict[str, FormDefinition]) -> None:
    document = _form(definitions, "BP", "nothing")
    assert "org_type" not in document.values()
    about = [item for item in document.problems if item.field == "org_type"]
    assert about and all(item.severity == "review" for item in about)
    assert about[0].code == "unreadable"
