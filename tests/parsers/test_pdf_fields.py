"""PDF reader, AcroForm: the field walk (nested names, inheritance, buttons, choices,
strings), labels printed beside opaque widgets, signatures and push buttons."""

from __future__ import annotations

import io

import pytest
from pdf_samples import Draw, Node, page, texts, utf16, with_fields
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, TextStringObject

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary, normalize_label
from parsers.limits import Limits
from parsers.model import RawDocument, RawField
from parsers.pdf import read_pdf

RADIO = 1 << 15
PUSH = 1 << 16
COMBO = 1 << 17
MULTI = 1 << 21


@pytest.fixture(scope="module")
def vocabulary(definitions: dict[str, FormDefinition]) -> Vocabulary:
    return Vocabulary(definitions)


def _read(nodes: list[Node], vocabulary: Vocabulary, *draws: Draw) -> RawDocument:
    base = page(*draws) if draws else page(texts((50, 50, "MassHealth RPA Stage I")))
    return read_pdf(with_fields(base, nodes), Limits(), vocabulary)


def _by_name(document: RawDocument) -> dict[str, RawField]:
    return {item.name: item for item in document.fields}


def _box(name: str, state: str, value: str | None, x: float = 50) -> Node:
    return Node(name, ft="/Btn", states=(state,), rect=(x, 300, 10, 10),
                value=NameObject(f"/{value}") if value else None)


def test_nested_names_and_inherited_type_and_value(vocabulary: Vocabulary) -> None:
    document = _read([
        Node("org", kids=[Node("legal_name", ft="/Tx", value="Acme Health",
                               rect=(200, 100, 200, 14))]),
        Node("contact", ft="/Tx", kids=[Node("email", value="a@b.org", rect=(200, 130, 200, 14)),
                                        Node("phone", rect=(200, 160, 200, 14))]),
        # one field shown by two widgets with no names of their own: one value
        Node("npi", ft="/Tx", value="1245319599",
             kids=[Node(rect=(200, 190, 90, 14)), Node(rect=(300, 190, 90, 14))]),
    ], vocabulary)
    fields = _by_name(document)
    assert document.method == "acroform"
    assert fields["org.legal_name"].value == "Acme Health"
    assert fields["contact.email"].value == "a@b.org"
    assert fields["contact.phone"].value == ""
    assert fields["npi"].value == "1245319599"
    assert [item.name for item in document.fields].count("npi") == 1
    assert all(item.source == "acroform" for item in document.fields)


@pytest.mark.parametrize("state", ["On", "Yes", "1", "claim_status"])
def test_checkbox_on_state_variants(vocabulary: Vocabulary, state: str) -> None:
    document = _read([_box("ticked", state, state), _box("cleared", state, "Off", x=80),
                      _box("untouched", state, None, x=110),
                      Node("filler", ft="/Tx", value="x", rect=(200, 100, 50, 14))], vocabulary)
    fields = _by_name(document)
    assert (fields["ticked"].value, fields["ticked"].export_value) == (True, state)
    assert (fields["cleared"].value, fields["cleared"].export_value) == (False, state)
    assert fields["untouched"].value is False


def test_checkbox_with_widgets_of_different_on_states(vocabulary: Vocabulary) -> None:
    """Some producers make a group of checkboxes that share a name; /V names the ticked one."""
    document = _read([Node("hosting", ft="/Btn", value=NameObject("/cloud"), kids=[
        Node(states=("on_premises",), rect=(50, 300, 10, 10)),
        Node(states=("cloud",), rect=(150, 300, 10, 10))])], vocabulary)
    (field,) = document.fields
    assert (field.value, field.export_value) == (True, "cloud")


def test_radio_group_gives_the_selected_export_name(vocabulary: Vocabulary) -> None:
    document = _read([
        Node("hosting", ft="/Btn", flags=RADIO, value=NameObject("/cloud"), kids=[
            Node(states=(state,), rect=(50 + 100 * i, 300, 10, 10))
            for i, state in enumerate(("on_premises", "cloud", "vendor_hosted"))]),
        Node("unanswered", ft="/Btn", flags=RADIO, value=NameObject("/Off"), kids=[
            Node(states=(state,), rect=(50 + 100 * i, 330, 10, 10))
            for i, state in enumerate(("a", "b"))]),
        Node("indexed", ft="/Btn", flags=RADIO, value=NameObject("/1"), opt=["Red", "Green"],
             kids=[Node(states=(str(i),), rect=(50 + 100 * i, 360, 10, 10)) for i in range(2)]),
    ], vocabulary)
    fields = [item for item in document.fields if item.name == "hosting"]
    assert [(item.value, item.export_value) for item in fields] == [("cloud", "cloud")]
    unanswered = _by_name(document)["unanswered"]  # an empty group is one empty field
    assert (unanswered.value, unanswered.export_value) == ("", "")
    assert _by_name(document)["indexed"].value == "Green"


def test_choice_fields_combo_list_and_multi_select(vocabulary: Vocabulary) -> None:
    document = _read([
        Node("combo", ft="/Ch", flags=COMBO, value="Cloud", opt=["On Premises", "Cloud"],
             rect=(200, 100, 120, 14)),
        Node("pairs", ft="/Ch", flags=COMBO, value="vh", rect=(200, 130, 120, 14),
             opt=[["op", "On Premises"], ["vh", "Vendor Hosted"]]),
        Node("listing", ft="/Ch", flags=MULTI, value=["Claim Status Inquiry", "Other"],
             opt=["Claim Status Inquiry", "Other", "Remittance"], rect=(200, 160, 120, 40)),
    ], vocabulary)
    fields = _by_name(document)
    assert fields["combo"].value == "Cloud"
    # the text shown (an export code such as "BP" means nothing), the code kept beside it
    assert (fields["pairs"].value, fields["pairs"].export_value) == ("Vendor Hosted", "vh")
    assert fields["listing"].value == ("Claim Status Inquiry", "Other")


def test_utf16_and_pdfdoc_strings(vocabulary: Vocabulary) -> None:
    document = _read([
        Node(utf16("Organización"), ft="/Tx", value=utf16("Clínica São João — Ω"),
             rect=(200, 100, 200, 14)),
        Node("latin", ft="/Tx", value=b"Caf\xe9", rect=(200, 130, 200, 14)),
    ], vocabulary)
    fields = _by_name(document)
    assert fields["Organización"].value == "Clínica São João — Ω"
    assert fields["latin"].value == "Café"


def test_opaque_names_get_the_printed_label(vocabulary: Vocabulary) -> None:
    draw = texts((50, 100, "Organization Legal Name:"), (50, 150, "City"),
                 (64, 208, "Claim Status Inquiry"), (250, 208, "Remittance Advice Download"))
    document = _read([
        Node("Text1", ft="/Tx", value="Acme Health", rect=(200, 90, 250, 14)),
        Node("Text2", ft="/Tx", value="Boston", rect=(50, 154, 150, 14)),
        Node("Check Box3", ft="/Btn", states=("Yes",), value=NameObject("/Yes"),
             rect=(50, 199, 10, 10)),
        Node("Check Box4", ft="/Btn", states=("Yes",), value=NameObject("/Off"),
             rect=(236, 199, 10, 10)),
    ], vocabulary, draw)
    labels = {item.name: normalize_label(item.label) for item in document.fields}
    assert labels["Text1"] == normalize_label("Organization Legal Name")
    assert labels["Text2"] == "city"
    assert labels["Check Box3"] == normalize_label("Claim Status Inquiry")
    assert labels["Check Box4"] == normalize_label("Remittance Advice Download")
    assert _by_name(document)["Check Box3"].value is True


def test_signature_and_push_buttons(vocabulary: Vocabulary) -> None:
    signature = DictionaryObject({NameObject("/Type"): NameObject("/Sig")})
    document = _read([
        Node("Signature1", ft="/Sig", value=signature, rect=(50, 400, 200, 30)),
        Node("Print", ft="/Btn", flags=PUSH, rect=(300, 400, 50, 20), states=()),
        Node("org_legal_name", ft="/Tx", value="Acme", rect=(200, 100, 200, 14)),
    ], vocabulary)
    assert document.signed
    assert [item.name for item in document.fields] == ["org_legal_name"]
    unsigned = _read([Node("Signature1", ft="/Sig", rect=(50, 400, 200, 30)),
                      Node("org_legal_name", ft="/Tx", value="Acme",
                           rect=(200, 100, 200, 14))], vocabulary)
    assert not unsigned.signed


def test_max_fields_bounds_the_walk(vocabulary: Vocabulary) -> None:
    nodes = [Node(f"f{i}", ft="/Tx", value="v", rect=(50, 50 + i, 20, 10)) for i in range(30)]
    document = read_pdf(with_fields(page(texts((50, 20, "x"))), nodes),
                        Limits(max_fields=10), vocabulary)
    assert len(document.fields) == 10


def test_buttons_set_only_by_their_appearance_state(vocabulary: Vocabulary) -> None:
    """Some writers tick a box or pick a radio button by /AS alone and leave /V out."""
    document = _read([
        Node("attest", ft="/Btn", states=("Yes",), rect=(50, 300, 10, 10),
             extra={"/AS": NameObject("/Yes")}),
        Node("hosting", ft="/Btn", flags=RADIO, kids=[
            Node(states=(state,), rect=(50 + 100 * i, 330, 10, 10),
                 extra={"/AS": NameObject(f"/{state}" if state == "cloud" else "/Off")})
            for i, state in enumerate(("on_premises", "cloud"))]),
    ], vocabulary)
    fields = _by_name(document)
    assert fields["attest"].value is True
    assert fields["hosting"].value == "cloud"


def test_opaque_fields_with_their_labels_printed_underneath(vocabulary: Vocabulary) -> None:
    draw = texts((50, 100, "Section 4. Attestation"),
                 (50, 152, "Authorized Signatory Name"), (300, 152, "Date Signed"))
    document = _read([Node("Text7", ft="/Tx", value="Jordan Blake", rect=(50, 128, 200, 14)),
                      Node("Text8", ft="/Tx", value="10/02/2026", rect=(300, 128, 120, 14))],
                     vocabulary, draw)
    labels = {item.name: item.label for item in document.fields}
    assert labels == {"Text7": "Authorized Signatory Name", "Text8": "Date Signed"}


def test_tooltips_name_fields_the_page_does_not(vocabulary: Vocabulary) -> None:
    document = _read([
        Node("f1", ft="/Tx", value="Acme Health", rect=(200, 90, 250, 14),
             extra={"/TU": TextStringObject("Organization Legal Name")}),
        Node("f2", ft="/Btn", states=("On",), value=NameObject("/On"), rect=(50, 300, 10, 10),
             extra={"/TU": TextStringObject("Claim Status Inquiry")}),
    ], vocabulary)
    labels = {item.name: item.label for item in document.fields}
    assert labels == {"f1": "Organization Legal Name", "f2": "Claim Status Inquiry"}


def test_a_text_value_drawn_only_in_its_appearance(vocabulary: Vocabulary) -> None:
    """Some tools leave /V out and only draw the value in the widget's appearance."""
    base = with_fields(page(texts((50, 50, "MassHealth RPA Stage I"))),
                       [Node("Text1", ft="/Tx", rect=(200, 90, 250, 14))])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    stream = DecodedStreamObject()
    stream.set_data(b"/Tx BMC BT /Helv 9 Tf 2 3 Td (Acme Health) Tj ET EMC")
    widget = writer.pages[0]["/Annots"][0].get_object()
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(stream)})
    buffer = io.BytesIO()
    writer.write(buffer)
    document = read_pdf(buffer.getvalue(), Limits(), vocabulary)
    assert _by_name(document)["Text1"].value == "Acme Health"
