#!/usr/bin/env python3
"""Ninth independent (blind) sample set for rpa-intake.

Drawn only from /work/shared/SPEC.md.  Imports no project module.
Usage:  /work/main/.venv/bin/python make_independent9.py [CASE ...]
Writes <case>.pdf|.docx and <case>.expected.json next to this script.
Scratch files go to /work/wt/_work9/.
"""
import copy
import datetime as dt
import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib.colors import Color, HexColor, black, white
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
import docx
from docx.shared import Pt, RGBColor, Inches
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image, ImageFilter, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = "/work/wt/_work9"
os.makedirs(WORK, exist_ok=True)
FD = "/usr/share/fonts/truetype/dejavu/"
for n, f in [("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVS", "DejaVuSerif.ttf"),
             ("DVSB", "DejaVuSerif-Bold.ttf"), ("DVSI", "DejaVuSerif-Italic.ttf"),
             ("DVC", "DejaVuSansCondensed.ttf"), ("DVCB", "DejaVuSansCondensed-Bold.ttf"),
             ("DVM", "DejaVuSansMono.ttf")]:
    pdfmetrics.registerFont(TTFont(n, FD + f))

RNG = random.Random(9009)

# ----------------------------------------------------------------------------- SPEC vocab
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
ORGTYPE = [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
           ("relationship_entity", "Relationship Entity")]
HOSTING = [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")]
TXN = [("eligibility_inquiry", "Member Eligibility Verification"),
       ("claim_submission", "Claim Submission (DDE)"), ("claim_status", "Claim Status Inquiry"),
       ("claim_adjustment", "Claim Adjustment/Void"), ("prior_authorization", "Prior Authorization Request"),
       ("remittance_advice", "Remittance Advice Download"), ("other", "Other DDE Activity")]
TXNL = dict(TXN)
DOCS = [("rpa_agreement", "MassHealth RPA Agreement"), ("systems_design", "Systems Design Documentation"),
        ("test_scenarios", "Test Scenarios")]
MODT = [("replace_tool", "Replace RPA Tool"), ("increase_screens", "Increase POSC Screens per Session"),
        ("decrease_screens", "Decrease POSC Screens per Session"),
        ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
        ("retire_bot", "Retire Bot"), ("other", "Other")]
YN = [(True, "Yes"), (False, "No")]
ATTEST_LABEL = "I attest that the information on this form is true and complete"

# kinds: t text, d date, i int, l list, c1 one-of, cs set, yn yes/no, cb checkbox
ORG = [("Organization", [
    ("org_legal_name", "Organization Legal Name", "t", None),
    ("org_dba", "Doing Business As (DBA)", "t", None),
    ("org_type", "Organization Type", "c1", ORGTYPE),
    ("provider_id", "MassHealth Provider ID/Service Location (PID/SL)", "t", None),
    ("npi", "National Provider Identifier (NPI)", "t", None),
    ("fein", "Federal Employer Identification Number (FEIN)", "t", None)]),
    ("Address", [
        ("street", "Street Address", "t", None), ("city", "City", "t", None),
        ("state", "State", "t", None), ("zip", "ZIP Code", "t", None)]),
    ("Primary Contact", [
        ("contact_name", "Primary Contact Name", "t", None), ("contact_title", "Primary Contact Title", "t", None),
        ("contact_email", "Primary Contact Email", "t", None),
        ("contact_phone", "Primary Contact Telephone", "ph", None)])]
ATT = [("Attestation and Signature", [
    ("attest", ATTEST_LABEL, "cb", None),
    ("signer_name", "Authorized Signatory Name", "t", None),
    ("signer_title", "Authorized Signatory Title", "t", None),
    ("signature_date", "Date Signed", "d", None)])]
TOOL = [("rpa_tool_name", "RPA Tool (Product Name)", "t", None),
        ("rpa_tool_vendor", "RPA Tool Vendor", "t", None),
        ("rpa_tool_version", "RPA Tool Version", "t", None)]
TESTING = [("testing_completed", "Testing completed in the MassHealth Trading Partner Testing Environment", "yn", YN),
           ("testing_completed_date", "Testing Completion Date", "d", None),
           ("user_ids_requested", "Number of RPA User IDs Requested", "i", None),
           ("docs_enclosed", "Supporting Documentation Enclosed", "cs", DOCS)]
FORMS = {
    "stage1": ORG + [("RPA Tool", TOOL), ("Bots", [
        ("bot_count", "Number of Bots Requested", "i", None), ("bot_names", "Bot Name(s)", "l", None),
        ("hosting", "Bot Hosting", "c1", HOSTING)]),
        ("POSC Use", [
            ("transactions", "POSC Transactions Requested", "cs", TXN),
            ("transactions_other", "If Other, describe", "t", None),
            ("posc_screens", "POSC Screens Accessed", "l", None),
            ("screens_per_session", "Maximum POSC Screens per Bot Session", "i", None),
            ("avg_weekly_transactions", "Average Number of Transactions per Week", "i", None),
            ("est_monthly_transactions", "Estimated Transactions per Month", "i", None),
            ("operating_hours", "Bot Operating Hours", "t", None),
            ("planned_go_live", "Planned Production Date", "d", None)])] + ATT,
    "stage2": ORG + [("Stage I Reference", [("stage1_approval_number", "Stage I Approval Number", "t", None)]),
                     ("RPA Tool", TOOL),
                     ("Transactions and Testing", [("transactions", "POSC Transactions", "cs", TXN)] + TESTING)] + ATT,
    "stage2_grandfathered": ORG + [("RPA Tool", TOOL), ("Bot Operations", [
        ("bot_count", "Number of Bots Requested", "i", None),
        ("operational_since", "Date Bot Became Operational on the POSC", "d", None),
        ("current_user_ids", "POSC User ID(s) Currently Used by the Bot", "l", None),
        ("screens_per_session", "Maximum POSC Screens per Bot Session", "i", None),
        ("avg_weekly_transactions", "Average Number of Transactions per Week", "i", None)]),
        ("Transactions and Testing", [("transactions", "POSC Transactions", "cs", TXN)] + TESTING)] + ATT,
    "modification": ORG + [("Approved Registration", [
        ("stage2_approval_number", "Stage II Approval Number", "t", None),
        ("rpa_user_ids", "RPA User ID(s) Affected", "l", None)]),
        ("Modification", [
            ("modification_types", "Type of Modification", "cs", MODT),
            ("new_rpa_tool_name", "New RPA Tool (Product Name)", "t", None),
            ("new_rpa_tool_vendor", "New RPA Tool Vendor", "t", None),
            ("new_screens_per_session", "New Maximum POSC Screens per Session", "i", None),
            ("added_transaction", "Transaction to Add", "c1", TXN),
            ("same_session", "Will the added transaction run in the same bot session?", "yn", YN),
            ("description", "Description of Modification", "t", None),
            ("effective_date", "Requested Effective Date", "d", None)])] + ATT,
    "annual_validation": ORG + [("Registration on File", [
        ("stage2_approval_number", "Stage II Approval Number", "t", None),
        ("rpa_user_ids", "RPA User ID(s)", "l", None),
        ("validation_year", "Validation Year", "i", None)]),
        ("Validation", [
            ("info_current", "The RPA information on file with MassHealth is current and accurate", "yn", YN),
            ("unapproved_changes", "Has the bot been modified without MassHealth approval since the last validation?", "yn", YN)])] + ATT,
}
REQUIRED = {
    "common": ["org_legal_name", "org_type", "fein", "street", "city", "state", "zip", "contact_name",
               "contact_email", "contact_phone", "attest", "signer_name", "signer_title", "signature_date"],
    "stage1": ["rpa_tool_name", "rpa_tool_vendor", "bot_count", "transactions", "posc_screens",
               "screens_per_session", "avg_weekly_transactions"],
    "stage2": ["stage1_approval_number", "transactions", "testing_completed", "user_ids_requested"],
    "stage2_grandfathered": ["operational_since", "current_user_ids", "testing_completed", "user_ids_requested",
                             "bot_count", "screens_per_session", "avg_weekly_transactions"],
    "modification": ["stage2_approval_number", "rpa_user_ids", "modification_types", "description"],
    "annual_validation": ["stage2_approval_number", "rpa_user_ids", "validation_year", "info_current"],
}


# ----------------------------------------------------------------------------- data helpers
def npi_ok(base9):
    digits = "80840" + base9
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    return base9 + str((10 - s % 10) % 10)


def rnd_npi():
    return npi_ok(str(RNG.choice([1, 1, 1, 2])) + "".join(str(RNG.randint(0, 9)) for _ in range(8)))


def rnd_fein():
    return "%02d-%07d" % (RNG.choice([4, 20, 22, 26, 27, 45, 46, 81, 84, 85, 87]), RNG.randint(1000000, 9999999))


def rnd_pid():
    return "1100%05d%s" % (RNG.randint(10000, 99999), RNG.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"))


def iso(y, m, d):
    return dt.date(y, m, d).isoformat()


ORGS = {
    "capeann": dict(org_legal_name="Cape Ann Family Medicine, P.C.", org_dba="Cape Ann FamMed", org_type="provider",
                    street="27 Washington Square", city="Gloucester", state="MA", zip="01930",
                    contact_name="Ingrid Halvorsen", contact_title="Practice Manager",
                    contact_email="ihalvorsen@capeannfm.org", contact_phone="978-555-0146"),
    "quins": dict(org_legal_name="Quinsigamond Behavioral Health Associates, Inc.", org_type="provider",
                  street="340 Shrewsbury Street, Suite 2B", city="Worcester", state="MA", zip="01604-4012",
                  contact_name="Desmond Achebe", contact_title="Director of Revenue Cycle",
                  contact_email="d.achebe@qbha-worcester.com", contact_phone="508-555-0113"),
    "nashoba": dict(org_legal_name="Nashoba Valley Home Care, LLC", org_dba="NVHC", org_type="provider",
                    street="15 Main Street", city="Ayer", state="MA", zip="01432",
                    contact_name="Priya Raghunathan", contact_title="Billing Supervisor",
                    contact_email="priya.r@nashobahomecare.net", contact_phone="978-555-0171"),
    "claimbridge": dict(org_legal_name="Claimbridge Revenue Solutions, Inc.", org_type="business_partner",
                        street="1 Wall Street, Floor 4", city="Burlington", state="MA", zip="01803",
                        contact_name="Tomasz Wierzbicki", contact_title="Automation Program Lead",
                        contact_email="twierzbicki@claimbridge.io", contact_phone="781-555-0188"),
    "mystic": dict(org_legal_name="Mystic River Pediatrics, P.C.", org_type="provider",
                   street="101 Riverside Avenue", city="Medford", state="MA", zip="02155",
                   contact_name="Aoife Gallagher", contact_title="Office Administrator",
                   contact_email="agallagher@mysticpeds.com", contact_phone="781-555-0129"),
    "blackstone": dict(org_legal_name="Blackstone Valley Orthopedics, LLC", org_dba="BV Ortho", org_type="provider",
                       street="88 North Main Street", city="Uxbridge", state="MA", zip="01569",
                       contact_name="Marcus Oyelaran", contact_title="Revenue Integrity Manager",
                       contact_email="moyelaran@bvortho.com", contact_phone="508-555-0164"),
    "housatonic": dict(org_legal_name="Housatonic Durable Medical Supply Co.", org_type="provider",
                       street="412 Stockbridge Road", city="Great Barrington", state="MA", zip="01230",
                       contact_name="Beatriz Quintero", contact_title="Operations Coordinator",
                       contact_email="bquintero@housatonicdme.com", contact_phone="413-555-0152"),
    "wachusett": dict(org_legal_name="Wachusett Ambulatory Surgery Center, LLC", org_type="provider",
                      street="200 Commercial Road", city="Leominster", state="MA", zip="01453",
                      contact_name="Henrik Sorensen", contact_title="Business Office Manager",
                      contact_email="hsorensen@wachusettasc.org", contact_phone="978-555-0138"),
    "charles": dict(org_legal_name="Charles River Billing Partners, LLC", org_dba="CRBP", org_type="business_partner",
                    street="950 Winter Street", city="Waltham", state="MA", zip="02451",
                    contact_name="Yusuf Karaca", contact_title="Client Automation Manager",
                    contact_email="ykaraca@crbillingpartners.com", contact_phone="781-555-0107"),
    "oldcolony": dict(org_legal_name="Old Colony Elder Services, Inc.", org_type="relationship_entity",
                      street="144 Main Street", city="Brockton", state="MA", zip="02301",
                      contact_name="Siobhan McCarthy", contact_title="Finance Director",
                      contact_email="smccarthy@oldcolonyes.org", contact_phone="508-555-0175"),
    "fallriver": dict(org_legal_name="Fall River Community Dental Center", org_type="provider",
                      street="279 North Main Street", city="Fall River", state="MA", zip="02720",
                      contact_name="Joaquim Medeiros", contact_title="Billing Lead",
                      contact_email="jmedeiros@frcdental.org", contact_phone="508-555-0181"),
    "plymouth": dict(org_legal_name="Plymouth Bay Hospice and Palliative Care, Inc.", org_type="provider",
                     street="46 Industrial Park Road", city="Plymouth", state="MA", zip="02360",
                     contact_name="Florence Whitfield", contact_title="Reimbursement Specialist",
                     contact_email="fwhitfield@plymouthbayhospice.org", contact_phone="508-555-0196"),
    "fieldstone": dict(org_legal_name="Fieldstone Financial Workflow Services, LLC", org_type="business_partner",
                       street="60 State Street, Suite 700", city="Boston", state="MA", zip="02109",
                       contact_name="Clifford Ainsworth", contact_title="Chief Information Officer",
                       contact_email="cainsworth@fieldstoneflow.com", contact_phone="617-555-0119"),
}
SIGNERS = {
    "capeann": ("Dr. Lars Petersen", "Managing Physician"), "quins": ("Naomi Feldstein", "Chief Executive Officer"),
    "nashoba": ("Gordon McAllister", "Owner"), "claimbridge": ("Elena Marchetti", "President"),
    "mystic": ("Dr. Rosa Delgado", "President"), "blackstone": ("Kevin Lindqvist", "Chief Operating Officer"),
    "housatonic": ("Winifred Osei", "General Manager"), "wachusett": ("Dr. Amit Bhattacharya", "Medical Director"),
    "charles": ("Patricia Nguyen", "Managing Partner"), "oldcolony": ("Raymond Fitzgerald", "Executive Director"),
    "fallriver": ("Dr. Helena Sousa", "Dental Director"), "plymouth": ("Margaret O'Donnell", "Chief Financial Officer"),
    "fieldstone": ("Clifford Ainsworth", "Chief Information Officer"),
}
for k, o in ORGS.items():
    o["fein"] = rnd_fein()
    if o["org_type"] == "provider":
        o["provider_id"] = rnd_pid()
        o["npi"] = rnd_npi()


def base(orgkey, form, sigdate):
    f = dict(ORGS[orgkey])
    f["attest"] = True
    f["signer_name"], f["signer_title"] = SIGNERS[orgkey]
    f["signature_date"] = sigdate
    return f


# ----------------------------------------------------------------------------- display formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fmt_date(v, style):
    try:
        d = dt.date.fromisoformat(v)
    except ValueError:
        return v  # deliberately invalid raw text
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "usshort":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if style == "long":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "dmy":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "abbr":
        return "%s-%02d-%d" % (MONTHS[d.month - 1][:3], d.day, d.year)   # Mar-04-2026
    if style == "dots":
        return "%02d.%02d.%d" % (d.month, d.day, d.year)
    return v


def fmt_phone(v, style):
    a, b, c = v.split("-")
    return {"paren": "(%s) %s-%s" % (a, b, c), "dots": "%s.%s.%s" % (a, b, c), "plain": "%s%s%s" % (a, b, c),
            "intl": "+1 (%s) %s-%s" % (a, b, c), "dash": v}[style]


def fmt_int(v, sep):
    return "{:,}".format(v) if sep else str(v)


class Style:
    def __init__(self, date="us", phone="paren", listsep=", ", thousands=True, marks=("☒", "☐")):
        self.date, self.phone, self.listsep, self.thousands, self.marks = date, phone, listsep, thousands, marks


def text_of(kind, v, st, opts=None):
    """Printed text for a non-choice value."""
    if v is None:
        return ""
    if kind == "d":
        return fmt_date(v, st.date)
    if kind == "ph":
        return fmt_phone(v, st.phone) if re.fullmatch(r"\d{3}-\d{3}-\d{4}", v) else v
    if kind == "i":
        return fmt_int(v, st.thousands) if isinstance(v, int) else str(v)
    if kind == "l":
        return st.listsep.join(v)
    if kind in ("c1",):
        return dict(opts)[v]
    if kind == "cs":
        return "; ".join(dict(opts)[x] for x in v)
    if kind == "yn":
        return "Yes" if v else "No"
    if kind == "cb":
        return "Yes" if v else ""
    return str(v)


def choice_states(kind, v, opts):
    if kind == "cs":
        return [(lab, v is not None and k in v) for k, lab in opts]
    if kind in ("c1", "yn"):
        return [(lab, v is not None and k == v) for k, lab in opts]
    if kind == "cb":
        return [(ATTEST_LABEL, bool(v))]
    return None


def iter_fields(form):
    for sec, items in FORMS[form]:
        for it in items:
            yield sec, it


# ----------------------------------------------------------------------------- expected json
CASES = {}
EXPECTED = {}


def case(name, form, ext, shape, drawn, desc, problems=(), scan=False):
    def deco(fn):
        shp = list(shape)
        if name.startswith("bl"):          # blank forms: class 15 (12 is "supporting document")
            shp = [s for s in shp if s != 12] + [15]
        elif problems:                     # deliberate problems: class 14 (11 is "header/footer values")
            shp = [s for s in shp if s != 11 or name.startswith(("hf", "sd3"))] + [14]
        CASES[name] = dict(fn=fn, form=form, ext=ext, shape=shp, drawn=drawn, desc=desc,
                           problems=[dict(code=c, field=f) for c, f in problems], scan=scan)
        return fn
    return deco


def write_expected(name, fields, form_version):
    c = CASES[name]
    out = {"file": name + "." + c["ext"], "form_type": c["form"], "form_version": form_version,
           "fields": {k: v for k, v in fields.items() if v is not None},
           "expected_problems": c["problems"], "shape": c["shape"], "scan": c["scan"],
           "drawn_with": c["drawn"], "description": c["desc"]}
    for k, v in list(out["fields"].items()):
        if isinstance(v, list) and k in ("transactions", "docs_enclosed", "modification_types"):
            out["fields"][k] = sorted(v)
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


# ----------------------------------------------------------------------------- reportlab helpers
def new_canvas(path, size=letter):
    c = canvas.Canvas(path, pagesize=size, invariant=1)
    c.setAuthor("")
    return c


def wrap(text, font, size, width, hyphenate=False):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if pdfmetrics.stringWidth(t, font, size) <= width:
            cur = t
            continue
        if hyphenate and len(w) >= 7:
            # split the word with a hyphen so that the head fits on this line
            for cut in range(len(w) - 3, 2, -1):
                a, b = w[cut - 1], w[cut]
                # break only between two consonant letters (Adjust-ment, Ser-vices, Work-ﬂow)
                if not (a.isalpha() and b.isalpha() and a.lower() not in "aeiouy" and b.lower() not in "aeiouy"
                        and w[cut:cut + 3].isalpha() and w[cut - 3:cut].isalpha()):
                    continue
                head = (cur + " " + w[:cut] + "-").strip()
                if pdfmetrics.stringWidth(head, font, size) <= width:
                    lines.append(head)
                    cur = w[cut:]
                    break
            else:
                if cur:
                    lines.append(cur)
                cur = w
            continue
        if cur:
            lines.append(cur)
        cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


class Pager:
    """Simple top-down writer on a reportlab canvas with page breaks and a footer callback."""

    def __init__(self, c, footer, top=740, bottom=60, before_page=None, after_page=None):
        self.c, self.footer, self.top, self.bottom = c, footer, top, bottom
        self.before_page, self.after_page = before_page, after_page
        self.page = 1
        self.y = top
        if before_page:
            before_page(c, self.page)

    def need(self, h):
        if self.y - h < self.bottom:
            self.finish_page()
            self.c.showPage()
            self.page += 1
            self.y = self.top
            if self.before_page:
                self.before_page(self.c, self.page)

    def finish_page(self):
        if self.after_page:
            self.after_page(self.c, self.page)
        self.footer(self.c, self.page)

    def close(self):
        self.finish_page()
        self.c.showPage()
        self.c.save()


def std_footer(code, font="Helvetica", extra=""):
    def f(c, page):
        c.setFont(font, 7.5)
        c.setFillColor(black)
        c.drawString(50, 32, ("Form %s (Rev. 09/2026)" % code) if code else "")
        c.drawRightString(562, 32, "%sPage %d" % (extra, page))
    return f


# ============================================================================= RENDERER 1: underlined blanks
def render_underline(path, form, vals, st, code, font="Times-Roman", bold="Times-Bold", blank=False):
    """Label on the left, the value typed ON a drawn underline (a line drawn as a path);
    choices as short underlined blanks with an X typed over the chosen ones."""
    c = new_canvas(path)
    p = Pager(c, std_footer(code, font))
    c.setFont(bold, 14)
    c.drawCentredString(306, p.y, TITLES[form])
    p.y -= 14
    c.setFont(font, 8.5)
    c.drawCentredString(306, p.y, "Type or print clearly on the lines. Return to the MassHealth RPA functional coordination mailbox.")
    p.y -= 22
    LX, VX, RX = 50, 250, 562
    for sec, (key, label, kind, opts) in iter_fields(form):
        pass
    cur = None
    for sec, (key, label, kind, opts) in iter_fields(form):
        v = None if blank else vals.get(key)
        if sec != cur:
            p.need(40)
            cur = sec
            p.y -= 6
            c.setFont(bold, 10.5)
            c.drawString(LX, p.y, sec.upper())
            p.y -= 16
        if kind in ("cs", "c1", "yn", "cb"):
            states = choice_states(kind, v, opts)
            if kind == "cb":
                p.need(30)
                c.setLineWidth(0.6)
                c.line(LX, p.y - 1, LX + 22, p.y - 1)
                if v:
                    c.setFont("Courier-Bold", 11)
                    c.drawString(LX + 7, p.y + 1, "X")
                c.setFont(font, 9.5)
                c.drawString(LX + 28, p.y, label)
                p.y -= 18
                continue
            lines = wrap(label, font, 9.5, VX - LX - 8)
            p.need(max(len(lines), len(states)) * 13 + 6)
            y0 = p.y
            c.setFont(font, 9.5)
            for ln in lines:
                c.drawString(LX, p.y, ln)
                p.y -= 12
            y = y0
            for lab, on in states:
                c.setLineWidth(0.6)
                c.line(VX, y - 1, VX + 20, y - 1)
                if on:
                    c.setFont("Courier-Bold", 11)
                    c.drawString(VX + 6, y + 1, "X")
                c.setFont(font, 9.5)
                c.drawString(VX + 26, y, lab)
                y -= 13
            p.y = min(p.y, y) - 5
            continue
        txt = text_of(kind, v, st, opts)
        llines = wrap(label, font, 9.5, VX - LX - 8)
        vlines = wrap(txt, "Courier", 10, RX - VX - 4) if txt else [""]
        if kind == "l" and v and st.listsep == "\n":
            vlines = v
        n = max(len(llines), len(vlines))
        p.need(n * 15 + 6)
        c.setFont(font, 9.5)
        for i, ln in enumerate(llines):
            c.drawString(LX, p.y - i * 15, ln + (":" if i == len(llines) - 1 else ""))
        c.setLineWidth(0.5)
        for i in range(max(len(vlines), 1)):
            c.line(VX, p.y - i * 15 - 2.5, RX, p.y - i * 15 - 2.5)
            c.setFont("Courier", 10)
            if i < len(vlines) and vlines[i]:
                c.drawString(VX + 3, p.y - i * 15, vlines[i])
        p.y -= n * 15 + 4
    p.close()


# ============================================================================= RENDERER 2: watermark
def render_watermark(path, form, vals, st, code, word="DRAFT", on_top=False):
    """'Label: value' lines in Helvetica; a huge diagonal grey watermark word behind (or over) the text."""
    c = new_canvas(path)

    def wm(c, page):
        c.saveState()
        if on_top:
            c.setFillColor(Color(0.85, 0.1, 0.1, alpha=0.18))
        else:
            c.setFillColor(Color(0.82, 0.82, 0.82))
        c.translate(306, 396)
        c.rotate(50)
        c.setFont("Helvetica-Bold", 150)
        c.drawCentredString(0, -50, word)
        c.restoreState()

    p = Pager(c, std_footer(code), before_page=None if on_top else wm, after_page=wm if on_top else None)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, p.y, TITLES[form])
    p.y -= 24
    cur = None
    for sec, (key, label, kind, opts) in iter_fields(form):
        v = vals.get(key)
        if sec != cur:
            cur = sec
            p.need(34)
            p.y -= 4
            c.setFillColor(HexColor("#1F3A5F"))
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(50, p.y, sec)
            c.setFillColor(black)
            p.y -= 15
        if kind in ("cs", "c1", "yn", "cb"):
            states = choice_states(kind, v, opts)
            if kind == "cb":
                s = "%s %s" % (st.marks[0] if v else st.marks[1], label)
                p.need(14)
                c.setFont("DV", 9)
                c.drawString(60, p.y, s)
                p.y -= 14
                continue
            c.setFont("Helvetica-Bold", 9)
            lab = label + ":"
            runs = "   ".join("%s %s" % (st.marks[0] if on else st.marks[1], l) for l, on in states)
            lines = wrap(runs, "DV", 9, 500 - pdfmetrics.stringWidth(lab, "Helvetica-Bold", 9))
            p.need(13 * len(lines) + 2)
            c.drawString(60, p.y, lab)
            x = 66 + pdfmetrics.stringWidth(lab, "Helvetica-Bold", 9)
            c.setFont("DV", 9)
            for ln in lines:
                c.drawString(x, p.y, ln)
                p.y -= 13
            continue
        txt = text_of(kind, v, st, opts)
        lab = label + ":"
        lw = pdfmetrics.stringWidth(lab, "Helvetica-Bold", 9)
        lines = wrap(txt, "Helvetica", 9.5, 495 - lw) if txt else [""]
        p.need(13 * len(lines) + 1)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(60, p.y, lab)
        c.setFont("Helvetica", 9.5)
        for ln in lines:
            c.drawString(66 + lw, p.y, ln)
            p.y -= 13
    p.close()


# ============================================================================= RENDERER 3: sidebar label box
def render_sidebar(path, form, vals, st, code):
    """Per section one shaded SIDEBAR BOX at the left holding all the labels (right-aligned inside it),
    the values to the right of the box, one per label row."""
    c = new_canvas(path)
    p = Pager(c, std_footer(code, "DVC"), top=735)
    c.setFont("DVCB", 13)
    c.drawString(40, p.y + 8, TITLES[form])
    p.y -= 20
    LX, BW, VX = 40, 230, 282
    secs = []
    for sec, items in FORMS[form]:
        secs.append((sec, items))
    for sec, items in secs:
        rows = []
        for key, label, kind, opts in items:
            v = vals.get(key)
            if kind in ("cs", "c1", "yn", "cb"):
                states = choice_states(kind, v, opts)
                vl = ["%s %s" % (st.marks[0] if on else st.marks[1], l) for l, on in states]
                if kind == "cb":
                    vl = ["%s Yes, I attest" % (st.marks[0] if v else st.marks[1])]
            else:
                t = text_of(kind, v, st, opts)
                vl = wrap(t, "DV", 8.5, 562 - VX) if t else [""]
                if kind == "l" and v and st.listsep == "\n":
                    vl = v
            ll = wrap(label, "DVC", 8, BW - 12)
            rows.append((ll, vl))
        h = sum(max(len(a), len(b)) * 11 + 5 for a, b in rows) + 22
        p.need(h)
        top = p.y
        c.setFillColor(HexColor("#E4ECF4"))
        c.setStrokeColor(HexColor("#7A93AC"))
        c.roundRect(LX, top - h + 6, BW, h, 5, fill=1, stroke=1)
        c.setFillColor(HexColor("#24425F"))
        c.setFont("DVCB", 9.5)
        c.drawString(LX + 8, top - 8, sec)
        c.setFillColor(black)
        y = top - 24
        for ll, vl in rows:
            c.setFont("DVC", 8)
            for i, ln in enumerate(ll):
                c.drawRightString(LX + BW - 8, y - i * 11, ln)
            c.setFont("DV", 8.5)
            for i, ln in enumerate(vl):
                c.drawString(VX, y - i * 11, ln)
            y -= max(len(ll), len(vl)) * 11 + 5
        p.y = top - h - 6
    p.close()


# ============================================================================= RENDERER 4: right-to-left column order
def render_rtl(path, form, vals, st, code):
    """Column order reversed: the VALUE column on the left, the LABEL right-aligned at the right margin
    (as a form laid out for a right-to-left template and re-used in English). Thin dotted rule between."""
    c = new_canvas(path)
    p = Pager(c, std_footer(code, "DVS"))
    c.setFont("DVSB", 13)
    c.drawRightString(562, p.y, TITLES[form])
    p.y -= 22
    VX, VW, LR = 50, 250, 562
    cur = None
    for sec, (key, label, kind, opts) in iter_fields(form):
        v = vals.get(key)
        if sec != cur:
            cur = sec
            p.need(30)
            c.setFillColor(HexColor("#5B2C06"))
            c.setFont("DVSB", 10)
            c.drawRightString(LR, p.y, sec)
            c.setStrokeColor(HexColor("#5B2C06"))
            c.line(50, p.y - 3, LR, p.y - 3)
            c.setFillColor(black)
            c.setStrokeColor(black)
            p.y -= 17
        if kind in ("cs", "c1", "yn", "cb"):
            states = choice_states(kind, v, opts)
            vl = ["%s %s" % (st.marks[0] if on else st.marks[1], l) for l, on in states]
            if kind == "cb":
                vl = [st.marks[0] if v else st.marks[1]]
        else:
            t = text_of(kind, v, st, opts)
            vl = wrap(t, "DVS", 8.5, VW) if t else [""]
            if kind == "l" and v and st.listsep == "\n":
                vl = v
        ll = wrap(label, "DVS", 8.5, 250)
        n = max(len(vl), len(ll))
        p.need(n * 11.5 + 5)
        for i, ln in enumerate(vl):
            c.setFont("DV" if ln[:1] in "☒☐" else "DVS", 8.5)
            c.drawString(VX, p.y - i * 11.5, ln)
        c.setFont("DVSB", 8.5)
        for i, ln in enumerate(ll):
            c.drawRightString(LR, p.y - i * 11.5, ln)
        c.setDash(1, 2)
        c.setLineWidth(0.3)
        c.line(VX, p.y - (n - 1) * 11.5 - 3.5, LR, p.y - (n - 1) * 11.5 - 3.5)
        c.setDash()
        p.y -= n * 11.5 + 5
    p.close()


# ============================================================================= RENDERER 5: ligatures + hyphenation
LIG = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]


def ligate(s):
    for a, b in LIG:
        s = s.replace(a, b)
    return s


def render_ligature(path, form, vals, st, code):
    """Labels in DejaVu Sans Bold, values in DejaVu Serif Italic (mixed fonts); every 'fi', 'fl', 'ff',
    'ffi' in labels and values written as the Unicode LIGATURE characters (U+FB00..FB04); values in a
    narrow column, long ones broken with a HYPHEN at the line end."""
    c = new_canvas(path)
    p = Pager(c, std_footer(code, "DVS"))
    c.setFont("DVSB", 12.5)
    for ln in wrap(ligate(TITLES[form]), "DVSB", 12.5, 500):
        c.drawString(50, p.y, ln)
        p.y -= 16
    p.y -= 8
    LX, VX, VW = 50, 330, 165
    cur = None
    for sec, (key, label, kind, opts) in iter_fields(form):
        v = vals.get(key)
        if sec != cur:
            cur = sec
            p.need(30)
            c.setFont("DVSB", 10)
            c.drawString(LX, p.y, ligate(sec))
            p.y -= 15
        if kind in ("cs", "c1", "yn", "cb"):
            states = choice_states(kind, v, opts)
            vl = ["%s %s" % (st.marks[0] if on else st.marks[1], ligate(l)) for l, on in states]
            if kind == "cb":
                vl = [st.marks[0] + " " + ligate("Yes – I certify")] if v else [st.marks[1]]
        else:
            t = text_of(kind, v, st, opts)
            vl = wrap(ligate(t), "DVSI", 9, VW, hyphenate=True) if t else [""]
            if kind == "l" and v and st.listsep == "\n":
                vl = [ligate(x) for x in v]
        ll = wrap(ligate(label), "DVB", 8.5, VX - LX - 14)
        n = max(len(vl), len(ll))
        p.need(n * 12 + 4)
        c.setFont("DVB", 8.5)
        for i, ln in enumerate(ll):
            c.drawString(LX, p.y - i * 12, ln)
        for i, ln in enumerate(vl):
            c.setFont("DV" if ln[:1] in "☒☐" else "DVSI", 9)
            c.drawString(VX, p.y - i * 12, ln)
        p.y -= n * 12 + 4
    p.close()


# ============================================================================= RENDERER 6: Markdown -> HTML -> Chromium
def md_to_html(md):
    """A small Markdown converter (headings, paragraphs, bullet lists, task lists, pipe tables,
    **bold**, _em_, `code`, horizontal rule) producing GitHub-like HTML."""
    def inline(s):
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
        s = re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"<em>\1</em>", s)
        s = re.sub(r"`(.+?)`", r"<code>\1</code>", s)
        return s
    out, lines, i = [], md.split("\n"), 0
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        m = re.match(r"(#{1,6}) (.*)", ln)
        if m:
            n = len(m.group(1))
            out.append("<h%d>%s</h%d>" % (n, inline(m.group(2)), n))
            i += 1
            continue
        if ln.strip() == "---":
            out.append("<hr>")
            i += 1
            continue
        if ln.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([x.strip() for x in lines[i].strip().strip("|").split("|")])
                i += 1
            out.append("<table><thead><tr>%s</tr></thead><tbody>" % "".join("<th>%s</th>" % inline(x) for x in rows[0]))
            for r in rows[2:]:
                out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % inline(x).replace("&lt;br&gt;", "<br>") for x in r))
            out.append("</tbody></table>")
            continue
        if re.match(r"\s*[-*] ", ln):
            out.append("<ul>")
            while i < len(lines) and re.match(r"\s*[-*] ", lines[i]):
                item = re.sub(r"^\s*[-*] ", "", lines[i])
                nested = lines[i].startswith("  ")
                t = re.match(r"\[([ xX])\] (.*)", item)
                if t:
                    box = '<input type="checkbox" disabled%s>' % (" checked" if t.group(1) != " " else "")
                    out.append('<li class="task%s">%s %s</li>' % (" nested" if nested else "", box, inline(t.group(2))))
                else:
                    out.append('<li%s>%s</li>' % (' class="nested"' if nested else "", inline(item)))
                i += 1
            out.append("</ul>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not re.match(r"(#|\||\s*[-*] |---)", lines[i]):
            para.append(lines[i])
            i += 1
        out.append("<p>%s</p>" % inline(" ".join(para)))
    return "\n".join(out)


MD_CSS = """
body{font-family:'DejaVu Sans',sans-serif;font-size:10.5pt;color:#1f2328;margin:0;line-height:1.45}
h1{font-size:17pt;border-bottom:1px solid #d1d9e0;padding-bottom:.25em;margin:0 0 .6em}
h2{font-size:13pt;border-bottom:1px solid #d1d9e0;padding-bottom:.2em;margin:1.1em 0 .4em}
ul{margin:.2em 0 .4em;padding-left:1.6em} li{margin:.12em 0} li.task{list-style:none;margin-left:-1.3em}
li.nested{margin-left:1.2em} li.task.nested{margin-left:0}
table{border-collapse:collapse;margin:.4em 0 .8em;width:100%} th,td{border:1px solid #d1d9e0;padding:4px 9px;text-align:left;vertical-align:top}
th{background:#f6f8fa} tr:nth-child(2n) td{background:#f6f8fa}
code{font-family:'DejaVu Sans Mono',monospace;font-size:9pt;background:#eff1f3;padding:1px 4px;border-radius:4px}
hr{border:0;border-top:3px solid #d1d9e0;margin:1.2em 0} p{margin:.4em 0}
"""


def chromium_pdf(html, path, css=MD_CSS, margin="18mm"):
    name = os.path.splitext(os.path.basename(path))[0]
    hp = os.path.join(WORK, name + ".html")
    with open(hp, "w", encoding="utf-8") as fh:
        fh.write("<!doctype html><html><head><meta charset='utf-8'><style>@page{size:Letter;margin:%s}%s</style>"
                 "</head><body>%s</body></html>" % (margin, css, html))
    prof = os.path.join(WORK, "chrome-profile")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                    "--user-data-dir=" + prof, "--no-pdf-header-footer", "--print-to-pdf=" + path,
                    "file://" + hp], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def form_markdown(form, vals, st, code, table=False):
    md = ["# " + TITLES[form], "", "_Submitted by e-mail to the MassHealth RPA functional coordination mailbox._", ""]
    for sec, items in FORMS[form]:
        md.append("## " + sec)
        md.append("")
        if table:
            md += ["| Field | Response |", "|---|---|"]
        for key, label, kind, opts in items:
            v = vals.get(key)
            if kind in ("cs", "c1", "yn") and not table:
                md.append("- **%s:**" % label)
                for lab, on in choice_states(kind, v, opts):
                    md.append("  - [%s] %s" % ("x" if on else " ", lab))
                continue
            if kind == "cb":
                if table:
                    md.append("| %s | %s |" % (label, "[x] Yes" if v else ""))
                else:
                    md.append("- [%s] %s" % ("x" if v else " ", label))
                continue
            if table and kind in ("cs", "c1", "yn"):
                t = "<br>".join(l for l, on in choice_states(kind, v, opts) if on)
            else:
                t = text_of(kind, v, st, opts)
                if table and kind == "l" and v:
                    t = "<br>".join(v)
            if table:
                md.append("| %s | %s |" % (label, t))
            else:
                md.append("- **%s:** %s" % (label, t))
        md.append("")
    md += ["---", "", "`%s` · Rev. 09/2026" % code]
    return "\n".join(md)


# ============================================================================= RENDERER 7: Google-Forms response printout
GF_CSS = """
body{font-family:'DejaVu Sans',sans-serif;font-size:10pt;color:#202124;background:#fff;margin:0}
.top{border-top:9px solid #673ab7;border:1px solid #dadce0;border-radius:8px;padding:14px 20px;margin-bottom:10px}
.top h1{font-size:17pt;font-weight:normal;margin:0 0 6px}
.meta{color:#5f6368;font-size:9pt}
.q{border:1px solid #dadce0;border-radius:8px;padding:10px 20px;margin-bottom:8px;page-break-inside:avoid}
.qt{font-size:10.5pt;margin-bottom:6px}
.req{color:#d93025}
.ans{font-size:10pt;color:#202124;background:#f1f3f4;padding:5px 8px;border-radius:4px}
.noans{font-size:9pt;color:#80868b;font-style:italic}
.sec{background:#673ab7;color:#fff;padding:6px 20px;border-radius:8px 8px 0 0;font-size:11pt;margin-top:12px}
.foot{color:#5f6368;font-size:8pt;margin-top:10px}
"""


def render_gforms(path, form, vals, st, code, email, stamp):
    req = set(REQUIRED["common"]) | set(REQUIRED.get(form, []))
    h = ['<div class="top"><h1>%s</h1><div class="meta">Response 1 of 1 · Submitted %s · %s</div>'
         '<div class="meta">Form %s</div></div>' % (TITLES[form], stamp, email, code)]
    for sec, items in FORMS[form]:
        h.append('<div class="sec">%s</div>' % sec)
        for key, label, kind, opts in items:
            v = vals.get(key)
            if kind in ("cs", "c1", "yn"):
                t = ", ".join(l for l, on in choice_states(kind, v, opts) if on) if v is not None else ""
            elif kind == "cb":
                t = "I agree" if v else ""
            else:
                t = text_of(kind, v, st, opts)
                if kind == "l" and v:
                    t = "<br>".join(v)
            h.append('<div class="q"><div class="qt">%s%s</div>%s</div>' % (
                label, ' <span class="req">*</span>' if key in req else "",
                '<div class="ans">%s</div>' % t if t else '<div class="noans">No answer</div>'))
    h.append('<div class="foot">This content is neither created nor endorsed by MassHealth. Printed response · %s</div>' % code)
    chromium_pdf("\n".join(h), path, css=GF_CSS, margin="12mm")


# ============================================================================= RENDERER 8/9: fillable PDFs
def render_fillable(path, form, vals, st, code, mode):
    """reportlab AcroForm.  mode 'apponly': every field keeps its appearance stream (/AP, /AS) but its
    /V value is removed, so the value exists only as the widget's drawing.  mode 'partial': every other
    field was flattened (its value printed into the page content, no widget), the rest stay fields."""
    c = new_canvas(path)
    form_ = c.acroForm
    p = Pager(c, std_footer(code))
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, p.y, TITLES[form])
    p.y -= 24
    LX, VX, VW = 50, 270, 290
    n = 0
    cur = None
    for sec, (key, label, kind, opts) in iter_fields(form):
        v = vals.get(key)
        if sec != cur:
            cur = sec
            p.need(34)
            c.setFillColor(HexColor("#DDE6EE"))
            c.rect(LX, p.y - 4, 512, 15, fill=1, stroke=0)
            c.setFillColor(black)
            c.setFont("Helvetica-Bold", 10)
            c.drawString(LX + 4, p.y, sec)
            p.y -= 20
        n += 1
        flat = mode == "partial" and n % 2 == 0
        if kind in ("cs", "c1", "yn", "cb"):
            states = choice_states(kind, v, opts)
            ll = wrap(label, "Helvetica", 8.5, VX - LX - 10)
            if kind == "cb":
                ll = wrap(label, "Helvetica", 8.5, 440)
            rows = max(len(ll), len(states))
            p.need(rows * 14 + 4)
            c.setFont("Helvetica", 8.5)
            if kind == "cb":
                for i, ln in enumerate(ll):
                    c.drawString(LX + 20, p.y - i * 11, ln)
                if flat:
                    c.rect(LX, p.y - 2, 10, 10)
                    if v:
                        c.setFont("ZapfDingbats", 9)
                        c.drawString(LX + 1.5, p.y - 0.5, "4")
                else:
                    form_.checkbox(name="attest", x=LX, y=p.y - 2, size=11, checked=bool(v), buttonStyle="check",
                                   borderWidth=0.8, tooltip=None)
                p.y -= len(ll) * 11 + 6
                continue
            for i, ln in enumerate(ll):
                c.drawString(LX, p.y - i * 11, ln)
            y = p.y
            for j, (lab, on) in enumerate(states):
                if flat:
                    c.rect(VX, y - 2, 10, 10)
                    if on:
                        c.setFont("ZapfDingbats", 9)
                        c.drawString(VX + 1.5, y - 0.5, "4")
                else:
                    form_.checkbox(name="%s_%d" % (key, j + 1), x=VX, y=y - 2, size=11, checked=on,
                                   buttonStyle="check", borderWidth=0.8)
                c.setFont("Helvetica", 8.5)
                c.drawString(VX + 16, y, lab)
                y -= 14
            p.y = min(p.y - len(ll) * 11, y) - 4
            continue
        t = text_of(kind, v, st, opts)
        multi = kind == "l" or len(t) > 52
        h = 30 if multi else 15
        ll = wrap(label, "Helvetica", 8.5, VX - LX - 10)
        p.need(max(h, len(ll) * 11) + 6)
        c.setFont("Helvetica", 8.5)
        for i, ln in enumerate(ll):
            c.drawString(LX, p.y - i * 11, ln)
        if kind == "l" and v:
            t = "\n".join(v) if st.listsep == "\n" else t
        if flat:
            c.setStrokeColor(HexColor("#888888"))
            c.rect(VX, p.y - h + 11, VW, h, stroke=1, fill=0)
            c.setStrokeColor(black)
            c.setFont("Helvetica", 9)
            for i, ln in enumerate(t.split("\n") if "\n" in t else wrap(t, "Helvetica", 9, VW - 6)):
                c.drawString(VX + 3, p.y - i * 11, ln)
        else:
            form_.textfield(name=key, x=VX, y=p.y - h + 11, width=VW, height=h, value=t, fontName="Helvetica",
                            fontSize=0 if multi else 9, borderWidth=0.6, fieldFlags="multiline" if multi else "",
                            borderColor=HexColor("#888888"), fillColor=white)
        p.y -= max(h, len(ll) * 11) + 6
    p.close()
    if mode == "apponly":
        r = PdfReader(path)
        w = PdfWriter(clone_from=r)
        for page in w.pages:
            for a in page.get("/Annots", []) or []:
                o = a.get_object()
                if "/V" in o:
                    del o[NameObject("/V")]
        af = w._root_object["/AcroForm"]
        if "/NeedAppearances" in af:
            del af[NameObject("/NeedAppearances")]
        with open(path, "wb") as fh:
            w.write(fh)


# ============================================================================= DOCX helpers
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def el(tag, attrs=None, *children):
    e = etree.SubElement(etree.Element("x"), qn(tag)) if False else etree.Element(qn(tag))
    for k, v in (attrs or {}).items():
        e.set(qn(k), str(v))
    for ch in children:
        e.append(ch)
    return e


def run_el(text, bold=False, deltext=False, font=None, size=None, color=None):
    r = el("w:r")
    rpr = el("w:rPr")
    if font:
        rpr.append(el("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:cs": font}))
    if bold:
        rpr.append(el("w:b"))
    if color:
        rpr.append(el("w:color", {"w:val": color}))
    if size:
        rpr.append(el("w:sz", {"w:val": int(size * 2)}))
    if len(rpr):
        r.append(rpr)
    t = el("w:delText" if deltext else "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def new_doc(font, size=10):
    d = docx.Document()
    s = d.styles["Normal"]
    s.font.name = font
    s.font.size = Pt(size)
    s.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for sec in d.sections:
        sec.left_margin = sec.right_margin = Inches(0.9)
        sec.top_margin = sec.bottom_margin = Inches(0.8)
    d.core_properties.author = "Office User"
    d.core_properties.created = dt.datetime(2026, 1, 5, 9, 0, 0)
    d.core_properties.modified = dt.datetime(2026, 1, 5, 9, 0, 0)
    d.core_properties.last_modified_by = "Office User"
    return d


def set_cell_shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def cell_text(cell, text, bold=False, size=None):
    p = cell.paragraphs[0]
    for i, ln in enumerate(text.split("\n")):
        if i:
            p = cell.add_paragraph()
        r = p.add_run(ln)
        r.bold = bold
        if size:
            r.font.size = Pt(size)


def add_footer_code(d, text):
    f = d.sections[0].footer
    f.paragraphs[0].text = text
    f.paragraphs[0].runs[0].font.size = Pt(8)


def fixed_zip(path):
    """Rewrite a DOCX with fixed zip timestamps for determinism."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items:
            zi = zipfile.ZipInfo(n, (2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b)


def choice_lines(kind, v, opts, marks=("☒", "☐")):
    if kind == "cb":
        return ["%s Yes" % (marks[0] if v else marks[1])]
    return ["%s %s" % (marks[0] if on else marks[1], l) for l, on in choice_states(kind, v, opts)]


# ============================================================================= DOCX 1: tracked changes
def render_docx_tracked(path, form, vals, st, code, changes, font="Calibri"):
    """Label | value table; the values listed in `changes` (key -> old printed text) are shown as
    TRACKED CHANGES: the old text inside <w:del> and the new one inside <w:ins> (not accepted)."""
    d = new_doc(font)
    d.add_heading(TITLES[form], level=1)
    d.add_paragraph("Please complete every section. Changes made after internal review are tracked.")
    RID = [0]

    def rev(tag, children):
        RID[0] += 1
        e = el(tag, {"w:id": RID[0], "w:author": "Jordan Pike", "w:date": "2026-03-02T10:%02d:00Z" % (RID[0] % 60)})
        for ch in children:
            e.append(ch)
        return e

    for sec, items in FORMS[form]:
        d.add_heading(sec, level=2)
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for key, label, kind, opts in items:
            v = vals.get(key)
            row = t.add_row()
            cell_text(row.cells[0], label, bold=True)
            set_cell_shade(row.cells[0], "F2F2F2")
            if kind in ("cs", "c1", "yn", "cb"):
                lines = choice_lines(kind, v, opts)
                if key in changes:
                    # tracked re-tick: old marks deleted, new marks inserted
                    old = changes[key]
                    p = row.cells[1].paragraphs[0]
                    for i, (ln, oldln) in enumerate(zip(lines, choice_lines(kind, old, opts))):
                        if i:
                            p = row.cells[1].add_paragraph()
                        if ln[0] != oldln[0]:
                            p._p.append(rev("w:del", [run_el(oldln[0], deltext=True)]))
                            p._p.append(rev("w:ins", [run_el(ln[0])]))
                            p._p.append(run_el(ln[1:]))
                        else:
                            p._p.append(run_el(ln))
                else:
                    cell_text(row.cells[1], "\n".join(lines))
                continue
            txt = text_of(kind, v, st, opts)
            if kind == "l" and v and st.listsep == "\n":
                txt = "\n".join(v)
            p = row.cells[1].paragraphs[0]
            if key in changes:
                old = changes[key]
                if isinstance(old, tuple):   # (deleted middle, inserted middle) inside a longer value
                    pre, dl, ins, post = old
                    if pre:
                        p._p.append(run_el(pre))
                    p._p.append(rev("w:del", [run_el(dl, deltext=True)]))
                    p._p.append(rev("w:ins", [run_el(ins)]))
                    if post:
                        p._p.append(run_el(post))
                elif old == "":   # inserted where there was nothing
                    p._p.append(rev("w:ins", [run_el(txt)]))
                else:
                    p._p.append(rev("w:del", [run_el(old, deltext=True)]))
                    p._p.append(rev("w:ins", [run_el(txt)]))
            else:
                for i, ln in enumerate(txt.split("\n")):
                    if i:
                        p = row.cells[1].add_paragraph()
                    if ln:
                        p.add_run(ln)
        d.add_paragraph()
    add_footer_code(d, "%s  Rev. 09/2026" % code)
    settings = d.settings.element
    settings.append(el("w:trackRevisions"))
    d.save(path)
    fixed_zip(path)


# ============================================================================= DOCX 2: nested tables
def render_docx_nested(path, form, vals, st, code, blank=False, font="Cambria"):
    """One OUTER 1-column table per section (title row shaded); its body cell holds an INNER
    label | value table; choice groups are a THIRD-level table (mark | option) inside the value cell."""
    d = new_doc(font)
    p = d.add_paragraph()
    r = p.add_run(TITLES[form])
    r.bold = True
    r.font.size = Pt(15)
    for sec, items in FORMS[form]:
        outer = d.add_table(rows=2, cols=1)
        outer.style = "Table Grid"
        cell_text(outer.rows[0].cells[0], sec, bold=True)
        set_cell_shade(outer.rows[0].cells[0], "D9E2F3")
        body = outer.rows[1].cells[0]
        inner = body.add_table(rows=0, cols=2)
        inner.style = "Table Grid"
        for key, label, kind, opts in items:
            v = None if blank else vals.get(key)
            row = inner.add_row()
            cell_text(row.cells[0], label)
            if kind in ("cs", "c1", "yn", "cb"):
                states = choice_states(kind, v, opts)
                if kind == "cb":
                    states = [("Yes", bool(v))]
                third = row.cells[1].add_table(rows=0, cols=2)
                for lab, on in states:
                    rr = third.add_row()
                    cell_text(rr.cells[0], "☒" if on else "☐")
                    cell_text(rr.cells[1], lab)
                continue
            txt = text_of(kind, v, st, opts)
            if kind == "l" and v and st.listsep == "\n":
                txt = "\n".join(v)
            cell_text(row.cells[1], txt)
        d.add_paragraph()
    add_footer_code(d, "Form %s" % code)
    d.save(path)
    fixed_zip(path)


# ============================================================================= DOCX 3: SDTs bound to custom XML
CX_NS = "urn:example:masshealth:rpa-form:2026"
STORE_ID = "{6F1C2B3A-9D4E-4C21-8B7A-2E5D90C41A77}"


def camel(key):
    a = key.split("_")
    return a[0] + "".join(x.title() for x in a[1:])


def render_docx_customxml(path, form, vals, st, code, font="Segoe UI"):
    """Content controls whose text is BOUND to a custom XML part (w:dataBinding with an XPath into
    customXml/item2.xml); the sdtContent shows the cached bound value.  One-of choices and yes/no are
    bound dropDownLists, dates bound date controls (w:fullDate), sets as unbound w14 checkboxes."""
    d = new_doc(font)
    d.add_heading(TITLES[form], level=1)
    root = etree.Element("{%s}rpaForm" % CX_NS, nsmap={None: CX_NS})
    root.set("formCode", code)
    sid = [100]

    def sdt(key, shown, kind, opts, v):
        sid[0] += 1
        s = el("w:sdt")
        pr = el("w:sdtPr")
        pr.append(el("w:alias", {"w:val": key}))
        pr.append(el("w:tag", {"w:val": key}))
        pr.append(el("w:id", {"w:val": sid[0]}))
        pr.append(el("w:dataBinding", {"w:prefixMappings": "xmlns:ns0='%s'" % CX_NS,
                                       "w:xpath": "/ns0:rpaForm[1]/ns0:%s[1]" % camel(key),
                                       "w:storeItemID": STORE_ID}))
        if kind in ("c1", "yn"):
            dd = el("w:dropDownList")
            for k, lab in opts:
                dd.append(el("w:listItem", {"w:displayText": lab, "w:value": lab}))
            pr.append(dd)
        elif kind == "d":
            de = el("w:date", {"w:fullDate": v + "T00:00:00Z"} if v else {})
            de.append(el("w:dateFormat", {"w:val": "MMMM d, yyyy"}))
            de.append(el("w:lid", {"w:val": "en-US"}))
            de.append(el("w:storeMappedDataAs", {"w:val": "dateTime"}))
            de.append(el("w:calendar", {"w:val": "gregorian"}))
            pr.append(de)
        else:
            tx = el("w:text")
            if kind == "l":
                tx.set(qn("w:multiLine"), "1")
            pr.append(tx)
        s.append(pr)
        cont = el("w:sdtContent")
        r = run_el(shown)
        if kind == "l" and "\n" in shown:
            r = el("w:r")
            for i, ln in enumerate(shown.split("\n")):
                if i:
                    r.append(el("w:br"))
                t = el("w:t")
                t.text = ln
                r.append(t)
        cont.append(r)
        s.append(cont)
        return s

    def cbsdt(key, on):
        sid[0] += 1
        s = el("w:sdt")
        pr = el("w:sdtPr")
        pr.append(el("w:tag", {"w:val": key}))
        pr.append(el("w:id", {"w:val": sid[0]}))
        cb = etree.SubElement(pr, "{%s}checkbox" % W14)
        etree.SubElement(cb, "{%s}checked" % W14).set("{%s}val" % W14, "1" if on else "0")
        cs = etree.SubElement(cb, "{%s}checkedState" % W14)
        cs.set("{%s}val" % W14, "2612")
        cs.set("{%s}font" % W14, "MS Gothic")
        us = etree.SubElement(cb, "{%s}uncheckedState" % W14)
        us.set("{%s}val" % W14, "2610")
        us.set("{%s}font" % W14, "MS Gothic")
        s.append(pr)
        cont = el("w:sdtContent")
        cont.append(run_el("☒" if on else "☐", font="MS Gothic"))
        s.append(cont)
        return s

    for sec, items in FORMS[form]:
        d.add_heading(sec, level=2)
        t = d.add_table(rows=0, cols=2)
        t.style = "Light List Accent 1" if "Light List Accent 1" in [x.name for x in d.styles] else "Table Grid"
        for key, label, kind, opts in items:
            v = vals.get(key)
            row = t.add_row()
            cell_text(row.cells[0], label, bold=True)
            p = row.cells[1].paragraphs[0]
            if kind in ("cs", "cb"):
                states = choice_states(kind, v, opts) if kind == "cs" else [("Yes, I attest", bool(v))]
                for i, (lab, on) in enumerate(states):
                    if i:
                        p = row.cells[1].add_paragraph()
                    p._p.append(cbsdt("%s.%d" % (key, i + 1), on))
                    p._p.append(run_el(" " + lab))
                continue
            if kind in ("c1", "yn"):
                shown = dict(opts)[v] if v is not None else ""
                node = shown
            elif kind == "d":
                shown = fmt_date(v, "long") if v else ""
                node = (v + "T00:00:00") if v else ""
            else:
                shown = text_of(kind, v, st, opts)
                if kind == "l" and v:
                    shown = "\n".join(v)
                node = shown
            e = etree.SubElement(root, "{%s}%s" % (CX_NS, camel(key)))
            e.text = node
            p._p.append(sdt(key, shown, kind, opts, v))
        d.add_paragraph()
    add_footer_code(d, "%s · Rev. 09/2026" % code)
    d.save(path)
    # add the custom XML part
    item = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="%s" '
             'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
             '<ds:schemaRef ds:uri="%s"/></ds:schemaRefs></ds:datastoreItem>' % (STORE_ID, CX_NS)).encode()
    irels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps2.xml"/>'
             '</Relationships>').encode()
    with zipfile.ZipFile(path) as z:
        files = {i.filename: z.read(i.filename) for i in z.infolist()}
    ct = files["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/customXml/itemProps2.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>')
    if 'Extension="xml"' not in ct:
        ct = ct.replace("</Types>", '<Default Extension="xml" ContentType="application/xml"/></Types>')
    files["[Content_Types].xml"] = ct.encode()
    rels = files["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdCx1" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/customXml" Target="../customXml/item2.xml"/>'
                        '</Relationships>')
    files["word/_rels/document.xml.rels"] = rels.encode()
    files["customXml/item2.xml"] = item          # item1 is python-docx's bibliography part
    files["customXml/itemProps2.xml"] = props
    files["customXml/_rels/item2.xml.rels"] = irels
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items():
            zi = zipfile.ZipInfo(n, (2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b)


# ============================================================================= DOCX 4: values in header/footer
def render_docx_headerfooter(path, form, vals, st, code, head_keys, foot_keys, font="Georgia"):
    """Some fields live ONLY in the page HEADER (a two-column label | value table) and the FOOTER
    ('Label: value' runs next to the form code); the body has 'Label: value' paragraphs for the rest."""
    d = new_doc(font)
    sec0 = d.sections[0]
    hdr = sec0.header
    hp = hdr.paragraphs[0]
    hr = hp.add_run(TITLES[form])
    hr.bold = True
    hr.font.size = Pt(11)
    ht = hdr.add_table(rows=0, cols=2, width=Inches(6.7))
    ht.style = "Table Grid"
    lab = {k: (l, kind, opts) for _, (k, l, kind, opts) in iter_fields(form)}
    for k in head_keys:
        l, kind, opts = lab[k]
        row = ht.add_row()
        cell_text(row.cells[0], l, bold=True, size=8)
        cell_text(row.cells[1], text_of(kind, vals.get(k), st, opts), size=8)
    fp = sec0.footer.paragraphs[0]
    bits = ["%s: %s" % (lab[k][0], text_of(lab[k][1], vals.get(k), st, lab[k][2])) for k in foot_keys]
    r = fp.add_run("   |   ".join(bits + ["Form %s" % code]))
    r.font.size = Pt(7.5)
    for sec, items in FORMS[form]:
        items = [it for it in items if it[0] not in head_keys and it[0] not in foot_keys]
        if not items:
            continue
        d.add_heading(sec, level=2)
        for key, label, kind, opts in items:
            v = vals.get(key)
            p = d.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            if kind in ("cs", "c1", "yn", "cb"):
                if kind == "cb":
                    rr = p.add_run(("☒ " if v else "☐ ") + label)
                    continue
                rr = p.add_run(label + ": ")
                rr.bold = True
                p.add_run("   ".join(choice_lines(kind, v, opts)))
                continue
            rr = p.add_run(label + ": ")
            rr.bold = True
            p.add_run(text_of(kind, v, st, opts))
    d.save(path)
    fixed_zip(path)


# ============================================================================= supporting documents
AGREEMENT_TEXT = [
    "This MassHealth RPA Agreement (the \"Agreement\") is entered into between the Massachusetts Executive Office "
    "of Health and Human Services, Office of Medicaid (\"MassHealth\") and the organization named below.",
    "1. The organization shall operate Robotic Process Automation (RPA) bots on the Provider Online Service Center "
    "(POSC) only for the transactions approved by MassHealth and only with the RPA User IDs assigned to each bot.",
    "2. The organization is responsible for every action a bot takes under its RPA User IDs, shall keep its "
    "credentials confidential, and shall not exceed the approved number of POSC screens per bot session.",
    "3. The organization shall request approval through the RPA Modification Request Form before changing its RPA "
    "tool, its screens per session or the transactions a bot performs, and shall complete the Annual Validation.",
    "4. MassHealth may suspend or revoke any RPA User ID that is used in a way that is inconsistent with this "
    "Agreement or that degrades the performance of the POSC.",
]


def agreement_fields(orgkey, date, signed=True):
    o = ORGS[orgkey]
    n, t = SIGNERS[orgkey]
    f = {"org_legal_name": o["org_legal_name"], "signer_name": n, "signer_title": t, "signature_date": date,
         "signed": signed}
    if not signed:
        f = {"org_legal_name": o["org_legal_name"], "signer_title": t, "signed": False}
    return f


def render_agreement_underline(path, f, sig, st):
    c = new_canvas(path)
    p = Pager(c, std_footer("RPA-AGR", "Times-Roman"))
    c.setFont("Times-Bold", 15)
    c.drawCentredString(306, p.y, TITLES["rpa_agreement"])
    p.y -= 26
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, "Times-Roman", 10.5, 500):
            c.setFont("Times-Roman", 10.5)
            c.drawString(56, p.y, ln)
            p.y -= 13.5
        p.y -= 6
    p.y -= 16
    rows = [("Organization Legal Name", f.get("org_legal_name", "")), ("Signature", sig),
            ("Authorized Signatory Name", f.get("signer_name", "")),
            ("Authorized Signatory Title", f.get("signer_title", "")),
            ("Date Signed", fmt_date(f["signature_date"], st.date) if f.get("signature_date") else "")]
    for lab, val in rows:
        c.setLineWidth(0.6)
        c.line(56, p.y, 330, p.y)
        if val:
            c.setFont("DVSI" if lab == "Signature" else "Courier", 12 if lab == "Signature" else 10)
            c.drawString(60, p.y + 3, val)
        c.setFont("Times-Roman", 8.5)
        c.drawString(56, p.y - 10, lab)
        p.y -= 38
    p.close()


def render_agreement_watermark(path, f, sig, st, word):
    c = new_canvas(path)

    def wm(c, page):
        c.saveState()
        c.setFillColor(Color(0.84, 0.84, 0.84))
        c.translate(306, 396)
        c.rotate(45)
        c.setFont("Helvetica-Bold", 170)
        c.drawCentredString(0, -55, word)
        c.restoreState()
    p = Pager(c, std_footer("RPA-AGR"), before_page=wm)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, p.y, TITLES["rpa_agreement"])
    p.y -= 24
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, "Helvetica", 9.5, 500):
            c.setFont("Helvetica", 9.5)
            c.drawString(56, p.y, ln)
            p.y -= 12.5
        p.y -= 6
    p.y -= 10
    rows = [("Organization Legal Name", f.get("org_legal_name", "")), ("Signature", sig),
            ("Authorized Signatory Name", f.get("signer_name", "")),
            ("Authorized Signatory Title", f.get("signer_title", "")),
            ("Date Signed", fmt_date(f["signature_date"], st.date) if f.get("signature_date") else "")]
    for lab, val in rows:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(56, p.y, lab + ":")
        c.setFont("Helvetica", 10)
        c.drawString(220, p.y, val)
        p.y -= 20
    p.close()


def render_agreement_fillable(path, f, sig):
    c = new_canvas(path)
    p = Pager(c, std_footer("RPA-AGR"))
    fm = c.acroForm
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, p.y, TITLES["rpa_agreement"])
    p.y -= 24
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, "Helvetica", 9.5, 500):
            c.setFont("Helvetica", 9.5)
            c.drawString(56, p.y, ln)
            p.y -= 12.5
        p.y -= 6
    p.y -= 10
    rows = [("org_legal_name", "Organization Legal Name", f.get("org_legal_name", "")),
            ("signature", "Signature", sig), ("signer_name", "Authorized Signatory Name", f.get("signer_name", "")),
            ("signer_title", "Authorized Signatory Title", f.get("signer_title", "")),
            ("signature_date", "Date Signed", fmt_date(f["signature_date"], "us") if f.get("signature_date") else "")]
    for key, lab, val in rows:
        c.setFont("Helvetica", 9)
        c.drawString(56, p.y, lab)
        fm.textfield(name=key, x=220, y=p.y - 4, width=300, height=16, value=val, fontName="Helvetica", fontSize=10,
                     borderWidth=0.6)
        p.y -= 24
    p.close()
    r = PdfReader(path)
    w = PdfWriter(clone_from=r)
    for page in w.pages:
        for a in page.get("/Annots", []) or []:
            o = a.get_object()
            if "/V" in o:
                del o[NameObject("/V")]
    with open(path, "wb") as fh:
        w.write(fh)


def render_agreement_docx_tracked(path, f, sig):
    d = new_doc("Book Antiqua", 10.5)
    d.add_heading(TITLES["rpa_agreement"], level=1)
    for para in AGREEMENT_TEXT:
        d.add_paragraph(para)
    t = d.add_table(rows=0, cols=2)
    RID = [500]

    def rev(tag, children):
        RID[0] += 1
        e = el(tag, {"w:id": RID[0], "w:author": "Legal Review", "w:date": "2026-05-11T14:20:00Z"})
        for ch in children:
            e.append(ch)
        return e
    rows = [("Organization Legal Name", f["org_legal_name"], None), ("Signature", sig, None),
            ("Authorized Signatory Name", f["signer_name"], "Marisol Vega"),
            ("Authorized Signatory Title", f["signer_title"], "Vice President, Finance"),
            ("Date Signed", fmt_date(f["signature_date"], "long"), None)]
    for lab, val, old in rows:
        row = t.add_row()
        cell_text(row.cells[0], lab, bold=True)
        p = row.cells[1].paragraphs[0]
        if old:
            p._p.append(rev("w:del", [run_el(old, deltext=True)]))
            p._p.append(rev("w:ins", [run_el(val)]))
        else:
            p._p.append(run_el(val))
    add_footer_code(d, "RPA-AGR")
    d.save(path)
    fixed_zip(path)


SD_FLOWS = {
    "eligibility_inquiry": ["Log in to the POSC with the bot's RPA User ID", "Open Eligibility > Member Eligibility Verification",
                            "Enter the member ID and date of service from the daily schedule file",
                            "Read coverage type, managed care plan and TPL flags from the results screen",
                            "Write the result to the practice management system and log out"],
    "claim_submission": ["Open Claims > Claim Submission (DDE)", "Key the header screen from the charge batch",
                         "Key up to 6 service lines on the detail screen", "Submit and capture the ICN shown on the confirmation screen"],
    "claim_status": ["Open Claims > Claim Status Inquiry", "Search by ICN or by member ID and date range",
                     "Capture status, status reason and paid amount", "Flag denials for the follow-up work queue"],
    "claim_adjustment": ["Open Claims > Adjust/Void", "Find the paid claim by ICN", "Apply the adjustment reason code and corrected lines",
                         "Submit and record the new ICN"],
    "prior_authorization": ["Open Prior Authorization > New Request", "Enter the member, servicing provider and service codes",
                            "Attach the clinical summary PDF", "Submit and record the PA tracking number"],
    "remittance_advice": ["Open Reports > Remittance Advice", "Select the current payment cycle",
                          "Download the 835 and the PDF remittance advice", "Store both files in the secure share"],
    "other": ["Open Provider Maintenance > Correspondence", "Download new letters", "Log out"],
}


def sd_markdown(orgname, txns, tool):
    md = ["# Systems Design Documentation – %s" % orgname, "",
          "Bot platform: **%s**. This document describes the process flow of each bot transaction, end to end, "
          "with every POSC screen the bot touches." % tool, "", "## Transactions covered", ""]
    md += ["- %s" % TXNL[t] for t in txns]
    for t in txns:
        md += ["", "## %s" % TXNL[t], "", "| Step | POSC screen / system | Action |", "|---|---|---|"]
        for i, s in enumerate(SD_FLOWS[t], 1):
            md.append("| %d | %s | %s |" % (i, "POSC" if i > 1 or t == "eligibility_inquiry" else "POSC menu", s))
    md += ["", "## Exception handling", "",
           "If a POSC screen does not load within 30 seconds the bot retries once, then stops the session and "
           "e-mails the on-call analyst. Bots never retry a submission that returned an ICN."]
    return "\n".join(md)


SCEN = {
    "eligibility_inquiry": ("Eligibility > Member Eligibility Verification", "Coverage returned for active member"),
    "claim_submission": ("Claim Submission header, detail, confirmation", "Claim accepted, ICN returned"),
    "claim_status": ("Claim Status Inquiry search, results", "Status and paid amount captured"),
    "claim_adjustment": ("Adjust/Void search, adjustment", "Adjustment accepted, new ICN"),
    "prior_authorization": ("PA request, attachments, confirmation", "PA tracking number returned"),
    "remittance_advice": ("Reports > Remittance Advice", "835 and PDF downloaded"),
    "other": ("Correspondence", "Letters downloaded"),
}


def scenarios(prefix, plan):
    """plan: list of (txn, passed?) -> rows and expected fields"""
    rows, counts = [], {}
    for i, (t, ok) in enumerate(plan, 1):
        scr, exp = SCEN[t]
        actual = exp if ok else {"claim_status": "Timeout on results screen", "claim_submission": "Detail screen rejected line 3",
                                 "prior_authorization": "Attachment upload failed", "eligibility_inquiry": "Member not found message",
                                 "remittance_advice": "Download link expired", "claim_adjustment": "Reason code not accepted"}[t]
        rows.append(("%s-%02d" % (prefix, i), TXNL[t], scr, exp, actual, "Pass" if ok else "Fail"))
        counts.setdefault(t, 0)
        if ok:
            counts[t] += 1
    return rows, {"transactions": sorted(counts), "scenario_pass_counts": {k: counts[k] for k in sorted(counts)}}


TS_COLS = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result", "Pass/Fail"]


# ============================================================================= values per form
def s1_vals(org, sig, **kw):
    v = base(org, "stage1", sig)
    v.update(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10.4",
             bot_count=2, bot_names=["ELIG-RUNNER", "STATUS-CHECKER"], hosting="on_premises",
             transactions=["eligibility_inquiry", "claim_status"],
             posc_screens=["Member Eligibility Verification", "Claim Status Inquiry", "Claim Status Results"],
             screens_per_session=6, avg_weekly_transactions=850, est_monthly_transactions=3400,
             operating_hours="Mon-Fri 6:00 PM - 11:00 PM ET", planned_go_live="2027-01-11")
    v.update(kw)
    return v


def s2_vals(org, sig, **kw):
    v = base(org, "stage2", sig)
    v.update(stage1_approval_number="RPA1-2026-00417", rpa_tool_name="Power Automate Desktop",
             rpa_tool_vendor="Microsoft Corporation", rpa_tool_version="2.49",
             transactions=["claim_submission", "claim_status"], testing_completed=True,
             testing_completed_date="2026-09-18", user_ids_requested=2,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    v.update(kw)
    return v


def s2g_vals(org, sig, **kw):
    v = base(org, "stage2_grandfathered", sig)
    v.update(rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.3",
             bot_count=1, operational_since="2020-03-09", current_user_ids=["NVHCBOT01"], screens_per_session=8,
             avg_weekly_transactions=1200, transactions=["eligibility_inquiry", "remittance_advice"],
             testing_completed=True, testing_completed_date="2026-08-28", user_ids_requested=1,
             docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    v.update(kw)
    return v


def mod_vals(org, sig, **kw):
    v = base(org, "modification", sig)
    v.update(stage2_approval_number="RPA2-2025-00163", rpa_user_ids=["BVO-RPA-01", "BVO-RPA-02"],
             modification_types=["increase_screens"], new_screens_per_session=10,
             description="Raise the screens per session from 7 to 10 so the bot can open the remittance detail "
                         "screens in the same session.", effective_date="2027-02-01")
    v.update(kw)
    return v


def av_vals(org, sig, **kw):
    v = base(org, "annual_validation", sig)
    v.update(stage2_approval_number="RPA2-2024-00088", rpa_user_ids=["CRBP-BOT-A", "CRBP-BOT-B", "CRBP-BOT-C"],
             validation_year=2026, info_current=True, unapproved_changes=False)
    v.update(kw)
    return v


def strip_empty(v):
    return {k: x for k, x in v.items() if x is not None and x != [] and x != ""}


def out(name):
    return os.path.join(HERE, name + "." + CASES[name]["ext"])


# ============================================================================= cases
@case("ul1_stage1_underlined_blanks", "stage1", "pdf", [1], "reportlab canvas",
      "Printed Stage I (Times) where every value is typed in Courier ON a drawn underline (the line is a vector "
      "path, not underscores); choice groups as short underlined blanks with an 'X' typed over the chosen ones. "
      "Dates '01/11/2027' (US). Both weekly (850) and monthly (3,400) volumes.")
def c_ul1(name):
    v = s1_vals("capeann", "2026-10-14")
    render_underline(out(name), "stage1", v, Style(date="us", phone="paren"), "RPA-S1")
    write_expected(name, v, "RPA-S1")


@case("wm1_stage1_draft_watermark_behind", "stage1", "pdf", [2], "reportlab canvas",
      "Printed Stage I with a huge light-grey diagonal 'DRAFT' watermark drawn BEHIND the text on every page; "
      "'Label: value' lines in Helvetica, choices as ☒/☐ runs. Cloud hosting, three bots (names ';'-separated). "
      "Dates 'November 30, 2026'-style.")
def c_wm1(name):
    v = s1_vals("mystic", "2026-11-09", rpa_tool_name="Automation Anywhere Automation 360",
                rpa_tool_vendor="Automation Anywhere, Inc.", rpa_tool_version="v.31", bot_count=3,
                bot_names=["MRP-ELIG-1", "MRP-ELIG-2", "MRP-PA-1"], hosting="cloud",
                transactions=["eligibility_inquiry", "prior_authorization"],
                posc_screens=["Member Eligibility Verification", "Prior Authorization Request", "PA Attachments"],
                screens_per_session=5, avg_weekly_transactions=400, est_monthly_transactions=1600,
                operating_hours="Daily 5:00 AM - 7:00 AM", planned_go_live="2027-03-01")
    render_watermark(out(name), "stage1", v, Style(date="long", phone="dots", listsep="; "), "RPA-S1", "DRAFT")
    write_expected(name, v, "RPA-S1")


@case("md1_stage1_markdown_other_no_description", "stage1", "pdf", [3, 11], "Markdown -> HTML (own converter) -> headless Chromium",
      "A Stage I written in MARKDOWN (a README-like file) and printed by Chromium with GitHub-like CSS: '# title', "
      "'## section', '- **Label:** value' bullets, one-of and set choices as nested TASK LISTS ('- [x] Cloud', "
      "rendered as disabled checkbox inputs), form code in inline code in the last line. Business partner (no "
      "PID/SL, NPI printed empty). PROBLEM: 'Other DDE Activity' ticked but 'If Other, describe' left empty.",
      problems=[("missing_required", "transactions_other")])
def c_md1(name):
    v = s1_vals("claimbridge", "2026-09-30", provider_id=None, npi=None, rpa_tool_name="Robocorp Control Room",
                rpa_tool_vendor="Robocorp Technologies", rpa_tool_version="17.2", bot_count=1,
                bot_names=["CB-STATUS-01"], hosting="vendor_hosted",
                transactions=["claim_status", "remittance_advice", "other"],
                posc_screens=["Claim Status Inquiry", "Remittance Advice", "Correspondence"],
                screens_per_session=9, avg_weekly_transactions=2300, est_monthly_transactions=9200,
                operating_hours="24x7 except Sunday 00:00-06:00", planned_go_live="2027-01-04")
    chromium_pdf(md_to_html(form_markdown("stage1", v, Style(date="usshort", phone="dash"), "RPA-S1")), out(name))
    write_expected(name, strip_empty(v), "RPA-S1")


@case("tr1_stage1_docx_tracked_changes", "stage1", "docx", [4], "python-docx + raw OOXML (w:ins / w:del)",
      "Stage I DOCX (Calibri, label | value 'Table Grid' per section) with TRACKED CHANGES left unaccepted: the "
      "RPA Tool Version '2023.4' deleted and '2024.10.4' inserted, Number of Bots '2'->'3', Bot Name(s) middle "
      "part replaced, weekly '600'->'725', Planned Production Date replaced, Maximum POSC Screens '5'->'7', and in "
      "POSC Transactions the ☐ of Claim Adjustment/Void deleted and ☒ inserted. Expected = text after accepting "
      "all changes.")
def c_tr1(name):
    v = s1_vals("blackstone", "2026-03-04", bot_count=3, bot_names=["BVO-ELIG", "BVO-STATUS", "BVO-ADJ"],
                transactions=["eligibility_inquiry", "claim_status", "claim_adjustment"],
                posc_screens=["Member Eligibility Verification", "Claim Status Inquiry", "Adjust/Void Claim"],
                screens_per_session=7, avg_weekly_transactions=725, est_monthly_transactions=2900,
                planned_go_live="2026-12-14", hosting="on_premises")
    st = Style(date="long", phone="paren")
    ch = {"rpa_tool_version": "2023.4", "bot_count": "2", "bot_names": ("BVO-ELIG, ", "BVO-STAT", "BVO-STATUS, BVO-ADJ", ""),
          "avg_weekly_transactions": "600", "est_monthly_transactions": "2,400", "planned_go_live": "October 5, 2026",
          "screens_per_session": "5", "transactions": ["eligibility_inquiry", "claim_status"]}
    render_docx_tracked(out(name), "stage1", v, st, "RPA-S1", ch)
    write_expected(name, v, "RPA-S1")


HB1_BLANK = ["fein", "street", "city", "zip", "contact_email", "contact_phone", "rpa_tool_vendor", "posc_screens",
             "screens_per_session", "avg_weekly_transactions", "signer_title", "org_dba", "contact_title",
             "rpa_tool_version", "bot_names", "operating_hours", "planned_go_live", "est_monthly_transactions"]


@case("hb1_stage1_sidebar_half_blank", "stage1", "pdf", [5, 11], "reportlab canvas",
      "Printed Stage I with labels in SIDEBAR boxes (see sb1) where HALF the fields are left blank (18 of 35): "
      "FEIN, Street Address, City, ZIP Code, Primary Contact Email and Telephone, RPA Tool Vendor, POSC Screens "
      "Accessed, Maximum POSC Screens per Bot Session, Average Number of Transactions per Week (no monthly either), "
      "Authorized Signatory Title are required and blank, plus optional ones. PROBLEMS: 11 missing_required.",
      problems=[("missing_required", k) for k in ["fein", "street", "city", "zip", "contact_email", "contact_phone",
                                                   "rpa_tool_vendor", "posc_screens", "screens_per_session",
                                                   "avg_weekly_transactions", "signer_title"]])
def c_hb1(name):
    v = s1_vals("housatonic", "2026-11-17", rpa_tool_name="Microsoft Power Automate", bot_count=1, hosting="cloud",
                transactions=["prior_authorization"])
    for k in HB1_BLANK:
        v[k] = None
    render_sidebar(out(name), "stage1", v, Style(date="dmy", marks=("☑", "☐")), "RPA-S1")
    write_expected(name, v, "RPA-S1")


@case("bl1_stage1_blank_underlined", "stage1", "pdf", [1, 12], "reportlab canvas",
      "The underlined-blank Stage I of ul1 printed with NOTHING filled in: only labels, empty drawn lines and "
      "empty choice blanks. Every required field missing.",
      problems=[("missing_required", k) for k in REQUIRED["common"] + REQUIRED["stage1"]])
def c_bl1(name):
    render_underline(out(name), "stage1", {}, Style(), "RPA-S1", blank=True)
    write_expected(name, {}, "RPA-S1")


@case("iv1_stage1_copy_watermark_bad_email_zip", "stage1", "pdf", [2, 11], "reportlab canvas",
      "Printed Stage I with a translucent red 'COPY' watermark drawn ON TOP of the text (alpha 0.18). "
      "PROBLEMS: Primary Contact Email 'owen.brennan@@fallriverdental' (two @, no top-level domain) and ZIP "
      "Code '2720' (four digits).",
      problems=[("invalid", "contact_email"), ("invalid", "zip")])
def c_iv1(name):
    v = s1_vals("fallriver", "2026-06-22", contact_name="Owen Brennan", contact_email="owen.brennan@@fallriverdental",
                zip="2720", rpa_tool_name="UiPath Studio", bot_count=1, bot_names=["FRCD-ELIG"],
                transactions=["eligibility_inquiry"], posc_screens=["Member Eligibility Verification"],
                screens_per_session=3, avg_weekly_transactions=300, est_monthly_transactions=1200,
                planned_go_live="2026-09-01")
    render_watermark(out(name), "stage1", v, Style(date="us", phone="intl"), "RPA-S1", "COPY", on_top=True)
    write_expected(name, v, "RPA-S1")


# ---------------------------------------------------------------- stage 2
@case("sb1_stage2_sidebar_label_boxes", "stage2", "pdf", [5], "reportlab canvas",
      "Printed Stage II: for each section ONE rounded, shaded SIDEBAR BOX on the left holding all the section's "
      "labels (right-aligned inside the box, DejaVu Sans Condensed 8) and the values outside the box to its right "
      "(DejaVu Sans 8.5). Choices as ☒/☐ lines. Dates '18 September 2026'.")
def c_sb1(name):
    v = s2_vals("quins", "2026-09-25", stage1_approval_number="RPA1-2026-00231",
                transactions=["claim_submission", "claim_status", "remittance_advice"], user_ids_requested=3)
    render_sidebar(out(name), "stage2", v, Style(date="dmy", phone="dots"), "RPA-S2")
    write_expected(name, v, "RPA-S2")


@case("rt1_stage2_rtl_column_order", "stage2", "pdf", [6], "reportlab canvas",
      "Printed Stage II with the column order REVERSED: values in the LEFT column (from x=50), the labels "
      "right-aligned at the RIGHT margin (bold DejaVu Serif), a dotted rule under each pair, section headings "
      "right-aligned too. Choices as ☒/☐ lines in the value column. Dates 'Sep-18-2026'.")
def c_rt1(name):
    v = s2_vals("nashoba", "2026-10-02", stage1_approval_number="RPA1-2026-00302", rpa_tool_name="UiPath Studio",
                rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10.4",
                transactions=["eligibility_inquiry"], user_ids_requested=1, testing_completed_date="2026-09-18")
    render_rtl(out(name), "stage2", v, Style(date="abbr", phone="paren"), "RPA-S2")
    write_expected(name, v, "RPA-S2")


@case("ap1_stage2_fillable_appearance_only", "stage2", "pdf", [7], "reportlab acroForm + pypdf (delete /V)",
      "Fillable Stage II whose fields have ONLY APPEARANCE STREAMS: every text field's /V was removed after "
      "filling, so the value exists only in the widget's /AP drawing; checkboxes keep /AS /Yes but have no /V. "
      "No NeedAppearances. Field names are the SPEC keys (checkboxes 'transactions_1' ..). Dates '09/18/2026'.")
def c_ap1(name):
    v = s2_vals("wachusett", "2026-10-20", stage1_approval_number="RPA1-2026-00355",
                transactions=["claim_submission", "claim_status", "claim_adjustment"], user_ids_requested=2)
    render_fillable(out(name), "stage2", v, Style(date="us", phone="dash"), "RPA-S2", "apponly")
    write_expected(name, v, "RPA-S2")


@case("nt1_stage2_docx_nested_tables", "stage2", "docx", [8], "python-docx (nested tables)",
      "Stage II DOCX (Cambria) built of NESTED TABLES: one outer 1-column table per section (shaded title row), "
      "inside its body cell an inner label | value table, and inside each choice value cell a THIRD-level table "
      "of mark | option rows (☒/☐). Dates 'October 8, 2026'.")
def c_nt1(name):
    v = s2_vals("fallriver", "2026-10-08", stage1_approval_number="RPA1-2026-00198",
                transactions=["eligibility_inquiry", "claim_submission"], testing_completed_date="2026-09-29",
                rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10.4")
    render_docx_nested(out(name), "stage2", v, Style(date="long", phone="paren"), "RPA-S2")
    write_expected(name, v, "RPA-S2")


@case("iv2_stage2_markdown_table_bad_number_untested", "stage2", "pdf", [3, 11], "Markdown -> HTML (own converter) -> headless Chromium",
      "A Stage II written as a Markdown PIPE TABLE per section ('| Field | Response |') and printed by Chromium; "
      "choices given as the chosen option texts (several joined by <br>), attestation '[x] Yes'. PROBLEMS: Stage I "
      "Approval Number 'RPA1-26-0415' (not RPA1-YYYY-NNNNN) and Testing completed answered 'No'.",
      problems=[("invalid", "stage1_approval_number"), ("invalid", "testing_completed")])
def c_iv2(name):
    v = s2_vals("plymouth", "2026-07-15", stage1_approval_number="RPA1-26-0415", testing_completed=False,
                testing_completed_date=None, transactions=["eligibility_inquiry", "prior_authorization"],
                docs_enclosed=["rpa_agreement"])
    chromium_pdf(md_to_html(form_markdown("stage2", v, Style(date="dots", phone="dash"), "RPA-S2", table=True)), out(name))
    write_expected(name, v, "RPA-S2")


@case("bl2_stage2_blank_docx_nested", "stage2", "docx", [8, 12], "python-docx (nested tables)",
      "The nested-table Stage II DOCX of nt1 with every value cell empty and every option ☐.",
      problems=[("missing_required", k) for k in REQUIRED["common"] + REQUIRED["stage2"]])
def c_bl2(name):
    render_docx_nested(out(name), "stage2", {}, Style(), "RPA-S2", blank=True)
    write_expected(name, {}, "RPA-S2")


# ---------------------------------------------------------------- stage 2 grandfathered
@case("lg1_s2g_ligatures_hyphenated", "stage2_grandfathered", "pdf", [9], "reportlab canvas (DejaVu, U+FB00-FB04)",
      "Printed grandfathered Stage II in MIXED FONTS (labels DejaVu Sans Bold, values DejaVu Serif Italic) with "
      "every 'fi', 'fl', 'ff', 'ffi' written as a Unicode LIGATURE character (Identiﬁcation, "
      "Workﬂow, Cliﬀord, Oﬃcer, ﬁeldstoneﬂow.com) and long values in a 200 pt column broken with a HYPHEN at the "
      "line end between two consonants ('Fieldstone Financial Workﬂow Ser-' / 'vices, LLC'). Expected values are the plain unhyphenated text.")
def c_lg1(name):
    v = s2g_vals("fieldstone", "2026-08-31", rpa_tool_name="Blue Prism Enterprise", rpa_tool_vendor="SS&C Blue Prism",
                 rpa_tool_version="7.1.2", bot_count=2, operational_since="2021-02-15",
                 current_user_ids=["FFWS-BP-01", "FFWS-BP-02"], screens_per_session=12, avg_weekly_transactions=4100,
                 transactions=["claim_submission", "claim_status", "claim_adjustment"], user_ids_requested=2,
                 testing_completed_date="2026-08-14")
    render_ligature(out(name), "stage2_grandfathered", v, Style(date="long", phone="paren"), "RPA-S2G")
    write_expected(name, v, "RPA-S2G")


@case("cx1_s2g_docx_customxml_future_date", "stage2_grandfathered", "docx", [10, 11], "python-docx + raw OOXML (customXml part)",
      "Grandfathered Stage II DOCX (Segoe UI) of content controls BOUND TO CUSTOM XML: each text/date/dropdown "
      "control has w:dataBinding (XPath /ns0:rpaForm[1]/ns0:orgLegalName[1] ...) into customXml/item2.xml "
      "(namespace urn:example:masshealth:rpa-form:2026, storeItemID registered in itemProps1.xml); the "
      "sdtContent shows the same cached value. Sets as w14 checkboxes (unbound). Dates as bound date controls "
      "'March 9, 2020'. PROBLEM: Date Signed 2027-01-15 is in the future.",
      problems=[("future_date", "signature_date")])
def c_cx1(name):
    v = s2g_vals("mystic", "2027-01-15", operational_since="2019-11-04", current_user_ids=["MRPBOT7"],
                 transactions=["eligibility_inquiry", "prior_authorization"], testing_completed_date="2026-10-30")
    render_docx_customxml(out(name), "stage2_grandfathered", v, Style(phone="paren"), "RPA-S2G")
    write_expected(name, v, "RPA-S2G")


@case("gf1_s2g_google_forms_response", "stage2_grandfathered", "pdf", [3], "HTML -> headless Chromium",
      "A Google-Forms INDIVIDUAL RESPONSE printout: header card 'Response 1 of 1 · Submitted 9/14/2026, 4:02:17 PM "
      "· respondent e-mail', then section bars and one card per question with the answer in a grey box under it; "
      "choice answers are ONLY the chosen option texts, comma-joined ('Claim Status Inquiry, Remittance Advice "
      "Download'), the attestation answered 'I agree', unanswered questions say 'No answer'. Lists one per line.")
def c_gf1(name):
    v = s2g_vals("charles", "2026-09-14", provider_id=None, npi=None, operational_since="2021-06-01",
                 current_user_ids=["CRBP-BOT-A", "CRBP-BOT-B"], bot_count=2, screens_per_session=6,
                 avg_weekly_transactions=3150, transactions=["claim_status", "remittance_advice"],
                 rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2023.10.7",
                 user_ids_requested=2)
    render_gforms(out(name), "stage2_grandfathered", v, Style(date="usshort", phone="paren"), "RPA-S2G",
                  "ykaraca@crbillingpartners.com", "9/14/2026, 4:02:17 PM")
    write_expected(name, strip_empty(v), "RPA-S2G")


@case("hf1_s2g_docx_header_footer_values", "stage2_grandfathered", "docx", [11], "python-docx",
      "Grandfathered Stage II DOCX (Georgia) whose PAGE HEADER carries the title and a table with Organization "
      "Legal Name, FEIN, MassHealth PID/SL and NPI, and whose FOOTER carries 'Primary Contact Email: ... | Primary "
      "Contact Telephone: ... | Form RPA-S2G'; those fields are NOT repeated in the body ('Label: value' "
      "paragraphs, choices as ☒/☐ runs).")
def c_hf1(name):
    v = s2g_vals("capeann", "2026-05-19", operational_since="2018-10-01", current_user_ids=["CAFMBOT"],
                 rpa_tool_name="Automation Anywhere Enterprise", rpa_tool_vendor="Automation Anywhere, Inc.",
                 rpa_tool_version="11.3.5", transactions=["eligibility_inquiry"], testing_completed_date="2026-05-06",
                 avg_weekly_transactions=260, screens_per_session=4)
    render_docx_headerfooter(out(name), "stage2_grandfathered", v, Style(date="long", phone="dots"), "RPA-S2G",
                             ["org_legal_name", "fein", "provider_id", "npi"], ["contact_email", "contact_phone"])
    write_expected(name, v, "RPA-S2G")


@case("iv3_s2g_underline_operational_after_cutoff", "stage2_grandfathered", "pdf", [1, 11], "reportlab canvas",
      "Underlined-blank grandfathered Stage II (Times/Courier). PROBLEM: Date Bot Became Operational on the POSC "
      "08/15/2022 is after 2022-07-01, so the bot is not eligible for grandfathering (needs Stage I).",
      problems=[("not_eligible", "operational_since")])
def c_iv3(name):
    v = s2g_vals("nashoba", "2026-04-07", operational_since="2022-08-15", testing_completed_date="2026-03-27")
    render_underline(out(name), "stage2_grandfathered", v, Style(date="us", phone="dash"), "RPA-S2G")
    write_expected(name, v, "RPA-S2G")


@case("wm3_s2g_copy_watermark_on_top", "stage2_grandfathered", "pdf", [2], "reportlab canvas",
      "Printed grandfathered Stage II with a translucent red 'COPY' watermark painted OVER the text. Two current "
      "POSC user IDs ';'-separated. Dates 'June 2, 2019'-style.")
def c_wm3(name):
    v = s2g_vals("wachusett", "2026-06-30", operational_since="2019-06-02", current_user_ids=["WASC01", "WASC02"],
                 bot_count=2, transactions=["claim_submission", "claim_status"], rpa_tool_name="Kofax RPA",
                 rpa_tool_vendor="Kofax (Tungsten Automation)", rpa_tool_version="11.5", user_ids_requested=2,
                 testing_completed_date="2026-06-12")
    render_watermark(out(name), "stage2_grandfathered", v, Style(date="long", phone="paren", listsep="; "),
                     "RPA-S2G", "COPY", on_top=True)
    write_expected(name, v, "RPA-S2G")


# ---------------------------------------------------------------- modification
@case("pf1_mod_fillable_partially_flattened", "modification", "pdf", [7], "reportlab acroForm + canvas",
      "A PARTIALLY FLATTENED fillable Modification: every second field is still an AcroForm widget with its "
      "value, the others were flattened into page text inside a drawn box (no widget); the same holds for choice "
      "groups (flattened ones as drawn boxes with a ZapfDingbats tick). Increase POSC Screens to 10.")
def c_pf1(name):
    v = mod_vals("blackstone", "2026-11-12")
    render_fillable(out(name), "modification", v, Style(date="us", phone="paren"), "RPA-MOD", "partial")
    write_expected(name, v, "RPA-MOD")


@case("md2_mod_markdown_task_lists", "modification", "pdf", [3], "Markdown -> HTML (own converter) -> headless Chromium",
      "A Modification written in Markdown ('- **Label:** value' bullets, TASK LISTS for Type of Modification, "
      "Transaction to Add and the Yes/No question) printed by Chromium. Add Sequential Transaction in Same Session "
      "(Claim Status Inquiry), same session Yes. Business partner.")
def c_md2(name):
    v = mod_vals("claimbridge", "2026-10-27", provider_id=None, npi=None, stage2_approval_number="RPA2-2025-00412",
                 rpa_user_ids=["CBRS-RPA-11"], modification_types=["add_sequential_transaction"],
                 new_screens_per_session=None, added_transaction="claim_status", same_session=True,
                 description="After each remittance download the bot will look up the status of every denied claim "
                             "in the same POSC session.", effective_date="2026-12-15")
    chromium_pdf(md_to_html(form_markdown("modification", v, Style(date="long", phone="dash"), "RPA-MOD")), out(name))
    write_expected(name, strip_empty(v), "RPA-MOD")


@case("hf2_mod_docx_header_footer_values", "modification", "docx", [11], "python-docx",
      "Modification DOCX (Georgia) whose HEADER table carries Organization Legal Name, Stage II Approval Number "
      "and RPA User ID(s) Affected, and whose FOOTER carries 'Authorized Signatory Name: ... | Date Signed: ... | "
      "Form RPA-MOD'. Replace RPA Tool (WinAutomation -> Power Automate Desktop).")
def c_hf2(name):
    v = mod_vals("housatonic", "2026-08-05", stage2_approval_number="RPA2-2024-00219", rpa_user_ids=["HDMS-BOT-1"],
                 modification_types=["replace_tool"], new_screens_per_session=None,
                 new_rpa_tool_name="Power Automate Desktop", new_rpa_tool_vendor="Microsoft Corporation",
                 description="WinAutomation is retired by its vendor; the same eligibility bot is rebuilt in Power "
                             "Automate Desktop with the same screens and volume.", effective_date="2026-10-01")
    render_docx_headerfooter(out(name), "modification", v, Style(date="us", phone="paren"), "RPA-MOD",
                             ["org_legal_name", "stage2_approval_number", "rpa_user_ids"], ["signer_name", "signature_date"])
    write_expected(name, v, "RPA-MOD")


@case("rt2_mod_rtl_same_session_no", "modification", "pdf", [6, 11], "reportlab canvas",
      "Right-to-left column order Modification (values left, labels right-aligned at the right margin). Add "
      "Sequential Transaction (Prior Authorization Request). PROBLEM: 'Will the added transaction run in the same "
      "bot session?' answered No (a new Stage I is needed).",
      problems=[("new_stage1_required", "same_session")])
def c_rt2(name):
    v = mod_vals("quins", "2026-09-08", stage2_approval_number="RPA2-2025-00077", rpa_user_ids=["QBHA-RPA-01"],
                 modification_types=["add_sequential_transaction"], new_screens_per_session=None,
                 added_transaction="prior_authorization", same_session=False,
                 description="Add prior authorization requests for outpatient therapy; they will be sent by a "
                             "separate nightly job.", effective_date="2026-11-02")
    render_rtl(out(name), "modification", v, Style(date="dmy", phone="dots"), "RPA-MOD")
    write_expected(name, v, "RPA-MOD")


@case("tr2_mod_docx_tracked_bad_npi", "modification", "docx", [4, 11], "python-docx + raw OOXML (w:ins / w:del)",
      "Modification DOCX with TRACKED CHANGES: the NPI corrected by a tracked edit (old digits deleted, new "
      "inserted), New Maximum POSC Screens '6'->'4', the Decrease box re-ticked. PROBLEM: the NPI AFTER the change "
      "fails the 80840 Luhn check (last digit wrong).",
      problems=[("invalid", "npi")])
def c_tr2(name):
    good = ORGS["fallriver"]["npi"]
    bad = good[:-1] + str((int(good[-1]) + 3) % 10)
    v = mod_vals("fallriver", "2026-07-28", npi=bad, stage2_approval_number="RPA2-2025-00301",
                 rpa_user_ids=["FRCD-RPA-A"], modification_types=["decrease_screens"], new_screens_per_session=4,
                 description="Fewer screens per session: the bot no longer opens the claim history screens.",
                 effective_date="2026-09-01")
    ch = {"npi": (bad[:6], good[6:], bad[6:], ""), "new_screens_per_session": "6",
          "modification_types": ["increase_screens"]}
    render_docx_tracked(out(name), "modification", v, Style(date="us", phone="paren"), "RPA-MOD", ch, font="Aptos")
    write_expected(name, v, "RPA-MOD")


@case("wm2_mod_draft_watermark_retire", "modification", "pdf", [2], "reportlab canvas",
      "Printed Modification with a grey 'DRAFT' watermark behind the text. Retire Bot; relationship entity (no "
      "PID/SL, no NPI). Dates '03/31/2027'.")
def c_wm2(name):
    v = mod_vals("oldcolony", "2026-12-01", stage2_approval_number="RPA2-2023-00045", rpa_user_ids=["OCES-BOT-2"],
                 modification_types=["retire_bot"], new_screens_per_session=None,
                 description="Retire the second bot; its claim status work is now done by staff.",
                 effective_date="2027-03-31")
    render_watermark(out(name), "modification", v, Style(date="us", phone="paren"), "RPA-MOD", "DRAFT")
    write_expected(name, strip_empty(v), "RPA-MOD")


# ---------------------------------------------------------------- annual validation
@case("ul2_annual_underlined_blanks", "annual_validation", "pdf", [1], "reportlab canvas",
      "Underlined-blank Annual Validation (Times labels, Courier values on drawn lines, X over short blanks for "
      "Yes/No). Business partner, three RPA User IDs ', '-separated.")
def c_ul2(name):
    v = av_vals("charles", "2026-07-09", provider_id=None, npi=None)
    render_underline(out(name), "annual_validation", v, Style(date="long", phone="plain"), "RPA-AV")
    write_expected(name, strip_empty(v), "RPA-AV")


@case("cx2_annual_docx_customxml", "annual_validation", "docx", [10], "python-docx + raw OOXML (customXml part)",
      "Annual Validation DOCX of content controls BOUND to a custom XML part (as cx1): yes/no questions as bound "
      "dropdowns showing 'Yes'/'No', Validation Year a bound text control, Date Signed a bound date control.")
def c_cx2(name):
    v = av_vals("nashoba", "2026-06-03", stage2_approval_number="RPA2-2023-00129", rpa_user_ids=["NVHCBOT01"])
    render_docx_customxml(out(name), "annual_validation", v, Style(phone="paren"), "RPA-AV", font="Calibri")
    write_expected(name, v, "RPA-AV")


@case("lg2_annual_ligatures_hyphenated", "annual_validation", "pdf", [9], "reportlab canvas (DejaVu, U+FB00-FB04)",
      "Annual Validation in mixed fonts with LIGATURE characters ('The RPA information on ﬁle', 'Identiﬁcation', "
      "'Workﬂow', 'Cliﬀord') and hyphenated line ends in the narrow value column.")
def c_lg2(name):
    v = av_vals("fieldstone", "2026-10-19", provider_id=None, npi=None, stage2_approval_number="RPA2-2023-00016",
                rpa_user_ids=["FFWS-BP-01", "FFWS-BP-02"])
    render_ligature(out(name), "annual_validation", v, Style(date="us", phone="paren"), "RPA-AV")
    write_expected(name, strip_empty(v), "RPA-AV")


@case("gf2_annual_gforms_unapproved_changes", "annual_validation", "pdf", [3, 11], "HTML -> headless Chromium",
      "Google-Forms individual-response printout of an Annual Validation. PROBLEM: 'Has the bot been modified "
      "without MassHealth approval since the last validation?' answered Yes (a Modification Request is required).",
      problems=[("modification_required", "unapproved_changes")])
def c_gf2(name):
    v = av_vals("mystic", "2026-08-21", stage2_approval_number="RPA2-2024-00233", rpa_user_ids=["MRPBOT7"],
                unapproved_changes=True)
    render_gforms(out(name), "annual_validation", v, Style(date="us", phone="paren"), "RPA-AV",
                  "agallagher@mysticpeds.com", "8/21/2026, 9:47:03 AM")
    write_expected(name, v, "RPA-AV")


@case("sb2_annual_sidebar_bad_date_fein", "annual_validation", "pdf", [5, 11], "reportlab canvas",
      "Sidebar-label Annual Validation. PROBLEMS: Date Signed '02/30/2026' (no such date) and FEIN '0412-34567' "
      "(hyphen in the wrong place).",
      problems=[("invalid", "signature_date"), ("invalid", "fein")])
def c_sb2(name):
    v = av_vals("wachusett", "02/30/2026", fein="0412-34567", stage2_approval_number="RPA2-2024-00310",
                rpa_user_ids=["WASC01", "WASC02"])
    render_sidebar(out(name), "annual_validation", v, Style(date="us", phone="paren"), "RPA-AV")
    write_expected(name, v, "RPA-AV")


@case("ap2_annual_fillable_appearance_only", "annual_validation", "pdf", [7], "reportlab acroForm + pypdf (delete /V)",
      "Fillable Annual Validation with appearance streams only (no /V on any field), Yes/No as checkbox pairs "
      "('info_current_1' Yes / 'info_current_2' No).")
def c_ap2(name):
    v = av_vals("plymouth", "2026-09-03", stage2_approval_number="RPA2-2024-00057", rpa_user_ids=["PBH-RPA-1"])
    render_fillable(out(name), "annual_validation", v, Style(date="us", phone="paren"), "RPA-AV", "apponly")
    write_expected(name, v, "RPA-AV")


# ---------------------------------------------------------------- agreements
@case("ag1_agreement_underlined_signed", "rpa_agreement", "pdf", [1, 12], "reportlab canvas",
      "RPA Agreement (Times): five numbered paragraphs, then signature lines with the captions UNDER the drawn "
      "lines; Signature '/s/ Naomi Feldstein' in italic, name, title and date typed. Signed. Goes with sb1.")
def c_ag1(name):
    f = agreement_fields("quins", "2026-09-22")
    render_agreement_underline(out(name), f, "/s/ Naomi Feldstein", Style(date="long"))
    write_expected(name, f, "RPA-AGR")


@case("ag2_agreement_docx_tracked_signed", "rpa_agreement", "docx", [4, 12], "python-docx + raw OOXML (w:ins / w:del)",
      "RPA Agreement DOCX (Book Antiqua) whose signatory NAME and TITLE were changed as TRACKED CHANGES ('Marisol "
      "Vega' deleted, 'Kevin Lindqvist' inserted; 'Vice President, Finance' -> 'Chief Operating Officer'); Signature "
      "'/s/ Kevin Lindqvist'. Signed.")
def c_ag2(name):
    f = agreement_fields("blackstone", "2026-05-12")
    render_agreement_docx_tracked(out(name), f, "/s/ Kevin Lindqvist")
    write_expected(name, f, "RPA-AGR")


@case("ag3_agreement_watermark_unsigned", "rpa_agreement", "pdf", [2, 11, 12], "reportlab canvas",
      "RPA Agreement with a 'COPY' watermark behind the text; Organization and Title filled, but Signature, "
      "Authorized Signatory Name and Date Signed EMPTY. PROBLEM: not signed.",
      problems=[("unsigned", "signed")])
def c_ag3(name):
    f = agreement_fields("nashoba", None, signed=False)
    render_agreement_watermark(out(name), f, "", Style(), "COPY")
    write_expected(name, f, "RPA-AGR")


@case("ag4_agreement_fillable_appearance_only", "rpa_agreement", "pdf", [7, 12], "reportlab acroForm + pypdf (delete /V)",
      "Fillable RPA Agreement whose five text fields carry only appearance streams (no /V): Signature '/s/ Dr. Amit "
      "Bhattacharya', name, title, Date Signed '10/19/2026'. Signed. Goes with ap1.")
def c_ag4(name):
    f = agreement_fields("wachusett", "2026-10-19")
    render_agreement_fillable(out(name), f, "/s/ Dr. Amit Bhattacharya")
    write_expected(name, f, "RPA-AGR")


# ---------------------------------------------------------------- systems design
@case("sd1_systems_design_markdown", "systems_design", "pdf", [3, 12], "Markdown -> HTML (own converter) -> headless Chromium",
      "Systems Design Documentation written in Markdown and printed by Chromium: a bullet list of the transactions "
      "covered, per transaction an h2 and a pipe table Step | POSC screen / system | Action. Goes with sb1 "
      "(Claim Submission, Claim Status, Remittance Advice).")
def c_sd1(name):
    t = ["claim_submission", "claim_status", "remittance_advice"]
    chromium_pdf(md_to_html(sd_markdown(ORGS["quins"]["org_legal_name"], t, "Power Automate Desktop 2.49")), out(name))
    write_expected(name, {"transactions": t}, None)


@case("sd2_systems_design_ligatures_hyphenated", "systems_design", "pdf", [9, 12], "reportlab canvas (DejaVu, U+FB00-FB04)",
      "Systems Design in DejaVu Serif with ligature characters ('work ﬂow', 'ﬁle', 'speciﬁc') and justified-style "
      "narrow paragraphs broken with hyphens at line ends (words broken between two consonants, e.g. a transaction "
      "name across lines: 'Claim Adjust-' / 'ment/Void'). Goes with lg1.")
def c_sd2(name):
    t = ["claim_submission", "claim_status", "claim_adjustment"]
    c = new_canvas(out(name))
    p = Pager(c, std_footer(None, "DVS"))
    c.setFont("DVSB", 14)
    c.drawString(60, p.y, ligate("Systems Design Documentation"))
    p.y -= 18
    c.setFont("DVS", 10)
    c.drawString(60, p.y, ligate("Fieldstone Financial Workflow Services, LLC – Blue Prism process flows"))
    p.y -= 24
    paras = [("Overview", "This document defines the work flow of each bot transaction on the Provider Online Service "
              "Center, end to end. The bots perform Claim Submission (DDE), Claim Status Inquiry and Claim "
              "Adjustment/Void for our client practices from a shared file of specific work items.")]
    for k in t:
        paras.append((TXNL[k], " ".join("Step %d: %s." % (i, s) for i, s in enumerate(SD_FLOWS[k], 1))))
    paras.append(("Error handling", "Any unexpected screen stops the flow; the work item is flagged in the exception "
                  "file and a staff member finishes it by hand."))
    for head, body in paras:
        p.need(40)
        c.setFont("DVSB", 11)
        c.drawString(60, p.y, ligate(head))
        p.y -= 15
        for ln in wrap(ligate(body), "DVS", 10, 260, hyphenate=True):
            p.need(13)
            c.setFont("DVS", 10)
            c.drawString(60, p.y, ln)
            p.y -= 13
        p.y -= 8
    p.close()
    write_expected(name, {"transactions": t}, None)


@case("sd3_systems_design_docx_header", "systems_design", "docx", [11, 12], "python-docx",
      "Systems Design DOCX (Georgia) whose page HEADER names the organization and 'Systems Design Documentation', "
      "body: numbered process-flow paragraphs per transaction (typed numbers). Goes with nt1 (Eligibility, Claim "
      "Submission).")
def c_sd3(name):
    t = ["eligibility_inquiry", "claim_submission"]
    d = new_doc("Georgia")
    hp = d.sections[0].header.paragraphs[0]
    hp.text = "%s — Systems Design Documentation — MassHealth RPA Stage II" % ORGS["fallriver"]["org_legal_name"]
    d.add_heading("Systems Design Documentation", level=1)
    d.add_paragraph("Bot: FRCD-ELIG / FRCD-CLAIM, UiPath Studio 2024.10.4, attended on the billing workstation.")
    for k in t:
        d.add_heading(TXNL[k], level=2)
        for i, s in enumerate(SD_FLOWS[k], 1):
            d.add_paragraph("%d. %s" % (i, s))
    d.save(out(name))
    fixed_zip(out(name))
    write_expected(name, {"transactions": t}, None)


# ---------------------------------------------------------------- test scenarios
@case("ts1_test_scenarios_markdown_table", "test_scenarios", "pdf", [3, 12], "Markdown -> HTML (own converter) -> headless Chromium",
      "Test Scenarios as a Markdown pipe table printed by Chromium (GitHub-like striped rows): six columns, seven "
      "scenarios, QB-05 (Claim Status Inquiry) fails. Goes with sb1.")
def c_ts1(name):
    rows, f = scenarios("QB", [("claim_submission", True), ("claim_submission", True), ("claim_status", True),
                               ("claim_status", True), ("claim_status", False), ("remittance_advice", True),
                               ("remittance_advice", True)])
    md = ["# Test Scenarios – %s" % ORGS["quins"]["org_legal_name"], "",
          "Executed in the MassHealth Trading Partner Testing Environment, September 2026.", "",
          "| " + " | ".join(TS_COLS) + " |", "|" + "---|" * 6]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    chromium_pdf(md_to_html("\n".join(md)), out(name))
    write_expected(name, f, None)


@case("ts2_test_scenarios_docx_nested", "test_scenarios", "docx", [8, 12], "python-docx (nested tables)",
      "Test Scenarios DOCX whose six-column table is NESTED inside the body cell of an outer 1-column frame table "
      "(title row shaded); four scenarios, FR-2 (Claim Submission (DDE)) fails. Goes with nt1.")
def c_ts2(name):
    rows, f = scenarios("FR", [("eligibility_inquiry", True), ("claim_submission", False),
                               ("claim_submission", True), ("eligibility_inquiry", True)])
    d = new_doc("Cambria")
    d.add_heading("Test Scenarios", level=1)
    outer = d.add_table(rows=2, cols=1)
    outer.style = "Table Grid"
    cell_text(outer.rows[0].cells[0], "Test Scenarios – %s" % ORGS["fallriver"]["org_legal_name"], bold=True)
    set_cell_shade(outer.rows[0].cells[0], "E2EFDA")
    inner = outer.rows[1].cells[0].add_table(rows=1, cols=6)
    inner.style = "Table Grid"
    for i, h in enumerate(TS_COLS):
        cell_text(inner.rows[0].cells[i], h, bold=True, size=8)
    for r in rows:
        cells = inner.add_row().cells
        for i, x in enumerate(r):
            cell_text(cells[i], x, size=8)
    d.save(out(name))
    fixed_zip(out(name))
    write_expected(name, f, None)


@case("ts3_test_scenarios_fillable_partial_flatten", "test_scenarios", "pdf", [7, 12], "reportlab acroForm + canvas",
      "Fillable Test Scenarios (landscape) PARTIALLY FLATTENED: rows 1-3 printed as page text in the grid, rows 4-6 "
      "still AcroForm text fields named 'r4_scenario_id' .. 'r6_pass_fail', rows 7-8 empty fields. WA-5 (Claim "
      "Adjustment/Void) fails. Goes with ap1.")
def c_ts3(name):
    rows, f = scenarios("WA", [("claim_submission", True), ("claim_status", True), ("claim_adjustment", True),
                               ("claim_submission", True), ("claim_adjustment", False), ("claim_status", True)])
    from reportlab.lib.pagesizes import landscape
    c = new_canvas(out(name), landscape(letter))
    fm = c.acroForm
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 570, "Test Scenarios – %s" % ORGS["wachusett"]["org_legal_name"])
    widths = [70, 150, 170, 150, 150, 62]
    keys = ["scenario_id", "transaction", "screens", "expected", "actual", "pass_fail"]
    x0, y = 40, 540
    c.setFillColor(HexColor("#DDE6EE"))
    c.rect(x0, y - 6, sum(widths), 20, fill=1, stroke=1)
    c.setFillColor(black)
    x = x0
    for wdt, h in zip(widths, TS_COLS):
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(x + 3, y, h)
        x += wdt
    y -= 28
    for ri in range(8):
        x = x0
        r = rows[ri] if ri < len(rows) else [""] * 6
        for wdt, k, val in zip(widths, keys, r):
            c.rect(x, y - 8, wdt, 26)
            if ri < 3:
                c.setFont("Helvetica", 7.5)
                for j, ln in enumerate(wrap(val, "Helvetica", 7.5, wdt - 6)[:2]):
                    c.drawString(x + 3, y + 8 - j * 9, ln)
            else:
                fm.textfield(name="r%d_%s" % (ri + 1, k), x=x + 1, y=y - 7, width=wdt - 2, height=24, value=val,
                             fontName="Helvetica", fontSize=0, fieldFlags="multiline", borderWidth=0)
            x += wdt
        y -= 26
    c.setFont("Helvetica", 7.5)
    c.drawString(40, 30, "Test Scenarios · page 1 of 1")
    c.showPage()
    c.save()
    write_expected(name, f, None)


@case("ts4_test_scenarios_draft_watermark", "test_scenarios", "pdf", [2, 12], "reportlab canvas",
      "Printed Test Scenarios table (Helvetica, drawn grid) behind a grey 'DRAFT' watermark; five scenarios, both "
      "Claim Adjustment/Void scenarios fail (pass count 0 for claim_adjustment). Goes with lg1.")
def c_ts4(name):
    rows, f = scenarios("FF", [("claim_submission", True), ("claim_status", True), ("claim_adjustment", False),
                               ("claim_adjustment", False), ("claim_status", True)])
    from reportlab.lib.pagesizes import landscape
    c = new_canvas(out(name), landscape(letter))
    c.saveState()
    c.setFillColor(Color(0.84, 0.84, 0.84))
    c.translate(396, 306)
    c.rotate(30)
    c.setFont("Helvetica-Bold", 160)
    c.drawCentredString(0, -50, "DRAFT")
    c.restoreState()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 560, "Test Scenarios")
    c.setFont("Helvetica", 10)
    c.drawString(40, 544, ORGS["fieldstone"]["org_legal_name"] + " – Blue Prism bots FFWS-BP-01 / FFWS-BP-02")
    widths = [70, 150, 170, 150, 150, 62]
    y = 515
    for r in [TS_COLS] + [list(x) for x in rows]:
        x = 40
        for wdt, val in zip(widths, r):
            c.rect(x, y - 8, wdt, 24)
            c.setFont("Helvetica-Bold" if r is TS_COLS else "Helvetica", 8)
            for j, ln in enumerate(wrap(val, "Helvetica", 8, wdt - 6)[:2]):
                c.drawString(x + 3, y + 6 - j * 9, ln)
            x += wdt
        y -= 24
    c.showPage()
    c.save()
    write_expected(name, f, None)


# ---------------------------------------------------------------- more deliberate problems
@case("iv4_stage1_ligatures_bot_count_volume", "stage1", "pdf", [9, 11], "reportlab canvas (DejaVu, U+FB00-FB04)",
      "Ligature/hyphenation Stage I (as lg1). PROBLEMS: Number of Bots Requested 120 (outside 1-99; no Bot "
      "Name(s) given) and Average Number of Transactions per Week 500 against Estimated Transactions per Month "
      "3,000 (3000 / 4 = 750, off by more than 1: a warning).",
      problems=[("invalid", "bot_count"), ("volume_mismatch", "avg_weekly_transactions")])
def c_iv4(name):
    v = s1_vals("fieldstone", "2026-11-24", provider_id=None, npi=None, bot_count=120, bot_names=None,
                rpa_tool_name="Blue Prism Enterprise", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.3",
                hosting="vendor_hosted", transactions=["claim_submission", "claim_adjustment"],
                posc_screens=["Claim Submission (DDE)", "Adjust/Void Claim", "Claim Confirmation"],
                screens_per_session=10, avg_weekly_transactions=500, est_monthly_transactions=3000,
                operating_hours="Weeknights after 8:00 PM", planned_go_live="2027-02-15")
    render_ligature(out(name), "stage1", v, Style(date="dmy", phone="dots"), "RPA-S1")
    write_expected(name, strip_empty(v), "RPA-S1")


@case("nt2_mod_docx_nested_replace_tool_missing", "modification", "docx", [8, 11], "python-docx (nested tables)",
      "Nested-table Modification DOCX (as nt1). Replace RPA Tool is ticked, but New RPA Tool (Product Name) and New "
      "RPA Tool Vendor are left EMPTY. PROBLEMS: both required with replace_tool.",
      problems=[("missing_required", "new_rpa_tool_name"), ("missing_required", "new_rpa_tool_vendor")])
def c_nt2(name):
    v = mod_vals("mystic", "2026-10-06", stage2_approval_number="RPA2-2024-00233", rpa_user_ids=["MRPBOT7"],
                 modification_types=["replace_tool"], new_screens_per_session=None,
                 description="Move the eligibility bot from the retired on-premises tool to the vendor's cloud "
                             "edition.", effective_date="2027-01-04")
    render_docx_nested(out(name), "modification", v, Style(date="long", phone="paren"), "RPA-MOD", font="Calibri")
    write_expected(name, strip_empty(v), "RPA-MOD")


@case("hf3_annual_docx_header_bad_pid_phone", "annual_validation", "docx", [11], "python-docx",
      "Header/footer Annual Validation DOCX (as hf1): the HEADER table carries Organization Legal Name, PID/SL and "
      "Stage II Approval Number, the FOOTER the Primary Contact Telephone. PROBLEMS: PID/SL '11001873K' (8 digits "
      "+ letter) and telephone '555-0142' (no area code).",
      problems=[("invalid", "provider_id"), ("invalid", "contact_phone")])
def c_hf3(name):
    v = av_vals("housatonic", "2026-05-27", provider_id="11001873K", contact_phone="555-0142",
                stage2_approval_number="RPA2-2024-00219", rpa_user_ids=["HDMS-BOT-1"])
    render_docx_headerfooter(out(name), "annual_validation", v, Style(date="dmy", phone="paren"), "RPA-AV",
                             ["org_legal_name", "provider_id", "stage2_approval_number"], ["contact_phone"],
                             font="Tahoma")
    write_expected(name, v, "RPA-AV")


# ============================================================================= scans
SCANS = [("sn1_stage1_scan_170dpi", "ul1_stage1_underlined_blanks", 170, 0.7, 58),
         ("sn2_stage2_scan_150dpi", "sb1_stage2_sidebar_label_boxes", 150, -1.1, 52),
         ("sn3_s2g_scan_200dpi", "lg1_s2g_ligatures_hyphenated", 200, 0.45, 62),
         ("sn4_modification_scan_180dpi", "wm2_mod_draft_watermark_retire", 180, -0.6, 55),
         ("sn5_agreement_scan_160dpi", "ag1_agreement_underlined_signed", 160, 1.25, 60)]


def make_scan(name, src, dpi, angle, q):
    sp = os.path.join(HERE, src + ".pdf")
    if not os.path.exists(sp):
        CASES[src]["fn"](src)
    prefix = os.path.join(WORK, name)
    for fn in os.listdir(WORK):
        if fn.startswith(name + "-") and fn.endswith(".pgm"):
            os.remove(os.path.join(WORK, fn))
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), sp, prefix], check=True)
    pages = sorted(fn for fn in os.listdir(WORK) if fn.startswith(name + "-") and fn.endswith(".pgm"))
    rng = random.Random(name)
    imgs = []
    for i, fn in enumerate(pages):
        im = Image.open(os.path.join(WORK, fn)).convert("L")
        im = im.rotate(angle * (1 if i == 0 else 0.8), resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        px = im.load()
        w, h = im.size
        for _ in range(w * h // 60):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = max(0, min(255, px[x, y] + rng.randint(-45, 45)))
        dr = ImageDraw.Draw(im)
        for _ in range(rng.randint(25, 45)):
            x, y, r = rng.randrange(w), rng.randrange(h), rng.choice([1, 1, 2, 3])
            dr.ellipse([x, y, x + r, y + r], fill=rng.randint(20, 90))
        im = Image.eval(im, lambda v: int(18 + v * 0.88))   # grey paper, lower contrast
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q)
        imgs.append(Image.open(io.BytesIO(buf.getvalue())))
    imgs[0].save(os.path.join(HERE, name + ".pdf"), "PDF", resolution=dpi, save_all=True, append_images=imgs[1:],
                 creationDate=dt.datetime(2026, 12, 1, 8, 30).timetuple(), modDate=dt.datetime(2026, 12, 1, 8, 30).timetuple(),
                 producer="ScanSnap Manager", creator="ScanSnap Manager")
    ex = json.load(open(os.path.join(HERE, src + ".expected.json"), encoding="utf-8"))
    ex.update(file=name + ".pdf", scan=True, shape=[13],
              drawn_with="pdftoppm -gray + Pillow (rotate, blur, noise, specks, JPEG) -> Pillow PDF",
              description="Image-only scan of %s.pdf: %d dpi greyscale, rotated %+.2f deg, Gaussian blur, noise, "
                          "dust specks, grey paper, JPEG q%d. Same true values as the source." % (src, dpi, angle, q))
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as fh:
        json.dump(ex, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


for _n, _s, _d, _a, _q in SCANS:
    CASES[_n] = dict(scan_args=(_s, _d, _a, _q), ext="pdf")


def main(argv):
    names = argv or list(CASES)
    if not argv:
        for fn in os.listdir(HERE):
            if fn.endswith((".pdf", ".docx", ".expected.json")):
                os.remove(os.path.join(HERE, fn))
    for n in names:
        c = CASES[n]
        if "scan_args" in c:
            continue
        c["fn"](n)
        print("wrote", n)
    for n in names:
        c = CASES[n]
        if "scan_args" in c:
            make_scan(n, *c["scan_args"])
            print("wrote", n)


if __name__ == "__main__":
    main(sys.argv[1:])
