#!/usr/bin/env python3
"""Regenerate the *independent* (blind) sample forms for rpa-intake.

These samples were drawn from /work/shared/SPEC.md only (sections 2 and 5), by an
"outside organization" using its own tools -- not the project's form generator:

* LibreOffice (soffice --headless) turns HTML layouts into PDFs: flattened "printed"
  forms (no fields) and, from HTML <input>/<select> controls, *fillable* PDFs drawn by
  LibreOffice's own PDF form export.
* pypdf fills those fillable PDFs (text /V, checkbox and radio /V + /AS with custom export
  names, UTF-16 strings), poppler's pdftocairo "prints" a filled form to a field-less PDF.
* python-docx + raw OOXML (lxml) writes the DOCX forms: content controls (w:sdt), legacy
  form fields (FORMTEXT / FORMCHECKBOX / FORMDROPDOWN) and hand-typed tables/paragraphs;
  some of those DOCX files are printed to PDF by LibreOffice.
* pdftoppm + Pillow (grayscale, 0.5-1.5 degree rotation, noise, blur, JPEG) + img2pdf make
  image-only "scanned" PDFs.

Every sample gets ``<case>.expected.json`` = {"form_type", "form_version", "fields",
"shape", "scan", ...}: ``fields`` holds each canonical key with its value normalized as
SPEC section 5 says (dates YYYY-MM-DD, integers as numbers, sets as sorted arrays of keys,
choices as keys, yes/no as true/false, phone NNN-NNN-NNNN, lists as arrays).

Tools needed to REGENERATE (the committed tests only read the generated files, so the test
machine does not need them): Python with pypdf, python-docx, lxml, Pillow; Debian packages
libreoffice-writer-nogui (or libreoffice-writer), poppler-utils (pdftoppm, pdftocairo),
img2pdf, fonts-dejavu-core.

    /work/main/.venv/bin/python tests/data/independent/make_independent.py

Output is deterministic in content (fixed data and random seed); PDF metadata such as
creation dates changes from run to run.
"""
from __future__ import annotations

import codecs
import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from html import escape
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Inches, Pt
from PIL import Image, ImageFilter
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, ByteStringObject, DecodedStreamObject,
                           DictionaryObject, FloatObject, NameObject)

OUT = Path(__file__).resolve().parent
WORK = Path(tempfile.mkdtemp(prefix="rpa_indep_"))
LO_PROFILE = WORK / "lo_profile"

# --------------------------------------------------------------------------- SPEC data
TITLES = {
    "stage1": "MassHealth RPA Stage I Registration Form",
    "stage2": "MassHealth RPA Stage II Registration Form",
    "stage2_grandfathered": "MassHealth RPA Stage II Registration Form \u2013 Grandfathered Entities",
    "modification": "MassHealth RPA Modification Request Form",
    "annual_validation": "MassHealth RPA Annual Validation",
    "rpa_agreement": "MassHealth RPA Agreement",
}
CODES = {
    "stage1": "RPA-S1", "stage2": "RPA-S2", "stage2_grandfathered": "RPA-S2G",
    "modification": "RPA-MOD", "annual_validation": "RPA-AV", "rpa_agreement": "RPA-AGR",
}
LABELS = {
    "org_legal_name": "Organization Legal Name",
    "org_dba": "Doing Business As (DBA)",
    "org_type": "Organization Type",
    "provider_id": "MassHealth Provider ID/Service Location (PID/SL)",
    "npi": "National Provider Identifier (NPI)",
    "fein": "Federal Employer Identification Number (FEIN)",
    "street": "Street Address",
    "city": "City",
    "state": "State",
    "zip": "ZIP Code",
    "contact_name": "Primary Contact Name",
    "contact_title": "Primary Contact Title",
    "contact_email": "Primary Contact Email",
    "contact_phone": "Primary Contact Telephone",
    "attest": "I attest that the information on this form is true and complete",
    "signer_name": "Authorized Signatory Name",
    "signer_title": "Authorized Signatory Title",
    "signature_date": "Date Signed",
    "rpa_tool_name": "RPA Tool (Product Name)",
    "rpa_tool_vendor": "RPA Tool Vendor",
    "rpa_tool_version": "RPA Tool Version",
    "bot_count": "Number of Bots Requested",
    "bot_names": "Bot Name(s)",
    "hosting": "Bot Hosting",
    "transactions": "POSC Transactions Requested",
    "transactions_other": "If Other, describe",
    "posc_screens": "POSC Screens Accessed",
    "screens_per_session": "Maximum POSC Screens per Bot Session",
    "avg_weekly_transactions": "Average Number of Transactions per Week",
    "est_monthly_transactions": "Estimated Transactions per Month",
    "operating_hours": "Bot Operating Hours",
    "planned_go_live": "Planned Production Date",
    "stage1_approval_number": "Stage I Approval Number",
    "testing_completed": "Testing completed in the MassHealth Trading Partner Testing Environment",
    "testing_completed_date": "Testing Completion Date",
    "user_ids_requested": "Number of RPA User IDs Requested",
    "docs_enclosed": "Supporting Documentation Enclosed",
    "operational_since": "Date Bot Became Operational on the POSC",
    "current_user_ids": "POSC User ID(s) Currently Used by the Bot",
    "stage2_approval_number": "Stage II Approval Number",
    "rpa_user_ids": "RPA User ID(s) Affected",
    "modification_types": "Type of Modification",
    "new_rpa_tool_name": "New RPA Tool (Product Name)",
    "new_rpa_tool_vendor": "New RPA Tool Vendor",
    "new_screens_per_session": "New Maximum POSC Screens per Session",
    "added_transaction": "Transaction to Add",
    "same_session": "Will the added transaction run in the same bot session?",
    "description": "Description of Modification",
    "effective_date": "Requested Effective Date",
    "validation_year": "Validation Year",
    "info_current": "The RPA information on file with MassHealth is current and accurate",
    "unapproved_changes": "Has the bot been modified without MassHealth approval since the last validation?",
}
# per-form label overrides required by the SPEC tables
FORM_LABELS = {
    "stage2": {"transactions": "POSC Transactions"},
    "stage2_grandfathered": {"transactions": "POSC Transactions"},
    "annual_validation": {"rpa_user_ids": "RPA User ID(s)"},
}
# natural human variations used on a few cases
VARIANT_LABELS = {
    "org_legal_name": "Legal Name of Organization",
    "contact_phone": "Telephone",
    "contact_email": "E-mail",
    "zip": "Zip Code",
    "contact_name": "Primary Contact",
    "fein": "Federal Employer ID Number (FEIN)",
}
TXN = {
    "eligibility_inquiry": "Member Eligibility Verification",
    "claim_submission": "Claim Submission (DDE)",
    "claim_status": "Claim Status Inquiry",
    "claim_adjustment": "Claim Adjustment/Void",
    "prior_authorization": "Prior Authorization Request",
    "remittance_advice": "Remittance Advice Download",
    "other": "Other DDE Activity",
}
CHOICES = {
    "org_type": {"provider": "MassHealth Provider", "business_partner": "Business Partner",
                 "relationship_entity": "Relationship Entity"},
    "hosting": {"on_premises": "On-Premises", "cloud": "Cloud", "vendor_hosted": "Vendor-Hosted"},
    "transactions": TXN,
    "added_transaction": TXN,
    "docs_enclosed": {"rpa_agreement": "MassHealth RPA Agreement",
                      "systems_design": "Systems Design Documentation",
                      "test_scenarios": "Test Scenarios"},
    "modification_types": {
        "replace_tool": "Replace RPA Tool",
        "increase_screens": "Increase POSC Screens per Session",
        "decrease_screens": "Decrease POSC Screens per Session",
        "add_sequential_transaction": "Add Sequential Transaction in Same Session",
        "retire_bot": "Retire Bot",
        "other": "Other",
    },
}
SET_KEYS = {"transactions", "docs_enclosed", "modification_types"}
ONE_KEYS = {"org_type", "hosting", "added_transaction"}
YESNO_KEYS = {"testing_completed", "same_session", "info_current", "unapproved_changes"}
LIST_KEYS = {"bot_names", "posc_screens", "rpa_user_ids", "current_user_ids"}
DATE_KEYS = {"signature_date", "planned_go_live", "testing_completed_date",
             "operational_since", "effective_date"}
INT_KEYS = {"bot_count", "screens_per_session", "avg_weekly_transactions",
            "est_monthly_transactions", "user_ids_requested", "new_screens_per_session",
            "validation_year"}
LONG_KEYS = {"description", "posc_screens", "bot_names", "transactions_other", "current_user_ids"}

ORG = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street", "city",
       "state", "zip", "contact_name", "contact_title", "contact_email", "contact_phone"]
ATTEST = ["attest", "signer_name", "signer_title", "signature_date"]
SECTIONS = {
    "stage1": [("Section 1. Organization Information", ORG),
               ("Section 2. RPA Tool and Bots", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
                                                 "bot_count", "bot_names", "hosting"]),
               ("Section 3. POSC Transactions and Volume",
                ["transactions", "transactions_other", "posc_screens", "screens_per_session",
                 "avg_weekly_transactions", "est_monthly_transactions", "operating_hours",
                 "planned_go_live"]),
               ("Section 4. Attestation", ATTEST)],
    "stage2": [("Section 1. Organization Information", ORG),
               ("Section 2. Stage I Reference and RPA Tool",
                ["stage1_approval_number", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]),
               ("Section 3. Transactions and Testing",
                ["transactions", "testing_completed", "testing_completed_date", "user_ids_requested",
                 "docs_enclosed"]),
               ("Section 4. Attestation", ATTEST)],
    "stage2_grandfathered": [
        ("Section 1. Organization Information", ORG),
        ("Section 2. Existing Bot", ["operational_since", "current_user_ids", "rpa_tool_name",
                                     "rpa_tool_vendor", "rpa_tool_version", "bot_count",
                                     "screens_per_session", "avg_weekly_transactions"]),
        ("Section 3. Transactions and Testing",
         ["transactions", "testing_completed", "testing_completed_date", "user_ids_requested",
          "docs_enclosed"]),
        ("Section 4. Attestation", ATTEST)],
    "modification": [
        ("Section 1. Organization Information", ORG),
        ("Section 2. Modification Requested",
         ["stage2_approval_number", "rpa_user_ids", "modification_types", "new_rpa_tool_name",
          "new_rpa_tool_vendor", "new_screens_per_session", "added_transaction", "same_session",
          "description", "effective_date"]),
        ("Section 3. Attestation", ATTEST)],
    "annual_validation": [
        ("Section 1. Organization Information", ORG),
        ("Section 2. Validation", ["stage2_approval_number", "rpa_user_ids", "validation_year",
                                   "info_current", "unapproved_changes"]),
        ("Section 3. Attestation", ATTEST)],
}
AGREEMENT_TEXT = [
    "This MassHealth RPA Agreement is entered into between the Massachusetts Executive Office "
    "of Health and Human Services, Office of Medicaid (\"MassHealth\") and the organization "
    "named below (the \"Organization\").",
    "1. The Organization shall operate robotic process automation (\"RPA\") bots on the Provider "
    "Online Service Center (POSC) only for the transactions approved by MassHealth and only "
    "with the RPA User IDs assigned to it.",
    "2. The Organization shall protect member information in accordance with HIPAA and "
    "applicable state law, and shall not exceed the approved number of POSC screens per bot "
    "session.",
    "3. The Organization shall submit an RPA Modification Request Form before changing a bot, "
    "and shall complete the MassHealth RPA Annual Validation each year.",
    "4. MassHealth may suspend or revoke the RPA User IDs of any bot that does not comply "
    "with this Agreement.",
]


def label_of(form, key, variants=False):
    if variants and key in VARIANT_LABELS:
        return VARIANT_LABELS[key]
    return FORM_LABELS.get(form, {}).get(key, LABELS[key])


# --------------------------------------------------------------------------- data
def npi_with_check(base9: str) -> str:
    for c in "0123456789":
        digits = "80840" + base9 + c
        total = 0
        for i, d in enumerate(reversed(digits)):
            n = int(d)
            if i % 2 == 1:
                n *= 2
                if n > 9:
                    n -= 9
            total += n
        if total % 10 == 0:
            return base9 + c
    raise AssertionError


assert npi_with_check("123456789") == "1234567893"

ORGS = {
    "beacon": dict(org_legal_name="Beacon Hill Family Health Center, Inc.", org_dba="Beacon Hill FHC",
                   org_type="provider", provider_id="110012345A", npi="1234567893", fein="04-1234567",
                   street="150 Cambridge Street, Suite 300", city="Boston", state="MA", zip="02114",
                   contact_name="Maria Thompson", contact_title="Revenue Cycle Manager",
                   contact_email="mthompson@beaconhillfhc.org", contact_phone="617-555-0142"),
    "pioneer": dict(org_legal_name="Pioneer Valley Billing Services LLC", org_type="business_partner",
                    fein="04-3456789", street="1500 Main Street", city="Springfield", state="MA",
                    zip="01103", contact_name="David Okafor", contact_title="Director of Automation",
                    contact_email="dokafor@pvbilling.com", contact_phone="413-555-0178"),
    "capecod": dict(org_legal_name="Cape Cod Home Care Partners, LLC", org_dba="CCHCP",
                    org_type="provider", provider_id="110098765B", npi=npi_with_check("184562037"),
                    fein="04-2987654", street="47 Main Street", city="Hyannis", state="MA",
                    zip="02601", contact_name="Susan Nickerson", contact_title="Billing Supervisor",
                    contact_email="snickerson@cchcp.com", contact_phone="508-555-0133"),
    "merrimack": dict(org_legal_name="Merrimack Valley Health Alliance", org_type="relationship_entity",
                      fein="04-5551234", street="25 Merrimack Street", city="Lowell", state="MA",
                      zip="01852-3214", contact_name="Kevin Tran", contact_title="IT Project Manager",
                      contact_email="ktran@mvhealthalliance.org", contact_phone="978-555-0190"),
    "clinica": dict(org_legal_name="Cl\u00ednica Latina de Lawrence, Inc.", org_dba="Cl\u00ednica Latina",
                    org_type="provider", provider_id="110055512C", npi=npi_with_check("150873329"),
                    fein="04-3332211", street="280 Essex Street", city="Lawrence", state="MA",
                    zip="01840", contact_name="Ana Luc\u00eda Pe\u00f1a", contact_title="Billing Manager",
                    contact_email="apena@clinicalatina.org", contact_phone="978-555-0123"),
    "worcester": dict(org_legal_name="Worcester Behavioral Health Associates, P.C.", org_type="provider",
                      provider_id="110076543D", npi=npi_with_check("162094418"), fein="04-6677889",
                      street="340 Main Street", city="Worcester", state="MA", zip="01608",
                      contact_name="Robert Sullivan", contact_title="Practice Administrator",
                      contact_email="rsullivan@wbha.com", contact_phone="508-555-0166"),
}


def signer(name, title, d):
    return dict(attest=True, signer_name=name, signer_title=title, signature_date=d)


def stage1_data(org, **kw):
    d = dict(ORGS[org])
    d.update(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2023.10",
             bot_count=2, bot_names=["EligBot-01", "StatusBot-02"], hosting="on_premises",
             transactions=["claim_status", "eligibility_inquiry"],
             posc_screens=["Login", "Member Eligibility", "Claim Status Search", "Claim Status Results"],
             screens_per_session=12, avg_weekly_transactions=450, est_monthly_transactions=1800,
             operating_hours="Mon-Fri 6:00 PM - 6:00 AM ET", planned_go_live="2026-06-01")
    d.update(kw)
    return d


def stage2_data(org, **kw):
    d = dict(ORGS[org])
    d.update(stage1_approval_number="RPA1-2026-00123", rpa_tool_name="UiPath Studio",
             rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2023.10",
             transactions=["claim_status", "eligibility_inquiry"], testing_completed=True,
             testing_completed_date="2026-05-14", user_ids_requested=2,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    d.update(kw)
    return d


def s2g_data(org, **kw):
    d = dict(ORGS[org])
    d.update(operational_since="2019-04-01", current_user_ids=["PVBS0001", "PVBS0002"],
             rpa_tool_name="Automation Anywhere", rpa_tool_vendor="Automation Anywhere, Inc.",
             rpa_tool_version="A360", bot_count=2, screens_per_session=8, avg_weekly_transactions=1200,
             transactions=["claim_status", "remittance_advice"], testing_completed=True,
             testing_completed_date="2022-08-15", user_ids_requested=2,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    d.update(kw)
    return d


def mod_data(org, **kw):
    d = dict(ORGS[org])
    d.update(stage2_approval_number="RPA2-2025-00456", rpa_user_ids=["RPABH001", "RPABH002"],
             modification_types=["increase_screens"], new_screens_per_session=20,
             description="Add the claim detail screen to the claim status flow; the bot will open up "
                         "to 20 POSC screens per session instead of 12.",
             effective_date="2026-08-01")
    d.update(kw)
    return d


def av_data(org, **kw):
    d = dict(ORGS[org])
    d.update(stage2_approval_number="RPA2-2024-00078", rpa_user_ids=["RPAWB010"], validation_year=2026,
             info_current=True, unapproved_changes=False)
    d.update(kw)
    return d


def agr_data(org, name, title, d):
    return dict(org_legal_name=ORGS[org]["org_legal_name"], signer_name=name, signer_title=title,
                signature_date=d)


# --------------------------------------------------------------------------- raw value formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(iso, style):
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "us":
        return f"{m:02d}/{d:02d}/{y}"
    if style == "us_short":
        return f"{m}/{d}/{y}"
    if style == "long":
        return f"{MONTHS[m - 1]} {d}, {y}"
    return iso


def fmt_phone(p, style):
    a, b, c = p.split("-")
    return {"paren": f"({a}) {b}-{c}", "dots": f"{a}.{b}.{c}", "plus1": f"+1 {a} {b} {c}"}.get(style, p)


def raw(key, v, st):
    """Text a person would type for a scalar/list value (not for set/choice/yes-no)."""
    if key in DATE_KEYS:
        return fmt_date(v, st.get("date", "us"))
    if key == "contact_phone":
        return fmt_phone(v, st.get("phone", "paren"))
    if key in LIST_KEYS:
        return st.get("list_sep", ", ").join(v)
    if key in INT_KEYS:
        return f"{v:,}" if st.get("thousands") and v >= 1000 else str(v)
    return str(v)


def keys_for(form):
    return [k for _, ks in SECTIONS[form] for k in ks]


# --------------------------------------------------------------------------- LibreOffice
def soffice(files, outdir, *, html=False, form_fields=False):
    outdir.mkdir(parents=True, exist_ok=True)
    ff = "true" if form_fields else "false"
    cmd = ["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless"]
    if html:
        cmd += ["--infilter=HTML (StarWriter)"]
    cmd += ["--convert-to",
            'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"%s"},'
            '"UseTaggedPDF":{"type":"boolean","value":"false"}}' % ff,
            "--outdir", str(outdir)] + [str(f) for f in files]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


HTML_HEAD = """<html><head><meta charset="utf-8"><style>
@page { size: 8.5in 11in; margin: 0.6in 0.7in }
body { font-family: 'Liberation Sans', Arial; font-size: 10pt }
h1 { font-size: 15pt; margin: 0 } h2 { font-size: 11pt; margin: 8pt 0 2pt 0 }
td { font-size: 9.5pt } .mark { font-family: 'DejaVu Sans' }
.foot { font-size: 8pt; color: #444 }
</style></head><body>
"""


# --------------------------------------------------------------------------- flattened HTML layouts
def mark_html(on, style):
    if style == "box":
        return f'<span class="mark">{"&#x2612;" if on else "&#x2610;"}</span>'
    if style == "check":
        return f'<span class="mark">{"&#x2713;" if on else "&nbsp;&nbsp;"}</span>'
    raise ValueError(style)


def choice_block_html(key, value, style, form):
    opts = CHOICES[key] if key not in YESNO_KEYS else {True: "Yes", False: "No"}
    sel = set(value) if key in SET_KEYS else {value}
    if style == "xbox":
        cells = "".join(
            f'<tr><td width="16" align="center" style="border:1px solid #000"><b>{"X" if k in sel else "&nbsp;"}</b></td>'
            f"<td>{escape(lbl)}</td></tr>" for k, lbl in opts.items())
        return f'<table cellspacing="2" cellpadding="1">{cells}</table>'
    sep = "<br>" if key in SET_KEYS else " &nbsp; &nbsp; "
    return sep.join(f"{mark_html(k in sel, style)} {escape(lbl)}" for k, lbl in opts.items())


def value_html(form, key, d, st):
    v = d[key]
    if key in SET_KEYS or key in ONE_KEYS or key in YESNO_KEYS:
        return choice_block_html(key, v, st["marks"], form)
    if key == "attest":
        return f'{choice_block_html_attest(v, st["marks"])}'
    return escape(raw(key, v, st)).replace("\n", "<br>")


def choice_block_html_attest(on, style):
    if style == "xbox":
        return (f'<table cellspacing="2" cellpadding="1"><tr><td width="16" align="center" style="border:1px solid #000">'
                f'<b>{"X" if on else "&nbsp;"}</b></td><td>{escape(LABELS["attest"])}</td></tr></table>')
    return f'{mark_html(on, style)} {escape(LABELS["attest"])}'


def flat_html(form, d, st):
    h = [HTML_HEAD, f"<h1>{escape(TITLES[form])}</h1>",
         "<p><i>Please type or print clearly. Return the completed form to the MassHealth RPA "
         "functional coordination mailbox.</i></p>"]
    for sec, keys in SECTIONS[form]:
        h.append(f"<h2>{escape(sec)}</h2>")
        present = [k for k in keys if k in d]
        if st["layout"] == "table" and st["marks"] == "xbox":
            # label | box | choice: the 'X' is typed into a ruled table cell (the drawn box)
            h.append('<table width="100%" border="1" cellspacing="0" cellpadding="3">')
            for k in present:
                lbl = escape(label_of(form, k, st.get("variants")))
                v = d[k]
                if k == "attest":
                    h.append(f'<tr><td width="42%" colspan="1">{escape(LABELS["attest"])}</td>'
                             f'<td width="18" align="center"><b>{"X" if v else "&nbsp;"}</b></td><td></td></tr>')
                elif k in SET_KEYS or k in ONE_KEYS or k in YESNO_KEYS:
                    opts = CHOICES[k] if k not in YESNO_KEYS else {True: "Yes", False: "No"}
                    sel = set(v) if k in SET_KEYS else {v}
                    for i, (ck, cl) in enumerate(opts.items()):
                        first = f'<td width="42%" rowspan="{len(opts)}" valign="top">{lbl}</td>' if i == 0 else ""
                        h.append(f'<tr>{first}<td width="18" align="center"><b>{"X" if ck in sel else "&nbsp;"}</b>'
                                 f"</td><td>{escape(cl)}</td></tr>")
                else:
                    h.append(f'<tr><td width="42%">{lbl}</td><td colspan="2">{value_html(form, k, d, st)}</td></tr>')
            h.append("</table>")
        elif st["layout"] == "table":
            h.append('<table width="100%" border="1" cellspacing="0" cellpadding="4">')
            for k in present:
                if k == "attest":
                    h.append(f'<tr><td colspan="2">{value_html(form, k, d, st)}</td></tr>')
                else:
                    h.append(f'<tr><td width="42%">{escape(label_of(form, k, st.get("variants")))}</td>'
                             f"<td>{value_html(form, k, d, st)}</td></tr>")
            h.append("</table>")
        else:  # "Label: value" lines
            for k in present:
                lbl = escape(label_of(form, k, st.get("variants")))
                if k == "attest":
                    h.append(f"<p>{value_html(form, k, d, st)}</p>")
                elif k in SET_KEYS or (st["marks"] == "xbox" and (k in ONE_KEYS or k in YESNO_KEYS)):
                    h.append(f"<p><b>{lbl}:</b><br>{value_html(form, k, d, st)}</p>")
                else:
                    h.append(f"<p><b>{lbl}:</b> {value_html(form, k, d, st)}</p>")
    if st.get("code", True):
        h.append(f'<p class="foot">{CODES[form]} Rev. 03/2024 &nbsp;&nbsp; Page 1 of 1</p>')
    h.append("</body></html>")
    return "\n".join(h)


# --------------------------------------------------------------------------- fillable (LibreOffice form export)
def fillable_html(form, d, naming, st):
    """HTML form; naming(key, choice_key|None) -> field name; returns (html, fill values)."""
    h = [HTML_HEAD, f"<h1>{escape(TITLES[form])}</h1>", "<form>"]
    fill = {}
    n = 0
    for sec, keys in SECTIONS[form]:
        h.append(f"<h2>{escape(sec)}</h2>")
        h.append('<table width="100%" border="0" cellspacing="0" cellpadding="3">')
        for k in keys:
            n += 1
            lbl = escape(label_of(form, k, st.get("variants")))
            above = st["above"](k, n)
            v = d.get(k)
            if k in SET_KEYS:
                ctl = []
                for ck, clbl in CHOICES[k].items():
                    name, exp = naming(k, ck)
                    ctl.append(f'<input type="checkbox" name="{escape(name)}" value="{exp}"> {escape(clbl)}')
                    if v and ck in v:
                        fill[name] = ("btn", exp)
                ctl = "<br>".join(ctl)
                above = True
            elif k in ONE_KEYS or k in YESNO_KEYS:
                opts = CHOICES[k] if k in ONE_KEYS else {True: "Yes", False: "No"}
                name, _ = naming(k, None)
                if k in st.get("dropdowns", ()):
                    items = "".join(f"<option>{escape(o)}</option>" for o in [""] + list(opts.values()))
                    ctl = f'<select name="{escape(name)}">{items}</select>'
                    if v is not None:
                        fill[name] = opts[v]
                else:
                    ctl = []
                    for ck, clbl in opts.items():
                        _, exp = naming(k, ck)
                        ctl.append(f'<input type="radio" name="{escape(name)}" value="{exp}"> {escape(clbl)}')
                        if v is not None and ck == v:
                            fill[name] = ("btn", exp)
                    ctl = " &nbsp; ".join(ctl)
            elif k == "attest":
                name, exp = naming(k, True)
                h.append(f'<tr><td colspan="2"><input type="checkbox" name="{escape(name)}" value="{exp}"> '
                         f"{lbl}</td></tr>")
                if v:
                    fill[name] = ("btn", exp)
                continue
            else:
                name, _ = naming(k, None)
                if k in LONG_KEYS:
                    ctl = f'<textarea name="{escape(name)}" rows="2" cols="58"></textarea>'
                else:
                    size = 22 if k in ("state", "zip", "bot_count", "screens_per_session") else 50
                    ctl = f'<input type="text" name="{escape(name)}" size="{size}">'
                if v is not None:
                    fill[name] = raw(k, v, st)
            if above:
                h.append(f'<tr><td colspan="2">{lbl}<br>{ctl}</td></tr>')
            else:
                h.append(f'<tr><td width="40%">{lbl}</td><td>{ctl}</td></tr>')
        h.append("</table>")
    if st.get("code", True):
        h.append(f'<p class="foot">{CODES[form]} Rev. 03/2024</p>')
    h.append("</form></body></html>")
    return "\n".join(h), fill


def qualified_name(obj):
    parts = []
    while obj is not None:
        if "/T" in obj:
            parts.append(str(obj["/T"]))
        obj = obj.get("/Parent")
        obj = obj.get_object() if obj is not None else None
    return ".".join(reversed(parts))


def _circle(cx, cy, r):
    k = 0.5523 * r
    return (f"{cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
            f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c ")


def _btn_stream(wd, ht, on, radio):
    """Font-free button appearance (LibreOffice's refer to a ZapfDingbats font some viewers lack)."""
    sz = min(wd, ht)
    ox, oy = (wd - sz) / 2, (ht - sz) / 2
    if radio:
        ops = "0 G 0.8 w " + _circle(ox + sz / 2, oy + sz / 2, sz / 2 - 1) + "S "
        if on:
            ops += "0 g " + _circle(ox + sz / 2, oy + sz / 2, sz / 4) + "f "
    else:
        ops = f"0 G 0.8 w {ox + 0.5:.2f} {oy + 0.5:.2f} {sz - 1:.2f} {sz - 1:.2f} re S "
        if on:
            a, b = ox + 2.5, ox + sz - 2.5
            c, d = oy + 2.5, oy + sz - 2.5
            ops += f"1.4 w {a:.2f} {c:.2f} m {b:.2f} {d:.2f} l S {a:.2f} {d:.2f} m {b:.2f} {c:.2f} l S "
    st = DecodedStreamObject()
    st.set_data(ops.encode())
    st.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
               NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(wd), FloatObject(ht)])})
    return st


def redraw_buttons(w):
    for page in w.pages:
        for a in page.get("/Annots", []):
            a = a.get_object()
            if a.get("/Subtype") != "/Widget" or "/AP" not in a:
                continue
            field = a if "/T" in a else a["/Parent"].get_object()
            if field.get("/FT") != "/Btn":
                continue
            radio = bool(int(field.get("/Ff", 0)) & (1 << 15))
            x1, y1, x2, y2 = (float(v) for v in a["/Rect"])
            wd, ht = abs(x2 - x1), abs(y2 - y1)
            n = a["/AP"]["/N"]
            newn = DictionaryObject()
            for state in list(n.keys()):
                newn[NameObject(state)] = w._add_object(_btn_stream(wd, ht, state != "/Off", radio))
            a[NameObject("/AP")] = DictionaryObject({NameObject("/N"): newn})


def fill_pdf(src, dst, fill, utf16=False):
    w = PdfWriter(clone_from=PdfReader(src))
    text = {k: v for k, v in fill.items() if isinstance(v, str)}
    btn = {k: v[1] for k, v in fill.items() if isinstance(v, tuple)}
    w.update_page_form_field_values(None, text, auto_regenerate=False)
    seen = set()
    for page in w.pages:
        for a in page.get("/Annots", []):
            a = a.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            field = a if "/T" in a else a["/Parent"].get_object()
            name = qualified_name(field)
            seen.add(name)
            if field.get("/FT") == "/Btn" or (field.get("/FT") is None and "/AP" in a and "/AS" in a):
                states = [s for s in a["/AP"]["/N"].keys() if s != "/Off"]
                want = btn.get(name)
                if want and ("/" + want) in states:
                    a[NameObject("/AS")] = NameObject("/" + want)
                    field[NameObject("/V")] = NameObject("/" + want)
                else:
                    a[NameObject("/AS")] = NameObject("/Off")
                    if not want:
                        field[NameObject("/V")] = NameObject("/Off")
            elif utf16 and name in text:
                s = text[name]
                field[NameObject("/V")] = ByteStringObject(codecs.BOM_UTF16_BE + s.encode("utf-16-be"))
    redraw_buttons(w)
    missing = set(fill) - seen
    assert not missing, missing
    w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(False)
    with open(dst, "wb") as f:
        w.write(f)


# --------------------------------------------------------------------------- DOCX helpers
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = f'xmlns:w="{W}" xmlns:w14="{W14}"'


def new_doc(font="Calibri", size=10):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    sec.left_margin = sec.right_margin = Inches(0.8)
    sec.top_margin = sec.bottom_margin = Inches(0.7)
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.paragraph_format.space_after = Pt(3)
    return doc


def add_title(doc, form_title):
    p = doc.add_paragraph()
    r = p.add_run(form_title)
    r.bold = True
    r.font.size = Pt(15)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def add_footer_code(doc, text):
    f = doc.sections[0].footer.paragraphs[0]
    f.text = text
    f.runs[0].font.size = Pt(8)


def set_cell_borders(table):
    tbl = table._tbl
    tblPr = tbl.tblPr
    tblPr.append(parse_xml(
        f'<w:tblBorders {NS}>' + "".join(
            f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"))


def run_xml(text, extra_rpr=""):
    rpr = f"<w:rPr>{extra_rpr}</w:rPr>" if extra_rpr else ""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(line, quote=False)}</w:t></w:r>')
    return "".join(out)


# ---- content controls
_sdt_id = [1000]


def _sid():
    _sdt_id[0] += 1
    return _sdt_id[0]


def sdt_text(value, alias=None, tag=None, rich=False):
    pr = f'<w:id w:val="{_sid()}"/>'
    if alias:
        pr = f'<w:alias w:val="{escape(alias)}"/>' + pr
    if tag:
        pr = f'<w:tag w:val="{escape(tag)}"/>' + pr
    if not rich:
        pr += '<w:text w:multiLine="1"/>' if "\n" in value else "<w:text/>"
    return f"<w:sdt {NS}><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{run_xml(value)}</w:sdtContent></w:sdt>"


def sdt_checkbox(checked, tag=None, alias=None):
    pr = f'<w:id w:val="{_sid()}"/>'
    if tag:
        pr = f'<w:tag w:val="{escape(tag)}"/>' + pr
    if alias:
        pr = f'<w:alias w:val="{escape(alias)}"/>' + pr
    pr += (f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
           '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
           '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>')
    glyph = "\u2612" if checked else "\u2610"
    return (f"<w:sdt {NS}><w:sdtPr>{pr}</w:sdtPr><w:sdtContent><w:r><w:rPr>"
            f'<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>")


def sdt_dropdown(items, selected, tag=None, alias=None):
    pr = f'<w:id w:val="{_sid()}"/>'
    if tag:
        pr = f'<w:tag w:val="{escape(tag)}"/>' + pr
    if alias:
        pr = f'<w:alias w:val="{escape(alias)}"/>' + pr
    li = '<w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{escape(d)}" w:value="{escape(v)}"/>' for d, v in items)
    shown = selected if selected is not None else "Choose an item."
    return (f"<w:sdt {NS}><w:sdtPr>{pr}<w:dropDownList w:lastValue=\"\">{li}</w:dropDownList></w:sdtPr>"
            f"<w:sdtContent>{run_xml(shown)}</w:sdtContent></w:sdt>")


def sdt_date(iso, shown, fmt="M/d/yyyy", tag=None, alias=None):
    pr = f'<w:id w:val="{_sid()}"/>'
    if tag:
        pr = f'<w:tag w:val="{escape(tag)}"/>' + pr
    if alias:
        pr = f'<w:alias w:val="{escape(alias)}"/>' + pr
    pr += (f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{fmt}"/><w:lid w:val="en-US"/>'
           '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    return f"<w:sdt {NS}><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{run_xml(shown)}</w:sdtContent></w:sdt>"


def append_xml(paragraph, xml):
    paragraph._p.append(parse_xml(xml if xml.startswith("<w:sdt") or xml.startswith("<w:fld")
                                  else xml))


def append_runs(paragraph, xml_runs):
    wrapper = parse_xml(f"<w:p {NS}>{xml_runs}</w:p>")
    for child in list(wrapper):
        paragraph._p.append(child)


# ---- legacy form fields
_ff_counter = {"Text": 0, "Check": 0, "Dropdown": 0}


def _ffname(kind):
    _ff_counter[kind] += 1
    return f"{kind}{_ff_counter[kind]}"


def ff_text(value, maxlen=0):
    name = _ffname("Text")
    ml = f'<w:maxLength w:val="{maxlen}"/>' if maxlen else ""
    result = run_xml(value) if value else '<w:r><w:t xml:space="preserve">     </w:t></w:r>'
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:textInput>{ml}</w:textInput></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{result}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_check(checked, via_default=False):
    name = _ffname("Check")
    if via_default:   # checked only through the default, no w:checked override
        state = f'<w:default w:val="{1 if checked else 0}"/>'
    else:
        state = f'<w:default w:val="0"/><w:checked w:val="{1 if checked else 0}"/>'
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_dropdown(entries, index):
    name = _ffname("Dropdown")
    le = "".join(f'<w:listEntry w:val="{escape(e)}"/>' for e in entries)
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:ddList><w:result w:val="{index}"/>{le}</w:ddList></w:ffData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run_xml(entries[index])}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


# --------------------------------------------------------------------------- DOCX renderers
def docx_controls(form, d, st, path):
    """Agency DOCX with content controls (sdt) inline and in table cells."""
    doc = new_doc()
    add_title(doc, TITLES[form])
    if st.get("header_code"):
        hp = doc.sections[0].header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        append_runs(hp, run_xml("Form "))
        append_xml(hp, sdt_text(f"{CODES[form]} Rev. 03/2024", alias="Form Code", tag="FormCode"))
    else:
        add_footer_code(doc, f"{CODES[form]} Rev. 03/2024")
    tagf = st.get("tag", lambda k: None)
    inline = st.get("inline", set())
    for sec, keys in SECTIONS[form]:
        h = doc.add_paragraph()
        h.add_run(sec).bold = True
        table = None
        for k in keys:
            v = d.get(k)
            lbl = label_of(form, k)
            if k == "attest":
                p = doc.add_paragraph()
                append_xml(p, sdt_checkbox(bool(v), tag=tagf(k)))
                append_runs(p, run_xml(" " + lbl))
                table = None
                continue
            if k in inline or k in SET_KEYS:
                table = None
                p = doc.add_paragraph()
                append_runs(p, run_xml(lbl + ": "))
                if k in SET_KEYS:
                    for ck, clbl in CHOICES[k].items():
                        q = doc.add_paragraph()
                        q.paragraph_format.left_indent = Inches(0.3)
                        append_xml(q, sdt_checkbox(bool(v) and ck in v, tag=tagf(k) and f"{tagf(k)}_{ck}"))
                        append_runs(q, run_xml(" " + clbl))
                    continue
                target = p
            else:
                if table is None:
                    table = doc.add_table(rows=0, cols=2)
                    set_cell_borders(table)
                row = table.add_row()
                row.cells[0].width, row.cells[1].width = Inches(2.8), Inches(4.1)
                row.cells[0].paragraphs[0].text = lbl
                target = row.cells[1].paragraphs[0]
            if k in ONE_KEYS or k in YESNO_KEYS:
                opts = CHOICES[k] if k in ONE_KEYS else {True: "Yes", False: "No"}
                if k in st.get("yesno_boxes", ()):
                    for ck, clbl in opts.items():
                        append_xml(target, sdt_checkbox(v == ck))
                        append_runs(target, run_xml(f" {clbl}   "))
                else:
                    items = [(o, o) for o in opts.values()]
                    append_xml(target, sdt_dropdown(items, opts[v] if v is not None else None, tag=tagf(k)))
            elif k in DATE_KEYS:
                if v is not None:
                    append_xml(target, sdt_date(v, raw(k, v, st), tag=tagf(k)))
                else:
                    append_xml(target, sdt_date("2026-01-01", "Click to enter a date.", tag=tagf(k))
                               .replace('<w:date w:fullDate="2026-01-01T00:00:00Z">', "<w:date>"))
            else:
                text = raw(k, v, st) if v is not None else " "
                append_xml(target, sdt_text(text, tag=tagf(k), alias=st.get("alias") and lbl,
                                            rich=k in st.get("rich", ())))
    doc.save(path)


def docx_legacy(form, d, st, path):
    """Old DOCX revision with legacy form fields (FORMTEXT / FORMCHECKBOX / FORMDROPDOWN)."""
    for k in _ff_counter:
        _ff_counter[k] = 0
    doc = new_doc(font="Arial", size=10)
    add_title(doc, TITLES[form])
    if st.get("code", True):
        add_footer_code(doc, f"{CODES[form]} Rev. 03/2024")
    n = 0
    for sec, keys in SECTIONS[form]:
        h = doc.add_paragraph()
        h.add_run(sec).bold = True
        table = doc.add_table(rows=0, cols=2)
        set_cell_borders(table)
        for k in keys:
            n += 1
            v = d.get(k)
            lbl = label_of(form, k)
            if k == "attest":
                row = table.add_row()
                c = row.cells[0].merge(row.cells[1])
                append_runs(c.paragraphs[0], ff_check(bool(v)) + run_xml(" " + lbl))
                continue
            row = table.add_row()
            row.cells[0].paragraphs[0].text = lbl
            cell = row.cells[1]
            if k in SET_KEYS:
                first = True
                for i, (ck, clbl) in enumerate(CHOICES[k].items()):
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    first = False
                    append_runs(p, ff_check(bool(v) and ck in v, via_default=(i % 2 == 1))
                                + run_xml(" " + clbl))
            elif k in ONE_KEYS or k in YESNO_KEYS:
                opts = CHOICES[k] if k in ONE_KEYS else {True: "Yes", False: "No"}
                if k in st.get("yesno_checks", ()):
                    xml = "".join(ff_check(v == ck) + run_xml(f" {clbl}    ") for ck, clbl in opts.items())
                else:
                    entries = [" "] + list(opts.values())
                    idx = 0 if v is None else list(opts).index(v) + 1
                    xml = ff_dropdown(entries, idx)
                append_runs(cell.paragraphs[0], xml)
            else:
                append_runs(cell.paragraphs[0], ff_text(raw(k, v, st) if v is not None else ""))
    doc.save(path)


def mark_text(on, style):
    if style == "box":
        return "\u2612" if on else "\u2610"
    if style == "X":
        return "[X]" if on else "[  ]"
    if style == "Xbare":
        return "X" if on else "_"
    raise ValueError(style)


def deco_label(lbl, st, n):
    if st.get("upper"):
        lbl = lbl.upper()
    if st.get("lower"):
        lbl = lbl.lower()
    if st.get("numbered"):
        lbl = f"{n}. {lbl}"
    if st.get("asterisk") and st["asterisk"](n):
        lbl += " *"
    if st.get("colon"):
        lbl += ":"
    return lbl


def choice_text(k, v, st):
    opts = CHOICES[k] if k not in YESNO_KEYS else {True: "Yes", False: "No"}
    sel = set(v) if k in SET_KEYS else {v}
    sep = "\n" if k in SET_KEYS and st.get("set_lines", True) else "   "
    return sep.join(f"{mark_text(ck in sel, st['marks'])} {cl}" for ck, cl in opts.items())


def docx_typed(form, d, st, path):
    """DOCX typed by hand: label | value tables or 'Label: value' paragraphs."""
    doc = new_doc(font=st.get("font", "Calibri"), size=10)
    add_title(doc, TITLES[form])
    if st.get("code", True):
        add_footer_code(doc, f"{CODES[form]} Rev. 03/2024")
    pos = st.get("offset")   # half-points; printed value a few points off the label baseline
    rpr = f'<w:position w:val="{pos}"/>' if pos else ""
    n = 0
    for sec, keys in SECTIONS[form]:
        h = doc.add_paragraph()
        h.add_run(sec).bold = True
        present = [k for k in keys if k in d]
        table = None
        for k in present:
            n += 1
            v = d[k]
            lbl = deco_label(label_of(form, k, st.get("variants")), st, n)
            if k == "attest":
                txt = f"{mark_text(bool(v), st['marks'])} {LABELS['attest']}"
                if table is not None and st["layout"] == "table":
                    row = table.add_row()
                    c = row.cells[0].merge(row.cells[1])
                    append_runs(c.paragraphs[0], run_xml(txt))
                else:
                    doc.add_paragraph(txt)
                continue
            if k in SET_KEYS or k in ONE_KEYS or k in YESNO_KEYS:
                val = choice_text(k, v, st)
            else:
                val = raw(k, v, st)
            if st["layout"] == "table":
                if table is None:
                    table = doc.add_table(rows=0, cols=2)
                    set_cell_borders(table)
                row = table.add_row()
                row.cells[0].width, row.cells[1].width = Inches(2.8), Inches(4.1)
                row.cells[0].paragraphs[0].text = lbl
                append_runs(row.cells[1].paragraphs[0], run_xml(val, rpr))
            else:
                p = doc.add_paragraph()
                if "\n" in val:
                    p.add_run(lbl).bold = st.get("bold_labels", False)
                    for line in val.split("\n"):
                        q = doc.add_paragraph()
                        q.paragraph_format.left_indent = Inches(0.3)
                        append_runs(q, run_xml(line, rpr))
                else:
                    p.add_run(lbl + " ").bold = st.get("bold_labels", False)
                    append_runs(p, run_xml(val, rpr))
    doc.save(path)


def docx_agreement(d, st, path):
    doc = new_doc(font="Times New Roman", size=11)
    add_title(doc, TITLES["rpa_agreement"])
    if st.get("code", True):
        add_footer_code(doc, f"{CODES['rpa_agreement']} Rev. 03/2024")
    for para in AGREEMENT_TEXT:
        doc.add_paragraph(para)
    doc.add_paragraph("")
    t = doc.add_table(rows=0, cols=2)
    set_cell_borders(t)
    rows = [("Organization Legal Name", d["org_legal_name"]),
            ("Authorized Signatory Name", d["signer_name"]),
            ("Authorized Signatory Title", d["signer_title"]),
            ("Signature", st.get("signature", "/s/ " + d["signer_name"])),
            ("Date Signed", raw("signature_date", d["signature_date"], st))]
    for a, b in rows:
        r = t.add_row()
        r.cells[0].paragraphs[0].text = a
        r.cells[1].paragraphs[0].text = b
    doc.save(path)


# --------------------------------------------------------------------------- supporting documents
SCENARIOS = [
    ("TS-01", "Member Eligibility Verification", "Login; Member Eligibility",
     "Eligibility response displayed for an active member", "Displayed as expected", "Pass"),
    ("TS-02", "Member Eligibility Verification", "Login; Member Eligibility",
     "Inactive member message shown", "Message shown", "Pass"),
    ("TS-03", "Claim Status Inquiry", "Login; Claim Status Search; Claim Status Results",
     "Paid claim status returned", "Returned paid status", "Pass"),
    ("TS-04", "Claim Status Inquiry", "Claim Status Search; Claim Status Results",
     "Denied claim shows denial reason", "Denial reason missing on first run", "Fail"),
    ("TS-05", "Claim Status Inquiry", "Claim Status Search; Claim Status Results",
     "Denied claim shows denial reason (retest)", "Denial reason shown", "Pass"),
]
SCEN_HEAD = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result", "Pass/Fail"]


def scen_summary(rows):
    inv = {v: k for k, v in TXN.items()}
    out = {}
    for r in rows:
        t = inv[r[1]]
        out.setdefault(t, {"scenarios": 0, "passed": 0})
        out[t]["scenarios"] += 1
        out[t]["passed"] += r[5] == "Pass"
    return dict(sorted(out.items()))


def docx_test_scenarios(org, rows, path):
    doc = new_doc()
    add_title(doc, "MassHealth RPA Test Scenarios")
    doc.add_paragraph(f"Organization: {ORGS[org]['org_legal_name']}")
    doc.add_paragraph("Stage I Approval Number: RPA1-2026-00123")
    doc.add_paragraph("Environment: MassHealth Trading Partner Testing Environment; "
                      "executed end to end, 04/27/2026 - 05/14/2026.")
    t = doc.add_table(rows=1, cols=6)
    set_cell_borders(t)
    for i, hd in enumerate(SCEN_HEAD):
        t.rows[0].cells[i].paragraphs[0].add_run(hd).bold = True
    for r in rows:
        cells = t.add_row().cells
        for i, v in enumerate(r):
            cells[i].paragraphs[0].text = v
    doc.save(path)


def html_test_scenarios(org, rows):
    h = [HTML_HEAD, "<h1>Test Scenarios &ndash; RPA Bot ClaimsStatusBot</h1>",
         f"<p>{escape(ORGS[org]['org_legal_name'])} &mdash; prepared for the MassHealth RPA Stage II "
         "Registration. All scenarios were run end to end in the MassHealth Trading Partner Testing "
         "Environment.</p>",
         '<table width="100%" border="1" cellspacing="0" cellpadding="3"><tr>' +
         "".join(f"<th>{escape(x)}</th>" for x in SCEN_HEAD) + "</tr>"]
    for r in rows:
        h.append("<tr>" + "".join(f"<td>{escape(x)}</td>" for x in r) + "</tr>")
    h.append("</table></body></html>")
    return "\n".join(h)


def html_systems_design(org, txns):
    h = [HTML_HEAD, "<h1>Systems Design Documentation &ndash; MassHealth RPA Bots</h1>",
         f"<p>Organization: {escape(ORGS[org]['org_legal_name'])}<br>RPA Tool: UiPath Studio 2023.10</p>",
         "<h2>1. Overview</h2><p>The bots run unattended on a dedicated virtual machine and sign in "
         "to the Provider Online Service Center (POSC) with their assigned RPA User IDs.</p>"]
    for i, t in enumerate(txns, 2):
        h.append(f"<h2>{i}. Process flow: {escape(TXN[t])}</h2><ol>")
        steps = {"eligibility_inquiry": ["Login", "Member Eligibility", "Eligibility Results", "Logout"],
                 "claim_status": ["Login", "Claim Status Search", "Claim Status Results", "Logout"],
                 "remittance_advice": ["Login", "Remittance Advice Search", "Download", "Logout"]}[t]
        for s in steps:
            h.append(f"<li>POSC screen: {escape(s)} &mdash; the bot reads the work queue item, enters the "
                     "search keys and captures the response.</li>")
        h.append("</ol>")
    h.append("<h2>Exception handling</h2><p>Any unexpected POSC screen stops the bot and "
             "routes the item to a human work queue.</p></body></html>")
    return "\n".join(h)


def docx_systems_design(org, txns, path):
    doc = new_doc()
    add_title(doc, "RPA Systems Design Document")
    doc.add_paragraph(f"Organization: {ORGS[org]['org_legal_name']}")
    doc.add_paragraph("Bot: RemitBot-01 (Automation Anywhere A360)")
    for t in txns:
        p = doc.add_paragraph()
        p.add_run(f"Process flow \u2013 {TXN[t]}").bold = True
        for s in ["Login", f"{TXN[t]} screen", "Results", "Logout"]:
            doc.add_paragraph(f"\u2022 POSC screen: {s}")
    doc.save(path)


# --------------------------------------------------------------------------- scans
def make_scan(src_pdf, dst_pdf, seed, dpi=170, angle=0.9):
    rnd = random.Random(seed)
    tmp = WORK / f"scan_{seed}"
    tmp.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src_pdf), str(tmp / "p")], check=True)
    jpgs = []
    for i, png in enumerate(sorted(tmp.glob("p*.png"))):
        im = Image.open(png).convert("L")
        a = angle * (1 if rnd.random() < 0.5 else -1) + rnd.uniform(-0.1, 0.1)
        im = im.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = Image.blend(im, Image.effect_noise(im.size, 22), 0.06)
        im = im.filter(ImageFilter.GaussianBlur(0.5))
        im = im.point(lambda x: 0 if x < 60 else (255 if x > 235 else x))
        out = tmp / f"s{i}.jpg"
        im.save(out, "JPEG", quality=45, dpi=(dpi, dpi))
        jpgs.append(str(out))
    subprocess.run(["img2pdf", "--pagesize", "Letter", "-o", str(dst_pdf)] + jpgs, check=True)


# --------------------------------------------------------------------------- cases
CASES = []


def case(cid, form, shape, tool, fields, desc, scan=False, code=True, extra=None, ext="pdf"):
    CASES.append(dict(id=cid, form=form, shape=shape, tool=tool, fields=fields, desc=desc,
                      scan=scan, code=code, extra=extra or {}, ext=ext))


def camel_naming(k, ck):
    base = "".join(p.capitalize() for p in k.split("_"))
    if k in SET_KEYS:
        return base + "_" + "".join(p.capitalize() for p in ck.split("_")), "Yes"
    if k in ONE_KEYS or k in YESNO_KEYS:
        if ck is None:
            return base, None
        if isinstance(ck, str):
            return base, "".join(p.capitalize() for p in ck.split("_"))
        return base, {True: "Yes", False: "No"}[ck]
    return base, "Yes"


HIER = {"org_legal_name": "Org.Legal.Name", "org_dba": "Org.DBA", "org_type": "Org.Type",
        "provider_id": "Org.PIDSL", "npi": "Org.NPI", "fein": "Org.FEIN",
        "street": "Org.Address.Street", "city": "Org.Address.City", "state": "Org.Address.State",
        "zip": "Org.Address.Zip", "contact_name": "Contact.Name", "contact_title": "Contact.Title",
        "contact_email": "Contact.Email", "contact_phone": "contact phone",
        "attest": "Attestation.Attest", "signer_name": "Attestation.Signer.Name",
        "signer_title": "Attestation.Signer.Title", "signature_date": "Attestation.Date"}


def hier_naming(k, ck):
    if k == "org_type":
        return "Org.Type", {"provider": "Provider", "business_partner": "BusinessPartner",
                            "relationship_entity": "RelationshipEntity"}.get(ck)
    if k in HIER:
        return HIER[k], "Checked"
    base = "Request." + "".join(p.capitalize() for p in k.split("_"))
    if k in SET_KEYS:
        return f"{base}." + "".join(p.capitalize() for p in ck.split("_")), \
            "1" if k == "transactions" else "Checked"
    if k in YESNO_KEYS:
        return base, {True: "Y", False: "N"}.get(ck)
    return base, None


def xfa_naming(k, ck):
    base = "form1[0].Page1[0]." + "".join(p.capitalize() for p in k.split("_")) + "[0]"
    if k in YESNO_KEYS:
        return base, {True: "1", False: "2"}.get(ck)   # LiveCycle style "1"/"2" exports
    if k in ONE_KEYS:
        return base, {"provider": "Prov", "business_partner": "BP", "relationship_entity": "RE"}.get(ck, ck)
    if k in SET_KEYS:
        return base[:-3] + "_" + "".join(p.capitalize() for p in ck.split("_")) + "[0]", "On"
    return base, "On"


def generic_naming_factory(form, radio_style):
    """Old revision: Text1.., Check Box N, Group N -- numbered in page order."""
    counter = {"n": 0}
    cache = {}

    def nm(k, ck):
        key = (k, ck if k in SET_KEYS or k == "attest" else None)
        if key not in cache:
            counter["n"] += 1
            n = counter["n"]
            if k in SET_KEYS or k == "attest":
                cache[key] = f"Check Box{n}"
            elif k in ONE_KEYS or k in YESNO_KEYS:
                cache[key] = f"Group{n}"
            else:
                cache[key] = f"Text{n}"
        name = cache[key]
        if k in SET_KEYS or k == "attest":
            return name, {"a": "Yes", "b": "On"}[radio_style]
        if k in YESNO_KEYS:
            return name, {True: "Yes", False: "No"}.get(ck)
        if k in ONE_KEYS:
            if ck is None:
                return name, None
            idx = list(CHOICES[k]).index(ck) + 1
            return name, f"Choice{idx}"
        return name, None
    return nm


def define_cases():
    # ---------------- a. fillable PDFs with meaningful names (LibreOffice form export + pypdf fill)
    d = stage1_data("beacon", signature_date=None)
    d.update(signer("Dr. James Whitfield", "Chief Executive Officer", "2026-03-12"))
    case("a1_stage1_fillable_named", "stage1", "fillable_pdf", "LibreOffice HTML form export + pypdf fill",
         d, "Fillable PDF, camel-case field names (OrgLegalName, Transactions_ClaimStatus ...), checkboxes "
         "exported as /Yes, Organization Type and Bot Hosting radio groups (/Provider, /OnPremises ...).",
         extra=dict(kind="fillable", naming=camel_naming,
                    st=dict(date="us", phone="paren", above=lambda k, n: False)))

    d = stage2_data("clinica", transactions=["claim_status", "claim_submission", "eligibility_inquiry"],
                    rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
                    rpa_tool_version="2.41", user_ids_requested=3, stage1_approval_number="RPA1-2025-01877")
    d.update(signer("Jos\u00e9 Mart\u00ednez", "Director Ejecutivo", "2026-05-20"))
    case("a2_stage2_fillable_hierarchical_utf16", "stage2", "fillable_pdf",
         "LibreOffice HTML form export + pypdf fill (UTF-16 /V strings)", d,
         "Fillable PDF with hierarchical field names (Org.Legal.Name with /Kids, Org.Address.City, "
         "'contact phone'), transaction checkboxes exported as /1, documents as /Checked, attestation "
         "/Checked, Org.Type radio (/Provider ...), yes/no radio /Y /N; every text value written as a "
         "UTF-16BE string with BOM.",
         extra=dict(kind="fillable", naming=hier_naming, utf16=True,
                    st=dict(date="long", phone="dots", above=lambda k, n: k in LONG_KEYS)))

    d = mod_data("beacon", modification_types=["add_sequential_transaction", "increase_screens"],
                 new_screens_per_session=18, added_transaction="claim_adjustment", same_session=True,
                 description="Add Claim Adjustment/Void as a sequential step after Claim Status Inquiry in "
                             "the same bot session; screens per session go from 12 to 18.",
                 effective_date="2026-09-01")
    d.update(signer("Dr. James Whitfield", "Chief Executive Officer", "2026-07-08"))
    case("a3_modification_fillable_xfa_names", "modification", "fillable_pdf",
         "LibreOffice HTML form export + pypdf fill", d,
         "Fillable PDF with LiveCycle-style names (form1[0].Page1[0].Stage2ApprovalNumber[0]), "
         "checkboxes exported as /On, yes/no radio exported /1 and /2, Transaction to Add as a dropdown.",
         extra=dict(kind="fillable", naming=xfa_naming,
                    st=dict(date="us", phone="dash", dropdowns={"added_transaction"},
                            above=lambda k, n: False)))

    d = av_data("worcester")
    d.update(signer("Robert Sullivan", "Practice Administrator", "2026-02-17"))
    case("a4_annual_fillable_variants", "annual_validation", "fillable_pdf",
         "LibreOffice HTML form export + pypdf fill", d,
         "Fillable PDF, camel-case names, printed labels with human variations (Legal Name of "
         "Organization, Telephone, E-mail, Zip Code ...), yes/no radio groups Yes/No.",
         extra=dict(kind="fillable", naming=camel_naming,
                    st=dict(date="us_short", phone="plus1", variants=True, above=lambda k, n: False)))

    # ---------------- b. old revision, meaningless names
    d = stage1_data("capecod", transactions=["claim_status", "eligibility_inquiry", "other"],
                    transactions_other="Download of the provider's 835 companion report",
                    bot_count=3, bot_names=["CC-Elig", "CC-Status", "CC-Reports"], hosting="cloud",
                    rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.2",
                    screens_per_session=15, avg_weekly_transactions=300, est_monthly_transactions=1200,
                    planned_go_live="2026-07-15")
    d.update(signer("Susan Nickerson", "Billing Supervisor", "2026-04-02"))
    case("b1_stage1_oldrev_generic_names", "stage1", "fillable_pdf_generic_names",
         "LibreOffice HTML form export + pypdf fill", d,
         "Old revision: Text1/Check Box7/Group3 names; labels alternate LEFT of the field and ABOVE "
         "it; transactions as one checkbox per choice with its label beside it (export /Yes); "
         "Organization Type / Bot Hosting as Group radios exported /Choice1.. .",
         extra=dict(kind="fillable", naming=generic_naming_factory("stage1", "a"),
                    st=dict(date="us", phone="paren", list_sep="; ", above=lambda k, n: n % 2 == 0)))

    d = s2g_data("pioneer")
    d.update(signer("Linda Marchetti", "Chief Operating Officer", "2026-01-22"))
    case("b2_s2g_oldrev_generic_names", "stage2_grandfathered", "fillable_pdf_generic_names",
         "LibreOffice HTML form export + pypdf fill", d,
         "Old revision, Text/Check Box/Group names; testing yes/no is Group radio (/Yes /No) with "
         "the question printed ABOVE; documents as checkboxes exported /On.",
         extra=dict(kind="fillable", naming=generic_naming_factory("stage2_grandfathered", "b"),
                    st=dict(date="us", phone="dash", above=lambda k, n: k in YESNO_KEYS or n % 3 == 0)))

    d = av_data("merrimack", stage2_approval_number="RPA2-2023-00311", rpa_user_ids=["RPAMV021", "RPAMV022"],
                validation_year=2026, info_current=True, unapproved_changes=False)
    d.update(signer("Patricia Gomes", "Executive Director", "2026-03-30"))
    case("b3_annual_oldrev_generic_names", "annual_validation", "fillable_pdf_generic_names",
         "LibreOffice HTML form export + pypdf fill", d,
         "Old revision, generic names; yes/no questions as Group radios printed LEFT of the buttons.",
         extra=dict(kind="fillable", naming=generic_naming_factory("annual_validation", "a"),
                    st=dict(date="long", phone="paren", above=lambda k, n: False)))

    d = mod_data("capecod", stage2_approval_number="RPA2-2025-00999", rpa_user_ids=["RPACC005"],
                 modification_types=["replace_tool"], new_rpa_tool_name="UiPath Studio",
                 new_rpa_tool_vendor="UiPath, Inc.", new_screens_per_session=None,
                 description="Replace Blue Prism with UiPath Studio; same transactions and screens.",
                 effective_date="2026-10-01")
    d = {k: v for k, v in d.items() if v is not None}
    d.update(signer("Susan Nickerson", "Billing Supervisor", "2026-08-19"))
    case("b4_modification_oldrev_generic_names", "modification", "fillable_pdf_generic_names",
         "LibreOffice HTML form export + pypdf fill", d,
         "Old revision; labels ABOVE the fields; Type of Modification checkboxes (export /Yes) with "
         "labels beside them; no form code printed.", code=False,
         extra=dict(kind="fillable", naming=generic_naming_factory("modification", "a"),
                    st=dict(date="us", phone="paren", code=False, above=lambda k, n: True)))

    # ---------------- c. flattened / printed PDFs
    d = stage1_data("pioneer", bot_count=1, bot_names=["PV-ClaimBot"], hosting="vendor_hosted",
                    transactions=["claim_submission", "claim_status", "remittance_advice"],
                    posc_screens=["Login", "Claim Entry", "Claim Status Search", "Remittance Advice"],
                    screens_per_session=10, avg_weekly_transactions=2500, est_monthly_transactions=10000,
                    rpa_tool_name="Automation Anywhere", rpa_tool_vendor="Automation Anywhere, Inc.",
                    rpa_tool_version="A360", planned_go_live="2026-09-08")
    d.update(signer("Linda Marchetti", "Chief Operating Officer", "2026-06-03"))
    case("c1_stage1_printed_table", "stage1", "flattened_pdf", "LibreOffice (HTML -> PDF)", d,
         "Printed form: ruled label | value table, choices as \u2612/\u2610 glyphs.",
         extra=dict(kind="flat_html", st=dict(layout="table", marks="box", date="us", phone="paren",
                                              thousands=True)))

    d = stage2_data("beacon")
    d.update(signer("Dr. James Whitfield", "Chief Executive Officer", "2026-05-28"))
    case("c2_stage2_printed_lines_check", "stage2", "flattened_pdf", "LibreOffice (HTML -> PDF)", d,
         "Printed form: 'Label: value' lines, selected choices marked with \u2713.",
         extra=dict(kind="flat_html", st=dict(layout="lines", marks="check", date="long", phone="dash")))

    d = mod_data("worcester", stage2_approval_number="RPA2-2024-00078", rpa_user_ids=["RPAWB010", "RPAWB011"],
                 modification_types=["decrease_screens", "retire_bot"], new_screens_per_session=6,
                 description="Retire bot RPAWB011 and limit the remaining bot to 6 POSC screens per session.",
                 effective_date="2026-07-01")
    d.update(signer("Robert Sullivan", "Practice Administrator", "2026-06-10"))
    case("c3_modification_printed_xbox", "modification", "flattened_pdf", "LibreOffice (HTML -> PDF)", d,
         "Printed form: ruled table; choices as an 'X' typed in a drawn box.",
         extra=dict(kind="flat_html", st=dict(layout="table", marks="xbox", date="us", phone="paren")))

    d = av_data("beacon", stage2_approval_number="RPA2-2024-00031", rpa_user_ids=["RPABH001", "RPABH002"])
    d.update(signer("Maria Thompson", "Revenue Cycle Manager", "2026-09-09"))
    case("c4_annual_printed_offset", "annual_validation", "flattened_pdf",
         "python-docx -> LibreOffice (DOCX -> PDF)", d,
         "Printed from a typed DOCX: label | value table, values lowered ~2.5 pt off the label "
         "baseline (w:position), [X]/[  ] marks.",
         extra=dict(kind="flat_docx", st=dict(layout="table", marks="X", date="us", phone="paren",
                                              offset=-5)))

    d = s2g_data("merrimack", current_user_ids=["MVHA0100"], bot_count=1, operational_since="2021-11-15",
                 transactions=["eligibility_inquiry"], testing_completed_date="2022-09-12",
                 user_ids_requested=1, docs_enclosed=["rpa_agreement", "test_scenarios"],
                 rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2021.10",
                 screens_per_session=5, avg_weekly_transactions=800)
    d.update(signer("Patricia Gomes", "Executive Director", "2026-02-05"))
    case("c5_s2g_printed_paragraphs_nocode", "stage2_grandfathered", "flattened_pdf",
         "python-docx -> LibreOffice (DOCX -> PDF)", d,
         "Printed from DOCX: 'Label: value' paragraphs with \u2612/\u2610; no form code.", code=False,
         extra=dict(kind="flat_docx", st=dict(layout="paragraphs", marks="box", colon=True, code=False,
                                              date="us", phone="paren", bold_labels=True)))

    d = agr_data("beacon", "Dr. James Whitfield", "Chief Executive Officer", "2026-05-28")
    case("c6_agreement_printed", "rpa_agreement", "flattened_pdf", "python-docx -> LibreOffice (DOCX -> PDF)", d,
         "Signed RPA Agreement printed to PDF (signer name + date filled, /s/ signature).",
         extra=dict(kind="agr_pdf", st=dict(date="long")))

    d = stage2_data("capecod", stage1_approval_number="RPA1-2026-00207", rpa_tool_name="Blue Prism",
                    rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.2",
                    transactions=["claim_status", "eligibility_inquiry", "prior_authorization"],
                    docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                    testing_completed_date="2026-08-21", user_ids_requested=3)
    d.update(signer("Susan Nickerson", "Billing Supervisor", "2026-09-02"))
    case("c7_stage2_filled_then_printed", "stage2", "flattened_pdf",
         "LibreOffice fillable -> pypdf fill -> pdftocairo print (fields gone)", d,
         "A fillable form filled and then printed to PDF with poppler's pdftocairo: only the "
         "appearance streams remain as page content, no AcroForm.",
         extra=dict(kind="fill_then_print", naming=camel_naming,
                    st=dict(date="us", phone="paren", above=lambda k, n: False)))

    # ---------------- d. DOCX with content controls
    d = stage1_data("merrimack", hosting="cloud", bot_count=2, bot_names=["MV-Elig-1", "MV-Elig-2"],
                    transactions=["eligibility_inquiry", "prior_authorization"],
                    posc_screens=["Login", "Member Eligibility", "Prior Authorization Request"],
                    screens_per_session=9, avg_weekly_transactions=600, est_monthly_transactions=2400,
                    rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
                    rpa_tool_version="2.40", planned_go_live="2026-08-17")
    d.update(signer("Patricia Gomes", "Executive Director", "2026-04-14"))
    case("d1_stage1_content_controls", "stage1", "docx_content_controls", "python-docx + raw OOXML", d,
         "Content controls: plain text and rich text (alias/tag named differently from the keys), "
         "w14:checkbox per transaction, dropDownList for Organization Type/Bot Hosting, date "
         "control for dates; some controls inline in paragraphs, the rest in table cells.",
         ext="docx",
         extra=dict(kind="docx_cc", st=dict(date="us_short", phone="paren", alias=True,
                                            inline={"org_legal_name", "contact_email", "bot_names",
                                                    "planned_go_live", "signer_name"},
                                            rich={"posc_screens", "operating_hours", "street"},
                                            tag=lambda k: "fld" + "".join(p.capitalize() for p in k.split("_")))))

    d = stage2_data("worcester", stage1_approval_number="RPA1-2026-00088", transactions=["claim_submission"],
                    docs_enclosed=["rpa_agreement", "systems_design"], user_ids_requested=1,
                    testing_completed_date="2026-07-30")
    d.update(signer("Robert Sullivan", "Practice Administrator", "2026-08-11"))
    case("d2_stage2_content_controls_header_code", "stage2", "docx_content_controls",
         "python-docx + raw OOXML", d,
         "Content controls in table cells, no tags/aliases; form code is a content control in the "
         "page HEADER; yes/no as two checkbox controls (Yes / No).", ext="docx",
         extra=dict(kind="docx_cc", st=dict(date="us", phone="dots", header_code=True,
                                            yesno_boxes={"testing_completed"})))

    d = av_data("pioneer", stage2_approval_number="RPA2-2023-00150", rpa_user_ids=["RPAPV001", "RPAPV002", "RPAPV003"],
                unapproved_changes=False, info_current=True)
    d = {k: v for k, v in d.items()}
    d.update(signer("David Okafor", "Director of Automation", "2026-10-06"))
    case("d3_annual_content_controls", "annual_validation", "docx_content_controls",
         "python-docx + raw OOXML", d,
         "Content controls, yes/no as Yes/No dropDownList controls, date control for Date Signed.",
         ext="docx", extra=dict(kind="docx_cc", st=dict(date="long", phone="paren", list_sep="; ",
                                                        tag=lambda k: k.upper())))

    # ---------------- e. DOCX legacy form fields
    d = mod_data("pioneer", stage2_approval_number="RPA2-2024-00212", rpa_user_ids=["RPAPV001"],
                 modification_types=["add_sequential_transaction", "other"],
                 added_transaction="remittance_advice", same_session=False,
                 description="Add remittance advice download after claim status; also move the bot "
                             "to a new virtual machine.", new_screens_per_session=None,
                 effective_date="2026-11-16")
    d = {k: v for k, v in d.items() if v is not None}
    d.update(signer("David Okafor", "Director of Automation", "2026-09-25"))
    case("e1_modification_legacy_fields", "modification", "docx_legacy_fields",
         "python-docx + raw OOXML (legacy fields)", d,
         "FORMTEXT with result runs, FORMCHECKBOX (every other one checked only via w:default), "
         "FORMDROPDOWN with w:result index (Organization Type, Transaction to Add, same session).",
         ext="docx", extra=dict(kind="docx_legacy", st=dict(date="us", phone="paren")))

    d = s2g_data("capecod", current_user_ids=["CCHC0007", "CCHC0008", "CCHC0009"], bot_count=3,
                 operational_since="2020-10-05", rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism",
                 rpa_tool_version="6.10", transactions=["claim_adjustment", "claim_status", "claim_submission"],
                 screens_per_session=14, avg_weekly_transactions=950, user_ids_requested=3,
                 testing_completed_date="2022-09-20")
    d.update(signer("Susan Nickerson", "Billing Supervisor", "2026-03-03"))
    case("e2_s2g_legacy_fields", "stage2_grandfathered", "docx_legacy_fields",
         "python-docx + raw OOXML (legacy fields)", d,
         "Legacy fields; yes/no as a pair of FORMCHECKBOXes (Yes / No).", ext="docx",
         extra=dict(kind="docx_legacy", st=dict(date="us_short", phone="dots", list_sep="\n",
                                                yesno_checks={"testing_completed"})))

    d = stage1_data("worcester", hosting="on_premises", bot_count=1, bot_names=["WBHA-Bot1"],
                    transactions=["eligibility_inquiry"], posc_screens=["Login", "Member Eligibility"],
                    screens_per_session=4, avg_weekly_transactions=125, est_monthly_transactions=500,
                    operating_hours="Daily 5:00-7:00 AM", planned_go_live="2026-05-04",
                    rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.4")
    d.update(signer("Robert Sullivan", "Practice Administrator", "2026-01-29"))
    case("e3_stage1_legacy_fields", "stage1", "docx_legacy_fields", "python-docx + raw OOXML (legacy fields)", d,
         "Legacy fields; Bot Hosting and Organization Type as FORMDROPDOWN.", ext="docx",
         extra=dict(kind="docx_legacy", st=dict(date="us", phone="paren")))

    # ---------------- f. DOCX typed by hand
    d = stage1_data("clinica", hosting="vendor_hosted", bot_count=2, bot_names=["Elig-A", "Elig-B"],
                    transactions=["eligibility_inquiry"], posc_screens=["Login", "Member Eligibility",
                                                                         "Eligibility Results"],
                    screens_per_session=6, avg_weekly_transactions=700, est_monthly_transactions=2800,
                    planned_go_live="2026-10-12")
    d.update(signer("Jos\u00e9 Mart\u00ednez", "Executive Director", "2026-09-15"))
    case("f1_stage1_typed_table", "stage1", "docx_table", "python-docx", d,
         "Typed two-column table; labels with trailing colon and '*' on required ones; \u2612/\u2610 marks.",
         ext="docx", extra=dict(kind="docx_typed",
                                st=dict(layout="table", marks="box", colon=True, date="us", phone="paren",
                                        asterisk=lambda n: n % 3 != 0)))

    d = stage2_data("merrimack", stage1_approval_number="RPA1-2026-00301",
                    transactions=["eligibility_inquiry", "prior_authorization"],
                    rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
                    rpa_tool_version="2.40", testing_completed_date="2026-09-18", user_ids_requested=2)
    d.update(signer("Patricia Gomes", "Executive Director", "2026-10-02"))
    case("f2_stage2_typed_paragraphs_numbered", "stage2", "docx_paragraphs", "python-docx", d,
         "'Label: value' paragraphs, labels with a leading number ('3. City:') in UPPER CASE, "
         "[X]/[  ] marks, choices on their own lines under the label.", ext="docx",
         extra=dict(kind="docx_typed", st=dict(layout="paragraphs", marks="X", colon=True, numbered=True,
                                               upper=True, date="long", phone="plus1")))

    d = mod_data("merrimack", stage2_approval_number="RPA2-2025-00640", rpa_user_ids=["RPAMV021"],
                 modification_types=["increase_screens"], new_screens_per_session=16,
                 description="Increase POSC screens per session from 10 to 16 to include claim detail "
                             "screens.", effective_date="2026-06-15")
    d.update(signer("Kevin Tran", "IT Project Manager", "2026-05-05"))
    case("f3_modification_typed_variants", "modification", "docx_table", "python-docx", d,
         "Typed table with human label variations (Legal Name of Organization, Telephone, E-mail, "
         "Zip Code, Primary Contact), lower-case labels with colons, bare X / _ marks.", ext="docx",
         extra=dict(kind="docx_typed", st=dict(layout="table", marks="Xbare", colon=True, variants=True,
                                               lower=True, date="us", phone="dots")))

    d = av_data("capecod", stage2_approval_number="RPA2-2024-00120", rpa_user_ids=["RPACC005"],
                info_current=True, unapproved_changes=True)
    d.update(signer("Susan Nickerson", "Billing Supervisor", "2026-07-21"))
    case("f4_annual_typed_paragraphs_nocode", "annual_validation", "docx_paragraphs", "python-docx", d,
         "'Label: value' paragraphs with \u2612/\u2610 side by side, no form code; unapproved_changes is "
         "Yes (a problem for the service, still extracted).", code=False, ext="docx",
         extra=dict(kind="docx_typed", st=dict(layout="paragraphs", marks="box", colon=True, code=False,
                                               date="us_short", phone="paren", bold_labels=True)))

    d = agr_data("pioneer", "Linda Marchetti", "Chief Operating Officer", "2026-06-30")
    case("f5_agreement_docx", "rpa_agreement", "docx_table", "python-docx", d,
         "RPA Agreement as DOCX: agreement text, then signer table (name, title, /s/ signature, date).",
         ext="docx", extra=dict(kind="agr_docx", st=dict(date="us")))

    # ---------------- g. scans (image-only) of flattened ones
    for cid, src, seed, angle in (("g1_stage1_scan", "c1_stage1_printed_table", 11, 0.7),
                                  ("g2_modification_scan", "c3_modification_printed_xbox", 12, 1.3),
                                  ("g3_annual_scan", "c4_annual_printed_offset", 13, 1.0)):
        srccase = next(c for c in CASES if c["id"] == src)
        case(cid, srccase["form"], "scanned_pdf", f"pdftoppm + Pillow + img2pdf from {src}.pdf",
             srccase["fields"], f"Image-only scan of {src}.pdf (grayscale, ~{angle} deg rotation, noise, JPEG).",
             scan=True, code=srccase["code"], extra=dict(kind="scan", src=src, seed=seed, angle=angle))

    # ---------------- h. supporting documents
    case("h1_test_scenarios_docx", "test_scenarios", "supporting_docx", "python-docx", {},
         "Test Scenarios document: title 'MassHealth RPA Test Scenarios' and the six-column scenario table.",
         ext="docx", code=False,
         extra=dict(kind="ts_docx", summary=scen_summary(SCENARIOS)))
    rows2 = [("1", "Remittance Advice Download", "Login; Remittance Advice Search; Download",
              "835 file downloaded", "Downloaded", "Pass"),
             ("2", "Claim Status Inquiry", "Login; Claim Status Search; Claim Status Results",
              "Status returned", "Returned", "Pass"),
             ("3", "Claim Status Inquiry", "Claim Status Search", "No-match message shown",
              "Timeout", "Fail")]
    case("h2_test_scenarios_pdf", "test_scenarios", "supporting_pdf", "LibreOffice (HTML -> PDF)", {},
         "Test Scenarios as a printed PDF table.", code=False,
         extra=dict(kind="ts_pdf", rows=rows2, summary=scen_summary(rows2)))
    case("h3_systems_design_pdf", "systems_design", "supporting_pdf", "LibreOffice (HTML -> PDF)", {},
         "Systems Design Documentation (process flow per transaction, POSC screens).", code=False,
         extra=dict(kind="sd_pdf", txns=["claim_status", "eligibility_inquiry"]))
    case("h4_systems_design_docx", "systems_design", "supporting_docx", "python-docx", {},
         "'RPA Systems Design Document' as DOCX.", ext="docx", code=False,
         extra=dict(kind="sd_docx", txns=["remittance_advice"]))


# --------------------------------------------------------------------------- build
def normalized_fields(c):
    f = {}
    for k, v in c["fields"].items():
        if v is None:
            continue
        if k in SET_KEYS:
            v = sorted(v)
        f[k] = v
    if c["form"] in SECTIONS:
        order = keys_for(c["form"])
        f = {k: f[k] for k in order if k in f}
    return f


def build():
    define_cases()
    html_flat, html_fill, docx_to_print = [], [], []
    for c in CASES:
        x, cid, form = c["extra"], c["id"], c["form"]
        st = x.get("st", {})
        if "st" in x:
            st.setdefault("code", c["code"])
        k = x["kind"]
        if k == "flat_html":
            (WORK / f"{cid}.html").write_text(flat_html(form, c["fields"], st), encoding="utf-8")
            html_flat.append(WORK / f"{cid}.html")
        elif k in ("fillable", "fill_then_print"):
            html, fill = fillable_html(form, c["fields"], x["naming"], st)
            x["fill"] = fill
            (WORK / f"{cid}.html").write_text(html, encoding="utf-8")
            html_fill.append(WORK / f"{cid}.html")
        elif k == "flat_docx":
            docx_typed(form, c["fields"], st, WORK / f"{cid}.docx")
            docx_to_print.append(WORK / f"{cid}.docx")
        elif k == "agr_pdf":
            docx_agreement(c["fields"], st, WORK / f"{cid}.docx")
            docx_to_print.append(WORK / f"{cid}.docx")
        elif k == "docx_cc":
            docx_controls(form, c["fields"], st, OUT / f"{cid}.docx")
        elif k == "docx_legacy":
            docx_legacy(form, c["fields"], st, OUT / f"{cid}.docx")
        elif k == "docx_typed":
            docx_typed(form, c["fields"], st, OUT / f"{cid}.docx")
        elif k == "agr_docx":
            docx_agreement(c["fields"], st, OUT / f"{cid}.docx")
        elif k == "ts_docx":
            docx_test_scenarios("beacon", SCENARIOS, OUT / f"{cid}.docx")
        elif k == "ts_pdf":
            (WORK / f"{cid}.html").write_text(html_test_scenarios("capecod", x["rows"]), encoding="utf-8")
            html_flat.append(WORK / f"{cid}.html")
        elif k == "sd_pdf":
            (WORK / f"{cid}.html").write_text(html_systems_design("beacon", x["txns"]), encoding="utf-8")
            html_flat.append(WORK / f"{cid}.html")
        elif k == "sd_docx":
            docx_systems_design("pioneer", x["txns"], OUT / f"{cid}.docx")

    pdf_dir = WORK / "pdf"
    soffice(html_flat, pdf_dir, html=True)
    soffice(html_fill, pdf_dir, html=True, form_fields=True)
    soffice(docx_to_print, pdf_dir)

    for c in CASES:
        x, cid = c["extra"], c["id"]
        k = x["kind"]
        if k in ("flat_html", "flat_docx", "agr_pdf", "ts_pdf", "sd_pdf"):
            shutil.copy(pdf_dir / f"{cid}.pdf", OUT / f"{cid}.pdf")
        elif k == "fillable":
            fill_pdf(pdf_dir / f"{cid}.pdf", OUT / f"{cid}.pdf", x["fill"], utf16=x.get("utf16", False))
        elif k == "fill_then_print":
            fill_pdf(pdf_dir / f"{cid}.pdf", WORK / f"{cid}.filled.pdf", x["fill"])
            subprocess.run(["pdftocairo", "-pdf", str(WORK / f"{cid}.filled.pdf"), str(OUT / f"{cid}.pdf")],
                           check=True, stderr=subprocess.DEVNULL)
    for c in CASES:
        x = c["extra"]
        if x["kind"] == "scan":
            make_scan(OUT / f"{x['src']}.pdf", OUT / f"{c['id']}.pdf", x["seed"], angle=x["angle"])

    for c in CASES:
        exp = {"file": f"{c['id']}.{c['ext']}", "form_type": c["form"],
               "form_version": CODES.get(c["form"]) if c["code"] else None,
               "fields": normalized_fields(c), "shape": c["shape"], "scan": c["scan"],
               "drawn_with": c["tool"], "description": c["desc"]}
        x = c["extra"]
        if "summary" in x:
            exp["scenario_summary"] = x["summary"]   # informative, not a SPEC field key
        if "txns" in x:
            exp["transactions_mentioned"] = sorted(x["txns"])   # informative, not a SPEC field key
        (OUT / f"{c['id']}.expected.json").write_text(json.dumps(exp, indent=2, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
        size = (OUT / exp["file"]).stat().st_size
        print(f"{exp['file']:48s} {c['shape']:28s} {c['form']:22s} {size // 1024:4d} KB")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build())
