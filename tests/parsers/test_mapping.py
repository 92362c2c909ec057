"""Mapping stage: raw fields of every reader convention → canonical keys."""

from __future__ import annotations

import pytest

from parsers.formdefs import FormDefinition
from parsers.labels import Vocabulary
from parsers.mapping import map_fields
from parsers.model import RawDocument, RawField
from parsers.normalize import normalize_value


def mapped(definitions: dict[str, FormDefinition], form_type: str, *fields: RawField):
    raw = RawDocument("acroform", "", fields)
    return map_fields(raw, definitions[form_type], Vocabulary(definitions))


@pytest.mark.parametrize(("name", "label"), [
    ("org_legal_name", ""),
    ("org_legal_name[0]", ""),
    ("form1[0].page1[0].org_legal_name[0]", ""),
    ("topmostSubform[0].Page1[0].org_legal_name[0]", ""),
    ("organization.org_legal_name", ""),
    ("Organization Legal Name", ""),
    ("Organization Legal Name:", ""),
    ("LEGAL NAME", ""),
    ("Text1", "Organization Legal Name"),
    ("Text1", "Legal Name of Organization *"),
])
def test_text_field_by_name_or_label(definitions, name: str, label: str) -> None:
    result = mapped(definitions, "stage1", RawField(name, "Acme", "acroform", label=label))
    assert result["org_legal_name"].raw == "Acme"
    assert result["org_legal_name"].source == "acroform"


def test_name_wins_over_label(definitions) -> None:
    result = mapped(definitions, "stage1",
                    RawField("fein", "04-1234567", "acroform", label="City"))
    assert set(result) == {"fein"}


@pytest.mark.parametrize("box", [
    RawField("transactions.claim_status", True, "acroform", export_value="On"),
    RawField("transactions.Claim Status Inquiry", True, "acroform", export_value="Yes"),
    RawField("form1[0].transactions[0].claim_status[0]", True, "xfa"),
    RawField("Claim Status Inquiry", True, "table_cell", label="POSC Transactions Requested"),
    RawField("Check Box3", True, "acroform", label="Claim Status Inquiry"),
    RawField("transactions", True, "acroform", export_value="claim_status"),
    RawField("Claim Status Inquiry", True, "content_control"),
])
def test_checked_set_choice(definitions, box: RawField) -> None:
    result = mapped(definitions, "stage1", box)
    value = normalize_value(definitions["stage1"].field("transactions"),
                            result["transactions"].raw).value
    assert value == ["claim_status"]


def test_unchecked_boxes_say_nothing_and_checked_ones_collect(definitions) -> None:
    result = mapped(
        definitions, "stage1",
        RawField("transactions.claim_status", True, "acroform", export_value="On"),
        RawField("transactions.eligibility_inquiry", False, "acroform", export_value="On"),
        RawField("transactions.remittance_advice", True, "acroform", export_value="On"),
    )
    assert result["transactions"].raw == ("claim_status", "remittance_advice")
    assert not result["transactions"].conflicts


def test_no_checked_boxes_means_left_empty(definitions) -> None:
    """Unchecked boxes give no value, but the field was seen, empty (a sure reader's blank)."""
    result = mapped(definitions, "stage1",
                    RawField("transactions.claim_status", False, "acroform"))
    assert result["transactions"].raw == ""


def test_a_checked_box_beats_the_unchecked_ones(definitions) -> None:
    result = mapped(definitions, "stage1",
                    RawField("transactions.claim_status", False, "acroform"),
                    RawField("transactions.eligibility_inquiry", True, "acroform"),
                    RawField("transactions.claim_adjustment", False, "acroform"))
    assert (result["transactions"].raw, result["transactions"].conflicts) == (
        ("eligibility_inquiry",), ())


def test_a_box_beside_a_text_field_says_nothing_about_it(definitions) -> None:
    result = mapped(definitions, "stage1", RawField("Check1", False, "acroform",
                                                    label="Organization Legal Name"))
    assert "org_legal_name" not in result


@pytest.mark.parametrize(("value", "export", "label", "expected"), [
    ("provider", "", "", "provider"),
    ("MassHealth Provider", "", "", "MassHealth Provider"),
    ("Choice2", "", "Business Partner", "Business Partner"),
    ("Choice2", "relationship_entity", "", "relationship_entity"),
])
def test_radio_group(definitions, value, export, label, expected) -> None:
    result = mapped(definitions, "stage1", RawField("org_type", value, "acroform",
                                                    export_value=export, label=label))
    assert result["org_type"].raw == expected


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("Yes", True, True), ("No", True, False), ("Yes", False, None), ("No", False, None),
])
def test_yes_no_boxes_in_a_table(definitions, name, value, expected) -> None:
    result = mapped(definitions, "stage2", RawField(
        name, value, "table_cell",
        label="Testing completed in the MassHealth Trading Partner Testing Environment"))
    assert result["testing_completed"].raw == "" if expected is None else \
        result["testing_completed"].raw is expected


def test_yes_no_as_dotted_boxes(definitions) -> None:
    result = mapped(definitions, "stage2",
                    RawField("testing_completed.yes", False, "acroform"),
                    RawField("testing_completed.no", True, "acroform"))
    assert result["testing_completed"].raw is False


def test_yes_no_boxes_that_all_export_yes_answer_by_the_word_beside_them(definitions) -> None:
    # a pair of boxes numbered _1 and _2, each exporting the tools' default on-state /Yes:
    # the ticked one beside a printed "No" answers no (set 9's ap2 was told its bot was
    # modified without approval)
    question = "Has the bot been modified without MassHealth approval since the last validation?"
    result = mapped(definitions, "annual_validation",
                    RawField("unapproved_changes_1", False, "acroform", label=question,
                             export_value="Yes", beside="Yes"),
                    RawField("unapproved_changes_2", True, "acroform", label=question,
                             export_value="Yes", beside="No"))
    assert result["unapproved_changes"].raw is False


def test_a_numbered_box_whose_label_is_its_choice(definitions) -> None:
    # "transactions_3" names the field but not the choice; the text beside the box is
    # found as its label, and that is the choice (set 9's ap1 lost two transactions)
    result = mapped(definitions, "stage2",
                    RawField("transactions_3", True, "acroform", label="Claim Status Inquiry",
                             export_value="Yes"),
                    RawField("transactions_2", True, "acroform", label="POSC Transactions",
                             export_value="Yes", beside="Claim Submission (DDE)"))
    assert set(result["transactions"].raw) == {"Claim Status Inquiry", "Claim Submission (DDE)"}


def test_attestation_checkbox_by_label(definitions) -> None:
    result = mapped(definitions, "stage1", RawField(
        "Check Box9", True, "acroform",
        label="I attest that the information on this form is true and complete"))
    assert result["attest"].raw is True


def test_conflict_keeps_the_more_confident_value(definitions) -> None:
    result = mapped(definitions, "stage1",
                    RawField("fein", "04-1234567", "layout", confidence=0.7),
                    RawField("FEIN", "04-7654321", "acroform", confidence=1.0))
    assert result["fein"].raw == "04-7654321"
    assert result["fein"].conflicts == ("04-1234567",)


def test_same_value_twice_is_no_conflict(definitions) -> None:
    result = mapped(definitions, "stage1",
                    RawField("City", "Boston", "layout", confidence=0.9),
                    RawField("city", " boston ", "acroform"))
    assert result["city"].conflicts == ()
    assert result["city"].confidence == 1.0


def test_unknown_names_are_ignored(definitions) -> None:
    assert mapped(definitions, "stage1", RawField("Text7", "x", "acroform")) == {}


def test_multiselect_tuple(definitions) -> None:
    result = mapped(definitions, "stage2", RawField(
        "docs_enclosed", ("MassHealth RPA Agreement", "Test Scenarios"), "content_control"))
    assert result["docs_enclosed"].raw == ("MassHealth RPA Agreement", "Test Scenarios")


def test_choice_label_shared_by_two_fields_prefers_the_set(definitions) -> None:
    result = mapped(definitions, "modification", RawField("Other", True, "table_cell"))
    assert result["modification_types"].raw == ("Other",)


@pytest.mark.parametrize(("name", "value", "key", "expected"), [
    ("OrgLegalName", "Acme", "org_legal_name", "Acme"),
    ("txtOrgLegalName", "Acme", "org_legal_name", "Acme"),
    ("EstMonthlyTransactions", "1000", "est_monthly_transactions", "1000"),
    ("chkAttest", True, "attest", True),
    ("Transactions_ClaimStatus", True, "transactions", ("ClaimStatus",)),
    ("Request.Transactions.PriorAuthorization", True, "transactions",
     ("PriorAuthorization",)),
    ("Transactions_Other", True, "transactions", ("Other",)),
])
def test_names_as_programmers_write_them(definitions, name: str, value: object, key: str,
                                         expected: object) -> None:
    result = mapped(definitions, "stage1", RawField(name, value, "acroform"))
    assert result[key].raw == expected


def test_a_checked_box_named_like_a_text_field_is_the_choice(definitions) -> None:
    """Transactions_Other is a box of the Other choice, not the "If Other" text."""
    result = mapped(definitions, "stage1", RawField("Transactions_Other", True, "acroform"),
                    RawField("TransactionsOther", "Eligibility file pull", "acroform"))
    assert result["transactions"].raw == ("Other",)
    assert result["transactions_other"].raw == "Eligibility file pull"


@pytest.mark.parametrize("name", ["Organization Legal Name_2", "Organization Legal Name#1"])
def test_acrobat_repeated_names(definitions, name: str) -> None:
    assert mapped(definitions, "stage1", RawField(name, "Acme", "acroform"))[
        "org_legal_name"].raw == "Acme"


def test_xfa_boxes_say_one_and_zero(definitions) -> None:
    result = mapped(definitions, "stage1",
                    RawField("form1.Transactions.ClaimStatus", "1", "xfa"),
                    RawField("form1.Transactions.ClaimSubmission", "0", "xfa"),
                    RawField("form1.Transactions.Other", "Off", "xfa"))
    assert result["transactions"].raw == ("ClaimStatus",)


def test_a_number_typed_into_boxes_of_its_own(definitions) -> None:
    """Acrobat's auto-detected fields: Telephone, Telephone_2, Telephone_3."""
    result = mapped(definitions, "stage1",
                    RawField("Primary Contact Telephone", "617", "acroform"),
                    RawField("Primary Contact Telephone_3", "0142", "acroform"),
                    RawField("Primary Contact Telephone_2", "555", "acroform"),
                    RawField("Organization Legal Name", "Acme", "acroform"),
                    RawField("Organization Legal Name_2", "Acme", "acroform"))
    assert result["contact_phone"].raw == "617-555-0142"
    assert result["org_legal_name"].raw == "Acme"


def test_a_list_box_with_no_label_is_known_by_its_choices(definitions) -> None:
    result = mapped(definitions, "modification", RawField(
        "Text42", ("Increase POSC Screens per Session", "Retire Bot"), "acroform"))
    assert result["modification_types"].raw == ("Increase POSC Screens per Session",
                                                 "Retire Bot")


def test_two_spellings_of_one_value_are_no_conflict(definitions) -> None:
    """A content control's dropdown key and the same choice typed as its label, a date
    written two ways: one value, not "filled in more than once"."""
    result = mapped(definitions, "stage1",
                    RawField("org_type", "provider", "content_control"),
                    RawField("Organization Type", "MassHealth Provider", "paragraph",
                             label="Organization Type"),
                    RawField("signature_date", "2026-05-17", "content_control"),
                    RawField("Date Signed", "May 17, 2026", "paragraph", label="Date Signed"))
    assert (result["org_type"].conflicts, result["signature_date"].conflicts) == ((), ())


@pytest.mark.parametrize(("form_type", "label", "text", "key"), [
    ("stage1", "Organization Type", "MassHealth Provider Business Partner\nRelationship Entity",
     "org_type"),
    ("annual_validation", "The RPA information on file with MassHealth is current and "
     "accurate", "Yes No", "info_current"),
    ("modification", "Type of Modification", "Replace RPA Tool Increase POSC Screens per "
     "Session\nDecrease POSC Screens per Session Add Sequential Transaction in Same Session "
     "Retire Bot Other", "modification_types"),
])
def test_bare_printed_options_are_not_read(definitions, form_type: str, label: str,
                                           text: str, key: str) -> None:
    """A web form's options whose ticks are only drawn: seen, not read, never a value."""
    result = mapped(definitions, form_type, RawField(label, text, "table_cell", label=label))
    assert result[key].raw == ""
    assert result[key].confidence < 1.0


@pytest.mark.parametrize("text", ["-- Select --", "Choose an item.", "Select one"])
def test_dropdown_placeholder_is_blank(definitions, text: str) -> None:
    label = "Transaction to Add"
    result = mapped(definitions, "modification", RawField(label, text, "table_cell",
                                                          label=label))
    assert result["added_transaction"].raw == ""


def test_a_typed_subset_of_a_set_is_kept(definitions) -> None:
    label = "POSC Transactions Requested"
    result = mapped(definitions, "stage1", RawField(
        label, "Claim Status Inquiry, Member Eligibility Verification", "table_cell",
        label=label))
    assert result["transactions"].confidence == 1.0


def test_every_option_of_a_set_typed_as_a_list_is_kept(definitions) -> None:
    label = "Supporting Documentation Enclosed"
    result = mapped(definitions, "stage2", RawField(
        label, "MassHealth RPA Agreement, Systems Design Documentation, Test Scenarios",
        "table_cell", label=label))
    assert result["docs_enclosed"].confidence == 1.0


def test_every_option_of_a_set_one_a_line_is_kept(definitions) -> None:
    label = "Supporting Documentation Enclosed"
    result = mapped(definitions, "stage2", RawField(
        label, "MassHealth RPA Agreement\nSystems Design Documentation\nTest Scenarios",
        "table_cell", label=label))
    assert result["docs_enclosed"].confidence == 1.0


@pytest.mark.parametrize(("export", "beside", "key"), [
    ("Choice2", "Business Partner", "business_partner"),
    ("TYPE1", "MassHealth Provider", "provider"),
])
def test_a_radio_group_near_a_text_label_answers_by_the_choice_beside(
        definitions, export: str, beside: str, key: str) -> None:
    """An opaque radio group whose nearest printed label is a text field's (DBA): a button
    says nothing of a text field; the choice printed beside it names its field."""
    result = mapped(definitions, "modification",
                    RawField("Text2", "", "acroform", label="Doing Business As (DBA)"),
                    RawField("Group1", export, "acroform", label="Doing Business As (DBA)",
                             export_value=export, beside=beside))
    assert "org_dba" not in result or result["org_dba"].raw == ""
    assert normalize_value(definitions["modification"].field("org_type"),
                           result["org_type"].raw).value == key
