#!/usr/bin/env python3
"""Eighth independent (blind) sample set: regenerates every case of tests/data/independent8.

Drawn only from /work/shared/SPEC.md. No project module is imported.
Usage: .venv/bin/python tests/data/independent8/make_independent8.py [CASE ...]
Scratch files go to /work/wt/_work8 (outside the repo).
"""
import datetime as dt
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "_work8"))
os.makedirs(WORK, exist_ok=True)

# ----------------------------------------------------------------------------- SPEC data
TXN = [("eligibility_inquiry", "Member Eligibility Verification"),
       ("claim_submission", "Claim Submission (DDE)"),
       ("claim_status", "Claim Status Inquiry"),
       ("claim_adjustment", "Claim Adjustment/Void"),
       ("prior_authorization", "Prior Authorization Request"),
       ("remittance_advice", "Remittance Advice Download"),
       ("other", "Other DDE Activity")]
TXN_LABEL = dict(TXN)
ORG_TYPES = [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
             ("relationship_entity", "Relationship Entity")]
HOSTING = [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")]
DOCS = [("rpa_agreement", "MassHealth RPA Agreement"), ("systems_design", "Systems Design Documentation"),
        ("test_scenarios", "Test Scenarios")]
MODS = [("replace_tool", "Replace RPA Tool"), ("increase_screens", "Increase POSC Screens per Session"),
        ("decrease_screens", "Decrease POSC Screens per Session"),
        ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
        ("retire_bot", "Retire Bot"), ("other", "Other")]
YN = [(True, "Yes"), (False, "No")]

TITLES = {
    "stage1": "MassHealth RPA Stage I Registration Form",
    "stage2": "MassHealth RPA Stage II Registration Form",
    "stage2_grandfathered": "MassHealth RPA Stage II Registration Form – Grandfathered Entities",
    "modification": "MassHealth RPA Modification Request Form",
    "annual_validation": "MassHealth RPA Annual Validation",
    "rpa_agreement": "MassHealth RPA Agreement",
}
CODES = {"stage1": "RPA-S1", "stage2": "RPA-S2", "stage2_grandfathered": "RPA-S2G",
         "modification": "RPA-MOD", "annual_validation": "RPA-AV", "rpa_agreement": "RPA-AGR"}

# field key -> (label, kind, options)
F = {
    "org_legal_name": ("Organization Legal Name", "text", None),
    "org_dba": ("Doing Business As (DBA)", "text", None),
    "org_type": ("Organization Type", "one", ORG_TYPES),
    "provider_id": ("MassHealth Provider ID/Service Location (PID/SL)", "text", None),
    "npi": ("National Provider Identifier (NPI)", "text", None),
    "fein": ("Federal Employer Identification Number (FEIN)", "text", None),
    "street": ("Street Address", "text", None),
    "city": ("City", "text", None),
    "state": ("State", "text", None),
    "zip": ("ZIP Code", "text", None),
    "contact_name": ("Primary Contact Name", "text", None),
    "contact_title": ("Primary Contact Title", "text", None),
    "contact_email": ("Primary Contact Email", "text", None),
    "contact_phone": ("Primary Contact Telephone", "phone", None),
    "attest": ("I attest that the information on this form is true and complete", "check", None),
    "signer_name": ("Authorized Signatory Name", "text", None),
    "signer_title": ("Authorized Signatory Title", "text", None),
    "signature_date": ("Date Signed", "date", None),
    "rpa_tool_name": ("RPA Tool (Product Name)", "text", None),
    "rpa_tool_vendor": ("RPA Tool Vendor", "text", None),
    "rpa_tool_version": ("RPA Tool Version", "text", None),
    "bot_count": ("Number of Bots Requested", "int", None),
    "bot_names": ("Bot Name(s)", "list", None),
    "hosting": ("Bot Hosting", "one", HOSTING),
    "transactions": ("POSC Transactions Requested", "set", TXN),
    "transactions_other": ("If Other, describe", "text", None),
    "posc_screens": ("POSC Screens Accessed", "list", None),
    "screens_per_session": ("Maximum POSC Screens per Bot Session", "int", None),
    "avg_weekly_transactions": ("Average Number of Transactions per Week", "int", None),
    "est_monthly_transactions": ("Estimated Transactions per Month", "int", None),
    "operating_hours": ("Bot Operating Hours", "text", None),
    "planned_go_live": ("Planned Production Date", "date", None),
    "stage1_approval_number": ("Stage I Approval Number", "text", None),
    "testing_completed": ("Testing completed in the MassHealth Trading Partner Testing Environment", "yn", YN),
    "testing_completed_date": ("Testing Completion Date", "date", None),
    "user_ids_requested": ("Number of RPA User IDs Requested", "int", None),
    "docs_enclosed": ("Supporting Documentation Enclosed", "set", DOCS),
    "operational_since": ("Date Bot Became Operational on the POSC", "date", None),
    "current_user_ids": ("POSC User ID(s) Currently Used by the Bot", "list", None),
    "stage2_approval_number": ("Stage II Approval Number", "text", None),
    "rpa_user_ids": ("RPA User ID(s) Affected", "list", None),
    "modification_types": ("Type of Modification", "set", MODS),
    "new_rpa_tool_name": ("New RPA Tool (Product Name)", "text", None),
    "new_rpa_tool_vendor": ("New RPA Tool Vendor", "text", None),
    "new_screens_per_session": ("New Maximum POSC Screens per Session", "int", None),
    "added_transaction": ("Transaction to Add", "one", TXN),
    "same_session": ("Will the added transaction run in the same bot session?", "yn", YN),
    "description": ("Description of Modification", "text", None),
    "effective_date": ("Requested Effective Date", "date", None),
    "validation_year": ("Validation Year", "int", None),
    "info_current": ("The RPA information on file with MassHealth is current and accurate", "yn", YN),
    "unapproved_changes": ("Has the bot been modified without MassHealth approval since the last validation?", "yn", YN),
}

ORG_KEYS = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein",
            "street", "city", "state", "zip"]
CONTACT_KEYS = ["contact_name", "contact_title", "contact_email", "contact_phone"]
ATTEST_KEYS = ["attest", "signer_name", "signer_title", "signature_date"]
TOOL_KEYS = ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]

SECTIONS = {
    "stage1": [("Organization Information", ORG_KEYS), ("Primary Contact", CONTACT_KEYS),
               ("RPA Tool", TOOL_KEYS),
               ("Bot Details", ["bot_count", "bot_names", "hosting"]),
               ("POSC Transactions and Volume", ["transactions", "transactions_other", "posc_screens",
                                                 "screens_per_session", "avg_weekly_transactions",
                                                 "est_monthly_transactions", "operating_hours",
                                                 "planned_go_live"]),
               ("Attestation and Signature", ATTEST_KEYS)],
    "stage2": [("Organization Information", ORG_KEYS), ("Primary Contact", CONTACT_KEYS),
               ("Stage I Reference", ["stage1_approval_number"]), ("RPA Tool", TOOL_KEYS),
               ("Transactions and Testing", ["transactions", "testing_completed", "testing_completed_date",
                                             "user_ids_requested", "docs_enclosed"]),
               ("Attestation and Signature", ATTEST_KEYS)],
    "stage2_grandfathered": [("Organization Information", ORG_KEYS), ("Primary Contact", CONTACT_KEYS),
                             ("RPA Tool", TOOL_KEYS),
                             ("Bot Operations", ["operational_since", "current_user_ids", "bot_count",
                                                 "screens_per_session", "avg_weekly_transactions"]),
                             ("Transactions and Testing", ["transactions", "testing_completed",
                                                           "testing_completed_date", "user_ids_requested",
                                                           "docs_enclosed"]),
                             ("Attestation and Signature", ATTEST_KEYS)],
    "modification": [("Organization Information", ORG_KEYS), ("Primary Contact", CONTACT_KEYS),
                     ("Approved Registration", ["stage2_approval_number", "rpa_user_ids"]),
                     ("Requested Modification", ["modification_types", "new_rpa_tool_name",
                                                 "new_rpa_tool_vendor", "new_screens_per_session",
                                                 "added_transaction", "same_session", "description",
                                                 "effective_date"]),
                     ("Attestation and Signature", ATTEST_KEYS)],
    "annual_validation": [("Organization Information", ORG_KEYS), ("Primary Contact", CONTACT_KEYS),
                          ("Registration Being Validated", ["stage2_approval_number", "rpa_user_ids",
                                                            "validation_year"]),
                          ("Validation Questions", ["info_current", "unapproved_changes"]),
                          ("Attestation and Signature", ATTEST_KEYS)],
}
LABEL_OVERRIDE = {("stage2", "transactions"): "POSC Transactions",
                  ("stage2_grandfathered", "transactions"): "POSC Transactions",
                  ("annual_validation", "rpa_user_ids"): "RPA User ID(s)"}

REQUIRED_BASE = ["org_legal_name", "org_type", "fein", "street", "city", "state", "zip",
                 "contact_name", "contact_email", "contact_phone"]
REQUIRED_ATTEST = ["attest", "signer_name", "signer_title", "signature_date"]
REQUIRED = {
    "stage1": REQUIRED_BASE + ["rpa_tool_name", "rpa_tool_vendor", "bot_count", "transactions",
                               "posc_screens", "screens_per_session", "avg_weekly_transactions"] + REQUIRED_ATTEST,
    "stage2": REQUIRED_BASE + ["stage1_approval_number", "testing_completed", "user_ids_requested"] + REQUIRED_ATTEST,
    "stage2_grandfathered": REQUIRED_BASE + ["operational_since", "current_user_ids", "testing_completed",
                                             "user_ids_requested"] + REQUIRED_ATTEST,
    "modification": REQUIRED_BASE + ["stage2_approval_number", "rpa_user_ids", "modification_types",
                                     "description"] + REQUIRED_ATTEST,
    "annual_validation": REQUIRED_BASE + ["stage2_approval_number", "rpa_user_ids", "validation_year",
                                          "info_current"] + REQUIRED_ATTEST,
}


def label(ft, key):
    return LABEL_OVERRIDE.get((ft, key), F[key][0])


def is_required(ft, key, values=None):
    if key in REQUIRED.get(ft, []):
        return True
    return key in ("provider_id", "npi") and (values or {}).get("org_type") == "provider"


def npi(base9, good=True):
    digits = "80840" + base9
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    check = (10 - total % 10) % 10
    if not good:
        check = (check + 3) % 10
    return base9 + str(check)


# ----------------------------------------------------------------------------- display formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fdate(iso, fmt):
    d = dt.date.fromisoformat(iso)
    return {
        "long": f"{MONTHS[d.month-1]} {d.day}, {d.year}",
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "us_short": f"{d.month}/{d.day}/{d.year}",
        "iso": iso,
        "dmy": f"{d.day} {MONTHS[d.month-1]} {d.year}",
        "abbr": f"{MONTHS[d.month-1][:3]} {d.day}, {d.year}",
        "dotted": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "weekday": f"{d.strftime('%A')}, {MONTHS[d.month-1]} {d.day}, {d.year}",
        "dash": f"{d.month:02d}-{d.day:02d}-{d.year}",
        "ordinal": f"{MONTHS[d.month-1]} {d.day}{'th' if 10 <= d.day % 100 <= 20 else {1:'st',2:'nd',3:'rd'}.get(d.day % 10, 'th')}, {d.year}",
    }[fmt]


def fphone(p, fmt):
    a, b, c = p.split("-")
    return {"paren": f"({a}) {b}-{c}", "dash": p, "dot": f"{a}.{b}.{c}", "plus": f"+1 {a} {b} {c}",
            "ext": f"({a}) {b}-{c} ext. 214", "x": f"{a}-{b}-{c} x31", "plain": a + b + c,
            "plus_dash": f"+1-{a}-{b}-{c}"}[fmt]


class Style:
    def __init__(self, **kw):
        self.date = kw.get("date", "long")
        self.dates = kw.get("dates", {})      # per-key date format override
        self.phone = kw.get("phone", "paren")
        self.list_sep = kw.get("list_sep", "; ")
        self.commas = kw.get("commas", False)
        self.choices = kw.get("choices", "marks")  # marks | typed
        self.on, self.off = kw.get("marks", ("☒", "☐"))


def display(ft, key, values, st):
    """Text shown for a field; for choice fields in 'marks' mode a list of (label, ticked)."""
    kind, opts = F[key][1], F[key][2]
    v = values.get(key)
    if kind in ("one", "set", "yn", "check"):
        if kind == "check":
            return [(label(ft, key), bool(v))] if st.choices == "marks" else ("Yes" if v else "")
        chosen = set(v) if kind == "set" and v else ({v} if v is not None else set())
        if st.choices == "marks":
            return [(lab, k in chosen) for k, lab in opts]
        return "; ".join(lab for k, lab in opts if k in chosen)
    if v is None:
        return ""
    if kind == "int":
        return f"{v:,}" if st.commas else str(v)
    if kind == "date":
        return fdate(v, st.dates.get(key, st.date))
    if kind == "phone":
        return fphone(v, st.phone)
    if kind == "list":
        return st.list_sep.join(v)
    return str(v)


# ----------------------------------------------------------------------------- organizations
def org(name, dba, otype, pid, npi9, fein, street, city, state, zp, cname, ctitle, cemail, cphone,
        sname, stitle, bad_npi=False):
    d = {"org_legal_name": name, "org_dba": dba, "org_type": otype, "fein": fein, "street": street,
         "city": city, "state": state, "zip": zp, "contact_name": cname, "contact_title": ctitle,
         "contact_email": cemail, "contact_phone": cphone, "signer_name": sname, "signer_title": stitle}
    if pid:
        d["provider_id"] = pid
    if npi9:
        d["npi"] = npi(npi9, not bad_npi)
    return {k: v for k, v in d.items() if v is not None}


ORGS = {
    "harbor": org("Harborview Pediatric Associates, P.C.", "Harborview Kids", "provider", "110078421C",
                  "132457689", "04-3318275", "48 Commercial Wharf", "Boston", "MA", "02110",
                  "Marisol Quintero", "Billing Operations Manager", "mquintero@harborviewkids.org",
                  "617-555-0188", "Dr. Owen Callahan", "Managing Physician"),
    "pioneer": org("Pioneer Valley Home Care Cooperative", None, "provider", "110034567D",
                   "176543210", "04-2765123", "210 Main Street", "Northampton", "MA", "01060-3117",
                   "Tobias Lindqvist", "Director of Finance", "t.lindqvist@pvhomecare.coop",
                   "413-555-0127", "Ruth Abernathy", "Executive Director"),
    "ledger": org("Ledgerline Claims Services LLC", "Ledgerline", "business_partner", None, None,
                  "81-4402917", "1 Research Drive, Suite 300", "Westborough", "MA", "01581",
                  "Priya Raghunathan", "RPA Program Lead", "priya.r@ledgerline.io",
                  "508-555-0163", "Gregory Matos", "Chief Operating Officer"),
    "capecod": org("Cape Cod Behavioral Health Partners, Inc.", "CCBHP", "provider", "110090112A",
                   "198765432", "04-3591127", "75 Independence Drive", "Hyannis", "MA", "02601",
                   "Nadia Ferreira-Costa", "Revenue Integrity Supervisor", "nferreira@ccbhp.org",
                   "508-555-0141", "Dr. Samuel Whitcombe", "President and CEO"),
    "keystone": org("Keystone Revenue Partners, Inc.", None, "business_partner", None, None,
                    "23-7719045", "1600 Market Street, Floor 12", "Philadelphia", "PA", "19103",
                    "Dmitri Volkov", "Automation Manager", "dvolkov@keystonerev.com",
                    "215-555-0199", "Helen Okafor", "Vice President, Operations"),
    "berkshire": org("Berkshire Hills Dental Group", "BHDG", "provider", "110056789E",
                     "154321098", "04-2988361", "12 Wendell Avenue", "Pittsfield", "MA", "01201",
                     "Colleen Murphy", "Office Administrator", "cmurphy@bhdentalgroup.com",
                     "413-555-0110", "Dr. Arjun Mehta", "Owner, DMD"),
    "nexus": org("Nexus Health Data Exchange Corp.", "NexusHDX", "relationship_entity", None, None,
                 "46-2203318", "500 Boylston Street", "Boston", "MA", "02116",
                 "Yuki Tanabe", "Integration Architect", "ytanabe@nexushdx.net",
                 "857-555-0102", "Marcus Bell", "Chief Technology Officer"),
    "merrimack": org("Merrimack Valley Physical Therapy, LLC", "MVPT", "provider", "110023456F",
                     "119283746", "04-3120984", "350 Merrimack Street", "Lowell", "MA", "01852",
                     "Fatima Al-Sayed", "Practice Manager", "falsayed@mvpt.health",
                     "978-555-0176", "Kevin Tran", "Managing Partner"),
    "granite": org("Granite State Billing Collaborative", None, "business_partner", None, None,
                   "02-0571834", "44 Elm Street", "Manchester", "NH", "03101",
                   "Beatriz Santos", "Client Services Director", "bsantos@gsbcollab.com",
                   "603-555-0135", "Thomas Whitaker", "President"),
    "southcoast": org("SouthCoast Community Health Center", "SCCHC", "provider", "110067890G",
                      "187654329", "04-2456718", "1 Purchase Street", "New Bedford", "MA", "02740",
                      "Joana Medeiros", "Patient Accounts Manager", "jmedeiros@scchc.org",
                      "508-555-0154", "Dr. Lionel Pereira", "Chief Executive Officer"),
    "quinsig": org("Quinsigamond Medical Billing Associates", "QMBA", "business_partner", None, None,
                   "04-3875521", "100 Front Street", "Worcester", "MA", "01608",
                   "Aidan O'Rourke", "Operations Supervisor", "aorourke@qmba.net",
                   "774-555-0129", "Linda Chu", "Managing Director"),
    "lakeside": org("Lakeside Renal Care of Massachusetts, Inc.", None, "provider", "110012987H",
                    "143256879", "04-3677812", "820 Washington Street", "Braintree", "MA", "02184",
                    "Rafael Dominguez", "Reimbursement Analyst", "rdominguez@lakesiderenal.com",
                    "781-555-0192", "Sandra Kowalski", "Administrator"),
    "tidewater": org("Tidewater Clearinghouse Solutions, LLC", "Tidewater CS", "business_partner", None, None,
                     "54-1983320", "4100 Monument Corner Drive", "Fairfax", "VA", "22030",
                     "Grace Adeyemi", "Director, Payer Automation", "gadeyemi@tidewatercs.com",
                     "703-555-0148", "Philip Navarro", "Chief Executive Officer"),
}


def S1(o, tool, vendor, ver, names, hosting, txns, screens, sps, weekly, monthly, hours, golive, sdate,
       other=None, bot_count=None, **kw):
    d = dict(ORGS[o])
    d.update(rpa_tool_name=tool, rpa_tool_vendor=vendor, rpa_tool_version=ver,
             bot_count=bot_count or len(names), bot_names=names, hosting=hosting, transactions=sorted(txns),
             posc_screens=screens, screens_per_session=sps, avg_weekly_transactions=weekly,
             est_monthly_transactions=monthly, operating_hours=hours, planned_go_live=golive,
             transactions_other=other, attest=True, signature_date=sdate)
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def S2(o, s1no, tool, vendor, ver, txns, tested, tdate, nids, docs, sdate, **kw):
    d = dict(ORGS[o])
    d.update(stage1_approval_number=s1no, rpa_tool_name=tool, rpa_tool_vendor=vendor, rpa_tool_version=ver,
             transactions=sorted(txns), testing_completed=tested, testing_completed_date=tdate,
             user_ids_requested=nids, docs_enclosed=sorted(docs), attest=True, signature_date=sdate)
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def S2G(o, tool, vendor, ver, since, uids, nbots, sps, weekly, txns, tested, tdate, nids, docs, sdate, **kw):
    d = dict(ORGS[o])
    d.update(rpa_tool_name=tool, rpa_tool_vendor=vendor, rpa_tool_version=ver, operational_since=since,
             current_user_ids=uids, bot_count=nbots, screens_per_session=sps, avg_weekly_transactions=weekly,
             transactions=sorted(txns), testing_completed=tested, testing_completed_date=tdate,
             user_ids_requested=nids, docs_enclosed=sorted(docs), attest=True, signature_date=sdate)
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def MOD(o, s2no, uids, types, desc, eff, sdate, **kw):
    d = dict(ORGS[o])
    d.update(stage2_approval_number=s2no, rpa_user_ids=uids, modification_types=sorted(types),
             description=desc, effective_date=eff, attest=True, signature_date=sdate)
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def AV(o, s2no, uids, year, current, changes, sdate, **kw):
    d = dict(ORGS[o])
    d.update(stage2_approval_number=s2no, rpa_user_ids=uids, validation_year=year, info_current=current,
             unapproved_changes=changes, attest=True, signature_date=sdate)
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def AGR(o, sdate, signed=True, **kw):
    base = ORGS[o]
    d = {"org_legal_name": base["org_legal_name"], "signer_name": base["signer_name"],
         "signer_title": base["signer_title"], "signature_date": sdate, "signed": signed}
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def form_items(ft, values):
    """[(heading, [key, ...])] with the keys the form prints (blank ones too)."""
    return SECTIONS[ft]


# ----------------------------------------------------------------------------- reportlab engine
from reportlab.lib.colors import Color, black, white, HexColor  # noqa: E402
from reportlab.lib.pagesizes import letter, landscape  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402

FONT_FILES = {
    "DV": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DV-B": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "DVS": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DVS-B": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "DVM": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "DVM-B": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "CAR": "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "CAR-B": "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    "CAR-I": "/usr/share/fonts/truetype/crosextra/Carlito-Italic.ttf",
    "LS": "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "LS-B": "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "LSR": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "LSR-B": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "LSR-I": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    "LM": "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
    "LM-B": "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf",
}
for _n, _p in FONT_FILES.items():
    if os.path.exists(_p):
        pdfmetrics.registerFont(TTFont(_n, _p))


class Flow:
    """A printed form drawn line by line on a reportlab canvas."""

    def __init__(self, path, ft, pagesize=letter, margin=54, lf="DV-B", vf="DV", ls=9, vs=10,
                 mode="inline", sep=": ", value_x=220, gap=10, columns=1, gutter=24, marks="glyph",
                 footer=None, heading="rule", asterisk=False, lead=1.45, box_fill=None, mark_font="DV",
                 keep_blank_label=True, section_break=False, head_font=None, head_size=11):
        self.c = rl_canvas.Canvas(path, pagesize=pagesize, invariant=1)
        self.ft, self.W, self.H = ft, pagesize[0], pagesize[1]
        self.m, self.lf, self.vf, self.ls, self.vs = margin, lf, vf, ls, vs
        self.mode, self.sep, self.value_x, self.gap = mode, sep, value_x, gap
        self.columns, self.gutter, self.marks, self.footer_text = columns, gutter, marks, footer
        self.heading_style, self.asterisk, self.lead, self.box_fill = heading, asterisk, lead, box_fill
        self.mark_font, self.section_break = mark_font, section_break
        self.head_font, self.head_size = head_font or lf, head_size
        self.colw = (self.W - 2 * margin - (columns - 1) * gutter) / columns
        self.page, self.col, self.top = 1, 0, self.H - margin
        self.y = self.top

    # -- geometry
    @property
    def x(self):
        return self.m + self.col * (self.colw + self.gutter)

    def need(self, h):
        if self.y - h < self.m + 28:
            self.next_column()

    def next_column(self):
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.top
        else:
            self.new_page()

    def new_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.col, self.top = 0, self.H - self.m
        self.y = self.top

    def footer(self):
        if self.footer_text:
            self.c.setFont("DV", 7.5)
            self.c.setFillColor(black)
            t = self.footer_text.replace("{page}", str(self.page))
            self.c.drawString(self.m, self.m - 18, t)

    def save(self):
        self.footer()
        self.c.showPage()
        self.c.save()

    # -- text
    def text(self, s, font, size, x=None, color=black, width=None):
        x = self.x if x is None else x
        width = width or (self.colw - (x - self.x))
        lines = simpleSplit(s, font, size, width) or [""]
        for ln in lines:
            self.need(size * self.lead)
            self.y -= size * self.lead
            self.c.setFont(font, size)
            self.c.setFillColor(color)
            self.c.drawString(x, self.y, ln)
        return len(lines)

    def title(self, s, sub=None, size=15, font=None, align="left"):
        font = font or self.lf
        for ln in simpleSplit(s, font, size, self.W - 2 * self.m):
            self.y -= size * 1.3
            self.c.setFont(font, size)
            if align == "center":
                self.c.drawCentredString(self.W / 2, self.y, ln)
            else:
                self.c.drawString(self.m, self.y, ln)
        if sub:
            self.y -= 13
            self.c.setFont(self.vf, 8.5)
            if align == "center":
                self.c.drawCentredString(self.W / 2, self.y, sub)
            else:
                self.c.drawString(self.m, self.y, sub)
        self.y -= 8

    def heading(self, s):
        if self.section_break and self.y < self.top - 5:
            self.new_page()
        hs = self.heading_style
        self.need(40)
        self.y -= 10
        c = self.c
        if hs == "rule":
            self.y -= self.head_size + 2
            c.setFont(self.head_font, self.head_size)
            c.drawString(self.x, self.y, s)
            c.setLineWidth(0.8)
            c.line(self.x, self.y - 4, self.x + self.colw, self.y - 4)
            self.y -= 6
        elif hs == "double":
            self.y -= self.head_size + 4
            c.setFont(self.head_font, self.head_size)
            c.drawString(self.x, self.y, s.upper())
            c.setLineWidth(0.5)
            c.line(self.x, self.y + self.head_size + 2, self.x + self.colw, self.y + self.head_size + 2)
            c.line(self.x, self.y - 4, self.x + self.colw, self.y - 4)
            c.line(self.x, self.y - 6, self.x + self.colw, self.y - 6)
            self.y -= 8
        elif hs == "sidebar":
            self.y -= self.head_size + 4
            c.setFillColor(HexColor("#7a1f3d"))
            c.rect(self.x, self.y - 4, 5, self.head_size + 8, stroke=0, fill=1)
            c.setFont(self.head_font, self.head_size)
            c.drawString(self.x + 12, self.y, s)
            c.setFillColor(black)
            self.y -= 6
        elif hs == "slide":
            c.setFillColor(HexColor("#1d3557"))
            c.rect(0, self.H - 70, self.W, 70, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont(self.head_font, 24)
            c.drawString(self.m, self.H - 46, s)
            c.setFillColor(black)
            self.y = self.H - 100
        elif hs == "plain":
            self.y -= self.head_size + 2
            c.setFont(self.head_font, self.head_size)
            c.drawString(self.x, self.y, s)
            self.y -= 3

    # -- marks
    def draw_mark(self, x, y, size, on):
        c = self.c
        if self.marks == "vector":
            c.setLineWidth(0.7)
            c.rect(x, y - 1, size, size, stroke=1, fill=0)
            if on:
                c.setLineWidth(1.6)
                p = c.beginPath()
                p.moveTo(x + size * 0.18, y + size * 0.45)
                p.lineTo(x + size * 0.42, y + size * 0.12)
                p.lineTo(x + size * 0.92, y + size * 0.95)
                c.drawPath(p, stroke=1, fill=0)
                c.setLineWidth(0.7)
            return size + 4
        ch = self.on if on else self.off
        c.setFont(self.mark_font, size + 1)
        c.drawString(x, y, ch)
        return pdfmetrics.stringWidth(ch, self.mark_font, size + 1) + 3

    on, off = "☒", "☐"

    def marks_run(self, opts, x, width, size):
        """Options laid out left to right, wrapping; returns lines used."""
        cx, used = x, 1
        self.need(size * self.lead)
        self.y -= size * self.lead
        for lab, on in opts:
            w = size + 6 + pdfmetrics.stringWidth(lab, self.vf, size) + 14
            if cx + w > x + width and cx > x:
                self.need(size * self.lead)
                self.y -= size * self.lead
                cx, used = x, used + 1
            cx += self.draw_mark(cx, self.y, size, on)
            self.c.setFont(self.vf, size)
            self.c.setFillColor(black)
            self.c.drawString(cx, self.y, lab)
            cx += pdfmetrics.stringWidth(lab, self.vf, size) + 14
        return used

    # -- one field
    def field(self, key, values, st):
        ft = self.ft
        lab = label(ft, key)
        if self.asterisk and is_required(ft, key, values):
            lab += " *"
        val = display(ft, key, values, st)
        kind = F[key][1]
        if kind == "check" and isinstance(val, list):
            self.marks_run([(label(ft, key), val[0][1])], self.x, self.colw, self.vs)
            return
        if self.mode == "box":
            return self.field_box(lab, val)
        if self.mode == "above":
            self.text(lab, self.lf, self.ls)
            if isinstance(val, list):
                self.marks_run(val, self.x + 8, self.colw - 8, self.vs)
            else:
                for part in (val.split("\n") if val else []):
                    self.text(part, self.vf, self.vs, x=self.x + 8)
            self.y -= 3
            return
        # one-line modes: inline sep / column / gap
        c = self.c
        if self.mode == "inline":
            head = lab + self.sep.rstrip() if not val and not isinstance(val, list) else lab + self.sep
        else:
            head = lab
        lw = pdfmetrics.stringWidth(head, self.lf, self.ls)
        if self.mode == "column":
            if lw > self.value_x - 6:
                lines = simpleSplit(head, self.lf, self.ls, self.value_x - 8)
            else:
                lines = [head]
        else:
            lines = simpleSplit(head, self.lf, self.ls, self.colw * 0.62)
            lw = pdfmetrics.stringWidth(lines[-1], self.lf, self.ls)
        step = max(self.ls, self.vs) * self.lead
        self.need(step * (len(lines) + 1))
        if self.mode == "column":
            vx = self.x + self.value_x
        else:
            vx = self.x + lw + (self.gap if self.mode == "gap" else 2)
        y0 = self.y
        for ln in lines:
            self.y -= step
            c.setFont(self.lf, self.ls)
            c.setFillColor(black)
            c.drawString(self.x, self.y, ln)
        vy_top = y0 - step * (len(lines) - 1) if self.mode != "column" else y0
        end_y = self.y
        self.y = vy_top
        width = self.x + self.colw - vx
        if isinstance(val, list):
            self.marks_run(val, vx, width, self.vs)
        elif val:
            parts = []
            for part in val.split("\n"):
                parts += simpleSplit(part, self.vf, self.vs, width) or [""]
            for i, part in enumerate(parts):
                self.y -= step
                c.setFont(self.vf, self.vs)
                c.drawString(vx, self.y, part)
        else:
            self.y -= step
        self.y = min(self.y, end_y)

    def field_box(self, lab, val):
        c = self.c
        self.need(self.ls * 1.3 + 22)
        self.y -= self.ls * 1.35
        c.setFont(self.lf, self.ls)
        c.setFillColor(black)
        c.drawString(self.x, self.y, lab)
        if isinstance(val, list):
            y_before = self.y
            fill, self.box_fill = self.box_fill, None
            self.y -= 5
            n = self.marks_run(val, self.x + 5, self.colw - 10, self.vs)
            h = n * self.vs * self.lead + 8
            self.y = y_before - h - 4
            self._box(self.y, h)
            self.box_fill = fill
            self.y -= 3
            return
        parts = []
        for part in (val.split("\n") if val else [""]):
            parts += simpleSplit(part, self.vf, self.vs, self.colw - 10) or [""]
        h = len(parts) * self.vs * 1.3 + 8
        self.need(h + 2)
        top = self.y - 4
        self._box(top - h, h)
        yy = top - 4
        for part in parts:
            yy -= self.vs * 1.3 - 1
            c.setFont(self.vf, self.vs)
            c.setFillColor(black)
            c.drawString(self.x + 5, yy + 1, part)
        self.y = top - h - 3

    def _box(self, y, h):
        c = self.c
        c.saveState()
        if self.box_fill:
            c.setFillColor(self.box_fill)
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.rect(self.x, y, self.colw, h, stroke=1, fill=1 if self.box_fill else 0)
        c.restoreState()
        if self.box_fill:
            # redraw marks/text above fill is handled by drawing the box first for text boxes;
            pass


def draw_form(fl, ft, values, st, title=True, sub=None, skip=()):
    if title:
        fl.title(TITLES[ft], sub)
    for head, keys in SECTIONS[ft]:
        fl.heading(head)
        for k in keys:
            if k in skip:
                continue
            fl.field(k, values, st)


# ----------------------------------------------------------------------------- case registry
CASES = {}


def case(name, ft, ext, shape, drawn_with, description, problems=(), scan=False):
    def deco(fn):
        CASES[name] = dict(name=name, ft=ft, ext=ext, shape=list(shape), drawn_with=drawn_with,
                           description=description, problems=[{"code": c, "field": f} for c, f in problems],
                           scan=scan, fn=fn)
        return fn
    return deco


def out(name, ext):
    return os.path.join(HERE, f"{name}.{ext}")


def expected_fields(values):
    d = {}
    for k, v in values.items():
        if k == "attest" and not v:
            continue
        if v is None or v == "" or v == []:
            continue
        d[k] = v
    return d


def reorder(ft, moves):
    """SECTIONS[ft] with some sections' key order replaced: moves = {heading: [keys]}."""
    return [(h, moves.get(h, ks)) for h, ks in SECTIONS[ft]]


def draw_sections(fl, ft, values, st, sections):
    for head, keys in sections:
        fl.heading(head)
        for k in keys:
            fl.field(k, values, st)


def blank_problems(ft):
    probs = []
    for k in REQUIRED[ft]:
        probs.append(("not_attested" if k == "attest" else "missing_required", k))
    return probs


# ----------------------------------------------------------------------------- case data
D = {}
D["bx1"] = S1("harbor", "UiPath Studio", "UiPath, Inc.", "2025.10.3", ["HVK-Elig-01", "HVK-Status-02"],
              "on_premises", ["eligibility_inquiry", "claim_status"],
              ["Member Eligibility Search", "Eligibility Response", "Claim Status Search", "Claim Status Detail"],
              5, 900, 3600, "Mon-Sat 5:00 AM - 8:00 AM ET", "2026-05-01", "2026-03-18")
D["bx2"] = AV("merrimack", "RPA2-2025-00417", ["MVPTBOT01", "MVPTBOT02"], 2026, True, False, "2027-01-12")
D["hd1"] = S2G("capecod", "Blue Prism", "SS&C Blue Prism", None, "2021-03-15", ["CCBHP-RPA1", "CCBHP-RPA2"], 2, 7,
               1400, ["claim_submission", "claim_status", "remittance_advice"], True, "2026-06-30", 2,
               ["rpa_agreement", "systems_design", "test_scenarios"], "2026-07-09", org_dba=None,
               contact_title=None)
D["hd2"] = MOD("lakeside", "RPA2-2024-00288", ["LRC-BOT-A"], ["increase_screens"],
               "Raise the screens per session from 6 to 9 so the bot can open the claim detail and "
               "adjustment screens in one session.", "2027-01-04", "2026-11-20", new_screens_per_session=9,
               contact_email=None)
D["sp2"] = AV("southcoast", "RPA2-2025-00031", ["SCCHC01", "SCCHC02", "SCCHC03"], 2026, True, False, "2026-10-06")
D["sp3"] = S2G("quinsig", "Power Automate Desktop", "Microsoft Corporation", "2.49", "2020-11-02",
               ["QMBA_BOT_7", "QMBA_BOT_8", "QMBA_BOT_9"], 3, 5, 2250,
               ["eligibility_inquiry", "claim_status"], True, "2026-08-21", 3,
               ["rpa_agreement", "test_scenarios"], "2026-09-02", attest=False)
D["sp4"] = MOD("pioneer", "RPA2-2025-00102", ["PVHC-RPA-01", "PVHC-RPA-02"], ["replace_tool"],
               "Replace WorkFusion with Automation Anywhere A360 for both bots; same transactions and screens.",
               "2027-02-01", "2026-10-28", new_rpa_tool_name="Automation 360",
               new_rpa_tool_vendor="Automation Anywhere, Inc.")
D["mm1"] = S1("ledger", "Automation 360", "Automation Anywhere, Inc.", "v.37", ["LL-ELIG-A", "LL-ELIG-B", "LL-RA-C"],
              "cloud", ["eligibility_inquiry", "remittance_advice"],
              ["Eligibility Verification", "Eligibility Results", "Remittance Advice Search", "Remittance Advice Download"],
              4, 3000, 12000, "24x7 with a 1:00-3:00 AM maintenance window", "2026-06-15", "2026-04-22")
D["cv1"] = S2("berkshire", "RPA1-2026-00064", "UiPath Studio", "UiPath, Inc.", "2025.4",
              ["claim_submission", "claim_status"], True, "2026-08-14", 1,
              ["rpa_agreement", "systems_design", "test_scenarios"], "2026-08-27")
D["tc1"] = S1("nexus", "Robocorp", "Robocorp Technologies, Inc.", "Control Room 2026.2", ["NX-PA-1"],
              "vendor_hosted", ["prior_authorization", "other"], ["Prior Authorization Entry", "PA Status", "Provider Messages"],
              3, 250, 1000, "Business days 7:00 AM - 7:00 PM", "2026-09-01", "2026-05-29",
              other="Download provider correspondence letters from the POSC message center")
D["kn1"] = MOD("tidewater", "RPA2-2025-00377", ["TWCS-BOT-11"], ["add_sequential_transaction"],
               "After each claim status inquiry the bot will download the matching remittance advice in the same "
               "session.", "2027-01-15", "2026-11-05", added_transaction="remittance_advice", same_session=True)
D["ab1"] = S2G("granite", "Nintex RPA", "Nintex USA, Inc.", "22.3", "2019-09-30", ["GSBC-R1"], 1, 4, 600,
               ["eligibility_inquiry"], True, "2026-04-10", 1, ["rpa_agreement", "systems_design", "test_scenarios"],
               "2026-04-16")
D["vk1"] = S2("southcoast", "RPA1-2026-00119", "Power Automate", "Microsoft Corporation", "2.51",
              ["eligibility_inquiry", "prior_authorization"], True, "2026-09-18", 2,
              ["rpa_agreement", "systems_design", "test_scenarios"], "2026-09-25")
D["ls1"] = AV("keystone", "RPA2-2024-00190", ["KRP-POSC-01", "KRP-POSC-02", "KRP-POSC-03", "KRP-POSC-04"], 2026,
              True, False, "2026-06-03")
D["ag1"] = AGR("berkshire", "2026-08-27")
D["ag2"] = AGR("tidewater", None, signed=False)
D["af1"] = S2("harbor", "RPA1-2026-00051", "UiPath Studio", "UiPath, Inc.", "2025.10.3",
              ["eligibility_inquiry", "claim_status"], True, "2026-07-31", 2,
              ["rpa_agreement", "systems_design", "test_scenarios"], "2026-08-06")
D["af2"] = AV("capecod", "RPA2-2023-00012", ["CCBHP-RPA1", "CCBHP-RPA2"], 2026, True, False, "2026-09-14")
D["af3"] = AGR("harbor", "2026-08-06")
D["cc1"] = S2("merrimack", "RPA1-2026-00088", "Automation 360", "Automation Anywhere, Inc.", None,
              ["claim_adjustment", "claim_status"], True, "2026-10-02", 1,
              ["rpa_agreement", "systems_design", "test_scenarios"], "2026-10-13", org_dba=None)
D["cc2"] = AGR("merrimack", "2026-10-13")
D["cc3"] = MOD("keystone", "RPA2-2024-00190", ["KRP-POSC-03"], ["retire_bot"],
               "Retire bot KRP-POSC-03; its eligibility workload moves to KRP-POSC-01.", "2026-12-31", "2026-11-16")
D["lg1"] = S1("granite", "UiPath Studio", "UiPath, Inc.", "2024.10", ["GSBC-CLM-1", "GSBC-CLM-2"], "on_premises",
              ["claim_submission", "claim_adjustment", "claim_status"],
              ["Claim Entry", "Claim Adjustment", "Claim Status Search"], 8, 1800, None,
              "Mon-Fri 9:00 PM - 5:00 AM ET", "2026-07-20", "2026-06-11")
D["lg2"] = S2("lakeside", "RPA1-2025-00342", "Blue Prism", "SS&C Blue Prism", "7.3",
              ["claim_submission", "remittance_advice"], True, "2026-05-06", 2,
              ["rpa_agreement", "systems_design", "test_scenarios"], "2026-05-12")
D["lg2"]["npi"] = npi("143256879", good=False)
D["sp1"] = S1("quinsig", "Power Automate Desktop", "Microsoft Corporation", "2.49", ["QMBA_BOT_10", "QMBA_BOT_11"],
              "cloud", ["eligibility_inquiry"], ["Member Eligibility", "Eligibility Results"], 3, 700, 2800,
              "Weekdays 6 AM to 10 PM", "2026-08-03", "2026-07-14", bot_count=3)
D["nl1"] = S2G("pioneer", "WorkFusion", "WorkFusion, Inc.", "10.2", "2020-02-03", ["PVHC-RPA-01", "PVHC-RPA-02"], 2, 6,
               1100, ["eligibility_inquiry", "claim_submission"], True, "2026-02-20", 2,
               ["rpa_agreement", "systems_design", "test_scenarios"], "2026-03-02")
D["nl2"] = D["nl1"]
D["vm1"] = S1("berkshire", "UiPath Studio", "UiPath, Inc.", "2025.4", ["BHDG-BOT1"], "on_premises",
              ["claim_submission", "claim_status"], ["Dental Claim Entry", "Claim Status Search", "Claim Status Detail"],
              4, None, 1300, "Tue and Thu evenings", "2026-04-01", "2026-02-09")
D["gd1"] = AV("nexus", "RPA2-2025-00260", ["NXHDX-PA1"], 2026, True, False, "2026-11-02")
D["wb1"] = S1("tidewater", "Microsoft Power Automate", "Microsoft Corporation", "2.50", ["TW-STAT-1", "TW-STAT-2", "TW-STAT-3", "TW-STAT-4"],
              "cloud", ["claim_status", "remittance_advice", "claim_adjustment"],
              ["Claim Status Search", "Claim Status Results", "Remittance Advice", "Claim Adjustment"], 6, 5200, 20800,
              "Mon-Fri 8 PM - 4 AM ET", "2026-10-05", "2026-08-19")
D["wb2"] = MOD("quinsig", "RPA2-2025-00318", ["QMBA_BOT_7", "QMBA_BOT_8"], ["decrease_screens", "other"],
               "Lower the screens per session from 8 to 5 and move the bots to a new data center.",
               "2027-01-11", "2026-11-24", new_screens_per_session=5, fein="04-387552")


# ----------------------------------------------------------------------------- reportlab cases
@case("bx1_stage1_dashed_boxes_two_col_asterisk", "stage1", "pdf", [1], "reportlab canvas",
      "Printed Stage I (DejaVu Serif) in TWO newspaper columns: 7.5 pt bold label ending in ' *' for required "
      "fields (legend '* required field' under the title), the value in a DASHED box under the label; choice "
      "groups as ☒/☐ runs inside the box; lists '; '-separated. Dates 'March 18, 2026'; phone '(617) 555-0188'.")
def make_bx1(name, v):
    st = Style(date="long", phone="paren")
    fl = Flow(out(name, "pdf"), "stage1", lf="DVS-B", vf="DVS", ls=7.5, vs=9, mode="box", columns=2,
              asterisk=True, footer="Form RPA-S1 (Rev. 09/2026)   Page {page}", heading="rule", head_font="DVS-B")
    fl.title(TITLES["stage1"], "* required field", font="DVS-B")
    fl.top = fl.y
    draw_sections(fl, "stage1", v, st, SECTIONS["stage1"])
    fl.save()


@case("bx2_annual_grey_boxes_asterisk_future_date", "annual_validation", "pdf", [1, 11], "reportlab canvas",
      "Printed Annual Validation (Carlito): labels with a trailing ' *' on required fields, each value in a "
      "light-grey filled dashed box under its label, one box per row; yes/no as ☒ Yes ☐ No. PROBLEM: Date "
      "Signed 'January 12, 2027' is in the future.", problems=[("future_date", "signature_date")])
def make_bx2(name, v):
    st = Style(date="long", phone="dot")
    fl = Flow(out(name, "pdf"), "annual_validation", lf="CAR-B", vf="CAR", ls=9, vs=11, mode="box",
              asterisk=True, box_fill=HexColor("#ececec"), footer="RPA-AV  ·  MassHealth RPA Program", heading="plain",
              head_size=13)
    fl.title(TITLES["annual_validation"], "Fields marked * are required.", font="CAR-B", size=17)
    draw_sections(fl, "annual_validation", v, st, SECTIONS["annual_validation"])
    fl.save()


@case("hd1_s2g_blanks_before_double_rule_headings", "stage2_grandfathered", "pdf", [2, 6], "reportlab canvas",
      "Printed grandfathered Stage II (Liberation Sans) with 'Label: value' lines and CAPS headings between "
      "double rules. Three optional fields are BLANK and each is the last line before a heading: Primary "
      "Contact Title (before RPA TOOL), RPA Tool Version (before BOT OPERATIONS) and Doing Business As "
      "(moved to the end of its section, before PRIMARY CONTACT). Dates '03/15/2021'.")
def make_hd1(name, v):
    st = Style(date="us", phone="dash", list_sep=", ")
    fl = Flow(out(name, "pdf"), "stage2_grandfathered", lf="LS-B", vf="LS", ls=9, vs=9.5, mode="inline",
              heading="double", footer="Form RPA-S2G   rev. 2026", head_font="LS-B", head_size=10)
    fl.title(TITLES["stage2_grandfathered"], None, font="LS-B", size=14)
    secs = reorder("stage2_grandfathered", {
        "Organization Information": ["org_legal_name", "org_type", "provider_id", "npi", "fein", "street", "city",
                                     "state", "zip", "org_dba"],
        "Primary Contact": ["contact_name", "contact_email", "contact_phone", "contact_title"]})
    draw_sections(fl, "stage2_grandfathered", v, st, secs)
    fl.save()


@case("hd2_modification_sidebar_headings_missing_email", "modification", "pdf", [2, 11], "reportlab canvas",
      "Printed Modification (Liberation Serif) with headings marked by a maroon side bar; values in a column "
      "at 250 pt. Primary Contact Email is the last line of its section and is BLANK, directly followed by "
      "the 'Approved Registration' heading; the not-applicable fields (New RPA Tool, Transaction to Add, same "
      "session) are blank too. PROBLEM: Primary Contact Email (required) missing.",
      problems=[("missing_required", "contact_email")])
def make_hd2(name, v):
    st = Style(date="abbr", phone="paren", choices="typed")
    fl = Flow(out(name, "pdf"), "modification", lf="LSR-B", vf="LSR", ls=10, vs=10.5, mode="column", value_x=250,
              heading="sidebar", footer="MassHealth  |  Form RPA-MOD  |  page {page}", head_font="LSR-B", head_size=12)
    fl.title(TITLES["modification"], None, font="LSR-B", size=16)
    secs = reorder("modification", {"Primary Contact": ["contact_name", "contact_title", "contact_phone",
                                                         "contact_email"]})
    draw_sections(fl, "modification", v, st, secs)
    fl.save()


@case("sp2_annual_endash_lines", "annual_validation", "pdf", [6], "reportlab canvas",
      "Printed Annual Validation: every line 'Label – value' (en dash with spaces; DejaVu Sans 9, labels bold); "
      "yes/no typed 'Yes'/'No', the attestation typed 'Yes' after its label; RPA User ID(s) '; '-separated; "
      "blank optional DBA printed as 'Doing Business As (DBA) –'. Date '6 October 2026', phone '+1 508 555 0154'.")
def make_sp2(name, v):
    st = Style(date="dmy", phone="plus", choices="typed")
    v = dict(v)
    v.pop("org_dba", None)
    fl = Flow(out(name, "pdf"), "annual_validation", lf="DV-B", vf="DV", ls=9, vs=9, mode="inline", sep=" – ",
              heading="plain", footer="RPA-AV", head_size=10.5)
    fl.title(TITLES["annual_validation"], None, size=14)
    draw_sections(fl, "annual_validation", v, st, SECTIONS["annual_validation"])
    fl.save()
    return v


@case("sp3_s2g_equals_mono_unattested", "stage2_grandfathered", "pdf", [6, 11], "reportlab canvas",
      "Printed grandfathered Stage II in Liberation Mono: 'Label = value' lines, choices as '[X] Label  [ ] "
      "Label' runs (monospace brackets, not glyphs). PROBLEM: the attestation box '[ ]' is not ticked.",
      problems=[("not_attested", "attest")])
def make_sp3(name, v):
    st = Style(date="iso", phone="dash", marks=("[X]", "[ ]"))
    fl = Flow(out(name, "pdf"), "stage2_grandfathered", lf="LM-B", vf="LM", ls=8.5, vs=8.5, mode="inline", sep=" = ",
              heading="plain", footer="RPA-S2G", mark_font="LM", head_size=10)
    fl.on, fl.off = st.on, st.off
    fl.title(TITLES["stage2_grandfathered"], None, font="LM-B", size=12)
    draw_sections(fl, "stage2_grandfathered", v, st, SECTIONS["stage2_grandfathered"])
    fl.save()


@case("sp4_modification_ten_point_gap", "modification", "pdf", [6], "reportlab canvas",
      "Printed Modification (Carlito 10): each value starts exactly 10 pt after the end of its bold label "
      "(no colon, no leader); choices as ☒/☐ runs after the label. Replace RPA Tool with the new tool and "
      "vendor. Dates '10/28/2026' (US short), phone '413-555-0127'.")
def make_sp4(name, v):
    st = Style(date="us_short", phone="dash")
    fl = Flow(out(name, "pdf"), "modification", lf="CAR-B", vf="CAR", ls=10, vs=10, mode="gap", gap=10,
              heading="rule", footer="Form RPA-MOD", head_font="CAR-B", head_size=12)
    fl.title(TITLES["modification"], None, font="CAR-B", size=16)
    draw_sections(fl, "modification", v, st, SECTIONS["modification"])
    fl.save()


@case("mm1_stage1_email_memo", "stage1", "pdf", [6, 13], "reportlab canvas",
      "A Stage I TYPED INTO AN E-MAIL-STYLE MEMO and printed (Liberation Mono): a To/From/Date/Subject header, "
      "a greeting paragraph, then 'Label: value' lines with the choices typed as text ('Cloud', 'Business "
      "Partner', transactions '; '), lists ', '-separated, 'Attestation: Yes', a sign-off, and 'Form RPA-S1' "
      "in the subject and the last line. Number '3,000' with a separator; dates '2026-04-22'.")
def make_mm1(name, v):
    st = Style(date="iso", phone="plus_dash", choices="typed", list_sep=", ", commas=True)
    fl = Flow(out(name, "pdf"), "stage1", lf="LM", vf="LM", ls=9, vs=9, mode="inline", sep=": ", heading="plain",
              head_font="LM-B", head_size=9, lead=1.35)
    for ln in ["From:    Priya Raghunathan <priya.r@ledgerline.io>",
               "To:      RPA Functional Coordination <functional.coordination@example.org>",
               "Date:    Wed, 22 Apr 2026 09:14:07 -0400",
               "Subject: Stage I registration - Ledgerline Claims Services LLC (Form RPA-S1)"]:
        fl.text(ln, "LM", 9)
    fl.c.line(fl.m, fl.y - 6, fl.W - fl.m, fl.y - 6)
    fl.y -= 12
    fl.text("Hello MassHealth RPA team,", "LM", 9)
    fl.text("Our PDF reader would not save the fillable form, so below are the answers to the "
            + TITLES["stage1"] + ", typed in the order of the form.", "LM", 9)
    for head, keys in SECTIONS["stage1"]:
        fl.heading("--- " + head + " ---")
        for k in keys:
            if k == "attest":
                fl.text("Attestation (" + label("stage1", k) + "): Yes", "LM", 9)
            else:
                fl.field(k, v, st)
    fl.y -= 8
    fl.text("Thank you,", "LM", 9)
    fl.text("Priya", "LM", 9)
    fl.text("Form RPA-S1", "LM", 8)
    fl.save()


@case("cv1_stage2_cover_letter_first", "stage2", "pdf", [6, 13], "reportlab canvas",
      "A Stage II preceded by a COVER LETTER page (letterhead, date, address block, three paragraphs naming "
      "the Stage I number and the enclosures, signature). The form is on page 2: labels in a left column, "
      "values at 235 pt (Liberation Serif), choices as ☒/☐ runs; footer 'RPA-S2 (Rev. 10/2026)' on the form pages only. "
      "Dates 'August 27, 2026'.")
def make_cv1(name, v):
    st = Style(date="long", phone="paren")
    fl = Flow(out(name, "pdf"), "stage2", lf="LSR-B", vf="LSR", ls=9.5, vs=10, mode="column", value_x=235,
              heading="rule", head_font="LSR-B")
    c = fl.c
    c.setFont("LSR-B", 16)
    c.drawString(fl.m, fl.H - 60, "Berkshire Hills Dental Group")
    c.setFont("LSR", 9)
    c.drawString(fl.m, fl.H - 74, "12 Wendell Avenue · Pittsfield, MA 01201 · (413) 555-0110")
    c.line(fl.m, fl.H - 80, fl.W - fl.m, fl.H - 80)
    fl.y = fl.H - 110
    for ln in ["August 27, 2026", "", "MassHealth RPA Functional Coordination", "Provider Online Service Center",
               "Boston, MA", "", "Re: Stage II registration for our claims bot"]:
        fl.text(ln, "LSR", 10.5)
    fl.y -= 10
    for para in ["Dear Coordinator,",
                 "Please find enclosed our Stage II Registration Form for the bot approved under Stage I "
                 "approval number RPA1-2026-00064. Testing in the Trading Partner Testing Environment was completed "
                 "on August 14, 2026.",
                 "Enclosed with this letter are the signed MassHealth RPA Agreement, our Systems Design "
                 "Documentation and the Test Scenarios that were executed.",
                 "Please contact our office administrator, Colleen Murphy, with any questions.",
                 "Sincerely,", "", "Dr. Arjun Mehta", "Owner, DMD"]:
        fl.text(para, "LSR", 10.5)
        fl.y -= 4
    c.showPage()
    fl.page = 2
    fl.y = fl.top
    fl.footer_text = "RPA-S2 (Rev. 10/2026)"
    fl.title(TITLES["stage2"], None, font="LSR-B", size=15)
    draw_sections(fl, "stage2", v, st, SECTIONS["stage2"])
    fl.save()


@case("tc1_stage1_two_column_flow", "stage1", "pdf", [6, 13], "reportlab canvas",
      "Printed Stage I in TWO COLUMNS that flow (left column top to bottom, then the right one; Liberation Sans "
      "8.5): 'Label: value' lines that wrap inside the narrow column, ☒/☐ choice runs wrapping to several lines, "
      "lists one per line. Relationship entity (no PID/SL or NPI printed). Other DDE Activity with its "
      "description. Dates 'May 29th, 2026' (ordinal).")
def make_tc1(name, v):
    st = Style(date="ordinal", phone="dot", list_sep="\n")
    fl = Flow(out(name, "pdf"), "stage1", lf="LS-B", vf="LS", ls=8.5, vs=8.5, mode="inline", columns=2,
              heading="rule", footer="RPA-S1   MassHealth RPA Stage I", head_font="LS-B", head_size=10)
    fl.title(TITLES["stage1"], None, font="LS-B", size=15)
    fl.top = fl.y
    secs = [(h, [k for k in ks if k not in ("provider_id", "npi")]) for h, ks in SECTIONS["stage1"]]
    draw_sections(fl, "stage1", v, st, secs)
    fl.save()


@case("kn1_modification_slides_16x9", "modification", "pdf", [6, 13], "reportlab canvas",
      "A Modification laid out like a Keynote/Pages slide deck: 16:9 landscape pages (960x540), one section per "
      "slide under a navy title band, 15 pt labels left and values in a column at 390 pt, ☒/☐ marks; the form "
      "title on its own first slide with 'RPA-MOD' under it. Add Sequential Transaction (Remittance Advice "
      "Download), same session Yes. Dates 'Thursday, November 5, 2026'.")
def make_kn1(name, v):
    st = Style(date="weekday", phone="paren")
    fl = Flow(out(name, "pdf"), "modification", pagesize=(960, 540), margin=48, lf="CAR-B", vf="CAR", ls=15, vs=15,
              mode="column", value_x=390, heading="slide", section_break=True, head_font="CAR-B", lead=1.5,
              footer="RPA-MOD  ·  slide {page}")
    c = fl.c
    c.setFillColor(HexColor("#1d3557"))
    c.rect(0, 0, 960, 540, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("CAR-B", 34)
    c.drawCentredString(480, 300, TITLES["modification"])
    c.setFont("CAR", 20)
    c.drawCentredString(480, 250, "RPA-MOD  ·  Tidewater Clearinghouse Solutions, LLC")
    c.setFillColor(black)
    fl.new_page()
    draw_sections(fl, "modification", v, st, SECTIONS["modification"])
    fl.save()


@case("ab1_s2g_label_above_no_box_mixed_dates", "stage2_grandfathered", "pdf", [6, 13], "reportlab canvas",
      "Printed grandfathered Stage II with each LABEL ABOVE its value (small bold label, value on the "
      "next line indented 8 pt, NO box or rule; DejaVu Sans); dates written three ways on one form: "
      "'09/30/2019' (operational since), '10 April 2026' (testing), 'Apr 16, 2026' (signed); phone "
      "'603-555-0135 x31' with an extension; ☒/☐ choice runs.")
def make_ab1(name, v):
    st = Style(date="abbr", phone="x", dates={"operational_since": "us", "testing_completed_date": "dmy"})
    fl = Flow(out(name, "pdf"), "stage2_grandfathered", lf="DV-B", vf="DV", ls=7.5, vs=10, mode="above",
              heading="plain", footer="RPA-S2G", head_size=11.5)
    fl.title(TITLES["stage2_grandfathered"], None, size=13)
    draw_sections(fl, "stage2_grandfathered", v, st, SECTIONS["stage2_grandfathered"])
    fl.save()


@case("vk1_stage2_vector_checkmarks", "stage2", "pdf", [6, 13], "reportlab canvas",
      "Printed Stage II whose check marks are VECTOR GRAPHICS: every option has a stroked square and the ticked "
      "ones a drawn check-mark path (no glyph in the text layer, so only the drawing shows what is ticked); "
      "labels left, values in a column at 240 pt (DejaVu Serif). Dates '09/25/2026'.")
def make_vk1(name, v):
    st = Style(date="us", phone="paren")
    fl = Flow(out(name, "pdf"), "stage2", lf="DVS-B", vf="DVS", ls=8.5, vs=9, mode="column", value_x=240,
              heading="rule", footer="Form RPA-S2", marks="vector", head_font="DVS-B")
    fl.title(TITLES["stage2"], None, font="DVS-B", size=14)
    draw_sections(fl, "stage2", v, st, SECTIONS["stage2"])
    fl.save()


AGR_TEXT = [
    "This Agreement is entered into between the Massachusetts Executive Office of Health and Human Services, "
    "Office of Medicaid (MassHealth), and the organization named below, which will operate one or more Robotic "
    "Process Automation (RPA) bots on the Provider Online Service Center (POSC).",
    "1. The organization will operate only the bots and transactions approved by MassHealth and will use only "
    "the RPA User IDs assigned to those bots.",
    "2. The organization will submit a Modification Request before changing the RPA tool, the POSC screens per "
    "session or the transactions of an approved bot, and will validate its registration every year.",
    "3. The organization is responsible for every action a bot takes on the POSC and will protect member "
    "information as the MassHealth provider agreement and federal and state law require.",
    "4. MassHealth may suspend or revoke a bot's access at any time for misuse or for activity that degrades "
    "POSC performance.",
]


def scen_counts(rows):
    txns = sorted({r[1] for r in rows})
    return txns, {t: sum(1 for r in rows if r[1] == t and r[5]) for t in txns}


TS = {
    "ts1": [("TS-01", "eligibility_inquiry", "Member Eligibility Search; Eligibility Response",
             "Eligibility returned for a valid member", "Eligibility returned", True),
            ("TS-02", "eligibility_inquiry", "Member Eligibility Search", "Error shown for an invalid member ID",
             "Error message shown", True),
            ("TS-03", "claim_status", "Claim Status Search; Claim Status Detail", "Status of a paid claim shown",
             "Paid status shown", True),
            ("TS-04", "claim_status", "Claim Status Search", "Status of a denied claim shown with reason",
             "Reason code missing", False)],
    "ts2": [("1", "claim_submission", "Claim Entry", "Claim accepted with an ICN", "ICN returned", True),
            ("2", "claim_submission", "Claim Entry", "Duplicate claim rejected", "Duplicate not detected", False),
            ("3", "remittance_advice", "Remittance Advice Search; Download", "835 file downloaded", "File saved", True),
            ("4", "remittance_advice", "Remittance Advice Search", "No-data message for an empty week",
             "Message shown", True),
            ("5", "claim_submission", "Claim Entry; Claim Confirmation", "Claim with 3 lines accepted",
             "Accepted", True)],
    "ts3": [("S-100", "claim_submission", "Dental Claim Entry", "Single-line claim accepted", "Accepted, ICN issued", True),
            ("S-101", "claim_submission", "Dental Claim Entry", "Multi-line claim accepted", "Accepted", True),
            ("S-102", "claim_status", "Claim Status Search; Claim Status Detail", "Pending claim shows 'In Process'",
             "Shows 'In Process'", True),
            ("S-103", "claim_status", "Claim Status Search", "Search by date range returns all claims",
             "Timed out after 60 s", False),
            ("S-104", "claim_status", "Claim Status Detail", "Detail page opens from results", "Opened", True)],
    "wb3": [("PA-1", "prior_authorization", "Prior Authorization Entry", "Request submitted, tracking number shown",
             "Tracking number shown", True),
            ("PA-2", "prior_authorization", "PA Status", "Status of a pending request shown", "Status shown", True),
            ("PA-3", "prior_authorization", "Prior Authorization Entry", "Attachment upload accepted",
             "Upload failed (size limit)", False),
            ("EL-1", "eligibility_inquiry", "Member Eligibility Search", "Eligibility returned for a valid member",
             "Eligibility returned", True),
            ("EL-2", "eligibility_inquiry", "Eligibility Results", "Managed care plan shown", "Plan not shown", False)],
}
TS_COLS = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result", "Pass/Fail"]


def ts_values(key):
    t, pc = scen_counts(TS[key])
    return {"transactions": t, "scenario_pass_counts": pc}


D["vm2"] = D["vm1"]
for _k in TS:
    D[_k] = ts_values(_k)
D["sn6"] = D["ts3"]
D["sd1"] = {"transactions": ["eligibility_inquiry", "claim_submission"]}
D["sd2"] = {"transactions": ["claim_status", "prior_authorization", "remittance_advice"]}


@case("ls1_annual_landscape_four_col_table", "annual_validation", "pdf", [6, 13], "reportlab platypus Table",
      "Annual Validation printed as ONE LANDSCAPE TABLE (Liberation Sans 8.5): four columns label | value | "
      "label | value with grey label cells and shaded section rows spanning the width; choices typed "
      "('Business Partner', 'Yes', 'No', attestation 'Yes'); RPA User ID(s) one per line in their cell; phone "
      "'(215) 555-0199 ext. 214' with an EXTENSION. Date 'Jun 3, 2026'.")
def make_ls1(name, v):
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    st = Style(date="abbr", phone="ext", choices="typed", list_sep="\n")
    ps = ParagraphStyle("v", fontName="LS", fontSize=8.5, leading=10.5)
    pl = ParagraphStyle("l", fontName="LS-B", fontSize=8, leading=10)
    ft = "annual_validation"
    rows, styles = [], []
    for head, keys in SECTIONS[ft]:
        styles.append(("SPAN", (0, len(rows)), (3, len(rows))))
        styles.append(("BACKGROUND", (0, len(rows)), (3, len(rows)), HexColor("#c9d6e3")))
        rows.append([Paragraph("<b>" + head + "</b>", ps), "", "", ""])
        for i in range(0, len(keys), 2):
            row = []
            for k in keys[i:i + 2]:
                val = display(ft, k, v, st)
                row += [Paragraph(html.escape(label(ft, k)), pl),
                        Paragraph(html.escape(val).replace("\n", "<br/>"), ps)]
            while len(row) < 4:
                row += ["", ""]
            styles.append(("BACKGROUND", (0, len(rows)), (0, len(rows)), HexColor("#f0f0f0")))
            styles.append(("BACKGROUND", (2, len(rows)), (2, len(rows)), HexColor("#f0f0f0")))
            rows.append(row)
    t = Table(rows, colWidths=[150, 200, 150, 200])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, black), ("VALIGN", (0, 0), (-1, -1), "TOP")] + styles))

    def foot(c, d):
        c.setFont("LS", 7)
        c.drawString(46, 24, "Form RPA-AV  ·  MassHealth RPA Annual Validation")
    doc = SimpleDocTemplate(out(name, "pdf"), pagesize=landscape(letter), leftMargin=46, rightMargin=46,
                            topMargin=40, bottomMargin=40, invariant=1)
    doc.build([Paragraph("<b>" + TITLES[ft] + "</b>", ParagraphStyle("t", fontName="LS-B", fontSize=15, leading=19)),
               Spacer(1, 8), t], onFirstPage=foot, onLaterPages=foot)


def agreement_pdf(path, v, font="DVS", bold="DVS-B", italic=None, signed=True):
    c = rl_canvas.Canvas(path, pagesize=letter, invariant=1)
    y = 730
    c.setFont(bold, 16)
    c.drawCentredString(306, y, TITLES["rpa_agreement"])
    y -= 30
    for para in AGR_TEXT:
        for ln in simpleSplit(para, font, 10, 500):
            c.setFont(font, 10)
            c.drawString(56, y, ln)
            y -= 13.5
        y -= 6
    y -= 14
    rows = [("Organization Legal Name", v.get("org_legal_name", "")),
            ("Signature", ("/s/ " + v["signer_name"]) if signed else ""),
            ("Authorized Signatory Name", v.get("signer_name", "")),
            ("Authorized Signatory Title", v.get("signer_title", "")),
            ("Date Signed", fdate(v["signature_date"], "long") if v.get("signature_date") else "")]
    for lab, val in rows:
        c.setFont(bold, 9.5)
        c.drawString(56, y, lab + ":")
        c.line(230, y - 3, 540, y - 3)
        if val:
            c.setFont(italic if (lab == "Signature" and italic) else font, 11)
            c.drawString(236, y, val)
        y -= 30
    c.setFont(font, 7.5)
    c.drawString(56, 40, "Form RPA-AGR")
    c.save()


@case("ag1_agreement_printed_signed", "rpa_agreement", "pdf", [9], "reportlab canvas",
      "Printed RPA Agreement (DejaVu Serif): five paragraphs, then 'Label:' + rule lines with the values typed on "
      "the rules; Signature typed '/s/ Dr. Arjun Mehta' in italic; Date Signed 'August 27, 2026'. Signed. Goes "
      "with cv1.")
def make_ag1(name, v):
    agreement_pdf(out(name, "pdf"), v, italic="LSR-I")


@case("ag2_agreement_printed_unsigned", "rpa_agreement", "pdf", [9, 11], "reportlab canvas",
      "Printed RPA Agreement (Carlito): organization, signatory name and title typed; the Signature and Date "
      "Signed rules are EMPTY. Not signed.", problems=[("unsigned", "signed"), ("missing_required", "signature_date")])
def make_ag2(name, v):
    agreement_pdf(out(name, "pdf"), v, font="CAR", bold="CAR-B", signed=False)


def ts_table_pdf(path, rows, title, intro, font="LS", bold="LS-B"):
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    ps = ParagraphStyle("v", fontName=font, fontSize=8.5, leading=10.5)
    data = [[Paragraph("<b>%s</b>" % h, ps) for h in TS_COLS]]
    for r in rows:
        data.append([Paragraph(html.escape(x), ps) for x in
                     (r[0], TXN_LABEL[r[1]], r[2], r[3], r[4], "Pass" if r[5] else "Fail")])
    t = Table(data, colWidths=[60, 150, 150, 150, 130, 50], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, HexColor("#555555")),
                           ("BACKGROUND", (0, 0), (-1, 0), HexColor("#dde7d0")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(path, pagesize=landscape(letter), leftMargin=40, rightMargin=40, topMargin=40,
                            bottomMargin=40, invariant=1)
    doc.build([Paragraph("<b>%s</b>" % title, ParagraphStyle("t", fontName=bold, fontSize=15, leading=19)),
               Spacer(1, 6), Paragraph(intro, ps), Spacer(1, 10), t])


@case("ts3_test_scenarios_landscape_table", "test_scenarios", "pdf", [9], "reportlab platypus Table",
      "Printed Test Scenarios (landscape, Liberation Sans): title 'Test Scenarios – Berkshire Hills Dental Group', "
      "an intro sentence, the six-column table with a green header; five scenarios, S-103 (Claim Status Inquiry) "
      "fails. Goes with vm1 / cv1.")
def make_ts3(name, v):
    ts_table_pdf(out(name, "pdf"), TS["ts3"], "Test Scenarios – Berkshire Hills Dental Group",
                 "Scenarios executed end to end in the MassHealth Trading Partner Testing Environment, "
                 "August 3-14, 2026, for bot BHDG-BOT1.")


# ----------------------------------------------------------------------------- AcroForm cases
def acro_form(path, ft, v, st, names, value_x=250, font="Helvetica", fs=9, title=True, footer=None,
              opt_name=None, radio_val=None, label_font="Helvetica", lines=None):
    """Fillable form: printed labels left, widgets right. names(key) -> field name; opt_name(key, optkey)
    -> checkbox name for set options; radio_val(key, optkey) -> radio export value."""
    c = rl_canvas.Canvas(path, pagesize=letter, invariant=1)
    af = c.acroForm
    W, H, m = 612, 792, 50
    y = [H - m]

    def need(h):
        if y[0] - h < m + 20:
            if footer:
                c.setFont("Helvetica", 7)
                c.drawString(m, m - 20, footer)
            c.showPage()
            y[0] = H - m

    if title:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(m, y[0] - 14, TITLES[ft])
        y[0] -= 30
    for head, keys in (lines or SECTIONS[ft]):
        need(40)
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(m, y[0] - 12, head)
        c.line(m, y[0] - 15, W - m, y[0] - 15)
        y[0] -= 24
        for k in keys:
            kind, opts = F[k][1], F[k][2]
            lab = label(ft, k)
            val = v.get(k)
            if kind in ("set", "one", "yn"):
                n = len(opts)
                rows = (n + 1) // 2 if n > 2 else 1
                need(16 * rows + 14)
                c.setFont(label_font, 8.5)
                for i, ln in enumerate(simpleSplit(lab, label_font, 8.5, value_x - m - 8)):
                    c.drawString(m, y[0] - 11 - i * 10, ln)
                for i, (ok, olab) in enumerate(opts):
                    col, row = (i % 2, i // 2) if n > 2 else (i, 0)
                    cw = 150 if n > 2 else 110
                    xx, yy = value_x + col * cw, y[0] - 13 - row * 16
                    if kind == "set":
                        af.checkbox(name=opt_name(k, ok), checked=bool(val and ok in val), x=xx, y=yy, size=10,
                                    buttonStyle="check", borderWidth=0.8)
                    else:
                        af.radio(name=names(k), value=radio_val(k, ok), selected=(val == ok), x=xx, y=yy, size=10,
                                 buttonStyle="circle", borderWidth=0.8)
                    c.setFont("Helvetica", 8)
                    c.drawString(xx + 13, yy + 2, olab)
                y[0] -= 16 * rows + 8
            elif kind == "check":
                need(30)
                af.checkbox(name=names(k), checked=bool(val), x=m, y=y[0] - 13, size=10, buttonStyle="check",
                            borderWidth=0.8)
                c.setFont(label_font, 8.5)
                c.drawString(m + 14, y[0] - 11, lab)
                y[0] -= 22
            else:
                txt = display(ft, k, v, st) if val is not None else ""
                multi = kind == "list" or k == "description"
                h = 30 if multi else 16
                need(h + 6)
                c.setFont(label_font, 8.5)
                for i, ln in enumerate(simpleSplit(lab, label_font, 8.5, value_x - m - 8)):
                    c.drawString(m, y[0] - 11 - i * 10, ln)
                kw = dict(fieldFlags="multiline") if multi else {}
                af.textfield(name=names(k), value=txt, x=value_x, y=y[0] - h - 1, width=W - m - value_x, height=h,
                             fontName=font, fontSize=fs if not multi else 8, borderWidth=0.6, borderColor=black,
                             fillColor=Color(0.93, 0.95, 1), textColor=black, **kw)
                y[0] -= h + 7
    if footer:
        c.setFont("Helvetica", 7)
        c.drawString(m, m - 20, footer)
    c.save()


def nest_dotted_names(path):
    """Turn flat dotted /T names ('org.legalName') into a real /Parent-/Kids field hierarchy."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
    w = PdfWriter(clone_from=PdfReader(path))
    acro = w._root_object["/AcroForm"]
    roots, nodes = ArrayObject(), {}

    def node(fullname):
        if fullname in nodes:
            return nodes[fullname]
        parts = fullname.split(".")
        d = DictionaryObject({NameObject("/T"): TextStringObject(parts[-1]), NameObject("/Kids"): ArrayObject()})
        ref = w._add_object(d)
        if len(parts) > 1:
            pref = node(".".join(parts[:-1]))
            d[NameObject("/Parent")] = pref
            pref.get_object()["/Kids"].append(ref)
        else:
            roots.append(ref)
        nodes[fullname] = ref
        return ref

    for ref in list(acro["/Fields"]):
        f = ref.get_object()
        t = str(f.get("/T", ""))
        if "." in t:
            parent, leaf = t.rsplit(".", 1)
            pref = node(parent)
            f[NameObject("/T")] = TextStringObject(leaf)
            f[NameObject("/Parent")] = pref
            pref.get_object()["/Kids"].append(ref)
        else:
            roots.append(ref)
    acro[NameObject("/Fields")] = roots
    with open(path, "wb") as fh:
        w.write(fh)


AF1_NAMES = {"org_legal_name": "org.legalName", "org_dba": "org.dba", "org_type": "org.type",
             "provider_id": "org.pidsl", "npi": "org.npi", "fein": "org.fein", "street": "org.address.street",
             "city": "org.address.city", "state": "org.address.state", "zip": "org.address.zip",
             "contact_name": "contact.name", "contact_title": "contact.title", "contact_email": "contact.email",
             "contact_phone": "contact.phone", "stage1_approval_number": "stage1.approvalNumber",
             "rpa_tool_name": "tool.product", "rpa_tool_vendor": "tool.vendor", "rpa_tool_version": "tool.version",
             "transactions": "txn", "testing_completed": "testing.completed",
             "testing_completed_date": "testing.completionDate", "user_ids_requested": "userIds.count",
             "docs_enclosed": "docs", "attest": "sign.attest", "signer_name": "sign.name",
             "signer_title": "sign.title", "signature_date": "sign.date"}


@case("af1_stage2_fill_nested_names", "stage2", "pdf", [8], "reportlab acroForm + pypdf (field hierarchy)",
      "Fillable Stage II with MEANINGFUL names in a real /Parent-/Kids HIERARCHY (org > address > street, "
      "contact > email, txn > claim_status, docs > test_scenarios, sign > attest): full names like "
      "'org.address.city', 'txn.eligibility_inquiry'; checkboxes export /Yes; Organization Type and Testing "
      "completed are radio groups with export values /provider.. and /yes /no. Dates typed '07/31/2026'.")
def make_af1(name, v):
    st = Style(date="us", phone="dash")
    p = out(name, "pdf")
    acro_form(p, "stage2", v, st, names=lambda k: AF1_NAMES[k],
              opt_name=lambda k, o: AF1_NAMES[k] + "." + o,
              radio_val=lambda k, o: {True: "yes", False: "no"}.get(o, o) if not isinstance(o, str) else o,
              footer="RPA-S2 fillable (Rev. 10/2026)")
    nest_dotted_names(p)


@case("af2_annual_fill_opaque_untitled", "annual_validation", "pdf", [8], "reportlab acroForm",
      "Fillable Annual Validation whose field names are OPAQUE and sequential ('untitledN' numbered in form order, "
      "the attestation checkbox 'untitled20'; Organization Type and the yes/no questions radio groups 'untitled32', "
      "'untitled30', 'untitled31' with kids exporting /0 /1 /2), no tooltips: only the printed label LEFT of each widget says what it is. Font Courier in the "
      "widgets; date '09/14/2026'; phone '508-555-0141'.")
def make_af2(name, v):
    st = Style(date="us", phone="dash")
    order = [k for _, ks in SECTIONS["annual_validation"] for k in ks]
    nm = {k: f"untitled{i + 1}" for i, k in enumerate(order)}
    nm["info_current"], nm["unapproved_changes"], nm["org_type"] = "untitled30", "untitled31", "untitled32"
    acro_form(out(name, "pdf"), "annual_validation", v, st, names=lambda k: nm[k],
              opt_name=lambda k, o: f"untitled{20 + [x for x, _ in F[k][2]].index(o)}",
              radio_val=lambda k, o: "0" if o in (True, "provider") else ("1" if o in (False, "business_partner") else "2"),
              font="Courier", footer="RPA-AV", label_font="Times-Roman")


@case("af3_agreement_fill_signed_by_name_date", "rpa_agreement", "pdf", [8, 9], "reportlab acroForm",
      "Fillable RPA Agreement: agreement text on the page, fields AgreementOrgName, SignatoryName, "
      "SignatoryTitle, DateSigned filled; the 'Signature' text field is left EMPTY (no /s/), so it counts as "
      "signed by SPEC 2.9 only because the signer's name and the date are filled. Date '08/06/2026'. Goes with af1.")
def make_af3(name, v):
    c = rl_canvas.Canvas(out(name, "pdf"), pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(56, 740, TITLES["rpa_agreement"])
    y = 710
    for para in AGR_TEXT:
        for ln in simpleSplit(para, "Helvetica", 9.5, 500):
            c.setFont("Helvetica", 9.5)
            c.drawString(56, y, ln)
            y -= 12.5
        y -= 6
    y -= 16
    af = c.acroForm
    for lab, nm, val in [("Organization Legal Name", "AgreementOrgName", v["org_legal_name"]),
                         ("Signature", "Signature", ""),
                         ("Authorized Signatory Name", "SignatoryName", v["signer_name"]),
                         ("Authorized Signatory Title", "SignatoryTitle", v["signer_title"]),
                         ("Date Signed", "DateSigned", fdate(v["signature_date"], "us"))]:
        c.setFont("Helvetica-Bold", 9)
        c.drawString(56, y + 4, lab)
        af.textfield(name=nm, value=val, x=220, y=y - 2, width=320, height=18, fontName="Helvetica", fontSize=10,
                     borderWidth=0.6, fillColor=Color(0.95, 0.95, 0.95), textColor=black)
        y -= 30
    c.setFont("Helvetica", 7)
    c.drawString(56, 40, "RPA-AGR")
    c.save()


def ts_fillable(path, rows, nrows, name_of, title, passfail_text):
    c = rl_canvas.Canvas(path, pagesize=landscape(letter), invariant=1)
    af = c.acroForm
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, 570, title)
    c.setFont("Helvetica", 9)
    c.drawString(40, 553, "List each scenario executed in the Trading Partner Testing Environment, one per row.")
    widths = [62, 150, 150, 150, 150, 60]
    x0, y = 40, 530
    x = x0
    for h, wd in zip(TS_COLS, widths):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(x + 2, y, h)
        x += wd
    y -= 8
    for i in range(nrows):
        y -= 26
        x = x0
        r = rows[i] if i < len(rows) else None
        vals = (r[0], TXN_LABEL[r[1]], r[2], r[3], r[4], passfail_text(r[5])) if r else ("",) * 6
        for j, (col, wd) in enumerate(zip(TS_COLS, widths)):
            af.textfield(name=name_of(i + 1, col), value=vals[j], x=x, y=y, width=wd - 3, height=22,
                         fontName="Helvetica", fontSize=7.5, borderWidth=0.5, fillColor=white, textColor=black)
            x += wd
    c.save()


@case("ts1_test_scenarios_fill_row_hierarchy", "test_scenarios", "pdf", [3, 9], "reportlab acroForm + pypdf (field hierarchy)",
      "Fillable Test Scenarios (landscape): one /Kids parent per row ('Row1' .. 'Row8') with children "
      "'ScenarioID', 'Transaction', 'Screens', 'Expected', 'Actual' and 'Pass/Fail' (full names "
      "'Row1.Transaction', 'Row1.Pass/Fail'); Pass/Fail typed 'Pass' / 'Fail'; rows 5-8 empty. TS-04 (Claim "
      "Status Inquiry) fails. Goes with af1.")
def make_ts1(name, v):
    p = out(name, "pdf")
    cols = dict(zip(TS_COLS, ["ScenarioID", "Transaction", "Screens", "Expected", "Actual", "Pass/Fail"]))
    ts_fillable(p, TS["ts1"], 8, lambda i, col: f"Row{i}.{cols[col]}", "Test Scenarios – Harborview Pediatric Associates",
                lambda ok: "Pass" if ok else "Fail")
    nest_dotted_names(p)


@case("ts2_test_scenarios_fill_flat_names_passed_failed", "test_scenarios", "pdf", [3, 9], "reportlab acroForm",
      "Fillable Test Scenarios with FLAT names 'Row1.Transaction', 'Row1.Pass/Fail' (the dot and slash inside one "
      "/T string, no hierarchy) — 10 rows, rows 6-10 empty; the result column holds 'Passed' / 'Failed' "
      "(words, not Pass/Fail). Scenario 2 (Claim Submission (DDE)) failed. Goes with lg2.")
def make_ts2(name, v):
    cols = dict(zip(TS_COLS, ["ScenarioID", "Transaction", "Screens", "Expected", "Actual", "Pass/Fail"]))
    ts_fillable(out(name, "pdf"), TS["ts2"], 10, lambda i, col: f"Row{i}.{cols[col]}",
                "Test Scenarios", lambda ok: "Passed" if ok else "Failed")


# ----------------------------------------------------------------------------- DOCX helpers
import docx  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402,F401
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, Inches, RGBColor  # noqa: E402

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def esc(s):
    return html.escape(str(s), quote=True)


def new_doc(font="Calibri", size=10.5):
    d = docx.Document()
    stl = d.styles["Normal"]
    stl.font.name = font
    stl.font.size = Pt(size)
    rpr = stl.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(a), font)
    for s in d.sections:
        s.left_margin = s.right_margin = Inches(0.9)
        s.top_margin = s.bottom_margin = Inches(0.8)
    return d


def footer(d, text):
    p = d.sections[0].footer.paragraphs[0]
    p.text = text
    p.runs[0].font.size = Pt(8)


def add_block(d, xml):
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def sdt_run(tag, alias, inner_pr, content_runs, placeholder=False):
    ph = "<w:showingPlcHdr/>" if placeholder else ""
    return (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{esc(alias)}"/><w:tag w:val="{esc(tag)}"/>{ph}{inner_pr}'
            f'</w:sdtPr><w:sdtContent>{content_runs}</w:sdtContent></w:sdt>')


def run(text, ph=False, bold=False, font=None):
    rp = ""
    if ph or bold or font:
        rp = "<w:rPr>" + ('<w:rStyle w:val="PlaceholderText"/>' if ph else "") + \
             (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>' if font else "") + \
             ("<w:b/>" if bold else "") + ("<w:color w:val=\"808080\"/>" if ph else "") + "</w:rPr>"
    parts = str(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{esc(p)}</w:t>' for p in parts)
    return f"<w:r>{rp}{body}</w:r>"


def cc_checkbox(tag, alias, on):
    pr = ('<w14:checkbox><w14:checked w14:val="%d"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
          '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>') % (1 if on else 0)
    return sdt_run(tag, alias, pr, run("☒" if on else "☐", font="MS Gothic"))


PLACEHOLDER_TEXT = "Click or tap here to enter text."


def cc_for(ft, k, v, st, placeholder_keys=(), date_fmt="M/d/yyyy"):
    """Run-level content control(s) for one field (a string of OOXML runs/sdts)."""
    kind, opts = F[k][1], F[k][2]
    lab = label(ft, k)
    val = v.get(k)
    ph = k in placeholder_keys or val is None
    if kind == "set":
        return "".join(cc_checkbox(f"{k}_{ok}", olab, bool(val and ok in val)) + run(" " + olab + "   ")
                       for ok, olab in opts)
    if kind == "check":
        return cc_checkbox(k, lab, bool(val)) + run(" " + lab)
    if kind in ("one", "yn"):
        items = '<w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
            f'<w:listItem w:displayText="{esc(ol)}" w:value="{esc(ol)}"/>' for ok, ol in opts)
        shown = next((ol for ok, ol in opts if ok == val), None) if val is not None else None
        return sdt_run(k, lab, f"<w:dropDownList>{items}</w:dropDownList>",
                       run(shown if shown else "Choose an item.", ph=shown is None), placeholder=shown is None)
    if kind == "date":
        if ph:
            return sdt_run(k, lab, f'<w:date><w:dateFormat w:val="{date_fmt}"/><w:lid w:val="en-US"/></w:date>',
                           run("Click or tap to enter a date.", ph=True), placeholder=True)
        shown = display(ft, k, v, st)
        return sdt_run(k, lab, f'<w:date w:fullDate="{val}T00:00:00Z"><w:dateFormat w:val="{date_fmt}"/>'
                       f'<w:lid w:val="en-US"/><w:storeMappedDataAs w:val="dateTime"/>'
                       f'<w:calendar w:val="gregorian"/></w:date>', run(shown))
    if ph:
        return sdt_run(k, lab, "<w:text/>", run(PLACEHOLDER_TEXT, ph=True), placeholder=True)
    multi = kind == "list" or k == "description"
    return sdt_run(k, lab, '<w:text w:multiLine="1"/>' if multi else "<w:text/>", run(display(ft, k, v, st)))


_ffn = [0]


def ff_text(value):
    _ffn[0] += 1
    shown = value if value else "\u2002" * 5
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text{_ffn[0]}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(shown)}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ff_check(on):
    _ffn[0] += 1
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{_ffn[0]}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="{1 if on else 0}"/>'
            f'</w:checkBox></w:ffData></w:fldChar></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def cell_xml(cell, runs_xml):
    """Replace a python-docx cell's content with one paragraph holding raw runs."""
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    tc.append(parse_xml(f"<w:p {NS}>{runs_xml}</w:p>"))


def shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml(f'<w:shd {NS} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def protect(d):
    settings = d.settings.element
    settings.append(parse_xml(f'<w:documentProtection {NS} w:edit="forms" w:enforcement="1"/>'))


# ----------------------------------------------------------------------------- DOCX cases
@case("cc1_stage2_cc_under_labels_placeholders", "stage2", "docx", [4], "python-docx + raw OOXML",
      "Stage II DOCX (Aptos/Calibri substitute) where each bold label paragraph is followed by a paragraph holding "
      "its CONTENT CONTROL: plain-text controls, dropdowns for Organization Type and Testing completed, date "
      "controls (M/d/yyyy) and one w14 checkbox control per transaction / document / attestation. Doing Business "
      "As (DBA) and RPA Tool Version still show 'Click or tap here to enter text.' (showingPlcHdr: absent). "
      "Footer 'Form RPA-S2'.")
def make_cc1(name, v):
    st = Style(date="us_short", phone="paren")
    d = new_doc("Aptos", 10.5)
    d.add_heading(TITLES["stage2"], level=1)
    for head, keys in SECTIONS["stage2"]:
        d.add_heading(head, level=2)
        for k in keys:
            if k != "attest":
                p = d.add_paragraph()
                p.add_run(label("stage2", k)).bold = True
                p.paragraph_format.space_after = Pt(0)
            add_block(d, f"<w:p {NS}>{cc_for('stage2', k, v, st, date_fmt='M/d/yyyy')}</w:p>")
    footer(d, "Form RPA-S2")
    d.save(out(name, "docx"))


@case("cc2_agreement_cc_table_signed", "rpa_agreement", "docx", [4, 9], "python-docx + raw OOXML",
      "RPA Agreement DOCX (Georgia): agreement paragraphs, then a borderless label | content-control table "
      "(Organization Legal Name, Signature '/s/ Kevin Tran', Authorized Signatory Name, Authorized Signatory Title, "
      "Date Signed as a date control shown '13 October 2026'). Signed. Goes with cc1.")
def make_cc2(name, v):
    d = new_doc("Georgia", 10.5)
    d.add_heading(TITLES["rpa_agreement"], level=1)
    for para in AGR_TEXT:
        d.add_paragraph(para)
    rows = [("Organization Legal Name", sdt_run("org", "Organization Legal Name", "<w:text/>", run(v["org_legal_name"]))),
            ("Signature", sdt_run("sig", "Signature", "<w:text/>", run("/s/ " + v["signer_name"]))),
            ("Authorized Signatory Name", sdt_run("name", "Authorized Signatory Name", "<w:text/>", run(v["signer_name"]))),
            ("Authorized Signatory Title", sdt_run("title", "Authorized Signatory Title", "<w:text/>",
                                                   run(v["signer_title"]))),
            ("Date Signed", sdt_run("date", "Date Signed", f'<w:date w:fullDate="{v["signature_date"]}T00:00:00Z">'
                                    '<w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-US"/></w:date>',
                                    run(fdate(v["signature_date"], "dmy"))))]
    t = d.add_table(rows=len(rows), cols=2)
    for i, (lab, xml) in enumerate(rows):
        t.cell(i, 0).text = lab
        t.cell(i, 0).paragraphs[0].runs[0].bold = True
        cell_xml(t.cell(i, 1), xml)
    footer(d, "RPA-AGR")
    d.save(out(name, "docx"))


def cc_table_doc(path, ft, v, st, placeholder_keys=(), font="Calibri", code=None, blank=False):
    d = new_doc(font, 10)
    d.add_heading(TITLES[ft], level=1)
    for head, keys in SECTIONS[ft]:
        d.add_heading(head, level=2)
        t = d.add_table(rows=len(keys), cols=2)
        t.style = "Table Grid"
        for i, k in enumerate(keys):
            t.cell(i, 0).text = label(ft, k)
            t.cell(i, 0).width = Inches(2.6)
            shade(t.cell(i, 0), "EAF1FB")
            cell_xml(t.cell(i, 1), cc_for(ft, k, {} if blank else v, st, placeholder_keys))
    footer(d, code or CODES[ft])
    d.save(path)


@case("cc3_modification_cc_table_placeholders", "modification", "docx", [4], "python-docx + raw OOXML",
      "Modification DOCX (Calibri): per section a 'Table Grid' label | content-control table with shaded label "
      "cells; Type of Modification as six w14 checkbox controls (Retire Bot ticked); the not-applicable New RPA "
      "Tool, New RPA Tool Vendor, New Maximum POSC Screens per Session still show their placeholder, Transaction "
      "to Add and the same-session dropdown show 'Choose an item.' (all absent). Dates as date controls "
      "'12/31/2026'.")
def make_cc3(name, v):
    cc_table_doc(out(name, "docx"), "modification", v, Style(date="us", phone="dash"), font="Calibri",
                 code="Form RPA-MOD  Rev. 10/2026")


@case("bl2_stage1_blank_cc_all_placeholders", "stage1", "docx", [4, 12], "python-docx + raw OOXML",
      "Completely BLANK Stage I DOCX: every content control shows its placeholder ('Click or tap here to enter "
      "text.', 'Choose an item.', 'Click or tap to enter a date.'), every checkbox control unticked.",
      problems=blank_problems("stage1"))
def make_bl2(name, v):
    cc_table_doc(out(name, "docx"), "stage1", {}, Style(), font="Verdana", blank=True)


def legacy_value(ft, k, v, st, box_after=False):
    kind, opts = F[k][1], F[k][2]
    val = v.get(k)
    if kind in ("set", "one", "yn"):
        chosen = set(val) if kind == "set" and val else ({val} if val is not None else set())
        parts = []
        for ok, ol in opts:
            if box_after:
                parts.append(run(ol + " ") + ff_check(ok in chosen))
            else:
                parts.append(ff_check(ok in chosen) + run(" " + ol))
        joiner = run("   ") if kind == "yn" else "<w:r><w:br/></w:r>"
        return joiner.join(parts)
    if kind == "check":
        return (run(label(ft, k) + " ") + ff_check(bool(val))) if box_after else (ff_check(bool(val)) + run(" " + label(ft, k)))
    return ff_text(display(ft, k, v, st) if val is not None else "")


@case("lg1_stage1_legacy_box_after_option", "stage1", "docx", [5], "python-docx + raw OOXML",
      "Protected legacy-field Stage I (Tahoma): label | value table; every choice group (Organization Type, Bot "
      "Hosting, POSC Transactions) as one FORMCHECKBOX per option with the box AFTER the option text ('Claim "
      "Status Inquiry [x]'), one option per line; attestation 'I attest ... [x]'; FORMTEXT fields for text, "
      "Bot Name(s) and screens one per line. Only the weekly volume is given. Dates 'Jun 11, 2026'.")
def make_lg1(name, v):
    st = Style(date="abbr", phone="paren", list_sep="\n")
    ft = "stage1"
    d = new_doc("Tahoma", 9.5)
    d.add_heading(TITLES[ft], level=1)
    for head, keys in SECTIONS[ft]:
        p = d.add_paragraph()
        r = p.add_run(head.upper())
        r.bold = True
        t = d.add_table(rows=len(keys), cols=2)
        t.style = "Table Grid"
        for i, k in enumerate(keys):
            t.cell(i, 0).text = label(ft, k)
            cell_xml(t.cell(i, 1), legacy_value(ft, k, v, st, box_after=True))
    footer(d, "RPA-S1")
    protect(d)
    d.save(out(name, "docx"))


@case("lg2_stage2_legacy_paragraphs_bad_npi", "stage2", "docx", [5, 11], "python-docx + raw OOXML",
      "Protected legacy-field Stage II as PARAGRAPHS (Segoe UI): 'Label:' then the FORMTEXT on the same line; "
      "choice groups as FORMCHECKBOX lines under the label (box before the option), Testing completed as a "
      "Yes/No FORMCHECKBOX PAIR on one line, Supporting Documentation Enclosed three boxes all ticked. PROBLEM: "
      "the NPI fails the 80840 Luhn check.", problems=[("invalid", "npi")])
def make_lg2(name, v):
    st = Style(date="us", phone="dot")
    ft = "stage2"
    d = new_doc("Segoe UI", 9.5)
    d.add_heading(TITLES[ft], level=1)
    for head, keys in SECTIONS[ft]:
        d.add_heading(head, level=2)
        for k in keys:
            kind = F[k][1]
            if kind in ("set", "one"):
                add_block(d, f"<w:p {NS}>{run(label(ft, k) + ':', bold=True)}</w:p>")
                add_block(d, f'<w:p {NS}><w:pPr><w:ind w:left="360"/></w:pPr>{legacy_value(ft, k, v, st)}</w:p>')
            elif kind == "check":
                add_block(d, f"<w:p {NS}>{legacy_value(ft, k, v, st)}</w:p>")
            else:
                add_block(d, f"<w:p {NS}>{run(label(ft, k) + ': ', bold=True)}{legacy_value(ft, k, v, st)}</w:p>")
    footer(d, "Form RPA-S2")
    protect(d)
    d.save(out(name, "docx"))


@case("sp1_stage1_docx_tab_no_leader_botcount", "stage1", "docx", [6, 11], "python-docx",
      "Stage I DOCX (Cambria) of 'Label<TAB>value' paragraphs: ONE left tab stop at 3.4 in WITHOUT a leader, so "
      "the value simply starts in a column; labels bold; choices typed ('Business Partner', 'Cloud', 'Member "
      "Eligibility Verification'), attestation typed 'Yes'; lists ', '-separated. PROBLEM: Number of Bots "
      "Requested is 3 but only two Bot Name(s) are given.", problems=[("invalid", "bot_names")])
def make_sp1(name, v):
    st = Style(date="long", phone="paren", choices="typed", list_sep=", ")
    ft = "stage1"
    d = new_doc("Cambria", 10)
    d.add_heading(TITLES[ft], level=1)
    for head, keys in SECTIONS[ft]:
        d.add_heading(head, level=2)
        for k in keys:
            p = d.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Inches(3.4))
            p.paragraph_format.space_after = Pt(2)
            p.add_run(label(ft, k)).bold = True
            p.add_run("\t" + display(ft, k, v, st))
    footer(d, "Form RPA-S1 (Rev. 10/2026)")
    d.save(out(name, "docx"))


@case("nl1_s2g_docx_numbered_list", "stage2_grandfathered", "docx", [6, 13], "python-docx",
      "Grandfathered Stage II DOCX (Garamond) typed as a Word NUMBERED LIST: every field a 'List Number' "
      "paragraph 'Label: value' whose number (1., 2., ...) is automatic (w:numPr, not in the text); section "
      "titles as Heading 2; choices typed ('MassHealth Provider', 'Yes', transactions '; '), attestation 'Yes'. "
      "Dates 'February 3, 2020'; phone '(413) 555-0127'.")
def make_nl1(name, v):
    st = Style(date="long", phone="paren", choices="typed")
    ft = "stage2_grandfathered"
    d = new_doc("Garamond", 11)
    d.add_heading(TITLES[ft], level=1)
    for head, keys in SECTIONS[ft]:
        d.add_heading(head, level=2)
        for k in keys:
            p = d.add_paragraph(style="List Number")
            p.add_run(label(ft, k) + ": ")
            p.add_run(display(ft, k, v, st)).bold = True
    d.add_paragraph("Form RPA-S2G")
    footer(d, "Form RPA-S2G")
    d.save(out(name, "docx"))


def soffice_pdf(src, outdir):
    prof = "file://" + os.path.join(WORK, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf", "--outdir",
                    outdir, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")


@case("nl2_s2g_numbered_list_lo_pdf", "stage2_grandfathered", "pdf", [6, 13], "python-docx -> LibreOffice Writer -> PDF",
      "The numbered-list DOCX of nl1 converted to PDF by LibreOffice Writer: the list numbers '1.' .. '9.' are "
      "now real text at the start of each line ('3. Organization Type: MassHealth Provider'), Garamond replaced "
      "by a substitute font. Same values as nl1.")
def make_nl2(name, v):
    src = out("nl1_s2g_docx_numbered_list", "docx")
    if not os.path.exists(src):
        run_case("nl1_s2g_docx_numbered_list")
    tmp = os.path.join(WORK, "nl2")
    os.makedirs(tmp, exist_ok=True)
    shutil.copy(src, os.path.join(tmp, "nl2.docx"))
    pdf = soffice_pdf(os.path.join(tmp, "nl2.docx"), tmp)
    shutil.copy(pdf, out(name, "pdf"))


@case("vm2_stage1_two_row_cells_lo_pdf", "stage1", "pdf", [13], "python-docx (vMerge) -> LibreOffice Writer -> PDF",
      "The two-row-cell DOCX of vm1 converted to PDF by LibreOffice Writer: a printed ruled table where each "
      "value sits in a cell to the right of a label cell and a hint cell, spanning both rows; the grey hint "
      "texts are printed under the labels. Same values as vm1.")
def make_vm2(name, v):
    src = out("vm1_stage1_docx_value_cells_span_two_rows", "docx")
    if not os.path.exists(src):
        run_case("vm1_stage1_docx_value_cells_span_two_rows")
    tmp = os.path.join(WORK, "vm2")
    os.makedirs(tmp, exist_ok=True)
    shutil.copy(src, os.path.join(tmp, "vm2.docx"))
    pdf = soffice_pdf(os.path.join(tmp, "vm2.docx"), tmp)
    shutil.copy(pdf, out(name, "pdf"))


HINTS = {"org_legal_name": "as registered with the IRS", "fein": "NN-NNNNNNN", "provider_id": "9 digits + 1 letter",
         "npi": "10 digits", "contact_email": "we send the acknowledgment here", "bot_names": "one per bot",
         "transactions": "tick every transaction the bots will run", "posc_screens": "every screen the bot opens",
         "signature_date": "MM/DD/YYYY", "planned_go_live": "MM/DD/YYYY",
         "avg_weekly_transactions": "leave blank if only a monthly figure is known"}


@case("vm1_stage1_docx_value_cells_span_two_rows", "stage1", "docx", [13], "python-docx (vMerge)",
      "Stage I DOCX (Book Antiqua) where every field takes TWO table rows: the label in row 1, a small grey "
      "hint ('as registered with the IRS', 'MM/DD/YYYY') in row 2, and the VALUE cell to the right MERGED "
      "VERTICALLY over both rows (w:vMerge); section rows span both columns (gridSpan). Choices as ☒/☐ lines in "
      "the value cell. Only the MONTHLY volume is given (1,300; weekly left blank). Dates '02/09/2026'.")
def make_vm1(name, v):
    st = Style(date="us", phone="dash", list_sep="\n", commas=True)
    ft = "stage1"
    d = new_doc("Book Antiqua", 9.5)
    d.add_heading(TITLES[ft], level=1)
    rows = sum(1 + 2 * len(ks) for _, ks in SECTIONS[ft])
    t = d.add_table(rows=rows, cols=2)
    t.style = "Table Grid"
    r = 0
    for head, keys in SECTIONS[ft]:
        c = t.cell(r, 0).merge(t.cell(r, 1))
        c.text = head
        c.paragraphs[0].runs[0].bold = True
        shade(c, "D9D9D9")
        r += 1
        for k in keys:
            t.cell(r, 0).text = label(ft, k)
            t.cell(r, 0).paragraphs[0].runs[0].bold = True
            hint = t.cell(r + 1, 0)
            hint.text = HINTS.get(k, "")
            if hint.paragraphs[0].runs:
                hint.paragraphs[0].runs[0].font.size = Pt(7)
                hint.paragraphs[0].runs[0].font.color.rgb = RGBColor(0x80, 0x80, 0x80)
            vc = t.cell(r, 1).merge(t.cell(r + 1, 1))
            val = display(ft, k, v, st)
            if isinstance(val, list):
                val = "\n".join(("☒ " if on else "☐ ") + lab for lab, on in val)
            lines = val.split("\n")
            vc.paragraphs[0].text = lines[0]
            for ln in lines[1:]:
                vc.add_paragraph(ln)
            r += 2
    footer(d, "RPA-S1")
    d.save(out(name, "docx"))


GD_P = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="276" w:lineRule="auto"/>{ppr}</w:pPr>{runs}</w:p>')


def gd_run(text, bold=False, size=22, color=None):
    rp = ('<w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>'
          + ("<w:b/><w:bCs/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "")
          + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:rtl w:val="0"/></w:rPr>')
    return f'<w:r>{rp}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


@case("gd1_annual_google_docs_like_docx", "annual_validation", "docx", [6, 13], "raw OOXML (zipfile; Google-Docs-like export)",
      "Annual Validation DOCX written WITHOUT Word or python-docx, shaped like a Google Docs export: no "
      "docProps, a minimal styles.xml, every run with direct Arial formatting and w:rtl, no heading styles "
      "(section titles are bold 13 pt runs), 'Label: value' paragraphs with the value in dark blue; yes/no as "
      "'☑ Yes ☐ No' (U+2611/U+2610), attestation '☑ I attest ...'. Form code in the last paragraph 'RPA-AV'. "
      "Date 'November 2, 2026'; phone '857.555.0102'.")
def make_gd1(name, v):
    st = Style(date="long", phone="dot", marks=("☑", "☐"))
    ft = "annual_validation"
    ps = [GD_P.format(ppr='<w:jc w:val="center"/>', runs=gd_run(TITLES[ft], bold=True, size=32))]
    for head, keys in SECTIONS[ft]:
        ps.append(GD_P.format(ppr='<w:spacing w:before="240"/>', runs=gd_run(head, bold=True, size=26)))
        for k in keys:
            val = display(ft, k, v, st)
            if F[k][1] == "check":
                txt = ("☑ " if val[0][1] else "☐ ") + label(ft, k)
                ps.append(GD_P.format(ppr="", runs=gd_run(txt)))
                continue
            if isinstance(val, list):
                val = "   ".join(("☑ " if on else "☐ ") + lab for lab, on in val)
            ps.append(GD_P.format(ppr="", runs=gd_run(label(ft, k) + ": ", bold=True) + gd_run(val, color="1F3864")))
    ps.append(GD_P.format(ppr='<w:spacing w:before="240"/>', runs=gd_run("RPA-AV", size=16)))
    body = "".join(ps)
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>' + body +
           '<w:sectPr><w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/><w:pgMar w:bottom="1440" w:top="1440" '
           'w:left="1440" w:right="1440" w:header="720" w:footer="720"/></w:sectPr></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults>'
              '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr>'
              '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
              '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="normal"/>'
              '</w:style></w:styles>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType='
          '"application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType='
          '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" PartName="/word/'
          'document.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
          'styles+xml" PartName="/word/styles.xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(out(name, "docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for pn, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                         ("word/_rels/document.xml.rels", drels), ("word/styles.xml", styles)]:
            zi = zipfile.ZipInfo(pn, (2026, 11, 2, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


SD1_FLOWS = [("Member Eligibility Verification",
              ["Bot signs in to the POSC with its RPA User ID.", "Bot opens the Member Eligibility Search screen.",
               "Bot enters the member ID and date of service from the work queue.",
               "Bot reads the Eligibility Results screen and writes coverage, plan and TPL data back to the queue.",
               "Bot returns to the search screen for the next member; after the queue is empty it signs out."]),
             ("Claim Submission (DDE)",
              ["Bot opens Claim Entry (Direct Data Entry) from the POSC home page.",
               "Bot keys header, diagnosis and service lines from the billing export.",
               "Bot submits and reads the confirmation screen; the ICN is stored with the claim.",
               "On an error message the claim is routed to a human biller and the bot continues."])]


@case("sd1_systems_design_docx_numbered_steps", "systems_design", "docx", [9], "python-docx",
      "Systems Design Documentation DOCX (Corbel): overview naming Member Eligibility Verification and Claim "
      "Submission (DDE), per transaction a Heading 2 and the process flow as a Word NUMBERED list (List Number), "
      "then an 'Error handling' paragraph. Goes with nl1.")
def make_sd1(name, v):
    d = new_doc("Corbel", 10.5)
    d.add_heading("Systems Design Documentation – PVHC Eligibility and Claims Bots", level=1)
    d.add_paragraph("Pioneer Valley Home Care Cooperative operates two bots on the POSC. This document describes the "
                    "end-to-end process flow of each bot transaction and every POSC screen it touches: Member "
                    "Eligibility Verification and Claim Submission (DDE).")
    for head, steps in SD1_FLOWS:
        d.add_heading(head, level=2)
        for s in steps:
            d.add_paragraph(s, style="List Number")
    d.add_heading("Error handling", level=2)
    d.add_paragraph("Any unexpected POSC page, time-out or message stops the bot and opens a ticket for the "
                    "automation team; no screen is retried more than twice.")
    d.save(out(name, "docx"))


# ----------------------------------------------------------------------------- web (Chromium) cases
def chromium_pdf(html_text, path, tag):
    src = os.path.join(WORK, tag + ".html")
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(html_text)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                    f"--user-data-dir={os.path.join(WORK, 'chrome')}", "--no-pdf-header-footer",
                    f"--print-to-pdf={path}", "file://" + src], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)


def h(s):
    return html.escape(str(s))


@case("wb1_stage1_web_question_cards", "stage1", "pdf", [7], "HTML -> headless Chromium --print-to-pdf (no network)",
      "A Google-Forms-like web form printed by Chromium (Liberation Sans): a lilac page, the title card with a "
      "purple top bar, then ONE WHITE CARD PER QUESTION (the label as the question, a red ' *' on required ones, "
      "the answer on an underline under it); one-of choices as ◉/○ radio glyphs, sets as ☑/☐ glyphs, one option "
      "per line (the attestation question answered '☑ Yes'); lists one per line. Footer text 'Form RPA-S1' in the last card. Dates '08/19/2026'.")
def make_wb1(name, v):
    st = Style(date="us", phone="paren", list_sep="\n", commas=True)
    ft = "stage1"
    cards = []
    for head, keys in SECTIONS[ft]:
        cards.append(f'<div class="sec">{h(head)}</div>')
        for k in keys:
            req = ' <span class="req">*</span>' if is_required(ft, k, v) else ""
            val = display(ft, k, v, st)
            if isinstance(val, list):
                kind = F[k][1]
                on, off = ("◉", "○") if kind in ("one", "yn") else ("☑", "☐")
                if kind == "check":
                    body = f'<div class="opt">{on if val[0][1] else off} Yes</div>'
                else:
                    body = "".join(f'<div class="opt">{on if o else off} {h(lab)}</div>' for lab, o in val)
            else:
                body = '<div class="ans">' + (h(val).replace("\n", "<br>") or "&nbsp;") + "</div>"
            cards.append(f'<div class="card"><div class="q">{h(label(ft, k))}{req}</div>{body}</div>')
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    @page {{ size: letter; margin: 12mm; }}
    body {{ background:#ede7f6; font-family:'Liberation Sans'; font-size:10.5pt; margin:0; }}
    .title {{ background:#fff; border-top:8px solid #673ab7; border-radius:8px; padding:10px 16px; margin:6px 0; }}
    .title h1 {{ font-size:18pt; margin:4px 0; font-weight:normal; }}
    .card {{ background:#fff; border-radius:8px; padding:8px 16px; margin:6px 0; break-inside:avoid; }}
    .q {{ font-size:10.5pt; margin-bottom:4px; }} .req {{ color:#d93025; }}
    .ans {{ border-bottom:1px solid #bbb; padding:2px 0 3px; width:70%; color:#202124; }}
    .opt {{ margin:2px 0; }} .sec {{ background:#673ab7; color:#fff; border-radius:8px 8px 0 0; padding:6px 16px; margin-top:12px; font-weight:bold; }}
    </style></head><body><div class="title"><h1>{h(TITLES[ft])}</h1><div>* Indicates required question</div></div>
    {''.join(cards)}<div class="card">Form RPA-S1 &middot; submitted 8/19/2026</div></body></html>"""
    chromium_pdf(doc, out(name, "pdf"), name)


@case("wb2_modification_web_pills_bad_fein", "modification", "pdf", [7, 11], "HTML -> headless Chromium --print-to-pdf (no network)",
      "A portal page printed by Chromium (DejaVu Sans): a horizontal form, labels RIGHT-ALIGNED in a 38% column, "
      "values in grey read-only boxes; choice groups as rounded PILLS, the chosen ones dark with '✓ ' before the "
      "text, the others outlined. Decrease POSC Screens per Session + Other. PROBLEM: FEIN typed '04-387552' "
      "(6 digits after the hyphen).", problems=[("invalid", "fein")])
def make_wb2(name, v):
    st = Style(date="iso", phone="dash", list_sep=", ")
    ft = "modification"
    rows = []
    for head, keys in SECTIONS[ft]:
        rows.append(f"<h2>{h(head)}</h2>")
        for k in keys:
            val = display(ft, k, v, st)
            if isinstance(val, list):
                if F[k][1] == "check":
                    cell = f'<span class="pill {"on" if val[0][1] else ""}">{"✓ " if val[0][1] else ""}I attest</span>'
                else:
                    cell = "".join(f'<span class="pill {"on" if o else ""}">{"✓ " if o else ""}{h(lab)}</span>'
                                   for lab, o in val)
            else:
                cell = f'<div class="box">{h(val) or "&nbsp;"}</div>'
            rows.append(f'<div class="row"><label>{h(label(ft, k))}</label><div class="val">{cell}</div></div>')
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    @page {{ size: letter; margin: 14mm; }}
    body {{ font-family:'DejaVu Sans'; font-size:9pt; color:#222; }}
    h1 {{ font-size:15pt; border-bottom:3px solid #0b5394; padding-bottom:4px; }}
    h2 {{ font-size:10.5pt; color:#0b5394; margin:12px 0 4px; }}
    .row {{ display:flex; margin:3px 0; break-inside:avoid; }}
    label {{ width:38%; text-align:right; padding:4px 10px 0 0; font-weight:bold; }}
    .val {{ width:62%; }} .box {{ background:#f1f3f4; border:1px solid #ccc; border-radius:3px; padding:3px 6px; min-height:12px; }}
    .pill {{ display:inline-block; border:1px solid #0b5394; border-radius:10px; padding:2px 8px; margin:2px 3px 2px 0; color:#0b5394; }}
    .pill.on {{ background:#0b5394; color:#fff; }}
    </style></head><body><h1>{h(TITLES[ft])}</h1><div>Online form RPA-MOD &middot; review copy</div>{''.join(rows)}
    </body></html>"""
    chromium_pdf(doc, out(name, "pdf"), name)


@case("wb3_test_scenarios_web_badges", "test_scenarios", "pdf", [7, 9], "HTML -> headless Chromium --print-to-pdf (no network)",
      "Test Scenarios page printed by Chromium (Nimbus Sans): a striped HTML table with the six columns; "
      "Pass/Fail shown as coloured BADGES with the words 'PASS' / 'FAIL' (upper case). PA-3 (Prior "
      "Authorization Request) and EL-2 (Member Eligibility Verification) fail.")
def make_wb3(name, v):
    trs = "".join("<tr>" + "".join(f"<td>{h(x)}</td>" for x in (r[0], TXN_LABEL[r[1]], r[2], r[3], r[4])) +
                  f'<td><span class="b {"p" if r[5] else "f"}">{"PASS" if r[5] else "FAIL"}</span></td></tr>'
                  for r in TS["wb3"])
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    @page {{ size: letter landscape; margin: 12mm; }}
    body {{ font-family:'Nimbus Sans'; font-size:9pt; }} h1 {{ font-size:16pt; }}
    table {{ border-collapse:collapse; width:100%; }} th {{ background:#263238; color:#fff; text-align:left; padding:5px; }}
    td {{ padding:5px; border-bottom:1px solid #ccc; vertical-align:top; }} tr:nth-child(even) td {{ background:#f5f5f5; }}
    .b {{ border-radius:4px; padding:1px 6px; color:#fff; font-weight:bold; }} .p {{ background:#2e7d32; }} .f {{ background:#c62828; }}
    </style></head><body><h1>Test Scenarios</h1><p>Nexus Health Data Exchange Corp. &middot; bot NX-PA-1 &middot;
    executed in the Trading Partner Testing Environment.</p><table><tr>{''.join(f'<th>{c}</th>' for c in TS_COLS)}</tr>
    {trs}</table></body></html>"""
    chromium_pdf(doc, out(name, "pdf"), name)


@case("bl1_annual_blank_web", "annual_validation", "pdf", [7, 12], "HTML -> headless Chromium --print-to-pdf (no network)",
      "Completely BLANK Annual Validation web form printed by Chromium (URW Gothic): empty bordered input boxes in "
      "a two-column CSS grid, empty ○ radio glyphs for the choices, an empty ☐ attestation.",
      problems=blank_problems("annual_validation"))
def make_bl1(name, v):
    ft = "annual_validation"
    parts = []
    for head, keys in SECTIONS[ft]:
        parts.append(f'<h2>{h(head)}</h2><div class="grid">')
        for k in keys:
            kind, opts = F[k][1], F[k][2]
            if kind in ("one", "yn"):
                inner = " ".join(f"○ {h(ol)}" for _, ol in opts)
                parts.append(f'<div class="f wide"><div class="l">{h(label(ft, k))}</div><div>{inner}</div></div>')
            elif kind == "check":
                parts.append(f'<div class="f wide">☐ {h(label(ft, k))}</div>')
            else:
                parts.append(f'<div class="f"><div class="l">{h(label(ft, k))}</div><div class="in"></div></div>')
        parts.append("</div>")
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    @page {{ size: letter; margin: 14mm; }} body {{ font-family:'URW Gothic'; font-size:9.5pt; }}
    h1 {{ font-size:16pt; }} h2 {{ font-size:11pt; background:#eee; padding:3px 6px; }}
    .grid {{ display:grid; grid-template-columns:1fr 1fr; gap:6px 16px; }} .wide {{ grid-column:1 / 3; }}
    .l {{ font-size:8pt; margin-bottom:2px; }} .in {{ border:1px solid #888; height:18px; border-radius:2px; }}
    </style></head><body><h1>{h(TITLES[ft])}</h1>{''.join(parts)}<p style="font-size:7pt">RPA-AV</p></body></html>"""
    chromium_pdf(doc, out(name, "pdf"), name)


SD2_LANES = [("Claim Status Inquiry", [("Work queue", "Pull the next claim (ICN, member ID, DOS)"),
                                       ("POSC", "Claim Status Search: enter ICN"),
                                       ("POSC", "Claim Status Results: read status and reason codes"),
                                       ("Work queue", "Write status back; flag denials")]),
             ("Prior Authorization Request", [("Work queue", "Pull an approved clinical request"),
                                              ("POSC", "Prior Authorization Entry: key service, units, dates"),
                                              ("POSC", "PA Status: confirm the request is pending"),
                                              ("Work queue", "Store the tracking number")]),
             ("Remittance Advice Download", [("Scheduler", "Every Monday 6:00 AM"),
                                             ("POSC", "Remittance Advice Search: last week"),
                                             ("POSC", "Download the remittance file"),
                                             ("File share", "Save to the posting folder")])]


@case("sd2_systems_design_web_swimlanes", "systems_design", "pdf", [9], "HTML -> headless Chromium --print-to-pdf (no network)",
      "Systems Design printed from a wiki page by Chromium (C059 serif headings, DejaVu Sans body): title "
      "'RPA Systems Design – Tidewater Clearinghouse', per transaction an <h2> and a SWIMLANE-like table (step | "
      "system | action) for Claim Status Inquiry, Prior Authorization Request and Remittance Advice Download.")
def make_sd2(name, v):
    secs = []
    for t, steps in SD2_LANES:
        trs = "".join(f"<tr><td>{i + 1}</td><td class='lane'>{h(s)}</td><td>{h(a)}</td></tr>" for i, (s, a) in enumerate(steps))
        secs.append(f"<h2>{h(t)}</h2><table><tr><th>Step</th><th>System</th><th>Action</th></tr>{trs}</table>")
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><style>
    @page {{ size: letter; margin: 16mm; }} body {{ font-family:'DejaVu Sans'; font-size:9.5pt; }}
    h1,h2 {{ font-family:'C059'; }} table {{ border-collapse:collapse; width:100%; }}
    td,th {{ border:1px solid #999; padding:4px; }} .lane {{ background:#fff3e0; }}
    </style></head><body><h1>RPA Systems Design – Tidewater Clearinghouse</h1>
    <p>Process flows for each bot transaction, covering every POSC screen the bot touches, end to end.</p>
    {''.join(secs)}</body></html>"""
    chromium_pdf(doc, out(name, "pdf"), name)


# ----------------------------------------------------------------------------- scans
SCANS = [("sn1_stage1_scan_170dpi", "bx1_stage1_dashed_boxes_two_col_asterisk", 170, 0.8, 60),
         ("sn2_s2g_scan_150dpi", "hd1_s2g_blanks_before_double_rule_headings", 150, -1.2, 55),
         ("sn3_stage2_scan_200dpi", "vk1_stage2_vector_checkmarks", 200, 0.35, 63),
         ("sn4_modification_scan_180dpi", "sp4_modification_ten_point_gap", 180, -0.55, 50),
         ("sn5_agreement_scan_160dpi", "ag1_agreement_printed_signed", 160, 1.05, 65),
         ("sn6_test_scenarios_scan_190dpi", "ts3_test_scenarios_landscape_table", 190, -0.9, 58)]


def make_scan(name, src, dpi, angle, q, seed):
    from PIL import Image, ImageFilter
    rnd = random.Random(seed)
    tmp = os.path.join(WORK, "scan_" + name)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", out(src, "pdf"), tmp], check=True)
    pages = sorted(f for f in os.listdir(WORK) if f.startswith("scan_" + name) and f.endswith(".png"))
    imgs = []
    for f in pages:
        im = Image.open(os.path.join(WORK, f)).convert("L")
        os.remove(os.path.join(WORK, f))
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=250)
        im = im.filter(ImageFilter.GaussianBlur(0.7))
        px = im.load()
        w, hh = im.size
        for _ in range(w * hh // 25):
            x, y = rnd.randrange(w), rnd.randrange(hh)
            px[x, y] = max(0, min(255, px[x, y] + rnd.randint(-40, 40)))
        for _ in range(rnd.randint(25, 45)):
            x, y, r = rnd.randrange(w), rnd.randrange(hh), rnd.randint(1, 3)
            for dx in range(-r, r + 1):
                for dy in range(-r, r + 1):
                    if 0 <= x + dx < w and 0 <= y + dy < hh and dx * dx + dy * dy <= r * r:
                        px[x + dx, y + dy] = rnd.randint(30, 90)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q)
        buf.seek(0)
        imgs.append(Image.open(buf))
    imgs[0].save(out(name, "pdf"), "PDF", resolution=float(dpi), save_all=True, append_images=imgs[1:])


def register_scans():
    for i, (name, src, dpi, angle, q) in enumerate(SCANS):
        srcmeta = CASES[src]

        def fn(nm, v, _src=src, _dpi=dpi, _a=angle, _q=q, _i=i):
            if not os.path.exists(out(_src, "pdf")):
                run_case(_src)
            make_scan(nm, _src, _dpi, _a, _q, 800 + _i)
        CASES[name] = dict(name=name, ft=srcmeta["ft"], ext="pdf", shape=[10], scan=True, fn=fn, src=src,
                           drawn_with="pdftoppm -gray + Pillow (rotate, blur, noise, specks, JPEG) -> Pillow PDF",
                           description=f"Image-only scan of {src}.pdf: {dpi} dpi greyscale, rotated {angle:+.2f} deg, "
                                       f"Gaussian blur, noise, dust specks, JPEG q{q}. Same true values as the source.",
                           problems=list(srcmeta["problems"]))


# ----------------------------------------------------------------------------- runner
def data_for(name):
    meta = CASES[name]
    key = name.split("_")[0]
    if meta.get("src"):
        key = meta["src"].split("_")[0]
    return D.get(key, {})


def form_version(meta):
    return CODES.get(meta["ft"])


def run_case(name):
    meta = CASES[name]
    v = data_for(name)
    ret = meta["fn"](name, dict(v))
    if isinstance(ret, dict):
        v = ret
    if meta.get("src"):
        with open(out(meta["src"], "expected.json")) as fh:
            fields = json.load(fh)["fields"]
    else:
        fields = expected_fields(v)
    exp = {"file": f"{name}.{meta['ext']}", "form_type": meta["ft"], "form_version": form_version(meta),
           "fields": fields, "expected_problems": meta["problems"], "shape": meta["shape"], "scan": meta["scan"],
           "drawn_with": meta["drawn_with"], "description": meta["description"]}
    with open(out(name, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(exp, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def main(argv):
    register_scans()
    names = argv or list(CASES)
    if not argv:
        for f in os.listdir(HERE):
            if f.endswith((".pdf", ".docx", ".expected.json")):
                os.remove(os.path.join(HERE, f))
    for n in names:
        print("case", n, flush=True)
        run_case(n)


if __name__ == "__main__":
    main(sys.argv[1:])
