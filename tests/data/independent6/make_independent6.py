#!/usr/bin/env python3
"""Sixth independent (blind) sample set for rpa-intake.

Drawn only from /work/shared/SPEC.md (section 2 titles, codes, labels, keys; section 5 normalized
values). No project module is imported and no project code was read. Every document and its
``<case>.expected.json`` are written next to this script; scratch files go to ../_work6/.

Tools: reportlab, pypdf, python-docx, lxml, Pillow, numpy (project venv), LibreOffice
``soffice`` (DOCX -> PDF), headless ``chromium`` (HTML -> PDF), poppler ``pdftoppm`` (scans).

    /work/main/.venv/bin/python tests/data/independent6/make_independent6.py
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = HERE.parent / "_work6"
TODAY = dt.date(2026, 12, 2)

# --------------------------------------------------------------------------------------------
# SPEC section 2: titles, codes, choice lists, fields
# --------------------------------------------------------------------------------------------

TITLE = {
    "stage1": "MassHealth RPA Stage I Registration Form",
    "stage2": "MassHealth RPA Stage II Registration Form",
    "stage2_grandfathered": "MassHealth RPA Stage II Registration Form \u2013 Grandfathered Entities",
    "modification": "MassHealth RPA Modification Request Form",
    "annual_validation": "MassHealth RPA Annual Validation",
    "rpa_agreement": "MassHealth RPA Agreement",
}
CODE = {
    "stage1": "RPA-S1", "stage2": "RPA-S2", "stage2_grandfathered": "RPA-S2G",
    "modification": "RPA-MOD", "annual_validation": "RPA-AV", "rpa_agreement": "RPA-AGR",
}
ORG_TYPE = [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
            ("relationship_entity", "Relationship Entity")]
HOSTING = [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")]
TXNS = [("eligibility_inquiry", "Member Eligibility Verification"),
        ("claim_submission", "Claim Submission (DDE)"),
        ("claim_status", "Claim Status Inquiry"),
        ("claim_adjustment", "Claim Adjustment/Void"),
        ("prior_authorization", "Prior Authorization Request"),
        ("remittance_advice", "Remittance Advice Download"),
        ("other", "Other DDE Activity")]
TXN_LABEL = dict(TXNS)
MODS = [("replace_tool", "Replace RPA Tool"),
        ("increase_screens", "Increase POSC Screens per Session"),
        ("decrease_screens", "Decrease POSC Screens per Session"),
        ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
        ("retire_bot", "Retire Bot"), ("other", "Other")]
DOCS = [("rpa_agreement", "MassHealth RPA Agreement"),
        ("systems_design", "Systems Design Documentation"),
        ("test_scenarios", "Test Scenarios")]
YESNO = [(True, "Yes"), (False, "No")]
OPTIONS = {"org_type": ORG_TYPE, "hosting": HOSTING, "transactions": TXNS,
           "added_transaction": TXNS, "modification_types": MODS, "docs_enclosed": DOCS}
ATTEST_LABEL = "I attest that the information on this form is true and complete"

# key -> (label, kind, required).  kinds: text long int date phone list choice set yesno check
FIELDS: dict[str, tuple[str, str, bool]] = {
    "org_legal_name": ("Organization Legal Name", "text", True),
    "org_dba": ("Doing Business As (DBA)", "text", False),
    "org_type": ("Organization Type", "choice", True),
    "provider_id": ("MassHealth Provider ID/Service Location (PID/SL)", "text", False),
    "npi": ("National Provider Identifier (NPI)", "text", False),
    "fein": ("Federal Employer Identification Number (FEIN)", "text", True),
    "street": ("Street Address", "text", True),
    "city": ("City", "text", True),
    "state": ("State", "text", True),
    "zip": ("ZIP Code", "text", True),
    "contact_name": ("Primary Contact Name", "text", True),
    "contact_title": ("Primary Contact Title", "text", False),
    "contact_email": ("Primary Contact Email", "text", True),
    "contact_phone": ("Primary Contact Telephone", "phone", True),
    "attest": (ATTEST_LABEL, "check", True),
    "signer_name": ("Authorized Signatory Name", "text", True),
    "signer_title": ("Authorized Signatory Title", "text", True),
    "signature_date": ("Date Signed", "date", True),
    "rpa_tool_name": ("RPA Tool (Product Name)", "text", True),
    "rpa_tool_vendor": ("RPA Tool Vendor", "text", True),
    "rpa_tool_version": ("RPA Tool Version", "text", False),
    "bot_count": ("Number of Bots Requested", "int", True),
    "bot_names": ("Bot Name(s)", "list", False),
    "hosting": ("Bot Hosting", "choice", False),
    "transactions": ("POSC Transactions Requested", "set", True),
    "transactions_other": ("If Other, describe", "text", False),
    "posc_screens": ("POSC Screens Accessed", "list", True),
    "screens_per_session": ("Maximum POSC Screens per Bot Session", "int", True),
    "avg_weekly_transactions": ("Average Number of Transactions per Week", "int", True),
    "est_monthly_transactions": ("Estimated Transactions per Month", "int", False),
    "operating_hours": ("Bot Operating Hours", "text", False),
    "planned_go_live": ("Planned Production Date", "date", False),
    "stage1_approval_number": ("Stage I Approval Number", "text", True),
    "testing_completed": ("Testing completed in the MassHealth Trading Partner Testing Environment",
                          "yesno", True),
    "testing_completed_date": ("Testing Completion Date", "date", False),
    "user_ids_requested": ("Number of RPA User IDs Requested", "int", True),
    "docs_enclosed": ("Supporting Documentation Enclosed", "set", False),
    "operational_since": ("Date Bot Became Operational on the POSC", "date", True),
    "current_user_ids": ("POSC User ID(s) Currently Used by the Bot", "list", True),
    "stage2_approval_number": ("Stage II Approval Number", "text", True),
    "rpa_user_ids": ("RPA User ID(s) Affected", "list", True),
    "modification_types": ("Type of Modification", "set", True),
    "new_rpa_tool_name": ("New RPA Tool (Product Name)", "text", False),
    "new_rpa_tool_vendor": ("New RPA Tool Vendor", "text", False),
    "new_screens_per_session": ("New Maximum POSC Screens per Session", "int", False),
    "added_transaction": ("Transaction to Add", "choice", False),
    "same_session": ("Will the added transaction run in the same bot session?", "yesno", False),
    "description": ("Description of Modification", "long", True),
    "effective_date": ("Requested Effective Date", "date", False),
    "validation_year": ("Validation Year", "int", True),
    "info_current": ("The RPA information on file with MassHealth is current and accurate",
                     "yesno", True),
    "unapproved_changes": ("Has the bot been modified without MassHealth approval since the last "
                           "validation?", "yesno", False),
}
# per form type label differences (SPEC: Stage II says "POSC Transactions"; annual "RPA User ID(s)")
LABEL_OVERRIDE = {
    "stage2": {"transactions": "POSC Transactions"},
    "stage2_grandfathered": {"transactions": "POSC Transactions"},
    "annual_validation": {"rpa_user_ids": "RPA User ID(s)"},
}

ORG_SECTIONS = [
    ("ORGANIZATION INFORMATION", "Organization",
     ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein"]),
    ("ADDRESS", "Address", ["street", "city", "state", "zip"]),
    ("PRIMARY CONTACT", "Primary Contact",
     ["contact_name", "contact_title", "contact_email", "contact_phone"]),
]
ATTEST_SECTION = ("ATTESTATION AND SIGNATURE", "Attestation and Signature",
                  ["attest", "signer_name", "signer_title", "signature_date"])
TOOL_SECTION = ("RPA TOOL", "RPA Tool", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"])
TESTING_SECTIONS = [
    ("TRANSACTIONS AND TESTING", "Transactions and Testing",
     ["transactions", "testing_completed", "testing_completed_date"]),
    ("RPA USER IDS", "RPA User IDs", ["user_ids_requested"]),
    ("SUPPORTING DOCUMENTATION", "Supporting Documentation", ["docs_enclosed"]),
]
SECTIONS: dict[str, list[tuple[str, str, list[str]]]] = {
    "stage1": ORG_SECTIONS + [
        TOOL_SECTION,
        ("BOT DETAILS", "Bot Details", ["bot_count", "bot_names", "hosting", "operating_hours"]),
        ("POSC TRANSACTIONS AND SCREENS", "POSC Transactions and Screens",
         ["transactions", "transactions_other", "posc_screens", "screens_per_session"]),
        ("TRANSACTION VOLUME", "Transaction Volume",
         ["avg_weekly_transactions", "est_monthly_transactions", "planned_go_live"]),
        ATTEST_SECTION],
    "stage2": ORG_SECTIONS + [
        ("STAGE I REFERENCE", "Stage I Reference", ["stage1_approval_number"]),
        TOOL_SECTION] + TESTING_SECTIONS + [ATTEST_SECTION],
    "stage2_grandfathered": ORG_SECTIONS + [
        ("CURRENT BOT OPERATION", "Current Bot Operation",
         ["operational_since", "current_user_ids", "bot_count", "screens_per_session",
          "avg_weekly_transactions"]),
        TOOL_SECTION] + TESTING_SECTIONS + [ATTEST_SECTION],
    "modification": ORG_SECTIONS + [
        ("APPROVED REGISTRATION", "Approved Registration",
         ["stage2_approval_number", "rpa_user_ids"]),
        ("REQUESTED MODIFICATION", "Requested Modification",
         ["modification_types", "new_rpa_tool_name", "new_rpa_tool_vendor",
          "new_screens_per_session", "added_transaction", "same_session", "description",
          "effective_date"]),
        ATTEST_SECTION],
    "annual_validation": ORG_SECTIONS + [
        ("REGISTRATION ON FILE", "Registration on File",
         ["stage2_approval_number", "rpa_user_ids", "validation_year"]),
        ("VALIDATION", "Validation", ["info_current", "unapproved_changes"]),
        ATTEST_SECTION],
}
REQUIRED_EXTRA = {  # required for the form type beyond FIELDS' flag (SPEC 2.4-2.8)
    "stage2": ["transactions"],
    "stage2_grandfathered": ["transactions"],
}


def label_of(ftype: str, key: str) -> str:
    return LABEL_OVERRIDE.get(ftype, {}).get(key, FIELDS[key][0])


def kind_of(key: str) -> str:
    return FIELDS[key][1]


def is_required(ftype: str, key: str) -> bool:
    if key in ("provider_id", "npi"):
        return False
    if key == "transactions":
        return True
    return FIELDS[key][2]


def sections_of(ftype: str, move_last: list[str] | None = None) -> list[tuple[str, str, list[str]]]:
    out = []
    for caps, title, keys in SECTIONS[ftype]:
        keys = list(keys)
        for k in move_last or []:
            if k in keys:
                keys.remove(k)
                keys.append(k)
        out.append((caps, title, keys))
    return out


# --------------------------------------------------------------------------------------------
# identifiers
# --------------------------------------------------------------------------------------------

def luhn_check_digit(payload: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def npi(base9: str) -> str:
    return base9 + str(luhn_check_digit("80840" + base9))


def npi_ok(n: str) -> bool:
    if len(n) != 10 or not n.isdigit():
        return False
    return luhn_check_digit("80840" + n[:9]) == int(n[9])


# --------------------------------------------------------------------------------------------
# organizations (fictional)
# --------------------------------------------------------------------------------------------

ORGS: dict[str, dict[str, Any]] = {
    "merrimack": dict(org_legal_name="Merrimack Valley Pediatric Associates, P.C.",
                      org_dba="MV Peds", org_type="provider", provider_id="110045871C",
                      npi=npi("163829104"), fein="04-3318760", street="1 Industrial Avenue East, Suite 210",
                      city="Lowell", state="MA", zip="01852", contact_name="Theresa Nguyen-Boyle",
                      contact_title="Billing Office Supervisor", contact_email="tnguyenboyle@mvpeds.org",
                      contact_phone="978-555-0134", signer_name="Dr. Alan Kessler",
                      signer_title="Managing Physician"),
    "harborline": dict(org_legal_name="Harborline Claims Automation LLC", org_type="business_partner",
                       fein="83-1927460", street="100 Hancock Street, 7th Floor", city="Quincy",
                       state="MA", zip="02171", contact_name="Marcus Oyelaran",
                       contact_title="Director of Automation", contact_email="m.oyelaran@harborline-ca.com",
                       contact_phone="617-555-0187", signer_name="Janet Pellegrini",
                       signer_title="Chief Operating Officer"),
    "berkshire": dict(org_legal_name="Berkshire Rural Health Billing Cooperative, Inc.",
                      org_dba="BRHBC", org_type="relationship_entity", fein="04-2219835",
                      street="75 North Street", city="Pittsfield", state="MA", zip="01201-5118",
                      contact_name="Colleen Fitzgerald", contact_title="Systems Coordinator",
                      contact_email="cfitzgerald@brhbc.coop", contact_phone="413-555-0159",
                      signer_name="Walter Brandt", signer_title="Executive Director"),
    "capeann": dict(org_legal_name="Cape Ann Home Health Services, Inc.", org_type="provider",
                    provider_id="110067243A", npi=npi("147206395"), fein="04-2876104",
                    street="22 Pleasant Street", city="Gloucester", state="MA", zip="01930",
                    contact_name="Rebecca Amaral", contact_title="Reimbursement Manager",
                    contact_email="ramaral@capeannhomehealth.org", contact_phone="978-555-0122",
                    signer_name="Stephen Lowry", signer_title="President and CEO"),
    "nutmeg": dict(org_legal_name="Nutmeg RevCycle Partners, LLC", org_type="business_partner",
                   fein="06-1583920", street="280 Trumbull Street", city="Hartford", state="CT",
                   zip="06103", contact_name="Priya Raghunathan", contact_title="RPA Program Lead",
                   contact_email="priya.r@nutmegrevcycle.com", contact_phone="860-555-0141",
                   signer_name="Douglas Whitcomb", signer_title="Managing Partner"),
    "southshore": dict(org_legal_name="South Shore Community Dental Group, P.C.",
                       org_dba="SSCDG", org_type="provider", provider_id="110089512D",
                       npi=npi("152940736"), fein="04-3561207", street="480 Belmont Street",
                       city="Brockton", state="MA", zip="02301", contact_name="Luisa Cardoso",
                       contact_title="Office Manager", contact_email="lcardoso@sscdg.com",
                       contact_phone="508-555-0176", signer_name="Dr. Kevin O'Hara, DMD",
                       signer_title="Owner Dentist"),
    "worcester": dict(org_legal_name="Worcester Behavioral Wellness Center, Inc.",
                      org_type="provider", provider_id="110023796B", npi=npi("129384756"),
                      fein="04-2650913", street="9 Harvard Street", city="Worcester", state="MA",
                      zip="01608", contact_name="Hannah Kowalczyk", contact_title="Revenue Cycle Analyst",
                      contact_email="hkowalczyk@wbwc.org", contact_phone="508-555-0103",
                      signer_name="Dr. Samuel Achebe", signer_title="Chief Executive Officer"),
    "ctriver": dict(org_legal_name="Connecticut River Health Information Network, Inc.",
                    org_dba="CRHIN", org_type="relationship_entity", fein="26-4418073",
                    street="150 Main Street", city="Northampton", state="MA", zip="01060",
                    contact_name="Elliot Marchand", contact_title="Integration Manager",
                    contact_email="emarchand@crhin.net", contact_phone="413-555-0198",
                    signer_name="Gloria Santiago", signer_title="Vice President, Operations"),
    "bluefin": dict(org_legal_name="Bluefin Automation Services, Inc.", org_type="business_partner",
                    fein="47-3102586", street="3 Van de Graaff Drive", city="Burlington", state="MA",
                    zip="01803", contact_name="Kenji Watanabe", contact_title="Solutions Architect",
                    contact_email="kwatanabe@bluefin-auto.io", contact_phone="781-555-0160",
                    signer_name="Rachel Abernathy", signer_title="General Counsel"),
    "nashoba": dict(org_legal_name="Nashoba Valley Physical Therapy, LLC", org_type="provider",
                    provider_id="110052368E", npi=npi("176203948"), fein="04-3795521",
                    street="200 Groton Road", city="Ayer", state="MA", zip="01432",
                    contact_name="Derek Lindqvist", contact_title="Practice Administrator",
                    contact_email="dlindqvist@nashobapt.com", contact_phone="978-555-0115",
                    signer_name="Megan Lindqvist, DPT", signer_title="Owner"),
    "vineyard": dict(org_legal_name="Martha's Vineyard Island Pharmacy Cooperative",
                     org_type="provider", provider_id="110071934F", npi=npi("138572091"),
                     fein="04-3120648", street="61 Beach Road", city="Vineyard Haven", state="MA",
                     zip="02568", contact_name="Abigail Norton", contact_title="Pharmacy Billing Lead",
                     contact_email="anorton@mvipc.org", contact_phone="508-555-0129",
                     signer_name="Thomas Mayhew", signer_title="Board Treasurer"),
    "granite": dict(org_legal_name="Granite State Medical Billing Co.", org_type="business_partner",
                    fein="02-0654471", street="1000 Elm Street, Suite 402", city="Manchester",
                    state="NH", zip="03101", contact_name="Sandra Beaulieu",
                    contact_title="Client Services Manager", contact_email="sbeaulieu@gsmbco.com",
                    contact_phone="603-555-0177", signer_name="Paul Dufresne", signer_title="President"),
}
ORG_KEYS = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street", "city",
            "state", "zip", "contact_name", "contact_title", "contact_email", "contact_phone"]


def org_values(org: str, **over: Any) -> dict[str, Any]:
    base = {k: v for k, v in ORGS[org].items() if k in ORG_KEYS}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def signer(org: str, date: str, **over: Any) -> dict[str, Any]:
    d = {"attest": True, "signer_name": ORGS[org]["signer_name"],
         "signer_title": ORGS[org]["signer_title"], "signature_date": date}
    d.update(over)
    return {k: v for k, v in d.items() if v is not None}


# --------------------------------------------------------------------------------------------
# printing raw values
# --------------------------------------------------------------------------------------------

MONTHS_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
               "Nov.", "Dec."]


def show_date(iso: str, style: str) -> str:
    d = dt.date.fromisoformat(iso)
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "usn":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "long":
        return f"{d.strftime('%B')} {d.day}, {d.year}"
    if style == "dmy":
        return f"{d.day} {d.strftime('%B')} {d.year}"
    if style == "abbr":
        return f"{MONTHS_ABBR[d.month - 1]} {d.day}, {d.year}"
    if style == "dash":
        return d.strftime("%m-%d-%Y")
    return iso


def show_phone(p: str, style: str) -> str:
    a, b, c = p.split("-")
    return {"paren": f"({a}) {b}-{c}", "dot": f"{a}.{b}.{c}", "plus1": f"+1 {a} {b} {c}",
            "space": f"{a} {b} {c}", "digits": f"{a}{b}{c}", "plus1dash": f"+1-{a}-{b}-{c}"
            }.get(style, p)


def show(key: str, value: Any, st: dict[str, Any], ftype: str = "") -> str:
    """The value as typed on the form (one string; lists joined by the case's separator)."""
    if value is None:
        return ""
    kind = kind_of(key)
    if kind == "date":
        return show_date(value, st.get("date", "us"))
    if kind == "phone":
        return show_phone(value, st.get("phone", "paren"))
    if kind == "int":
        return f"{value:,}" if st.get("thousands") else str(value)
    if kind == "list":
        return st.get("list_sep", "; ").join(value)
    if kind == "choice":
        return dict(OPTIONS[key])[value]
    if kind == "set":
        lab = dict(OPTIONS[key])
        return "; ".join(lab[v] for v in value)
    if kind == "yesno":
        return "Yes" if value else "No"
    if kind == "check":
        return "X" if value else ""
    return str(value)


def options_for(key: str) -> list[tuple[Any, str]]:
    kind = kind_of(key)
    if kind == "yesno":
        return YESNO
    if kind == "check":
        return [(True, ATTEST_LABEL)]
    return OPTIONS[key]


def is_selected(key: str, value: Any, opt: Any) -> bool:
    kind = kind_of(key)
    if value is None:
        return False
    if kind == "set":
        return opt in value
    return value == opt


# --------------------------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------------------------

@dataclass
class Case:
    name: str
    ftype: str
    ext: str
    values: dict[str, Any]
    shape: list[int]
    drawn_with: str
    description: str
    build: Any = None
    style: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    scan: bool = False
    version: str | None = "auto"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.{self.ext}"

    @property
    def path(self) -> Path:
        return HERE / self.file

    def code(self) -> str | None:
        if self.version == "auto":
            return CODE.get(self.ftype)
        return self.version


def expected_fields(case: Case) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in case.values.items():
        if v is None or v == "" or v == []:
            continue
        if k in FIELDS and kind_of(k) == "set":
            v = sorted(v)
        out[k] = v
    return out


def write_expected(case: Case, fields_: dict[str, Any]) -> None:
    exp = {
        "file": case.file,
        "form_type": case.ftype,
        "form_version": case.code(),
        "fields": fields_,
        "expected_problems": [{"code": c, "field": f} for c, f in case.problems],
        "shape": case.shape,
        "scan": case.scan,
        "drawn_with": case.drawn_with,
        "description": case.description,
    }
    (HERE / f"{case.name}.expected.json").write_text(
        json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run(cmd: list[str], **kw: Any) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


# --------------------------------------------------------------------------------------------
# reportlab: printed (flattened) forms
# --------------------------------------------------------------------------------------------

from reportlab.lib.colors import Color, black, white  # noqa: E402
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

GREY = Color(0.85, 0.85, 0.85)
DARK = Color(0.25, 0.25, 0.25)


def register_fonts() -> None:
    import reportlab
    rl = Path(reportlab.__file__).parent / "fonts"
    lib = Path("/usr/share/fonts/truetype/liberation2")
    dj = Path("/usr/share/fonts/truetype/dejavu")
    table = {"Vera": rl / "Vera.ttf", "Vera-Bold": rl / "VeraBd.ttf", "Vera-Italic": rl / "VeraIt.ttf",
             "LibSans": lib / "LiberationSans-Regular.ttf", "LibSans-Bold": lib / "LiberationSans-Bold.ttf",
             "LibSerif": lib / "LiberationSerif-Regular.ttf", "LibSerif-Bold": lib / "LiberationSerif-Bold.ttf",
             "LibSerif-Italic": lib / "LiberationSerif-Italic.ttf",
             "LibMono": lib / "LiberationMono-Regular.ttf", "LibMono-Bold": lib / "LiberationMono-Bold.ttf",
             "DejaVu": dj / "DejaVuSans.ttf", "DejaVu-Bold": dj / "DejaVuSans-Bold.ttf"}
    for name, path in table.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))


MARKS = {  # style -> (selected, unselected, font or None for the body font)
    "glyph": ("\u2612", "\u2610", "DejaVu"),
    "ballot": ("\u2611", "\u2610", "DejaVu"),
    "square": ("\u25a0", "\u25a1", "DejaVu"),
    "brackets": ("[X]", "[ ]", None),
    "circle": ("\u25c9", "\u25cb", "DejaVu"),
}


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            cand = (line + " " + word).strip() if line else word
            if pdfmetrics.stringWidth(cand, font, size) <= width or not line:
                line = cand
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


class Printer:
    """Top-down page writer with the layouts of this set (boxed, line, below)."""

    def __init__(self, path: Path, st: dict[str, Any], code: str | None):
        self.st = st
        self.ps = landscape(letter) if st.get("landscape") else letter
        self.c = rl_canvas.Canvas(str(path), pagesize=self.ps, invariant=1)
        self.c.setTitle(st.get("doc_title", ""))
        self.code = code
        self.font = st.get("font", "Helvetica")
        self.bold = st.get("bold", "Helvetica-Bold")
        self.size = st.get("size", 10)
        self.lsize = st.get("lsize", self.size)
        self.lead = self.size * 1.35
        self.m = st.get("margin", 54)
        self.page = 1
        self.y = self.ps[1] - self.m
        self.x0 = self.m
        self.w = self.ps[0] - 2 * self.m

    # -- page handling ------------------------------------------------------------------------
    def footer(self) -> None:
        c = self.c
        c.setFont(self.font, 7.5)
        txt = self.st.get("footer", "{code}").format(code=self.code or "", page=self.page)
        if txt.strip():
            c.drawString(self.m, 28, txt)
        c.drawRightString(self.ps[0] - self.m, 28, f"Page {self.page}")

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = self.ps[1] - self.m

    def ensure(self, h: float) -> None:
        if self.y - h < 48:
            self.new_page()

    def save(self) -> None:
        self.footer()
        self.c.save()

    # -- primitives ---------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, font: str | None = None, size: float | None = None) -> float:
        font = font or self.font
        size = size or self.size
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)
        return pdfmetrics.stringWidth(s, font, size)

    def mark(self, x: float, y: float, selected: bool, style: str, size: float) -> float:
        if style == "boxcheck":  # drawn square, a DejaVu check mark inside
            b = size * 0.9
            self.c.setLineWidth(0.6)
            self.c.rect(x, y - 1, b, b, stroke=1, fill=0)
            if selected:
                self.c.setFont("DejaVu", size * 0.9)
                self.c.drawString(x + 0.3, y, "\u2713")
            return b
        on, off, font = MARKS[style]
        return self.text(x, y, on if selected else off, font or self.font, size)

    def options_line(self, key: str, value: Any, x: float, y: float, width: float, size: float,
                     draw: bool = True) -> float:
        """Choices with marks, flowed over lines; returns the height used."""
        style = self.st.get("marks", "glyph")
        if kind_of(key) == "choice" and self.st.get("marks_one"):
            style = self.st["marks_one"]
        lead = size * 1.45
        cx, cy, lines = x, y, 1
        for opt, lab in options_for(key):
            mw = pdfmetrics.stringWidth(MARKS.get(style, ("", "", None))[0] or "XX",
                                        MARKS.get(style, ("", "", "Helvetica"))[2] or self.font, size)
            if style == "boxcheck":
                mw = size * 0.9
            lw = pdfmetrics.stringWidth(lab, self.font, size)
            if cx > x and cx + mw + 4 + lw > x + width:
                cx, cy, lines = x, cy - lead, lines + 1
            if draw:
                self.mark(cx, cy, is_selected(key, value, opt), style, size)
                self.text(cx + mw + 4, cy, lab, self.font, size)
            cx += mw + 4 + lw + 16
        return lines * lead

    # -- sections -----------------------------------------------------------------------------
    def title(self, text: str) -> None:
        c = self.c
        tsize = self.st.get("tsize", 14)
        for line in wrap(text, self.bold, tsize, self.w):
            self.text(self.x0, self.y - tsize, line, self.bold, tsize)
            self.y -= tsize * 1.3
        if self.st.get("subtitle"):
            self.y -= 2
            self.text(self.x0, self.y - 9, self.st["subtitle"], self.font, 8.5)
            self.y -= 12
        c.setLineWidth(1.2)
        c.line(self.x0, self.y - 4, self.x0 + self.w, self.y - 4)
        self.y -= 16

    def heading(self, caps: str, title: str, n: int) -> None:
        mode = self.st.get("headings", "caps")
        text = {"caps": caps, "title": title, "numcaps": f"SECTION {n}: {caps}",
                "numtitle": f"{n}. {title}"}[mode]
        self.ensure(95)
        self.y -= 6
        hs = self.size + 1
        if self.st.get("heading_bar"):
            self.c.setFillColor(DARK)
            self.c.rect(self.x0, self.y - hs - 3, self.w, hs + 6, stroke=0, fill=1)
            self.c.setFillColor(white)
            self.text(self.x0 + 4, self.y - hs + 0.5, text, self.bold, hs)
            self.c.setFillColor(black)
        else:
            self.text(self.x0, self.y - hs, text, self.bold, hs)
            self.c.setLineWidth(0.5)
            self.c.line(self.x0, self.y - hs - 3, self.x0 + self.w, self.y - hs - 3)
        self.y -= hs + 12

    def para(self, text: str, font: str | None = None, size: float | None = None,
             indent: float = 0, after: float = 6) -> None:
        font = font or self.font
        size = size or self.size
        for line in wrap(text, font, size, self.w - indent):
            self.ensure(size * 1.4)
            self.text(self.x0 + indent, self.y - size, line, font, size)
            self.y -= size * 1.4
        self.y -= after


def label_text(ftype: str, key: str, st: dict[str, Any]) -> str:
    lab = label_of(ftype, key)
    if st.get("asterisk") and is_required(ftype, key):
        lab += " *"
    return lab


# ---- boxed layout: label above, value in a box below -----------------------------------------

def boxed_block(p: Printer, ftype: str, key: str, value: Any, x: float, w: float, draw: bool,
                min_lines: int = 1) -> float:
    st = p.st
    kind = kind_of(key)
    y = p.y
    lab = label_text(ftype, key, st)
    lsz = p.lsize
    if kind == "check":
        h = p.options_line(key, value, x, y - lsz, w, p.size, draw=False)
        if draw:
            style = st.get("marks", "glyph")
            mw = p.mark(x, y - p.size, bool(value), style, p.size)
            lines = wrap(lab, p.font, p.size, w - mw - 6)
            for i, line in enumerate(lines):
                p.text(x + mw + 5, y - p.size - i * p.lead, line)
            return len(lines) * p.lead + 6
        return len(wrap(lab, p.font, p.size, w - 20)) * p.lead + 6
    lab_lines = wrap(lab, p.bold if st.get("label_bold", True) else p.font, lsz, w)
    if draw:
        for i, line in enumerate(lab_lines):
            if st.get("label_band"):
                p.c.setFillColor(GREY)
                p.c.rect(x, y - (i + 1) * lsz * 1.3 - 1, w, lsz * 1.3, stroke=0, fill=1)
                p.c.setFillColor(black)
                p.text(x + 3, y - (i + 1) * lsz * 1.3 + 2, line, p.bold, lsz)
            else:
                p.text(x, y - (i + 1) * lsz * 1.3 + 2, line,
                       p.bold if st.get("label_bold", True) else p.font, lsz)
    top = y - max(len(lab_lines), min_lines) * lsz * 1.3 - 1
    pad = 4
    if kind in ("choice", "set", "yesno"):
        inner = p.options_line(key, value, x + pad, top - pad - p.size, w - 2 * pad, p.size, draw=False)
        bh = inner + pad
        if draw:
            p.options_line(key, value, x + pad, top - pad - p.size + 1, w - 2 * pad, p.size)
    else:
        txt = show(key, value, st, ftype)
        lines = wrap(txt, p.font, p.size, w - 2 * pad) if txt else []
        minl = 3 if kind in ("long", "list") and st.get("tall_boxes") else 1
        bh = max(minl, len(lines)) * p.lead + pad
        if draw:
            for i, line in enumerate(lines):
                p.text(x + pad, top - pad - p.size + 1 - i * p.lead, line)
    if draw:
        p.c.setLineWidth(0.7)
        if st.get("rounded"):
            p.c.roundRect(x, top - bh, w, bh, 3, stroke=1, fill=0)
        else:
            p.c.rect(x, top - bh, w, bh, stroke=1, fill=0)
    return (y - top) + bh + st.get("gap", 8)


SHORT = {"text", "int", "date", "phone"}


def draw_boxed(p: Printer, ftype: str, values: dict[str, Any], move_last: list[str] | None = None) -> None:
    cols = p.st.get("columns", 1)
    gutter = 14
    for n, (caps, title, keys) in enumerate(sections_of(ftype, move_last), 1):
        p.heading(caps, title, n)
        i = 0
        while i < len(keys):
            row = [keys[i]]
            if cols > 1 and kind_of(keys[i]) in SHORT and len(label_of(ftype, keys[i])) < 60:
                while (len(row) < cols and i + len(row) < len(keys)
                       and kind_of(keys[i + len(row)]) in SHORT
                       and len(label_of(ftype, keys[i + len(row)])) < 60):
                    row.append(keys[i + len(row)])
            cw = (p.w - gutter * (len(row) - 1)) / len(row) if len(row) > 1 else p.w
            if len(row) == 1 and cols > 1 and kind_of(row[0]) in SHORT:
                cw = (p.w - gutter * (cols - 1)) / cols
            lab_font = p.bold if p.st.get("label_bold", True) else p.font
            nl = max(len(wrap(label_text(ftype, k, p.st), lab_font, p.lsize, cw)) for k in row)
            hs = [boxed_block(p, ftype, k, values.get(k), 0, cw, False, nl) for k in row]
            p.ensure(max(hs) + (110 if i + len(row) == len(keys) and n < len(SECTIONS[ftype]) else 0))
            for j, k in enumerate(row):
                boxed_block(p, ftype, k, values.get(k), p.x0 + j * (cw + gutter), cw, True, nl)
            p.y -= max(hs)
            i += len(row)


# ---- line layouts: Label<sep>value, value below the label ------------------------------------

def line_field(p: Printer, ftype: str, key: str, value: Any) -> None:
    st = p.st
    kind = kind_of(key)
    sep = st.get("sep", ": ")
    lab = label_text(ftype, key, st)
    lfont = p.bold if st.get("label_bold") else p.font
    if kind == "check":
        p.ensure(p.lead * 2)
        mw = p.mark(p.x0, p.y - p.size, bool(value), st.get("marks", "glyph"), p.size)
        for i, line in enumerate(wrap(lab, p.font, p.size, p.w - mw - 6)):
            p.text(p.x0 + mw + 5, p.y - p.size - i * p.lead, line)
            p.y -= p.lead if i else 0
        p.y -= p.lead + 2
        return
    p.ensure(p.lead * 2)
    base = p.y - p.size
    lw = pdfmetrics.stringWidth(lab, lfont, p.size)
    if lw > p.w * 0.62:  # long question: wrap it, answer after the last line
        lines = wrap(lab, lfont, p.size, p.w * 0.62)
        for line in lines[:-1]:
            p.text(p.x0, base, line, lfont)
            base -= p.lead
        lab = lines[-1]
        lw = pdfmetrics.stringWidth(lab, lfont, p.size)
        p.y = base + p.size
    p.text(p.x0, base, lab, lfont)
    if sep == "dots":
        vx = p.x0 + st.get("value_col", 290)
        if lw + 20 > vx - p.x0:
            vx = p.x0 + lw + 20
        dw = pdfmetrics.stringWidth(".", p.font, p.size)
        nd = int((vx - 4 - (p.x0 + lw + 3)) / dw)
        p.text(p.x0 + lw + 3, base, "." * max(nd, 3))
    elif sep == "gap10":
        vx = p.x0 + lw + 10
    else:
        vx = p.x0 + lw + p.text(p.x0 + lw, base, sep.rstrip() if value in (None, [], "") else sep, lfont)
    if value in (None, [], ""):
        p.y = base - (p.lead - p.size) - 2
        return
    vw = p.x0 + p.w - vx
    if kind in ("choice", "set", "yesno") and not st.get("choice_text"):
        h = p.options_line(key, value, vx, base, vw, p.size)
        p.y = base + p.size - h - 2
        return
    if kind == "list" and st.get("list_sep") == "\n":
        lines = list(value)
    else:
        lines = wrap(show(key, value, st, ftype), p.font, p.size, vw)
    for i, line in enumerate(lines):
        if i:
            p.ensure(p.lead)
        p.text(vx, base - i * p.lead, line)
    p.y = base - (len(lines) - 1) * p.lead - (p.lead - p.size) - 2


def below_field(p: Printer, ftype: str, key: str, value: Any) -> None:
    """Label on its own line (small), the value on the line below it, over a rule."""
    st = p.st
    kind = kind_of(key)
    lab = label_text(ftype, key, st)
    if kind == "check":
        line_field(p, ftype, key, value)
        return
    lsz = p.lsize
    lab_lines = wrap(lab, p.bold, lsz, p.w)
    p.ensure(len(lab_lines) * lsz * 1.3 + p.lead * 2)
    for line in lab_lines:
        p.text(p.x0, p.y - lsz, line, p.bold, lsz)
        p.y -= lsz * 1.3
    p.y -= 3
    if kind in ("choice", "set", "yesno"):
        h = p.options_line(key, value, p.x0 + 8, p.y - p.size, p.w - 8, p.size)
        p.y -= h
    else:
        txt = show(key, value, st, ftype)
        lines = list(value) if (kind == "list" and st.get("list_sep") == "\n" and value) else (
            wrap(txt, p.font, p.size, p.w - 8) if txt else [""])
        for line in lines:
            p.text(p.x0 + 8, p.y - p.size, line)
            p.y -= p.lead
        p.c.setLineWidth(0.4)
        p.c.line(p.x0, p.y + p.lead - p.size - 3, p.x0 + p.w, p.y + p.lead - p.size - 3)
    p.y -= 7


def draw_lines(p: Printer, ftype: str, values: dict[str, Any], move_last: list[str] | None = None,
               fn: Any = None) -> None:
    fn = fn or line_field
    secs = sections_of(ftype, move_last)
    for n, (caps, title, keys) in enumerate(secs, 1):
        p.heading(caps, title, n)
        for i, k in enumerate(keys):
            if i == len(keys) - 1 and n < len(secs):
                p.ensure(150)  # keep a section's last field on the page of the next heading
            fn(p, ftype, k, values.get(k))


def build_printed(case: Case) -> None:
    st = case.style
    p = Printer(case.path, st, case.code())
    p.title(TITLE[case.ftype])
    layout = st.get("layout", "boxed")
    if st.get("intro"):
        p.para(st["intro"], size=p.size - 0.5)
    if layout == "boxed":
        draw_boxed(p, case.ftype, case.values, st.get("move_last"))
    elif layout == "below":
        draw_lines(p, case.ftype, case.values, st.get("move_last"), below_field)
    else:
        draw_lines(p, case.ftype, case.values, st.get("move_last"))
    p.save()


# --------------------------------------------------------------------------------------------
# reportlab acroForm: fillable forms (+ pypdf for custom checkbox export names)
# --------------------------------------------------------------------------------------------

class Namer:
    """Field names: 'meaningful' (scheme function of key/option) or Acrobat-like opaque ones."""

    def __init__(self, scheme: Any):
        self.scheme = scheme
        self.count = {"Text": 0, "Check Box": 0, "Group": 0, "Dropdown": 0}

    def name(self, what: str, key: str, opt: Any = None) -> str:
        if self.scheme == "opaque":
            base = {"text": "Text", "check": "Check Box", "radio": "Group", "combo": "Dropdown"}[what]
            self.count[base] += 1
            return f"{base}{self.count[base]}"
        return self.scheme(what, key, opt)


def _circle(cx: float, cy: float, r: float) -> str:
    k = 0.5523 * r
    return (f"{cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
            f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c ")


def _button_streams(w: float, h: float, radio: bool) -> tuple[str, str]:
    if radio:
        r = min(w, h) / 2 - 0.6
        off = f"q 1 g 0.6 w 0.25 G {_circle(w / 2, h / 2, r)}B Q"
        on = off + f" q 0 g {_circle(w / 2, h / 2, r * 0.45)}f Q"
    else:
        off = f"q 1 g 0.6 w 0.25 G 0.5 0.5 {w - 1:.2f} {h - 1:.2f} re B Q"
        on = off + (f" q 0 G 1.3 w 1 J 1 j {w * 0.2:.2f} {h * 0.52:.2f} m {w * 0.42:.2f} {h * 0.24:.2f} l "
                    f"{w * 0.82:.2f} {h * 0.8:.2f} l S Q")
    return off, on


def patch_buttons(path: Path, exports: dict[str, str], need_appearances: bool = False) -> None:
    """Redraw every button appearance as vector paths (no ZapfDingbats font, which poppler and
    many viewers cannot resolve) and rename the /Yes on-state of the listed checkboxes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, BooleanObject, DictionaryObject, FloatObject,
                               NameObject, StreamObject)

    def xobj(w_: PdfWriter, ops: str, w: float, h: float) -> Any:
        so = StreamObject()
        so.set_data(ops.encode())
        so.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)])})
        return w_._add_object(so)

    r = PdfReader(str(path))
    w = PdfWriter(clone_from=r)
    for page in w.pages:
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            par = a.get("/Parent")
            fld = par.get_object() if par is not None else a
            if fld.get("/FT") != "/Btn" or "/AP" not in a:
                continue
            radio = bool(int(fld.get("/Ff", 0)) & (1 << 15))
            rect = [float(v) for v in a["/Rect"]]
            bw, bh = rect[2] - rect[0], rect[3] - rect[1]
            states = [k for k in a["/AP"]["/N"].keys() if k != "/Off"]
            on_name = states[0] if states else "/Yes"
            name = a.get("/T")
            if not radio and name in exports:
                new = "/" + exports[name]
                if a.get("/AS") == on_name:
                    a[NameObject("/AS")] = NameObject(new)
                if a.get("/V") == on_name:
                    a[NameObject("/V")] = NameObject(new)
                on_name = new
            off, on = _button_streams(bw, bh, radio)
            n = DictionaryObject({NameObject("/Off"): xobj(w, off, bw, bh),
                                  NameObject(on_name): xobj(w, on, bw, bh)})
            a[NameObject("/AP")] = DictionaryObject({NameObject("/N"): n})
            if "/MK" in a:
                del a["/MK"]
    if need_appearances:
        w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    with open(path, "wb") as fh:
        w.write(fh)


class Filler:
    """Draws a fillable form: printed labels (Printer) and acroForm widgets."""

    def __init__(self, case: Case):
        self.case = case
        st = case.style
        self.p = Printer(case.path, st, case.code())
        self.af = self.p.c.acroForm
        self.namer = Namer(st.get("names", "opaque"))
        self.exports: dict[str, str] = {}
        self.label_w = st.get("label_w", 205)
        self.fs = st.get("field_font_size", 9)

    def textbox(self, key: str, text: str, x: float, y: float, w: float, h: float,
                multiline: bool = False) -> None:
        name = self.namer.name("text", key)
        self.af.textfield(name=name, value=text, x=x, y=y, width=w, height=h,
                          fontName="Helvetica", fontSize=self.fs, borderWidth=0.6,
                          borderColor=DARK, fillColor=white, textColor=black, maxlen=None,
                          fieldFlags="multiline" if multiline else "", forceBorder=True,
                          tooltip=self.case.style.get("tooltips") and label_of(self.case.ftype, key) or None)

    def checkbox(self, key: str, opt: Any, checked: bool, x: float, y: float) -> None:
        name = self.namer.name("check", key, opt)
        self.af.checkbox(name=name, checked=checked, x=x, y=y, size=10, buttonStyle="check",
                         borderWidth=0.6, borderColor=DARK, fillColor=white, textColor=black,
                         forceBorder=True, fieldFlags="")
        exp = self.case.style.get("check_export")
        if exp:
            self.exports[name] = exp(key, opt)

    def radio_group(self, key: str, value: Any, x: float, y: float, w: float) -> float:
        st = self.case.style
        name = self.namer.name("radio", key)
        exp = st.get("radio_export", lambda k, o: str(o))
        cx, cy, lines = x, y, 1
        for opt, lab in options_for(key):
            lw = pdfmetrics.stringWidth(lab, self.p.font, self.p.size)
            if cx > x and cx + 14 + lw > x + w:
                cx, cy, lines = x, cy - 15, lines + 1
            self.af.radio(name=name, value=exp(key, opt), selected=(value == opt), x=cx, y=cy - 1,
                          size=10, buttonStyle="circle", shape="circle", borderWidth=0.6,
                          borderColor=DARK, fillColor=white, textColor=black, forceBorder=True)
            self.p.text(cx + 14, cy + 1, lab)
            cx += 14 + lw + 16
        return lines * 15

    def checks(self, key: str, value: Any, x: float, y: float, w: float) -> float:
        cx, cy, lines = x, y, 1
        for opt, lab in options_for(key):
            lw = pdfmetrics.stringWidth(lab, self.p.font, self.p.size)
            if cx > x and cx + 14 + lw > x + w:
                cx, cy, lines = x, cy - 15, lines + 1
            self.checkbox(key, opt, is_selected(key, value, opt), cx, cy - 1)
            self.p.text(cx + 14, cy + 1, lab)
            cx += 14 + lw + 16
        return lines * 15

    def field(self, key: str, value: Any) -> None:
        p, st, ftype = self.p, self.case.style, self.case.ftype
        kind = kind_of(key)
        lab = label_text(ftype, key, st)
        above = st.get("label_above", False) or kind in ("set",)
        if kind == "check":
            p.ensure(30)
            self.checkbox(key, True, bool(value), p.x0, p.y - 12)
            lines = wrap(lab, p.font, p.size, p.w - 20)
            for i, line in enumerate(lines):
                p.text(p.x0 + 16, p.y - 10 - i * p.lead, line)
            p.y -= len(lines) * p.lead + 8
            return
        nlines = 1
        if kind in ("list", "long"):
            nlines = 3 if kind == "list" else 3
        h = 15 * nlines + 3
        lab_lines = wrap(lab, p.font, p.lsize, p.w if above else self.label_w - 8)
        p.ensure(len(lab_lines) * p.lsize * 1.3 + h + 24)
        for i, line in enumerate(lab_lines):
            p.text(p.x0, p.y - p.lsize - i * p.lsize * 1.25, line, p.font, p.lsize)
        if above:
            p.y -= len(lab_lines) * p.lsize * 1.3 + 3
            x, w = p.x0, p.w
        else:
            x, w = p.x0 + self.label_w, p.w - self.label_w
        top = p.y
        if kind in ("choice", "yesno") and key in st.get("combo", ()):
            opts = [lab_ for _, lab_ in options_for(key)]
            name = self.namer.name("combo", key)
            self.af.choice(name=name, value=show(key, value, st) if value is not None else " ",
                           options=[" "] + opts, x=x, y=top - 15, width=min(w, 230), height=15,
                           fontName="Helvetica", fontSize=self.fs, borderWidth=0.6, borderColor=DARK,
                           fillColor=white, textColor=black, forceBorder=True, fieldFlags="combo")
            used = 17
        elif kind in ("choice", "yesno"):
            used = self.radio_group(key, value, x, top - 11, w)
        elif kind == "set":
            used = self.checks(key, value, x, top - 11, w)
        else:
            txt = show(key, value, {**st, "list_sep": "\n" if kind == "list" else st.get("list_sep", "; ")},
                       ftype)
            if st.get("fill_list_inline") and kind == "list":
                txt = show(key, value, st, ftype)
            if kind == "long" or (kind == "list" and "\n" not in txt):
                txt = "\n".join(wrap(txt, "Helvetica", self.fs, w - 6)) if txt else ""
            self.textbox(key, txt, x, top - h, w, h, multiline=nlines > 1)
            used = h
        p.y = min(top - used, p.y - len(lab_lines) * p.lsize * 1.3) - st.get("gap", 9)


def build_fillable(case: Case) -> None:
    f = Filler(case)
    p, st = f.p, case.style
    p.title(TITLE[case.ftype])
    if st.get("intro"):
        p.para(st["intro"], size=p.size - 0.5)
    for n, (caps, title, keys) in enumerate(sections_of(case.ftype, st.get("move_last")), 1):
        p.heading(caps, title, n)
        for k in keys:
            f.field(k, case.values.get(k))
    p.save()
    patch_buttons(case.path, f.exports)


# --------------------------------------------------------------------------------------------
# DOCX: typed paragraphs/tables, content controls, legacy form fields
# --------------------------------------------------------------------------------------------

from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402,F401
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Inches, Pt, RGBColor  # noqa: E402
from xml.sax.saxutils import escape as xesc  # noqa: E402

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
PLACEHOLDER = {"text": "Click or tap here to enter text.", "choice": "Choose an item.",
               "date": "Click or tap to enter a date."}
ENSP5 = "\u2002" * 5
PH_RPR = '<w:rStyle w:val="PlaceholderText"/>'
GOTHIC = '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
TEXT_MULTI = '<w:text w:multiLine="1"/>'


class DocxForm:
    def __init__(self, st: dict[str, Any]):
        self.st = st
        self.doc = Document()
        self.sdt_id = 501230
        self.ff = {"Text": 0, "Check": 0, "Dropdown": 0}
        normal = self.doc.styles["Normal"]
        normal.font.name = st.get("docx_font", "Calibri")
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), st.get("docx_font", "Calibri"))
        normal.font.size = Pt(st.get("docx_size", 10))
        normal.paragraph_format.space_after = Pt(st.get("space_after", 3))
        sec = self.doc.sections[0]
        if st.get("landscape"):
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Inches(11), Inches(8.5)
        else:
            sec.page_width, sec.page_height = Inches(8.5), Inches(11)
        for side in ("left_margin", "right_margin"):
            setattr(sec, side, Inches(st.get("docx_margin", 0.8)))
        sec.top_margin = sec.bottom_margin = Inches(0.7)
        self._placeholder_style()

    def _placeholder_style(self) -> None:
        styles = self.doc.styles.element
        styles.append(parse_xml(
            f'<w:style {W_NS} w:type="character" w:styleId="PlaceholderText">'
            '<w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>'))

    def footer(self, text: str) -> None:
        fp = self.doc.sections[0].footer.paragraphs[0]
        r = fp.add_run(text)
        r.font.size = Pt(8)

    def protect_forms(self) -> None:
        settings = self.doc.settings.element
        settings.append(parse_xml(f'<w:documentProtection {W_NS} w:edit="forms" w:enforcement="1"/>'))

    def title(self, text: str, size: float = 14) -> None:
        p = self.doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(size)
        p.paragraph_format.space_after = Pt(8)

    def heading(self, caps: str, title: str, n: int) -> None:
        mode = self.st.get("headings", "caps")
        text = {"caps": caps, "title": title, "numcaps": f"SECTION {n}: {caps}",
                "numtitle": f"{n}. {title}", "partcaps": f"PART {n} \u2013 {caps}"}[mode]
        if self.st.get("docx_heading_style"):
            self.doc.add_heading(text, level=2)
            return
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(9)
        p.paragraph_format.keep_with_next = True
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(self.st.get("docx_size", 10) + 1)
        pPr = p._p.get_or_add_pPr()
        pPr.append(parse_xml(f'<w:pBdr {W_NS}><w:bottom w:val="single" w:sz="6" w:space="1" '
                             'w:color="404040"/></w:pBdr>'))

    # -- raw run builders ---------------------------------------------------------------------
    @staticmethod
    def run_xml(text: str, extra_rpr: str = "") -> str:
        rpr = f"<w:rPr>{extra_rpr}</w:rPr>" if extra_rpr else ""
        parts = []
        for i, chunk in enumerate(text.split("\n")):
            if i:
                parts.append(f"<w:r>{rpr}<w:br/></w:r>")
            parts.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xesc(chunk)}</w:t></w:r>')
        return "".join(parts)

    def add_raw(self, par: Any, xml: str) -> None:
        for el in parse_xml(f"<w:wrap {W_NS}>{xml}</w:wrap>"):
            par._p.append(el)

    def next_id(self) -> int:
        self.sdt_id += 7
        return self.sdt_id

    # content controls
    def cc_text(self, key: str, text: str | None, kind: str = "text") -> str:
        tag = self.st.get("cc_tag", lambda k: k)(key)
        alias = self.st.get("cc_alias", lambda k: "")(key)
        head = f'<w:alias w:val="{xesc(alias)}"/>' if alias else ""
        head += f'<w:tag w:val="{xesc(tag)}"/>' if tag else ""
        head += f'<w:id w:val="{self.next_id()}"/>'
        if not text:
            ph = PLACEHOLDER["text"]
            return (f"<w:sdt><w:sdtPr>{head}<w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013440\"/>"
                    f"</w:placeholder><w:showingPlcHdr/>{TEXT_MULTI if kind == 'list' else '<w:text/>'}"
                    f"</w:sdtPr><w:sdtContent>{self.run_xml(ph, PH_RPR)}"
                    "</w:sdtContent></w:sdt>")
        multi = '<w:text w:multiLine="1"/>' if "\n" in text else "<w:text/>"
        return (f"<w:sdt><w:sdtPr>{head}{multi}</w:sdtPr><w:sdtContent>{self.run_xml(text)}"
                "</w:sdtContent></w:sdt>")

    def cc_date(self, key: str, iso: str | None) -> str:
        tag = self.st.get("cc_tag", lambda k: k)(key)
        head = (f'<w:tag w:val="{xesc(tag)}"/>' if tag else "") + f'<w:id w:val="{self.next_id()}"/>'
        fmt = self.st.get("cc_date_fmt", ("M/d/yyyy", "usn"))
        if not iso:
            return (f"<w:sdt><w:sdtPr>{head}<w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013437\"/>"
                    f"</w:placeholder><w:showingPlcHdr/><w:date><w:dateFormat w:val=\"{fmt[0]}\"/><w:lid w:val=\"en-US\"/>"
                    "<w:storeMappedDataAs w:val=\"dateTime\"/><w:calendar w:val=\"gregorian\"/></w:date></w:sdtPr>"
                    f"<w:sdtContent>{self.run_xml(PLACEHOLDER['date'], PH_RPR)}"
                    "</w:sdtContent></w:sdt>")
        return (f"<w:sdt><w:sdtPr>{head}<w:date w:fullDate=\"{iso}T00:00:00Z\"><w:dateFormat w:val=\"{fmt[0]}\"/>"
                "<w:lid w:val=\"en-US\"/><w:storeMappedDataAs w:val=\"dateTime\"/><w:calendar w:val=\"gregorian\"/>"
                f"</w:date></w:sdtPr><w:sdtContent>{self.run_xml(show_date(iso, fmt[1]))}</w:sdtContent></w:sdt>")

    def cc_dropdown(self, key: str, value: Any) -> str:
        tag = self.st.get("cc_tag", lambda k: k)(key)
        head = (f'<w:tag w:val="{xesc(tag)}"/>' if tag else "") + f'<w:id w:val="{self.next_id()}"/>'
        vals = self.st.get("cc_drop_value", lambda k, o, lab: lab)
        items = '<w:listItem w:value="" w:displayText="Choose an item."/>' + "".join(
            f'<w:listItem w:displayText="{xesc(lab)}" w:value="{xesc(vals(key, opt, lab))}"/>'
            for opt, lab in options_for(key))
        if value is None:
            return (f"<w:sdt><w:sdtPr>{head}<w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013438\"/>"
                    f"</w:placeholder><w:showingPlcHdr/><w:dropDownList>{items}</w:dropDownList></w:sdtPr>"
                    f"<w:sdtContent>{self.run_xml(PLACEHOLDER['choice'], PH_RPR)}"
                    "</w:sdtContent></w:sdt>")
        lab = dict(options_for(key))[value]
        return (f"<w:sdt><w:sdtPr>{head}<w:dropDownList w:lastValue=\"{xesc(vals(key, value, lab))}\">{items}"
                f"</w:dropDownList></w:sdtPr><w:sdtContent>{self.run_xml(lab)}</w:sdtContent></w:sdt>")

    def cc_check(self, key: str, checked: bool, tag: str = "") -> str:
        head = (f'<w:tag w:val="{xesc(tag)}"/>' if tag else "") + f'<w:id w:val="{self.next_id()}"/>'
        glyph = "\u2612" if checked else "\u2610"
        return (f"<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii=\"MS Gothic\" w:eastAsia=\"MS Gothic\" "
                f"w:hAnsi=\"MS Gothic\"/></w:rPr>{head}<w14:checkbox><w14:checked w14:val=\"{int(checked)}\"/>"
                "<w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/>"
                "<w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr>"
                f"<w:sdtContent>{self.run_xml(glyph, GOTHIC)}"
                "</w:sdtContent></w:sdt>")

    # legacy form fields
    def ff_name(self, base: str, key: str) -> str:
        names = self.st.get("ff_names")
        if names:
            name = names(base, key)
            n = self.ff.setdefault(name, 0) + 1
            self.ff[name] = n
            return name if n == 1 else f"{name}{n}"
        self.ff[base] += 1
        return f"{base}{self.ff[base]}"

    def ff_text(self, key: str, text: str | None) -> str:
        name = self.ff_name("Text", key)
        res = self.run_xml(text) if text else (
            f'<w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{ENSP5}</w:t></w:r>')
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                '<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
                '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{res}'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def ff_check(self, key: str, checked: bool) -> str:
        name = self.ff_name("Check", key)
        how = self.st.get("ff_check_how", "checked")
        state = ('<w:default w:val="1"/>' if how == "default" else '<w:default w:val="0"/><w:checked/>') \
            if checked else '<w:default w:val="0"/>'
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>'
                '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def ff_dropdown(self, key: str, value: Any) -> str:
        name = self.ff_name("Dropdown", key)
        opts = [" "] + [lab for _, lab in options_for(key)]
        idx = 0 if value is None else 1 + [o for o, _ in options_for(key)].index(value)
        entries = "".join(f'<w:listEntry w:val="{xesc(o)}"/>' for o in opts)
        res = f'<w:result w:val="{idx}"/>' if idx else ""
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:ddList>{res}{entries}</w:ddList></w:ffData></w:fldChar></w:r>'
                '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    # -- one value in one of the three modes --------------------------------------------------
    def value_xml(self, ftype: str, key: str, value: Any, mode: str) -> str:
        st = self.st
        kind = kind_of(key)
        gap = "<w:r><w:t xml:space=\"preserve\">   </w:t></w:r>"
        if kind in ("choice", "set", "yesno", "check"):
            if mode == "typed":
                if st.get("docx_choice", "marks") == "text" and kind != "check":
                    return self.run_xml(show(key, value, st, ftype))
                on, off = st.get("docx_marks", ("\u2612", "\u2610"))
                if kind == "check":
                    return self.run_xml(f"{on if value else off} {ATTEST_LABEL}")
                return gap.join(self.run_xml(f"{on if is_selected(key, value, o) else off} {lab}")
                                for o, lab in options_for(key))
            if kind == "check":
                fn = self.cc_check if mode == "cc" else self.ff_check
                return fn(key, bool(value)) + self.run_xml(" " + ATTEST_LABEL)
            drop = key in st.get("dropdown", ())
            if drop and kind != "set":
                return self.cc_dropdown(key, value) if mode == "cc" else self.ff_dropdown(key, value)
            fn = self.cc_check if mode == "cc" else self.ff_check
            return gap.join(fn(key, is_selected(key, value, o)) + self.run_xml(" " + lab)
                            for o, lab in options_for(key))
        txt = show(key, value, st, ftype) if value is not None else ""
        if mode == "typed":
            return self.run_xml(txt) if txt else ""
        if mode == "cc":
            if kind == "date" and st.get("cc_dates", True):
                return self.cc_date(key, value)
            return self.cc_text(key, txt, kind)
        return self.ff_text(key, txt)


def docx_label(ftype: str, key: str, st: dict[str, Any]) -> str:
    lab = label_text(ftype, key, st)
    return lab + st.get("label_suffix", "")


def build_docx_form(case: Case, out: Path | None = None) -> Path:
    """DOCX with layout 'table' | 'para' | 'below'; values typed, as content controls or as
    legacy form fields (style 'mode')."""
    st = case.style
    d = DocxForm(st)
    mode = st.get("mode", "typed")
    layout = st.get("docx_layout", "para")
    d.title(TITLE[case.ftype], st.get("docx_title_size", 14))
    if st.get("intro"):
        d.doc.add_paragraph(st["intro"])
    if st.get("cols2"):
        sect = d.doc.sections[0]._sectPr
        cols = sect.find(qn("w:cols"))
        if cols is None:
            cols = parse_xml(f'<w:cols {W_NS}/>')
            sect.append(cols)
        # a continuous section break after the title: title spans the page, fields in 2 columns
        p = d.doc.add_paragraph()
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:sectPr {W_NS}><w:type w:val="continuous"/><w:pgSz w:w="12240" w:h="15840"/>'
            '<w:pgMar w:top="1008" w:right="1152" w:bottom="1008" w:left="1152" w:header="720" '
            'w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>'))
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "432")
        sect.append(parse_xml(f'<w:type {W_NS} w:val="continuous"/>'))
    for n, (caps, title, keys) in enumerate(sections_of(case.ftype, st.get("move_last")), 1):
        d.heading(caps, title, n)
        if layout == "table":
            tbl = d.doc.add_table(rows=0, cols=2)
            tbl.style = st.get("table_style", "Table Grid")
            for k in keys:
                row = tbl.add_row()
                if kind_of(k) == "check":  # the box and its statement span the row
                    cell = row.cells[0].merge(row.cells[1])
                    d.add_raw(cell.paragraphs[0], d.value_xml(case.ftype, k, case.values.get(k), mode))
                    continue
                row.cells[0].width = Inches(st.get("label_col", 2.6))
                row.cells[1].width = Inches(st.get("value_col", 4.3))
                lp = row.cells[0].paragraphs[0]
                lr = lp.add_run(docx_label(case.ftype, k, st))
                lr.bold = st.get("label_bold", True)
                vp = row.cells[1].paragraphs[0]
                d.add_raw(vp, d.value_xml(case.ftype, k, case.values.get(k), mode))
            continue
        for k in keys:
            v = case.values.get(k)
            if layout == "below" and kind_of(k) != "check":
                lp = d.doc.add_paragraph()
                lp.paragraph_format.space_after = Pt(0)
                lp.paragraph_format.keep_with_next = True
                r = lp.add_run(docx_label(case.ftype, k, st))
                r.bold = True
                r.font.size = Pt(st.get("docx_size", 10) - 1)
                vp = d.doc.add_paragraph()
                vp.paragraph_format.space_after = Pt(6)
                d.add_raw(vp, d.value_xml(case.ftype, k, v, mode))
                continue
            p = d.doc.add_paragraph()
            if kind_of(k) == "check":
                d.add_raw(p, d.value_xml(case.ftype, k, v, mode))
                continue
            sep = st.get("docx_sep", ": ")
            r = p.add_run(docx_label(case.ftype, k, st))
            r.bold = st.get("label_bold", False)
            if sep in ("\t", "dotleader"):
                leader = WD_TAB_LEADER.DOTS if sep == "dotleader" else WD_TAB_LEADER.SPACES
                p.paragraph_format.tab_stops.add_tab_stop(Inches(st.get("tab_at", 3.0)),
                                                          WD_TAB_ALIGNMENT.LEFT, leader)
                p.paragraph_format.left_indent = Inches(st.get("tab_at", 3.0)) if st.get("hang") else None
                if st.get("hang"):
                    p.paragraph_format.first_line_indent = -Inches(st.get("tab_at", 3.0))
                p.add_run("\t")
            elif sep == "literal_dots":
                n = max(3, st.get("dots_to", 62) - len(docx_label(case.ftype, k, st)))
                p.add_run(" " + "." * n + " ")
            else:
                p.add_run(sep if v not in (None, [], "") or mode != "typed" else sep.rstrip())
            d.add_raw(p, d.value_xml(case.ftype, k, v, mode))
    if case.code() and st.get("footer_text", True):
        d.footer(st.get("footer", "{code}").format(code=case.code(), page=1))
    if mode == "legacy":
        d.protect_forms()
    path = out or case.path
    d.doc.save(str(path))
    return path


def soffice_pdf(docx: Path, pdf: Path) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    prof = WORK / "lo_profile"
    outdir = WORK / "lo_out"
    outdir.mkdir(exist_ok=True)
    run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
         "pdf:writer_pdf_Export", "--outdir", str(outdir), str(docx)])
    shutil.move(str(outdir / (docx.stem + ".pdf")), str(pdf))


def build_docx_then_pdf(case: Case) -> None:
    tmp = WORK / f"{case.name}.docx"
    WORK.mkdir(parents=True, exist_ok=True)
    build_docx_form(case, tmp)
    soffice_pdf(tmp, case.path)


# --------------------------------------------------------------------------------------------
# HTML web forms printed by headless Chromium
# --------------------------------------------------------------------------------------------

from html import escape as hesc  # noqa: E402

WEB_CSS = {
    "native": """
 body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;margin:0 6mm;color:#111}
 h1{font-size:16pt;margin:0 0 4mm} fieldset{border:1px solid #9aa;margin:0 0 4mm;padding:2mm 4mm 3mm}
 legend{font-weight:bold;font-size:10pt;padding:0 2mm}
 .row{display:flex;align-items:flex-start;margin:1.6mm 0} .row>label.l{width:62mm;flex:none;padding-top:1mm}
 input[type=text]{flex:1;font:inherit;padding:1mm 1.5mm;border:1px solid #777;border-radius:2px}
 textarea{flex:1;font:inherit;padding:1mm 1.5mm;border:1px solid #777;height:auto}
 select{font:inherit;padding:.6mm} .opts{flex:1} .opts label{margin-right:5mm;white-space:nowrap;display:inline-block}
 .attest{margin:2mm 0} footer{font-size:8pt;color:#444;margin-top:5mm}""",
    "grid": """
 body{font-family:'DejaVu Sans',Verdana,sans-serif;font-size:9pt;margin:0 4mm;color:#000}
 h1{font-size:14pt;border-bottom:2px solid #246;padding-bottom:2mm} h2{font-size:10pt;background:#246;color:#fff;padding:1mm 2mm;margin:5mm 0 2mm}
 .grid{display:grid;grid-template-columns:1fr 1fr;column-gap:6mm;row-gap:2.5mm}
 .cell{display:flex;flex-direction:column} .wide{grid-column:1 / span 2}
 .cell>label.l{font-weight:bold;font-size:8pt;margin-bottom:.8mm}
 input[type=text],textarea{font:inherit;padding:1.2mm;border:1px solid #555;background:#fbfbfb}
 textarea{resize:none} .opts label{margin-right:4mm;white-space:nowrap;display:inline-block}
 footer{font-size:7.5pt;margin-top:5mm;border-top:1px solid #999;padding-top:1mm}""",
    "table": """
 body{font-family:'Liberation Serif','Times New Roman',serif;font-size:11pt;margin:0 5mm}
 h1{font-size:15pt;text-align:center} h2{font-size:11pt;margin:4mm 0 1mm;text-transform:uppercase}
 table{width:100%;border-collapse:collapse} td{border:1px solid #444;padding:1.2mm 2mm;vertical-align:top}
 td.l{width:40%;background:#eee} input[type=text],textarea{width:97%;font:inherit;border:none;border-bottom:1px dotted #888}
 .opts label{margin-right:4mm;white-space:nowrap;display:inline-block} footer{font-size:8pt;margin-top:4mm}""",
}


def web_value(case: Case, key: str, value: Any) -> str:
    st = case.style
    kind = kind_of(key)
    nm = f"f_{key}"
    if kind in ("choice", "yesno") and key in st.get("select", ()):
        opts = "".join(f'<option{" selected" if is_selected(key, value, o) else ""}>{hesc(lab)}</option>'
                       for o, lab in [(None, "-- Select --")] + list(options_for(key)))
        return f'<select name="{nm}">{opts}</select>'
    if kind in ("choice", "yesno", "set"):
        typ = "checkbox" if kind == "set" else "radio"
        return '<span class="opts">' + "".join(
            f'<label><input type="{typ}" name="{nm}"{" checked" if is_selected(key, value, o) else ""}> '
            f'{hesc(lab)}</label>' for o, lab in options_for(key)) + "</span>"
    txt = show(key, value, {**st, "list_sep": "\n" if kind == "list" else "; "}, case.ftype) if value is not None else ""
    if kind in ("list", "long"):
        rows = max(2, txt.count("\n") + 1 + len(txt) // 70)
        return f'<textarea name="{nm}" rows="{rows}">{hesc(txt)}</textarea>'
    return f'<input type="text" name="{nm}" value="{hesc(txt)}">'


def web_html(case: Case) -> str:
    st = case.style
    kind_css = st.get("web", "native")
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{hesc(TITLE[case.ftype])}</title>"
             f"<style>@page{{size:Letter;margin:12mm}}{WEB_CSS[kind_css]}</style></head><body>",
             f"<h1>{hesc(TITLE[case.ftype])}</h1>"]
    if st.get("intro"):
        parts.append(f"<p>{hesc(st['intro'])}</p>")
    for n, (caps, title, keys) in enumerate(sections_of(case.ftype, st.get("move_last")), 1):
        head = caps if st.get("headings", "title") == "caps" else f"{n}. {title}"
        if kind_css == "native":
            parts.append(f"<fieldset><legend>{hesc(head)}</legend>")
        else:
            parts.append(f"<h2>{hesc(head)}</h2>")
            parts.append("<div class='grid'>" if kind_css == "grid" else "<table>")
        for k in keys:
            v = case.values.get(k)
            lab = hesc(label_text(case.ftype, k, st))
            if kind_of(k) == "check":
                box = f'<label><input type="checkbox" name="f_attest"{" checked" if v else ""}> {hesc(ATTEST_LABEL)}</label>'
                if kind_css == "table":
                    parts.append(f"<tr><td colspan='2'>{box}</td></tr>")
                elif kind_css == "grid":
                    parts.append(f"<div class='cell wide attest'>{box}</div>")
                else:
                    parts.append(f"<div class='attest'>{box}</div>")
                continue
            val = web_value(case, k, v)
            if kind_css == "native":
                parts.append(f"<div class='row'><label class='l'>{lab}</label>{val}</div>")
            elif kind_css == "grid":
                wide = " wide" if kind_of(k) in ("set", "list", "long", "choice", "yesno") or len(lab) > 48 else ""
                parts.append(f"<div class='cell{wide}'><label class='l'>{lab}</label>{val}</div>")
            else:
                parts.append(f"<tr><td class='l'>{lab}</td><td>{val}</td></tr>")
        parts.append("</fieldset>" if kind_css == "native" else ("</div>" if kind_css == "grid" else "</table>"))
    if case.code():
        parts.append(f"<footer>{hesc(st.get('footer', '{code}').format(code=case.code(), page=1))}</footer>")
    parts.append("</body></html>")
    return "".join(parts)


def chromium_pdf(html: str, pdf: Path, name: str, header_footer: bool = False) -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    src = WORK / f"{name}.html"
    src.write_text(html, encoding="utf-8")
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           f"--user-data-dir={WORK / 'chromium_profile'}", f"--print-to-pdf={pdf}",
           "--no-first-run", "--disable-extensions"]
    if not header_footer:
        cmd.append("--no-pdf-header-footer")
    cmd.append(src.as_uri())
    run(cmd, timeout=120)


def build_web(case: Case) -> None:
    chromium_pdf(web_html(case), case.path, case.name, case.style.get("browser_header", False))


# --------------------------------------------------------------------------------------------
# supporting documents: RPA Agreement, Systems Design, Test Scenarios
# --------------------------------------------------------------------------------------------

AGR_TEXT = [
    "This MassHealth RPA Agreement (the \u201cAgreement\u201d) is made between the Massachusetts "
    "Executive Office of Health and Human Services, Office of Medicaid (\u201cMassHealth\u201d), and the "
    "organization named below (the \u201cOrganization\u201d), which operates or intends to operate one or "
    "more robotic process automation bots on the Provider Online Service Center (POSC).",
    "1. Approved use. The Organization will operate each bot only under the RPA User IDs that "
    "MassHealth assigns to it, only for the transactions approved in its registration, and will not "
    "share an RPA User ID with any other bot or person.",
    "2. Security and privacy. The Organization will protect all member information the bot reads or "
    "stores as required by HIPAA and by its MassHealth provider or trading partner agreement, and "
    "will report a security incident involving a bot within one business day.",
    "3. Changes. The Organization will file an RPA Modification Request Form and wait for "
    "approval before it changes the RPA tool, the number of POSC screens per session or the "
    "transactions a bot performs, and will confirm its registration in the Annual Validation.",
    "4. Suspension. MassHealth may suspend or end an RPA User ID at any time when a bot degrades the "
    "POSC or is used in a way this Agreement does not allow.",
    "By signing below, the authorized signatory agrees to these terms for the Organization.",
]


def agreement_expected(case: Case) -> dict[str, Any]:
    v = case.values
    out = {k: v[k] for k in ("org_legal_name", "signer_name", "signer_title", "signature_date") if v.get(k)}
    out["signed"] = bool(v.get("signed"))
    return out


def build_agreement_printed(case: Case) -> None:
    """reportlab: agreement text, then a signature block (boxed with asterisks, or lines)."""
    st, v = case.style, case.values
    p = Printer(case.path, st, case.code())
    p.title(TITLE["rpa_agreement"])
    for para in AGR_TEXT:
        p.para(para, after=5)
    p.y -= 6
    sig = v.get("signature_text", "")
    rows = [("Organization Legal Name", v.get("org_legal_name", "")), ("Signature", sig),
            ("Authorized Signatory Name", v.get("signer_name", "")),
            ("Authorized Signatory Title", v.get("signer_title", "")),
            ("Date Signed", show_date(v["signature_date"], st.get("date", "us")) if v.get("signature_date") else "")]
    if st.get("layout") == "boxed":
        p.heading("SIGNATURE", "Signature", 1)
        for lab, val in rows:
            lab2 = lab + " *" if st.get("asterisk") else lab
            p.ensure(40)
            p.text(p.x0, p.y - p.lsize, lab2, p.bold, p.lsize)
            top = p.y - p.lsize * 1.3 - 1
            p.c.setLineWidth(0.7)
            p.c.rect(p.x0, top - p.lead - 4, p.w * 0.7, p.lead + 4)
            font = st.get("sig_font", p.font) if lab == "Signature" else p.font
            p.text(p.x0 + 4, top - p.size - 3, val, font)
            p.y = top - p.lead - 4 - 9
    else:  # lines: 'Label:' then a rule with the value on it
        for lab, val in rows:
            p.ensure(30)
            lw = p.text(p.x0, p.y - p.size, lab + ":", p.bold)
            x = p.x0 + max(lw + 8, 170)
            p.c.setLineWidth(0.5)
            p.c.line(x, p.y - p.size - 2.5, p.x0 + p.w * 0.85, p.y - p.size - 2.5)
            if val:
                p.text(x + 3, p.y - p.size, val)
            p.y -= p.lead * 2
    p.save()


def build_agreement_docx(case: Case, out: Path | None = None) -> Path:
    st, v = case.style, case.values
    d = DocxForm(st)
    d.title(TITLE["rpa_agreement"])
    for para in AGR_TEXT:
        d.doc.add_paragraph(para)
    rows = [("Organization Legal Name", v.get("org_legal_name", "")),
            ("Signature", v.get("signature_text", "")),
            ("Authorized Signatory Name", v.get("signer_name", "")),
            ("Authorized Signatory Title", v.get("signer_title", "")),
            ("Date Signed", show_date(v["signature_date"], st.get("date", "us")) if v.get("signature_date") else "")]
    if st.get("docx_layout") == "table":
        tbl = d.doc.add_table(rows=1, cols=2)
        tbl.style = "Table Grid"
        hdr = tbl.rows[0].cells[0].merge(tbl.rows[0].cells[1])
        hr = hdr.paragraphs[0].add_run("SIGNATURE OF AUTHORIZED REPRESENTATIVE")
        hr.bold = True
        for lab, val in rows:
            r = tbl.add_row()
            r.cells[0].paragraphs[0].add_run(lab).bold = True
            run_ = r.cells[1].paragraphs[0].add_run(val)
            if lab == "Signature":
                run_.italic = True
    else:
        for lab, val in rows:
            p = d.doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Inches(st.get("tab_at", 2.6)))
            p.add_run(lab).bold = st.get("label_bold", False)
            p.add_run("\t" + val)
    d.footer(st.get("footer", "{code}").format(code=case.code(), page=1))
    path = out or case.path
    d.doc.save(str(path))
    return path


def add_sig_field(path: Path, rect: list[float], name: str = "Signature1") -> None:
    """An unsigned /Sig field (as a signing tool leaves an empty signature box)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject
    r = PdfReader(str(path))
    w = PdfWriter(clone_from=r)
    page = w.pages[-1]
    sig = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject(name),
        NameObject("/F"): NumberObject(4), NameObject("/Rect"): ArrayObject([FloatObject(x) for x in rect]),
        NameObject("/P"): page.indirect_reference})
    ref = w._add_object(sig)
    page[NameObject("/Annots")].append(ref)
    w._root_object["/AcroForm"]["/Fields"].append(ref)
    w._root_object["/AcroForm"][NameObject("/SigFlags")] = NumberObject(1)
    with open(path, "wb") as fh:
        w.write(fh)


def build_agreement_fillable(case: Case) -> None:
    st, v = case.style, case.values
    f = Filler(case)
    p = f.p
    p.title(TITLE["rpa_agreement"])
    for para in AGR_TEXT:
        p.para(para, after=5)
    names = st["agr_names"]
    rows = [("org_legal_name", "Organization Legal Name"), ("signer_name", "Authorized Signatory Name"),
            ("signer_title", "Authorized Signatory Title"), ("signature_date", "Date Signed")]
    sig_rect = None
    for key, lab in rows:
        p.ensure(40)
        if key == "signer_name":  # signature box first
            p.text(p.x0, p.y - p.size, "Signature", p.font)
            sig_rect = [p.x0 + 190, p.y - 26, p.x0 + 190 + 240, p.y - 2]
            p.c.setLineWidth(0.5)
            p.c.line(p.x0 + 190, p.y - 26, p.x0 + 430, p.y - 26)
            p.y -= 36
        p.text(p.x0, p.y - p.size, lab, p.font)
        val = v.get(key)
        txt = show_date(val, st.get("date", "us")) if key == "signature_date" and val else (val or "")
        f.af.textfield(name=names[key], value=txt, x=p.x0 + 190, y=p.y - 16, width=240, height=17,
                       fontName="Helvetica", fontSize=10, borderWidth=0.6, borderColor=DARK,
                       fillColor=white, textColor=black, maxlen=None, forceBorder=True)
        p.y -= 30
    p.save()
    patch_buttons(case.path, {})
    if sig_rect:
        add_sig_field(case.path, sig_rect, st.get("sig_name", "Signature1"))


def build_agreement_web(case: Case) -> None:
    st, v = case.style, case.values
    rows = [("Organization Legal Name", v.get("org_legal_name", "")),
            ("Signature", v.get("signature_text", "")),
            ("Authorized Signatory Name", v.get("signer_name", "")),
            ("Authorized Signatory Title", v.get("signer_title", "")),
            ("Date Signed", show_date(v["signature_date"], st.get("date", "us")) if v.get("signature_date") else "")]
    body = "".join(f"<p>{hesc(t)}</p>" for t in AGR_TEXT)
    sig = "".join(f"<tr><th>{hesc(a)}</th><td class='{'sig' if a == 'Signature' else ''}'>{hesc(b)}</td></tr>"
                  for a, b in rows)
    html = (f"<!doctype html><html><head><meta charset='utf-8'><title>{TITLE['rpa_agreement']}</title><style>"
            "@page{size:Letter;margin:16mm} body{font-family:'Liberation Serif',serif;font-size:11pt;line-height:1.35}"
            "h1{font-size:17pt;text-align:center;letter-spacing:.5px} table{border-collapse:collapse;margin-top:6mm;width:85%}"
            "th{text-align:left;width:42%;font-weight:normal;padding:2mm;border-bottom:1px solid #999}"
            "td{padding:2mm;border-bottom:1px solid #333} td.sig{font-family:'DejaVu Serif';font-style:italic;font-size:13pt}"
            ".stamp{font-size:8pt;color:#555;margin-top:3mm} footer{font-size:8pt;margin-top:8mm}</style></head><body>"
            f"<h1>{TITLE['rpa_agreement']}</h1>{body}<table>{sig}</table>"
            f"<div class='stamp'>{hesc(st.get('stamp', ''))}</div>"
            f"<footer>{hesc(st.get('footer', '{code}').format(code=case.code(), page=1))}</footer></body></html>")
    chromium_pdf(html, case.path, case.name)


# ---- Systems Design -------------------------------------------------------------------------

def sd_expected(case: Case) -> dict[str, Any]:
    return {"transactions": sorted({k for k, _ in case.extra["flows"]})}


def build_sd_pdf(case: Case) -> None:
    st, ex = case.style, case.extra
    p = Printer(case.path, st, None)
    p.title(ex["title"])
    for para in ex["intro"]:
        p.para(para)
    for n, (txn, steps) in enumerate(ex["flows"], 1):
        p.ensure(90)
        p.y -= 4
        p.text(p.x0, p.y - 11, f"Process Flow {n}: {TXN_LABEL[txn]}", p.bold, 11)
        p.y -= 20
        cols = [40, 150, p.w - 190]
        p.c.setFillColor(GREY)
        p.c.rect(p.x0, p.y - 14, p.w, 14, stroke=0, fill=1)
        p.c.setFillColor(black)
        for i, h in enumerate(["Step", "POSC Screen", "Bot Action"]):
            p.text(p.x0 + sum(cols[:i]) + 3, p.y - 10.5, h, p.bold, 9)
        p.y -= 14
        for i, (screen, action) in enumerate(steps, 1):
            lines = wrap(action, p.font, 9, cols[2] - 6)
            h = len(lines) * 11 + 4
            p.ensure(h)
            p.c.setLineWidth(0.4)
            p.c.rect(p.x0, p.y - h, p.w, h)
            p.text(p.x0 + 3, p.y - 10, str(i), p.font, 9)
            p.text(p.x0 + cols[0] + 3, p.y - 10, screen, p.font, 9)
            for j, line in enumerate(lines):
                p.text(p.x0 + cols[0] + cols[1] + 3, p.y - 10 - j * 11, line, p.font, 9)
            p.y -= h
        p.y -= 10
    for para in ex.get("closing", []):
        p.para(para)
    p.save()


def build_sd_docx(case: Case, out: Path | None = None) -> Path:
    st, ex = case.style, case.extra
    d = DocxForm(st)
    d.doc.add_heading(ex["title"], level=1)
    for para in ex["intro"]:
        d.doc.add_paragraph(para)
    for n, (txn, steps) in enumerate(ex["flows"], 1):
        d.doc.add_heading(f"{n}. {TXN_LABEL[txn]} \u2013 process flow", level=2)
        if st.get("sd_table"):
            tbl = d.doc.add_table(rows=1, cols=4)
            tbl.style = "Table Grid"
            for c, h in zip(tbl.rows[0].cells, ["Step", "Actor", "POSC Screen", "Action"]):
                c.paragraphs[0].add_run(h).bold = True
            for i, (screen, action) in enumerate(steps, 1):
                r = tbl.add_row().cells
                r[0].text, r[1].text, r[2].text, r[3].text = str(i), "Bot", screen, action
        else:
            for screen, action in steps:
                p = d.doc.add_paragraph(style="List Number")
                p.add_run(f"{screen}: ").bold = True
                p.add_run(action)
    for para in ex.get("closing", []):
        d.doc.add_paragraph(para)
    path = out or case.path
    d.doc.save(str(path))
    return path


def build_sd_lo(case: Case) -> None:
    tmp = WORK / f"{case.name}.docx"
    build_sd_docx(case, tmp)
    soffice_pdf(tmp, case.path)


def build_sd_web(case: Case) -> None:
    ex = case.extra
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{hesc(ex['title'])}</title><style>"
             "@page{size:Letter;margin:15mm} body{font-family:'DejaVu Sans';font-size:9.5pt;line-height:1.4}"
             "h1{font-size:16pt;color:#123} h2{font-size:11.5pt;border-left:4px solid #468;padding-left:2mm;margin-top:6mm}"
             "ol li{margin:1mm 0} .scr{font-family:'DejaVu Sans Mono';font-size:8.5pt;background:#eef;padding:0 1mm}"
             "</style></head><body>", f"<h1>{hesc(ex['title'])}</h1>"]
    parts += [f"<p>{hesc(t)}</p>" for t in ex["intro"]]
    for txn, steps in ex["flows"]:
        parts.append(f"<h2>{hesc(TXN_LABEL[txn])}</h2><ol>")
        parts += [f"<li><span class='scr'>{hesc(s)}</span> \u2014 {hesc(a)}</li>" for s, a in steps]
        parts.append("</ol>")
    parts += [f"<p>{hesc(t)}</p>" for t in ex.get("closing", [])]
    parts.append("</body></html>")
    chromium_pdf("".join(parts), case.path, case.name)


# ---- Test Scenarios -------------------------------------------------------------------------

TS_HEAD = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result", "Pass/Fail"]


def ts_expected(case: Case) -> dict[str, Any]:
    rows = case.extra["rows"]
    txns = sorted({r[1] for r in rows})
    counts = {t: sum(1 for r in rows if r[1] == t and r[5] == "Pass") for t in txns}
    return {"transactions": txns, "scenario_pass_counts": counts}


def build_ts_pdf(case: Case) -> None:
    """reportlab printed table: zebra rows, wrapped cells, landscape."""
    st, ex = case.style, case.extra
    p = Printer(case.path, {**st, "landscape": True}, None)
    p.title(ex["title"])
    for para in ex.get("intro", []):
        p.para(para, size=9)
    widths = [62, 130, 130, 160, 160, p.w - 642]
    fs = 8.5

    def row(cells: list[str], bold: bool, shade: Color | None) -> None:
        font = p.bold if bold else p.font
        wrapped = [wrap(c, font, fs, w - 6) for c, w in zip(cells, widths)]
        h = max(len(x) for x in wrapped) * (fs + 2.5) + 5
        p.ensure(h)
        if shade is not None:
            p.c.setFillColor(shade)
            p.c.rect(p.x0, p.y - h, p.w, h, stroke=0, fill=1)
            p.c.setFillColor(black)
        x = p.x0
        for lines, w in zip(wrapped, widths):
            for j, line in enumerate(lines):
                p.text(x + 3, p.y - fs - 2 - j * (fs + 2.5), line, font, fs)
            x += w
        p.c.setLineWidth(0.3)
        p.c.line(p.x0, p.y - h, p.x0 + p.w, p.y - h)
        p.y -= h

    row(TS_HEAD, True, GREY)
    for i, r in enumerate(ex["rows"]):
        row([r[0], TXN_LABEL[r[1]], r[2], r[3], r[4], r[5]], False,
            Color(0.95, 0.95, 0.95) if i % 2 else None)
    for para in ex.get("closing", []):
        p.y -= 6
        p.para(para, size=9)
    p.save()


def build_ts_docx(case: Case, out: Path | None = None) -> Path:
    """DOCX table; with 'merge_txn' the Transaction column is one vertically merged cell per
    transaction."""
    st, ex = case.style, case.extra
    d = DocxForm({**st, "landscape": True})
    d.title(ex["title"])
    for para in ex.get("intro", []):
        d.doc.add_paragraph(para)
    rows = ex["rows"]
    tbl = d.doc.add_table(rows=1 + len(rows), cols=6)
    tbl.style = "Table Grid"
    for c, h in zip(tbl.rows[0].cells, TS_HEAD):
        c.paragraphs[0].add_run(h).bold = True
    for i, r in enumerate(rows, 1):
        cells = tbl.rows[i].cells
        for j, val in enumerate([r[0], TXN_LABEL[r[1]], r[2], r[3], r[4], r[5]]):
            if j == 1 and st.get("merge_txn") and i > 1 and rows[i - 2][1] == r[1]:
                continue
            cells[j].text = val
    if st.get("merge_txn"):
        i = 1
        while i <= len(rows):
            j = i
            while j < len(rows) and rows[j][1] == rows[i - 1][1]:
                j += 1
            if j > i:
                tbl.cell(i, 1).merge(tbl.cell(j, 1))
                tbl.cell(i, 1).text = TXN_LABEL[rows[i - 1][1]]
            i = j + 1
    for para in ex.get("closing", []):
        d.doc.add_paragraph(para)
    path = out or case.path
    d.doc.save(str(path))
    return path


def build_ts_lo(case: Case) -> None:
    tmp = WORK / f"{case.name}.docx"
    build_ts_docx(case, tmp)
    soffice_pdf(tmp, case.path)


def build_ts_fillable(case: Case) -> None:
    """Fillable rows. scheme 'rc': cell_rNN_cM text fields; 'combo': named fields with combo boxes
    for Transaction and Result; 'radio': opaque TextN + a Pass/Fail radio group per row."""
    st, ex = case.style, case.extra
    f = Filler(Case(case.name, "test_scenarios", "pdf", {}, [], "", "", style={**st, "landscape": True},
                    version=None))
    p = f.p
    p.title(ex["title"])
    for para in ex.get("intro", []):
        p.para(para, size=9)
    scheme = st["ts_scheme"]
    widths = [58, 140, 130, 145, 145, p.w - 618]
    x = p.x0
    p.c.setFillColor(GREY)
    p.c.rect(p.x0, p.y - 15, p.w, 15, stroke=0, fill=1)
    p.c.setFillColor(black)
    for h, w in zip(TS_HEAD, widths):
        p.text(x + 3, p.y - 11, h, p.bold, 9)
        x += w
    p.y -= 17
    rows = ex["rows"]
    common = dict(fontName="Helvetica", fontSize=8, borderWidth=0.5, borderColor=DARK, fillColor=white,
                  textColor=black, forceBorder=True)
    tcount = 0
    for i in range(ex["n_rows"]):
        r = rows[i] if i < len(rows) else None
        vals = [r[0], TXN_LABEL[r[1]], r[2], r[3], r[4], r[5]] if r else [""] * 6
        x = p.x0
        h = 26
        for c, (val, w) in enumerate(zip(vals, widths)):
            if scheme == "rc":
                txt = "\n".join(wrap(val, "Helvetica", 8, w - 6)) if val else ""
                f.af.textfield(name=f"cell_r{i + 1:02d}_c{c + 1}", value=txt, x=x + 1, y=p.y - h, width=w - 2,
                               height=h - 1, maxlen=None, fieldFlags="multiline" if c in (2, 3, 4) else "", **common)
            elif scheme == "combo" and c in (1, 5):
                opts = [lab for _, lab in TXNS] if c == 1 else ["Pass", "Fail"]
                nm = f"Transaction_{i + 1}" if c == 1 else f"Result_{i + 1}"
                f.af.choice(name=nm, value=val or " ", options=[" "] + opts, x=x + 1, y=p.y - 16, width=w - 2,
                            height=15, fieldFlags="combo", **common)
            elif scheme == "combo":
                nm = ["ScenarioID", "", "Screens", "Expected", "Actual"][c] + f"_{i + 1}"
                txt = "\n".join(wrap(val, "Helvetica", 8, w - 6)) if val else ""
                f.af.textfield(name=nm, value=txt, x=x + 1, y=p.y - h, width=w - 2, height=h - 1, maxlen=None,
                               fieldFlags="multiline" if c in (2, 3, 4) else "", **common)
            elif scheme == "radio" and c == 5:
                for k, lab in enumerate(["Pass", "Fail"]):
                    f.af.radio(name=f"Group{i + 1}", value=lab, selected=(val == lab), x=x + 4 + k * 38,
                               y=p.y - 15, size=9, buttonStyle="circle", shape="circle", borderWidth=0.6,
                               borderColor=DARK, fillColor=white, textColor=black, forceBorder=True)
                    p.text(x + 15 + k * 38, p.y - 13, lab, p.font, 8)
            else:
                tcount += 1
                txt = "\n".join(wrap(val, "Helvetica", 8, w - 6)) if val else ""
                f.af.textfield(name=f"Text{tcount}", value=txt, x=x + 1, y=p.y - h, width=w - 2, height=h - 1,
                               maxlen=None, fieldFlags="multiline" if c in (2, 3, 4) else "", **common)
            x += w
        p.y -= h + 2
    for para in ex.get("closing", []):
        p.y -= 6
        p.para(para, size=9)
    p.save()
    patch_buttons(case.path, {})


# --------------------------------------------------------------------------------------------
# scans: image-only PDFs
# --------------------------------------------------------------------------------------------

def build_scan(case: Case) -> None:
    import numpy as np
    from PIL import Image, ImageFilter
    st = case.style
    src = HERE / st["scan_of"]
    dpi = st["dpi"]
    rng = random.Random(st.get("seed", 7))
    nrng = np.random.default_rng(st.get("seed", 7))
    WORK.mkdir(parents=True, exist_ok=True)
    stem = WORK / f"{case.name}_pg"
    for old in WORK.glob(f"{case.name}_pg*"):
        old.unlink()
    run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src), str(stem)])
    pages = []
    for pg in sorted(WORK.glob(f"{case.name}_pg*.png")):
        im = Image.open(pg).convert("L")
        angle = st["angle"] * (1 if len(pages) % 2 == 0 else 0.8)
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(st.get("blur", 0.7)))
        a = np.asarray(im).astype(np.float32)
        a = a * st.get("contrast", 0.92) + 255 * (1 - st.get("contrast", 0.92)) * 0.6  # greyish paper
        a += nrng.normal(0, st.get("noise", 9), a.shape)
        h, w = a.shape
        for _ in range(st.get("specks", 160)):  # dust and toner specks
            y, x = rng.randrange(h), rng.randrange(w)
            r = rng.choice([1, 1, 1, 2, 2, 3])
            a[max(0, y - r):y + r, max(0, x - r):x + r] = rng.randint(0, 90)
        a = np.clip(a, 0, 255).astype(np.uint8)
        pages.append(Image.fromarray(a, "L"))
    q = st.get("quality", 55)
    jpgs = []
    for i, im in enumerate(pages):
        jp = WORK / f"{case.name}_j{i}.jpg"
        im.save(jp, "JPEG", quality=q)
        jpgs.append(Image.open(jp))
    jpgs[0].save(case.path, "PDF", resolution=float(dpi), save_all=True, append_images=jpgs[1:])


# --------------------------------------------------------------------------------------------
# two custom layouts: DOCX grid with merged cells; landscape label-band tables
# --------------------------------------------------------------------------------------------

def _shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {W_NS} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def build_docx_merged(case: Case) -> None:
    """4-column grid: section rows merged across all columns; short fields two per row
    (label | value | label | value); long values merged over three columns; each choice group a
    label cell merged DOWN over one row per option (mark | option label merged over two)."""
    st, ftype, v = case.style, case.ftype, case.values
    d = DocxForm(st)
    d.title(TITLE[ftype])
    tbl = d.doc.add_table(rows=0, cols=4)
    tbl.style = "Table Grid"
    on, off = st.get("docx_marks", ("\u2612", "\u2610"))
    for n, (caps, title, keys) in enumerate(sections_of(ftype), 1):
        r = tbl.add_row()
        c = r.cells[0].merge(r.cells[3])
        c.paragraphs[0].add_run(f"{n}. {caps}").bold = True
        _shade(c, "BFBFBF")
        i = 0
        while i < len(keys):
            k = keys[i]
            kind = kind_of(k)
            if kind == "check":
                r = tbl.add_row()
                c = r.cells[0].merge(r.cells[3])
                c.paragraphs[0].add_run(f"{on if v.get(k) else off} {ATTEST_LABEL}")
                i += 1
                continue
            if kind in ("choice", "set", "yesno"):
                opts = options_for(k)
                first = len(tbl.rows)
                for o, lab in opts:
                    r = tbl.add_row()
                    r.cells[1].paragraphs[0].add_run(on if is_selected(k, v.get(k), o) else off)
                    r.cells[2].merge(r.cells[3]).paragraphs[0].add_run(lab)
                lc = tbl.cell(first, 0).merge(tbl.cell(len(tbl.rows) - 1, 0))
                lc.paragraphs[0].add_run(label_of(ftype, k)).bold = True
                _shade(lc, "EDEDED")
                i += 1
                continue
            nxt = keys[i + 1] if i + 1 < len(keys) else None
            r = tbl.add_row()
            if kind in SHORT and nxt and kind_of(nxt) in SHORT:
                for j, kk in enumerate((k, nxt)):
                    r.cells[2 * j].paragraphs[0].add_run(label_of(ftype, kk)).bold = True
                    _shade(r.cells[2 * j], "EDEDED")
                    r.cells[2 * j + 1].paragraphs[0].add_run(show(kk, v.get(kk), st, ftype))
                i += 2
                continue
            r.cells[0].paragraphs[0].add_run(label_of(ftype, k)).bold = True
            _shade(r.cells[0], "EDEDED")
            r.cells[1].merge(r.cells[3]).paragraphs[0].add_run(show(k, v.get(k), st, ftype))
            i += 1
    d.footer(st.get("footer", "{code}").format(code=case.code(), page=1))
    d.doc.save(str(case.path))


def build_band_table(case: Case) -> None:
    """Landscape page; each section a ruled table whose first row holds the labels (shaded) and
    whose second row holds the values UNDER them. Choice groups list options with marks."""
    st, ftype, v = case.style, case.ftype, case.values
    p = Printer(case.path, {**st, "landscape": True}, case.code())
    p.title(TITLE[ftype])
    per_row = st.get("per_row", 4)
    fs, lfs = p.size, p.lsize
    for n, (caps, title, keys) in enumerate(sections_of(ftype), 1):
        p.heading(caps, title, n)
        groups: list[list[str]] = []
        cur: list[str] = []
        for k in keys:
            wide = kind_of(k) in ("set", "long", "check") or len(label_of(ftype, k)) > 55
            if wide or len(cur) >= per_row:
                if cur:
                    groups.append(cur)
                cur = []
            if wide:
                groups.append([k])
            else:
                cur.append(k)
        if cur:
            groups.append(cur)
        for ks in groups:
            cw = p.w / len(ks)
            labs = [wrap(label_text(ftype, k, st), p.bold, lfs, cw - 6) for k in ks]
            vals = []
            for k in ks:
                if kind_of(k) in ("choice", "set", "yesno", "check"):
                    vals.append(None)
                else:
                    t = show(k, v.get(k), {**st, "list_sep": "\n"} if kind_of(k) == "list" else st, ftype)
                    vals.append(wrap(t, p.font, fs, cw - 6) if t else [])
            lh = max(len(x) for x in labs) * lfs * 1.25 + 4
            vh = max([len(x) for x in vals if x is not None] + [1]) * p.lead + 5
            for k, x in zip(ks, vals):
                if x is None:
                    vh = max(vh, p.options_line(k, v.get(k), 0, 0, cw - 8, fs, draw=False) + 5)
            p.ensure(lh + vh + 6)
            for j, k in enumerate(ks):
                x0 = p.x0 + j * cw
                p.c.setFillColor(GREY)
                p.c.rect(x0, p.y - lh, cw, lh, stroke=0, fill=1)
                p.c.setFillColor(black)
                for li, line in enumerate(labs[j]):
                    p.text(x0 + 3, p.y - lfs - 1 - li * lfs * 1.25, line, p.bold, lfs)
                if vals[j] is None:
                    if kind_of(k) == "check":
                        mw = p.mark(x0 + 4, p.y - lh - fs - 2, bool(v.get(k)), st.get("marks", "glyph"), fs)
                        p.text(x0 + 8 + mw, p.y - lh - fs - 2, "Yes", p.font, fs)
                    else:
                        p.options_line(k, v.get(k), x0 + 4, p.y - lh - fs - 2, cw - 8, fs)
                else:
                    for li, line in enumerate(vals[j]):
                        p.text(x0 + 3, p.y - lh - fs - 2 - li * p.lead, line, p.font, fs)
                p.c.setLineWidth(0.6)
                p.c.rect(x0, p.y - lh - vh, cw, lh + vh)
                p.c.line(x0, p.y - lh, x0 + cw, p.y - lh)
            p.y -= lh + vh + 6
    p.save()


# --------------------------------------------------------------------------------------------
# case data
# --------------------------------------------------------------------------------------------

T_UI = ("UiPath Studio", "UiPath, Inc.", "2024.10.4")
T_PAD = ("Power Automate Desktop", "Microsoft Corporation", "2.52")
T_BP = ("Blue Prism", "SS&C Blue Prism", "7.3.1")
T_AA = ("Automation 360", "Automation Anywhere, Inc.", "v.36")
T_NX = ("Nintex RPA", "Nintex USA, Inc.", "20.11")
T_PEGA = ("Pega Robotic Automation", "Pegasystems Inc.", "22.1.38")
T_WF = ("WorkFusion Intelligent Automation Cloud", "WorkFusion, Inc.", "2025.1")


def tool(t: tuple[str, str, str], version: bool = True) -> dict[str, Any]:
    return {"rpa_tool_name": t[0], "rpa_tool_vendor": t[1], "rpa_tool_version": t[2] if version else None}


def vals(org: str, sign_date: str | None, org_over: dict[str, Any] | None = None,
         sign_over: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    v = org_values(org, **(org_over or {}))
    v.update({k: x for k, x in kw.items()})
    if sign_date is not None or sign_over:
        v.update(signer(org, sign_date, **(sign_over or {})))
    return {k: x for k, x in v.items() if x is not None}


LOGIN = ("POSC Login", "Opens the POSC sign-in page and signs in with the RPA User ID assigned to this bot; "
         "if the page shows a message instead of the home page, the bot stops and alerts staff.")
LOGOUT = ("POSC Home / Logout", "Returns to the home page and signs out; the work item is marked complete.")
FLOWS = {
    "eligibility_inquiry": [
        LOGIN,
        ("Member Search", "Enters the member ID and the date of service from the work queue and presses Search."),
        ("Member Coverage Summary", "Reads the coverage segments, the managed care plan and any third-party "
         "liability indicator, and writes them to the work queue."), LOGOUT],
    "claim_status": [
        LOGIN,
        ("Claim Search", "Searches by internal control number (ICN), or by member ID and service dates."),
        ("Claim Detail", "Reads the current claim status, the status reason codes and the paid amount."),
        LOGOUT],
    "claim_submission": [
        LOGIN,
        ("DDE Professional Claim", "Keys the claim header, diagnosis codes and service lines from the "
         "billing export file."),
        ("DDE Claim Review", "Compares the line totals with the export, presses Submit and records the ICN "
         "the POSC returns."), LOGOUT],
    "claim_adjustment": [
        LOGIN,
        ("Paid Claim Lookup", "Finds the original paid claim by its ICN."),
        ("Adjust/Void Request", "Chooses adjust or void, enters the reason code and any corrected lines, "
         "and submits the request."), LOGOUT],
    "prior_authorization": [
        LOGIN,
        ("PA Request Entry", "Enters the member, the requesting and servicing providers and the service "
         "codes, and attaches the clinical summary PDF."),
        ("PA Request Confirmation", "Records the PA tracking number shown on the confirmation page."),
        LOGOUT],
    "remittance_advice": [
        LOGIN,
        ("Remittance Advice Search", "Selects the payment cycle dates of the last two weeks."),
        ("Remittance Advice Download", "Downloads each new 835 file to the secure share and logs its name."),
        LOGOUT],
}


def sd_case(name: str, org: str, title: str, txns: list[str], bot: str, tool_: tuple[str, str, str],
            build: Any, drawn: str, desc: str, style: dict[str, Any] | None = None) -> Case:
    names = " and ".join(TXN_LABEL[t] for t in txns) if len(txns) < 3 else (
        ", ".join(TXN_LABEL[t] for t in txns[:-1]) + " and " + TXN_LABEL[txns[-1]])
    intro = [f"Organization: {ORGS[org]['org_legal_name']}. Bot: {bot}, built with {tool_[0]} "
             f"{tool_[2]} ({tool_[1]}).",
             f"This document describes, end to end, how the bot performs {len(txns)} POSC "
             f"transaction{'s' if len(txns) > 1 else ''}: {names}. Every POSC screen the bot "
             "opens is listed in the order it is used. The bot runs unattended from a work queue "
             "that staff load each morning; it never types free-text notes into the POSC."]
    closing = ["Exceptions: when a screen does not load within 30 seconds the bot retries once, "
               "then puts the work item back in the queue for a person to finish. Credentials are "
               "kept in the tool's encrypted vault and rotated every 60 days."]
    ext = "docx" if build is build_sd_docx else "pdf"
    shape = [9, 13] if (style or {}).get("landscape") else [9]
    return Case(name, "systems_design", ext, {}, shape, drawn, desc, build=build, style=style or {},
                version=None, extra={"title": title, "intro": intro, "closing": closing,
                                     "flows": [(t, FLOWS[t]) for t in txns]})


def ts_row(i: int, prefix: str, txn: str, result: str, note: str = "") -> tuple[str, ...]:
    screens = "; ".join(s for s, _ in FLOWS[txn][1:3])
    exp = {"eligibility_inquiry": "Coverage segments for the date of service are read and saved",
           "claim_status": "Current claim status and reason codes are read and saved",
           "claim_submission": "Claim is accepted and an ICN is returned",
           "claim_adjustment": "Adjustment or void request is accepted",
           "prior_authorization": "PA request is accepted and a tracking number is shown",
           "remittance_advice": "All new 835 files are downloaded"}[txn]
    act = exp.replace("is ", "was ").replace("are ", "were ") if result == "Pass" else note
    return (f"{prefix}-{i:02d}", txn, screens, exp, act, result)


def ts_case(name: str, title: str, rows: list[tuple[str, ...]], build: Any, drawn: str, desc: str,
            style: dict[str, Any] | None = None, n_rows: int = 0) -> Case:
    ext = "docx" if build is build_ts_docx else "pdf"
    intro = ["Environment: MassHealth Trading Partner Testing Environment. Each scenario was run end "
             "to end by the bot; results were checked by a tester."]
    shape = [3, 9] if build is build_ts_fillable else [9, 13] if (style or {}).get("merge_txn") or build is build_ts_lo else [9]
    return Case(name, "test_scenarios", ext, {}, shape, drawn, desc, build=build, style=style or {},
                version=None, extra={"title": title, "rows": rows, "intro": intro,
                                     "n_rows": n_rows or len(rows)})


def agr_case(name: str, org: str, date: str | None, sig: str, build: Any, ext: str, shape: list[int],
             drawn: str, desc: str, style: dict[str, Any], problems: list[tuple[str, str]] | None = None,
             **over: Any) -> Case:
    v = {"org_legal_name": ORGS[org]["org_legal_name"], "signer_name": ORGS[org]["signer_name"],
         "signer_title": ORGS[org]["signer_title"], "signature_date": date, "signature_text": sig}
    v.update(over)
    v["signed"] = bool(sig) or bool(v.get("signer_name") and v.get("signature_date"))
    return Case(name, "rpa_agreement", ext, v, shape, drawn, desc, build=build, style=style,
                problems=problems or [])


def required_missing(ftype: str) -> list[tuple[str, str]]:
    out = []
    for _, _, keys in SECTIONS[ftype]:
        for k in keys:
            if is_required(ftype, k):
                out.append(("not_attested" if k == "attest" else "missing_required", k))
    return out


FOOT_A = "Form {code} (Rev. 07/2026)"
FOOT_B = "{code} \u00b7 MassHealth RPA Registration \u00b7 rev 2026-05"
FOOT_C = "MassHealth {code}"


def cases() -> list[Case]:
    C: list[Case] = []
    add = C.append
    RL = "reportlab canvas"
    RLF = "reportlab acroForm + pypdf (button appearances redrawn as vector paths)"
    DX = "python-docx + raw OOXML"
    LO = "python-docx -> LibreOffice 7.4 (soffice --headless --convert-to pdf)"
    CH = "HTML -> headless Chromium --print-to-pdf"

    # ======================= stage1 ==========================================================
    add(Case("bx01_stage1_boxed_vera_rounded", "stage1", "pdf", vals(
        "merrimack", "2026-03-12", **tool(T_UI), bot_count=2, bot_names=["MVP-ELIG-01", "MVP-STAT-02"],
        hosting="on_premises", transactions=["eligibility_inquiry", "claim_status"],
        posc_screens=["Member Search", "Member Coverage Summary", "Claim Search", "Claim Detail"],
        screens_per_session=6, avg_weekly_transactions=350, est_monthly_transactions=1400,
        operating_hours="Weekdays 6:00 PM to 11:00 PM", planned_go_live="2027-01-11"),
        [1], RL, "Flattened Stage I in Bitstream Vera 9.5 (labels Vera Bold 8.5): every label on its own line, "
        "' *' after required labels, the value inside a rounded box below it; lists one item per line in "
        "the box; choices as \u2612/\u2610 (DejaVu) rows inside the box. Headings '1. Organization' .. "
        "'8. Attestation and Signature'. Dates 'March 12, 2026'. Provider with PID/SL and NPI.",
        build=build_printed, style=dict(layout="boxed", font="Vera", bold="Vera-Bold", size=9.5, lsize=8.5,
                                        asterisk=True, rounded=True, headings="numtitle", marks="glyph",
                                        date="long", list_sep="\n", footer=FOOT_A)))
    add(Case("hd01_stage1_blank_boxes_before_caps", "stage1", "pdf", vals(
        "nutmeg", "2026-05-19", **tool(T_PAD, version=False), bot_count=3,
        bot_names=["NRP-Claims-A", "NRP-Claims-B", "NRP-Remit"], hosting="cloud",
        transactions=["claim_submission", "claim_status", "remittance_advice"],
        posc_screens=["DDE Professional Claim", "DDE Claim Review", "Claim Search", "Claim Detail",
                      "Remittance Advice Search", "Remittance Advice Download"],
        screens_per_session=9, avg_weekly_transactions=1200, est_monthly_transactions=4800),
        [1, 2], RL, "Boxed Stage I (Liberation Sans 9, asterisks, [X]/[ ] marks) with CAPS section headings. "
        "Empty boxes directly followed by a heading: Doing Business As (DBA) (moved to the end of the "
        "section) before 'ADDRESS', RPA Tool Version before 'BOT DETAILS', Bot Operating Hours before "
        "'POSC TRANSACTIONS AND SCREENS', Planned Production Date before 'ATTESTATION AND SIGNATURE'. "
        "The headings are not values. Connecticut business partner (PID/SL and NPI boxes empty).",
        build=build_printed, style=dict(layout="boxed", font="LibSans", bold="LibSans-Bold", size=9, lsize=8,
                                        gap=5, asterisk=True, headings="caps", marks="brackets", move_last=["org_dba"],
                                        date="us", phone="dot", list_sep="; ", footer=FOOT_B)))
    add(Case("cc03_stage1_cc_missing_screens", "stage1", "docx", vals(
        "ctriver", "2026-06-03", org_over=dict(contact_title=None), **tool(T_WF, version=False), bot_count=1,
        bot_names=["CRHIN-MatchBot"], transactions=["eligibility_inquiry", "other"],
        transactions_other="Provider directory address confirmation",
        posc_screens=["Member Search", "Member Coverage Summary", "Provider Directory Maintenance"],
        avg_weekly_transactions=800, est_monthly_transactions=3200, operating_hours="Daily 01:00-04:00",
        planned_go_live="2027-02-01"),
        [4, 11], DX, "Label | content-control table (Calibri 10). Organization Type a dropDownList whose item values are "
        "codes (PR/BP/RE); Bot Hosting dropdown still shows 'Choose an item.'; RPA Tool Version, Primary "
        "Contact Title and Maximum POSC Screens per Bot Session still show 'Click or tap here to enter "
        "text.' (w:showingPlcHdr, absent); transactions as w14 checkboxes; dates are date controls. "
        "PROBLEM: the required Maximum POSC Screens per Bot Session is left empty (placeholder).",
        build=build_docx_form, problems=[("missing_required", "screens_per_session")],
        style=dict(mode="cc", docx_layout="table", dropdown=["org_type", "hosting"],
                   cc_drop_value=lambda k, o, lab: {"provider": "PR", "business_partner": "BP",
                                                   "relationship_entity": "RE"}.get(o, lab),
                   cc_date_fmt=("MMMM d, yyyy", "long"), footer=FOOT_A)))
    add(Case("lg03_stage1_legacy_paragraphs", "stage1", "docx", vals(
        "nashoba", "2026-04-27", **tool(T_NX), bot_count=1, bot_names=["NVPT-Bot1"], hosting="vendor_hosted",
        transactions=["eligibility_inquiry", "prior_authorization"],
        posc_screens=["Member Search", "Member Coverage Summary", "PA Request Entry", "PA Request Confirmation"],
        screens_per_session=5, avg_weekly_transactions=90, est_monthly_transactions=360,
        operating_hours="Mon-Sat 5:00 AM - 7:00 AM", planned_go_live="2026-12-14"),
        [5], DX, "Protected Word form (documentProtection edit=forms) in 'Label: [field]' paragraphs: FORMTEXT with "
        "author-chosen names (Text_OrgLegalName, Text_Fein, Check_Transactions .. Check_Transactions7, Dropdown_Hosting), Organization Type and POSC Transactions as FORMCHECKBOX "
        "groups checked through w:default=1, Bot Hosting a FORMDROPDOWN (entry 3 of ' ', On-Premises, Cloud, "
        "Vendor-Hosted). Dates 'Apr. 27, 2026'.",
        build=build_docx_form, style=dict(mode="legacy", docx_layout="para", docx_sep=": ", dropdown=["hosting"],
                                          ff_check_how="default", date="abbr", docx_font="Tahoma",
                                          ff_names=lambda base, k: (base + "_" + "".join(w.title() for w in k.split("_")))[:40],
                                          footer=FOOT_C)))
    add(Case("sp01_stage1_docx_tab_text_choices", "stage1", "docx", vals(
        "harborline", "2026-01-20", **tool(T_AA), bot_count=1, bot_names=["HCA-EligStatus-01"],
        hosting="vendor_hosted", transactions=["eligibility_inquiry", "claim_status"],
        posc_screens=["Member Search", "Member Coverage Summary", "Claim Search", "Claim Detail"],
        screens_per_session=4, avg_weekly_transactions=2500, est_monthly_transactions=10000,
        operating_hours="24x7 (queue driven)", planned_go_live="2026-04-06"),
        [6], "python-docx", "DOCX paragraphs 'Label<TAB>value', one left tab stop at 3.25 in (Arial named); choices typed as "
        "their label text ('Business Partner', 'Vendor-Hosted', 'Member Eligibility Verification; Claim "
        "Status Inquiry'); attestation '\u2612 I attest ...'; '2,500' / '10,000' with separators; dates "
        "'Jan. 20, 2026'. This is the Stage I whose approval RPA1-2026-00417 sp03 refers to.",
        build=build_docx_form, style=dict(mode="typed", docx_sep="\t", tab_at=3.25, docx_choice="text",
                                          docx_font="Arial", thousands=True, date="abbr", list_sep=", ",
                                          phone="paren", footer=FOOT_A)))
    bad_npi = ORGS["capeann"]["npi"][:9] + str((int(ORGS["capeann"]["npi"][9]) + 3) % 10)
    assert not npi_ok(bad_npi)
    add(Case("sp07_stage1_lo_endash_bad_npi", "stage1", "pdf", vals(
        "capeann", "2026-09-08", org_over=dict(npi=bad_npi), **tool(T_PEGA), bot_count=2,
        bot_names=["CAHH-PA-1", "CAHH-PA-2"], hosting="on_premises", transactions=["prior_authorization"],
        posc_screens=["PA Request Entry", "PA Request Confirmation"], screens_per_session=3,
        avg_weekly_transactions=60, est_monthly_transactions=240, planned_go_live="2027-01-04"),
        [6, 11], LO, "'Label \u2013 value' paragraphs (en dash; Georgia named, LibreOffice substitutes) printed to PDF by "
        "LibreOffice; choices as '\u2611 x   \u2610 y' runs; empty Bot Operating Hours printed as 'Bot "
        "Operating Hours \u2013' with nothing after. PROBLEM: the NPI fails the 80840 Luhn check "
        f"({bad_npi}).",
        build=build_docx_then_pdf, problems=[("invalid", "npi")],
        style=dict(mode="typed", docx_sep=" \u2013 ", docx_marks=("\u2611", "\u2610"), docx_font="Georgia",
                   date="dmy", phone="space", footer=FOOT_B)))
    add(Case("wb01_stage1_web_native_controls", "stage1", "pdf", vals(
        "bluefin", "2026-02-17", **tool(T_BP), bot_count=3, bot_names=["BAS-DDE-01", "BAS-PA-01", "BAS-RA-01"],
        hosting="cloud", transactions=["claim_submission", "prior_authorization", "remittance_advice"],
        posc_screens=["DDE Professional Claim", "DDE Claim Review", "PA Request Entry", "PA Request Confirmation",
                      "Remittance Advice Search", "Remittance Advice Download"],
        screens_per_session=7, avg_weekly_transactions=3150, est_monthly_transactions=12600,
        operating_hours="Mon-Fri 20:00-02:00 ET", planned_go_live="2026-06-01"),
        [7], CH, "Web form in <fieldset>s (Liberation Sans 10.5): label column + <input type=text>, <textarea> for "
        "lists (one per line), NATIVE radio buttons and checkboxes as Chromium paints them (vector, no "
        "glyph); printed without browser header/footer.",
        build=build_web, style=dict(web="native", date="iso", phone="dash")))
    tx_exp = {"eligibility_inquiry": "ELIG", "claim_submission": "CLMSUB", "claim_status": "CLMSTAT",
              "claim_adjustment": "ADJVOID", "prior_authorization": "PA", "remittance_advice": "RA", "other": "OTHER"}
    add(Case("af01_stage1_fill_named_custom_exports", "stage1", "pdf", vals(
        "southshore", "2026-02-24", **tool(T_UI), bot_count=2, bot_names=["SSCDG-Claims", "SSCDG-Adjust"],
        hosting="on_premises", transactions=["claim_submission", "claim_adjustment"],
        posc_screens=["DDE Professional Claim", "DDE Claim Review", "Paid Claim Lookup", "Adjust/Void Request"],
        screens_per_session=5, avg_weekly_transactions=410, est_monthly_transactions=1640,
        operating_hours="Tue and Thu 7 PM - 10 PM", planned_go_live="2026-05-04"),
        [8], RLF, "Fillable Stage I with meaningful snake_case names (s1_org_legal_name, s1_txn_claim_status ..). "
        "Transaction checkboxes export custom on-states /ELIG /CLMSUB /CLMSTAT /ADJVOID /PA /RA /OTHER; "
        "attestation exports /Agreed; Organization Type radio /PRV /BP /RE; Bot Hosting radio /ONPREM /CLOUD "
        "/VENDOR. Labels left of the widgets; lists in multi-line fields.",
        build=build_fillable, style=dict(
            names=lambda w, k, o: ("s1_txn_" + str(o)) if (w == "check" and k == "transactions") else
            ("s1_attest_chk" if k == "attest" else "s1_" + k + ("_grp" if w == "radio" else "")),
            check_export=lambda k, o: "Agreed" if k == "attest" else tx_exp[o],
            radio_export=lambda k, o: {"provider": "PRV", "business_partner": "BP", "relationship_entity": "RE",
                                       "on_premises": "ONPREM", "cloud": "CLOUD", "vendor_hosted": "VENDOR"}[o],
            headings="caps", date="us", phone="paren", footer=FOOT_A)))
    add(Case("nw01_stage1_lo_newspaper_columns", "stage1", "pdf", vals(
        "vineyard", "2026-07-30", **tool(T_PAD), bot_count=1, bot_names=["MVIPC-RxBot"], hosting="cloud",
        transactions=["eligibility_inquiry", "claim_status", "prior_authorization"],
        posc_screens=["Member Search", "Member Coverage Summary", "Claim Search", "Claim Detail",
                      "PA Request Entry"],
        screens_per_session=6, avg_weekly_transactions=275, est_monthly_transactions=1100,
        operating_hours="Every day 9 PM - midnight", planned_go_live="2026-10-05"),
        [13], LO, "Re-typed form (Georgia named) in TWO newspaper columns (w:cols num=2 after a continuous section "
        "break; the title spans the page): each label a bold 9 pt paragraph, the value in the paragraph "
        "below it; fields flow down column 1 and continue at the top of column 2. Choices typed as "
        "\u2612/\u2610 runs. Printed to PDF by LibreOffice.",
        build=build_docx_then_pdf, style=dict(mode="typed", docx_layout="below", cols2=True, docx_font="Georgia",
                                              date="long", phone="dot", list_sep="; ", footer=FOOT_C)))

    # ======================= stage2 ==========================================================
    add(Case("bx02_stage2_boxed_three_columns", "stage2", "pdf", vals(
        "bluefin", "2026-08-20", stage1_approval_number="RPA1-2026-00388", **tool(T_BP),
        transactions=["claim_submission", "prior_authorization", "remittance_advice"], testing_completed=True,
        testing_completed_date="2026-08-14", user_ids_requested=3,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [1], RL, "Boxed Stage II, up to THREE label-above-box pairs per row (Liberation Serif 10/9, asterisks), "
        "white-on-dark section bars in CAPS, choices as a drawn square with a \u2713 (DejaVu) inside.",
        build=build_printed, style=dict(layout="boxed", columns=3, font="LibSerif", bold="LibSerif-Bold", size=10,
                                        lsize=8.5, asterisk=True, heading_bar=True, headings="caps",
                                        marks="boxcheck", date="usn", phone="plus1", footer=FOOT_A)))
    add(Case("hd04_stage2_gap10_blanks_before_caps", "stage2", "pdf", vals(
        "worcester", "2026-10-06", org_over=dict(contact_title=None), stage1_approval_number="RPA1-2026-00274",
        **tool(T_AA, version=False), transactions=["eligibility_inquiry", "claim_submission"],
        testing_completed=True, user_ids_requested=2, docs_enclosed=["rpa_agreement", "test_scenarios"]),
        [2, 6], RL, "Printed 'Label   value' lines, value 10 pt after the label (Vera 9.5, no colon), CAPS headings. "
        "Blanks directly followed by a heading: Primary Contact Title (moved last) before 'STAGE I "
        "REFERENCE', RPA Tool Version before 'TRANSACTIONS AND TESTING', Testing Completion Date before "
        "'RPA USER IDS'. Choices as \u25a0/\u25a1.",
        build=build_printed, style=dict(layout="line", sep="gap10", font="Vera", bold="Vera-Bold", size=9.5,
                                        headings="caps", marks="square", move_last=["contact_title"],
                                        date="us", phone="paren", footer=FOOT_B)))
    add(Case("lg01_stage2_legacy_table", "stage2", "docx", vals(
        "southshore", "2026-09-29", stage1_approval_number="RPA1-2026-00452", **tool(T_UI),
        transactions=["claim_submission", "claim_adjustment"], testing_completed=True,
        testing_completed_date="2026-09-18", user_ids_requested=2,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [5], DX, "Protected legacy-field form in a label | field table: Organization Type a FORMDROPDOWN, "
        "transactions and documents FORMCHECKBOX groups (checked with w:checked), testing completed a "
        "Yes/No FORMCHECKBOX pair, FORMTEXT names Text1.., empty FORMTEXT = five en spaces. Goes with af01.",
        build=build_docx_form, style=dict(mode="legacy", docx_layout="table", dropdown=["org_type"],
                                          date="us", phone="dash", docx_font="Segoe UI", footer=FOOT_A)))
    add(Case("sp03_stage2_docx_equals_unapproved_txn", "stage2", "docx", vals(
        "harborline", "2026-05-11", stage1_approval_number="RPA1-2026-00417", **tool(T_AA),
        transactions=["eligibility_inquiry", "claim_submission", "claim_status"], testing_completed=True,
        testing_completed_date="2026-04-30", user_ids_requested=1,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [6, 11], "python-docx", "DOCX 'Label = value' paragraphs (Consolas named, 9.5 pt), choices as '[x] label   [ ] label'. "
        "PROBLEM (registry cross-check): Stage I RPA1-2026-00417 is sp01 (same FEIN 83-1927460), which "
        "requested only Member Eligibility Verification and Claim Status Inquiry; this Stage II adds "
        "Claim Submission (DDE), which needs a separate Stage I.",
        build=build_docx_form, problems=[("transaction_not_approved", "transactions")],
        style=dict(mode="typed", docx_sep=" = ", docx_marks=("[x]", "[ ]"), docx_font="Consolas", docx_size=9.5,
                   date="dash", phone="paren", footer=FOOT_A)))
    add(Case("af05_stage2_fill_missing_user_ids", "stage2", "pdf", vals(
        "merrimack", "2026-11-16", stage1_approval_number="RPA1-2026-00305", **tool(T_UI),
        transactions=["eligibility_inquiry", "claim_status"], testing_completed=True,
        testing_completed_date="2026-11-09", docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [8, 11], RLF, "Fillable Stage II, labels ABOVE the widgets, CamelCase names with a form prefix (S2_OrgLegalName, "
        "S2_Txn_ClaimStatus, S2_Docs_TestScenarios, S2_TestingCompleted); checkboxes export /On, the "
        "testing radio /Yes /No, Organization Type radio /Provider /BusinessPartner /RelationshipEntity. PROBLEM: the required Number of RPA User IDs Requested field is "
        "present and visibly EMPTY.",
        build=build_fillable, problems=[("missing_required", "user_ids_requested")],
        style=dict(names=lambda w, k, o: "S2_" + ("Txn_" if k == "transactions" and w == "check" else
                                                  "Docs_" if k == "docs_enclosed" else "") +
                   "".join(x.title() for x in (str(o) if w == "check" and o is not True else k).split("_")),
                   check_export=lambda k, o: "On",
                   radio_export=lambda k, o: ("Yes" if o else "No") if isinstance(o, bool) else
                   "".join(x.title() for x in str(o).split("_")),
                   label_above=True, headings="numtitle", date="usn", phone="dash", footer=FOOT_C)))
    add(Case("bl01_stage2_blank_lo_table", "stage2", "pdf", {},
             [12, 2], LO, "Completely blank Stage II: python-docx label | value tables (Table Grid, bold labels) with "
             "every value cell empty and every choice \u2610, printed by LibreOffice. Empty cells are followed "
             "by CAPS headings.",
             build=build_docx_then_pdf, problems=required_missing("stage2"),
             style=dict(mode="typed", docx_layout="table", docx_font="Calibri", footer=FOOT_A)))
    add(Case("nw03_stage2_docx_merged_cells", "stage2", "docx", vals(
        "vineyard", "2026-11-23", stage1_approval_number="RPA1-2026-00561", **tool(T_PAD),
        transactions=["eligibility_inquiry", "claim_status", "prior_authorization"], testing_completed=True,
        testing_completed_date="2026-11-13", user_ids_requested=1,
        docs_enclosed=["rpa_agreement", "test_scenarios"]),
        [13], "python-docx", "One 4-column Table Grid for the whole form: section rows merged across all four columns "
        "(grey); two label | value pairs per row; long values merged over three columns; every choice "
        "group is a label cell merged DOWN (w:vMerge) over one row per option, each row a \u2612/\u2610 cell and "
        "the option text merged over two columns. Goes with nw01.",
        build=build_docx_merged, style=dict(date="long", phone="paren", footer=FOOT_B)))

    # ======================= stage2_grandfathered ============================================
    add(Case("bx04_s2g_boxed_landscape_two_columns", "stage2_grandfathered", "pdf", vals(
        "berkshire", "2026-07-09", operational_since="2021-03-01", current_user_ids=["BRHBC-BOT1", "BRHBC-BOT2"],
        bot_count=2, screens_per_session=8, avg_weekly_transactions=640, **tool(T_BP),
        transactions=["claim_submission", "claim_status", "remittance_advice"], testing_completed=True,
        testing_completed_date="2026-06-30", user_ids_requested=2,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [1, 13], RL, "LANDSCAPE boxed grandfathered Stage II in two columns (Helvetica 9, asterisks), one-of choices "
        "as \u25c9/\u25cb and sets as \u2612/\u2610 (DejaVu); the long title with the en dash on one line.",
        build=build_printed, style=dict(layout="boxed", columns=2, landscape=True, font="Helvetica",
                                        bold="Helvetica-Bold", size=9, lsize=8, asterisk=True, headings="caps",
                                        marks="glyph", marks_one="circle", date="us", phone="dash",
                                        list_sep="; ", footer=FOOT_A)))
    add(Case("cc01_s2g_cc_table_placeholders", "stage2_grandfathered", "docx", vals(
        "nashoba", "2026-03-30", operational_since="2020-11-02", current_user_ids=["NVPT0412"], bot_count=1,
        screens_per_session=4, avg_weekly_transactions=120, **tool(T_AA, version=False),
        transactions=["eligibility_inquiry", "claim_status"], testing_completed=True,
        testing_completed_date="2026-03-20", user_ids_requested=1, docs_enclosed=["rpa_agreement", "test_scenarios"]),
        [4], DX, "Label | content-control table with tags and aliases (alias = label); Doing Business As (DBA) and RPA "
        "Tool Version still show 'Click or tap here to enter text.' (absent); transactions and documents "
        "as w14 checkboxes, testing completed a Yes/No dropDownList, Organization Type a dropdown, dates "
        "as date controls 'MM/dd/yyyy'.",
        build=build_docx_form, style=dict(mode="cc", docx_layout="table", dropdown=["org_type", "testing_completed"],
                                          cc_alias=lambda k: FIELDS[k][0], cc_tag=lambda k: "rpa." + k,
                                          cc_date_fmt=("MM/dd/yyyy", "us"), docx_font="Cambria", footer=FOOT_C)))
    add(Case("sp02_s2g_pdf_endash_vera", "stage2_grandfathered", "pdf", vals(
        "granite", "2026-04-14", operational_since="2021-06-14", current_user_ids=["GSMB-RPA-07", "GSMB-RPA-08",
                                                                                   "GSMB-RPA-09"],
        bot_count=3, screens_per_session=10, avg_weekly_transactions=2200, **tool(T_UI),
        transactions=["claim_submission", "claim_status", "claim_adjustment"], testing_completed=True,
        testing_completed_date="2026-04-02", user_ids_requested=3,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [6], RL, "Printed 'Label \u2013 value' lines (Vera 10, bold labels), headings 'SECTION n: CAPS', choices "
        "\u2611/\u2610; long questions wrap and their answers follow the last line. NH business partner.",
        build=build_printed, style=dict(layout="line", sep=" \u2013 ", font="Vera", bold="Vera-Bold", size=10,
                                        label_bold=True, headings="numcaps", marks="ballot", date="long",
                                        phone="plus1dash", list_sep=", ", footer=FOOT_B)))
    add(Case("wb02_s2g_web_css_grid", "stage2_grandfathered", "pdf", vals(
        "capeann", "2026-08-03", operational_since="2020-09-21", current_user_ids=["CAHH-LEG-01"], bot_count=1,
        screens_per_session=3, avg_weekly_transactions=45, **tool(T_PEGA),
        transactions=["eligibility_inquiry"], testing_completed=True, testing_completed_date="2026-07-24",
        user_ids_requested=1, docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [7], CH, "Web form with a two-column CSS grid (DejaVu Sans 9), bold 8 pt labels stacked ABOVE inputs, dark "
        "section bars; the testing question is a <select> showing 'Yes'; native checkboxes and radios.",
        build=build_web, style=dict(web="grid", select=["testing_completed"], date="us", phone="paren")))
    add(Case("af04_s2g_fill_hungarian_names", "stage2_grandfathered", "pdf", vals(
        "ctriver", "2026-06-22", operational_since="2021-01-15", current_user_ids=["CRHIN-HIE-1", "CRHIN-HIE-2"],
        bot_count=2, screens_per_session=5, avg_weekly_transactions=1500, **tool(T_WF),
        transactions=["eligibility_inquiry", "remittance_advice"], testing_completed=True,
        testing_completed_date="2026-06-10", user_ids_requested=2,
        docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"]),
        [8], RLF, "Fillable grandfathered Stage II with Hungarian-style names (txtOrgLegalName, chkTxnEligibilityInquiry, "
        "chkDocSystemsDesign, rdoOrgType, rdoTestingCompleted); transaction checkboxes export the key "
        "(/eligibility_inquiry ..), document checkboxes /AGR /SDD /TS, testing radio /1 (Yes) /0 (No).",
        build=build_fillable, style=dict(
            names=lambda w, k, o: {"text": "txt", "check": "chk", "radio": "rdo", "combo": "cbo"}[w] + (
                ("Txn" if k == "transactions" else "Doc" if k == "docs_enclosed" else "") +
                "".join(x.title() for x in (str(o) if w == "check" and o is not True else k).split("_"))),
            check_export=lambda k, o: {"rpa_agreement": "AGR", "systems_design": "SDD", "test_scenarios": "TS"}.get(
                o, "Yes" if o is True else str(o)),
            radio_export=lambda k, o: ("1" if o else "0") if isinstance(o, bool) else str(o),
            headings="caps", date="iso", phone="dot", footer=FOOT_A)))

    # ======================= modification ====================================================
    add(Case("bx03_modification_boxed_label_band", "modification", "pdf", vals(
        "capeann", "2026-10-15", stage2_approval_number="RPA2-2025-00133", rpa_user_ids=["RPACA1021", "RPACA1022"],
        modification_types=["replace_tool"], new_rpa_tool_name=T_PAD[0], new_rpa_tool_vendor=T_PAD[1],
        description="Replace Pega Robotic Automation with Power Automate Desktop for both bots; same "
                    "transactions and the same screens per session.", effective_date="2027-01-04"),
        [1], RL, "Boxed Modification Request: each label printed inside a grey band on top of its box (Liberation "
        "Sans 9), ' *' on required labels, [X]/[ ] marks; Replace RPA Tool with New RPA Tool fields; the "
        "other modification boxes are empty.",
        build=build_printed, style=dict(layout="boxed", font="LibSans", bold="LibSans-Bold", size=9, lsize=8.5,
                                        asterisk=True, label_band=True, headings="title", marks="brackets",
                                        date="us", phone="dot", list_sep=", ", footer=FOOT_A)))
    add(Case("hd03_modification_below_missing_email", "modification", "pdf", vals(
        "worcester", "2026-11-02", org_over=dict(contact_email=None), stage2_approval_number="RPA2-2025-00219",
        rpa_user_ids=["RPAWB3310"], modification_types=["decrease_screens"], new_screens_per_session=4,
        description="Lower the maximum screens per session from 6 to 4 after the coverage lookup step "
                    "was removed from the flow."),
        [2, 13, 11], RL, "Values on the line BELOW their label, over a hairline rule (Liberation Serif 10, labels bold 8.5), "
        "CAPS headings. Primary Contact Email (moved to the end of its section) is blank right before "
        "'APPROVED REGISTRATION'; Requested Effective Date blank right before 'ATTESTATION AND "
        "SIGNATURE'. PROBLEM: the required Primary Contact Email is missing.",
        build=build_printed, problems=[("missing_required", "contact_email")],
        style=dict(layout="below", font="LibSerif", bold="LibSerif-Bold", size=10, lsize=8.5, headings="caps",
                   marks="glyph", move_last=["contact_email"], date="long", phone="paren", footer=FOOT_B)))
    add(Case("cc02_modification_cc_paragraphs", "modification", "docx", vals(
        "vineyard", "2026-09-14", stage2_approval_number="RPA2-2026-00047", rpa_user_ids=["RPAMV0456"],
        modification_types=["add_sequential_transaction"], added_transaction="prior_authorization",
        same_session=True, description="After the coverage check the bot will also open PA Request Entry in "
                                       "the same session for prescriptions that need a PA."),
        [4], DX, "Content controls inside 'Label: [control]' paragraphs (Verdana 9): Transaction to Add and the "
        "same-session question are dropDownLists (Prior Authorization Request / Yes); Type of Modification "
        "as w14 checkboxes; Doing Business As (DBA), New RPA Tool (Product Name), New RPA Tool Vendor and New "
        "Maximum POSC Screens per Session show 'Click or tap here to enter text.', Requested Effective Date shows 'Click or tap "
        "to enter a date.' (absent).",
        build=build_docx_form, style=dict(mode="cc", docx_layout="para", docx_sep=": ",
                                          dropdown=["added_transaction", "same_session", "org_type"],
                                          docx_font="Verdana", docx_size=9, cc_date_fmt=("M/d/yyyy", "usn"),
                                          footer=FOOT_A)))
    add(Case("lg02_modification_legacy_same_session_no", "modification", "docx", vals(
        "granite", "2026-06-08", stage2_approval_number="RPA2-2025-00310",
        rpa_user_ids=["RPAGS7701", "RPAGS7702"], modification_types=["increase_screens", "add_sequential_transaction"],
        new_screens_per_session=12, added_transaction="remittance_advice", same_session=False,
        description="Add the weekly 835 download after the claim work and raise the screen limit to 12.",
        effective_date="2026-12-21"),
        [5, 11], DX, "Legacy form fields in a table: Type of Modification a FORMCHECKBOX group, Transaction to Add a "
        "FORMDROPDOWN, the same-session question a Yes/No FORMCHECKBOX pair with No ticked. PROBLEM: "
        "same_session is No, so the added transaction needs a new Stage I.",
        build=build_docx_form, problems=[("same_session", "same_session")],
        style=dict(mode="legacy", docx_layout="table", dropdown=["added_transaction"], date="usn", phone="paren",
                   docx_font="Arial", footer=FOOT_B)))
    add(Case("sp05_modification_pdf_gap10_retire", "modification", "pdf", vals(
        "merrimack", "2026-08-26", stage2_approval_number="RPA2-2026-00012", rpa_user_ids=["RPAMV2231"],
        modification_types=["retire_bot"],
        description="Retire bot MVP-STAT-02; the clinic now receives this information from its "
                    "clearinghouse. RPA User ID RPAMV2231 can be closed.", effective_date="2026-09-30"),
        [6], RL, "Printed lines with a 10 pt gap between label and value (Liberation Serif 10, no colon), headings "
        "'SECTION n: CAPS', [X]/[ ] marks; Retire Bot.",
        build=build_printed, style=dict(layout="line", sep="gap10", font="LibSerif", bold="LibSerif-Bold", size=10,
                                        headings="numcaps", marks="brackets", date="us", phone="paren",
                                        footer=FOOT_A)))
    add(Case("wb04_modification_web_table_bad_fein", "modification", "pdf", vals(
        "ctriver", "2026-07-21", org_over=dict(fein="264-418073"), stage2_approval_number="RPA2-2025-00188",
        rpa_user_ids=["RPACR5120", "RPACR5121"], modification_types=["other"],
        description="Move both bots from the Northampton data center to the new Holyoke data center; no "
                    "change to tool, screens or transactions.", effective_date="2026-10-01"),
        [7, 11], CH, "Web form as a ruled HTML table (Liberation Serif 11, label cell shaded), inputs with dotted "
        "underlines, <select> for Transaction to Add (left at '-- Select --'). PROBLEM: FEIN typed "
        "'264-418073' (hyphen in the wrong place) is not NN-NNNNNNN.",
        build=build_web, problems=[("invalid", "fein")],
        style=dict(web="table", headings="caps", select=["added_transaction", "same_session"], date="us",
                   phone="dash", list_sep=", ", footer=FOOT_C)))
    add(Case("af02_modification_fill_opaque", "modification", "pdf", vals(
        "harborline", "2026-10-28", stage2_approval_number="RPA2-2026-00094", rpa_user_ids=["RPAHC4410"],
        modification_types=["increase_screens"], new_screens_per_session=8,
        description="Raise the maximum screens per session from 4 to 8 so the bot can read all claim lines.",
        effective_date="2027-01-18"),
        [8], RLF, "Fillable Modification with opaque Acrobat-like names (Text1.., Check Box1.., Group1..) and correct "
        "printed labels left of each widget; checkboxes export /Yes; Transaction to Add and the same-session "
        "question are radio groups with no button selected (absent).",
        build=build_fillable, style=dict(names="opaque", radio_export=lambda k, o: f"Choice{[x for x, _ in options_for(k)].index(o) + 1}",
                                         headings="title", date="usn", phone="paren", font="Times-Roman",
                                         bold="Times-Bold", size=10, footer=FOOT_A)))
    add(Case("bl02_modification_blank_fillable", "modification", "pdf", {},
             [12, 8], RLF, "Completely blank fillable Modification Request (labels above the widgets, names mod_*): every "
             "text field empty, no checkbox or radio set.",
             build=build_fillable, problems=required_missing("modification"),
             style=dict(names=lambda w, k, o: f"mod_{k}" + (f"_{o}" if w == "check" and o is not True else ""),
                        label_above=True, headings="caps", footer=FOOT_B)))
    add(Case("nw04_modification_landscape_label_bands", "modification", "pdf", vals(
        "nutmeg", "2026-11-30", stage2_approval_number="RPA2-2026-00156", rpa_user_ids=["RPANR8801", "RPANR8802",
                                                                                           "RPANR8803"],
        modification_types=["replace_tool", "decrease_screens"], new_rpa_tool_name=T_BP[0],
        new_rpa_tool_vendor=T_BP[1], new_screens_per_session=6,
        description="Move the three claim bots to Blue Prism and lower the per-session screen limit from 9 to 6.",
        effective_date="2027-02-15"),
        [13], RL, "LANDSCAPE form drawn as ruled tables: per section, a shaded row of up to four labels with the "
        "values in the row UNDER them (spreadsheet style); choice groups and long values take a full row. "
        "Helvetica 9, \u2612/\u2610 marks; RPA User ID(s) one per line in its cell.",
        build=build_band_table, style=dict(font="Helvetica", bold="Helvetica-Bold", size=9, lsize=8,
                                           headings="caps", marks="glyph", date="us", phone="paren",
                                           footer=FOOT_A)))

    # ======================= annual_validation ===============================================
    add(Case("bx06_annual_boxed_mono_future_date", "annual_validation", "pdf", vals(
        "southshore", "2027-02-11", stage2_approval_number="RPA2-2026-00031", rpa_user_ids=["RPASS1150",
                                                                                            "RPASS1151"],
        validation_year=2026, info_current=True, unapproved_changes=False),
        [1, 11], RL, "Boxed Annual Validation in Liberation Mono 9 (asterisks, [X]/[ ] marks). PROBLEM: Date Signed "
        "'02/11/2027' is in the future.",
        build=build_printed, problems=[("future_date", "signature_date")],
        style=dict(layout="boxed", font="LibMono", bold="LibMono-Bold", size=9, lsize=8.5, asterisk=True,
                   headings="caps", marks="brackets", date="us", phone="paren", list_sep="; ", footer=FOOT_A)))
    add(Case("hd02_annual_lines_blanks_before_caps", "annual_validation", "pdf", vals(
        "granite", "2026-10-20", org_over=dict(contact_title=None), stage2_approval_number="RPA2-2025-00077",
        rpa_user_ids=["RPAGS7701", "RPAGS7702"], validation_year=2026, info_current=True, unapproved_changes=False),
        [2, 6], RL, "'Label: value' lines (Liberation Sans 10, bold labels), CAPS headings. Doing Business As "
        "(DBA) (moved last in its section) is 'Doing Business As (DBA):' with nothing after, directly "
        "followed by 'ADDRESS'; Primary Contact Title (moved last) blank before 'REGISTRATION ON FILE'. "
        "NH business partner.",
        build=build_printed, style=dict(layout="line", sep=": ", font="LibSans", bold="LibSans-Bold", size=10,
                                        label_bold=True, headings="caps", marks="glyph",
                                        move_last=["org_dba", "contact_title"], date="dmy", phone="digits",
                                        list_sep=", ", footer=FOOT_C)))
    add(Case("cc04_annual_cc_unanswered_dropdown", "annual_validation", "docx", vals(
        "merrimack", "2026-11-05", stage2_approval_number="RPA2-2026-00008",
        rpa_user_ids=["RPAMV2230", "RPAMV2231"], validation_year=2026, info_current=True),
        [4], DX, "Content controls in 'Label: [control]' paragraphs: info-current a Yes/No dropDownList set to Yes, the "
        "'modified without approval' dropdown still 'Choose an item.' (absent, optional); RPA User ID(s) a "
        "multi-line plain-text control (one per line); attestation a w14 checkbox; Date Signed a date "
        "control 'MMMM d, yyyy'.",
        build=build_docx_form, style=dict(mode="cc", docx_layout="para", docx_sep=": ",
                                          dropdown=["info_current", "unapproved_changes", "org_type"],
                                          list_sep="\n", cc_date_fmt=("MMMM d, yyyy", "long"), cc_tag=lambda k: "",
                                          docx_font="Calibri", footer=FOOT_A)))
    add(Case("lg04_annual_legacy_unapproved_yes", "annual_validation", "docx", vals(
        "berkshire", "2026-09-01", stage2_approval_number="RPA2-2025-00102",
        rpa_user_ids=["RPABR0610", "RPABR0611"], validation_year=2026, info_current=False, unapproved_changes=True),
        [5, 11], DX, "Legacy form fields in paragraphs; both yes/no questions as Yes/No FORMCHECKBOX pairs; Organization "
        "Type a FORMCHECKBOX group. Info current No, modified without approval YES. PROBLEM: "
        "unapproved_changes true (a Modification Request is required).",
        build=build_docx_form, problems=[("unapproved_changes", "unapproved_changes")],
        style=dict(mode="legacy", docx_layout="para", docx_sep=":  ", date="us", phone="dot", docx_font="Garamond",
                   footer=FOOT_B)))
    add(Case("sp04_annual_pdf_dot_leaders_times", "annual_validation", "pdf", vals(
        "bluefin", "2026-11-18", stage2_approval_number="RPA2-2026-00140",
        rpa_user_ids=["RPABA2001", "RPABA2002", "RPABA2003"], validation_year=2026, info_current=True,
        unapproved_changes=False),
        [6], RL, "Printed 'Label ........ value' lines with drawn dot leaders up to a value column at 290 pt (Times "
        "10.5), [X]/[ ] marks, headings 'n. Title'.",
        build=build_printed, style=dict(layout="line", sep="dots", value_col=290, font="Times-Roman",
                                        bold="Times-Bold", size=10.5, headings="numtitle", marks="brackets",
                                        date="abbr", phone="paren", list_sep="; ", footer=FOOT_A)))
    add(Case("wb03_annual_web_table", "annual_validation", "pdf", vals(
        "capeann", "2026-10-09", stage2_approval_number="RPA2-2025-00133",
        rpa_user_ids=["RPACA1021", "RPACA1022"], validation_year=2026, info_current=True, unapproved_changes=False),
        [7], CH, "Web form as a ruled HTML table, native Yes/No radio buttons, RPA User ID(s) in a <textarea> one per "
        "line, printed by Chromium WITH its default header and footer (print date, title, file URL, page n/2).",
        build=build_web, style=dict(web="table", headings="caps", date="long", phone="paren",
                                    browser_header=True, footer=FOOT_A)))
    add(Case("af03_annual_fill_opaque_radios", "annual_validation", "pdf", vals(
        "worcester", "2026-11-24", stage2_approval_number="RPA2-2025-00219", rpa_user_ids=["RPAWB3310"],
        validation_year=2026, info_current=True, unapproved_changes=False),
        [8], RLF, "Fillable Annual Validation, opaque names (Text1.., Check Box1, Group1..); both yes/no questions are "
        "radio groups exporting /YES and /NO; Organization Type radio /TYPE1 .. /TYPE3; labels left.",
        build=build_fillable, style=dict(names="opaque",
                                         radio_export=lambda k, o: ("YES" if o else "NO") if isinstance(o, bool) else
                                         f"TYPE{[x for x, _ in ORG_TYPE].index(o) + 1}",
                                         headings="caps", date="us", phone="paren", footer=FOOT_C)))
    add(Case("nw02_annual_lo_googledocs_style", "annual_validation", "pdf", vals(
        "harborline", "2026-11-12", stage2_approval_number="RPA2-2026-00094", rpa_user_ids=["RPAHC4410"],
        validation_year=2026, info_current=True, unapproved_changes=False),
        [13], LO, "Re-typed 'Google Docs style': Arial 11, Word 'Heading 2' section headings, each label a bold paragraph "
        "and its value in the next paragraph, choices typed as their text ('Business Partner', 'Yes', "
        "'No'); printed by LibreOffice.",
        build=build_docx_then_pdf, style=dict(mode="typed", docx_layout="below", docx_choice="text",
                                              docx_font="Arial", docx_size=11, docx_heading_style=True,
                                              headings="title", date="us", phone="dash", footer=FOOT_A)))

    # ======================= rpa_agreement ===================================================
    add(agr_case("bx05_agreement_boxed_signed", "bluefin", "2026-08-19", "/s/ Rachel Abernathy", build_printed_agr,
                 "pdf", [1, 9], RL, "Signed RPA Agreement (Times 10.5): agreement text, then a SIGNATURE block of "
                 "asterisked labels with the values in boxes below ('/s/ Rachel Abernathy' in Times Italic). Footer "
                 "RPA-AGR.", dict(layout="boxed", asterisk=True, font="Times-Roman", bold="Times-Bold", size=10.5,
                                  lsize=9, sig_font="Times-Italic", date="long", footer=FOOT_A)))
    add(agr_case("sp06_agreement_docx_tab_signed", "harborline", "2026-05-08", "/s/ Janet Pellegrini",
                 build_agreement_docx, "docx", [6, 9], "python-docx", "Signed RPA Agreement DOCX; the signature block "
                 "as 'Label<TAB>value' paragraphs (tab stop 2.6 in, bold labels).",
                 dict(tab_at=2.6, label_bold=True, date="us", docx_font="Calibri", footer=FOOT_C)))
    add(agr_case("af06_agreement_fill_empty_sig_field", "merrimack", "2026-11-16", "", build_agreement_fillable,
                 "pdf", [8, 9], RLF, "Fillable RPA Agreement: Organization Legal Name, Authorized Signatory Name/Title "
                 "and Date Signed text fields (agr_org, agr_signer, agr_title, agr_date) filled; the digital "
                 "signature field /Sig 'Signature1' is EMPTY. Signed per SPEC 2.9 because name and date are filled.",
                 dict(agr_names={"org_legal_name": "agr_org", "signer_name": "agr_signer",
                                 "signer_title": "agr_title", "signature_date": "agr_date"},
                      date="usn", footer=FOOT_A, names="opaque")))
    add(agr_case("ag01_agreement_docx_table_signed", "southshore", "2026-09-25", "Kevin O'Hara",
                 build_agreement_docx, "docx", [9, 13], "python-docx", "Signed RPA Agreement DOCX: a Table Grid "
                 "signature table whose first row is merged across both columns ('SIGNATURE OF AUTHORIZED "
                 "REPRESENTATIVE'); the signature cell holds the typed name in italics.",
                 dict(docx_layout="table", date="long", docx_font="Book Antiqua", footer=FOOT_B)))
    add(agr_case("ag02_agreement_pdf_unsigned", "worcester", None, "", build_printed_agr, "pdf", [9, 11], RL,
                 "RPA Agreement printed with 'Label:' + rule lines (Liberation Sans 10): Organization Legal Name, "
                 "Authorized Signatory Name and Title typed, Signature and Date Signed lines EMPTY. PROBLEM: not "
                 "signed (no signature, no date).",
                 dict(layout="lines", font="LibSans", bold="LibSans-Bold", size=10, footer=FOOT_A),
                 problems=[("unsigned", "signed"), ("missing_required", "signature_date")]))
    add(agr_case("ag03_agreement_web_esigned", "ctriver", "2026-09-02", "Gloria Santiago", build_agreement_web,
                 "pdf", [7, 9], CH, "Signed RPA Agreement as a web page printed by Chromium: a signature table (typed "
                 "name in DejaVu Serif Italic), an e-signature note under it, Date Signed '09/02/2026'.",
                 dict(date="us", footer=FOOT_A,
                      stamp="Electronically signed by Gloria Santiago through the organization's e-signature "
                            "service on 09/02/2026 at 2:31 PM ET.")))

    # ======================= systems_design ==================================================
    add(sd_case("sd01_systems_design_pdf_step_tables", "harborline",
                "Systems Design Documentation \u2013 HCA Eligibility and Claim Status Bot",
                ["eligibility_inquiry", "claim_status"], "HCA-EligStatus-01", T_AA, build_sd_pdf, RL,
                "Systems Design (Liberation Serif 10.5): overview prose naming both transactions, then per "
                "transaction a ruled 'Step | POSC Screen | Bot Action' table. Goes with sp01/sp03.",
                dict(font="LibSerif", bold="LibSerif-Bold", size=10.5)))
    add(sd_case("sd02_systems_design_docx_numbered", "bluefin", "RPA Systems Design Document",
                ["claim_submission", "prior_authorization", "remittance_advice"], "BAS-DDE-01 / BAS-PA-01 / BAS-RA-01",
                T_BP, build_sd_docx, "python-docx", "Systems Design DOCX: Word Heading 1/2 styles ('n. <transaction> "
                "\u2013 process flow') and 'List Number' paragraphs 'Screen: action'. Goes with wb01/bx02.",
                dict(docx_font="Calibri")))
    add(sd_case("sd03_systems_design_lo_swimlane_table", "merrimack", "Bot Systems Design and Process Flows",
                ["eligibility_inquiry", "claim_status"], "MVP-ELIG-01 and MVP-STAT-02", T_UI, build_sd_lo, LO,
                "Systems Design on LANDSCAPE pages: per transaction a 4-column table (Step | Actor | POSC Screen | "
                "Action), printed by LibreOffice. Title 'Bot Systems Design and Process Flows'. Goes with bx01/af05.",
                dict(sd_table=True, landscape=True, docx_font="Trebuchet MS")))
    add(sd_case("sd04_systems_design_web", "southshore", "SSCDG Claims Bots \u2013 Systems Design",
                ["claim_submission", "claim_adjustment"], "SSCDG-Claims and SSCDG-Adjust", T_UI, build_sd_web, CH,
                "Systems Design web page printed by Chromium: <h2> per transaction and an ordered list of "
                "'screen \u2014 action' items (screen names in a monospace chip). Goes with af01/lg01."))

    # ======================= test_scenarios ==================================================
    fail_note = "POSC showed 'Session expired' before the result page; bot stopped"
    add(ts_case("ts01_test_scenarios_fill_rc_names", "MassHealth RPA Test Scenarios \u2013 HCA-EligStatus-01", [
        ts_row(1, "HCA-T", "eligibility_inquiry", "Pass"), ts_row(2, "HCA-T", "eligibility_inquiry", "Pass"),
        ts_row(3, "HCA-T", "claim_status", "Pass"),
        ts_row(4, "HCA-T", "claim_status", "Fail", "Claim Detail did not open for an ICN with 12 lines")],
        build_ts_fillable, RLF, "Fillable Test Scenarios (landscape, Helvetica 8): ten rows of six text fields named by "
        "position only, cell_r01_c1 .. cell_r10_c6 (the printed column headers give the meaning); rows 5-10 "
        "empty. HCA-T-04 fails. Goes with sp03.", dict(ts_scheme="rc"), n_rows=10))
    add(ts_case("ts02_test_scenarios_fill_combos", "Test Scenarios \u2013 Bluefin Automation Services", [
        ts_row(1, "BAS", "claim_submission", "Pass"), ts_row(2, "BAS", "claim_submission", "Pass"),
        ts_row(3, "BAS", "prior_authorization", "Pass"),
        ts_row(4, "BAS", "prior_authorization", "Fail", "Attachment upload timed out"),
        ts_row(5, "BAS", "remittance_advice", "Fail", fail_note)],
        build_ts_fillable, RLF, "Fillable Test Scenarios: ScenarioID_n / Screens_n / Expected_n / Actual_n text fields, "
        "Transaction_n a COMBO box of the seven transaction names and Result_n a Pass/Fail combo; rows 6-8 "
        "empty. The only Remittance Advice Download scenario fails (pass count 0).",
        dict(ts_scheme="combo"), n_rows=8))
    add(ts_case("ts03_test_scenarios_fill_radio_results", "RPA Test Scenarios (MVP bots)", [
        ts_row(1, "MVP", "eligibility_inquiry", "Pass"), ts_row(2, "MVP", "eligibility_inquiry", "Pass"),
        ts_row(3, "MVP", "claim_status", "Fail", "Wrong ICN typed by test data; re-run as MVP-04"),
        ts_row(4, "MVP", "claim_status", "Pass")],
        build_ts_fillable, RLF, "Fillable Test Scenarios with opaque names Text1..Text30 for five columns and a Pass/Fail "
        "RADIO group per row (Group1..Group6, exports /Pass /Fail, 'Pass' 'Fail' printed beside the buttons); "
        "rows 5-6 empty (no radio set). Goes with af05.", dict(ts_scheme="radio"), n_rows=6))
    add(ts_case("sc01_test_scenarios_docx_merged_txn", "MassHealth RPA Test Scenarios", [
        ts_row(1, "SS", "claim_submission", "Pass"), ts_row(2, "SS", "claim_submission", "Pass"),
        ts_row(3, "SS", "claim_submission", "Fail", "Rejected: rendering provider missing on line 2"),
        ts_row(4, "SS", "claim_adjustment", "Pass"),
        ts_row(5, "SS", "claim_adjustment", "Fail", "Void reason code list did not load")],
        build_ts_docx, "python-docx", "Test Scenarios DOCX table (landscape) whose Transaction column is ONE vertically "
        "merged cell per transaction (w:vMerge over its scenarios). Goes with lg01.", dict(merge_txn=True)))
    add(ts_case("sc02_test_scenarios_lo_landscape", "Test Scenarios \u2013 BRHBC Grandfathered Bots", [
        ts_row(1, "BR", "claim_submission", "Pass"), ts_row(2, "BR", "claim_status", "Pass"),
        ts_row(3, "BR", "claim_status", "Pass"),
        ts_row(4, "BR", "remittance_advice", "Fail", "835 list empty for the chosen cycle"),
        ts_row(5, "BR", "remittance_advice", "Pass")],
        build_ts_lo, LO, "Test Scenarios DOCX table on a landscape page printed to PDF by LibreOffice. Goes with bx04.",
        dict(docx_font="Calibri")))
    add(ts_case("sc03_test_scenarios_pdf_zebra", "RPA Test Scenarios and Results", [
        ts_row(1, "WBW", "eligibility_inquiry", "Pass"), ts_row(2, "WBW", "eligibility_inquiry", "Pass"),
        ts_row(3, "WBW", "eligibility_inquiry", "Pass"),
        ts_row(4, "WBW", "claim_submission", "Fail", "DDE Claim Review rejected the place of service"),
        ts_row(5, "WBW", "claim_submission", "Fail", fail_note)],
        build_ts_pdf, RL, "Printed Test Scenarios table (landscape, Vera 8.5) with zebra-shaded rows, wrapped cells and "
        "no vertical rules. Both Claim Submission (DDE) scenarios fail (pass count 0). Goes with hd04.",
        dict(font="Vera", bold="Vera-Bold", size=9)))

    # ======================= scans ===========================================================
    scans = [("sn01_stage1_scan_200dpi", "bx01_stage1_boxed_vera_rounded.pdf", 200, 1.2, 50),
             ("sn02_stage2_scan_150dpi", "bx02_stage2_boxed_three_columns.pdf", 150, -0.8, 55),
             ("sn03_s2g_scan_180dpi", "sp02_s2g_pdf_endash_vera.pdf", 180, 0.5, 60),
             ("sn04_modification_scan_160dpi", "sp05_modification_pdf_gap10_retire.pdf", 160, -1.0, 50),
             ("sn05_annual_scan_170dpi", "sp04_annual_pdf_dot_leaders_times.pdf", 170, 1.4, 55),
             ("sn06_agreement_scan_150dpi", "bx05_agreement_boxed_signed.pdf", 150, 0.9, 60),
             ("sn07_test_scenarios_scan_190dpi", "sc03_test_scenarios_pdf_zebra.pdf", 190, -0.6, 50),
             ("sn08_systems_design_scan_160dpi", "sd01_systems_design_pdf_step_tables.pdf", 160, 0.45, 55)]
    by_file = {c.file: c for c in C}
    for i, (name, src, dpi, ang, q) in enumerate(scans):
        s = by_file[src]
        add(Case(name, s.ftype, "pdf", copy.deepcopy(s.values), [10], "pdftoppm -gray + Pillow (rotate, blur, noise, "
                 "specks, JPEG) -> Pillow PDF", f"Image-only scan of {src}: {dpi} dpi greyscale, rotated {ang:+.2f} "
                 f"deg, Gaussian blur, noise, dust specks, JPEG q{q}. Same true values as the source.",
                 build=build_scan, scan=True, version=s.version if s.version != "auto" else "auto",
                 extra=copy.deepcopy(s.extra),
                 style=dict(scan_of=src, dpi=dpi, angle=ang, quality=q, seed=100 + i, blur=0.6 + 0.1 * (i % 3))))
    return C


def build_printed_agr(case: Case) -> None:
    build_agreement_printed(case)


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def expected_for(case: Case) -> dict[str, Any]:
    if case.ftype == "rpa_agreement":
        return agreement_expected(case)
    if case.ftype == "systems_design":
        return sd_expected(case)
    if case.ftype == "test_scenarios":
        return ts_expected(case)
    return expected_fields(case)


def sanity(case: Case, f: dict[str, Any]) -> None:
    """The data rules this set promises (README 'Good data'), except the deliberate problems."""
    probs = {fld for _, fld in case.problems}
    if "npi" in f and "npi" not in probs:
        assert npi_ok(f["npi"]), case.name
    if "bot_names" in f:
        assert len(f["bot_names"]) == f["bot_count"], case.name
    if "est_monthly_transactions" in f and "avg_weekly_transactions" in f:
        assert f["est_monthly_transactions"] == 4 * f["avg_weekly_transactions"], case.name
    if "signature_date" in f and "signature_date" not in probs:
        assert f["signature_date"] <= TODAY.isoformat(), case.name
    if "fein" in f and "fein" not in probs:
        assert len(f["fein"]) == 10 and f["fein"][2] == "-", case.name
    if f.get("org_type") == "provider" and not case.scan:
        assert "provider_id" in f and ("npi" in f or "npi" in probs), case.name
    if "operational_since" in f:
        assert f["operational_since"] < "2022-07-01", case.name


def main(argv: list[str]) -> int:
    only = set(argv[1:])
    register_fonts()
    WORK.mkdir(parents=True, exist_ok=True)
    all_cases = cases()
    names = [c.name for c in all_cases]
    assert len(names) == len(set(names))
    if not only:
        for old in HERE.iterdir():
            if old.suffix in (".pdf", ".docx") or old.name.endswith(".expected.json"):
                old.unlink()
    for case in all_cases:
        if only and case.name not in only:
            continue
        case.build(case)
        f = expected_for(case)
        sanity(case, f)
        write_expected(case, f)
        print(f"{case.file:60s} {case.path.stat().st_size // 1024:6d} KB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
