#!/usr/bin/env python3
"""Fifth independent (blind) sample set for rpa-intake.

Drawn only from /work/shared/SPEC.md.  Regenerates every sample file and its
<case>.expected.json in the directory of this script.

    /work/main/.venv/bin/python make_independent5.py

Needs: reportlab, pypdf, python-docx, lxml, Pillow, numpy; LibreOffice (soffice),
Chromium (headless print-to-pdf), poppler-utils (pdftoppm).
"""
import copy
import datetime as dt
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib.colors import black, white, Color

import docx
from docx.shared import Pt, Inches, RGBColor
from docx.enum.text import WD_TAB_LEADER
from docx.oxml import parse_xml

OUT = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(os.path.dirname(OUT), "_work")  # scratch space (temp files, LibreOffice/Chromium profiles)
os.makedirs(WORK, exist_ok=True)
tempfile.tempdir = WORK
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
for n, f in [("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
             ("DejaVuSerif", "DejaVuSerif.ttf"), ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
             ("DejaVuSansCondensed", "DejaVuSansCondensed.ttf"),
             ("DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Bold.ttf"),
             ("DejaVuSansMono", "DejaVuSansMono.ttf")]:
    pdfmetrics.registerFont(TTFont(n, FONTDIR + f))
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold",
        "DejaVuSans": "DejaVuSans-Bold", "DejaVuSerif": "DejaVuSerif-Bold",
        "DejaVuSansCondensed": "DejaVuSansCondensed-Bold", "DejaVuSansMono": "DejaVuSansMono"}
UNICODE_FONTS = {"DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed", "DejaVuSansMono"}

MARKCHARS = "\u2610\u2611\u2612"


class Canvas(canvas.Canvas):
    """Canvas whose drawString falls back to DejaVu Sans for ballot-box glyphs (as word processors do)."""

    def drawString(self, x, y, text, *a, **k):
        if not any(ch in text for ch in MARKCHARS) or self._fontname == "DejaVuSans":
            return super().drawString(x, y, text, *a, **k)
        fn, fs = self._fontname, self._fontsize
        seg = ""
        for ch in text + "\0":
            if ch in MARKCHARS or ch == "\0":
                if seg:
                    super().drawString(x, y, seg)
                    x += pdfmetrics.stringWidth(seg, fn, fs)
                    seg = ""
                if ch != "\0":
                    self.setFont("DejaVuSans", fs)
                    super().drawString(x, y, ch)
                    x += pdfmetrics.stringWidth(ch, "DejaVuSans", fs)
                    self.setFont(fn, fs)
            else:
                seg += ch


# ---------------------------------------------------------------- SPEC data
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
               ("annual_validation", "rpa_user_ids"): "RPA User ID(s)",
               ("stage2_grandfathered", "bot_count"): "Number of Bots"}

TX = [("eligibility_inquiry", "Member Eligibility Verification"),
      ("claim_submission", "Claim Submission (DDE)"), ("claim_status", "Claim Status Inquiry"),
      ("claim_adjustment", "Claim Adjustment/Void"),
      ("prior_authorization", "Prior Authorization Request"),
      ("remittance_advice", "Remittance Advice Download"), ("other", "Other DDE Activity")]
TXNAME = dict(TX)
OPTIONS = {
    "org_type": [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
                 ("relationship_entity", "Relationship Entity")],
    "hosting": [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")],
    "transactions": TX, "added_transaction": TX,
    "modification_types": [("replace_tool", "Replace RPA Tool"),
                           ("increase_screens", "Increase POSC Screens per Session"),
                           ("decrease_screens", "Decrease POSC Screens per Session"),
                           ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
                           ("retire_bot", "Retire Bot"), ("other", "Other")],
    "docs_enclosed": [("rpa_agreement", "MassHealth RPA Agreement"),
                      ("systems_design", "Systems Design Documentation"),
                      ("test_scenarios", "Test Scenarios")],
}
KIND = {k: "text" for k in LABELS}
KIND.update({k: "int" for k in ["bot_count", "screens_per_session", "avg_weekly_transactions",
                                "est_monthly_transactions", "user_ids_requested",
                                "new_screens_per_session", "validation_year"]})
KIND.update({k: "date" for k in ["signature_date", "planned_go_live", "testing_completed_date",
                                 "operational_since", "effective_date"]})
KIND.update({k: "list" for k in ["bot_names", "posc_screens", "current_user_ids", "rpa_user_ids"]})
KIND.update({k: "set" for k in ["transactions", "modification_types", "docs_enclosed"]})
KIND.update({k: "choice" for k in ["org_type", "hosting", "added_transaction"]})
KIND.update({k: "yn" for k in ["testing_completed", "same_session", "info_current", "unapproved_changes"]})
KIND["attest"] = "check"
KIND["contact_phone"] = "phone"

ORG_SECTION = [("SECTION 1 \u2013 ORGANIZATION INFORMATION",
                ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein"]),
               ("ADDRESS", ["street", "city", "state", "zip"]),
               ("PRIMARY CONTACT", ["contact_name", "contact_title", "contact_email", "contact_phone"])]
SIG = ("SIGNATURE", ["attest", "signer_name", "signer_title", "signature_date"])
SECTIONS = {
    "stage1": ORG_SECTION + [
        ("RPA TOOL", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]),
        ("BOT DETAILS", ["bot_count", "bot_names", "hosting", "transactions", "transactions_other",
                         "posc_screens", "screens_per_session"]),
        ("VOLUME AND SCHEDULE", ["avg_weekly_transactions", "est_monthly_transactions",
                                 "operating_hours", "planned_go_live"]), SIG],
    "stage2": ORG_SECTION + [
        ("STAGE I REFERENCE", ["stage1_approval_number"]),
        ("RPA TOOL", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]),
        ("TRANSACTIONS AND TESTING", ["transactions", "testing_completed", "testing_completed_date"]),
        ("RPA USER IDS", ["user_ids_requested", "docs_enclosed"]), SIG],
    "stage2_grandfathered": ORG_SECTION + [
        ("BOT DETAILS", ["operational_since", "current_user_ids", "bot_count", "screens_per_session",
                         "avg_weekly_transactions"]),
        ("RPA TOOL", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]),
        ("TRANSACTIONS AND TESTING", ["transactions", "testing_completed", "testing_completed_date"]),
        ("RPA USER IDS", ["user_ids_requested", "docs_enclosed"]), SIG],
    "modification": ORG_SECTION + [
        ("APPROVED BOT", ["stage2_approval_number", "rpa_user_ids"]),
        ("MODIFICATION DETAILS", ["modification_types", "new_rpa_tool_name", "new_rpa_tool_vendor",
                                  "new_screens_per_session", "added_transaction", "same_session",
                                  "description", "effective_date"]), SIG],
    "annual_validation": ORG_SECTION + [
        ("VALIDATION DETAILS", ["stage2_approval_number", "rpa_user_ids", "validation_year",
                                "info_current", "unapproved_changes"]), SIG],
    "rpa_agreement": [("PARTIES", ["org_legal_name"]),
                      ("SIGNATURE", ["signer_name", "signer_title", "signature_date"])],
}
REQ_COMMON = ["org_legal_name", "org_type", "fein", "street", "city", "state", "zip",
              "contact_name", "contact_email", "contact_phone"]
REQ_ATTEST = ["attest", "signer_name", "signer_title", "signature_date"]
REQUIRED = {
    "stage1": REQ_COMMON + ["rpa_tool_name", "rpa_tool_vendor", "bot_count", "transactions",
                            "posc_screens", "screens_per_session", "avg_weekly_transactions"] + REQ_ATTEST,
    "stage2": REQ_COMMON + ["stage1_approval_number", "transactions", "testing_completed",
                            "user_ids_requested"] + REQ_ATTEST,
    "stage2_grandfathered": REQ_COMMON + ["operational_since", "current_user_ids", "bot_count",
                                          "screens_per_session", "transactions", "testing_completed",
                                          "user_ids_requested"] + REQ_ATTEST,
    "modification": REQ_COMMON + ["stage2_approval_number", "rpa_user_ids", "modification_types",
                                  "description"] + REQ_ATTEST,
    "annual_validation": REQ_COMMON + ["stage2_approval_number", "rpa_user_ids", "validation_year",
                                       "info_current"] + REQ_ATTEST,
    "rpa_agreement": ["org_legal_name", "signer_name", "signer_title", "signature_date"],
}


def label(ft, key):
    return FORM_LABELS.get((ft, key), LABELS[key])


def is_req(ft, key, vals):
    if key in REQUIRED.get(ft, []):
        return True
    return key in ("provider_id", "npi") and vals.get("org_type") == "provider" and ft != "rpa_agreement"


# ---------------------------------------------------------------- organizations
def npi_from(base9):
    payload = "80840" + base9
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return base9 + str((10 - total % 10) % 10)


def npi_ok(npi):
    total = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def org(name, dba, typ, pid, npib, fein, street, city, zipc, cname, ctitle, email, phone, state="MA"):
    o = {"org_legal_name": name, "org_type": typ, "fein": fein, "street": street, "city": city,
         "state": state, "zip": zipc, "contact_name": cname, "contact_email": email,
         "contact_phone": phone}
    if dba:
        o["org_dba"] = dba
    if ctitle:
        o["contact_title"] = ctitle
    if typ == "provider":
        o["provider_id"] = pid
        o["npi"] = npi_from(npib)
        assert npi_ok(o["npi"])
    return o


ORGS = [
    org("Pioneer Valley Family Health Center, Inc.", "PVFHC", "provider", "110034562B", "123456789",
        "04-2871635", "155 Maple Street", "Springfield", "01105", "Danielle Arsenault",
        "Revenue Cycle Manager", "darsenault@pvfhc.org", "413-555-0172"),
    org("Merrimack Home Care Services LLC", None, "provider", "110078123A", "157392048", "04-3619027",
        "48 Pawtucket Boulevard, Suite 3", "Lowell", "01854", "Tomasz Wierzbicki", "Billing Supervisor",
        "t.wierzbicki@merrimackhomecare.com", "978-555-0138"),
    org("Bayside Claims Solutions, Inc.", "Bayside RCM", "business_partner", None, None, "20-5518342",
        "1 International Place, 14th Floor", "Boston", "02110", "Priya Raghunathan",
        "Director of Automation", "priya.r@baysideclaims.com", "617-555-0164"),
    org("Cape Ann Behavioral Health Associates, P.C.", None, "provider", "110091457C", "198273645",
        "04-3170584", "22 Rogers Street", "Gloucester", "01930", "Liam O'Donnell", "Practice Administrator",
        "lodonnell@capeannbha.org", "978-555-0191"),
    org("Berkshire Medical Billing Cooperative", "BMBC", "relationship_entity", None, None, "22-3345871",
        "300 North Street", "Pittsfield", "01201", "Hannah Lindgren", "Operations Lead",
        "hlindgren@bmbcoop.org", "413-555-0117"),
    org("South Shore Pediatric Dental Group, LLC", "Smile Harbor Pediatric Dentistry", "provider",
        "110045789D", "246813579", "04-3852216", "870 Washington Street", "Braintree", "02184-4411",
        "Marisol Fuentes", "Office Manager", "mfuentes@smileharbor.com", "781-555-0126"),
    org("Nashoba Revenue Partners LLC", None, "business_partner", None, None, "27-1904456",
        "12 Great Road", "Acton", "01720", "Kevin Tran", "Automation Program Manager",
        "ktran@nashobarevenue.com", "978-555-0153"),
    org("Worcester Community Pharmacy Cooperative, Inc.", "WCP Co-op", "provider", "110067234E",
        "314159265", "04-2990173", "411 Main Street", "Worcester", "01608", "Abena Mensah",
        "Pharmacy Billing Coordinator", "amensah@wcpcoop.org", "508-555-0149"),
    org("Quinsigamond Health Information Exchange, Inc.", "QHIE", "relationship_entity", None, None,
        "45-2873310", "100 Front Street, Suite 900", "Worcester", "01608", "Rafael Moreira",
        "Integration Architect", "rmoreira@qhie.org", "508-555-0182"),
    org("Harbor Point Skilled Nursing, LLC", None, "provider", "110023876F", "271828182", "04-3508761",
        "65 Harbor Point Road", "New Bedford", "02740", "Jeanette Souza", "Business Office Director",
        "jsouza@harborpointsnf.com", "508-555-0108"),
    org("Granite Ledger Billing Services, Inc.", "GLBS", "business_partner", None, None, "02-0678234",
        "75 Commercial Street", "Portsmouth", "03801", "Colin MacAllister", "VP, Client Services",
        "cmacallister@graniteledger.com", "603-555-0147", state="NH"),
    org("Mystic Valley Physical Therapy, Inc.", "Mystic Valley PT", "provider", "110052398G",
        "161803398", "04-3347719", "2 Salem Street", "Medford", "02155", "Sofia Kowalczyk",
        "Clinic Administrator", "skowalczyk@mysticvalleypt.com", "781-555-0133"),
]

TOOLS = [("UiPath Studio", "UiPath, Inc.", "2025.10"),
         ("Automation 360", "Automation Anywhere, Inc.", "v.33"),
         ("Blue Prism Enterprise", "SS&C Blue Prism", "7.3.1"),
         ("Power Automate Desktop", "Microsoft Corporation", "2.52"),
         ("Nintex RPA", "Nintex USA, Inc.", "22.4")]
SIGNERS = [("Margaret Chen-Oduya", "Chief Executive Officer"), ("Robert Falzone", "Chief Financial Officer"),
           ("Ines Carvalho", "President"), ("David Abramowitz", "Chief Operating Officer"),
           ("Nkechi Obi", "Executive Director"), ("Thomas Lavoie", "Managing Member")]
SCREENS = ["Member Eligibility Search", "Eligibility Results", "Claim Status Search",
           "Claim Status Detail", "DDE Claim Entry", "Remittance Advice Search", "Adjustment/Void Request",
           "PA Request Entry", "Service Location Selection"]


def D(s):
    return s  # ISO date string (normalized)


def base_values(ft, oi, seed):
    """Normalized values of a fully filled, valid form."""
    r = random.Random(seed)
    v = dict(ORGS[oi])
    t = TOOLS[seed % len(TOOLS)]
    s = SIGNERS[seed % len(SIGNERS)]
    month = 1 + seed % 10
    if ft == "rpa_agreement":
        return {"org_legal_name": v["org_legal_name"], "signer_name": s[0], "signer_title": s[1],
                "signature_date": "2026-%02d-%02d" % (month, 3 + seed % 24)}
    v.update({"attest": True, "signer_name": s[0], "signer_title": s[1],
              "signature_date": "2026-%02d-%02d" % (month, 3 + seed % 24)})
    if ft == "stage1":
        n = 1 + seed % 3
        txs = sorted(r.sample([k for k, _ in TX[:6]], 1 + seed % 3))
        weekly = r.choice([150, 320, 875, 1200, 2250])
        v.update({"rpa_tool_name": t[0], "rpa_tool_vendor": t[1], "rpa_tool_version": t[2],
                  "bot_count": n, "bot_names": ["%s-BOT-%02d" % (v["org_legal_name"][:3].upper(), i + 1)
                                                for i in range(n)],
                  "hosting": ["on_premises", "cloud", "vendor_hosted"][seed % 3], "transactions": txs,
                  "posc_screens": r.sample(SCREENS, 3), "screens_per_session": 4 + seed % 9,
                  "avg_weekly_transactions": weekly, "est_monthly_transactions": weekly * 4,
                  "operating_hours": "Mon\u2013Fri 7:00 PM \u2013 5:00 AM ET",
                  "planned_go_live": "2026-%02d-%02d" % (min(month + 2, 12), 1)})
    elif ft in ("stage2", "stage2_grandfathered"):
        txs = sorted(r.sample([k for k, _ in TX[:6]], 1 + seed % 3))
        v.update({"rpa_tool_name": t[0], "rpa_tool_vendor": t[1], "rpa_tool_version": t[2],
                  "transactions": txs, "testing_completed": True,
                  "testing_completed_date": "2026-%02d-%02d" % (month, 1),
                  "user_ids_requested": 1 + seed % 4,
                  "docs_enclosed": ["rpa_agreement", "systems_design", "test_scenarios"]})
        if ft == "stage2":
            v["stage1_approval_number"] = "RPA1-2026-%05d" % (100 + seed * 37)
        else:
            n = 1 + seed % 2
            v.update({"operational_since": "20%02d-%02d-%02d" % (20 + seed % 2, 2 + seed % 9, 10),
                      "current_user_ids": ["POSC%06d" % (410000 + seed * 13 + i) for i in range(n)],
                      "bot_count": n, "screens_per_session": 5 + seed % 6,
                      "avg_weekly_transactions": r.choice([90, 400, 1150])})
    elif ft == "modification":
        v.update({"stage2_approval_number": "RPA2-2025-%05d" % (40 + seed * 11),
                  "rpa_user_ids": ["RPAU%05d" % (20000 + seed * 7 + i) for i in range(1 + seed % 2)]})
        kind = seed % 4
        if kind == 0:
            v.update({"modification_types": ["replace_tool"], "new_rpa_tool_name": TOOLS[(seed + 1) % 5][0],
                      "new_rpa_tool_vendor": TOOLS[(seed + 1) % 5][1],
                      "description": "Migrate the approved bot from %s to %s; transactions and screens unchanged."
                                     % (t[0], TOOLS[(seed + 1) % 5][0])})
        elif kind == 1:
            v.update({"modification_types": ["increase_screens"], "new_screens_per_session": 12,
                      "description": "Raise the screen limit so the bot can page through long claim histories."})
        elif kind == 2:
            v.update({"modification_types": ["add_sequential_transaction", "increase_screens"],
                      "new_screens_per_session": 10, "added_transaction": "claim_status",
                      "same_session": True,
                      "description": "After each eligibility check the bot will look up the status of the member's open claims in the same session."})
        else:
            v.update({"modification_types": ["retire_bot"],
                      "description": "Retire the remittance bot; the organization now receives 835 files through its clearinghouse."})
        v["effective_date"] = "2026-12-%02d" % (14 + seed % 10)
    elif ft == "annual_validation":
        v.update({"stage2_approval_number": "RPA2-2024-%05d" % (10 + seed * 19),
                  "rpa_user_ids": ["RPAU%05d" % (10000 + seed * 5 + i) for i in range(1 + seed % 3)],
                  "validation_year": 2026, "info_current": True, "unapproved_changes": False})
    return v


# ---------------------------------------------------------------- raw formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(iso, style):
    d = dt.date.fromisoformat(iso)
    if style == 0:
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == 1:
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == 2:
        return iso
    if style == 3:
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == 4:
        return "%d/%d/%d" % (d.month, d.day, d.year)
    return "%s. %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)


def fmt_phone(p, style):
    a, b, c = p.split("-")
    return ["(%s) %s-%s" % (a, b, c), "%s.%s.%s" % (a, b, c), p, "+1 %s %s %s" % (a, b, c),
            "%s%s%s" % (a, b, c)][style % 5]


def fmt_int(n, style):
    return "{:,}".format(n) if style % 2 == 0 else str(n)


def raw_text(key, val, st, sep="; "):
    """Raw printed string for a scalar/list field."""
    k = KIND[key]
    if k == "date":
        return fmt_date(val, st.get("date", 0))
    if k == "phone":
        return fmt_phone(val, st.get("phone", 0))
    if k == "int":
        return fmt_int(val, st.get("int", 0)) if key != "validation_year" else str(val)
    if k == "list":
        return sep.join(val)
    if k == "yn":
        return "Yes" if val else "No"
    if k == "choice":
        return dict(OPTIONS[key])[val]
    if k == "set":
        return ", ".join(dict(OPTIONS[key])[x] for x in val)
    return str(val)


def marks(style):
    return {"glyph": ("\u2612", "\u2610"), "bracket": ("[X]", "[  ]"), "paren": ("(X)", "( )"),
            "check": ("\u2611", "\u2610")}[style]


# ---------------------------------------------------------------- reportlab helpers
def footer(c, ft, page, font, code=True, extra=""):
    c.setFont(font, 8)
    txt = ("Form %s (Rev. 01/2026)" % CODES[ft]) if code and ft in CODES else ""
    c.drawString(54, 30, txt + extra)
    c.drawRightString(558, 30, "Page %d" % page)


class Pager:
    def __init__(self, c, ft, font, code, top=740, bottom=60):
        self.c, self.ft, self.font, self.code = c, ft, font, code
        self.page, self.y, self.top, self.bottom = 1, top, top, bottom

    def need(self, h):
        if self.y - h < self.bottom:
            fn, fs = self.c._fontname, self.c._fontsize
            footer(self.c, self.ft, self.page, self.font, self.code)
            self.c.showPage()
            self.c.setFont(fn, fs)
            self.page += 1
            self.y = self.top

    def finish(self):
        footer(self.c, self.ft, self.page, self.font, self.code)
        self.c.save()


def wrap(text, font, size, width):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if pdfmetrics.stringWidth(t, font, size) <= width:
            cur = t
        else:
            if cur:
                lines.append(cur)
            cur = w
    lines.append(cur)
    return lines


def draw_title(c, ft, font, size, y=760, title=None):
    title = title or TITLES[ft]
    c.setFont(BOLD[font], size + 4)
    for i, line in enumerate(wrap(title, BOLD[font], size + 4, 500)):
        c.drawCentredString(306, y - i * (size + 7), line)
    c.setFont(font, size - 1)
    c.drawCentredString(306, y - (i + 1) * (size + 7) + 2,
                        "Executive Office of Health and Human Services \u2022 Provider Online Service Center (POSC)"
                        if font in UNICODE_FONTS else
                        "Executive Office of Health and Human Services - Provider Online Service Center (POSC)")
    return y - (i + 1) * (size + 7) - 18


# ---- shape 1/2: value in a ruled box under the label (asterisk on required labels)
def render_boxed(path, ft, vals, font="Helvetica", size=10, cols=1, mark="bracket", code=True, st=None,
                 title=None):
    st = st or {}
    c = Canvas(path, pagesize=letter)
    c.setTitle(TITLES.get(ft, title or ""))
    pg = Pager(c, ft, font, code)
    pg.y = draw_title(c, ft, font, size, title=title)
    on, off = marks(mark)
    L, W = 54, 504
    gap = 14
    colw = (W - gap * (cols - 1)) / cols
    lh = size + 4
    for head, keys in SECTIONS[ft]:
        pg.need(lh * 4)
        c.setFont(BOLD[font], size + 1)
        c.drawString(L, pg.y, head)
        c.setLineWidth(1.2)
        c.line(L, pg.y - 4, L + W, pg.y - 4)
        pg.y -= lh + 10
        col = 0
        for key in keys:
            k = KIND[key]
            lab = label(ft, key) + (" *" if is_req(ft, key, vals) else "")
            if k in ("set", "choice", "yn", "check"):
                if col:
                    pg.y -= rowh
                    col = 0
                opts = (OPTIONS[key] if k in ("set", "choice") else
                        [(True, "Yes"), (False, "No")] if k == "yn" else [(True, None)])
                sel = vals.get(key)
                chosen = (lambda o: o in sel) if k == "set" and sel else (lambda o: o == sel)
                if k == "check":
                    pg.need(lh * 2)
                    c.setFont(font, size)
                    c.drawString(L, pg.y, "%s  %s%s" % (on if sel else off, LABELS[key],
                                                         " *" if is_req(ft, key, vals) else ""))
                    pg.y -= lh + 8
                    continue
                pg.need(lh * (2 + len(opts) // 3))
                c.setFont(BOLD[font] if size < 11 else font, size)
                c.drawString(L, pg.y, lab)
                pg.y -= lh + 2
                c.setFont(font, size)
                x = L + 8
                for ok, olab in opts:
                    s = "%s %s" % (on if chosen(ok) else off, olab)
                    w = pdfmetrics.stringWidth(s, font, size) + 18
                    if x + w > L + W:
                        pg.y -= lh
                        x = L + 8
                    c.drawString(x, pg.y, s)
                    x += w
                pg.y -= lh + 8
                continue
            multi = k == "list" or key in ("description",)
            text = vals.get(key)
            lines = []
            if text is not None:
                if k == "list":
                    lines = list(text) if st.get("list_lines", True) else [raw_text(key, text, st)]
                else:
                    lines = wrap(raw_text(key, text, st), font, size, colw - 10)
            nlines = max(1, len(lines)) if multi else 1
            boxh = nlines * lh + 6
            rowh = lh + boxh + 12
            if multi and cols > 1 and col:
                pg.y -= prev_rowh
                col = 0
            if col == 0:
                pg.need(rowh)
            x = L + col * (colw + gap)
            w = W if (multi and cols > 1) else colw
            c.setFont(BOLD[font] if size < 11 else font, size - 1 if cols > 1 else size)
            c.drawString(x, pg.y, lab)
            by = pg.y - 4 - boxh
            c.setLineWidth(0.6)
            c.rect(x, by, w, boxh)
            c.setFont(font, size)
            for i, ln in enumerate(lines[:nlines] if multi else lines[:1]):
                c.drawString(x + 4, by + boxh - 3 - (i + 1) * lh + 3, ln)
            if multi and cols > 1:
                pg.y -= rowh
                col = 0
                continue
            col += 1
            prev_rowh = rowh
            if col >= cols:
                pg.y -= rowh
                col = 0
        if col:
            pg.y -= rowh
        pg.y -= 6
    pg.finish()


# ---- shape 6 (+2): printed "Label<sep>value" lines
def sep_join(lab, sepstyle, value, font, size, valx=250, c=None, x=54, y=0):
    """Draw one label/value line; returns nothing."""
    if sepstyle == "tab":
        c.drawString(x, y, lab)
        if value:
            c.drawString(max(valx, x + pdfmetrics.stringWidth(lab, font, size) + 24), y, value)
    elif sepstyle == "gap10":
        c.drawString(x, y, lab)
        if value:
            c.drawString(x + pdfmetrics.stringWidth(lab, font, size) + 10, y, value)
    elif sepstyle == "dots":
        lw = pdfmetrics.stringWidth(lab + " ", font, size)
        dw = pdfmetrics.stringWidth(".", font, size)
        end = max(valx - 6, x + lw + 30)
        n = int((end - x - lw) / dw)
        c.drawString(x, y, lab + " " + "." * n)
        if value:
            c.drawString(end + 4, y, value)
    else:
        s = {"endash": " \u2013 ", "eq": " = ", "colon": ": "}[sepstyle]
        c.drawString(x, y, lab + s.rstrip() + ((" " if sepstyle != "colon" else " ") + value if value else ""))


def render_lines(path, ft, vals, sepstyle="endash", font="Helvetica", size=10, mark="bracket", code=True,
                 st=None, valx=270, title=None, prose=None, asterisk=False):
    st = st or {}
    c = Canvas(path, pagesize=letter)
    c.setTitle(TITLES.get(ft, title or ""))
    pg = Pager(c, ft, font, code)
    pg.y = draw_title(c, ft, font, size, title=title)
    on, off = marks(mark)
    lh = size + 6
    L = 54
    if prose:
        c.setFont(font, size)
        for para in prose:
            for ln in wrap(para, font, size, 500):
                pg.need(lh)
                c.drawString(L, pg.y, ln)
                pg.y -= lh
            pg.y -= 4
    for head, keys in SECTIONS[ft]:
        pg.need(lh * 3)
        pg.y -= 4
        c.setFont(BOLD[font], size)
        c.drawString(L, pg.y, head)
        pg.y -= lh + 2
        c.setFont(font, size)
        for key in keys:
            k = KIND[key]
            lab = label(ft, key) + (" *" if asterisk and is_req(ft, key, vals) else "")
            v = vals.get(key)
            if k == "check":
                pg.need(lh)
                c.drawString(L, pg.y, "%s %s" % (on if v else off, LABELS[key]))
                pg.y -= lh
                continue
            if k in ("set", "choice", "yn"):
                opts = (OPTIONS[key] if k != "yn" else [(True, "Yes"), (False, "No")])
                sel = v if v is not None else ([] if k == "set" else "\0")
                items = ["%s %s" % (on if ((o in sel) if k == "set" else o == sel) else off, ol)
                         for o, ol in opts]
                one = "   ".join(items)
                if pdfmetrics.stringWidth(lab, font, size) + pdfmetrics.stringWidth(one, font, size) + 40 < 500 \
                        and k != "yn" or k == "yn" and pdfmetrics.stringWidth(lab + one, font, size) < 460:
                    pg.need(lh)
                    sep_join(lab, sepstyle, one, font, size, valx, c, L, pg.y)
                    pg.y -= lh
                else:
                    if k == "yn":
                        for ln in wrap(lab, font, size, 480):
                            pg.need(lh)
                            c.drawString(L, pg.y, ln)
                            pg.y -= lh
                        pg.need(lh)
                        c.drawString(L + 18, pg.y, one)
                        pg.y -= lh
                        continue
                    pg.need(lh)
                    sep_join(lab, sepstyle, "", font, size, valx, c, L, pg.y)
                    pg.y -= lh
                    for it in items:
                        pg.need(lh)
                        c.drawString(L + 18, pg.y, it)
                        pg.y -= lh
                continue
            value = raw_text(key, v, st) if v is not None else ""
            pg.need(lh)
            sep_join(lab, sepstyle, value, font, size, valx, c, L, pg.y)
            pg.y -= lh
    pg.finish()


# ---------------------------------------------------------------- DOCX helpers
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSD = ('xmlns:w="%s" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"' % W_NS)


def xesc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def new_doc(font="Calibri", size=11, margins=0.8):
    d = docx.Document()
    stl = d.styles["Normal"]
    stl.font.name = font
    stl.font.size = Pt(size)
    stl.paragraph_format.space_after = Pt(3)
    for s in d.sections:
        s.left_margin = s.right_margin = Inches(margins)
        s.top_margin = s.bottom_margin = Inches(0.7)
    return d


def doc_title(d, ft, title=None, size=15):
    p = d.add_paragraph()
    r = p.add_run(title or TITLES[ft])
    r.bold = True
    r.font.size = Pt(size)
    p.alignment = 1
    p2 = d.add_paragraph("Executive Office of Health and Human Services \u2013 MassHealth")
    p2.alignment = 1


def doc_footer(d, ft, code=True):
    if code and ft in CODES:
        f = d.sections[0].footer.paragraphs[0]
        f.text = "Form %s (Rev. 01/2026)" % CODES[ft]


def heading(d, text, size=11):
    p = d.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)
    return p


def r_xml(text, bold=False, color=None, font=None):
    rpr = ""
    if bold or color or font:
        rpr = "<w:rPr>%s%s%s</w:rPr>" % (
            '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s"/>' % (font, font, font) if font else "",
            "<w:b/>" if bold else "", '<w:color w:val="%s"/>' % color if color else "")
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, xesc(text))


def add_xml_para(d, inner):
    p = d.add_paragraph()
    frag = parse_xml("<w:p %s>%s</w:p>" % (NSD, inner))
    for el in list(frag):
        p._p.append(el)
    return p


# content controls
PH_TEXT = "Click or tap here to enter text."
PH_CHOICE = "Choose an item."
PH_DATE = "Click or tap to enter a date."
_sdt_id = [1000]


def sdt_id():
    _sdt_id[0] += 1
    return _sdt_id[0]


def sdt_text(tag, alias, value):
    if value is None:
        return ('<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:alias w:val="%s"/>'
                '<w:tag w:val="%s"/><w:id w:val="%d"/><w:showingPlcHdr/><w:text/></w:sdtPr>'
                '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr>'
                '<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), PH_TEXT))
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:text/></w:sdtPr>'
            '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), r_xml(value)))


def sdt_multiline(tag, alias, lines):
    if not lines:
        return sdt_text(tag, alias, None)
    runs = "<w:r>%s</w:r>" % "<w:br/>".join('<w:t xml:space="preserve">%s</w:t>' % xesc(x) for x in lines)
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:text w:multiLine="1"/>'
            '</w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), runs))


def sdt_dropdown(tag, alias, items, value):
    li = "".join('<w:listItem w:displayText="%s" w:value="%s"/>' % (xesc(t), xesc(v)) for v, t in items)
    if value is None:
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:showingPlcHdr/>'
                '<w:dropDownList><w:listItem w:value=""/>%s</w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:rPr>'
                '<w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr><w:t>%s</w:t></w:r>'
                '</w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), li, PH_CHOICE))
    disp = dict(items)[value]
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/>'
            '<w:dropDownList w:lastValue="%s">%s</w:dropDownList></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % (xesc(alias), tag, sdt_id(), xesc(value), li, r_xml(disp)))


def sdt_date(tag, alias, iso, shown):
    if iso is None:
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:showingPlcHdr/>'
                '<w:date><w:dateFormat w:val="M/d/yyyy"/><w:lid w:val="en-US"/><w:storeMappedDataAs w:val="dateTime"/>'
                '<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent><w:r><w:rPr>'
                '<w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr><w:t>%s</w:t></w:r>'
                '</w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), PH_DATE))
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/>'
            '<w:date w:fullDate="%sT00:00:00Z"><w:dateFormat w:val="MMMM d, yyyy"/><w:lid w:val="en-US"/>'
            '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>'
            '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (xesc(alias), tag, sdt_id(), iso, r_xml(shown)))


def sdt_check(tag, alias, checked):
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w14:checkbox>'
            '<w14:checked w14:val="%d"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
            '</w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>'
            % (xesc(alias), tag, sdt_id(), 1 if checked else 0, "\u2612" if checked else "\u2610"))


def set_cell_xml(cell, inner):
    p = cell.paragraphs[0]
    frag = parse_xml("<w:p %s>%s</w:p>" % (NSD, inner))
    for el in list(frag):
        p._p.append(el)


def render_docx_cc(path, ft, vals, st=None, font="Calibri", size=11, layout="table", code=True, title=None,
                   prose=None):
    """Content-control form; keys missing from vals are left showing their placeholder."""
    st = st or {}
    d = new_doc(font, size)
    doc_title(d, ft, title)
    if prose:
        for para in prose:
            d.add_paragraph(para)
    for head, keys in SECTIONS[ft]:
        heading(d, head)
        tbl = d.add_table(rows=0, cols=2) if layout == "table" else None
        if tbl is not None:
            tbl.style = "Table Grid"
        for key in keys:
            k = KIND[key]
            v = vals.get(key)
            lab = label(ft, key)
            if k == "check":
                add_xml_para(d, sdt_check(key, lab, bool(v)) + r_xml(" " + LABELS[key]))
                continue
            if k in ("set",):
                inner = "".join(sdt_check("%s_%s" % (key, o), ol, v is not None and o in v) + r_xml(" " + ol + "   ")
                                for o, ol in OPTIONS[key])
            elif k == "choice":
                inner = sdt_dropdown(key, lab, OPTIONS[key], v)
            elif k == "yn":
                inner = sdt_dropdown(key, lab, [("yes", "Yes"), ("no", "No")],
                                     None if v is None else ("yes" if v else "no"))
            elif k == "date":
                inner = sdt_date(key, lab, v, fmt_date(v, 1) if v else None)
            elif k == "list":
                inner = sdt_multiline(key, lab, v)
            else:
                inner = sdt_text(key, lab, None if v is None else raw_text(key, v, st))
            if tbl is not None:
                row = tbl.add_row().cells
                row[0].text = lab
                row[0].paragraphs[0].runs[0].bold = True
                row[0].width = Inches(2.6)
                set_cell_xml(row[1], inner)
            else:
                add_xml_para(d, r_xml(lab + ": ", bold=True) + inner)
    doc_footer(d, ft, code)
    d.save(path)


# legacy form fields
_ff = [0]


def ff_text(value, name=None, maxlen=0):
    _ff[0] += 1
    name = name or "Text%d" % _ff[0]
    result = value if value else "\u2002" * 5
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="%s"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (name, xesc(result)))


def ff_check(checked, name=None):
    _ff[0] += 1
    name = name or "Check%d" % _ff[0]
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="%s"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>%s</w:checkBox>'
            '</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            % (name, '<w:checked/>' if checked else ''))


def render_docx_legacy(path, ft, vals, st=None, font="Arial", size=10, layout="table", code=True, title=None):
    st = st or {}
    d = new_doc(font, size)
    doc_title(d, ft, title, size=14)
    p = d.add_paragraph("Complete every field. Tick the boxes that apply.")
    for head, keys in SECTIONS[ft]:
        heading(d, head, size + 1)
        tbl = None
        if layout == "table":
            tbl = d.add_table(rows=0, cols=2)
            tbl.style = "Table Grid"
        for key in keys:
            k = KIND[key]
            v = vals.get(key)
            lab = label(ft, key)
            if k == "check":
                add_xml_para(d, ff_check(bool(v), "Attest") + r_xml(" " + LABELS[key]))
                continue
            if k in ("set", "choice"):
                sel = v if k == "set" else [v]
                inner = "".join(ff_check(v is not None and o in sel) + r_xml(" " + ol + "    ")
                                for o, ol in OPTIONS[key])
            elif k == "yn":
                inner = (ff_check(v is True) + r_xml(" Yes     ") + ff_check(v is False) + r_xml(" No"))
            else:
                inner = ff_text(raw_text(key, v, st, sep=st.get("listsep", ", ")) if v is not None else None)
            if tbl is not None:
                row = tbl.add_row().cells
                row[0].text = lab
                set_cell_xml(row[1], inner)
            else:
                if k == "yn":
                    add_xml_para(d, r_xml(lab, bold=True))
                    add_xml_para(d, inner)
                else:
                    add_xml_para(d, r_xml(lab + ": ", bold=True) + inner)
    doc_footer(d, ft, code)
    d.save(path)


# shape 6 DOCX paragraphs
def render_docx_lines(path, ft, vals, sepstyle="tab", st=None, font="Calibri", size=11, mark="glyph",
                      code=True, title=None, prose=None, leader_pos=3.4):
    st = st or {}
    d = new_doc(font, size)
    doc_title(d, ft, title)
    on, off = marks(mark)
    if prose:
        for para in prose:
            d.add_paragraph(para)
    for head, keys in SECTIONS[ft]:
        heading(d, head)
        for key in keys:
            k = KIND[key]
            v = vals.get(key)
            lab = label(ft, key)
            if k == "check":
                d.add_paragraph("%s %s" % (on if v else off, LABELS[key]))
                continue
            if k in ("set", "choice", "yn"):
                opts = OPTIONS[key] if k != "yn" else [(True, "Yes"), (False, "No")]
                sel = v if v is not None else ([] if k == "set" else "\0")
                if len(opts) > 3 or sepstyle == "leader":
                    d.add_paragraph(lab + (":" if sepstyle in ("tab", "leader") else ""))
                    for o, ol in opts:
                        q = d.add_paragraph("%s %s" % (on if ((o in sel) if k == "set" else o == sel) else off, ol))
                        q.paragraph_format.left_indent = Inches(0.4)
                        q.paragraph_format.space_after = Pt(0)
                    continue
                value = "   ".join("%s %s" % (on if ((o in sel) if k == "set" else o == sel) else off, ol)
                                   for o, ol in opts)
            else:
                value = raw_text(key, v, st) if v is not None else ""
            p = d.add_paragraph()
            if sepstyle in ("tab", "leader"):
                p.paragraph_format.tab_stops.add_tab_stop(
                    Inches(leader_pos), leader=WD_TAB_LEADER.DOTS if sepstyle == "leader" else WD_TAB_LEADER.SPACES)
                p.add_run(lab)
                p.add_run("\t" + value)
            elif sepstyle == "dots":
                p.add_run(lab + " " + "." * max(6, 48 - len(lab)) + " " + value)
            else:
                s = {"endash": " \u2013 ", "eq": " = "}[sepstyle]
                p.add_run(lab + (s + value if value else s.rstrip()))
    doc_footer(d, ft, code)
    d.save(path)


def soffice_pdf(docx_path, pdf_path):
    tmp = tempfile.mkdtemp()
    subprocess.run(["soffice", "-env:UserInstallation=file://" + os.path.join(WORK, "lo_profile"), "--headless", "--convert-to", "pdf", "--outdir", tmp, docx_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    produced = os.path.join(tmp, os.path.splitext(os.path.basename(docx_path))[0] + ".pdf")
    shutil.move(produced, pdf_path)
    shutil.rmtree(tmp)


# ---------------------------------------------------------------- HTML (Chromium)
HTML_CSS = """
body{font-family:%s;font-size:%spt;margin:0.5in;color:#111}
h1{font-size:16pt;text-align:center;margin-bottom:2pt} .sub{text-align:center;font-size:9pt;color:#444}
fieldset{break-inside:avoid;border:1px solid #888;margin:10pt 0;padding:6pt 10pt} legend{font-weight:bold;text-transform:uppercase}
.row{display:flex;align-items:flex-start;margin:4pt 0} .row label{width:%s;font-weight:600}
input[type=text]{flex:1;border:1px solid #999;padding:2pt 4pt;font:inherit}
textarea{flex:1;border:1px solid #999;font:inherit;padding:2pt 4pt}
.opts{flex:1;display:flex;flex-wrap:wrap}.opts span{margin-right:14pt;white-space:nowrap} .box{display:inline-block;width:9pt;height:9pt;border:1px solid #000;
 text-align:center;line-height:9pt;font-size:8pt;margin-right:3pt;vertical-align:middle}
.stack label{display:block;font-weight:600;margin-top:5pt} .stack input[type=text]{width:95%%}
footer{font-size:8pt;margin-top:14pt;border-top:1px solid #aaa;padding-top:3pt}
"""


def html_form(ft, vals, st, marks_style="glyph", layout="row", font="Arial, sans-serif", size=10, code=True):
    out = ["<html><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body>"
           % (TITLES[ft], HTML_CSS % (font, size, "260px"))]
    out.append("<h1>%s</h1><div class='sub'>MassHealth Provider Online Service Center \u2013 online registration</div>"
               % TITLES[ft])
    on, off = ("\u2611", "\u2610") if marks_style == "glyph" else (None, None)

    def mk(flag):
        if marks_style == "glyph":
            return on if flag else off
        return "<span class='box'>%s</span>" % ("X" if flag else "&nbsp;")

    cls = "row" if layout == "row" else "stack"
    for head, keys in SECTIONS[ft]:
        out.append("<fieldset><legend>%s</legend>" % head)
        for key in keys:
            k = KIND[key]
            v = vals.get(key)
            lab = label(ft, key)
            if k == "check":
                out.append("<div class='%s'><span>%s %s</span></div>" % (cls, mk(bool(v)), LABELS[key]))
                continue
            if k in ("set", "choice", "yn"):
                opts = OPTIONS[key] if k != "yn" else [(True, "Yes"), (False, "No")]
                sel = v if v is not None else ([] if k == "set" else "\0")
                items = "".join("<span>%s %s</span>" % (mk((o in sel) if k == "set" else o == sel), ol)
                                for o, ol in opts)
                out.append("<div class='%s'><label>%s</label><div class='opts'>%s</div></div>" % (cls, lab, items))
                continue
            if k == "list" or key == "description":
                txt = ("\n".join(v) if k == "list" else v) if v else ""
                v = v if k == "list" else ([1, 1] if v else None)
                out.append("<div class='%s'><label>%s</label><textarea rows='%d'>%s</textarea></div>"
                           % (cls, lab, max(2, len(v or [])), xesc(txt)))
                continue
            txt = raw_text(key, v, st) if v is not None else ""
            out.append("<div class='%s'><label>%s</label><input type='text' value=\"%s\"></div>"
                       % (cls, lab, xesc(txt)))
        out.append("</fieldset>")
    if code:
        out.append("<footer>Form %s (Rev. 01/2026)</footer>" % CODES[ft])
    out.append("</body></html>")
    return "\n".join(out)


def chromium_pdf(html, pdf_path, header=False):
    tmp = tempfile.mkdtemp()
    hp = os.path.join(tmp, "form.html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(html)
    cmd = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--user-data-dir=" + os.path.join(WORK, "chromium_profile"), "--print-to-pdf=" + pdf_path, "file://" + hp]
    if not header:
        cmd.insert(5, "--no-pdf-header-footer")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    shutil.rmtree(tmp)


# ---------------------------------------------------------------- supporting documents
SCN_HEAD = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result", "Pass/Fail"]


def scen_rows(spec, prefix="TS"):
    """spec: list of (tx_key, passed_bool).  Returns rows of printed cells."""
    screens = {"eligibility_inquiry": "Member Eligibility Search; Eligibility Results",
               "claim_submission": "DDE Claim Entry; Claim Confirmation",
               "claim_status": "Claim Status Search; Claim Status Detail",
               "claim_adjustment": "Claim Search; Adjustment/Void Request",
               "prior_authorization": "PA Request Entry; PA Confirmation",
               "remittance_advice": "Remittance Advice Search; RA Download",
               "other": "Provider Messages"}
    exp = {"eligibility_inquiry": "Coverage and plan returned for the member and date of service",
           "claim_submission": "Claim accepted and ICN displayed",
           "claim_status": "Status, ICN and paid amount shown",
           "claim_adjustment": "Adjustment accepted; new ICN issued",
           "prior_authorization": "PA request number displayed",
           "remittance_advice": "RA PDF saved to the secure share",
           "other": "Messages read and archived"}
    rows = []
    for i, (tx, ok) in enumerate(spec):
        rows.append(["%s-%02d" % (prefix, i + 1), TXNAME[tx], screens[tx], exp[tx],
                     "As expected" if ok else "Timeout on second screen; bot stopped",
                     "Pass" if ok else "Fail"])
    return rows


def scen_expected(spec):
    txs = sorted(set(t for t, _ in spec))
    return {"transactions": txs, "scenario_pass_counts": {t: sum(1 for x, ok in spec if x == t and ok) for t in txs}}


def ts_intro(o):
    return ["Organization: %s" % o["org_legal_name"],
            "Environment: MassHealth Trading Partner Testing Environment. Each scenario was executed end to end "
            "by the bot with no manual intervention."]


def render_ts_pdf_table(path, o, spec, font="Helvetica", size=9, title="Test Scenarios"):
    c = Canvas(path, pagesize=(792, 612))
    c.setTitle(title)
    c.setFont(BOLD[font], 15)
    c.drawString(40, 570, title)
    c.setFont(font, size + 1)
    y = 548
    for ln in ts_intro(o):
        c.drawString(40, y, ln)
        y -= 14
    widths = [62, 150, 170, 150, 140, 50]
    rows = [SCN_HEAD] + scen_rows(spec)
    y -= 8
    for ri, row in enumerate(rows):
        cells = [wrap(t, BOLD[font] if ri == 0 else font, size, w - 6) for t, w in zip(row, widths)]
        h = max(len(x) for x in cells) * (size + 3) + 6
        x = 40
        for cl, w in zip(cells, widths):
            c.rect(x, y - h, w, h)
            c.setFont(BOLD[font] if ri == 0 else font, size)
            for i, ln in enumerate(cl):
                c.drawString(x + 3, y - (i + 1) * (size + 3), ln)
            x += w
        y -= h
    c.setFont(font, 8)
    c.drawString(40, 24, "%s \u2013 Test Scenarios" % o["org_legal_name"] if font in UNICODE_FONTS else
                 "%s - Test Scenarios" % o["org_legal_name"])
    c.save()


def render_ts_docx(path, o, spec, font="Calibri", title="Test Scenarios"):
    d = new_doc(font, 10)
    sec = d.sections[0]
    sec.orientation = 1
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    p = d.add_paragraph()
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(16)
    for ln in ts_intro(o):
        d.add_paragraph(ln)
    rows = scen_rows(spec)
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for i, h in enumerate(SCN_HEAD):
        t.rows[0].cells[i].text = h
        t.rows[0].cells[i].paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    d.add_paragraph("")
    d.add_paragraph("Prepared by: %s, %s" % (o["contact_name"], o.get("contact_title", "")))
    d.save(path)


def render_ts_fillable(path, o, spec, nrows, naming, fill_with="reportlab", font="Helvetica"):
    """AcroForm text fields per row; rows beyond the spec are left empty."""
    rows = scen_rows(spec)
    c = Canvas(path, pagesize=(792, 612))
    c.setTitle("Test Scenarios")
    c.setFont(BOLD[font], 15)
    c.drawString(40, 570, "MassHealth RPA Test Scenarios")
    c.setFont(font, 10)
    c.drawString(40, 552, "Organization: %s" % o["org_legal_name"])
    c.drawString(40, 538, "Complete one row per scenario executed in the Trading Partner Testing Environment.")
    widths = [62, 150, 170, 150, 140, 60]
    x0, y = 40, 515
    c.setFont(BOLD[font], 9)
    x = x0
    for h, w in zip(SCN_HEAD, widths):
        c.rect(x, y - 18, w, 18)
        c.drawString(x + 3, y - 12, h)
        x += w
    y -= 18
    cols = ["ScenarioID", "Transaction", "Screens", "Expected", "Actual", "PassFail"]
    form = c.acroForm
    names = {}
    for r in range(nrows):
        x = x0
        for ci, (col, w) in enumerate(zip(cols, widths)):
            name = naming(r + 1, col)
            val = rows[r][ci] if (r < len(rows) and fill_with == "reportlab") else ""
            form.textfield(name=name, value=val, x=x, y=y - 22, width=w, height=22, fontName="Helvetica",
                           fontSize=7, borderWidth=0.5, borderColor=black, fillColor=white, textColor=black,
                           forceBorder=True)
            if r < len(rows):
                names[name] = rows[r][ci]
            x += w
        y -= 22
    c.setFont(font, 8)
    c.drawString(40, 24, "Tested by: %s" % o["contact_name"])
    c.save()
    if fill_with == "pypdf":
        from pypdf import PdfReader, PdfWriter
        rd = PdfReader(path)
        wr = PdfWriter()
        wr.append(rd)
        wr.update_page_form_field_values(wr.pages[0], names, auto_regenerate=False)
        wr.set_need_appearances_writer(True)
        with open(path, "wb") as f:
            wr.write(f)


SD_FLOWS = {
    "eligibility_inquiry": ("Member Eligibility Verification",
                            ["Bot signs in to the POSC with its assigned RPA User ID.",
                             "Opens Member Eligibility Search and enters member ID and date of service.",
                             "Reads the Eligibility Results screen and records coverage type and managed care plan.",
                             "Writes the result to the practice management system and signs out."]),
    "claim_status": ("Claim Status Inquiry",
                     ["Bot opens Claim Status Search from the POSC home page.",
                      "Searches by ICN or by member ID and service dates.",
                      "Opens Claim Status Detail and captures status, ICN and paid amount.",
                      "Updates the work queue; exceptions are routed to a billing specialist."]),
    "claim_submission": ("Claim Submission (DDE)",
                         ["Bot opens the Direct Data Entry claim screen for the service location.",
                          "Keys header, member and service lines from the approved billing export.",
                          "Submits and captures the ICN from the confirmation screen."]),
    "remittance_advice": ("Remittance Advice Download",
                          ["Bot opens Remittance Advice Search for the latest payment cycle.",
                           "Downloads each RA as PDF to the encrypted file share.",
                           "Logs file name and cycle date, then signs out."]),
    "claim_adjustment": ("Claim Adjustment/Void",
                         ["Bot searches the paid claim by ICN.",
                          "Opens the Adjustment/Void Request screen and selects the reason code.",
                          "Submits and records the new ICN."]),
    "prior_authorization": ("Prior Authorization Request",
                            ["Bot opens PA Request Entry and selects the service type.",
                             "Enters member, provider and clinical fields from the intake record.",
                             "Submits and stores the PA tracking number."]),
}


def sd_paragraphs(o, txs, tool):
    names = [SD_FLOWS[t][0] for t in txs]
    intro = ("This document describes the design of the %s bot operated by %s on the MassHealth Provider Online "
             "Service Center. The bot performs the following transactions: %s. Every flow starts at the POSC "
             "login page and ends with sign-out; no screen outside those listed below is visited."
             % (tool, o["org_legal_name"], ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]))
    arch = ("Architecture: the bot runs on a dedicated virtual machine; credentials are held in the vendor's "
            "credential vault and rotated every 90 days. Run logs are retained for six years.")
    return intro, arch


def render_sd_docx(path, o, txs, tool, title="Systems Design Documentation"):
    d = new_doc("Cambria", 11)
    p = d.add_paragraph()
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(18)
    d.add_paragraph("MassHealth RPA \u2013 %s" % o["org_legal_name"])
    intro, arch = sd_paragraphs(o, txs, tool)
    heading(d, "1. Overview", 13)
    d.add_paragraph(intro)
    d.add_paragraph(arch)
    heading(d, "2. Process Flows", 13)
    for i, t in enumerate(txs):
        name, steps = SD_FLOWS[t]
        heading(d, "2.%d Process flow \u2013 %s" % (i + 1, name), 11)
        for j, s in enumerate(steps):
            d.add_paragraph("Step %d. %s" % (j + 1, s))
    heading(d, "3. Error handling", 13)
    d.add_paragraph("On any unexpected screen the bot stops, takes a screenshot and notifies the automation team.")
    d.save(path)


def render_sd_pdf(path, o, txs, tool, font="Times-Roman", size=11, title="Systems Design Documentation"):
    c = Canvas(path, pagesize=letter)
    c.setTitle(title)
    pg = Pager(c, "systems_design", font, False)
    c.setFont(BOLD[font], 17)
    c.drawString(60, 740, title)
    c.setFont(font, size)
    c.drawString(60, 722, "%s \u2013 RPA bot" % o["org_legal_name"] if font in UNICODE_FONTS
                 else "%s - RPA bot" % o["org_legal_name"])
    pg.y = 696
    intro, arch = sd_paragraphs(o, txs, tool)
    lh = size + 4
    for para in (intro, arch):
        for ln in wrap(para, font, size, 490):
            pg.need(lh)
            c.setFont(font, size)
            c.drawString(60, pg.y, ln)
            pg.y -= lh
        pg.y -= 6
    for i, t in enumerate(txs):
        name, steps = SD_FLOWS[t]
        pg.need(lh * 3)
        c.setFont(BOLD[font], size + 1)
        c.drawString(60, pg.y, "Process flow %d: %s" % (i + 1, name))
        pg.y -= lh + 2
        # boxes-and-arrows flow
        for j, s in enumerate(steps):
            lines = wrap(s, font, size - 1, 400)
            h = len(lines) * (size + 2) + 8
            pg.need(h + 14)
            c.rect(80, pg.y - h + 10, 420, h)
            c.setFont(font, size - 1)
            for k, ln in enumerate(lines):
                c.drawString(88, pg.y - (k + 1) * (size + 2) + 8, ("%d. " % (j + 1) if k == 0 else "   ") + ln)
            pg.y -= h + 4
            if j < len(steps) - 1:
                c.line(290, pg.y + 14, 290, pg.y)
                pg.y -= 10
        pg.y -= 8
    pg.finish()


AGR_TEXT = [
    "This MassHealth RPA Agreement is entered into between the Executive Office of Health and Human Services "
    "(MassHealth) and the organization named below, which operates or will operate robotic process automation "
    "(RPA) bots on the Provider Online Service Center (POSC).",
    "1. The organization will use only the RPA User IDs assigned by MassHealth and will not share credentials "
    "between bots or with individuals.",
    "2. Each bot will perform only the transactions approved by MassHealth and will not exceed the approved "
    "number of POSC screens per session.",
    "3. The organization will submit an RPA Modification Request Form before changing the RPA tool, the "
    "transactions or the screens per session, and will complete the Annual Validation each year.",
    "4. MassHealth may suspend any RPA User ID that harms POSC performance or security.",
]


# ---------------------------------------------------------------- scans
def make_scan(src_pdf, out_pdf, dpi, angle, seed, blur=0.7, quality=55, pages=None):
    tmp = tempfile.mkdtemp()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", src_pdf, os.path.join(tmp, "p")], check=True)
    files = sorted(f for f in os.listdir(tmp) if f.endswith(".png"))
    if pages:
        files = files[:pages]
    rng = np.random.default_rng(seed)
    imgs = []
    for f in files:
        im = Image.open(os.path.join(tmp, f)).convert("L")
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(blur))
        a = np.asarray(im).astype(np.float32)
        a = a * 0.93 + 10 + rng.normal(0, 6, a.shape)  # grey paper, sensor noise
        h, w = a.shape
        for _ in range(int(h * w / 9000)):  # specks
            y, x = rng.integers(0, h - 3), rng.integers(0, w - 3)
            s = rng.integers(1, 3)
            a[y:y + s, x:x + s] = rng.integers(20, 110)
        a = np.clip(a, 0, 255).astype(np.uint8)
        im = Image.fromarray(a, "L")
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=quality)
        buf.seek(0)
        imgs.append(Image.open(buf))
    imgs[0].save(out_pdf, "PDF", resolution=float(dpi), save_all=True, append_images=imgs[1:])
    shutil.rmtree(tmp)


# ---------------------------------------------------------------- cases
CASES = []


def case(name, ext, ft, fields, shape, desc, problems=(), scan=False, code=True, tool=""):
    CASES.append({"file": name + "." + ext, "form_type": ft,
                  "form_version": CODES.get(ft) if code else None, "fields": fields,
                  "expected_problems": [{"code_hint": c, "field": f} for c, f in problems],
                  "shape": shape, "scan": scan, "drawn_with": tool, "description": desc})


def without(v, *keys):
    v = copy.deepcopy(v)
    for k in keys:
        v.pop(k, None)
    return v


def P(name):
    return os.path.join(OUT, name)


def build():
    # ---------------- shape 1: boxed values under asterisked labels (reportlab)
    v = base_values("stage1", 0, 1)
    render_boxed(P("p01_stage1_boxed_asterisk.pdf"), "stage1", v, "Helvetica", 10, 1, "bracket",
                 st={"date": 0, "phone": 0, "int": 0})
    case("p01_stage1_boxed_asterisk", "pdf", "stage1", v, [1],
         "Flattened Stage I, one column: each label on its own line with ' *' on required labels "
         "('Organization Legal Name *'), the value in a ruled box below; lists one per line in a taller box; "
         "choices as [X]/[  ] rows under the label. Helvetica 10. Provider (PID/SL, NPI).",
         tool="reportlab canvas")

    v = base_values("stage2", 2, 2)
    render_boxed(P("p02_stage2_boxed_two_columns.pdf"), "stage2", v, "Times-Roman", 11, 2, "bracket",
                 st={"date": 1, "phone": 1, "int": 1})
    case("p02_stage2_boxed_two_columns", "pdf", "stage2", v, [1],
         "Flattened Stage II in two columns of label-above-box pairs (Times 11/10), asterisks on required "
         "labels, choices [X]/[  ] full width. Business partner, no PID/SL or NPI printed (blank boxes).",
         tool="reportlab canvas")

    v = base_values("annual_validation", 3, 3)
    render_boxed(P("p03_annual_boxed_dejavu.pdf"), "annual_validation", v, "DejaVuSans", 9, 1, "glyph",
                 st={"date": 3, "phone": 2})
    case("p03_annual_boxed_dejavu", "pdf", "annual_validation", v, [1],
         "Annual Validation, label-above-box with asterisks, DejaVu Sans 9 pt, choices as \u2612/\u2610 glyphs, "
         "yes/no as '\u2612 Yes  \u2610 No'. RPA User ID(s) one per line in the box.", tool="reportlab canvas")

    v = base_values("modification", 4, 5)  # kind 1 increase screens
    render_boxed(P("p04_modification_boxed_two_columns.pdf"), "modification", v, "DejaVuSerif", 10, 2, "glyph",
                 st={"date": 5, "phone": 3})
    case("p04_modification_boxed_two_columns", "pdf", "modification", v, [1],
         "Modification (Increase POSC Screens per Session to 12), two columns of boxed values, DejaVu Serif 10, "
         "\u2612/\u2610 glyphs; the other modification-specific boxes are blank. Relationship entity.",
         tool="reportlab canvas")

    v = base_values("stage2_grandfathered", 5, 6)
    render_boxed(P("p05_s2g_boxed_condensed.pdf"), "stage2_grandfathered", v, "DejaVuSansCondensed", 10, 1,
                 "glyph", st={"date": 4, "phone": 0, "int": 0})
    case("p05_s2g_boxed_condensed", "pdf", "stage2_grandfathered", v, [1],
         "Grandfathered Stage II, boxed values under asterisked labels, DejaVu Sans Condensed 10; long title "
         "with en dash wraps; dates as M/D/YYYY; POSC User ID(s) one per line.", tool="reportlab canvas")

    v = base_values("rpa_agreement", 6, 7)
    v["signed"] = True
    render_agreement_boxed(P("p06_agreement_boxed_signed.pdf"), v, "/s/ " + v["signer_name"])
    case("p06_agreement_boxed_signed", "pdf", "rpa_agreement", v, [1, 8],
         "Signed RPA Agreement: agreement text, then asterisked labels with values in boxes below "
         "(Signature * box holds '/s/ Name'), Date Signed as 'Month D, YYYY'. Footer RPA-AGR.",
         tool="reportlab canvas")

    # ---------------- shape 2: blank field followed by a CAPS heading
    v = base_values("stage1", 7, 8)
    v2 = without(v, "rpa_tool_version", "planned_go_live", "operating_hours")
    render_boxed(P("q01_stage1_blank_before_heading.pdf"), "stage1", v2, "Helvetica", 10, 1, "bracket",
                 st={"date": 2, "phone": 4})
    case("q01_stage1_blank_before_heading", "pdf", "stage1", v2, [1, 2],
         "Boxed Stage I where the optional RPA Tool Version box is empty and directly followed by the heading "
         "'BOT DETAILS', and Bot Operating Hours / Planned Production Date are empty before 'SIGNATURE'. "
         "The headings must not become values. Phone typed as 10 digits, dates ISO.", tool="reportlab canvas")

    v = base_values("modification", 8, 8)  # kind 0 replace tool
    v2 = without(v, "effective_date", "contact_title")
    render_lines(P("q02_modification_lines_blank_before_signature.pdf"), "modification", v2, "endash",
                 "Helvetica", 10, "bracket", st={"date": 1, "phone": 0})
    case("q02_modification_lines_blank_before_signature", "pdf", "modification", v2, [2, 6],
         "Printed 'Label \u2013 value' lines (en dash); Requested Effective Date left blank ('Requested Effective "
         "Date \u2013' with nothing after) right before the heading 'SIGNATURE'; Primary Contact Title blank. "
         "Replace RPA Tool with new tool name/vendor.", tool="reportlab canvas")

    v = base_values("stage2", 9, 10)
    v2 = without(v, "testing_completed_date", "rpa_tool_version", "org_dba")
    render_boxed(P("q03_stage2_blank_boxes_headings.pdf"), "stage2", v2, "Times-Roman", 10, 2, "bracket",
                 st={"date": 0, "phone": 2})
    case("q03_stage2_blank_boxes_headings", "pdf", "stage2", v2, [1, 2],
         "Two-column boxed Stage II; RPA Tool Version box empty right before 'TRANSACTIONS AND TESTING', "
         "Testing Completion Date empty before 'RPA USER IDS'. Good form (all blanks optional).",
         tool="reportlab canvas")

    v = base_values("annual_validation", 10, 11)
    v2 = without(v, "contact_phone")
    render_lines(P("q04_annual_missing_phone_before_heading.pdf"), "annual_validation", v2, "tab", "Courier", 10,
                 "bracket", st={"date": 0}, valx=330)
    case("q04_annual_missing_phone_before_heading", "pdf", "annual_validation", v2, [2, 6, 10],
         "Courier 10 printed 'Label<gap>value' lines (value column at 330 pt). Required Primary Contact "
         "Telephone is blank and followed directly by the heading 'VALIDATION DETAILS'. PROBLEM: contact_phone "
         "missing. NH business partner.", problems=[("missing_required", "contact_phone")],
         tool="reportlab canvas")

    v = base_values("stage2_grandfathered", 11, 12)
    v2 = without(v, "fein")
    render_boxed(P("q05_s2g_missing_fein_before_heading.pdf"), "stage2_grandfathered", v2, "Helvetica", 9, 1,
                 "bracket", st={"date": 1, "phone": 1})
    case("q05_s2g_missing_fein_before_heading", "pdf", "stage2_grandfathered", v2, [1, 2, 10],
         "Boxed grandfathered Stage II, Helvetica 9: the required FEIN box (last of Section 1) is empty and "
         "followed by the heading 'ADDRESS'. PROBLEM: fein missing.", problems=[("missing_required", "fein")],
         tool="reportlab canvas")

    # ---------------- shape 3: fillable Test Scenarios
    o = ORGS[2]
    spec = [("eligibility_inquiry", True), ("eligibility_inquiry", True), ("claim_status", True),
            ("claim_status", False), ("claim_status", True)]
    render_ts_fillable(P("t01_test_scenarios_fillable_rows.pdf"), o, spec, 8,
                       lambda r, c: "Row%d.%s" % (r, c), "reportlab")
    f = scen_expected(spec)
    case("t01_test_scenarios_fillable_rows", "pdf", "test_scenarios", f, [3, 8],
         "Fillable Test Scenarios (landscape): AcroForm text fields named Row1.ScenarioID, Row1.Transaction, "
         "Row1.Screens, Row1.Expected, Row1.Actual, Row1.PassFail .. Row8.*; rows 6-8 empty. Values set as /V "
         "with appearances by reportlab. TS-04 (Claim Status Inquiry) fails. Goes with Bayside (p02).",
         code=False, tool="reportlab acroForm")

    o = ORGS[6]
    spec = [("claim_submission", True), ("claim_submission", True), ("remittance_advice", False),
            ("remittance_advice", False), ("claim_status", True), ("claim_submission", False)]
    render_ts_fillable(P("t02_test_scenarios_fillable_pypdf.pdf"), o, spec, 10,
                       lambda r, c: "Scenario_%d_%s" % (r, c), "pypdf")
    case("t02_test_scenarios_fillable_pypdf", "pdf", "test_scenarios", scen_expected(spec), [3, 8],
         "Blank fillable table made by reportlab (fields Scenario_1_ScenarioID .. Scenario_10_PassFail), then "
         "filled with pypdf update_page_form_field_values (NeedAppearances true, no regenerated appearance); "
         "rows 7-10 empty. Both Remittance Advice Download scenarios fail -> pass count 0.",
         code=False, tool="reportlab acroForm + pypdf fill")

    o = ORGS[9]
    spec = [("eligibility_inquiry", True), ("prior_authorization", True), ("prior_authorization", True),
            ("eligibility_inquiry", False)]
    render_ts_fillable(P("t03_test_scenarios_fillable_tsnames.pdf"), o, spec, 7,
                       lambda r, c: "TS%02d_%s" % (r, {"ScenarioID": "ID", "Transaction": "Transaction",
                                                       "Screens": "Screens", "Expected": "ExpectedResult",
                                                       "Actual": "ActualResult", "PassFail": "Result"}[c]),
                       "pypdf")
    case("t03_test_scenarios_fillable_tsnames", "pdf", "test_scenarios", scen_expected(spec), [3, 8],
         "Fillable Test Scenarios with field names TS01_ID, TS01_Transaction, TS01_Screens, "
         "TS01_ExpectedResult, TS01_ActualResult, TS01_Result ..; filled by pypdf; rows 5-7 empty.",
         code=False, tool="reportlab acroForm + pypdf fill")

    # ---------------- shape 4: content controls with placeholders
    v = base_values("stage1", 1, 13)
    v2 = without(v, "rpa_tool_version", "operating_hours", "hosting", "planned_go_live")
    render_docx_cc(P("c01_stage1_cc_placeholders.docx"), "stage1", v2, st={"phone": 1})
    case("c01_stage1_cc_placeholders", "docx", "stage1", v2, [4],
         "DOCX label | content-control table. RPA Tool Version and Bot Operating Hours still show "
         "'Click or tap here to enter text.', Bot Hosting dropdown shows 'Choose an item.', Planned Production "
         "Date shows 'Click or tap to enter a date.' (all w:showingPlcHdr -> absent). Transactions as w14 "
         "checkboxes, Organization Type a dropDownList, dates are date controls.",
         tool="python-docx + raw OOXML")

    v = base_values("annual_validation", 5, 14)
    v2 = without(v, "org_dba", "contact_title")
    render_docx_cc(P("c02_annual_cc_paragraphs.docx"), "annual_validation", v2, layout="para", font="Georgia",
                   size=10, st={"phone": 3})
    case("c02_annual_cc_paragraphs", "docx", "annual_validation", v2, [4],
         "DOCX 'Label: [control]' paragraphs (Georgia 10). DBA and Primary Contact Title controls show their "
         "placeholder; yes/no as dropdowns Yes/No; attestation a w14 checkbox.", tool="python-docx + raw OOXML")

    v = base_values("stage2", 0, 15)
    v2 = without(v, "signer_title", "rpa_tool_version")
    render_docx_cc(P("c03_stage2_cc_missing_signer_title.docx"), "stage2", v2, st={"phone": 0})
    case("c03_stage2_cc_missing_signer_title", "docx", "stage2", v2, [4, 10],
         "Content-control Stage II; Authorized Signatory Title and RPA Tool Version left showing placeholder "
         "text. PROBLEM: signer_title missing.", problems=[("missing_required", "signer_title")],
         tool="python-docx + raw OOXML")

    v = base_values("modification", 3, 14)  # kind 2 add sequential
    v2 = without(v, "effective_date")
    render_docx_cc(P("c04_modification_cc_sequential.docx"), "modification", v2, font="Segoe UI", size=9,
                   st={"phone": 2})
    case("c04_modification_cc_sequential", "docx", "modification", v2, [4],
         "Content-control Modification: Add Sequential Transaction in Same Session + Increase POSC Screens, "
         "Transaction to Add dropdown = Claim Status Inquiry, same-session dropdown Yes; Requested Effective "
         "Date left 'Click or tap to enter a date.'; New RPA Tool fields placeholder (not needed).",
         tool="python-docx + raw OOXML")

    v = base_values("rpa_agreement", 1, 16)
    v2 = without(v, "signature_date")
    v2["signed"] = False
    render_docx_cc(P("c05_agreement_cc_unsigned.docx"), "rpa_agreement", v2, layout="para", prose=AGR_TEXT)
    case("c05_agreement_cc_unsigned", "docx", "rpa_agreement", v2, [4, 8, 10],
         "RPA Agreement with content controls: name and title typed, Date Signed date control still shows "
         "'Click or tap to enter a date.' -> signed false. PROBLEM: agreement not signed (no date).",
         problems=[("missing_required", "signature_date"), ("unsigned", "signed")],
         tool="python-docx + raw OOXML")

    # ---------------- shape 5: legacy form fields
    v = base_values("stage1", 4, 17)
    v["transactions"] = ["claim_status", "eligibility_inquiry", "other"]
    v["transactions_other"] = "Provider Message Center inbox check"
    render_docx_legacy(P("l01_stage1_legacy_fields.docx"), "stage1", v, st={"phone": 0, "date": 0, "listsep": ", "})
    case("l01_stage1_legacy_fields", "docx", "stage1", v, [5],
         "Word 97-2003-style protected form: FORMTEXT fields for text (Text1..), FORMCHECKBOX groups for "
         "Organization Type, Bot Hosting and POSC Transactions (Other ticked, described), attestation "
         "FORMCHECKBOX. Lists comma-separated in one FORMTEXT.", tool="python-docx + raw OOXML")

    v = base_values("stage2", 7, 18)
    v["docs_enclosed"] = ["rpa_agreement", "test_scenarios"]
    render_docx_legacy(P("l02_stage2_legacy_fields.docx"), "stage2", v, st={"phone": 1, "date": 1}, font="Times New Roman",
                       size=11)
    case("l02_stage2_legacy_fields", "docx", "stage2", v, [5],
         "Legacy-field Stage II: testing completed as a FORMCHECKBOX Yes/No pair (Yes ticked), Supporting "
         "Documentation Enclosed checkboxes (Agreement and Test Scenarios ticked, Systems Design not).",
         tool="python-docx + raw OOXML")

    v = base_values("modification", 11, 18)  # kind 2
    render_docx_legacy(P("l03_modification_legacy_paragraphs.docx"), "modification", v,
                       st={"phone": 3, "date": 3}, layout="para")
    case("l03_modification_legacy_paragraphs", "docx", "modification", v, [5],
         "Legacy fields in paragraphs ('Label: [FORMTEXT]'); Type of Modification FORMCHECKBOX group (Increase "
         "screens + Add sequential transaction), Transaction to Add as a checkbox group, same-session Yes/No "
         "pair on the line under the question.", tool="python-docx + raw OOXML")

    v = base_values("annual_validation", 1, 19)
    v["unapproved_changes"] = True
    render_docx_legacy(P("l04_annual_legacy_unapproved_changes.docx"), "annual_validation", v,
                       st={"phone": 4, "date": 4})
    case("l04_annual_legacy_unapproved_changes", "docx", "annual_validation", v, [5, 10],
         "Legacy-field Annual Validation: info current Yes, 'modified without MassHealth approval' Yes (ticked). "
         "PROBLEM: unapproved_changes true -> a Modification Request is required.",
         problems=[("unapproved_changes", "unapproved_changes")], tool="python-docx + raw OOXML")

    v = base_values("stage2_grandfathered", 8, 20)
    render_docx_legacy(P("l05_s2g_legacy_fields.docx"), "stage2_grandfathered", v, st={"phone": 2, "date": 5},
                       font="Verdana", size=9)
    case("l05_s2g_legacy_fields", "docx", "stage2_grandfathered", v, [5],
         "Legacy-field grandfathered Stage II (Verdana 9): transactions and documents as FORMCHECKBOX groups, "
         "testing Yes/No pair, dates 'Mon. D, YYYY'.", tool="python-docx + raw OOXML")

    # ---------------- shape 6: separators
    v = base_values("stage1", 5, 21)
    render_docx_lines(P("s01_stage1_docx_tab.docx"), "stage1", v, "tab", st={"phone": 0, "date": 1})
    case("s01_stage1_docx_tab", "docx", "stage1", v, [6],
         "DOCX paragraphs 'Label<TAB>value' with a left tab stop at 3.4 in; choices '\u2612 x   \u2610 y' after "
         "the tab; lists '; '-separated.", tool="python-docx")

    v = base_values("modification", 0, 20)  # kind 0
    render_docx_lines(P("s02_modification_docx_endash.docx"), "modification", v, "endash",
                      st={"phone": 1, "date": 0}, font="Arial", size=10, mark="bracket")
    case("s02_modification_docx_endash", "docx", "modification", v, [6],
         "DOCX paragraphs 'Label \u2013 value' (en dash), choices [X]/[  ]; Replace RPA Tool.",
         tool="python-docx")

    v = base_values("annual_validation", 6, 22)
    v2 = without(v, "contact_title")
    render_docx_lines(P("s03_annual_docx_equals.docx"), "annual_validation", v2, "eq", st={"phone": 2, "date": 2},
                      font="Courier New", size=10, mark="paren")
    case("s03_annual_docx_equals", "docx", "annual_validation", v2, [6],
         "DOCX 'Label = value' paragraphs in Courier New, yes/no as '(X) Yes   ( ) No'; Primary Contact Title "
         "printed as 'Primary Contact Title =' with nothing after (absent).", tool="python-docx")

    v = base_values("stage2_grandfathered", 2, 23)
    render_docx_lines(P("s04_s2g_docx_dot_leaders.docx"), "stage2_grandfathered", v, "dots",
                      st={"phone": 3, "date": 0}, font="Cambria", size=11)
    case("s04_s2g_docx_dot_leaders", "docx", "stage2_grandfathered", v, [6],
         "DOCX 'Label .......... value' paragraphs with literal dot leaders (Cambria 11).", tool="python-docx")

    v = base_values("stage2", 4, 24)
    render_lines(P("s05_stage2_pdf_gap10.pdf"), "stage2", v, "gap10", "Helvetica", 9, "bracket",
                 st={"phone": 4, "date": 3}, asterisk=True)
    case("s05_stage2_pdf_gap10", "pdf", "stage2", v, [6],
         "Printed Stage II, Helvetica 9: each value starts only 10 pt after the end of its label (no colon); "
         "required labels carry ' *'.", tool="reportlab canvas")

    v = base_values("stage1", 3, 25)
    v["avg_weekly_transactions"] = 500
    v["est_monthly_transactions"] = 4000
    render_docx_lines(P("_s06.docx"), "stage1", v, "leader", st={"phone": 1, "date": 0, "int": 0},
                      font="Times New Roman", size=9, leader_pos=3.7)
    soffice_pdf(P("_s06.docx"), P("s06_stage1_lo_tab_leaders_weekly_mismatch.pdf"))
    os.remove(P("_s06.docx"))
    case("s06_stage1_lo_tab_leaders_weekly_mismatch", "pdf", "stage1", v, [6, 10],
         "python-docx paragraphs with a dot-leader tab stop ('Label.......value'), printed to PDF by "
         "LibreOffice. PROBLEM: weekly 500 vs monthly 4,000 (4000/4 = 1000, differs by more than 1) -> warning.",
         problems=[("weekly_monthly_mismatch", "avg_weekly_transactions")], tool="python-docx -> LibreOffice PDF")

    v = base_values("annual_validation", 9, 26)
    render_lines(P("s07_annual_pdf_endash_serif.pdf"), "annual_validation", v, "endash", "DejaVuSerif", 11,
                 "glyph", st={"phone": 0, "date": 1})
    case("s07_annual_pdf_endash_serif", "pdf", "annual_validation", v, [6],
         "Printed 'Label \u2013 value' lines in DejaVu Serif 11, \u2612/\u2610 marks; yes/no questions longer "
         "than a line have their answers on the next line.", tool="reportlab canvas")

    v = base_values("rpa_agreement", 10, 27)
    v["signed"] = True
    render_lines(P("s08_agreement_pdf_equals.pdf"), "rpa_agreement", v, "eq", "Times-Roman", 11,
                 st={"date": 0}, prose=AGR_TEXT + ["Signature = /s/ " + v["signer_name"]])
    case("s08_agreement_pdf_equals", "pdf", "rpa_agreement", v, [6, 8],
         "Signed RPA Agreement, Times 11: agreement text, a 'Signature = /s/ Name' line, then 'Label = value' "
         "lines for Organization Legal Name, signer name/title, Date Signed MM/DD/YYYY.", tool="reportlab canvas")

    v = base_values("modification", 7, 29)  # kind 1
    v["fein"] = "04-33182"
    render_lines(P("s09_modification_pdf_gap10_bad_fein.pdf"), "modification", v, "gap10", "DejaVuSans", 10,
                 "glyph", st={"phone": 1, "date": 2})
    case("s09_modification_pdf_gap10_bad_fein", "pdf", "modification", v, [6, 10],
         "Printed 'Label value' lines with a 10 pt gap, DejaVu Sans 10. PROBLEM: FEIN printed '04-33182' (only 7 "
         "digits) -> invalid. fields.fein is the printed value.", problems=[("invalid", "fein")],
         tool="reportlab canvas")

    # ---------------- shape 7: Chromium web forms
    v = base_values("stage1", 6, 30)
    chromium_pdf(html_form("stage1", v, {"phone": 0, "date": 2}, "glyph", "row"), P("w01_stage1_web_chromium.pdf"),
                 header=True)
    case("w01_stage1_web_chromium", "pdf", "stage1", v, [7],
         "HTML web form (fieldsets per section, label + <input type=text value=..>, textareas for lists, "
         "\u2611/\u2610 glyph spans) printed by headless Chromium WITH its default header/footer (print date and "
         "file URL).", tool="Chromium --print-to-pdf")

    v = base_values("stage2", 11, 31)
    v2 = without(v, "contact_title")
    chromium_pdf(html_form("stage2", v2, {"phone": 1, "date": 0}, "css", "stack", "Georgia, serif", 11),
                 P("w02_stage2_web_css_boxes.pdf"))
    case("w02_stage2_web_css_boxes", "pdf", "stage2", v2, [7],
         "Web form with labels stacked above full-width inputs; checkboxes drawn as CSS-bordered boxes holding "
         "'X' or nothing; Primary Contact Title input empty. Georgia 11, no browser header.",
         tool="Chromium --print-to-pdf")

    v = base_values("annual_validation", 8, 32)
    v.pop("attest")
    chromium_pdf(html_form("annual_validation", v, {"phone": 3, "date": 1}, "glyph", "row", "Verdana, sans-serif", 9),
                 P("w03_annual_web_attest_unticked.pdf"))
    case("w03_annual_web_attest_unticked", "pdf", "annual_validation", v, [7, 10],
         "Web form (Verdana 9) whose attestation box is NOT ticked (\u2610). PROBLEM: "
         "attest not checked (unticked box -> attest absent).", problems=[("not_attested", "attest")], tool="Chromium --print-to-pdf")

    v = base_values("modification", 10, 35)  # kind 3 retire
    chromium_pdf(html_form("modification", v, {"phone": 4, "date": 3}, "css", "row", "Trebuchet MS, sans-serif", 10),
                 P("w04_modification_web_retire.pdf"))
    case("w04_modification_web_retire", "pdf", "modification", v, [7],
         "Web form, CSS boxes for choices; Retire Bot. Phone typed as 10 digits.", tool="Chromium --print-to-pdf")

    # ---------------- shape 8: supporting documents
    render_sd_docx(P("d01_systems_design_docx.docx"), ORGS[0], ["eligibility_inquiry", "claim_status"], "UiPath")
    case("d01_systems_design_docx", "docx", "systems_design", {"transactions": ["claim_status", "eligibility_inquiry"]},
         [8], "Systems Design Documentation (DOCX): overview prose naming the transactions, then 'Process flow "
         "\u2013 <name>' headings with 'Step n.' paragraphs.", code=False, tool="python-docx")

    txs = ["claim_submission", "claim_adjustment", "remittance_advice"]
    render_sd_pdf(P("d02_systems_design_flow_boxes.pdf"), ORGS[6], txs, "Automation 360")
    case("d02_systems_design_flow_boxes", "pdf", "systems_design", {"transactions": sorted(txs)}, [8],
         "Systems Design (Times 11, reportlab): prose + process flows drawn as boxed numbered steps joined by "
         "lines, two pages.", code=False, tool="reportlab canvas")

    render_sd_docx(P("_d03.docx"), ORGS[9], ["eligibility_inquiry", "prior_authorization"], "Power Automate Desktop",
                   title="RPA Systems Design Document")
    soffice_pdf(P("_d03.docx"), P("d03_systems_design_lo.pdf"))
    os.remove(P("_d03.docx"))
    case("d03_systems_design_lo", "pdf", "systems_design",
         {"transactions": ["eligibility_inquiry", "prior_authorization"]}, [8],
         "Title 'RPA Systems Design Document'; DOCX exported to PDF by LibreOffice.", code=False,
         tool="python-docx -> LibreOffice PDF")

    spec = [("eligibility_inquiry", True), ("eligibility_inquiry", True), ("claim_status", False),
            ("claim_status", True), ("claim_status", True), ("eligibility_inquiry", False)]
    render_ts_docx(P("d04_test_scenarios_docx_table.docx"), ORGS[0], spec)
    case("d04_test_scenarios_docx_table", "docx", "test_scenarios", scen_expected(spec), [8],
         "Typed DOCX Test Scenarios table (landscape), six columns; mixed Pass/Fail.", code=False, tool="python-docx")

    spec = [("claim_submission", True), ("claim_adjustment", False), ("claim_adjustment", False),
            ("remittance_advice", True), ("claim_submission", True), ("remittance_advice", True)]
    render_ts_pdf_table(P("d05_test_scenarios_pdf_table.pdf"), ORGS[6], spec)
    case("d05_test_scenarios_pdf_table", "pdf", "test_scenarios", scen_expected(spec), [8],
         "Printed Test Scenarios table (reportlab grid, wrapped cells, landscape). Both Claim Adjustment/Void "
         "scenarios fail -> pass count 0 (a problem against a Stage II requesting it).", code=False,
         tool="reportlab canvas")

    spec = [("prior_authorization", True), ("eligibility_inquiry", True), ("prior_authorization", False),
            ("prior_authorization", True)]
    render_ts_docx(P("_d06.docx"), ORGS[9], spec, font="Arial", title="RPA Test Scenarios \u2013 End-to-End Results")
    soffice_pdf(P("_d06.docx"), P("d06_test_scenarios_lo_table.pdf"))
    os.remove(P("_d06.docx"))
    case("d06_test_scenarios_lo_table", "pdf", "test_scenarios", scen_expected(spec), [8],
         "DOCX Test Scenarios table printed by LibreOffice to PDF (title 'RPA Test Scenarios \u2013 End-to-End "
         "Results').", code=False, tool="python-docx -> LibreOffice PDF")

    v = base_values("rpa_agreement", 3, 33)
    v["signed"] = True
    render_agreement_docx(P("d07_agreement_docx_signed.docx"), v)
    case("d07_agreement_docx_signed", "docx", "rpa_agreement", v, [8],
         "Signed RPA Agreement DOCX: text, then a borderless signature table (Signature line with the typed "
         "name in italics, Name, Title, Date Signed 'D Month YYYY'). Footer RPA-AGR.", tool="python-docx")

    v = {"org_legal_name": ORGS[11]["org_legal_name"], "signed": False}
    render_agreement_boxed(P("d08_agreement_pdf_unsigned.pdf"), dict(v), None, lines=True)
    case("d08_agreement_pdf_unsigned", "pdf", "rpa_agreement", v, [8, 2, 10],
         "RPA Agreement printed with the organization name but an empty signature block (Signature, "
         "Authorized Signatory Name/Title and Date Signed lines blank). PROBLEM: unsigned.",
         problems=[("missing_required", "signer_name"), ("missing_required", "signer_title"),
                   ("missing_required", "signature_date"), ("unsigned", "signed")], tool="reportlab canvas")

    # ---------------- shape 9: scans
    scans = [("g01_stage1_scan_200dpi", "p01_stage1_boxed_asterisk", 200, 1.2),
             ("g02_stage2_scan_150dpi", "p02_stage2_boxed_two_columns", 150, -0.7),
             ("g03_annual_scan_170dpi", "s07_annual_pdf_endash_serif", 170, 1.8),
             ("g04_modification_scan_200dpi", "p04_modification_boxed_two_columns", 200, -1.5),
             ("g05_s2g_scan_150dpi", "p05_s2g_boxed_condensed", 150, 0.5),
             ("g06_agreement_scan_180dpi", "s08_agreement_pdf_equals", 180, 1.0),
             ("g07_test_scenarios_scan_160dpi", "d05_test_scenarios_pdf_table", 160, -1.1)]
    bycase = {c["file"].rsplit(".", 1)[0]: c for c in CASES}
    for i, (name, src, dpi, ang) in enumerate(scans):
        make_scan(P(src + ".pdf"), P(name + ".pdf"), dpi, ang, 100 + i, blur=0.5 + 0.1 * (i % 3),
                  quality=50 + 5 * (i % 3))
        s = bycase[src]
        case(name, "pdf", s["form_type"], copy.deepcopy(s["fields"]), [9], 
             "Image-only scan of %s: pdftoppm %d dpi greyscale, rotated %.1f deg, Gaussian blur, noise, specks, "
             "JPEG q%d, wrapped by Pillow. Same true values as the source." % (s["file"], dpi, ang, 50 + 5 * (i % 3)),
             problems=[(p["code_hint"], p["field"]) for p in s["expected_problems"]], scan=True,
             code=s["form_version"] is not None, tool="pdftoppm + Pillow")

    # ---------------- shape 11: blank forms
    render_boxed(P("b01_stage1_blank_boxed.pdf"), "stage1", {}, "Helvetica", 10, 2, "bracket")
    case("b01_stage1_blank_boxed", "pdf", "stage1", {}, [11, 1, 2],
         "Completely empty Stage I (labels, asterisks, empty boxes and unticked [  ] boxes only), two columns.",
         problems=[("missing_required", k) for k in REQUIRED["stage1"]], tool="reportlab canvas")

    render_docx_legacy(P("b02_s2g_blank_legacy.docx"), "stage2_grandfathered", {})
    case("b02_s2g_blank_legacy", "docx", "stage2_grandfathered", {}, [11, 5],
         "Completely empty legacy-field grandfathered Stage II: every FORMTEXT shows the five en-space default, "
         "no FORMCHECKBOX ticked.", problems=[("missing_required", k) for k in REQUIRED["stage2_grandfathered"]],
         tool="python-docx + raw OOXML")


def render_agreement_boxed(path, v, sig, lines=False, font="Helvetica", size=10):
    c = Canvas(path, pagesize=letter)
    c.setTitle(TITLES["rpa_agreement"])
    pg = Pager(c, "rpa_agreement", font, True)
    pg.y = draw_title(c, "rpa_agreement", font, size)
    lh = size + 4
    for para in AGR_TEXT:
        for ln in wrap(para, font, size, 500):
            pg.need(lh)
            c.setFont(font, size)
            c.drawString(54, pg.y, ln)
            pg.y -= lh
        pg.y -= 5
    pg.y -= 8
    c.setFont(BOLD[font], size + 1)
    c.drawString(54, pg.y, "ORGANIZATION")
    pg.y -= lh + 6
    items = [("org_legal_name", LABELS["org_legal_name"]), ("HEAD", "SIGNATURE"), ("sig", "Signature"),
             ("signer_name", LABELS["signer_name"]), ("signer_title", LABELS["signer_title"]),
             ("signature_date", LABELS["signature_date"])]
    for key, lab in items:
        if key == "HEAD":
            c.setFont(BOLD[font], size + 1)
            c.drawString(54, pg.y, lab)
            pg.y -= lh + 6
            continue
        val = sig if key == "sig" else (fmt_date(v[key], 1) if key == "signature_date" and key in v else v.get(key))
        c.setFont(BOLD[font], size)
        if lines:
            c.drawString(54, pg.y, lab + ":")
            c.line(260, pg.y - 2, 540, pg.y - 2)
            if val:
                c.setFont(font, size)
                c.drawString(264, pg.y, val)
            pg.y -= lh + 12
        else:
            c.drawString(54, pg.y, lab + " *")
            c.rect(54, pg.y - 24, 330, 19)
            if val:
                c.setFont(font, size)
                c.drawString(58, pg.y - 18, val)
            pg.y -= 40
    pg.finish()


def render_agreement_docx(path, v):
    d = new_doc("Book Antiqua", 11)
    doc_title(d, "rpa_agreement")
    for para in AGR_TEXT:
        d.add_paragraph(para)
    p = d.add_paragraph()
    p.add_run("Organization Legal Name: ").bold = True
    p.add_run(v["org_legal_name"])
    t = d.add_table(rows=4, cols=2)
    rows = [("Signature", v["signer_name"]), (LABELS["signer_name"], v["signer_name"]),
            (LABELS["signer_title"], v["signer_title"]), (LABELS["signature_date"], fmt_date(v["signature_date"], 3))]
    for i, (a, b) in enumerate(rows):
        t.rows[i].cells[0].text = a
        r = t.rows[i].cells[1].paragraphs[0].add_run(b)
        if i == 0:
            r.italic = True
            r.font.name = "Brush Script MT"
            r.font.size = Pt(14)
    doc_footer(d, "rpa_agreement")
    d.save(path)


SHAPE_NAMES = {1: "printed boxed value under asterisked label", 2: "blank field before CAPS heading",
               3: "fillable Test Scenarios rows", 4: "DOCX content controls with placeholders",
               5: "DOCX legacy form fields", 6: "label/value separators (tab, en dash, =, dot leaders, 10 pt gap)",
               7: "browser-printed web form", 8: "supporting documents with content", 9: "scan (image-only)",
               10: "form with real problems", 11: "blank form"}


def main():
    for f in os.listdir(OUT):
        if f.endswith((".pdf", ".docx", ".expected.json")):
            os.remove(P(f))
    build()
    for c in CASES:
        if c["expected_problems"] and 10 not in c["shape"] and 11 not in c["shape"]:
            c["shape"] = c["shape"] + [10]
        with open(P(c["file"].rsplit(".", 1)[0] + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(c, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
