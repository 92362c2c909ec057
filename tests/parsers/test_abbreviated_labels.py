"""Re-typed forms print labels and options in short forms ("Org. Legal Name", "NPI #",
"FEIN / Tax ID", "Avg Txns/Wk", "Testing Compl. Date", "MH Provider", "RA Download") and
mark choices with other glyphs (▣/▢). The labels were not known: values were lost, taken
by the wrong field ("Date" of "Testing Compl. Date"), or read with the label's tail
("#: 1034857411" as the NPI)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from config.settings import FORMS_DIR
from parsers.extract import extract_document
from parsers.formdefs import FormDefinition, load_definitions
from parsers.label_abbrev import abbreviates
from parsers.labels import Vocabulary, normalize_label
from parsers.limits import Limits

LINES = [
    "MassHealth RPA Stage II Registration Form",
    "Org. Legal Name: Acme Health LLC",
    "Org. Type: ▣ MH Provider   ▢ Bus. Partner   ▢ Rel. Entity",
    "PID/SL: 110045498A",
    "NPI #: 1034857411",
    "FEIN / Tax ID: 69-9501557",
    "Contact Tel.: (508) 555-0171",
    "Stage I Appr. #: RPA1-2026-00412",
    "POSC Txns: ▣ Elig. Verification   ▢ Claim Status   ▣ RA Download",
    "Testing done in MassHealth TPTE?: ▣ Yes   ▢ No",
    "Testing Compl. Date: November 4, 2026",
    "# RPA User IDs Req.: 2",
    "Signed by (Name): Jane Doe",
    "Date: November 27, 2026",
]


def test_abbreviated_labels_and_options(definitions: dict[str, FormDefinition]) -> None:
    document = Document()
    for line in LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = extract_document("stage2.docx", buffer.getvalue(), definitions,
                              limits=Limits(ocr=False), today=date(2026, 12, 3), isolate=False)
    assert result.form_type == "stage2"
    expected = {"org_legal_name": "Acme Health LLC", "org_type": "provider",
                "npi": "1034857411", "fein": "69-9501557", "contact_phone": "508-555-0171",
                "stage1_approval_number": "RPA1-2026-00412", "testing_completed": True,
                "transactions": ["eligibility_inquiry", "remittance_advice"],
                "testing_completed_date": "2026-11-04", "user_ids_requested": 2,
                "signer_name": "Jane Doe", "signature_date": "2026-11-27"}
    assert {key: result.value(key) for key in expected} == expected


@pytest.mark.parametrize(("text", "label", "meant"), [
    ("Avg Txns/Wk", "Average Number of Transactions per Week", True),
    ("Stage I Appr. #", "Stage II Approval Number", False),  # "I" is never skipped
    ("New Max Screens/Session", "Maximum POSC Screens per Bot Session", False),
    ("Elig. Verification", "Member Eligibility Verification", True),
    ("Testing completed in the", "Testing completed in the MassHealth Trading Partner Testing "
     "Environment", False),  # a wrapped label's first line
    ("Organization Organization Legal Name", "Organization Legal Name", False),
    ("Member Search", "Member Eligibility Verification", False),
])
def test_abbreviates(text: str, label: str, meant: bool) -> None:
    assert abbreviates(normalize_label(text), normalize_label(label)) is meant


def test_an_abbreviation_meaning_two_fields_means_none() -> None:
    vocabulary = Vocabulary(load_definitions(FORMS_DIR))
    assert not vocabulary.lookup("Contact Info")  # name, title, e-mail or telephone
    assert {target.key for target in vocabulary.lookup("Avg Txns/Wk")} == \
        {"avg_weekly_transactions"}
    assert not vocabulary.lookup("Maximum POSC Screens per Bot")  # a wrapped label's line
    assert not vocabulary.lookup("Identification Number (FEIN)")  # and its second line
    # an exact label is never taken for an abbreviation of another
    assert {target.key for target in vocabulary.lookup("Date Signed")} == {"signature_date"}


def test_whole_words_picked_out_of_a_label_are_a_heading_not_an_abbreviation() -> None:
    """independent11 n01: the bold heading "Bot on the POSC" read as "Date Bot Became
    Operational on the POSC" and took the next heading as the date (a conflict); a run of
    a label's words ("Contact Email") still names it."""
    assert not abbreviates(normalize_label("Bot on the POSC"),
                           normalize_label("Date Bot Became Operational on the POSC"))
    assert abbreviates(normalize_label("Contact Email"), normalize_label("Primary Contact Email"))
