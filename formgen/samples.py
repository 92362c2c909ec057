"""Realistic sample values (canonical, normalized) for every form type."""

from __future__ import annotations

from typing import Any

ORGS = [
    {"org_legal_name": "Acme Health LLC", "org_dba": "Acme Family Medicine",
     "org_type": "provider", "provider_id": "110012345A", "npi": "1245319599",
     "fein": "04-3512345", "street": "100 Federal Street", "city": "Boston", "state": "MA",
     "zip": "02110", "contact_name": "Alice Nguyen", "contact_title": "Revenue Cycle Director",
     "contact_email": "alice.nguyen@acmehealth.example", "contact_phone": "617-555-0142"},
    {"org_legal_name": "Berkshire Billing Partners Inc.", "org_type": "business_partner",
     "fein": "04-2298765", "street": "12 North Street", "city": "Pittsfield", "state": "MA",
     "zip": "01201-5103", "contact_name": "Ravi Patel", "contact_title": "Operations Manager",
     "contact_email": "ravi.patel@berkshirebilling.example", "contact_phone": "413-555-0199"},
    {"org_legal_name": "Cape Cod Family Practice P.C.", "org_type": "provider",
     "provider_id": "110067890B", "npi": "1679576722", "fein": "04-3387766",
     "street": "55 Main Street", "city": "Hyannis", "state": "MA", "zip": "02601",
     "contact_name": "Maria Santos", "contact_title": "Practice Administrator",
     "contact_email": "maria.santos@capecodfp.example", "contact_phone": "508-555-0123"},
]
TOOLS = [("UiPath Studio", "UiPath Inc.", "2023.10"), ("Automation Anywhere A360",
         "Automation Anywhere", "A360.28"), ("Blue Prism", "SS&C Blue Prism", "7.2")]
FORM_SPECIFIC: dict[str, dict[str, Any]] = {
    "stage1": {"bot_count": 2, "bot_names": ["EligBot-1", "ClaimStatusBot"],
               "hosting": "on_premises", "transactions": ["claim_status", "eligibility_inquiry"],
               "posc_screens": ["Member Eligibility", "Claim Status Inquiry"],
               "screens_per_session": 6, "avg_weekly_transactions": 250,
               "est_monthly_transactions": 1000, "operating_hours": "Mon-Fri 6:00-18:00",
               "planned_go_live": "2027-02-01"},
    "stage2": {"stage1_approval_number": "RPA1-2026-00001",
               "transactions": ["claim_status", "eligibility_inquiry"],
               "testing_completed": True, "testing_completed_date": "2026-10-15",
               "user_ids_requested": 2,
               "docs_enclosed": ["rpa_agreement", "systems_design", "test_scenarios"]},
    "stage2_grandfathered": {"operational_since": "2021-03-15",
                             "current_user_ids": ["CCFPBOT01", "CCFPBOT02"], "bot_count": 2,
                             "transactions": ["claim_status", "remittance_advice"],
                             "screens_per_session": 4, "avg_weekly_transactions": 120,
                             "testing_completed": True, "user_ids_requested": 2,
                             "docs_enclosed": ["rpa_agreement", "systems_design",
                                               "test_scenarios"]},
    "modification": {"stage2_approval_number": "RPA2-2026-00001", "rpa_user_ids": ["RPAU0001"],
                     "modification_types": ["increase_screens"], "new_screens_per_session": 9,
                     "description": "Add the claim detail screen to the status check.",
                     "effective_date": "2027-01-15"},
    "annual_validation": {"stage2_approval_number": "RPA2-2026-00001",
                          "rpa_user_ids": ["RPAU0001", "RPAU0002"], "validation_year": 2026,
                          "info_current": True, "unapproved_changes": False},
    "rpa_agreement": {},
    "systems_design": {},
    "test_scenarios": {},
}
SIGNERS = [("Jordan Blake", "Chief Executive Officer"), ("Ravi Patel", "President"),
           ("Maria Santos", "Managing Partner")]


def sample_values(form_type: str, *, seed: int = 1, omit: tuple[str, ...] = (),
                  **overrides: Any) -> dict[str, Any]:
    """Canonical values for ``form_type`` from sample organization ``seed`` (1-3)."""
    org = dict(ORGS[(seed - 1) % len(ORGS)])
    tool = TOOLS[(seed - 1) % len(TOOLS)]
    signer = SIGNERS[(seed - 1) % len(SIGNERS)]
    values: dict[str, Any] = {**org}
    if form_type in {"stage1", "stage2", "stage2_grandfathered"}:
        values.update(rpa_tool_name=tool[0], rpa_tool_vendor=tool[1], rpa_tool_version=tool[2])
    values.update(FORM_SPECIFIC[form_type])
    values.update(attest=True, signer_name=signer[0], signer_title=signer[1],
                  signature_date="2026-11-02")
    if form_type == "rpa_agreement":
        values = {key: values[key] for key in ("org_legal_name", "signer_name", "signer_title",
                                               "signature_date")}
    values.update(overrides)
    for key in omit:
        values.pop(key, None)
    return values


def sample_scenarios(transactions: list[str]) -> list[dict[str, str]]:
    """Passing test scenarios, two per transaction."""
    rows = []
    for number, transaction in enumerate(transactions, start=1):
        for step in (1, 2):
            rows.append({"Scenario ID": f"TS-{number:02d}-{step}", "Transaction": transaction,
                         "POSC Screen(s)": "Login; Search; Results",
                         "Expected Result": "Result displayed and saved",
                         "Actual Result": "As expected", "Pass/Fail": "Pass"})
    return rows
