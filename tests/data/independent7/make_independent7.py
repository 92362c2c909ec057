"""Seventh blind sample set for rpa-intake: forms drawn only from shared/SPEC.md.

Regenerates every document and its expected.json in this directory (seeded, deterministic data).
Usage: python make_independent7.py [CASE ...]
"""
from __future__ import annotations

import copy
import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
WORK = HERE.parent.parent.parent.parent / "_work7"   # /work/wt/_work7 (scratch, not committed)
WORK.mkdir(parents=True, exist_ok=True)

# ---------------------------------------------------------------- SPEC vocabulary
TITLES = {
    "stage1": "MassHealth RPA Stage I Registration Form",
    "stage2": "MassHealth RPA Stage II Registration Form",
    "stage2_grandfathered": "MassHealth RPA Stage II Registration Form \u2013 Grandfathered Entities",
    "modification": "MassHealth RPA Modification Request Form",
    "annual_validation": "MassHealth RPA Annual Validation",
    "rpa_agreement": "MassHealth RPA Agreement",
}
CODES = {"stage1": "RPA-S1", "stage2": "RPA-S2", "stage2_grandfathered": "RPA-S2G",
         "modification": "RPA-MOD", "annual_validation": "RPA-AV", "rpa_agreement": "RPA-AGR"}
CHOICES = {
    "org_type": [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
                 ("relationship_entity", "Relationship Entity")],
    "hosting": [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")],
    "transactions": [("eligibility_inquiry", "Member Eligibility Verification"),
                     ("claim_submission", "Claim Submission (DDE)"),
                     ("claim_status", "Claim Status Inquiry"),
                     ("claim_adjustment", "Claim Adjustment/Void"),
                     ("prior_authorization", "Prior Authorization Request"),
                     ("remittance_advice", "Remittance Advice Download"),
                     ("other", "Other DDE Activity")],
    "docs_enclosed": [("rpa_agreement", "MassHealth RPA Agreement"),
                      ("systems_design", "Systems Design Documentation"),
                      ("test_scenarios", "Test Scenarios")],
    "modification_types": [("replace_tool", "Replace RPA Tool"),
                           ("increase_screens", "Increase POSC Screens per Session"),
                           ("decrease_screens", "Decrease POSC Screens per Session"),
                           ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
                           ("retire_bot", "Retire Bot"), ("other", "Other")],
}
CHOICES["added_transaction"] = CHOICES["transactions"]
TXN_LABEL = dict(CHOICES["transactions"])
YESNO = {"testing_completed", "same_session", "info_current", "unapproved_changes"}
SETS = {"transactions", "docs_enclosed", "modification_types"}
ONEOF = {"org_type", "hosting", "added_transaction"}
LISTS = {"bot_names", "posc_screens", "current_user_ids", "rpa_user_ids"}
DATES = {"planned_go_live", "testing_completed_date", "operational_since", "effective_date",
         "signature_date"}

LABELS = {
    "org_legal_name": "Organization Legal Name", "org_dba": "Doing Business As (DBA)",
    "org_type": "Organization Type",
    "provider_id": "MassHealth Provider ID/Service Location (PID/SL)",
    "npi": "National Provider Identifier (NPI)",
    "fein": "Federal Employer Identification Number (FEIN)", "street": "Street Address",
    "city": "City", "state": "State", "zip": "ZIP Code", "contact_name": "Primary Contact Name",
    "contact_title": "Primary Contact Title", "contact_email": "Primary Contact Email",
    "contact_phone": "Primary Contact Telephone",
    "attest": "I attest that the information on this form is true and complete",
    "signer_name": "Authorized Signatory Name", "signer_title": "Authorized Signatory Title",
    "signature_date": "Date Signed",
    "rpa_tool_name": "RPA Tool (Product Name)", "rpa_tool_vendor": "RPA Tool Vendor",
    "rpa_tool_version": "RPA Tool Version", "bot_count": "Number of Bots Requested",
    "bot_names": "Bot Name(s)", "hosting": "Bot Hosting",
    "transactions": "POSC Transactions Requested", "transactions_other": "If Other, describe",
    "posc_screens": "POSC Screens Accessed",
    "screens_per_session": "Maximum POSC Screens per Bot Session",
    "avg_weekly_transactions": "Average Number of Transactions per Week",
    "est_monthly_transactions": "Estimated Transactions per Month",
    "operating_hours": "Bot Operating Hours", "planned_go_live": "Planned Production Date",
    "stage1_approval_number": "Stage I Approval Number",
    "testing_completed": "Testing completed in the MassHealth Trading Partner Testing Environment",
    "testing_completed_date": "Testing Completion Date",
    "user_ids_requested": "Number of RPA User IDs Requested",
    "docs_enclosed": "Supporting Documentation Enclosed",
    "operational_since": "Date Bot Became Operational on the POSC",
    "current_user_ids": "POSC User ID(s) Currently Used by the Bot",
    "stage2_approval_number": "Stage II Approval Number",
    "rpa_user_ids": "RPA User ID(s) Affected", "modification_types": "Type of Modification",
    "new_rpa_tool_name": "New RPA Tool (Product Name)", "new_rpa_tool_vendor": "New RPA Tool Vendor",
    "new_screens_per_session": "New Maximum POSC Screens per Session",
    "added_transaction": "Transaction to Add",
    "same_session": "Will the added transaction run in the same bot session?",
    "description": "Description of Modification", "effective_date": "Requested Effective Date",
    "validation_year": "Validation Year",
    "info_current": "The RPA information on file with MassHealth is current and accurate",
    "unapproved_changes": "Has the bot been modified without MassHealth approval since the last validation?",
}
FORM_LABELS = {("stage2", "transactions"): "POSC Transactions",
               ("stage2_grandfathered", "transactions"): "POSC Transactions",
               ("annual_validation", "rpa_user_ids"): "RPA User ID(s)"}
REQUIRED = {"org_legal_name", "org_type", "fein", "street", "city", "state", "zip", "contact_name",
            "contact_email", "contact_phone", "signer_name", "signer_title", "signature_date",
            "rpa_tool_name", "rpa_tool_vendor", "bot_count", "transactions", "posc_screens",
            "screens_per_session", "avg_weekly_transactions", "stage1_approval_number",
            "testing_completed", "user_ids_requested", "operational_since", "current_user_ids",
            "stage2_approval_number", "rpa_user_ids", "modification_types", "description",
            "validation_year", "info_current"}

ORG_SEC = ("Organization Information", ["org_legal_name", "org_dba", "org_type", "provider_id", "npi",
           "fein", "street", "city", "state", "zip", "contact_name", "contact_title",
           "contact_email", "contact_phone"])
ATT_SEC = ("Attestation and Signature", ["attest", "signer_name", "signer_title", "signature_date"])
SECTIONS = {
    "stage1": [ORG_SEC,
               ("RPA Tool and Bots", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
                                      "bot_count", "bot_names", "hosting"]),
               ("POSC Transactions and Volume", ["transactions", "transactions_other", "posc_screens",
                                                "screens_per_session", "avg_weekly_transactions",
                                                "est_monthly_transactions", "operating_hours",
                                                "planned_go_live"]), ATT_SEC],
    "stage2": [ORG_SEC, ("Stage I Reference", ["stage1_approval_number"]),
               ("RPA Tool", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]),
               ("Transactions and Testing", ["transactions", "testing_completed",
                                             "testing_completed_date", "user_ids_requested",
                                             "docs_enclosed"]), ATT_SEC],
    "stage2_grandfathered": [ORG_SEC,
               ("Bot in Operation", ["operational_since", "current_user_ids", "rpa_tool_name",
                                     "rpa_tool_vendor", "rpa_tool_version", "bot_count",
                                     "screens_per_session", "avg_weekly_transactions"]),
               ("Transactions and Testing", ["transactions", "testing_completed",
                                             "testing_completed_date", "user_ids_requested",
                                             "docs_enclosed"]), ATT_SEC],
    "modification": [ORG_SEC,
               ("Approved Registration", ["stage2_approval_number", "rpa_user_ids"]),
               ("Requested Modification", ["modification_types", "new_rpa_tool_name",
                                           "new_rpa_tool_vendor", "new_screens_per_session",
                                           "added_transaction", "same_session", "description",
                                           "effective_date"]), ATT_SEC],
    "annual_validation": [ORG_SEC,
               ("Registration on File", ["stage2_approval_number", "rpa_user_ids", "validation_year"]),
               ("Validation", ["info_current", "unapproved_changes"]), ATT_SEC],
}


def label(ft: str, key: str) -> str:
    return FORM_LABELS.get((ft, key), LABELS[key])


def npi_with_check(base9: str) -> str:
    """Append the Luhn check digit computed over the 80840 prefix (SPEC 2.1)."""
    digits = [int(d) for d in "80840" + base9]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return base9 + str((10 - total % 10) % 10)


def bad_npi(base9: str) -> str:
    good = npi_with_check(base9)
    return good[:-1] + str((int(good[-1]) + 3) % 10)


# ---------------------------------------------------------------- fictional organizations
ORGS: dict[str, dict[str, Any]] = {
    "regis": {"org_legal_name": "Saint-R\u00e9gis Family Health & Wellness, Inc.",
              "org_dba": "Saint-R\u00e9gis Health", "org_type": "provider",
              "provider_id": "110045678B", "npi": npi_with_check("152860473"),
              "fein": "04-2871935", "street": "1250 Hancock Street, Suite 4B", "city": "Quincy",
              "state": "MA", "zip": "02169", "contact_name": "Ana\u00efs Dubois-Whitaker",
              "contact_title": "Revenue Cycle Director",
              "contact_email": "adubois@saintregishealth.org", "contact_phone": "617-555-0142",
              "signer_name": "Dr. Henri Beaumont", "signer_title": "Chief Executive Officer"},
    "odc": {"org_legal_name": "O'Donnell & Castillo Billing Partners, LLC",
            "org_type": "business_partner", "fein": "46-3318207",
            "street": "77 Summer Street, 9th Floor", "city": "Boston", "state": "MA",
            "zip": "02110-1006", "contact_name": "Siobh\u00e1n O'Donnell",
            "contact_title": "Automation Program Manager",
            "contact_email": "s.odonnell@oc-billing.com", "contact_phone": "857-555-0119",
            "signer_name": "Rafael Castillo", "signer_title": "Managing Partner"},
    "pvhie": {"org_legal_name": "Pioneer Valley Health Information Exchange Collaborative",
              "org_dba": "PVHIE", "org_type": "relationship_entity", "fein": "27-5019443",
              "street": "1414 Main Street, Suite 300", "city": "Springfield", "state": "MA",
              "zip": "01144", "contact_name": "Tom\u00e1s Ferreira",
              "contact_title": "Director of Interoperability",
              "contact_email": "tferreira@pvhie.org", "contact_phone": "413-555-0188",
              "signer_name": "Gwendolyn Hart-Ng", "signer_title": "Executive Director"},
    "capeann": {"org_legal_name": "Cape Ann Pediatric Dentistry, P.C.", "org_type": "provider",
                "provider_id": "110078123C", "npi": npi_with_check("187301952"),
                "fein": "04-3627718", "street": "12 Eastern Avenue", "city": "Gloucester",
                "state": "MA", "zip": "01930", "contact_name": "Dr. Mei-Ling Chen",
                "contact_title": "Practice Owner", "contact_email": "mchen@capeannpeds.com",
                "contact_phone": "978-555-0133", "signer_name": "Dr. Mei-Ling Chen",
                "signer_title": "President"},
    "granite": {"org_legal_name": "Granite & Hale Revenue Solutions Corp.",
                "org_type": "business_partner", "fein": "02-0618834",
                "street": "400 Commercial Street, Unit 12", "city": "Portland", "state": "ME",
                "zip": "04101-4615", "contact_name": "Jos\u00e9 \u00c1ngel Ruiz",
                "contact_title": "VP, Operations", "contact_email": "jruiz@granitehale.com",
                "contact_phone": "207-555-0164", "signer_name": "Eleanor Hale",
                "signer_title": "Chief Operating Officer"},
    "nashoba": {"org_legal_name": "Nashoba Valley Home Health Aides Cooperative",
                "org_dba": "NV Home Health", "org_type": "provider", "provider_id": "110033097A",
                "npi": npi_with_check("130946281"), "fein": "04-3180046",
                "street": "9 Great Road", "city": "Acton", "state": "MA", "zip": "01720",
                "contact_name": "Bridget N\u00ed Bhriain", "contact_title": "Billing Supervisor",
                "contact_email": "bnibhriain@nvhomehealth.org", "contact_phone": "978-555-0107",
                "signer_name": "Marguerite L\u00e9vesque", "signer_title": "Executive Director"},
    "lowell": {"org_legal_name": "Merrimack Valley Behavioral Health Partners, Inc.",
               "org_type": "provider", "provider_id": "110061540D",
               "npi": npi_with_check("165027398"), "fein": "04-3395120",
               "street": "55 Technology Drive", "city": "Lowell", "state": "MA", "zip": "01851",
               "contact_name": "Kwame Asante-Boateng", "contact_title": "IT Applications Lead",
               "contact_email": "kasante@mvbhp.org", "contact_phone": "978-555-0190",
               "signer_name": "Dr. Priya Raghunathan", "signer_title": "Chief Financial Officer"},
}
ORG_KEYS = ORG_SEC[1]


def org_block(org: str, sig_date: str, attest: bool = True) -> dict[str, Any]:
    o = ORGS[org]
    d = {k: o[k] for k in ORG_KEYS if k in o}
    if attest:
        d["attest"] = True
    d.update(signer_name=o["signer_name"], signer_title=o["signer_title"], signature_date=sig_date)
    return d


def stage1_data(org: str, **kw: Any) -> dict[str, Any]:
    d = org_block(org, kw.pop("sig", "2026-03-03"))
    d.update(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
             rpa_tool_version="2025.4.1", bot_count=2, bot_names=["SRH-Elig-01", "SRH-Status-02"],
             hosting="on_premises", transactions=["claim_status", "eligibility_inquiry"],
             posc_screens=["Member Eligibility Search", "Eligibility Results",
                           "Claim Status Search", "Claim Status Results"],
             screens_per_session=6, avg_weekly_transactions=1250, est_monthly_transactions=5000,
             operating_hours="Mon-Fri 6:00 PM - 11:00 PM ET", planned_go_live="2026-04-15")
    d.update(kw)
    return d


def stage2_data(org: str, **kw: Any) -> dict[str, Any]:
    d = org_block(org, kw.pop("sig", "2026-06-18"))
    d.update(stage1_approval_number="RPA1-2026-00512", rpa_tool_name="Power Automate Desktop",
             rpa_tool_vendor="Microsoft Corporation", rpa_tool_version="2.52",
             transactions=["claim_submission", "remittance_advice"], testing_completed=True,
             testing_completed_date="2026-06-05", user_ids_requested=2,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    d.update(kw)
    return d


def s2g_data(org: str, **kw: Any) -> dict[str, Any]:
    d = org_block(org, kw.pop("sig", "2026-02-10"))
    d.update(operational_since="2021-03-15", current_user_ids=["PVH0417", "PVH0418", "PVH0422"],
             rpa_tool_name="Automation Anywhere Automation 360", rpa_tool_vendor="Automation Anywhere, Inc.",
             rpa_tool_version="A360.31", bot_count=3, screens_per_session=8,
             avg_weekly_transactions=2100, transactions=["claim_status", "eligibility_inquiry", "remittance_advice"],
             testing_completed=True, testing_completed_date="2026-01-22", user_ids_requested=3,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    d.update(kw)
    return d


def mod_data(org: str, **kw: Any) -> dict[str, Any]:
    d = org_block(org, kw.pop("sig", "2026-09-09"))
    d.update(stage2_approval_number="RPA2-2025-00187", rpa_user_ids=["RPACA0311", "RPACA0312"],
             modification_types=["add_sequential_transaction", "increase_screens"],
             new_screens_per_session=9, added_transaction="claim_status", same_session=True,
             description="After each eligibility check the same bot session will open Claim "
                         "Status Inquiry for the member's open claims.",
             effective_date="2026-12-14")
    d.update(kw)
    return d


def av_data(org: str, **kw: Any) -> dict[str, Any]:
    d = org_block(org, kw.pop("sig", "2026-07-21"))
    d.update(stage2_approval_number="RPA2-2024-00093", rpa_user_ids=["RPANV0101", "RPANV0102", "RPANV0103"],
             validation_year=2026, info_current=True, unapproved_changes=False)
    d.update(kw)
    return d


# ---------------------------------------------------------------- raw display formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def fmt_date(iso: str, style: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return {"long": f"{MONTHS[m-1]} {d}, {y}", "us": f"{m:02d}/{d:02d}/{y}", "iso": iso,
            "us_short": f"{m}/{d}/{y}", "dmy": f"{d} {MONTHS[m-1]} {y}",
            "abbr": f"{MONTHS[m-1][:3]}. {d}, {y}", "dash": f"{m:02d}-{d:02d}-{y}"}[style]


def fmt_phone(p: str, style: str) -> str:
    a, b, c = p.split("-")
    return {"paren": f"({a}) {b}-{c}", "dots": f"{a}.{b}.{c}", "intl": f"+1 {a} {b} {c}",
            "dash": p, "space": f"{a} {b} {c}", "digits": a + b + c}[style]


def fmt_int(n: int, sep: bool) -> str:
    return f"{n:,}" if sep else str(n)


def choice_label(key: str, value: str) -> str:
    return dict(CHOICES[key])[value]


class Display:
    """Turns normalized data into the raw strings one printed form shows."""

    def __init__(self, ft: str, data: dict[str, Any], **opts: Any) -> None:
        self.ft, self.data = ft, data
        self.o = dict(date="us", phone="paren", sep_int=False, list_sep="; ", yes="Yes", no="No",
                      caps=False, choices_text_sep="; ", abbrev={})
        self.o.update(opts)

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str) -> str:
        """The value as typed text ('' when blank); choices typed as their labels."""
        if key not in self.data:
            return ""
        if key == "street" and "street_print" in self.o:   # address typed over two lines
            return self.o["street_print"]
        v = self.data[key]
        if key in DATES:
            s = fmt_date(v, self.o.get("date_" + key, self.o["date"]))
        elif key == "contact_phone":
            s = fmt_phone(v, self.o["phone"])
        elif key in YESNO:
            s = self.o["yes"] if v else self.o["no"]
        elif key == "attest":
            s = self.o["yes"] if v else ""
        elif key in SETS:
            s = self.o["choices_text_sep"].join(self.clabel(key, x) for x in self.ordered(key, v))
        elif key in ONEOF:
            s = self.clabel(key, v)
        elif key in LISTS:
            s = self.o["list_sep"].join(v)
        elif isinstance(v, int):
            s = fmt_int(v, self.o["sep_int"])
        else:
            s = str(v)
        return s.upper() if self.o["caps"] and key not in ("contact_email",) else s

    def ordered(self, key: str, values: list[str]) -> list[str]:
        return [k for k, _ in CHOICES[key] if k in values]

    def clabel(self, key: str, value: str) -> str:
        return self.o["abbrev"].get(value, choice_label(key, value))

    def items(self, key: str) -> list[tuple[str, bool]]:
        """Choice boxes for a choice/yes-no/attest field: (printed label, ticked)."""
        v = self.data.get(key)
        if key in YESNO:
            return [("Yes", v is True), ("No", v is False)]
        if key == "attest":
            return [(LABELS["attest"], v is True)]
        sel = v if key in SETS else ([v] if v else [])
        return [(self.clabel(key, k), k in (sel or [])) for k, _ in CHOICES[key]]

    def lines(self, key: str) -> list[str]:
        """List values one per line."""
        return list(self.data.get(key, []))


def is_choice(key: str) -> bool:
    return key in SETS or key in ONEOF or key in YESNO or key == "attest"


def form_items(ft: str, order: Callable[[str, list[str]], list[str]] | None = None
               ) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for title, keys in SECTIONS[ft]:
        out.append(("section", title))
        keys = order(title, list(keys)) if order else keys
        out.extend(("field", k) for k in keys)
    return out


# ---------------------------------------------------------------- case registry
CASES: dict[str, dict[str, Any]] = {}


def case(name: str, ft: str, data: dict[str, Any], shape: list[int], drawn_with: str,
         description: str, problems: list[tuple[str, str]] | None = None, scan: bool = False,
         ext: str = "pdf", extra: dict[str, Any] | None = None) -> Callable[[Callable], Callable]:
    def deco(fn: Callable) -> Callable:
        CASES[name] = dict(name=name, ft=ft, data=data, shape=shape, drawn_with=drawn_with,
                           description=description, problems=problems or [], scan=scan,
                           ext=ext, fn=fn, extra=extra or {})
        return fn
    return deco


def write_expected(c: dict[str, Any]) -> None:
    ft = c["ft"]
    fields = {k: v for k, v in c["data"].items() if not k.startswith("_")}
    for k in SETS:
        if k in fields:
            fields[k] = sorted(fields[k])
    if "transactions" in fields and ft in ("test_scenarios", "systems_design"):
        fields["transactions"] = sorted(fields["transactions"])
    exp = {"file": f"{c['name']}.{c['ext']}", "form_type": ft, "form_version": CODES.get(ft),
           "fields": fields,
           "expected_problems": [{"code": a, "field": b} for a, b in c["problems"]],
           "shape": c["shape"], "scan": c["scan"], "drawn_with": c["drawn_with"],
           "description": c["description"]}
    if c["extra"].get("form_version", "x") != "x":
        exp["form_version"] = c["extra"]["form_version"]
    (HERE / f"{c['name']}.expected.json").write_text(
        json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def out_path(name: str, ext: str = "pdf") -> Path:
    return HERE / f"{name}.{ext}"


# ---------------------------------------------------------------- reportlab helpers
def rl_setup() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    fonts = {"DejaVuSansCondensed": "dejavu/DejaVuSansCondensed.ttf",
             "DejaVuSansCondensed-Bold": "dejavu/DejaVuSansCondensed-Bold.ttf",
             "DejaVuSerif": "dejavu/DejaVuSerif.ttf", "DejaVuSerif-Bold": "dejavu/DejaVuSerif-Bold.ttf",
             "DejaVuSerif-Italic": "dejavu/DejaVuSerif-Italic.ttf",
             "DejaVuSansMono": "dejavu/DejaVuSansMono.ttf",
             "DejaVuSansMono-Bold": "dejavu/DejaVuSansMono-Bold.ttf",
             "DejaVuSans": "dejavu/DejaVuSans.ttf", "DejaVuSans-Bold": "dejavu/DejaVuSans-Bold.ttf",
             "Carlito": "crosextra/Carlito-Regular.ttf", "Carlito-Bold": "crosextra/Carlito-Bold.ttf",
             "LiberationMono": "liberation2/LiberationMono-Regular.ttf"}
    for name, rel in fonts.items():
        pdfmetrics.registerFont(TTFont(name, "/usr/share/fonts/truetype/" + rel))


def logo_png(path: Path, text: str, seed: int) -> Path:
    """A small made-up organization logo (PIL)."""
    from PIL import Image, ImageDraw, ImageFont
    rnd = random.Random(seed)
    img = Image.new("RGB", (540, 120), "white")
    d = ImageDraw.Draw(img)
    col = (rnd.randint(0, 80), rnd.randint(60, 140), rnd.randint(120, 200))
    d.ellipse((8, 8, 112, 112), fill=col)
    d.polygon([(60, 22), (98, 92), (22, 92)], fill="white")
    f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 40)
    d.text((128, 38), text, fill=col, font=f)
    img.save(path)
    return path


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit
    out: list[str] = []
    for part in text.split("\n"):
        out.extend(simpleSplit(part, font, size, width) or [""])
    return out


def pack(parts: list[str], font: str, size: float, width: float) -> list[str]:
    """Greedy line packing of whole parts separated by three spaces."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    lines: list[str] = []
    cur = ""
    for p in parts:
        cand = cur + "   " + p if cur else p
        if cur and stringWidth(cand, font, size) > width:
            lines.append(cur)
            cur = p
        else:
            cur = cand
    return lines + [cur]


GLYPHS = "\u2610\u2612\u2714"


def draw_mixed(c: Any, x: float, y: float, text: str, font: str, size: float,
               right: bool = False) -> None:
    """drawString that sets the box glyphs in DejaVu Sans when the text font lacks them."""
    segs, cur = [], ""
    for ch in text:
        if ch in GLYPHS:
            if cur:
                segs.append((cur, font))
            segs.append((ch, "DejaVuSans"))
            cur = ""
        else:
            cur += ch
    if cur:
        segs.append((cur, font))
    if right:
        x -= sum(c.stringWidth(t, f, size) for t, f in segs)
    for t, f in segs:
        c.setFont(f, size)
        c.drawString(x, y, t)
        x += c.stringWidth(t, f, size)
    c.setFont(font, size)


class Flow:
    """A reportlab canvas with a y cursor, page breaks, footers and '(continued)' headings."""

    def __init__(self, path: Path, footer: str, landscape: bool = False, margin: float = 54,
                 font: str = "DejaVuSerif", bottom: float = 60) -> None:
        from reportlab.lib.pagesizes import letter
        from reportlab.pdfgen import canvas
        self.w, self.h = (letter[1], letter[0]) if landscape else letter
        self.c = canvas.Canvas(str(path), pagesize=(self.w, self.h), invariant=1)
        self.m, self.footer, self.font, self.bottom = margin, footer, font, bottom
        self.page, self.y = 1, self.h - margin
        self.section = ""
        self.on_continue: Callable[[str], None] | None = None

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()
            if self.section and self.on_continue:
                self.on_continue(self.section + " (continued)")

    def draw_footer(self) -> None:
        c = self.c
        c.setFont(self.font, 7.5)
        c.setFillGray(0.25)
        c.drawString(self.m, 30, self.footer)
        c.drawRightString(self.w - self.m, 30, f"Page {self.page}")
        c.setFillGray(0)

    def new_page(self) -> None:
        self.draw_footer()
        self.c.showPage()
        self.page += 1
        self.y = self.h - self.m

    def save(self) -> None:
        self.draw_footer()
        self.c.save()


def rotate_pages_90(src: Path, dst: Path) -> None:
    """Store landscape pages as portrait MediaBoxes turned by /Rotate 90 (as some scanners
    and 'print to PDF' drivers do): content drawn counter-clockwise, the viewer turns it back."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject, NumberObject, RectangleObject
    w = PdfWriter(clone_from=PdfReader(str(src)))
    for p in w.pages:
        lw, lh = float(p.mediabox.width), float(p.mediabox.height)
        p.add_transformation(Transformation((0, 1, -1, 0, lh, 0)))
        p.mediabox = RectangleObject([0, 0, lh, lw])
        p.cropbox = RectangleObject([0, 0, lh, lw])
        p[NameObject("/Rotate")] = NumberObject(90)
    w.write(str(dst))


BOX_ON, BOX_OFF = "\u2612", "\u2610"
MARKS = {"brackets": ("[X]", "[ ]"), "glyph": ("\u2612", "\u2610"), "check": ("\u2714", "\u2013"),
         "paren": ("(X)", "( )")}


def rl_lines(path: Path, ft: str, disp: Display, *, lfont: str = "DejaVuSerif-Bold",
             vfont: str = "DejaVuSerif", size: float = 9.5, sep: str = ": ",
             value_x: float | None = None, right_values: bool = False, heading: str = "band",
             choice: str = "brackets", landscape: bool = False, logo: Path | None = None,
             order: Callable | None = None, footer: str | None = None, lead: float = 1.45,
             caps_labels: bool = False, numbered: bool = False, star: bool = False) -> None:
    """Printed 'label / value' lines in one of several typing styles."""
    code = CODES[ft]
    f = Flow(path, footer or f"Form {code} (Rev. 10/2026)", landscape=landscape, font=vfont)
    c, m, lh = f.c, f.m, size * lead
    right = f.w - m

    def head(title: str) -> None:
        f.need(size * 3.2)
        f.y -= size * 0.9
        if heading == "band":
            c.setFillColorRGB(0.16, 0.23, 0.36)
            c.rect(m, f.y - size * 0.5, right - m, size * 1.7, fill=1, stroke=0)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(lfont, size + 0.5)
            c.drawString(m + 5, f.y, title)
            c.setFillColorRGB(0, 0, 0)
        elif heading == "numbered":
            c.setFont(lfont, size + 1.5)
            c.drawString(m, f.y, title)
            c.setLineWidth(0.8)
            c.line(m, f.y - 4, right, f.y - 4)
        else:   # "caps": plain caps, no rule
            c.setFont(lfont, size + 1)
            c.drawString(m, f.y, title.upper())
        f.y -= size * 2.2

    f.on_continue = head
    # title block
    if logo:
        c.drawImage(str(logo), m, f.y - 40, width=126, height=28)
        c.setLineWidth(0.6)
        c.rect(m + 130, f.y - 44, right - m - 230, 48)
        c.rect(right - 96, f.y - 44, 96, 48)
        c.setFont(lfont, 12)
        for i, ln in enumerate(wrap(TITLES[ft], lfont, 12, right - m - 245)):
            c.drawString(m + 138, f.y - 14 - i * 15, ln)
        c.setFont(vfont, 7)
        c.drawString(right - 90, f.y - 8, "Form code")
        c.setFont(lfont, 13)
        c.drawCentredString(right - 48, f.y - 30, code)
        f.y -= 66
    else:
        c.setFont(lfont, 14)
        for ln in wrap(TITLES[ft], lfont, 14, right - m):
            c.drawString(m, f.y, ln)
            f.y -= 18
        f.y -= 6
    n = 0
    for kind, val in form_items(ft, order):
        if kind == "section":
            n += 1
            f.section = f"Part {n}. {val}" if heading == "numbered" else val
            head(f.section)
            continue
        key = val
        lab = label(ft, key)
        lab = lab.upper() if caps_labels else lab
        if star and key in REQUIRED:
            lab += " *"
        if key == "attest" and choice != "text":
            on, off = MARKS.get(choice, MARKS["brackets"])
            ticked = disp.data.get("attest") is True
            lines = wrap(f"{on if ticked else off} {lab}", vfont, size, right - m)
            f.need(lh * len(lines))
            c.setFont(vfont, size)
            for ln in lines:
                draw_mixed(c, m, f.y, ln, vfont, size)
                f.y -= lh
            continue
        if is_choice(key) and choice != "text":
            on, off = MARKS.get(choice, MARKS["brackets"])
            parts = [f"{on if t else off} {lbl}" for lbl, t in disp.items(key)]
            vals = ["\x00".join(parts)]
        elif key in LISTS and disp.o["list_sep"] == "\n":
            vals = disp.lines(key) or [""]
        else:
            vals = [disp.text(key)]
        lab_txt = lab + (sep.rstrip() if sep.strip() else "")
        vx = value_x if value_x else None
        lab_w = (vx - m - 8) if vx else (right - m) * 0.62
        lab_lines = wrap(lab_txt, lfont, size, lab_w)
        if vx is None and not right_values:
            gap = c.stringWidth("  ", vfont, size) if sep.strip() else 10
            vx_inline = m + c.stringWidth(lab_lines[-1], lfont, size) + gap
        val_lines: list[str] = []
        if right_values:
            avail = (right - m) * 0.5
        elif vx:
            avail = right - vx
        else:
            avail = right - vx_inline
        for v in vals:
            if "\x00" in v:   # choice runs: never break inside '[X] label'
                val_lines.extend(pack(v.split("\x00"), vfont, size, avail))
            else:
                val_lines.extend(wrap(v, vfont, size, avail) if v else [""])
        rows = max(len(lab_lines), len(val_lines) + len(lab_lines) - 1)
        f.need(lh * rows)
        c.setFont(lfont, size)
        for i, ln in enumerate(lab_lines):
            c.drawString(m, f.y - i * lh, ln)
        c.setFont(vfont, size)
        y0 = f.y - (len(lab_lines) - 1) * lh if not vx else f.y
        for i, ln in enumerate(val_lines):
            if not ln:
                continue
            if right_values:
                draw_mixed(c, right, y0 - i * lh, ln, vfont, size, right=True)
            elif vx:
                draw_mixed(c, vx, y0 - i * lh, ln, vfont, size)
            else:
                draw_mixed(c, vx_inline, y0 - i * lh, ln, vfont, size)
        used = max(len(lab_lines), (len(val_lines) if vx or right_values else len(val_lines) + len(lab_lines) - 1))
        f.y -= lh * used + size * 0.35
    f.save()


def rl_boxed(path: Path, ft: str, disp: Display, *, lfont: str = "DejaVuSansCondensed-Bold",
             vfont: str = "DejaVuSansCondensed", size: float = 9.0, cols: int = 2,
             wide: set[str] | None = None, tint: tuple[float, float, float] = (0.95, 0.97, 1.0),
             mark: str = "glyph", order: Callable | None = None) -> None:
    """Printed form: label with a red '*' for required fields, the value in a tinted box under it."""
    code = CODES[ft]
    f = Flow(path, f"{code}  |  MassHealth RPA Program  |  rev. 2026-10", font=vfont)
    c, m = f.c, f.m
    right = f.w - m
    gutter = 12
    colw = (right - m - gutter * (cols - 1)) / cols
    wide = (wide or set()) | {k for k in LISTS} | {"description", "attest", "org_legal_name"}
    c.setFont(lfont, 15)
    for ln in wrap(TITLES[ft], lfont, 15, right - m):
        c.drawString(m, f.y, ln)
        f.y -= 19
    c.setFont(vfont, 7.5)
    c.setFillColorRGB(0.7, 0, 0)
    c.drawString(m, f.y, "*")
    c.setFillGray(0)
    c.drawString(m + 6, f.y, "Required field")
    f.y -= 14

    def head(title: str) -> None:
        f.need(34)
        f.y -= 8
        c.setFont(lfont, size + 2)
        c.setFillColorRGB(0.1, 0.3, 0.5)
        c.drawString(m, f.y, title)
        c.setStrokeColorRGB(0.1, 0.3, 0.5)
        c.setLineWidth(1.2)
        c.line(m, f.y - 3, right, f.y - 3)
        c.setStrokeGray(0)
        c.setFillGray(0)
        f.y -= 16

    f.on_continue = head
    row: list[str] = []

    def field_height(key: str, w: float) -> tuple[list[str], list[str], float]:
        labs = wrap(label(ft, key), lfont, size - 1, w - 10)
        if is_choice(key):
            on, off = MARKS[mark]
            vals = []
            for lbl, t in disp.items(key):
                vals.extend(wrap(f"{on if t else off}  {lbl}", vfont, size, w - 12))
        elif key in LISTS:
            vals = [x for x in disp.lines(key)] or [""]
        else:
            vals = wrap(disp.text(key), vfont, size, w - 12) or [""]
        return labs, vals, len(labs) * (size + 1) + 4 + max(1, len(vals)) * (size + 3) + 8

    def flush() -> None:
        if not row:
            return
        w = colw if len(row) > 1 or row[0] not in wide else right - m
        specs = [field_height(k, w) for k in row]
        hmax = max(s[2] for s in specs)
        f.need(hmax + 13)
        for i, (k, (labs, vals, _)) in enumerate(zip(row, specs)):
            x = m + i * (colw + gutter)
            y = f.y
            c.setFont(lfont, size - 1)
            for j, ln in enumerate(labs):
                c.drawString(x, y - j * (size + 1), ln)
            if k in REQUIRED:
                lw = c.stringWidth(labs[-1], lfont, size - 1)
                c.setFillColorRGB(0.75, 0, 0)
                c.drawString(x + lw + 2, y - (len(labs) - 1) * (size + 1), "*")
                c.setFillGray(0)
            by = y - len(labs) * (size + 1) - 2
            bh = hmax - len(labs) * (size + 1) - 6
            lab_h = max(len(s[0]) for s in specs) * (size + 1)
            by = y - lab_h - 2
            bh = hmax - lab_h - 6
            c.setFillColorRGB(*tint)
            c.setLineWidth(0.5)
            c.rect(x, by - bh, w, bh, fill=1, stroke=1)
            c.setFillGray(0)
            c.setFont(vfont, size)
            for j, ln in enumerate(vals):
                c.drawString(x + 5, by - size - 3 - j * (size + 3), ln)
        f.y -= hmax + 13   # clear gap so each label sits with the box under it
        row.clear()

    for kind, val in form_items(ft, order):
        if kind == "section":
            flush()
            f.section = val
            head(val)
            continue
        if val in wide or is_choice(val):
            flush()
            row.append(val)
            flush()
            continue
        row.append(val)
        if len(row) == cols:
            flush()
    flush()
    f.save()


# ---------------------------------------------------------------- fillable AcroForm PDFs
def rl_fillable(path: Path, ft: str, disp: Display, namer: Callable[[str, str | None], str], *,
                tooltips: bool = False, exports: Callable[[str, str], str] | None = None,
                radio_keys: set[str] = frozenset(), need_appearances: bool = False,
                lfont: str = "Helvetica", size: float = 9, blank: bool = False) -> None:
    """Fillable form: label left, widget right; choices as checkboxes or radio groups.
    namer(key, choice) gives the field name; exports(key, choice) the on-state name."""
    from reportlab.lib.colors import Color
    code = CODES[ft]
    f = Flow(WORK / (path.stem + ".raw.pdf"), f"{code}   Fillable form, revision 2026-10",
             font="Helvetica")
    c, m = f.c, f.m
    right = f.w - m
    form = c.acroForm
    vx = m + 210
    c.setFont("Helvetica-Bold", 14)
    for ln in wrap(TITLES[ft], "Helvetica-Bold", 14, right - m):
        c.drawString(m, f.y, ln)
        f.y -= 18
    f.y -= 4
    fixes: list[tuple[str, str, bool]] = []
    radios: dict[str, tuple[str, str]] = {}

    def head(title: str) -> None:
        f.need(70)
        f.y -= 6
        c.setFillColorRGB(0.88, 0.9, 0.93)
        c.rect(m, f.y - 4, right - m, 15, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(m + 4, f.y, title)
        f.y -= 20

    f.on_continue = head
    border = Color(0.3, 0.3, 0.3)
    fill = Color(0.93, 0.96, 1)
    for kind, key in form_items(ft):
        if kind == "section":
            f.section = key
            head(key)
            continue
        text = "" if blank else disp.text(key)
        if is_choice(key):
            items = disp.items(key)
            if key == "attest":
                f.need(30)
                labs = wrap(LABELS["attest"], lfont, size, right - m - 20)
                checked = (not blank) and items[0][1]
                nm = namer(key, None)
                form.checkbox(name=nm, tooltip=LABELS["attest"] if tooltips else None, x=m,
                              y=f.y - 3, size=11, checked=checked, buttonStyle="cross",
                              borderColor=border, fillColor=fill)
                fixes.append((nm, exports(key, "attest") if exports else "Yes", checked))
                c.setFont(lfont, size)
                for j, ln in enumerate(labs):
                    c.drawString(m + 16, f.y - j * (size + 2), ln)
                f.y -= len(labs) * (size + 2) + 8
                continue
            labs = wrap(label(ft, key), "Helvetica-Bold", size, vx - m - 10)
            f.need(max(len(labs) * (size + 2), len(items) * 14) + 6)
            c.setFont("Helvetica-Bold", size)
            for j, ln in enumerate(labs):
                c.drawString(m, f.y - j * (size + 2), ln)
            as_radio = key in radio_keys or key in YESNO
            rname = namer(key, None) if as_radio else ""
            for j, (lbl, t) in enumerate(items):
                t = t and not blank
                y = f.y - j * 14 - 3
                choice_key = (dict((v, k) for k, v in CHOICES[key]).get(lbl, lbl)
                              if key in CHOICES else lbl.lower())
                exp = exports(key, choice_key) if exports else "Yes"
                if as_radio:
                    form.radio(name=rname, tooltip=label(ft, key) if tooltips else None,
                               value=exp, selected=t, x=vx, y=y, size=10, buttonStyle="circle",
                               borderColor=border, fillColor=fill)
                else:
                    nm = namer(key, choice_key)
                    form.checkbox(name=nm, tooltip=lbl if tooltips else None, x=vx, y=y, size=10,
                                  checked=t, buttonStyle="check", borderColor=border, fillColor=fill)
                    fixes.append((nm, exp, t))
                c.setFont(lfont, size)
                c.drawString(vx + 15, y + 2, lbl)
            f.y -= max(len(labs) * (size + 2), len(items) * 14) + 6
            continue
        multiline = key in LISTS or key == "description"
        n = max(1, len(disp.lines(key))) if key in LISTS else (3 if key == "description" else 1)
        h = 15 if not multiline else 12 * max(n, 2) + 4
        labs = wrap(label(ft, key), "Helvetica-Bold", size, vx - m - 10)
        f.need(max(h, len(labs) * (size + 2)) + 6)
        c.setFont("Helvetica-Bold", size)
        for j, ln in enumerate(labs):
            c.drawString(m, f.y - j * (size + 2), ln)
        if key in LISTS:
            text = "" if blank else "\n".join(disp.lines(key))
        form.textfield(name=namer(key, None), tooltip=label(ft, key) if tooltips else None,
                       x=vx, y=f.y - h + 10, width=right - vx, height=h, value=text,
                       fontName="Helvetica", fontSize=9, borderWidth=0.6, borderColor=border,
                       fillColor=fill, fieldFlags="multiline" if multiline else "",
                       forceBorder=True)
        f.y -= max(h, len(labs) * (size + 2)) + 6
    f.save()
    acro_fix(WORK / (path.stem + ".raw.pdf"), path, fixes, need_appearances)


def acro_fix(src: Path, dst: Path, fixes: list[tuple[str, str, bool]], need_app: bool) -> None:
    """Give checkboxes custom on-state names; optionally drop text appearances."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject
    w = PdfWriter(clone_from=PdfReader(str(src)))
    want = {n: (e, t) for n, e, t in fixes}
    for page in w.pages:
        for a in page.get("/Annots", []) or []:
            o = a.get_object()
            nm = o.get("/T")
            if o.get("/FT") == "/Btn" and nm in want and "/AP" in o:
                exp, t = want[nm]
                for st in ("/N", "/D"):
                    ap = o["/AP"].get(st)
                    if ap is None:
                        continue
                    ap = ap.get_object()
                    if "/Yes" in ap:
                        ap[NameObject("/" + exp)] = ap["/Yes"]
                        del ap["/Yes"]
                o[NameObject("/AS")] = NameObject("/" + exp if t else "/Off")
                o[NameObject("/V")] = NameObject("/" + exp if t else "/Off")
            if need_app and o.get("/FT") == "/Tx" and "/AP" in o:
                del o["/AP"]
    if need_app:
        w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    w.write(str(dst))


# ---------------------------------------------------------------- DOCX helpers (python-docx + raw OOXML)
W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def x(xml: str) -> Any:
    from docx.oxml import parse_xml
    return parse_xml(xml.replace("<NS>", W_NS))


def run_xml(text: str, bold: bool = False, font: str | None = None, size: float | None = None,
            color: str | None = None, placeholder: bool = False) -> str:
    rpr = ""
    if placeholder:
        rpr += '<w:rStyle w:val="PlaceholderText"/>'
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    if bold:
        rpr += "<w:b/>"
    if color or placeholder:
        rpr += f'<w:color w:val="{color or "808080"}"/>'
    if size:
        rpr += f'<w:sz w:val="{int(size * 2)}"/>'
    parts = text.split("\n")
    body = '<w:br/>'.join(f'<w:t xml:space="preserve">{esc(p)}</w:t>' for p in parts)
    return f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>"


_SDT_ID = [1000]


def sdt_id() -> int:
    _SDT_ID[0] += 1
    return _SDT_ID[0]


def cc_text(tag: str, alias: str, value: str, placeholder: str = "Click or tap here to enter text.",
            multiline: bool = False) -> str:
    """Inline plain-text content control; an empty one shows its placeholder."""
    show = "" if value else "<w:showingPlcHdr/>"
    ml = ' w:multiLine="1"' if multiline else ""
    content = run_xml(value) if value else run_xml(placeholder, placeholder=True)
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/>'
            f'<w:id w:val="{sdt_id()}"/>{show}<w:text{ml}/></w:sdtPr>'
            f'<w:sdtContent>{content}</w:sdtContent></w:sdt>')


def cc_check(tag: str, checked: bool, wingdings: bool = False) -> str:
    """w14 checkbox control; Wingdings variant uses the 0xFE / 0xA8 symbols."""
    if wingdings:
        on, off, font, glyph = "00FE", "00A8", "Wingdings", ("\uf0fe" if checked else "\uf0a8")
    else:
        on, off, font, glyph = "2612", "2610", "MS Gothic", ("\u2612" if checked else "\u2610")
    return (f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:id w:val="{sdt_id()}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="{on}" w14:font="{font}"/>'
            f'<w14:uncheckedState w14:val="{off}" w14:font="{font}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" '
            f'w:eastAsia="{font}"/></w:rPr><w:sym w:font="{font}" w:char="{on if checked else off}"/>'
            f'</w:r></w:sdtContent></w:sdt>') if wingdings else (
            f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:id w:val="{sdt_id()}"/>'
            f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="{on}" w14:font="{font}"/>'
            f'<w14:uncheckedState w14:val="{off}" w14:font="{font}"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent>{run_xml(glyph, font=font)}</w:sdtContent></w:sdt>')


def cc_drop(tag: str, alias: str, options: list[tuple[str, str]], selected: str | None,
            placeholder: str = "Choose an item.") -> str:
    """dropDownList control; options are (display, value); selected is a display text."""
    items = "".join(f'<w:listItem w:displayText="{esc(d)}" w:value="{esc(v)}"/>' for d, v in options)
    show = "" if selected else "<w:showingPlcHdr/>"
    content = run_xml(selected) if selected else run_xml(placeholder, placeholder=True)
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{tag}"/>'
            f'<w:id w:val="{sdt_id()}"/>{show}<w:dropDownList>{items}</w:dropDownList></w:sdtPr>'
            f'<w:sdtContent>{content}</w:sdtContent></w:sdt>')


def cc_date(tag: str, iso: str | None, shown: str, fmt: str,
            placeholder: str = "Click or tap to enter a date.") -> str:
    show = "" if iso else "<w:showingPlcHdr/>"
    full = f' w:fullDate="{iso}T00:00:00Z"' if iso else ""
    content = run_xml(shown) if iso else run_xml(placeholder, placeholder=True)
    return (f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:id w:val="{sdt_id()}"/>{show}'
            f'<w:date{full}><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-US"/>'
            f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
            f'</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>')


_FF = [0]


def ff_name(prefix: str) -> str:
    _FF[0] += 1
    return f"{prefix}{_FF[0]}"


def ff_text(value: str, name: str | None = None) -> str:
    """Legacy FORMTEXT; empty = five en spaces (Word's default result)."""
    name = name or ff_name("Text")
    res = value if value else "\u2002" * 5
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run_xml(res)}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_check(checked: bool, name: str | None = None) -> str:
    name = name or ff_name("Check")
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>'
            f'<w:default w:val="0"/><w:checked w:val="{1 if checked else 0}"/></w:checkBox>'
            f'</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_drop(entries: list[str], index: int, name: str | None = None) -> str:
    name = name or ff_name("Dropdown")
    ents = "".join(f'<w:listEntry w:val="{esc(e)}"/>' for e in entries)
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/>'
            f'<w:enabled/><w:calcOnExit w:val="0"/><w:ddList><w:result w:val="{index}"/>{ents}'
            f'</w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> '
            f'FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run_xml(entries[index])}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def p_xml(inner: str, tabs: list[tuple[str, int, str]] | None = None, space_after: int = 60,
          style: str | None = None, jc: str | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:leader="{ld}" w:pos="{pos}"/>'
                                    for v, pos, ld in tabs) + "</w:tabs>"
    ppr += f'<w:spacing w:after="{space_after}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p <NS>><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def docx_new(font: str, size: float, footer: str | None, margins_in: float = 0.8) -> Any:
    import docx
    from docx.shared import Inches, Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name, st.font.size = font, Pt(size)
    rpr = st.element.get_or_add_rPr()
    rpr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hAnsi", font)
    for s in d.sections:
        s.left_margin = s.right_margin = Inches(margins_in)
        s.top_margin = s.bottom_margin = Inches(0.7)
        if footer:
            fp = s.footer.paragraphs[0]
            fp.text = footer
            fp.runs[0].font.size = Pt(8)
    d.core_properties.author = "Intake form user"
    return d


def body_append(d: Any, xml: str) -> None:
    body = d.element.body
    body.insert(len(body) - 1, x(xml))


def docx_save(d: Any, path: Path) -> None:
    d.core_properties.created = d.core_properties.modified = __import__("datetime").datetime(2026, 10, 1)
    d.save(str(path))


def cell_xml(inner_paras: str, width: int, shade: str | None = None, span: int = 1) -> str:
    sh = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{gs}{sh}</w:tcPr>{inner_paras}</w:tc>'


def table_xml(rows: list[str], widths: list[int], borders: bool = True) -> str:
    b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>'
         for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"
         if borders else "")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl <NS>><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>")


def pin(inner: str, jc: str | None = None) -> str:
    """A paragraph string without the namespace declaration (for use inside cells)."""
    j = f'<w:jc w:val="{jc}"/>' if jc else ""
    return f'<w:p><w:pPr><w:spacing w:after="20"/>{j}</w:pPr>{inner}</w:p>'


def docx_cc_form(path: Path, ft: str, disp: Display, *, layout: str = "table3",
                 wingdings: bool = False, font: str = "Calibri", date_fmt: str = "MMMM d, yyyy",
                 placeholders: dict[str, str] | None = None, yesno_drop: bool = False,
                 blank: bool = False) -> None:
    """Content-control form: 'table3' = label | control | hint rows, 'inline' = 'Label: [cc]'."""
    ph = placeholders or {}
    d = docx_new(font, 10, f"{CODES[ft]}  \u2022  Rev. 10/2026")
    body_append(d, p_xml(run_xml(TITLES[ft], bold=True, size=15), space_after=160))
    rows: list[str] = []

    def control(key: str) -> str:
        tag = key.replace("_", "")
        if blank:
            if is_choice(key) and key != "attest" and key not in ONEOF and not (key in YESNO and yesno_drop):
                return "".join(f'{cc_check(tag, False, wingdings)}{run_xml(" " + l + "   ")}'
                               for l, _ in disp.items(key))
            if key == "attest":
                return cc_check(tag, False, wingdings)
            if key in ONEOF or key in YESNO:
                return cc_drop(tag, label(ft, key), [("Yes", "Y"), ("No", "N")] if key in YESNO else
                               [(l, k) for k, l in CHOICES[key]], None)
            if key in DATES:
                return cc_date(tag, None, "", date_fmt)
            return cc_text(tag, label(ft, key), "", ph.get(key, "Click or tap here to enter text."))
        if key == "attest":
            return cc_check(tag, disp.data.get("attest") is True, wingdings)
        if key in ONEOF:
            return cc_drop(tag, label(ft, key), [(l, k) for k, l in CHOICES[key]],
                           disp.text(key) or None)
        if key in YESNO and yesno_drop:
            return cc_drop(tag, label(ft, key), [("Yes", "Y"), ("No", "N")], disp.text(key) or None)
        if is_choice(key):
            return "".join(f'{cc_check(tag + str(i), t, wingdings)}{run_xml(" " + l)}'
                           + ('<w:r><w:br/></w:r>' if key in SETS else run_xml("    "))
                           for i, (l, t) in enumerate(disp.items(key)))
        if key in DATES:
            v = disp.data.get(key)
            return cc_date(tag, v, disp.text(key), date_fmt, ph.get(key, "Click or tap to enter a date."))
        # inline paragraphs: a list is typed '; '-separated in one control
        sep = "\n" if layout == "table3" else "; "
        val = sep.join(disp.lines(key)) if key in LISTS else disp.text(key)
        return cc_text(tag, label(ft, key), val, ph.get(key, "Click or tap here to enter text."),
                       multiline=key in LISTS and layout == "table3")

    for kind, key in form_items(ft):
        if kind == "section":
            if layout == "table3":
                rows.append(cell_xml(pin(run_xml(key.upper(), bold=True, color="FFFFFF")), 10000,
                                     shade="1F3864", span=3))
            else:
                body_append(d, p_xml(run_xml(key, bold=True, size=12, color="1F3864"), space_after=80))
            continue
        lab = LABELS["attest"] if key == "attest" else label(ft, key)
        hint = {"npi": "10 digits", "fein": "NN-NNNNNNN", "provider_id": "9 digits + letter",
                "contact_phone": "(NNN) NNN-NNNN", "state": "2 letters"}.get(key, "")
        if key in DATES:
            hint = "Pick a date"
        if layout == "table3":
            rows.append(cell_xml(pin(run_xml(lab, bold=True)), 3600, shade="F2F2F2")
                        + cell_xml(pin(control(key)), 4900)
                        + cell_xml(pin(run_xml(hint, size=8, color="7F7F7F")), 1500))
        else:
            body_append(d, p_xml(run_xml(lab + ": ", bold=True) + control(key)))
    if rows:
        body_append(d, table_xml(rows, [3600, 4900, 1500]))
    docx_save(d, path)


def docx_legacy_form(path: Path, ft: str, disp: Display, *, layout: str = "numbered",
                     font: str = "Arial", blank: bool = False, names: str = "word") -> None:
    """Protected legacy-field form; 'numbered' = No. | label | field table, 'inline' = paragraphs
    with every choice group on one line."""
    d = docx_new(font, 9.5, f"Form {CODES[ft]} - revised October 2026")
    prot = x('<w:documentProtection <NS> w:edit="forms" w:enforcement="1"/>')
    d.settings.element.append(prot)
    body_append(d, p_xml(run_xml(TITLES[ft], bold=True, size=14), space_after=120, jc="center"))
    rows: list[str] = []
    num = [0, 0]

    def field(key: str) -> str:
        if key == "attest":
            return ff_check(False if blank else disp.data.get("attest") is True)
        if key in ("hosting", "added_transaction"):
            entries = [" "] + [l for _, l in CHOICES[key]]
            idx = 0 if blank or key not in disp.data else entries.index(disp.text(key))
            return ff_drop(entries, idx)
        if is_choice(key):
            # NBSP after the box: Word never wraps a box away from its label
            return "".join(ff_check((not blank) and t) + run_xml(f"\u00a0{l}   ")
                           for l, t in disp.items(key))
        val = "" if blank else ("; ".join(disp.lines(key)) if key in LISTS else disp.text(key))
        return ff_text(val)

    for kind, key in form_items(ft):
        if kind == "section":
            num[0] += 1
            num[1] = 0
            title = f"Section {num[0]} \u2013 {key}"
            if layout == "numbered":
                rows.append(cell_xml(pin(run_xml(title, bold=True)), 10000, shade="D9E2F3", span=3))
            else:
                body_append(d, p_xml(run_xml(title, bold=True, size=11), space_after=60))
            continue
        num[1] += 1
        lab = LABELS["attest"] if key == "attest" else label(ft, key)
        if layout == "numbered":
            rows.append(cell_xml(pin(run_xml(f"{num[0]}.{num[1]}")), 700)
                        + cell_xml(pin(run_xml(lab)), 3900) + cell_xml(pin(field(key)), 5400))
        else:
            body_append(d, p_xml(run_xml(lab + ":  ", bold=True) + field(key)))
    if rows:
        body_append(d, table_xml(rows, [700, 3900, 5400]))
    docx_save(d, path)


def docx_tab_form(path: Path, ft: str, disp: Display, *, font: str = "Cambria",
                  leader: str = "underscore", pos: int = 5200, align: str = "left") -> None:
    """'Label<TAB>value' paragraphs with a leader tab stop; choices typed as text."""
    d = docx_new(font, 10, f"{CODES[ft]}")
    body_append(d, p_xml(run_xml(TITLES[ft], bold=True, size=14), space_after=200))
    for kind, key in form_items(ft):
        if kind == "section":
            body_append(d, p_xml(run_xml(key, bold=True, size=11.5), space_after=80))
            continue
        lab = LABELS["attest"] if key == "attest" else label(ft, key)
        vals = disp.lines(key) if key in LISTS and disp.o["list_sep"] == "\n" else [disp.text(key)]
        inner = run_xml(lab) + '<w:r><w:tab/></w:r>' + run_xml(vals[0])
        for v in vals[1:]:
            inner += '<w:r><w:br/><w:tab/></w:r>' + run_xml(v)
        body_append(d, p_xml(inner, tabs=[(align, pos, leader)], space_after=40))
    docx_save(d, path)


def vml_box(text_paras: str, w_pt: float, h_pt: float) -> str:
    """An inline VML text box (w:pict) holding paragraphs; a value 'in a frame'."""
    return (f'<w:r><w:pict><v:shape id="tb{sdt_id()}" type="#_x0000_t202" '
            f'style="width:{w_pt}pt;height:{h_pt}pt" strokecolor="#808080" strokeweight=".5pt">'
            f'<v:textbox inset="3pt,2pt,3pt,2pt"><w:txbxContent>{text_paras}</w:txbxContent>'
            f'</v:textbox></v:shape></w:pict></w:r>')


def docx_textbox_form(path: Path, ft: str, disp: Display, font: str = "Georgia") -> None:
    """Each label a paragraph; its value typed in a text box drawn under it."""
    d = docx_new(font, 9.5, f"{CODES[ft]} | rev. 10/2026")
    body_append(d, p_xml(run_xml(TITLES[ft], bold=True, size=14), space_after=160))
    for kind, key in form_items(ft):
        if kind == "section":
            body_append(d, p_xml(run_xml(key.upper(), bold=True, size=10.5, color="2E5395"),
                                 space_after=60))
            continue
        lab = LABELS["attest"] if key == "attest" else label(ft, key)
        if is_choice(key):
            lines = [(BOX_ON if t else BOX_OFF) + " " + l for l, t in disp.items(key)]
        elif key in LISTS:
            lines = disp.lines(key)
        else:
            lines = [disp.text(key)]
        lines = lines or [""]
        paras = "".join(pin(run_xml(ln)) for ln in lines)
        h = 14 * len(lines) + 6
        body_append(d, p_xml(run_xml(lab, bold=True, size=8.5), space_after=0))
        body_append(d, p_xml(vml_box(paras, 460, h), space_after=80))
    docx_save(d, path)


# ---------------------------------------------------------------- HTML -> Chromium / LibreOffice
def h(s: str) -> str:
    return esc(s)


def html_form(ft: str, disp: Display, style: str, blank: bool = False) -> str:
    css = {
        "floating": """body{font-family:'URW Gothic','DejaVu Sans';font-size:10pt;margin:0 28px}
 h1{font-size:16pt;color:#14456e;margin:10px 0 2px} .code{font-size:8pt;color:#555}
 fieldset{border:1px solid #9bb;border-radius:6px;margin:10px 0;padding:4px 10px 8px}
 legend{font-weight:bold;color:#14456e;padding:0 4px}
 .grid{display:grid;grid-template-columns:1fr 1fr;gap:6px 12px}
 .f{border:1px solid #889;border-radius:4px;padding:2px 6px 3px;min-height:26px;break-inside:avoid}
 .f.w{grid-column:1 / span 2} .f label{display:block;font-size:7pt;color:#456}
 .f .v{font-size:10pt;min-height:12pt;white-space:pre-wrap}
 .opt{display:inline-block;margin-right:14px} .bx{display:inline-block;width:10px;height:10px;
 border:1px solid #333;font-size:8pt;line-height:10px;text-align:center;margin-right:3px}
 footer{position:fixed;bottom:0;font-size:7.5pt;color:#555}""",
        "review": """body{font-family:'C059','DejaVu Serif';font-size:10.5pt;margin:0 30px}
 .bar{background:#0b3d2e;color:#fff;padding:6px 10px;font-family:'DejaVu Sans';font-size:9pt}
 h1{font-size:15pt;margin:12px 0 0} p.note{font-size:9pt;color:#444}
 h2{font-size:11.5pt;border-bottom:2px solid #0b3d2e;margin:14px 0 4px}
 dl{display:grid;grid-template-columns:42% 58%;margin:0} dt{font-weight:bold;padding:3px 0;
 border-bottom:1px dotted #bbb} dd{margin:0;padding:3px 0;border-bottom:1px dotted #bbb;white-space:pre-wrap}
 .foot{margin-top:18px;font-size:8pt;color:#555}""",
        "checks": """body{font-family:'P052','DejaVu Serif';font-size:10pt;margin:0 24px}
 h1{font-size:15pt;text-align:center} table{border-collapse:collapse;width:100%;margin-bottom:8px}
 th{background:#e8e0c8;text-align:left;padding:4px;font-size:10.5pt} td{border:1px solid #999;
 padding:3px 6px;vertical-align:top} td.l{width:40%;font-family:'DejaVu Sans';font-size:8.5pt}
 .ck{display:inline-block;width:11px;height:11px;border:1.3px solid #222;text-align:center;
 font-size:9px;line-height:11px;margin-right:4px;font-family:'DejaVu Sans'} .o{margin-right:12px;
 white-space:nowrap;display:inline-block} td.v{white-space:pre-wrap}
 .foot{font-size:8pt;margin-top:10px}""",
        "lo": """body{font-family:'Carlito';font-size:10pt} h1{font-size:15pt}
 td{border:1px solid #000;padding:3px;vertical-align:top} table{border-collapse:collapse;width:100%}""",
    }[style]
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{h(TITLES[ft])}</title>"
           f"<style>{css}</style></head><body>"]
    code = CODES[ft]
    if style == "review":
        out.append("<div class='bar'>MassHealth RPA Registration Portal &nbsp;&middot;&nbsp; "
                   "Step 4 of 4: Review and print</div>")
    out.append(f"<h1>{h(TITLES[ft])}</h1>")
    if style == "floating":
        out.append(f"<div class='code'>Online form {code} &middot; revision 2026-10</div>")
    if style == "review":
        out.append("<p class='note'>Please review your answers below. Print this page, sign it "
                   "and email it with your supporting documents.</p>")

    def val(key: str) -> str:
        if blank:
            return ""
        if key in LISTS:
            return "\n".join(disp.lines(key))
        return disp.text(key)

    def opts(key: str, cls: str, on: str) -> str:
        return "".join(f"<span class='{'opt' if cls == 'bx' else 'o'}'><span class='{cls}'>"
                       f"{on if (t and not blank) else '&nbsp;'}</span>{h(l)}</span>"
                       for l, t in disp.items(key))

    for title, keys in SECTIONS[ft]:
        if style == "floating":
            out.append(f"<fieldset><legend>{h(title)}</legend><div class='grid'>")
        elif style == "review":
            out.append(f"<h2>{h(title)}</h2><dl>")
        else:
            out.append(f"<table><tr><th colspan='2'>{h(title)}</th></tr>")
        for key in keys:
            lab = LABELS["attest"] if key == "attest" else label(ft, key)
            if style == "floating":
                wide = is_choice(key) or key in LISTS or key in ("org_legal_name", "description")
                v = opts(key, "bx", "&#10004;") if is_choice(key) else h(val(key))
                out.append(f"<div class='f{' w' if wide else ''}'><label>{h(lab)}</label>"
                           f"<div class='v'>{v}</div></div>")
            elif style == "review":
                out.append(f"<dt>{h(lab)}</dt><dd>{h(val(key)) or '&nbsp;'}</dd>")
            elif style == "lo":
                v = ("<br>".join(f"{BOX_ON if (t and not blank) else BOX_OFF} {h(l)}"
                                 for l, t in disp.items(key)) if is_choice(key)
                     else h(val(key)).replace("\n", "<br>"))
                out.append(f"<tr><td width='40%'><b>{h(lab)}</b></td><td>{v}</td></tr>")
            else:
                v = opts(key, "ck", "&#10004;") if is_choice(key) else h(val(key))
                out.append(f"<tr><td class='l'>{h(lab)}</td><td class='v'>{v}</td></tr>")
        out.append("</div></fieldset>" if style == "floating" else "</dl>" if style == "review"
                   else "</table>")
    if style == "review":
        out.append(f"<div class='foot'>Printed from the portal. Form {code}. Reference "
                   f"draft #{abs(hash(ft)) % 9000 + 1000}</div>".replace(
                       f"#{abs(hash(ft)) % 9000 + 1000}", "D-20261014-07"))
    elif style == "floating":
        out.append(f"<footer>{code} &mdash; MassHealth RPA online form</footer>")
    else:
        out.append(f"<div class='foot'>Form {code} (Rev. 10/2026)</div>")
    out.append("</body></html>")
    return "\n".join(out)


def chromium_pdf(html: str, dst: Path, landscape: bool = False) -> None:
    src = WORK / (dst.stem + ".html")
    if landscape:
        html = html.replace("<style>", "<style>@page{size:letter landscape;margin:12mm}", 1)
    else:
        html = html.replace("<style>", "<style>@page{size:letter;margin:14mm}", 1)
    src.write_text(html, encoding="utf-8")
    prof = WORK / "chromium-profile"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", "--proxy-server=127.0.0.1:9",
                    "--proxy-bypass-list=<-loopback>", f"--user-data-dir={prof}",
                    f"--print-to-pdf={dst}", src.as_uri()],
                   check=True, capture_output=True, timeout=120)


def soffice(src: Path, fmt: str, outdir: Path, infilter: str | None = None) -> Path:
    args = ["soffice", f"-env:UserInstallation=file://{WORK}/lo-profile", "--headless"]
    if infilter:
        args.append(f"--infilter={infilter}")
    subprocess.run(args + ["--convert-to", fmt, "--outdir", str(outdir), str(src)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (src.stem + "." + fmt.split(":")[0])


def lo_docx_from_html(html: str, dst: Path) -> None:
    """A DOCX written by LibreOffice (not Word): HTML opened in Writer, saved as Word 2007."""
    src = WORK / (dst.stem + ".html")
    src.write_text(html, encoding="utf-8")
    out = soffice(src, 'docx:MS Word 2007 XML', WORK, infilter="HTML (StarWriter)")
    shutil.copy(out, dst)


def xlsx_to_pdf(wb: Any, dst: Path) -> None:
    src = WORK / (dst.stem + ".xlsx")
    wb.save(str(src))
    out = soffice(src, "pdf", WORK)
    shutil.copy(out, dst)


def sheet_form(ft: str, disp: Display) -> Any:
    """A form re-typed in a spreadsheet: labels in column A, answers in B (X marks with the
    option text in C), grid lines, bold section rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = Workbook()
    ws = wb.active
    ws.title = CODES[ft]
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.column_dimensions["A"].width = 46
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 44
    ws.append([TITLES[ft]])
    ws["A1"].font = Font(name="Carlito", bold=True, size=14)
    ws.append([f"{CODES[ft]} (retyped by applicant)"])
    r = 3
    for title, keys in SECTIONS[ft]:
        r += 1
        ws.cell(r, 1, title).font = Font(name="Carlito", bold=True, color="FFFFFF")
        for col in range(1, 4):
            ws.cell(r, col).fill = PatternFill("solid", fgColor="375623")
            ws.cell(r, col).border = box
        for key in keys:
            lab = LABELS["attest"] if key == "attest" else label(ft, key)
            if is_choice(key):
                for i, (l, t) in enumerate(disp.items(key)):
                    r += 1
                    ws.cell(r, 1, lab if i == 0 else None)
                    ws.cell(r, 2, "X" if t else None)
                    ws.cell(r, 3, l if key != "attest" else "(check = yes)")
                    for col in range(1, 4):
                        ws.cell(r, col).border = box
                        ws.cell(r, col).alignment = Alignment(wrap_text=True, vertical="top")
                continue
            r += 1
            v: Any = disp.text(key)
            if key in LISTS:
                v = "\n".join(disp.lines(key))
            if isinstance(disp.data.get(key), int) and key not in ("validation_year",):
                v = disp.data[key]
            ws.cell(r, 1, lab)
            ws.cell(r, 2, v if v != "" else None)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
            for col in range(1, 4):
                ws.cell(r, col).border = box
                ws.cell(r, col).alignment = Alignment(wrap_text=True, vertical="top",
                                                       horizontal="left")
            if key in LISTS:
                ws.row_dimensions[r].height = 15 * max(1, len(disp.lines(key)))
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if cell.font and not cell.font.bold:
                cell.font = Font(name="Carlito", size=10)
    ws.print_options.gridLines = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = f"{CODES[ft]}  Page &P of &N"
    return wb


# ---------------------------------------------------------------- supporting documents
TS_COLS = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result",
           "Pass/Fail"]
SCREENS = {"eligibility_inquiry": "Member Eligibility Search > Eligibility Results",
           "claim_submission": "DDE Professional Claim > Claim Confirmation",
           "claim_status": "Claim Status Search > Claim Status Results",
           "claim_adjustment": "Paid Claim Lookup > Adjust/Void Request",
           "prior_authorization": "PA Request Entry > PA Summary",
           "remittance_advice": "Remittance Advice Search > RA Download",
           "other": "Provider Messages > Message Detail"}


def scenarios(prefix: str, plan: list[tuple[str, list[bool]]]) -> list[list[str]]:
    rows, n = [], 0
    for key, results in plan:
        for ok in results:
            n += 1
            rows.append([f"{prefix}-{n:02d}", TXN_LABEL[key], SCREENS[key],
                         "Result screen shown; confirmation logged",
                         "As expected" if ok else "Timeout on results screen",
                         "Pass" if ok else "Fail"])
    return rows


def ts_fields(plan: list[tuple[str, list[bool]]]) -> dict[str, Any]:
    return {"transactions": sorted({k for k, _ in plan}),
            "scenario_pass_counts": {k: sum(r) for k, r in sorted(plan)}}


def ts_html(title: str, org: str, rows: list[list[str]], style: str) -> str:
    css = ("body{font-family:'Nimbus Sans Narrow','DejaVu Sans Condensed';font-size:9pt}"
           "table{border-collapse:collapse;width:100%} th{background:#333;color:#fff;padding:4px}"
           "td{border-bottom:1px solid #aaa;padding:3px;vertical-align:top}"
           "td.F{color:#a00;font-weight:bold} td.P{color:#060}") if style == "web" else (
           "body{font-family:'Carlito'} td,th{border:1px solid #000;padding:2px;font-size:9pt}"
           "table{border-collapse:collapse}")
    body = "".join("<tr>" + "".join(f"<td class='{c[0] if i == 5 else ''}'>{h(c)}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{h(title)}</title>"
            f"<style>{css}</style></head><body><h1>{h(title)}</h1><p>Organization: {h(org)}. "
            f"Executed in the MassHealth Trading Partner Testing Environment.</p><table><tr>"
            + "".join(f"<th>{c}</th>" for c in TS_COLS) + f"</tr>{body}</table></body></html>")


AGREEMENT_TEXT = [
    "This Agreement is entered into between the Massachusetts Executive Office of Health and "
    "Human Services, Office of Medicaid (MassHealth), and the Organization named below, which "
    "intends to operate one or more robotic process automation (RPA) bots on the Provider Online "
    "Service Center (POSC).",
    "1. The Organization will operate only bots registered with and approved by MassHealth, and "
    "only for the transactions approved for each bot.",
    "2. Each bot will use only the RPA User IDs that MassHealth assigns to it, and will not share "
    "them with any person or other bot.",
    "3. The Organization will notify MassHealth before any change to a bot by filing an RPA "
    "Modification Request Form, and will complete the Annual Validation each year.",
    "4. MassHealth may suspend any RPA User ID whose activity harms the POSC or does not match the "
    "approved registration.",
]


def design_text(org: str, keys: list[str]) -> list[tuple[str, list[str]]]:
    """(heading, steps) per transaction; the prose names only these transactions."""
    out = [("1. Overview", [f"{org} operates its bots on dedicated virtual machines. This document "
            "describes the end-to-end process flow of each bot transaction and every POSC screen "
            "the bot touches: " + ", ".join(TXN_LABEL[k] for k in keys) + "."])]
    for i, k in enumerate(keys, 2):
        a, b = SCREENS[k].split(" > ")
        out.append((f"{i}. {TXN_LABEL[k]} \u2013 process flow", [
            "Read the next work item from the practice-management work queue.",
            "Log in to the POSC with the bot's RPA User ID (MFA token from the vault).",
            f"Open the '{a}' screen and enter the member and date-of-service data.",
            f"Read the '{b}' screen; capture the result into the work item.",
            "Log out of the POSC; write the audit record; exceptions go to the staff queue."]))
    return out


def rl_agreement(path: Path, data: dict[str, Any], date_style: str, signature: str | None) -> None:
    """Printed RPA Agreement; the signature typed in an italic face over a rule."""
    f = Flow(path, "RPA-AGR  MassHealth RPA Agreement  v2026.2", font="DejaVuSerif")
    c, m = f.c, f.m
    c.setFont("DejaVuSerif-Bold", 16)
    c.drawString(m, f.y, TITLES["rpa_agreement"])
    f.y -= 28
    c.setFont("DejaVuSerif", 10)
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, "DejaVuSerif", 10, f.w - 2 * m):
            c.drawString(m, f.y, ln)
            f.y -= 13.5
        f.y -= 6
    f.y -= 14
    rows = [("Organization Legal Name", data.get("org_legal_name", "")),
            ("Signature", signature or ""),
            ("Authorized Signatory Name", data.get("signer_name", "")),
            ("Authorized Signatory Title", data.get("signer_title", "")),
            ("Date Signed", fmt_date(data["signature_date"], date_style) if "signature_date" in data else "")]
    for lab, val in rows:
        c.setFont("DejaVuSerif-Italic" if lab == "Signature" else "DejaVuSerif", 12 if lab == "Signature" else 10.5)
        c.drawString(m + 190, f.y + 3, val)
        c.setLineWidth(0.5)
        c.line(m + 185, f.y, f.w - m, f.y)
        c.setFont("DejaVuSerif-Bold", 9.5)
        c.drawString(m, f.y + 3, lab + ":")
        f.y -= 30
    f.save()


def rl_test_scenarios_fillable(path: Path, rows: list[list[str]], nrows: int,
                               namer: Callable[[int, int], str], passfail: str,
                               tooltips: bool = False) -> None:
    """Fillable scenario table, landscape; passfail='pair' = Pass / Fail checkboxes per row,
    'text' = a text field."""
    from reportlab.lib.colors import Color
    f = Flow(WORK / (path.stem + ".raw.pdf"), "Test Scenarios - fillable worksheet 2026",
             landscape=True, font="Helvetica", margin=36)
    c, m, form = f.c, f.m, f.c.acroForm
    c.setFont("Helvetica-Bold", 15)
    c.drawString(m, f.y, "MassHealth RPA Test Scenarios")
    f.y -= 18
    c.setFont("Helvetica", 9)
    c.drawString(m, f.y, "One row per scenario executed in the MassHealth Trading Partner Testing Environment.")
    f.y -= 20
    widths = [70, 150, 170, 140, 140, 50]
    xs = [m]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    c.setFillColorRGB(0.85, 0.88, 0.92)
    c.rect(m, f.y - 4, sum(widths), 16, fill=1, stroke=0)
    c.setFillGray(0)
    c.setFont("Helvetica-Bold", 8.5)
    for xx, t in zip(xs, TS_COLS):
        c.drawString(xx + 3, f.y + 1, t)
    f.y -= 8
    fixes = []
    border, fill = Color(0.4, 0.4, 0.4), Color(1, 1, 1)
    for r in range(nrows):
        vals = rows[r] if r < len(rows) else [""] * 6
        y = f.y - 26
        for ci in range(5):
            form.textfield(name=namer(r, ci), x=xs[ci] + 1, y=y, width=widths[ci] - 2, height=24,
                           value=vals[ci], fontName="Helvetica", fontSize=7, borderWidth=0.5,
                           borderColor=border, fillColor=fill, fieldFlags="multiline",
                           tooltip=f"Row {r + 1} {TS_COLS[ci]}" if tooltips else None, forceBorder=True)
        if passfail == "pair":
            for j, word in enumerate(("Pass", "Fail")):
                nm = namer(r, 5 + j)
                t = vals[5] == word
                form.checkbox(name=nm, x=xs[5] + 2, y=y + 13 - j * 12, size=9, checked=t,
                              buttonStyle="check", borderColor=border, fillColor=fill)
                fixes.append((nm, "1", t))
                c.setFont("Helvetica", 7)
                c.drawString(xs[5] + 14, y + 15 - j * 12, word)
        else:
            form.textfield(name=namer(r, 5), x=xs[5] + 1, y=y, width=widths[5] - 2, height=24,
                           value=vals[5], fontName="Helvetica", fontSize=8, borderWidth=0.5,
                           borderColor=border, fillColor=fill,
                           tooltip=f"Row {r + 1} Pass/Fail" if tooltips else None, forceBorder=True)
        f.y -= 28
    f.save()
    acro_fix(WORK / (path.stem + ".raw.pdf"), path, fixes, False)


def docx_systems_design(path: Path, org: str, keys: list[str]) -> None:
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.styles["Normal"].font.name = "Segoe UI"
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading(f"{org}: RPA Systems Design Documentation", level=0)
    for head, steps in design_text(org, keys):
        d.add_heading(head, level=1)
        if head.startswith("1."):
            d.add_paragraph(steps[0])
            continue
        t = d.add_table(rows=1, cols=3)
        t.style = "Light Grid Accent 1"
        for cell, txt in zip(t.rows[0].cells, ("Step", "Actor", "Action")):
            cell.text = txt
        for i, s in enumerate(steps, 1):
            row = t.add_row().cells
            row[0].text, row[1].text, row[2].text = str(i), "Bot" if i < 5 else "Bot / staff", s
    docx_save(d, path)


def rl_systems_design(path: Path, org: str, keys: list[str]) -> None:
    f = Flow(path, "Systems Design Documentation - prepared for MassHealth", font="Carlito")
    c, m = f.c, f.m
    c.setFont("Carlito-Bold", 17)
    c.drawString(m, f.y, "Systems Design Documentation \u2013 RPA Bot Process Flows")
    f.y -= 20
    c.setFont("Carlito", 10.5)
    c.drawString(m, f.y, org)
    f.y -= 24
    for head, steps in design_text(org, keys):
        f.need(60)
        c.setFont("Carlito-Bold", 12.5)
        c.drawString(m, f.y, head)
        f.y -= 17
        c.setFont("Carlito", 10.5)
        if head.startswith("1."):
            for ln in wrap(steps[0], "Carlito", 10.5, f.w - 2 * m):
                c.drawString(m, f.y, ln)
                f.y -= 13
            f.y -= 8
            continue
        # a simple flow chart: one rounded box per step with arrows
        for i, s in enumerate(steps):
            f.need(34)
            c.roundRect(m + 20, f.y - 16, f.w - 2 * m - 40, 22, 5)
            c.drawString(m + 30, f.y - 9, f"Step {i + 1}: {s}")
            if i < len(steps) - 1:
                c.line(m + 60, f.y - 16, m + 60, f.y - 26)
                c.line(m + 57, f.y - 23, m + 60, f.y - 26)
                c.line(m + 63, f.y - 23, m + 60, f.y - 26)
            f.y -= 28
        f.y -= 8
    f.save()


def docx_agreement(path: Path, data: dict[str, Any], cc: bool, date_style: str = "long") -> None:
    d = docx_new("Garamond", 11, "RPA-AGR")
    body_append(d, p_xml(run_xml(TITLES["rpa_agreement"], bold=True, size=16), space_after=200, jc="center"))
    for para in AGREEMENT_TEXT:
        body_append(d, p_xml(run_xml(para), space_after=120))
    rows = []
    for key, lab in (("org_legal_name", "Organization Legal Name"), ("_sig", "Signature"),
                     ("signer_name", "Authorized Signatory Name"),
                     ("signer_title", "Authorized Signatory Title"), ("signature_date", "Date Signed")):
        v = data.get(key, "")
        if key == "_sig":
            v = data.get("_sig", "")
        if key == "signature_date" and v:
            v = fmt_date(v, date_style)
        if cc:
            inner = (cc_date("datesigned", data.get(key), v, "MMMM d, yyyy") if key == "signature_date"
                     else cc_text(key.strip("_"), lab, v))
        else:
            inner = run_xml(v)
        rows.append(cell_xml(pin(run_xml(lab, bold=True)), 3400) + cell_xml(pin(inner), 6000))
    body_append(d, table_xml(rows, [3400, 6000]))
    docx_save(d, path)


# ---------------------------------------------------------------- scans
def scan(src: Path, dst: Path, dpi: int, angle: float, quality: int, seed: int) -> None:
    """Image-only 'scan': grey raster, tilt, blur, noise, dust specks, JPEG."""
    from PIL import Image, ImageDraw, ImageFilter
    rnd = random.Random(seed)
    tmp = WORK / f"scan_{dst.stem}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src), str(tmp)], check=True)
    pages = []
    for png in sorted(WORK.glob(f"scan_{dst.stem}*.png")):
        im = Image.open(png).convert("L")
        im = im.rotate(angle * (1 if len(pages) == 0 else 0.7), resample=Image.BICUBIC,
                       expand=False, fillcolor=245)
        im = im.filter(ImageFilter.GaussianBlur(0.7))
        px = im.load()
        w, hgt = im.size
        for _ in range(w * hgt // 60):
            xx, yy = rnd.randrange(w), rnd.randrange(hgt)
            px[xx, yy] = max(0, min(255, px[xx, yy] + rnd.randint(-60, 40)))
        dr = ImageDraw.Draw(im)
        for _ in range(rnd.randint(25, 60)):
            xx, yy, r = rnd.randrange(w), rnd.randrange(hgt), rnd.choice([1, 1, 2, 3])
            dr.ellipse((xx, yy, xx + r, yy + r), fill=rnd.randint(20, 90))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=quality)
        pages.append(Image.open(io.BytesIO(buf.getvalue())))
        png.unlink()
    pages[0].save(str(dst), "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])


# ================================================================= the cases
def drop(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in keys}


def last(*moved: str) -> Callable[[str, list[str]], list[str]]:
    """Field order with the given (blank) fields moved to the end of their section, so that
    the next thing printed after them is a section heading."""
    def order(title: str, keys: list[str]) -> list[str]:
        return [k for k in keys if k not in moved] + [k for k in keys if k in moved]
    return order


RL = "reportlab canvas"
RLF = "reportlab acroForm + pypdf (custom on-states)"
DOCX = "python-docx + raw OOXML"
CHR = "HTML -> headless Chromium --print-to-pdf (no network)"
LOD = "HTML -> LibreOffice Writer -> DOCX (MS Word 2007 XML filter)"
XL = "openpyxl XLSX -> LibreOffice Calc -> PDF"

# ---- 1: boxes under the label, asterisk after it
D_BX1 = stage1_data("regis", sig="2026-03-03")


@case("bx1_stage1_boxed_condensed_asterisk", "stage1", D_BX1, [1], RL,
      "Printed Stage I in DejaVu Sans Condensed: bold 8 pt label with a RED '*' after required "
      "labels, the value in a light-blue ruled box UNDER the label, two boxes per row; choice "
      "groups as boxes of \u2612/\u2610 lines; lists one per line in a tall box; the Street Address "
      "typed over TWO lines ('1250 Hancock Street' / 'Suite 4B', expected joined with ', '). Dates "
      "'March 3, 2026', phone '617.555.0142'.")
def _bx1(c: dict) -> None:
    rl_boxed(out_path(c["name"]), "stage1", Display("stage1", c["data"], date="long", phone="dots",
             street_print="1250 Hancock Street\nSuite 4B"))


D_BX2 = mod_data("capeann", same_session=False, sig="2026-09-30",
                 description="Add Claim Status Inquiry after the eligibility check; it will be run by "
                             "a second, separately scheduled bot session overnight.")


@case("bx2_modification_boxed_serif_same_session_no", "modification", D_BX2, [1, 11], RL,
      "Printed Modification in DejaVu Serif: boxed values under labels with red '*', beige boxes, "
      "three boxes per row, [X]/[ ] marks. PROBLEM: 'Will the added transaction run in the same bot "
      "session?' answered No (a new Stage I is needed).", problems=[("same_session", "same_session")])
def _bx2(c: dict) -> None:
    rl_boxed(out_path(c["name"]), "modification", Display("modification", c["data"], date="us",
             phone="paren"), lfont="DejaVuSerif-Bold", vfont="DejaVuSerif", size=8.5, cols=3,
             tint=(1.0, 0.98, 0.92), mark="brackets")


# ---- 2: blanks followed by a section heading
D_HD1 = drop(s2g_data("pvhie", sig="2026-01-29"), "contact_title", "rpa_tool_version",
             "testing_completed_date")


@case("hd1_s2g_band_headings_blanks", "stage2_grandfathered", D_HD1, [2], RL,
      "Printed 'Label: value' lines (DejaVu Serif, bold labels) under white-on-navy BAND headings in "
      "Title Case. Blank fields printed as the bare label directly before a band: Primary Contact "
      "Title (before 'Bot in Operation'), RPA Tool Version (before 'Transactions and Testing'), "
      "Testing Completion Date (before 'Attestation and Signature'). The band text is not a value. "
      "Relationship entity: PID/SL and NPI blank.")
def _hd1(c: dict) -> None:
    rl_lines(out_path(c["name"]), "stage2_grandfathered",
             Display("stage2_grandfathered", c["data"], date="us_short", phone="dash", list_sep=", "),
             heading="band", order=last("contact_title", "rpa_tool_version", "testing_completed_date"),
             choice="glyph")


D_HD2 = drop(stage2_data("granite", sig="2026-05-12"), "user_ids_requested")


@case("hd2_stage2_part_headings_missing_user_ids", "stage2", D_HD2, [2, 6, 11], RL,
      "Printed lines with the value in a column at 300 pt (wide gap, no colon) and numbered "
      "headings 'Part n. Title' over a rule (Carlito). Doing Business As (DBA) is blank directly "
      "before 'Part 2. Stage I Reference'; Number of RPA User IDs Requested (moved last in Part 4) "
      "is blank directly before 'Part 5. Attestation and Signature'. PROBLEM: the required Number of "
      "RPA User IDs Requested is missing.", problems=[("missing_required", "user_ids_requested")])
def _hd2(c: dict) -> None:
    rl_lines(out_path(c["name"]), "stage2", Display("stage2", c["data"], date="abbr", phone="intl"),
             lfont="Carlito-Bold", vfont="Carlito", size=9.5, sep="", value_x=300, lead=1.35,
             heading="numbered", order=last("org_dba", "user_ids_requested"), choice="glyph")

# ---- 3: fillable Test Scenarios
P_TS1 = [("claim_submission", [True, True, False]), ("remittance_advice", [True, False])]


@case("ts1_test_scenarios_fill_xfa_passfail_pairs", "test_scenarios", ts_fields(P_TS1), [3, 9], RLF,
      "Fillable Test Scenarios (landscape, Helvetica): LiveCycle-style names "
      "ScenarioTable[0].Row[n].ScenarioID[0] .. ActualResult[0]; Pass/Fail as TWO checkboxes per row "
      "(Row[n].Pass[0] / Row[n].Fail[0], on-state /1) with 'Pass' 'Fail' printed beside them; 8 rows, "
      "rows 6-8 empty. Goes with hd2 / wb1 transactions.", extra={"form_version": None})
def _ts1(c: dict) -> None:
    cols = ["ScenarioID", "Transaction", "Screens", "ExpectedResult", "ActualResult", "Pass", "Fail"]
    rl_test_scenarios_fillable(out_path(c["name"]), scenarios("GH-TS", P_TS1), 8,
                               lambda r, ci: f"ScenarioTable[0].Row[{r}].{cols[ci]}[0]", "pair")


P_TS2 = [("eligibility_inquiry", [True, True]), ("claim_status", [False, False]),
         ("prior_authorization", [True])]


@case("ts2_test_scenarios_fill_opaque_tooltips", "test_scenarios", ts_fields(P_TS2), [3, 9], RLF,
      "Fillable Test Scenarios with opaque names Text1..Text60 (row-major) that carry /TU tooltips "
      "'Row n <column>'; Pass/Fail typed in a text field. Both Claim Status Inquiry scenarios "
      "fail (pass count 0); rows 6-10 empty.", extra={"form_version": None})
def _ts2(c: dict) -> None:
    rl_test_scenarios_fillable(out_path(c["name"]), scenarios("MVB-T", P_TS2), 10,
                               lambda r, ci: f"Text{r * 6 + ci + 1}", "text", tooltips=True)


# ---- 4: content controls
D_CC1 = drop(stage2_data("lowell", sig="2026-08-04", transactions=["eligibility_inquiry", "prior_authorization"],
             user_ids_requested=3, docs_enclosed=["rpa_agreement", "test_scenarios"]),
             "rpa_tool_version", "testing_completed_date")


@case("cc1_stage2_cc_table_wingdings", "stage2", D_CC1, [4], DOCX,
      "DOCX content controls in a three-column table (label | control | grey hint such as "
      "'NN-NNNNNNN'), CAPS section rows on navy. Checkbox controls use the Wingdings symbols "
      "0xFE (checked) / 0xA8 (unchecked) written as w:sym; Organization Type a dropDownList; "
      "testing yes/no as two checkbox controls. DBA, RPA Tool Version ('Enter the version, e.g. "
      "2.52') and Testing Completion Date still show placeholders (w:showingPlcHdr): absent. "
      "Systems Design Documentation is not ticked.", ext="docx")
def _cc1(c: dict) -> None:
    docx_cc_form(out_path(c["name"], "docx"), "stage2", Display("stage2", c["data"], phone="paren"),
                 wingdings=True, placeholders={"rpa_tool_version": "Enter the version, e.g. 2.52",
                                               "org_dba": "Trade name, if any"})


D_CC2 = drop(av_data("regis", sig="2026-10-06", unapproved_changes=True,
                     rpa_user_ids=["RPASR0770", "RPASR0771"], stage2_approval_number="RPA2-2025-00044"),
             "contact_title")


@case("cc2_annual_cc_inline_unapproved_yes", "annual_validation", D_CC2, [4, 11], DOCX,
      "DOCX 'Label: [control]' paragraphs: plain-text controls with aliases/tags, Organization "
      "Type and both yes/no questions as dropDownList controls (display Yes/No, values Y/N), Date "
      "Signed a date control 'd MMMM yyyy' ('6 October 2026'), RPA User ID(s) typed '; '-separated in one control. "
      "Primary Contact Title still shows 'Click or tap here to enter text.' (absent). PROBLEM: the "
      "bot was modified without approval (Yes).", problems=[("unapproved_changes", "unapproved_changes")],
      ext="docx")
def _cc2(c: dict) -> None:
    docx_cc_form(out_path(c["name"], "docx"), "annual_validation",
                 Display("annual_validation", c["data"], date="dmy", phone="dots"), layout="inline",
                 yesno_drop=True, font="Aptos", date_fmt="d MMMM yyyy")


D_CC3 = {"org_legal_name": ORGS["lowell"]["org_legal_name"], "signer_name": ORGS["lowell"]["signer_name"],
         "signer_title": ORGS["lowell"]["signer_title"], "signature_date": "2026-08-04", "signed": True}


@case("cc3_agreement_cc_signed", "rpa_agreement", D_CC3, [4, 9], DOCX,
      "RPA Agreement DOCX (Garamond): agreement text, then a label | content-control table; the "
      "Signature control holds '/s/ Priya Raghunathan', Date Signed a date control "
      "('August 4, 2026'). Signed. Goes with cc1.", ext="docx")
def _cc3(c: dict) -> None:
    docx_agreement(out_path(c["name"], "docx"), dict(c["data"], _sig="/s/ Priya Raghunathan"), cc=True)


# ---- 5: legacy form fields
D_LG1 = mod_data("capeann", sig="2026-10-19", modification_types=["decrease_screens", "replace_tool"],
                 new_rpa_tool_name="Power Automate Desktop", new_rpa_tool_vendor="Microsoft Corporation",
                 new_screens_per_session=4,
                 description="Move both bots from WinAutomation to Power Automate Desktop and cut the "
                             "session to 4 POSC screens.", effective_date="2026-12-21")
for _k in ("added_transaction", "same_session"):
    D_LG1.pop(_k)


@case("lg1_modification_legacy_numbered_table", "modification", D_LG1, [5], DOCX,
      "Protected legacy-field form (Arial) in a 'No. | label | field' table with numbered rows "
      "'2.3'; section rows 'Section n \u2013 Title'. Type of Modification a FORMCHECKBOX group "
      "(w:checked), Organization Type a FORMCHECKBOX group, Transaction to Add a FORMDROPDOWN left "
      "at its blank first entry, the same-session Yes/No FORMCHECKBOX pair with neither ticked "
      "(absent); empty FORMTEXT = five en spaces.", ext="docx")
def _lg1(c: dict) -> None:
    docx_legacy_form(out_path(c["name"], "docx"), "modification",
                     Display("modification", c["data"], date="long", phone="space"))


D_LG2 = stage1_data("odc", sig="2026-04-22", bot_count=3, bot_names=["ODC-Status-A", "ODC-Status-B"],
                    hosting="cloud", transactions=["claim_adjustment", "claim_status"],
                    posc_screens=["Claim Status Search", "Claim Status Results", "Paid Claim Lookup",
                                  "Adjust/Void Request"], screens_per_session=5,
                    avg_weekly_transactions=900, est_monthly_transactions=3600,
                    rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism",
                    rpa_tool_version="7.3", planned_go_live="2026-06-01",
                    operating_hours="Daily 1:00 AM - 5:00 AM")


@case("lg2_stage1_legacy_inline_botcount", "stage1", D_LG2, [5, 11], DOCX,
      "Protected legacy-field Stage I in 'Label:  [field]' paragraphs: every choice set "
      "(Organization Type, POSC Transactions) as FORMCHECKBOXes on ONE line; Bot Hosting a "
      "FORMDROPDOWN (' ', On-Premises, Cloud, Vendor-Hosted) on Cloud; lists typed '; '-separated. "
      "PROBLEM: Number of Bots Requested is 3 but only two Bot Name(s) are given.",
      problems=[("invalid", "bot_names")], ext="docx")
def _lg2(c: dict) -> None:
    docx_legacy_form(out_path(c["name"], "docx"), "stage1",
                     Display("stage1", c["data"], date="us", phone="dots"), layout="inline",
                     font="Verdana")

# ---- 6: tab / dash / equals / gaps
D_SP1 = stage1_data("nashoba", sig="2026-02-27", transactions=["eligibility_inquiry", "other"],
                    transactions_other="Provider revalidation status look-up",
                    posc_screens=["Member Eligibility Search", "Eligibility Results",
                                  "Provider Revalidation Status"],
                    bot_names=["NVHH-Elig", "NVHH-Reval"], hosting="vendor_hosted",
                    rpa_tool_name="Automation Anywhere Automation 360",
                    rpa_tool_vendor="Automation Anywhere, Inc.", rpa_tool_version="A360.30",
                    screens_per_session=4, avg_weekly_transactions=375, est_monthly_transactions=1500,
                    operating_hours="Weekdays 7 PM to 10 PM", planned_go_live="2026-05-18")


@case("sp1_stage1_docx_tab_underscore_leader", "stage1", D_SP1, [6], "python-docx",
      "DOCX 'Label<TAB>value' paragraphs (Cambria) with ONE left tab stop at 3.6 in and an "
      "UNDERSCORE leader, so the label and value are joined by a drawn line; choices typed as "
      "their labels ('Vendor-Hosted', 'Member Eligibility Verification; Other DDE Activity'), "
      "attestation 'Yes'; lists one per line (w:br + tab); '1,500' with a separator; dates ISO "
      "'2026-02-27'; phone '+1 978 555 0107'.", ext="docx")
def _sp1(c: dict) -> None:
    docx_tab_form(out_path(c["name"], "docx"), "stage1",
                  Display("stage1", c["data"], date="iso", phone="intl", sep_int=True, list_sep="\n"))


D_SP2 = av_data("granite", sig="2026-03-09", rpa_user_ids=["RPAGH2201", "RPAGH2202"],
                stage2_approval_number="RPA2-2025-00210")


@case("sp2_annual_pdf_equals_mono", "annual_validation", D_SP2, [6], RL,
      "Printed 'Label = value' lines in DejaVu Sans Mono 9 (labels bold), CAPS section titles with "
      "no rule, choices as '(X) Yes   ( ) No'; dates '9 March 2026'; phone '207 555 0164'. Maine "
      "business partner (PID/SL and NPI printed with nothing after '=').")
def _sp2(c: dict) -> None:
    rl_lines(out_path(c["name"]), "annual_validation",
             Display("annual_validation", c["data"], date="dmy", phone="space", list_sep=", "),
             lfont="DejaVuSansMono-Bold", vfont="DejaVuSansMono", size=8.6, sep=" = ",
             heading="caps", choice="paren")


D_SP3 = mod_data("odc", sig="2026-11-02", stage2_approval_number="RPA2-2026-00058",
                 rpa_user_ids=["RPAOC0411"], modification_types=["other", "retire_bot"],
                 description="Retire bot ODC-Status-B; its RPA User ID RPAOC0411 is no longer needed. "
                             "Other: move the remaining bot's schedule to weekends.",
                 effective_date="2026-12-31")
for _k in ("new_screens_per_session", "added_transaction", "same_session"):
    D_SP3.pop(_k)


@case("sp3_modification_pdf_endash_carlito", "modification", D_SP3, [6], RL,
      "Printed 'Label \u2013 value' lines (en dash; Carlito, bold labels), numbered 'Part n.' "
      "headings; [X]/[ ] marks on one wrapped line; Retire Bot + Other; empty optional fields "
      "printed as 'Label \u2013' with nothing after. Dates '11/2/2026'.")
def _sp3(c: dict) -> None:
    rl_lines(out_path(c["name"]), "modification",
             Display("modification", c["data"], date="us_short", phone="paren"),
             lfont="Carlito-Bold", vfont="Carlito", size=10.5, sep=" \u2013 ", heading="numbered")


D_SP4 = s2g_data("nashoba", sig="2026-02-18", current_user_ids=["NVH0031", "NVH0032"], bot_count=2,
                 operational_since="2020-11-02", avg_weekly_transactions=640, screens_per_session=5,
                 transactions=["claim_submission", "eligibility_inquiry"], user_ids_requested=2,
                 testing_completed_date="2026-02-06")


@case("sp4_s2g_pdf_margin_labels_right_values", "stage2_grandfathered", D_SP4, [6, 13], RL,
      "Printed form with labels in the LEFT margin column and every value RIGHT-ALIGNED against the "
      "right margin (wide, variable gap; DejaVu Sans Condensed). CAPS section titles; choices as "
      "[X]/[ ] runs right-aligned; lists one per line right-aligned. Dates 'Nov. 2, 2020'.")
def _sp4(c: dict) -> None:
    rl_lines(out_path(c["name"]), "stage2_grandfathered",
             Display("stage2_grandfathered", c["data"], date="abbr", phone="paren", list_sep="\n"),
             lfont="DejaVuSansCondensed-Bold", vfont="DejaVuSansCondensed", size=9, sep="",
             right_values=True, heading="caps")


# ---- 7: web forms printed by Chromium
D_WB1 = stage2_data("pvhie", sig="2026-06-30", stage1_approval_number="RPA1-2026-00433",
                    transactions=["claim_status", "eligibility_inquiry"], user_ids_requested=1,
                    rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                    rpa_tool_version="2025.4.1", testing_completed_date="2026-06-22")


@case("wb1_stage2_web_floating_labels", "stage2", D_WB1, [7], CHR,
      "Web form (URW Gothic) with FLOATING labels: each field a rounded bordered box with a 7 pt "
      "label at its top and the value under it, two boxes per row inside <fieldset>/<legend> "
      "sections; choices as CSS boxes with a \u2714 glyph; footer with the code.")
def _wb1(c: dict) -> None:
    chromium_pdf(html_form("stage2", Display("stage2", c["data"], date="long", phone="paren"),
                           "floating"), out_path(c["name"]))


D_WB2 = av_data("lowell", sig="2026-05-28", street="55 Technology Drive, Building 2", rpa_user_ids=["RPAMV0501", "RPAMV0502", "RPAMV0503",
                "RPAMV0504"], stage2_approval_number="RPA2-2024-00112")


@case("wb2_annual_web_review_page", "annual_validation", D_WB2, [7, 13], CHR,
      "A portal's 'Step 4 of 4: Review and print' page printed by Chromium (C059 serif): a green "
      "bar, then per section an <h2> and a two-column <dl> grid (dt label | dd answer) with dotted "
      "rules; every choice typed as its text ('MassHealth Provider', 'Yes', 'No'); attestation "
      "'Yes'; RPA User ID(s) one per line; Street Address on two lines ('55 Technology Drive' / "
      "'Building 2', expected joined with ', '). Dates '05/28/2026'.")
def _wb2(c: dict) -> None:
    chromium_pdf(html_form("annual_validation", Display("annual_validation", c["data"], date="us",
                           phone="dash", street_print="55 Technology Drive\nBuilding 2"), "review"),
                 out_path(c["name"]))


D_WB3 = mod_data("nashoba", sig="2026-10-27", fein="04-318004", stage2_approval_number="RPA2-2025-00301",
                 rpa_user_ids=["RPANV0102"], effective_date="2027-01-04")


@case("wb3_modification_web_checks_bad_fein", "modification", D_WB3, [7, 11], CHR,
      "Web form as a ruled HTML table (P052 serif values, DejaVu Sans 8.5 pt labels, tan section "
      "headers), choices as bordered spans with \u2714. PROBLEM: FEIN typed '04-318004' (only 8 "
      "digits) is not NN-NNNNNNN.", problems=[("invalid", "fein")])
def _wb3(c: dict) -> None:
    chromium_pdf(html_form("modification", Display("modification", c["data"], date="abbr",
                           phone="dots"), "checks"), out_path(c["name"]))

# ---- 8: fillable AcroForm PDFs
D_AF1 = stage1_data("capeann", sig="2026-01-14", bot_count=1, bot_names=["CAPD-Elig"],
                    transactions=["eligibility_inquiry"], posc_screens=["Member Eligibility Search",
                    "Eligibility Results"], screens_per_session=3, avg_weekly_transactions=220,
                    est_monthly_transactions=880, hosting="cloud", rpa_tool_name="UiPath Studio Web",
                    rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2025.10",
                    operating_hours="Mon-Sat 5:30 AM - 7:00 AM", planned_go_live="2026-03-02")


def opaque_namer() -> Callable[[str, str | None], str]:
    n = {"Text": 0, "Check Box": 0, "Group": 0}

    def name(key: str, ch: str | None) -> str:
        kind = "Check Box" if ch is not None or key == "attest" else (
            "Group" if is_choice(key) else "Text")
        n[kind] += 1
        return f"{kind}{n[kind]}"
    return name


@case("af1_stage1_fill_opaque_tooltips", "stage1", D_AF1, [8], RLF,
      "Fillable Stage I with opaque names Text1.., Check Box1.., Group1.. (Acrobat style) whose "
      "/TU tooltips repeat the printed label; printed labels LEFT of each widget are right. "
      "Transaction checkboxes export /1; Organization Type and Bot Hosting RADIO groups export "
      "/Choice1 /Choice2 /Choice3; attestation exports /1. Values with /V and appearances.")
def _af1(c: dict) -> None:
    def exp(key: str, ch: str) -> str:
        if key in ("org_type", "hosting"):
            return "Choice" + str([k for k, _ in CHOICES[key]].index(ch) + 1)
        return "1"
    rl_fillable(out_path(c["name"]), "stage1", Display("stage1", c["data"], date="us"),
                opaque_namer(), tooltips=True, exports=exp, radio_keys={"org_type", "hosting"})


D_AF2 = s2g_data("regis", sig="2026-02-02", current_user_ids=["SRH7701", "SRH7702"], bot_count=2,
                 operational_since="2019-08-26", transactions=["claim_status", "claim_submission"],
                 user_ids_requested=2, rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                 rpa_tool_version="2023.10.6", avg_weekly_transactions=1800, screens_per_session=7)
TXN_CODES = {k: f"T{i}" for i, (k, _) in enumerate(CHOICES["transactions"], 1)}


@case("af2_s2g_fill_kebab_names_coded_exports", "stage2_grandfathered", D_AF2, [8], RLF,
      "Fillable grandfathered Stage II with meaningful kebab-case names (org-legal-name, "
      "bot-operational-since, txn-claim-status, doc-test-scenarios ..). Custom on-states: "
      "transactions /T1../T7 (order of SPEC 2.3), documents /AGR /SDD /TST, attestation /Attested; "
      "Organization Type radio /MHP /BP /RE; testing radio /Y /N.")
def _af2(c: dict) -> None:
    def name(key: str, ch: str | None) -> str:
        base = key.replace("_", "-").replace("org-", "org-").replace("operational-since", "bot-operational-since")
        return f"txn-{ch.replace('_', '-')}" if key == "transactions" and ch else (
            f"doc-{ch.replace('_', '-')}" if ch and key == "docs_enclosed" else base)

    def exp(key: str, ch: str) -> str:
        return {"transactions": lambda: TXN_CODES[ch],
                "docs_enclosed": lambda: {"rpa_agreement": "AGR", "systems_design": "SDD",
                                          "test_scenarios": "TST"}[ch],
                "org_type": lambda: {"provider": "MHP", "business_partner": "BP",
                                     "relationship_entity": "RE"}[ch],
                "attest": lambda: "Attested"}.get(key, lambda: "Y" if ch == "yes" else "N")()
    rl_fillable(out_path(c["name"]), "stage2_grandfathered",
                Display("stage2_grandfathered", c["data"], date="us"), name, exports=exp,
                radio_keys={"org_type"})


D_AF3 = drop(av_data("odc", sig="2026-09-15", rpa_user_ids=["RPAOC0410", "RPAOC0411"],
                     stage2_approval_number="RPA2-2026-00058"), "attest")


@case("af3_annual_fill_needappearances_unattested", "annual_validation", D_AF3, [8, 11, 13], RLF,
      "Fillable Annual Validation (names AV_OrgLegalName, AV_Fein ..) whose text fields have /V but "
      "NO appearance streams and /NeedAppearances true: a viewer draws them, the page text has no "
      "values. Yes/no radios export /Yes /No. PROBLEM: the attestation checkbox is left unticked "
      "(absent).", problems=[("not_attested", "attest")])
def _af3(c: dict) -> None:
    def name(key: str, ch: str | None) -> str:
        return "AV_" + "".join(p.capitalize() for p in key.split("_")) + (
            "_" + "".join(p.capitalize() for p in ch.split("_")) if ch else "")

    def exp(key: str, ch: str) -> str:
        return {"yes": "Yes", "no": "No"}.get(ch, "On")
    rl_fillable(out_path(c["name"]), "annual_validation",
                Display("annual_validation", c["data"], date="us", phone="paren"), name,
                exports=exp, need_appearances=True)


D_AF4 = {"org_legal_name": ORGS["granite"]["org_legal_name"], "signer_name": ORGS["granite"]["signer_name"],
         "signer_title": ORGS["granite"]["signer_title"], "signed": False}


@case("af4_agreement_fill_unsigned", "rpa_agreement", D_AF4, [8, 9, 11], RLF,
      "Fillable RPA Agreement (Helvetica): agreement text, then fields agr_org_name, agr_signature, "
      "agr_signer_name, agr_signer_title, agr_date. Name and title filled, Signature and Date Signed "
      "EMPTY: not signed.", problems=[("unsigned", "signed"), ("missing_required", "signature_date")])
def _af4(c: dict) -> None:
    from reportlab.lib.colors import Color
    f = Flow(out_path(c["name"]), "RPA-AGR  (fillable)", font="Helvetica")
    cv, m = f.c, f.m
    cv.setFont("Helvetica-Bold", 16)
    cv.drawString(m, f.y, TITLES["rpa_agreement"])
    f.y -= 26
    cv.setFont("Helvetica", 10)
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, "Helvetica", 10, f.w - 2 * m):
            cv.drawString(m, f.y, ln)
            f.y -= 13
        f.y -= 6
    f.y -= 10
    d = c["data"]
    for nm, lab, v in (("agr_org_name", "Organization Legal Name", d["org_legal_name"]),
                       ("agr_signature", "Signature", ""), ("agr_signer_name", "Authorized Signatory Name", d["signer_name"]),
                       ("agr_signer_title", "Authorized Signatory Title", d["signer_title"]),
                       ("agr_date", "Date Signed", "")):
        cv.setFont("Helvetica-Bold", 9.5)
        cv.drawString(m, f.y, lab)
        cv.acroForm.textfield(name=nm, x=m + 180, y=f.y - 5, width=f.w - 2 * m - 180, height=18,
                              value=v, fontName="Helvetica", fontSize=10, borderWidth=0.6,
                              borderColor=Color(0.3, 0.3, 0.3), fillColor=Color(0.95, 0.95, 1),
                              forceBorder=True)
        f.y -= 30
    f.save()

# ---- 13: new shapes
D_XL1 = stage1_data("pvhie", sig="2026-04-08", bot_count=2, bot_names=["PVHIE-RA-1", "PVHIE-RA-2"],
                    transactions=["remittance_advice"], posc_screens=["Remittance Advice Search",
                    "RA Download"], screens_per_session=2, avg_weekly_transactions=60,
                    est_monthly_transactions=240, hosting="on_premises", rpa_tool_name="Microsoft Power Automate",
                    rpa_tool_vendor="Microsoft Corporation", rpa_tool_version="Cloud flows + PAD 2.50",
                    operating_hours="Sundays 02:00-04:00", planned_go_live="2026-06-07")


@case("xl1_stage1_spreadsheet_gridlines", "stage1", D_XL1, [13], XL,
      "A Stage I RE-TYPED IN A SPREADSHEET and exported to PDF by LibreOffice Calc: printed grid "
      "lines, labels in column A, answers in column B (merged over C); choice groups as one row per "
      "option with 'X' in column B and the option text in column C; numbers as numeric cells; "
      "footer 'RPA-S1  Page 1 of n'. Dates '4/8/2026'.")
def _xl1(c: dict) -> None:
    xlsx_to_pdf(sheet_form("stage1", Display("stage1", c["data"], date="us_short", phone="paren",
                                             list_sep="\n")), out_path(c["name"]))


P_XL2 = [("claim_status", [True, True, True]), ("claim_submission", [True, False]),
         ("claim_adjustment", [False])]


@case("xl2_test_scenarios_spreadsheet", "test_scenarios", ts_fields(P_XL2), [9, 13], XL,
      "Test Scenarios kept in a spreadsheet (bold header row, grid lines, wrapped text) printed to "
      "PDF by LibreOffice Calc, landscape. The single Claim Adjustment/Void scenario fails "
      "(pass count 0).", extra={"form_version": None})
def _xl2(c: dict) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    wb = Workbook()
    ws = wb.active
    ws.append(["MassHealth RPA Test Scenarios \u2013 O'Donnell & Castillo Billing Partners, LLC"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(TS_COLS)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for r in scenarios("OCB", P_XL2):
        ws.append(r)
    for col, w in zip("ABCDEF", (11, 26, 34, 30, 30, 9)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in range(4, ws.max_row + 1):
        ws.row_dimensions[r].height = 30
    ws.page_setup.orientation = "landscape"
    ws.print_options.gridLines = True
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    xlsx_to_pdf(wb, out_path(c["name"]))


D_TB1 = s2g_data("capeann", sig="2026-03-19", current_user_ids=["CAPD0007"], bot_count=1,
                 operational_since="2021-09-13", transactions=["eligibility_inquiry"],
                 user_ids_requested=1, screens_per_session=3, avg_weekly_transactions=210,
                 rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2021.10.5",
                 testing_completed_date="2026-03-11")


@case("tb1_s2g_docx_values_in_textboxes", "stage2_grandfathered", D_TB1, [13], DOCX,
      "DOCX (Georgia) where each label is a small bold paragraph and its value is typed INSIDE an "
      "inline VML text box (w:pict/v:shape/v:textbox/w:txbxContent) under it, so the values are not "
      "in the body paragraphs; choices as \u2612/\u2610 lines inside the boxes.", ext="docx")
def _tb1(c: dict) -> None:
    docx_textbox_form(out_path(c["name"], "docx"), "stage2_grandfathered",
                      Display("stage2_grandfathered", c["data"], date="long", phone="dash"))


D_RT1 = mod_data("pvhie", sig="2026-08-25", stage2_approval_number="RPA2-2025-00166",
                 rpa_user_ids=["RPAPV0031", "RPAPV0032", "RPAPV0033"],
                 modification_types=["increase_screens"], new_screens_per_session=12,
                 description="Increase the maximum POSC screens per session from 8 to 12 so the bot can "
                             "page through long remittance lists.", effective_date="2026-12-07")
for _k in ("added_transaction", "same_session"):
    D_RT1.pop(_k)


@case("rt1_modification_rotate90_landscape", "modification", D_RT1, [6, 13], RL + " + pypdf",
      "LANDSCAPE form stored as portrait pages with /Rotate 90 (content drawn turned 90\u00b0 "
      "counter-clockwise; a viewer shows it upright). Values in a column at 330 pt (wide gap), "
      "band headings, \u2612/\u2610 marks; two pages.")
def _rt1(c: dict) -> None:
    raw = WORK / "rt1_raw.pdf"
    rl_lines(raw, "modification", Display("modification", c["data"], date="dash", phone="dots"),
             lfont="DejaVuSans-Bold", vfont="DejaVuSans", size=9.5, sep="", value_x=330,
             landscape=True, heading="band", choice="glyph")
    rotate_pages_90(raw, out_path(c["name"]))


def caps(d: dict[str, Any]) -> dict[str, Any]:
    free = {"org_legal_name", "org_dba", "street", "city", "contact_name", "contact_title",
            "signer_name", "signer_title", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"}
    return {k: (v.upper() if k in free else v) for k, v in d.items()}


D_CAP1 = caps(stage2_data("odc", sig="2026-07-09", stage1_approval_number="RPA1-2026-00377",
                          transactions=["claim_adjustment", "claim_status"], user_ids_requested=2,
                          rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism",
                          rpa_tool_version="7.3", testing_completed_date="2026-06-26"))
ABBREV = {"eligibility_inquiry": "Eligibility", "claim_submission": "Claim Submission",
          "claim_status": "Claim Status", "claim_adjustment": "Adjust/Void",
          "prior_authorization": "Prior Authorization", "remittance_advice": "Remittance Advice",
          "other": "Other", "rpa_agreement": "RPA Agreement", "systems_design": "Systems Design",
          "test_scenarios": "Test Scenarios", "provider": "Provider",
          "business_partner": "Business Partner", "relationship_entity": "Relationship Entity"}


@case("cap1_stage2_caps_mixed_fonts_brackets", "stage2", D_CAP1, [6, 13], RL,
      "Re-typed printed Stage II: labels 'Label:' in DejaVu Sans Bold, values in Liberation Mono "
      "(a different font) and in ALL CAPS (e-mail excepted); choices as text '[X] Claim Status   "
      "[ ] Prior Authorization' with SHORTENED option names (Eligibility, Adjust/Void, Systems "
      "Design ..). Expected text values are the capitals as printed.")
def _cap1(c: dict) -> None:
    rl_lines(out_path(c["name"]), "stage2",
             Display("stage2", c["data"], date="us", phone="paren", caps=True, abbrev=ABBREV),
             lfont="DejaVuSans-Bold", vfont="LiberationMono", size=9, heading="caps")


D_PG2 = stage1_data("lowell", sig="2026-05-05", npi=bad_npi("165027398"), bot_count=3,
                    bot_names=["MVB-PA-1", "MVB-PA-2", "MVB-PA-3"],
                    transactions=["claim_status", "eligibility_inquiry", "prior_authorization"],
                    posc_screens=["Member Eligibility Search", "Eligibility Results", "PA Request Entry",
                                  "PA Summary", "Claim Status Search", "Claim Status Results"],
                    screens_per_session=8, avg_weekly_transactions=2400, est_monthly_transactions=9600,
                    rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                    rpa_tool_version="2024.10.6", hosting="cloud", planned_go_live="2026-07-13",
                    operating_hours="24x7 with a Sunday 2-6 AM pause")


@case("pg2_stage1_two_pages_continued_bad_npi", "stage1", D_PG2, [6, 11, 13], RL,
      "Two-page printed Stage I (DejaVu Serif 11, roomy lines): 'POSC Transactions and Volume' "
      "starts on page 1 and CONTINUES on page 2 under a repeated '... (continued)' band; footer "
      "'Form RPA-S1 (Rev. 10/2026)' and 'Page n' on each page; lists one per line. PROBLEM: the NPI "
      "fails the 80840 Luhn check.", problems=[("invalid", "npi")])
def _pg2(c: dict) -> None:
    rl_lines(out_path(c["name"]), "stage1", Display("stage1", c["data"], date="long", phone="dash",
             list_sep="\n", sep_int=True), size=11, lead=1.75, heading="band", choice="glyph")

D_LO1 = av_data("capeann", sig="2026-04-30", rpa_user_ids=["RPACA0311", "RPACA0312"],
                stage2_approval_number="RPA2-2025-00187", validation_year=2026)


@case("lo1_annual_lo_written_docx", "annual_validation", D_LO1, [13], LOD,
      "A DOCX written by LibreOffice, not Word (HTML opened in Writer and saved with the 'MS Word "
      "2007 XML' filter): LibreOffice's own styles, one bordered two-column table per section "
      "(label | value), choices as \u2612/\u2610 lines inside the cell. Form code only in the last "
      "paragraph ('Form RPA-AV (Rev. 10/2026)'). Dates 'Apr. 30, 2026'.", ext="docx")
def _lo1(c: dict) -> None:
    lo_docx_from_html(html_form("annual_validation", Display("annual_validation", c["data"],
                      date="abbr", phone="dots"), "lo"), out_path(c["name"], "docx"))


D_LO2 = stage2_data("nashoba", sig="2026-09-24", stage1_approval_number="RPA1-2026-00468",
                    transactions=["other", "prior_authorization"], user_ids_requested=2,
                    rpa_tool_name="Automation Anywhere Automation 360",
                    rpa_tool_vendor="Automation Anywhere, Inc.", rpa_tool_version="A360.31",
                    testing_completed_date="2026-09-15")


@case("lo2_stage2_lo_written_docx", "stage2", D_LO2, [13], LOD,
      "Second LibreOffice-written DOCX (Carlito): label | value tables per section, \u2612/\u2610 "
      "choice lines, '+1 978 555 0107' phone, dates '9/24/2026'. Transactions Prior Authorization "
      "Request and Other DDE Activity.", ext="docx")
def _lo2(c: dict) -> None:
    lo_docx_from_html(html_form("stage2", Display("stage2", c["data"], date="us_short", phone="intl"),
                                "lo"), out_path(c["name"], "docx"))


D_LOGO1 = mod_data("granite", sig="2026-10-08", stage2_approval_number="RPA2-2025-00233",
                   rpa_user_ids=["RPAGH2201", "RPAGH2202"], added_transaction="remittance_advice",
                   modification_types=["add_sequential_transaction"],
                   description="After posting each claim status, the same session downloads the "
                               "remittance advice for paid claims.", effective_date="2026-12-01")
D_LOGO1.pop("new_screens_per_session")


@case("logo1_modification_docx_logo_header_table", "modification", D_LOGO1, [13], "python-docx",
      "DOCX (Trebuchet MS) with a LOGO image and a three-cell HEADER TABLE in the page header "
      "(logo | title | 'Form RPA-MOD'), the form code also in the footer; body a label | value "
      "table with shaded section rows; choices one per line with \u2612/\u2610 in the value cell.",
      ext="docx")
def _logo1(c: dict) -> None:
    import docx
    from docx.shared import Inches, Pt
    disp = Display("modification", c["data"], date="long", phone="paren")
    d = docx.Document()
    d.styles["Normal"].font.name = "Trebuchet MS"
    d.styles["Normal"].font.size = Pt(9.5)
    sec = d.sections[0]
    ht = sec.header.add_table(1, 3, Inches(6.5))
    ht.style = "Table Grid"
    logo = logo_png(WORK / "logo_granite.png", "Granite & Hale", 7)
    ht.cell(0, 0).paragraphs[0].add_run().add_picture(str(logo), width=Inches(1.9))
    r = ht.cell(0, 1).paragraphs[0].add_run(TITLES["modification"])
    r.bold, r.font.size = True, Pt(12)
    ht.cell(0, 2).paragraphs[0].add_run("Form RPA-MOD\nRev. 10/2026").font.size = Pt(8)
    sec.footer.paragraphs[0].text = "RPA-MOD \u2013 Granite & Hale internal copy"
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for title, keys in SECTIONS["modification"]:
        row = t.add_row().cells
        m = row[0].merge(row[1])
        m.text = title
        m.paragraphs[0].runs[0].bold = True
        m._tc.get_or_add_tcPr().append(x('<w:shd <NS> w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))
        for key in keys:
            row = t.add_row().cells
            row[0].text = LABELS["attest"] if key == "attest" else label("modification", key)
            if is_choice(key):
                row[1].text = "\n".join((BOX_ON if tk else BOX_OFF) + " " + l for l, tk in disp.items(key))
            elif key in LISTS:
                row[1].text = "\n".join(disp.lines(key))
            else:
                row[1].text = disp.text(key)
    docx_save(d, out_path(c["name"], "docx"))


D_LOGO2 = stage1_data("granite", sig="2027-01-15", bot_count=1, bot_names=["GH-ClaimBot"],
                      transactions=["claim_status", "claim_submission"],
                      posc_screens=["DDE Professional Claim", "Claim Confirmation", "Claim Status Search"],
                      screens_per_session=5, avg_weekly_transactions=700, est_monthly_transactions=2800,
                      hosting="vendor_hosted", rpa_tool_name="Blue Prism Cloud",
                      rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.2",
                      operating_hours="Weeknights 9 PM - 1 AM", planned_go_live="2027-03-01")


@case("logo2_stage1_pdf_logo_header_future_date", "stage1", D_LOGO2, [6, 11, 13], RL,
      "Printed Stage I with an organization LOGO (raster) and a HEADER TABLE (logo | title box | "
      "'Form code RPA-S1' box), then 'Label: value' lines under band headings (Carlito). Maine "
      "business partner. PROBLEM: Date Signed 'January 15, 2027' is in the future.",
      problems=[("future_date", "signature_date")])
def _logo2(c: dict) -> None:
    logo = logo_png(WORK / "logo_granite2.png", "Granite & Hale", 11)
    rl_lines(out_path(c["name"]), "stage1", Display("stage1", c["data"], date="long", phone="dots"),
             lfont="Carlito-Bold", vfont="Carlito", size=10, heading="band", logo=logo,
             footer="RPA-S1 | submitted by Granite & Hale Revenue Solutions Corp.")


# ---- 9: supporting documents
SD1 = ["claim_status", "eligibility_inquiry", "prior_authorization"]


@case("sd1_systems_design_docx_step_tables", "systems_design", {"transactions": SD1}, [9], "python-docx",
      "Systems Design DOCX (Segoe UI): Title style heading, an overview naming the three "
      "transactions, then per transaction a Heading 1 and a 'Light Grid Accent 1' Step | Actor | "
      "Action table. Goes with pg2.", ext="docx", extra={"form_version": None})
def _sd1(c: dict) -> None:
    docx_systems_design(out_path(c["name"], "docx"), ORGS["lowell"]["org_legal_name"],
                        ["eligibility_inquiry", "prior_authorization", "claim_status"])


SD2 = ["claim_adjustment", "claim_status"]


@case("sd2_systems_design_pdf_flowchart", "systems_design", {"transactions": SD2}, [9], RL,
      "Systems Design PDF (Carlito) titled 'Systems Design Documentation \u2013 RPA Bot Process "
      "Flows': overview prose, then per transaction a vertical flow chart of rounded step boxes "
      "joined by arrows. Goes with lg2 / cap1.", extra={"form_version": None})
def _sd2(c: dict) -> None:
    rl_systems_design(out_path(c["name"]), ORGS["odc"]["org_legal_name"], ["claim_status", "claim_adjustment"])


P_SC1 = [("other", [True]), ("prior_authorization", [True, False, True])]


@case("sc1_test_scenarios_lo_written_docx", "test_scenarios", ts_fields(P_SC1), [9, 13], LOD,
      "Test Scenarios as a LibreOffice-written DOCX (HTML table saved by Writer as Word 2007 XML): "
      "title, one sentence, the six-column table; one Prior Authorization Request scenario "
      "fails. Goes with lo2.", ext="docx", extra={"form_version": None})
def _sc1(c: dict) -> None:
    lo_docx_from_html(ts_html("MassHealth RPA Test Scenarios", ORGS["nashoba"]["org_legal_name"],
                              scenarios("NV", P_SC1), "lo"), out_path(c["name"], "docx"))


P_SC2 = [("claim_status", [True, True]), ("eligibility_inquiry", [True, False, True])]


@case("sc2_test_scenarios_web_landscape", "test_scenarios", ts_fields(P_SC2), [7, 9], CHR,
      "Test Scenarios web page printed by Chromium (landscape, Nimbus Sans Narrow), dark header "
      "row, Pass in green / Fail in bold red, rules only between rows. Goes with wb1.",
      extra={"form_version": None})
def _sc2(c: dict) -> None:
    chromium_pdf(ts_html("Test Scenarios \u2013 RPA bot PVHIE-Status", ORGS["pvhie"]["org_legal_name"],
                         scenarios("PV-TS", P_SC2), "web"), out_path(c["name"]), landscape=True)


D_AG1 = {"org_legal_name": ORGS["regis"]["org_legal_name"], "signer_name": ORGS["regis"]["signer_name"],
         "signer_title": ORGS["regis"]["signer_title"], "signature_date": "2026-03-03", "signed": True}


@case("ag1_agreement_pdf_signed_italic", "rpa_agreement", D_AG1, [9], RL,
      "Printed RPA Agreement (DejaVu Serif): the values typed over rules right of bold 'Label:' "
      "texts; Signature typed '/s/ Henri Beaumont' in italic; Date Signed 'March 3, 2026'. Signed. "
      "Goes with bx1.")
def _ag1(c: dict) -> None:
    rl_agreement(out_path(c["name"]), c["data"], "long", "/s/ Henri Beaumont")


D_AG2 = {"org_legal_name": ORGS["capeann"]["org_legal_name"], "signer_name": ORGS["capeann"]["signer_name"],
         "signer_title": ORGS["capeann"]["signer_title"], "signed": False}


@case("ag2_agreement_docx_unsigned", "rpa_agreement", D_AG2, [9, 11], "python-docx",
      "RPA Agreement DOCX (Garamond) with a label | value table: organization, signer name and "
      "title typed; Signature and Date Signed cells EMPTY. Not signed.", ext="docx",
      problems=[("unsigned", "signed"), ("missing_required", "signature_date")])
def _ag2(c: dict) -> None:
    docx_agreement(out_path(c["name"], "docx"), c["data"], cc=False)


# ---- 12: completely blank forms
def blank_problems(ft: str) -> list[tuple[str, str]]:
    keys = [k for _, ks in SECTIONS[ft] for k in ks]
    return [("not_attested" if k == "attest" else "missing_required", k) for k in keys
            if k in REQUIRED or k == "attest"]


@case("bl1_stage1_blank_web", "stage1", {}, [7, 12], CHR,
      "Completely blank Stage I web form (floating-label boxes, empty CSS check boxes) printed by "
      "Chromium.", problems=blank_problems("stage1"))
def _bl1(c: dict) -> None:
    chromium_pdf(html_form("stage1", Display("stage1", {}), "floating", blank=True), out_path(c["name"]))


@case("bl2_s2g_blank_legacy", "stage2_grandfathered", {}, [5, 12], DOCX,
      "Completely blank protected legacy-field grandfathered Stage II (numbered table): every "
      "FORMTEXT the five-en-space default, no FORMCHECKBOX ticked, dropdowns on the blank entry.",
      problems=blank_problems("stage2_grandfathered"), ext="docx")
def _bl2(c: dict) -> None:
    docx_legacy_form(out_path(c["name"], "docx"), "stage2_grandfathered",
                     Display("stage2_grandfathered", {}), blank=True, font="Tahoma")


# ---- 10: scans (same true values as the digital source)
SCANS = [("sn1_stage1_scan_180dpi", "bx1_stage1_boxed_condensed_asterisk", 180, 0.9, 60),
         ("sn2_stage2_scan_150dpi", "cap1_stage2_caps_mixed_fonts_brackets", 150, -1.3, 55),
         ("sn3_s2g_scan_200dpi", "sp4_s2g_pdf_margin_labels_right_values", 200, 0.4, 62),
         ("sn4_modification_scan_170dpi", "sp3_modification_pdf_endash_carlito", 170, -0.6, 50),
         ("sn5_annual_scan_160dpi", "sp2_annual_pdf_equals_mono", 160, 1.1, 58),
         ("sn6_agreement_scan_190dpi", "ag1_agreement_pdf_signed_italic", 190, -0.35, 65),
         ("sn7_test_scenarios_scan_175dpi", "sc2_test_scenarios_web_landscape", 175, 0.75, 52),
         ("sn8_systems_design_scan_150dpi", "sd2_systems_design_pdf_flowchart", 150, -1.0, 57)]


def _make_scan_case(name: str, src: str, dpi: int, angle: float, q: int, seed: int) -> None:
    s = CASES[src]
    extra = dict(s["extra"])

    @case(name, s["ft"], copy.deepcopy(s["data"]), [10], "pdftoppm -gray + Pillow (rotate, blur, "
          "noise, specks, JPEG) -> Pillow PDF",
          f"Image-only scan of {src}.pdf: {dpi} dpi greyscale, rotated {angle:+.2f} deg, Gaussian "
          f"blur, noise, dust specks, JPEG q{q}. Same true values as the source.", scan=True,
          problems=list(s["problems"]), extra=extra)
    def _scan(c: dict) -> None:
        scan(out_path(src), out_path(name), dpi, angle, q, seed)


for _i, _s in enumerate(SCANS):
    _make_scan_case(*_s, seed=700 + _i)


# ================================================================= main
def main(argv: list[str]) -> int:
    rl_setup()
    wanted = argv or list(CASES)
    if not argv:
        for p in HERE.iterdir():
            if p.suffix in (".pdf", ".docx") or p.name.endswith(".expected.json"):
                p.unlink()
    for name in wanted:
        c = CASES[name]
        random.seed(name)
        c["fn"](c)
        write_expected(c)
        print("wrote", name, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
