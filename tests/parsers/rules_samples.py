"""Valid raw values for each registration form; tests change one thing at a time."""

from __future__ import annotations

from typing import Any

ORG = {
    "org_legal_name": "Acme Health LLC", "org_type": "provider", "provider_id": "110012345A",
    "npi": "1234567893", "fein": "04-1234567", "street": "1 Main St", "city": "Boston",
    "state": "MA", "zip": "02111", "contact_name": "Jane Doe",
    "contact_email": "jane@acme.example", "contact_phone": "617-555-0142",
}
ATTEST = {"attest": True, "signer_name": "John Roe", "signer_title": "CEO",
          "signature_date": "2026-03-01"}
TOOL = {"rpa_tool_name": "UiPath Studio", "rpa_tool_vendor": "UiPath"}

SAMPLES: dict[str, dict[str, Any]] = {
    "stage1": {**ORG, **TOOL, **ATTEST, "bot_count": "2", "bot_names": "Bot A, Bot B",
               "transactions": ("claim_status",), "posc_screens": "Claim Status Inquiry",
               "screens_per_session": "4", "avg_weekly_transactions": "250"},
    "stage2": {**ORG, **TOOL, **ATTEST, "stage1_approval_number": "RPA1-2026-00042",
               "transactions": ("claim_status",), "testing_completed": "Yes",
               "user_ids_requested": "2"},
    "stage2_grandfathered": {**ORG, **TOOL, **ATTEST, "operational_since": "2021-05-01",
                             "current_user_ids": "U1, U2", "bot_count": "1",
                             "transactions": ("claim_status",), "screens_per_session": "3",
                             "avg_weekly_transactions": "100", "testing_completed": "yes",
                             "user_ids_requested": "1"},
    "modification": {**ORG, **ATTEST, "stage2_approval_number": "RPA2-2026-00007",
                     "rpa_user_ids": "RPA001", "modification_types": ("retire_bot",),
                     "description": "Retire the claim status bot"},
    "annual_validation": {**ORG, **ATTEST, "stage2_approval_number": "RPA2-2026-00007",
                          "rpa_user_ids": "RPA001", "validation_year": "2026",
                          "info_current": "yes", "unapproved_changes": "no"},
    "rpa_agreement": {"org_legal_name": "Acme Health LLC", "signer_name": "John Roe",
                      "signer_title": "CEO", "signature_date": "2026-03-01"},
}
