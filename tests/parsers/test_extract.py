"""Extraction dispatcher: hand-built RawDocuments of every reader style → documents; the
unsupported kinds; the SPEC §5 JSON; the isolated path."""

from __future__ import annotations

from datetime import date

import pytest
from rules_samples import SAMPLES

import parsers.extract as extract
from parsers.labels import Vocabulary
from parsers.limits import Limits
from parsers.model import Attachment, ParsedEmail, RawDocument, RawField, Source

TODAY = date(2026, 3, 15)
TEXT = "MassHealth RPA Stage I Registration Form\nInstructions...\nRPA-S1 Page 1 of 2"
EXPECTED = {
    "org_legal_name": "Acme Health LLC", "org_type": "provider", "provider_id": "110012345A",
    "npi": "1234567893", "fein": "04-1234567", "street": "1 Main St", "city": "Boston",
    "state": "MA", "zip": "02111", "contact_name": "Jane Doe",
    "contact_email": "jane@acme.example", "contact_phone": "617-555-0142",
    "rpa_tool_name": "UiPath Studio", "rpa_tool_vendor": "UiPath", "attest": True,
    "signer_name": "John Roe", "signer_title": "CEO", "signature_date": "2026-03-01",
    "bot_count": 2, "bot_names": ["Bot A", "Bot B"], "transactions": ["claim_status"],
    "posc_screens": ["Claim Status Inquiry"], "screens_per_session": 4,
    "avg_weekly_transactions": 250,
}


def acroform_fields() -> tuple[RawField, ...]:
    fields = []
    for key, value in SAMPLES["stage1"].items():
        if key == "transactions":
            fields += [RawField(f"transactions.{choice}", choice == "claim_status", "acroform",
                                export_value="On") for choice in ("claim_status", "other")]
        elif key == "org_type":
            fields.append(RawField("org_type", "Choice1", "acroform",
                                   label="MassHealth Provider"))
        else:
            fields.append(RawField(f"form1[0].page1[0].{key}[0]", value, "acroform"))
    return tuple(fields)


def labelled_fields(source: Source, confidence: float = 1.0) -> tuple[RawField, ...]:
    definition_labels = {
        "org_legal_name": "Organization Legal Name", "org_type": "Organization Type",
        "provider_id": "PID/SL", "npi": "NPI", "fein": "FEIN", "street": "Street Address",
        "city": "City", "state": "State", "zip": "ZIP Code", "contact_name": "Contact Name",
        "contact_email": "Primary Contact Email", "contact_phone": "Telephone",
        "rpa_tool_name": "RPA Tool (Product Name)", "rpa_tool_vendor": "RPA Tool Vendor",
        "signer_name": "Authorized Signatory Name", "signer_title": "Authorized Signatory Title",
        "signature_date": "Date Signed", "bot_count": "Number of Bots Requested",
        "bot_names": "Bot Name(s)", "posc_screens": "POSC Screens Accessed",
        "screens_per_session": "Maximum POSC Screens per Bot Session",
        "avg_weekly_transactions": "Average Number of Transactions per Week",
    }
    text = {"org_type": "MassHealth Provider", "signature_date": "March 1, 2026",
            "contact_phone": "(617) 555-0142", "state": "Massachusetts"}
    fields = [RawField(label, text.get(key, SAMPLES["stage1"][key]), source, confidence)
              for key, label in definition_labels.items()]
    fields.append(RawField("Claim Status Inquiry", True, source, confidence,
                           label="POSC Transactions Requested"))
    fields.append(RawField("Other DDE Activity", False, source, confidence,
                           label="POSC Transactions Requested"))
    fields.append(RawField("I attest that the information on this form is true and complete",
                           True, source, confidence))
    return tuple(fields)


STYLES = [
    ("acroform", acroform_fields(), "acroform"),
    ("tables", labelled_fields("table_cell"), "table_cell"),
    ("paragraphs", labelled_fields("paragraph"), "paragraph"),
    ("layout", labelled_fields("layout", 0.9), "layout"),
]


@pytest.mark.parametrize(("method", "fields", "source"), STYLES)
def test_every_reader_style_gives_the_same_values(definitions, method, fields, source) -> None:
    raw = RawDocument(method, TEXT, fields, pages=2)
    document = extract.build_document("s1.pdf", b"x", raw, definitions,
                                      Vocabulary(definitions), today=TODAY)
    assert (document.form_type, document.form_version) == ("stage1", "RPA-S1")
    assert document.values() == EXPECTED
    assert document.problems == ()
    assert {item.source for item in document.fields} == {source}


def test_ocr_document_goes_to_review(definitions) -> None:
    raw = RawDocument("ocr", TEXT, labelled_fields("ocr", 0.6))
    document = extract.build_document("scan.pdf", b"x", raw, definitions,
                                      Vocabulary(definitions), today=TODAY)
    assert document.form_type == "stage1"
    assert {item.code for item in document.problems} == {"ocr", "low_confidence"}
    assert {item.severity for item in document.problems} == {"review"}


def test_unknown_document_keeps_reader_problems(definitions) -> None:
    raw = RawDocument("paragraphs", "Dear coordinator, our invoice.")
    document = extract.build_document("letter.docx", b"x", raw, definitions,
                                      Vocabulary(definitions), today=TODAY)
    assert (document.form_type, document.method, document.fields) == ("unknown",
                                                                       "paragraphs", ())


@pytest.mark.parametrize(("kind", "code", "phrase"), [
    ("doc", "unsupported_file", "resend it as a PDF or DOCX"),
    ("encrypted_office", "encrypted_file", "without a password"),
    ("png", "unsupported_file", "resend it as a PDF or DOCX"),
    ("zip", "unsupported_file", "resend it as a PDF or DOCX"),
    ("other", "unsupported_file", "resend it as a PDF or DOCX"),
])
def test_unsupported_kinds(definitions, monkeypatch, kind, code, phrase) -> None:
    monkeypatch.setattr(extract, "_sniff", lambda data: kind)
    document = extract.extract_document("form.doc", b"data", definitions, limits=Limits(),
                                        today=TODAY, isolate=False)
    assert (document.form_type, document.method) == ("unknown", "none")
    assert [item.code for item in document.problems] == [code]
    assert phrase in document.problems[0].message
    assert "form.doc" in document.problems[0].message


def test_a_bug_in_our_reader_is_not_a_damaged_file(definitions, monkeypatch) -> None:
    """Issue #11 item 5: an exception from our own code goes up (the pipeline quarantines
    the message with its traceback) instead of telling the provider the file is damaged."""
    def broken(*args: object) -> RawDocument:
        raise KeyError("/Root")

    monkeypatch.setattr(extract, "_sniff", lambda data: "pdf")
    monkeypatch.setattr(extract, "_read", broken)
    with pytest.raises(KeyError):
        extract.extract_document("bad.pdf", b"%PDF-", definitions, limits=Limits(),
                                 today=TODAY, isolate=False)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj <<", b"%PDF-1.4\n" + b"\x00" * 64])
def test_a_damaged_pdf_is_a_document_problem(definitions, data: bytes) -> None:
    """The library's errors are caught at the library call: a problem the provider can act
    on."""
    document = extract.extract_document("bad.pdf", data, definitions, limits=Limits(),
                                        today=TODAY, isolate=False)
    assert [item.code for item in document.problems] == ["unreadable_file"]


def test_reader_result_goes_through_the_stages(definitions, monkeypatch) -> None:
    monkeypatch.setattr(extract, "_sniff", lambda data: "docx")
    monkeypatch.setattr(extract, "_read", lambda kind, data, limits, vocabulary: RawDocument(
        "tables", TEXT, labelled_fields("table_cell")))
    document = extract.extract_document("s1.docx", b"PK", definitions, limits=Limits(),
                                        today=TODAY, isolate=False)
    assert document.values() == EXPECTED
    assert len(document.sha256) == 64


def test_too_large_in_the_isolated_child(definitions) -> None:
    document = extract.extract_document("big.pdf", b"x" * 2048, definitions,
                                        limits=Limits(max_attachment_bytes=1024), today=TODAY)
    assert [item.code for item in document.problems] == ["too_large"]


def test_extract_json_of_an_email(definitions, monkeypatch) -> None:
    def attachment(name: str, inline: bool = False) -> Attachment:
        return Attachment(name, "application/pdf", "pdf", name.encode(), "0" * 64, inline)

    email = ParsedEmail("id", "subject", "a@b.org", "A", (), None, "", (), None, (),
                        "multipart/mixed", "", (attachment("one.doc"), attachment("logo.png",
                                                                                 inline=True)))
    monkeypatch.setattr(extract, "_parse_email", lambda data, limits: email)
    monkeypatch.setattr(extract, "_sniff", lambda data: "eml" if data == b"EML" else "doc")
    result = extract.extract_json("mail.eml", b"EML", definitions, limits=Limits(),
                                  today=TODAY, isolate=False)
    assert result["file"] == "mail.eml"
    assert [item["filename"] for item in result["documents"]] == ["one.doc"]
    assert result["documents"][0]["form_type"] == "unknown"
    assert result["documents"][0]["problems"][0]["code"] == "unsupported_file"


def test_extract_json_shape(definitions, monkeypatch) -> None:
    monkeypatch.setattr(extract, "_sniff", lambda data: "pdf")
    monkeypatch.setattr(extract, "_read", lambda kind, data, limits, vocabulary: RawDocument(
        "acroform", TEXT, acroform_fields()))
    result = extract.extract_json("stage1.pdf", b"%PDF", definitions, limits=Limits(),
                                  today=TODAY, isolate=False)
    document = result["documents"][0]
    assert set(document) == {"filename", "sha256", "form_type", "form_version", "method",
                             "confidence", "fields", "field_sources", "problems"}
    assert document["fields"]["bot_count"] == 2
    assert document["field_sources"]["fein"] == {"source": "acroform", "confidence": 1.0}
