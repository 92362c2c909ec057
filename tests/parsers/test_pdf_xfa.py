"""PDF reader, XFA-only forms: the values are read from the datasets packet's xfa:data part
(lists of values beside it are not answers; a bare '&' does not stop the parser)."""

from __future__ import annotations

import pytest
from pdf_samples import Node, page, texts, with_fields

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.pdf import read_pdf

DATASETS = b"""<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/">
<LOVFile><CityList><City>Boston</City><City>Worcester</City></CityList></LOVFile>
<xfa:data><form1><Page1><org_legal_name>Smith & Sons Health</org_legal_name>
<Address><city>Springfield</city><zip>01101</zip></Address><empty/>
<Signature contentType="image/png">iVBORw0KGgoAAAANSUhEUg</Signature>
</Page1></form1></xfa:data></xfa:datasets>"""


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _xfa_pdf(values: bytes, field_value: str | None = None) -> bytes:
    nodes = [Node("form1[0].Page1[0].org_legal_name[0]", ft="/Tx", value=field_value,
                  rect=(200, 100, 200, 14))]
    return with_fields(page(texts((50, 50, "Please wait..."))), nodes, xfa_datasets=values)


def test_xfa_only_form_values_come_from_the_datasets(vocabulary: Vocabulary) -> None:
    document = read_pdf(_xfa_pdf(DATASETS), Limits(), vocabulary)
    assert document.method == "xfa"
    values = {item.name: (item.label, item.value) for item in document.fields}
    assert values == {
        "form1.Page1.org_legal_name": ("org_legal_name", "Smith & Sons Health"),
        "form1.Page1.Address.city": ("city", "Springfield"),
        "form1.Page1.Address.zip": ("zip", "01101")}
    assert all(item.source == "xfa" for item in document.fields)


def test_a_hybrid_with_acroform_values_is_read_as_acroform(vocabulary: Vocabulary) -> None:
    document = read_pdf(_xfa_pdf(DATASETS, field_value="Acme"), Limits(), vocabulary)
    assert document.method == "acroform"
    assert [item.value for item in document.fields] == ["Acme"]


@pytest.mark.parametrize("packet", [b"", b"<<<not xml", b"<xfa:datasets/>"])
def test_a_broken_packet_gives_no_xfa_values(packet: bytes, vocabulary: Vocabulary) -> None:
    document = read_pdf(_xfa_pdf(packet), Limits(), vocabulary)
    assert document.method != "xfa" and document.method != "none"
