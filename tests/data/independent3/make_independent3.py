#!/usr/bin/env python3
"""Regenerate the THIRD independent (blind) sample set for rpa-intake.

Drawn only from /work/shared/SPEC.md (sections 2 and 5). Tools: a small hand-written PDF
writer (fillable forms with tooltip / Acrobat-style names, glyph-by-glyph text, landscape and
/Rotate 90 pages), python-docx + raw OOXML, LibreOffice 7.4 (DOCX -> PDF), poppler pdftoppm,
Pillow and img2pdf (scans), Python's email package (.eml). No reportlab, no project code.

    cd /work/main && .venv/bin/python tests/data/independent3/make_independent3.py
"""
import copy
import json
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Inches
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image, ImageFilter, ImageFont, ImageDraw

OUT = Path(__file__).resolve().parent
WORK = Path(tempfile.gettempdir()) / "rpa_independent3_work"
LO_PROFILE = WORK / "lo_profile"
FONT_R = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
FONT_B = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"

# --------------------------------------------------------------------------- SPEC data
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
    "fein": "Federal Employer Identification Number (FEIN)",
    "street": "Street Address", "city": "City", "state": "State", "zip": "ZIP Code",
    "contact_name": "Primary Contact Name", "contact_title": "Primary Contact Title",
    "contact_email": "Primary Contact Email", "contact_phone": "Primary Contact Telephone",
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
FORM_LABELS = {"stage2": {"transactions": "POSC Transactions"},
               "stage2_grandfathered": {"transactions": "POSC Transactions"},
               "annual_validation": {"rpa_user_ids": "RPA User ID(s)"}}
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
SET_KEYS = {"transactions", "docs_enclosed", "modification_types"}
ONE_KEYS = {"org_type", "hosting", "added_transaction"}
YN_KEYS = {"testing_completed", "same_session", "info_current", "unapproved_changes"}
DATE_KEYS = {"signature_date", "planned_go_live", "testing_completed_date", "operational_since",
             "effective_date"}
LIST_KEYS = {"bot_names", "posc_screens", "current_user_ids", "rpa_user_ids"}
INT_KEYS = {"bot_count", "screens_per_session", "avg_weekly_transactions", "est_monthly_transactions",
            "user_ids_requested", "new_screens_per_session", "validation_year"}

ORG_KEYS = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street", "city",
            "state", "zip", "contact_name", "contact_title", "contact_email", "contact_phone"]
ATT_KEYS = ["attest", "signer_name", "signer_title", "signature_date"]
SECTIONS = {
    "stage1": [("Section 1. Organization", ORG_KEYS),
               ("Section 2. RPA Tool and Bots", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
                                                 "bot_count", "bot_names", "hosting"]),
               ("Section 3. POSC Transactions and Volume",
                ["transactions", "transactions_other", "posc_screens", "screens_per_session",
                 "avg_weekly_transactions", "est_monthly_transactions", "operating_hours", "planned_go_live"]),
               ("Section 4. Attestation", ATT_KEYS)],
    "stage2": [("Section 1. Organization", ORG_KEYS),
               ("Section 2. Stage II Details", ["stage1_approval_number", "rpa_tool_name", "rpa_tool_vendor",
                                                "rpa_tool_version", "transactions", "testing_completed",
                                                "testing_completed_date", "user_ids_requested", "docs_enclosed"]),
               ("Section 3. Attestation", ATT_KEYS)],
    "stage2_grandfathered": [
        ("Section 1. Organization", ORG_KEYS),
        ("Section 2. Bot Operating Before July 1, 2022",
         ["operational_since", "current_user_ids", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
          "bot_count", "screens_per_session", "avg_weekly_transactions", "transactions", "testing_completed",
          "testing_completed_date", "user_ids_requested", "docs_enclosed"]),
        ("Section 3. Attestation", ATT_KEYS)],
    "modification": [("Section 1. Organization", ORG_KEYS),
                     ("Section 2. Modification", ["stage2_approval_number", "rpa_user_ids", "modification_types",
                                                  "new_rpa_tool_name", "new_rpa_tool_vendor",
                                                  "new_screens_per_session", "added_transaction", "same_session",
                                                  "description", "effective_date"]),
                     ("Section 3. Attestation", ATT_KEYS)],
    "annual_validation": [("Section 1. Organization", ORG_KEYS),
                          ("Section 2. Validation", ["stage2_approval_number", "rpa_user_ids", "validation_year",
                                                     "info_current", "unapproved_changes"]),
                          ("Section 3. Attestation", ATT_KEYS)],
}
AGREEMENT_TEXT = [
    "This MassHealth RPA Agreement is entered into between the Massachusetts Executive Office of "
    "Health and Human Services (MassHealth) and the Organization named below.",
    "1. The Organization will run only registered and approved RPA bots on the Provider Online "
    "Service Center (POSC), within the transactions and screens approved by MassHealth.",
    "2. The Organization is responsible for every action a bot takes with its RPA User IDs and will "
    "protect member information as required by state and federal law.",
    "3. The Organization will file an RPA Modification Request Form before changing a bot and will "
    "complete the MassHealth RPA Annual Validation every year.",
    "4. MassHealth may suspend or revoke RPA User IDs of a bot that does not comply with this Agreement.",
]


def label_of(form, key):
    return FORM_LABELS.get(form, {}).get(key, LABELS[key])


def npi(base9):
    for c in "0123456789":
        digits = "80840" + base9 + c
        tot = 0
        for i, ch in enumerate(reversed(digits)):
            n = int(ch)
            if i % 2:
                n = n * 2 - 9 if n * 2 > 9 else n * 2
            tot += n
        if tot % 10 == 0:
            return base9 + c
    raise AssertionError


assert npi("123456789") == "1234567893"

ORGS = {
    "nashoba": dict(org_legal_name="Nashoba Valley Pediatrics, P.C.", org_dba="Nashoba Kids Care",
                    org_type="provider", provider_id="110234567E", npi=npi("174839201"), fein="04-2233441",
                    street="200 Groton Road, Suite 12", city="Ayer", state="MA", zip="01432-1107",
                    contact_name="Priya Raman", contact_title="Billing Operations Lead",
                    contact_email="praman@nashobakids.org", contact_phone="978-555-0114"),
    "harborview": dict(org_legal_name="Harborview Claims Automation, Inc.", org_type="business_partner",
                       fein="04-1234567", street="1 Seaport Lane, 8th Floor", city="Boston", state="MA",
                       zip="02210", contact_name="Jonathan Feld", contact_title="VP, Intelligent Automation",
                       contact_email="jfeld@harborviewca.com", contact_phone="617-555-0142"),
    "berkshire": dict(org_legal_name="Berkshire Rehabilitation & Therapy Group, LLC", org_dba="BRT Group",
                      org_type="provider", provider_id="110876543F", npi=npi("129384756"), fein="04-9876123",
                      street="75 North Street", city="Pittsfield", state="MA", zip="01201",
                      contact_name="Colleen O\u2019Brien", contact_title="Revenue Cycle Director",
                      contact_email="cobrien@brtgroup.com", contact_phone="413-555-0171"),
    "southcoast": dict(org_legal_name="SouthCoast Community Health Network", org_type="relationship_entity",
                       fein="04-5566778", street="400 Purchase Street", city="New Bedford", state="MA",
                       zip="02740-6231", contact_name="Miguel Furtado", contact_title="Systems Integration Manager",
                       contact_email="mfurtado@southcoastchn.org", contact_phone="508-555-0188"),
    "granite": dict(org_legal_name="Granite State Medical Billing LLC", org_type="business_partner",
                    fein="02-0456789", street="95 Elm Street", city="Manchester", state="NH", zip="03101",
                    contact_name="Laura Bergeron", contact_title="Operations Manager",
                    contact_email="lbergeron@gsmedbilling.com", contact_phone="603-555-0129"),
    "quinsig": dict(org_legal_name="Quinsigamond Dental Associates, P.C.", org_type="provider",
                    provider_id="110345678G", npi=npi("198765432"), fein="04-3141592",
                    street="12 Shrewsbury Street", city="Worcester", state="MA", zip="01604",
                    contact_name="Hoang Nguyen", contact_title="Office Manager",
                    contact_email="hnguyen@quinsigdental.com", contact_phone="508-555-0156"),
    "mystic": dict(org_legal_name="Mystic River Home Health Agency, Inc.", org_dba="Mystic River HHA",
                   org_type="provider", provider_id="110456789H", npi=npi("145236987"), fein="04-7788990",
                   street="18 Riverside Avenue", city="Medford", state="MA", zip="02155",
                   contact_name="Bridget Kelleher", contact_title="Director of Finance",
                   contact_email="bkelleher@mystichha.org", contact_phone="781-555-0163"),
    "pinnacle": dict(org_legal_name="Pinnacle Revenue Partners LLC", org_type="business_partner",
                     fein="04-6012345", street="300 Unicorn Park Drive", city="Woburn", state="MA",
                     zip="01801-3341", contact_name="Samuel Adeyemi", contact_title="RPA Program Manager",
                     contact_email="sadeyemi@pinnaclerev.com", contact_phone="781-555-0107"),
}


def with_org(org, **kw):
    d = dict(ORGS[org])
    d.update(kw)
    return d


def sign(name, title, date):
    return dict(attest=True, signer_name=name, signer_title=title, signature_date=date)


# --------------------------------------------------------------------------- raw value formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NBSP = "\u00a0"


def fmt_date(iso, style):
    y, m, d = (int(x) for x in iso.split("-"))
    return {"us": f"{m:02d}/{d:02d}/{y}", "us_short": f"{m}/{d}/{y}", "slash_iso": f"{y}/{m:02d}/{d:02d}",
            "dmy_long": f"{d} {MONTHS[m - 1]} {y}", "us_dash2": f"{m:02d}-{d:02d}-{y % 100:02d}",
            "long": f"{MONTHS[m - 1]} {d}, {y}", "abbr": f"{MONTHS[m - 1][:3]}. {d}, {y}",
            "iso": iso}[style]


def fmt_phone(p, style):
    a, b, c = p.split("-")
    return {"paren_tight": f"({a}){b}-{c}", "paren": f"({a}) {b}-{c}", "dots": f"{a}.{b}.{c}",
            "digits": f"{a}{b}{c}", "plus1": f"+1 ({a}) {b}-{c}", "dash": p}[style]


def raw(key, v, st):
    """The text a person typed for a scalar or list value."""
    if key in DATE_KEYS:
        s = fmt_date(v, st.get("dates", {}).get(key, st.get("date", "us")))
    elif key == "contact_phone":
        s = fmt_phone(v, st.get("phone", "paren"))
    elif key == "fein" and st.get("fein_nohyphen"):
        s = v.replace("-", "")
    elif key in LIST_KEYS:
        s = st.get("list_seps", {}).get(key, st.get("list_sep", ", ")).join(v)
    elif key in INT_KEYS:
        s = f"{v:,}" if st.get("thousands") and v >= 1000 else str(v)
    else:
        s = str(v)
    if key in st.get("nbsp", ()):
        s = s.replace(" ", NBSP, 2)
    if key in st.get("pad", ()):
        s = "  " + s + " \u00a0"
    return s


def items(form, d, st):
    """[(section heading, [item])]; item = dict(kind, key, label, text|options|value)."""
    out = []
    for head, keys in SECTIONS[form]:
        its = []
        for k in keys:
            na = k in st.get("na", ())
            blank = k in st.get("blank", ())
            if k not in d and not na and not blank:
                continue
            it = dict(key=k, label=label_of(form, k))
            if k in SET_KEYS or k in ONE_KEYS:
                sel = d.get(k, [] if k in SET_KEYS else None)
                sel = sel if isinstance(sel, list) else [sel]
                it.update(kind="choice", multi=k in SET_KEYS,
                          options=[(ck, cl, ck in sel) for ck, cl in CHOICES[k]])
            elif k in YN_KEYS:
                it.update(kind="yn", value=d.get(k))
            elif k == "attest":
                it.update(kind="check", value=d.get(k, False))
            else:
                it.update(kind="text", text="N/A" if na else ("" if blank else raw(k, d[k], st)))
            its.append(it)
        out.append((head, its))
    return out


# --------------------------------------------------------------------------- hand-written PDF
_FR = ImageFont.truetype(FONT_R, 1000)
_FB = ImageFont.truetype(FONT_B, 1000)


def tw(s, size, bold=False):
    return (_FB if bold else _FR).getlength(s) / 1000.0 * size


def pstr(s):
    b = s.encode("cp1252", "replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"\\r") + b")"


def ptext(s):
    """PDF text string: PDFDocEncoding-compatible ASCII, else UTF-16BE with BOM."""
    if all(ord(c) < 127 for c in s):
        return pstr(s).decode("latin-1")
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def pname(s):
    return "/" + "".join(c if (c.isalnum() and ord(c) < 127) or c in "_-." else "#%02X" % ord(c) for c in s)


def wrap(s, size, width, bold=False):
    words, lines, cur = s.split(" "), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if cur and tw(t, size, bold) > width:
            lines.append(cur)
            cur = w
        else:
            cur = t
    lines.append(cur)
    return lines


class RawPDF:
    def __init__(self):
        self.objs = {}
        self.n = 0
        self.pages = []
        self.fields = []         # (fullname, dict-string builder info)
        self.font_r = self.alloc()
        self.font_b = self.alloc()
        self.set(self.font_r, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        self.set(self.font_b, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")

    def alloc(self):
        self.n += 1
        return self.n

    def set(self, ref, body):
        self.objs[ref] = body if isinstance(body, bytes) else body.encode("latin-1")

    def stream(self, data, extra=""):
        ref = self.alloc()
        comp = zlib.compress(data)
        self.set(ref, f"<< /Length {len(comp)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + comp + b"\nendstream")
        return ref

    def new_page(self, w=612, h=792, rotate=0):
        pg = dict(ref=self.alloc(), w=w, h=h, rotate=rotate, ops=[], annots=[])
        self.pages.append(pg)
        return pg

    def write(self, path, with_form=False):
        pages_ref = self.alloc()
        kids = []
        for pg in self.pages:
            data = "\n".join(pg["ops"]).encode("latin-1")
            cref = self.stream(data)
            extra = f" /Rotate {pg['rotate']}" if pg["rotate"] else ""
            annots = f" /Annots [{' '.join(f'{a} 0 R' for a in pg['annots'])}]" if pg["annots"] else ""
            self.set(pg["ref"], f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {pg['w']} {pg['h']}]{extra}"
                                f" /Resources << /Font << /F1 {self.font_r} 0 R /F2 {self.font_b} 0 R >> >>"
                                f" /Contents {cref} 0 R{annots} >>")
            kids.append(f"{pg['ref']} 0 R")
        self.set(pages_ref, f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>")
        form = ""
        if with_form:
            roots = self.build_fields()
            form = (f" /AcroForm << /Fields [{' '.join(f'{r} 0 R' for r in roots)}]"
                    f" /DR << /Font << /Helv {self.font_r} 0 R >> >> /DA (/Helv 0 Tf 0 g) >>")
        cat = self.alloc()
        self.set(cat, f"<< /Type /Catalog /Pages {pages_ref} 0 R{form} >>")
        info = self.alloc()
        self.set(info, "<< /Producer (independent3 hand-written PDF) /CreationDate (D:20260301090000-05'00') >>")
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offs = {}
        for i in range(1, self.n + 1):
            offs[i] = len(out)
            out += f"{i} 0 obj\n".encode() + self.objs[i] + b"\nendobj\n"
        x = len(out)
        out += f"xref\n0 {self.n + 1}\n0000000000 65535 f \n".encode()
        for i in range(1, self.n + 1):
            out += f"{offs[i]:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {self.n + 1} /Root {cat} 0 R /Info {info} 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
        Path(path).write_bytes(bytes(out))

    # ---- fields: self.fields holds terminal entries {name, parts...}
    def add_field(self, name, field_body, widgets):
        """field_body: str of field keys (without /T /Parent /Kids); widgets: list of (page, widget_body)
        If one widget and no kids needed, field and widget are merged."""
        self.fields.append((name, field_body, widgets))

    def build_fields(self):
        tree = {}
        order = []
        for name, body, widgets in self.fields:
            parts = name.split(".")
            node = tree
            for p in parts[:-1]:
                node = node.setdefault(p, {})
            node[parts[-1]] = (body, widgets)
        def emit(label, node, parent):
            ref = self.alloc()
            ptxt = f" /Parent {parent} 0 R" if parent else ""
            if isinstance(node, tuple):
                body, widgets = node
                if len(widgets) == 1:
                    pg, wb = widgets[0]
                    self.set(ref, f"<< /Type /Annot /Subtype /Widget /F 4 /P {pg['ref']} 0 R /T {ptext(label)}{ptxt} {body} {wb} >>")
                    pg["annots"].append(ref)
                else:
                    kids = []
                    for pg, wb in widgets:
                        k = self.alloc()
                        self.set(k, f"<< /Type /Annot /Subtype /Widget /F 4 /P {pg['ref']} 0 R /Parent {ref} 0 R {wb} >>")
                        pg["annots"].append(k)
                        kids.append(f"{k} 0 R")
                    self.set(ref, f"<< /T {ptext(label)}{ptxt} {body} /Kids [{' '.join(kids)}] >>")
                return ref
            kids = [emit(k, v, ref) for k, v in node.items()]
            self.set(ref, f"<< /T {ptext(label)}{ptxt} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>")
            return ref
        return [emit(k, v, None) for k, v in tree.items()]


def text_ops(x, y, s, size, bold=False, mode="plain"):
    """Content-stream text. mode plain: one Tj; 'glyph_tm': every glyph placed with its own Tm
    and no space characters; 'glyph_td': glyphs chained with relative Td moves (spaces skipped)."""
    f = "/F2" if bold else "/F1"
    if mode == "plain":
        return f"BT {f} {size:g} Tf {x:.2f} {y:.2f} Td {pstr(s).decode('latin-1')} Tj ET"
    ops = [f"BT {f} {size:g} Tf"]
    cx, last = x, None
    for ch in s:
        w = tw(ch, size, bold)
        if ch != " ":
            if mode == "glyph_tm":
                ops.append(f"1 0 0 1 {cx:.3f} {y:.2f} Tm {pstr(ch).decode('latin-1')} Tj")
            else:
                ops.append(f"{(cx - (last if last is not None else 0)) if last is not None else cx:.3f} "
                           f"{0 if last is not None else y:.2f} Td {pstr(ch).decode('latin-1')} Tj")
                last = cx
        cx += w
    ops.append("ET")
    return " ".join(ops)


def ap_stream(pdf, w, h, ops, font=True):
    res = f"/Resources << /Font << /Helv {pdf.font_r} 0 R >> >> " if font else ""
    return pdf.stream(ops.encode("latin-1"), f"/Type /XObject /Subtype /Form /BBox [0 0 {w:.2f} {h:.2f}] {res}")


def box_ops(w, h, on, radio=False):
    s = min(w, h)
    if radio:
        r, cx, cy, k = s / 2 - 1, w / 2, h / 2, 0.5523
        def circ(r):
            q = k * r
            return (f"{cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + q:.2f} {cx + q:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
                    f"{cx - q:.2f} {cy + r:.2f} {cx - r:.2f} {cy + q:.2f} {cx - r:.2f} {cy:.2f} c "
                    f"{cx - r:.2f} {cy - q:.2f} {cx - q:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
                    f"{cx + q:.2f} {cy - r:.2f} {cx + r:.2f} {cy - q:.2f} {cx + r:.2f} {cy:.2f} c ")
        o = "0 G 0.7 w " + circ(r) + "S"
        return o + (" 0 g " + circ(r / 2) + "f" if on else "")
    o = f"0 G 0.7 w 0.5 0.5 {w - 1:.2f} {h - 1:.2f} re S"
    if on:
        o += f" 1.3 w 2.5 2.5 m {w - 2.5:.2f} {h - 2.5:.2f} l S 2.5 {h - 2.5:.2f} m {w - 2.5:.2f} 2.5 l S"
    return o


class Sheet:
    """Row layout of a form on hand-written PDF pages; flat (values as page text) or fillable."""

    def __init__(self, form, code, *, fillable=False, namer=None, landscape=False, rotate90=False,
                 text_mode="plain", hide_label=(), split=(), rev="Rev. 01/2026", title=None):
        self.pdf = RawPDF()
        self.form, self.code, self.fillable, self.namer = form, code, fillable, namer
        self.landscape, self.rotate90, self.text_mode = landscape, rotate90, text_mode
        self.hide_label, self.split, self.rev = set(hide_label), set(split), rev
        self.W, self.H = (792, 612) if landscape else (612, 792)
        self.cols = [(36, 384), (408, 756)] if landscape else [(50, 562)]
        self.LW = 138 if landscape else 190
        self.title = title or TITLES[form]
        self.pg = None
        self._new_page()

    # ---- pages
    def _new_page(self):
        if self.pg is not None:
            self._close()
        if self.rotate90:
            self.pg = self.pdf.new_page(792, 612, rotate=90)
            self.pg["ops"].append("q 0 1 -1 0 792 0 cm")
        else:
            self.pg = self.pdf.new_page(self.W, self.H)
        self.col = 0
        self.y = self.H - 48

    def _close(self):
        n = len(self.pdf.pages)
        foot = f"{self.code}  {self.rev}" if self.code else "MassHealth RPA"
        self.t(self.cols[0][0], 26, foot, 7.5)
        self.t(self.W - 90, 26, f"Page {n}", 7.5)
        if self.rotate90:
            self.pg["ops"].append("Q")

    def need(self, h):
        if self.y - h < 44:
            if self.col + 1 < len(self.cols):
                self.col += 1
                self.y = self.top_y
            else:
                self._new_page()
                self.top_y = self.y

    @property
    def x0(self):
        return self.cols[self.col][0]

    @property
    def x1(self):
        return self.cols[self.col][1]

    # ---- drawing
    def t(self, x, y, s, size, bold=False):
        if s.strip():
            self.pg["ops"].append(text_ops(x, y, s, size, bold, self.text_mode))

    def line(self, xa, ya, xb, yb, w=0.5):
        self.pg["ops"].append(f"{w} w 0 G {xa:.2f} {ya:.2f} m {xb:.2f} {yb:.2f} l S")

    def rect(self, x, y, w, h, lw=0.6):
        self.pg["ops"].append(f"{lw} w 0 G {x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")

    def mark(self, x, y, on, size=8.5, radio=False):
        """A drawn box (flat) at baseline y; an X drawn with strokes when on."""
        b = size
        self.rect(x, y - 1.5, b, b)
        if on:
            self.pg["ops"].append(f"1.1 w {x + 1.8:.2f} {y + 0.3:.2f} m {x + b - 1.8:.2f} {y + b - 3.3:.2f} l S "
                                  f"{x + 1.8:.2f} {y + b - 3.3:.2f} m {x + b - 1.8:.2f} {y + 0.3:.2f} l S")

    # ---- widgets
    def w_text(self, name, tip, x, y, w, h, value, multiline=False, size=9):
        pdf = self.pdf
        lines = value.split("\n") if value else []
        ops = ["/Tx BMC q BT /Helv %g Tf 0 g" % size]
        if multiline:
            yy = h - size - 1.5
            for ln in lines:
                ops.append(f"1 0 0 1 2 {yy:.2f} Tm {pstr(ln).decode('latin-1')} Tj")
                yy -= size + 1.5
        elif value:
            ops.append(f"2 {(h - size) / 2 + 1.5:.2f} Td {pstr(value).decode('latin-1')} Tj")
        ops.append("ET Q EMC")
        ap = ap_stream(pdf, w, h, " ".join(ops))
        tu = f" /TU {ptext(tip)}" if tip else ""
        ff = " /Ff 4096" if multiline else ""
        v = f" /V {ptext(value)}" if value else ""
        pdf.add_field(name, f"/FT /Tx{ff}{tu}{v} /DA (/Helv {size:g} Tf 0 g)",
                      [(self.pg, f"/Rect [{x:.2f} {y:.2f} {x + w:.2f} {y + h:.2f}] /MK << /BC [0 0 0] >> /AP << /N {ap} 0 R >>")])

    def w_check(self, name, tip, x, y, on, onstate="Yes", s=10):
        pdf = self.pdf
        apon = ap_stream(pdf, s, s, box_ops(s, s, True), font=False)
        apoff = ap_stream(pdf, s, s, box_ops(s, s, False), font=False)
        tu = f" /TU {ptext(tip)}" if tip else ""
        st = pname(onstate) if on else "/Off"
        pdf.add_field(name, f"/FT /Btn{tu} /V {st}",
                      [(self.pg, f"/Rect [{x:.2f} {y:.2f} {x + s:.2f} {y + s:.2f}] /AS {st} /MK << /CA (8) >> "
                                 f"/AP << /N << {pname(onstate)} {apon} 0 R /Off {apoff} 0 R >> >>")])

    def radio_group(self, name, tip, kids):
        """kids: list of (page, x, y, onstate, on, kid_tip)."""
        pdf, s = self.pdf, 10
        sel = [k[3] for k in kids if k[4]]
        tu = f" /TU {ptext(tip)}" if tip else ""
        v = pname(sel[0]) if sel else "/Off"
        widgets = []
        for pg, x, y, state, on, ktip in kids:
            apon = ap_stream(pdf, s, s, box_ops(s, s, True, radio=True), font=False)
            apoff = ap_stream(pdf, s, s, box_ops(s, s, False, radio=True), font=False)
            kt = f" /TU {ptext(ktip)}" if ktip else ""
            widgets.append((pg, f"/Rect [{x:.2f} {y:.2f} {x + s:.2f} {y + s:.2f}] /AS {pname(state) if on else '/Off'}{kt} "
                                f"/MK << /CA (l) >> /AP << /N << {pname(state)} {apon} 0 R /Off {apoff} 0 R >> >>"))
        pdf.add_field(name, f"/FT /Btn /Ff 49152{tu} /V {v}", widgets)

    # ---- content
    def heading_title(self):
        x0, x1 = 36 if self.landscape else 50, (756 if self.landscape else 562)
        self.t(x0, self.y, self.title, 14 if len(self.title) < 50 else 12.5, True)
        self.y -= 14
        self.t(x0, self.y, "Commonwealth of Massachusetts  |  Executive Office of Health and Human Services", 7.5)
        self.y -= 6
        self.line(x0, self.y, x1, self.y, 1)
        self.y -= 16
        self.top_y = self.y

    def section(self, head):
        self.need(34)
        self.t(self.x0, self.y, head, 10, True)
        self.y -= 14

    def name(self, kind, key, sub=None):
        return self.namer(kind, key, sub) if self.namer else (f"{key}_{sub}" if sub else key, None, "Yes")

    def render_item(self, it):
        k, kind = it["key"], it["kind"]
        x0, x1, LW = self.x0, self.x1, self.LW
        lab = it["label"]
        show = k not in self.hide_label
        if kind == "text":
            multi = k in LIST_KEYS and "\n" in it["text"] or k == "description"
            vlines = it["text"].split("\n") if k in LIST_KEYS else (
                wrap(it["text"], 9, x1 - x0 - LW - 14) if k == "description" else [it["text"]])
            llines = wrap(lab, 8.5, LW - 4)
            h = max(12 * len(llines), 11.5 * len(vlines) + 3, 14) + 5
            self.need(h)
            y = self.y
            if show:
                for i, ln in enumerate(llines):
                    self.t(x0, y - 10 - 10 * i, ln, 8.5)
            vx, vw = x0 + LW + 6, x1 - x0 - LW - 6
            if k in self.split and self.fillable:
                self.split_field(k, it["text"], vx, y - 14, vw)
            elif self.fillable:
                nm, tip, _ = self.name("text", k)
                hh = max(14, 11.5 * len(vlines) + 3)
                val = "\n".join(vlines) if multi else it["text"]
                self.w_text(nm, tip, vx, y - hh - 1, vw, hh, val, multiline=multi)
            else:
                for i, ln in enumerate(vlines):
                    self.t(vx + 2, y - 10 - 11.5 * i, ln, 9.5)
                self.line(vx, y - 12.5 - 11.5 * (len(vlines) - 1), x1, y - 12.5 - 11.5 * (len(vlines) - 1), 0.4)
            self.y -= h
        elif kind == "choice":
            opts = it["options"]
            colw = (x1 - x0) / 2
            twocol = max(tw(o[1], 8.5) for o in opts) < colw - 20
            rows = (len(opts) + 1) // 2 if twocol else len(opts)
            self.need(14 + 12.5 * rows)
            if show:
                self.t(x0, self.y - 10, lab + (" (check all that apply)" if it["multi"] else " (check one)"), 8.5)
            y = self.y - 14
            kids = []
            if it["multi"] is False and self.fillable:
                gname, gtip, _ = self.name("radio", k)
            for i, (ck, cl, on) in enumerate(opts):
                cx = x0 + 10 + (colw * (i % 2) if twocol else 0)
                cy = y - 10 - 12.5 * (i // 2 if twocol else i)
                if self.fillable:
                    if it["multi"]:
                        nm, tip, state = self.name("check", k, ck)
                        self.w_check(nm, tip, cx, cy - 1.5, on, state)
                    else:
                        _, ktip, state = self.name("radio_kid", k, ck)
                        kids.append((self.pg, cx, cy - 1.5, state, on, ktip))
                else:
                    self.mark(cx, cy, on)
                if show or not self.fillable or k not in self.hide_label:
                    self.t(cx + 14, cy, cl, 8.5)
            if kids:
                self.radio_group(gname, gtip, kids)
            self.y -= 14 + 12.5 * rows + 4
        elif kind == "yn":
            qlines = wrap(lab, 8.5, x1 - x0 - 110)
            h = max(12 * len(qlines), 14) + 6
            self.need(h)
            if show:
                for i, ln in enumerate(qlines):
                    self.t(x0, self.y - 10 - 10 * i, ln, 8.5)
            cy = self.y - 10
            kids = []
            if self.fillable:
                gname, gtip, _ = self.name("radio", k)
            for j, (lbl, val) in enumerate((("Yes", True), ("No", False))):
                cx = x1 - 90 + 45 * j
                on = it["value"] is val
                if self.fillable:
                    _, ktip, state = self.name("radio_kid", k, lbl)
                    kids.append((self.pg, cx, cy - 1.5, state, on, ktip))
                else:
                    self.mark(cx, cy, on)
                self.t(cx + 13, cy, lbl, 8.5)
            if kids:
                self.radio_group(gname, gtip, kids)
            self.y -= h
        elif kind == "check":
            sl = wrap(lab + ".", 8.5, x1 - x0 - 20)
            h = 12 * len(sl) + 6
            self.need(h)
            cy = self.y - 10
            if self.fillable:
                nm, tip, state = self.name("attest", k)
                self.w_check(nm, tip, x0, cy - 1.5, it["value"], state)
            else:
                self.mark(x0, cy, it["value"])
            if show:
                for i, ln in enumerate(sl):
                    self.t(x0 + 15, cy - 10 * i, ln, 8.5)
            self.y -= h

    def split_field(self, k, text, vx, y, vw):
        if k == "signature_date":
            parts = re.split(r"[/\-]", text)
            seps = ["/", "/"]
            widths = [24, 24, 40]
        else:   # contact_phone typed in three boxes: ( 617 ) 555 - 0142
            digits = re.sub(r"\D", "", text)
            parts = [digits[:3], digits[3:6], digits[6:]]
            seps = [")", "-"]
            widths = [28, 28, 38]
            self.t(vx, y + 3.5, "(", 9.5)
            vx += 6
        x = vx
        for i, (p, wd) in enumerate(zip(parts, widths)):
            nm, tip, _ = self.name("split", k, i)
            self.w_text(nm, tip, x, y, wd, 14, p)
            x += wd + 2
            if i < 2:
                self.t(x + 1, y + 3.5, seps[i], 9.5)
                x += 9

    def render_form(self, d, st, extra_bottom=None):
        self.heading_title()
        for head, its in items(self.form, d, st):
            self.section(head)
            for it in its:
                self.render_item(it)
            self.y -= 4
            if extra_bottom and head.endswith("Attestation"):
                extra_bottom(self)
        self._close()
        self.pg = None

    def save(self, path):
        self.pdf.write(path, with_form=self.fillable)


class TooltipNamer:
    """IRS/LiveCycle-style opaque names (topmostSubform[0].Page1[0].f1_07[0]) with /TU tooltips."""

    def __init__(self, tips=None):
        self.n = 0
        self.sheet = None
        self.tips = tips or {}

    def _nm(self, pre):
        self.n += 1
        return f"topmostSubform[0].Page{len(self.sheet.pdf.pages)}[0].{pre}{len(self.sheet.pdf.pages)}_{self.n:02d}[0]"

    def __call__(self, kind, key, sub):
        lab = label_of(self.sheet.form, key)
        tip = self.tips.get(key, lab)
        if kind == "text":
            return self._nm("f"), tip, None
        if kind == "check":
            cl = dict(CHOICES[key])[sub]
            return self._nm("c"), f"{lab}: {cl}", "1"
        if kind == "attest":
            return self._nm("c"), tip, "1"
        if kind == "radio":
            return self._nm("c"), tip, None
        if kind == "radio_kid":
            labels = [c[1] for c in CHOICES[key]] if key in CHOICES else ["Yes", "No"]
            cl = dict(CHOICES[key])[sub] if key in CHOICES else sub
            return None, f"{lab}: {cl}", str(labels.index(cl) + 1)
        raise ValueError(kind)


def acro_clean(s):
    return re.sub(r"[().:/?,]", "", s).strip()


class AcrobatNamer:
    """Names as Acrobat's 'Prepare Form' auto-detection produces them."""

    def __init__(self, undefined=()):
        self.used = {}
        self.checks = 0
        self.groups = 0
        self.undefined = set(undefined)
        self.sheet = None

    def uniq(self, base):
        n = self.used.get(base, 0) + 1
        self.used[base] = n
        return base if n == 1 else f"{base}_{n}"

    def __call__(self, kind, key, sub):
        lab = label_of(self.sheet.form, key) if key in LABELS else key
        if kind in ("text", "split"):
            return self.uniq("undefined" if key in self.undefined else acro_clean(lab)), None, None
        if kind in ("check", "attest"):
            self.checks += 1
            return f"Check Box{self.checks}", None, "Yes" if kind == "check" else "On"
        if kind == "radio":
            self.groups += 1
            self._kid = 0
            return f"Group{self.groups}", None, None
        if kind == "radio_kid":
            self._kid += 1
            return None, None, f"Choice{self._kid}"
        raise ValueError(kind)
