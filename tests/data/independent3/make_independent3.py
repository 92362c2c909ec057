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
        roots = self.build_fields() if with_form else []
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
            self.y -= 14 + 12.5 * rows + 9
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


def agreement_sheet(d, code, text_mode, path, st):
    s = Sheet("rpa_agreement", code, text_mode=text_mode)
    s.heading_title()
    for para in AGREEMENT_TEXT:
        for ln in wrap(para, 9.5, 500):
            s.t(50, s.y, ln, 9.5)
            s.y -= 12.5
        s.y -= 6
    s.y -= 10
    rows = [("Organization Legal Name", raw("org_legal_name", d["org_legal_name"], st)),
            ("Signature", "/s/ " + d["signer_name"]),
            ("Authorized Signatory Name", raw("signer_name", d["signer_name"], st)),
            ("Authorized Signatory Title", raw("signer_title", d["signer_title"], st)),
            ("Date Signed", raw("signature_date", d["signature_date"], st))]
    for lab, val in rows:
        s.t(50, s.y, lab + ":", 9.5, True)
        s.t(230, s.y, val, 10)
        s.line(226, s.y - 3, 540, s.y - 3, 0.4)
        s.y -= 24
    s._close()
    s.pg = None
    s.save(path)


# --------------------------------------------------------------------------- DOCX helpers
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (f'xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
ON, OFF = "\u2612", "\u2610"


def xml_frag(xml):
    return list(etree.fromstring(f"<x {NSDECL}>{xml}</x>"))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, bold=False, size=None, font=None):
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{int(size * 2)}"/>' if size else "")
    if font:
        rpr = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>' + rpr
    parts = []
    for i, seg in enumerate(text.split("\t")):
        if i:
            parts.append("<w:tab/>")
        for j, ln in enumerate(seg.split("\n")):
            if j:
                parts.append("<w:br/>")
            if ln:
                parts.append(f'<w:t xml:space="preserve">{esc(ln)}</w:t>')
    return f"<w:r><w:rPr>{rpr}</w:rPr>{''.join(parts)}</w:r>"


def new_docx(footer=None, font="Calibri", size=10, margins=0.75):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Inches(margins)
    stl = doc.styles["Normal"]
    stl.font.name = font
    stl.font.size = Pt(size)
    stl.paragraph_format.space_after = Pt(2)
    if footer:
        fp = sec.footer.paragraphs[0]
        fp.text = footer
        fp.runs[0].font.size = Pt(8)
    return doc


def docx_title(doc, form):
    p = doc.add_paragraph()
    r = p.add_run(TITLES[form])
    r.bold = True
    r.font.size = Pt(15)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def para_xml(doc, xml, before=None):
    p = doc.add_paragraph()
    for el in xml_frag(xml):
        p._p.append(el)
    return p


def cell_xml(cell, xml, shade=None, span=None, vmerge=None, width=None):
    tc = cell._tc
    tcpr = tc.get_or_add_tcPr()
    if shade:
        for el in xml_frag(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'):
            tcpr.append(el)
    p = cell.paragraphs[0]
    for el in xml_frag(xml):
        p._p.append(el)


def choice_text(it, sep="  "):
    if it["kind"] == "choice":
        return sep.join(f"{ON if on else OFF} {cl}" for _, cl, on in it["options"])
    if it["kind"] == "yn":
        return sep.join(f"{ON if it['value'] is v else OFF} {l}" for l, v in (("Yes", True), ("No", False)))
    if it["kind"] == "check":
        return (ON if it["value"] else OFF)
    return it["text"]


def set_table_borders(table, sz=4):
    tblpr = table._tbl.tblPr
    for el in xml_frag('<w:tblBorders>' + "".join(
            f'<w:{b} w:val="single" w:sz="{sz}" w:space="0" w:color="808080"/>'
            for b in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>'):
        tblpr.append(el)


def docx_tab_in_cell(form, d, st, path, code):
    """Two fields per row; each cell holds 'Label:<TAB>value' (choices: marks after the TAB)."""
    doc = new_docx(f"{code}   Rev. 02/2026" if code else None, font="Arial", size=9)
    docx_title(doc, form)
    for head, its in items(form, d, st):
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        t = doc.add_table(rows=0, cols=2)
        set_table_borders(t)
        pending = None
        for it in its:
            wide = it["kind"] in ("choice", "yn", "check") or it["key"] in LIST_KEYS or len(it["label"]) > 40
            if it["kind"] == "check":
                xml = run(f"{choice_text(it)}\t{it['label']}")
            else:
                xml = run(it["label"] + ":", bold=True) + run("\t" + choice_text(it))
            if wide:
                r = t.add_row().cells
                cell_xml(r[0].merge(r[1]), xml)
                pending = None
            elif pending is None:
                r = t.add_row().cells
                cell_xml(r[0], xml)
                pending = r[1]
            else:
                cell_xml(pending, xml)
                pending = None
    doc.save(path)


def docx_linebreak_in_cell(form, d, st, path, code):
    """Three cells per row; a cell holds the label, a line break (w:br), then the value."""
    doc = new_docx(f"{code} (01/2026)" if code else None, font="Calibri", size=10)
    docx_title(doc, form)
    for head, its in items(form, d, st):
        p = doc.add_paragraph()
        p.add_run(head.upper()).bold = True
        t = doc.add_table(rows=0, cols=3)
        set_table_borders(t, 6)
        cells = []
        for it in its:
            wide = it["kind"] in ("choice", "check") or it["key"] in ("description",) or len(it["label"]) > 45
            val = choice_text(it, sep="\n") if it["kind"] != "check" else choice_text(it)
            if it["kind"] == "check":
                xml = run(f"{val} {it['label']}")
            else:
                xml = run(it["label"], bold=True, size=8) + run("\n" + val)
            if wide:
                r = t.add_row().cells
                r[0].merge(r[2])
                cell_xml(r[0], xml)
                cells = []
            else:
                if not cells:
                    cells = list(t.add_row().cells)
                cell_xml(cells.pop(0), xml)
    doc.save(path)


def docx_shaded_merged(form, d, st, path, code):
    """4-column grid: grey-shaded label cells, values merged across 3 columns for long items,
    and a vertically merged section cell (w:vMerge) on the left of each section."""
    doc = new_docx(f"Form {code}" if code else None, font="Times New Roman", size=10)
    docx_title(doc, form)
    for head, its in items(form, d, st):
        t = doc.add_table(rows=0, cols=5)
        set_table_borders(t, 6)
        rows = []
        pair = []
        for it in its:
            long_ = it["kind"] in ("choice", "yn", "check") or it["key"] in LIST_KEYS or len(it["label"]) > 38
            if long_:
                rows.append([it])
            else:
                pair.append(it)
                if len(pair) == 2:
                    rows.append(pair)
                    pair = []
        if pair:
            rows.append(pair)
        for i, r in enumerate(rows):
            cells = t.add_row().cells
            # column 0: the section name, vertically merged over the section rows
            tcpr = cells[0]._tc.get_or_add_tcPr()
            for el in xml_frag('<w:vMerge w:val="restart"/>' if i == 0 else '<w:vMerge/>'):
                tcpr.append(el)
            for el in xml_frag('<w:shd w:val="clear" w:color="auto" w:fill="BFBFBF"/>'):
                tcpr.append(el)
            if i == 0:
                cell_xml(cells[0], run(head.split(". ", 1)[-1], bold=True, size=9))
            if len(r) == 1:
                it = r[0]
                if it["kind"] == "check":
                    m = cells[1].merge(cells[4])
                    cell_xml(m, run(choice_text(it) + " " + it["label"]))
                else:
                    cell_xml(cells[1], run(it["label"], bold=True, size=9), shade="D9D9D9")
                    m = cells[2].merge(cells[4])
                    val = choice_text(it, sep="   ") if it["kind"] != "text" else it["text"]
                    cell_xml(m, run(val))
            else:
                for j, it in enumerate(r):
                    cell_xml(cells[1 + 2 * j], run(it["label"], bold=True, size=9), shade="D9D9D9")
                    cell_xml(cells[2 + 2 * j], run(it["text"]))
        doc.add_paragraph()
    doc.save(path)


def docx_paragraph_breaks(form, d, st, path, code):
    """'Label:' then a line break (w:br) and the value inside one paragraph; choices as marks."""
    doc = new_docx(code, font="Cambria", size=10.5)
    docx_title(doc, form)
    for head, its in items(form, d, st):
        p = doc.add_paragraph()
        r = p.add_run(head)
        r.bold = True
        r.font.size = Pt(11.5)
        for it in its:
            if it["kind"] == "check":
                para_xml(doc, run(choice_text(it) + " " + it["label"]))
            else:
                para_xml(doc, run(it["label"] + ":", bold=True) + run("\n" + choice_text(it, sep="    ")))
    doc.save(path)


def textbox_xml(lines, w_in=5.6, h_in=1.9):
    """A Word text box (wps:txbx / w:txbxContent) with a VML fallback, floating under the text."""
    cx, cy = int(w_in * 914400), int(h_in * 914400)
    paras = "".join(f"<w:p>{''.join(r for r in ln)}</w:p>" for ln in lines)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>60000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        f'style="position:absolute;margin-top:4.7pt;width:{w_in * 72:.0f}pt;height:{h_in * 72:.0f}pt;z-index:251659264" '
        f'xmlns:o="urn:schemas-microsoft-com:office:office"><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def docx_agreement_textbox(d, st, path, code):
    doc = new_docx(f"{code}  Rev. 01/2026" if code else None, font="Georgia", size=10)
    docx_title(doc, "rpa_agreement")
    para_xml(doc, run("Organization Legal Name: ", bold=True) + run(raw("org_legal_name", d["org_legal_name"], st)))
    for ptxt in AGREEMENT_TEXT:
        doc.add_paragraph(ptxt)
    doc.add_paragraph("IN WITNESS WHEREOF, the Organization has executed this Agreement by its authorized signatory.")
    lines = [[run("AUTHORIZED SIGNATURE", bold=True, size=9)],
             [run("Signature:\t", bold=True), run("/s/ " + d["signer_name"])],
             [run(LABELS["signer_name"] + ":\t", bold=True), run(raw("signer_name", d["signer_name"], st))],
             [run(LABELS["signer_title"] + ":\t", bold=True), run(raw("signer_title", d["signer_title"], st))],
             [run(LABELS["signature_date"] + ":\t", bold=True), run(raw("signature_date", d["signature_date"], st))]]
    para_xml(doc, textbox_xml(lines))
    doc.save(path)


def docx_agreement_table(d, st, path, code):
    doc = new_docx(code, font="Calibri", size=10.5)
    docx_title(doc, "rpa_agreement")
    for ptxt in AGREEMENT_TEXT:
        doc.add_paragraph(ptxt)
    t = doc.add_table(rows=0, cols=2)
    set_table_borders(t)
    for lab, val in [("Organization Legal Name", d["org_legal_name"]), ("Signature", "/s/ " + d["signer_name"]),
                     (LABELS["signer_name"], d["signer_name"]), (LABELS["signer_title"], d["signer_title"]),
                     (LABELS["signature_date"], raw("signature_date", d["signature_date"], st))]:
        c = t.add_row().cells
        cell_xml(c[0], run(lab, bold=True), shade="EDEDED")
        cell_xml(c[1], run(val))
    doc.save(path)


def to_docm(src, dst):
    """A macro-enabled copy: same parts, main part content type switched to macroEnabled."""
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            zo.writestr(info, data)


_bm = [0]


def ff_begin(name, inner):
    _bm[0] += 1
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/>{inner}</w:ffData></w:fldChar></w:r>'
            f'<w:bookmarkStart w:id="{_bm[0]}" w:name="{name}"/>')


def ff_text(name, value):
    return (ff_begin(name, "<w:textInput/>") + '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(value) +
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{_bm[0]}"/>')


def ff_check(name, on):
    return (ff_begin(name, f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{"<w:checked/>" if on else ""}</w:checkBox>') +
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{_bm[0]}"/>')


def ff_drop(name, entries, idx):
    ents = "".join(f'<w:listEntry w:val="{esc(e)}"/>' for e in entries)
    return (ff_begin(name, f'<w:ddList><w:result w:val="{idx}"/>{ents}</w:ddList>') +
            '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{_bm[0]}"/>')


def docx_legacy(form, d, st, path, code, bookmarks):
    """Word 'legacy tools' form: label | FORMTEXT cells, FORMCHECKBOX per choice, FORMDROPDOWN for
    one-of choices and yes/no. Word default names (Text1, Check1, Dropdown1) unless renamed
    by the author (bookmarks)."""
    doc = new_docx(f"{code}  Rev. 12/2025", font="Calibri", size=10)
    docx_title(doc, form)
    n = {"Text": 0, "Check": 0, "Dropdown": 0}

    def nm(kind, key):
        if key in bookmarks:
            return bookmarks[key]
        n[kind] += 1
        return f"{kind}{n[kind]}"
    for head, its in items(form, d, st):
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        t = doc.add_table(rows=0, cols=2)
        set_table_borders(t)
        for it in its:
            c = t.add_row().cells
            k = it["key"]
            if it["kind"] == "check":
                cell_xml(c[0].merge(c[1]), ff_check(nm("Check", k), it["value"]) + run(" " + it["label"]))
                continue
            cell_xml(c[0], run(it["label"], bold=True))
            if it["kind"] == "text":
                cell_xml(c[1], ff_text(nm("Text", k), it["text"]))
            elif it["kind"] == "choice" and it["multi"]:
                xml = ""
                for i, (ck, cl, on) in enumerate(it["options"]):
                    xml += ("<w:r><w:br/></w:r>" if i else "") + ff_check(nm("Check", k + ck), on) + run(" " + cl)
                cell_xml(c[1], xml)
            elif it["kind"] == "choice":
                labels = ["Select one"] + [cl for _, cl, _ in it["options"]]
                idx = next((i + 1 for i, (_, _, on) in enumerate(it["options"]) if on), 0)
                cell_xml(c[1], ff_drop(nm("Dropdown", k), labels, idx))
            else:
                idx = {None: 0, True: 1, False: 2}[it["value"]]
                cell_xml(c[1], ff_drop(nm("Dropdown", k), [" ", "Yes", "No"], idx))
    doc.save(path)


_sid = [100]


def sdt(pr, content):
    _sid[0] += 1
    return f'<w:sdt><w:sdtPr>{pr}<w:id w:val="{_sid[0]}"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


def cc_text(value, tag):
    return sdt(f'<w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:text w:multiLine="1"/>', run(value))


def cc_check(on, tag):
    return sdt(f'<w:tag w:val="{tag}"/><w14:checkbox><w14:checked w14:val="{1 if on else 0}"/>'
               '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
               '</w14:checkbox>', run(ON if on else OFF, font="DejaVu Sans"))


def cc_drop(items_, sel, tag):
    li = "".join(f'<w:listItem w:displayText="{esc(t)}" w:value="{esc(v)}"/>' for t, v in items_)
    return sdt(f'<w:tag w:val="{tag}"/><w:dropDownList>{li}</w:dropDownList>', run(sel))


def cc_date(iso, shown, tag, fmt):
    return sdt(f'<w:tag w:val="{tag}"/><w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{fmt}"/>'
               '<w:lid w:val="en-US"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>',
               run(shown))


def docx_content_controls(form, d, st, path, code):
    doc = new_docx(f"{code}", font="Segoe UI", size=9.5)
    docx_title(doc, form)
    for head, its in items(form, d, st):
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        t = doc.add_table(rows=0, cols=2)
        set_table_borders(t)
        for it in its:
            c = t.add_row().cells
            k = it["key"]
            tag = "txt" + "".join(w.capitalize() for w in k.split("_"))
            if it["kind"] == "check":
                cell_xml(c[0].merge(c[1]), cc_check(it["value"], "chkAttest") + run(" " + it["label"]))
                continue
            cell_xml(c[0], run(it["label"], bold=True))
            if it["kind"] == "text" and k in DATE_KEYS and it["text"] not in ("", "N/A"):
                cell_xml(c[1], cc_date(d[k], it["text"], tag, "MMMM d, yyyy" if "," in it["text"] else "M/d/yyyy"))
            elif it["kind"] == "text":
                cell_xml(c[1], cc_text(it["text"], tag))
            elif it["kind"] == "choice" and it["multi"]:
                xml = ""
                for i, (ck, cl, on) in enumerate(it["options"]):
                    xml += ("<w:r><w:br/></w:r>" if i else "") + cc_check(on, f"chk_{ck}") + run(" " + cl)
                cell_xml(c[1], xml)
            elif it["kind"] == "choice":
                opts = [("Choose an item.", "")] + [(cl, ck) for ck, cl, _ in it["options"]]
                sel = next((cl for _, cl, on in it["options"] if on), "Choose an item.")
                cell_xml(c[1], cc_drop(opts, sel, tag))
            else:
                sel = {None: "Choose an item.", True: "Yes", False: "No"}[it["value"]]
                cell_xml(c[1], cc_drop([("Choose an item.", ""), ("Yes", "Y"), ("No", "N")], sel, tag))
    doc.save(path)


# --------------------------------------------------------------------------- LibreOffice, scans, email
def soffice_pdf(files, outdir, form_fields=True):
    """DOCX -> PDF with the form-field export switched ON (LibreOffice 7.4 exports no widgets for
    Word legacy fields or content controls: their current values end up as page content)."""
    ff = "true" if form_fields else "false"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless", "--convert-to",
                    'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"%s"}}' % ff,
                    "--outdir", str(outdir)] + [str(f) for f in files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scan_flatbed(src_pdf, dst_pdf, seed, angle=1.2, dpi=300, quality=30):
    """300 dpi office-scanner look: grey, slightly skewed, paper tint, speckles, JPEG."""
    rnd = random.Random(seed)
    tmp = WORK / f"scan_{seed}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src_pdf), str(tmp / "p")], check=True)
    outs = []
    for i, png in enumerate(sorted(tmp.glob("p*.png"))):
        im = Image.open(png).convert("L")
        im = im.rotate(angle + rnd.uniform(-0.15, 0.15), resample=Image.BICUBIC, expand=False, fillcolor=255)
        im = im.filter(ImageFilter.GaussianBlur(0.7))
        dr = ImageDraw.Draw(im)
        for _ in range(160):
            x, y = rnd.randrange(im.width), rnd.randrange(im.height)
            r = rnd.choice([1, 1, 2, 3])
            dr.ellipse([x, y, x + r, y + r], fill=rnd.randrange(60, 160))
        im = im.point(lambda v: 0 if v < 70 else (255 if v > 215 else v))
        out = tmp / f"s{i}.jpg"
        im.save(out, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
        outs.append(str(out))
    subprocess.run(["img2pdf", "--pagesize", "Letter", "-o", str(dst_pdf)] + outs, check=True)


def scan_phone(src_pdf, dst_pdf, seed, dpi=150):
    """Phone-camera look: grey, uneven lighting (vignette + diagonal gradient), slight perspective,
    small rotation, soft focus; 150 dpi JPEG."""
    rnd = random.Random(seed)
    tmp = WORK / f"phone_{seed}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src_pdf), str(tmp / "p")], check=True)
    outs = []
    for i, png in enumerate(sorted(tmp.glob("p*.png"))):
        im = Image.open(png).convert("L")
        w, h = im.size
        # perspective: top edge slightly narrower than the bottom (phone tilted back)
        dx = w * 0.025
        coeffs = _persp([(0, 0), (w, 0), (w, h), (0, h)], [(dx, 8), (w - dx, 0), (w, h), (0, h - 6)])
        im = im.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=90)
        im = im.rotate(-0.8 + rnd.uniform(-0.2, 0.2), resample=Image.BICUBIC, fillcolor=90)
        im = im.filter(ImageFilter.GaussianBlur(0.9))
        # lighting: multiply by a gradient (bright top-left, dim bottom-right) plus a vignette
        import numpy as np
        yy, xx = np.mgrid[0:h, 0:w]
        light = 1.0 - 0.38 * (0.6 * xx / w + 0.4 * yy / h)            # bright top-left, dim bottom-right
        r2 = ((xx - w * 0.45) / w) ** 2 + ((yy - h * 0.4) / h) ** 2
        light *= 1.0 - 0.35 * np.clip(r2 / 0.5, 0, 1)                  # vignette
        im = Image.fromarray(np.clip(np.asarray(im, float) * light, 0, 255).astype("uint8"))
        im = Image.blend(im, Image.effect_noise((w, h), 18), 0.05)
        out = tmp / f"c{i}.jpg"
        im.save(out, "JPEG", quality=55, dpi=(dpi, dpi), optimize=True)
        outs.append(str(out))
    subprocess.run(["img2pdf", "--pagesize", "Letter", "-o", str(dst_pdf)] + outs, check=True)


def _persp(dst, src):
    """Coefficients for Image.PERSPECTIVE mapping output points dst -> input points src."""
    import numpy as np
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(a, float), np.array(b, float))]


# --------------------------------------------------------------------------- cases
CASES = []


def expected(form, d):
    keys = ["org_legal_name", "signer_name", "signer_title", "signature_date"] if form == "rpa_agreement" else \
        [k for _, ks in SECTIONS[form] for k in ks]
    return {k: d[k] for k in keys if k in d}


def case(cid, ext, form, code, shape, tool, d, desc, scan=False, extra=None):
    e = {"file": f"{cid}.{ext}", "form_type": form, "form_version": code, "fields": expected(form, d),
         "shape": shape, "scan": scan, "drawn_with": tool, "description": desc}
    if extra:
        e.update(extra)
    CASES.append(e)
    return OUT / e["file"]


def build():
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "docx").mkdir(parents=True)
    for f in list(OUT.glob("*.pdf")) + list(OUT.glob("*.docx")) + list(OUT.glob("*.docm")) + \
            list(OUT.glob("*.eml")) + list(OUT.glob("*.expected.json")):
        f.unlink()
    CASES.clear()

    # ---- a: Word forms exported by LibreOffice with "export form fields" ON
    a1 = with_org("nashoba", rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.2",
                  bot_count=3, bot_names=["NVP-Elig-1", "NVP-Elig-2", "NVP-Status-1"], hosting="on_premises",
                  transactions=["claim_status", "eligibility_inquiry"],
                  posc_screens=["Login", "Member Eligibility Search", "Eligibility Results", "Claim Status Search",
                                "Claim Status Results"],
                  screens_per_session=10, avg_weekly_transactions=625, est_monthly_transactions=2500,
                  operating_hours="Mon-Sat 7:00 PM - 5:00 AM", planned_go_live="2026-07-13",
                  **sign("Ellen Marsh, MD", "Managing Physician", "2026-04-02"))
    st = dict(date="us", dates={"planned_go_live": "dmy_long", "signature_date": "slash_iso"}, fein_nohyphen=True,
              phone="paren_tight", list_sep="; ")
    src = WORK / "docx" / "a1_src.docx"
    docx_legacy("stage1", a1, st, src, "RPA-S1", {"org_legal_name": "OrgLegalName", "fein": "FEIN",
                                                  "npi": "NPI", "signer_name": "SignerName"})
    soffice_pdf([src], WORK / "docx")
    shutil.copy(WORK / "docx" / "a1_src.pdf", case(
        "a1_stage1_lo_legacy_fields", "pdf", "stage1", "RPA-S1", "lo_export_legacy_fields",
        "python-docx legacy fields -> soffice 7.4 writer_pdf_Export ExportFormFields=true", a1,
        "Word legacy form (FORMTEXT named Text1.. and author bookmarks OrgLegalName/FEIN/NPI/SignerName, "
        "FORMCHECKBOX per transaction, FORMDROPDOWN for Organization Type / Bot Hosting) exported by LibreOffice "
        "7.4 with 'export form fields' on. LibreOffice 7.4 creates NO widgets for Word legacy fields: the "
        "result is a field-less PDF where text values are page text, dropdowns show the chosen entry, and "
        "checked FORMCHECKBOXes are only a vector box with an X (no glyph). FEIN typed '042233441', phone "
        "'(978)555-0114', ZIP+4, planned date '13 July 2026', signed '2026/04/02', bot names '; '-separated."))

    a2 = with_org("berkshire", stage2_approval_number="RPA2-2025-00318", rpa_user_ids=["RPABR011", "RPABR012"],
                  modification_types=["replace_tool"], new_rpa_tool_name="Power Automate Desktop",
                  new_rpa_tool_vendor="Microsoft Corporation",
                  description="Replace WinAutomation 9.2 with Power Automate Desktop for both bots; the "
                              "transactions, POSC screens and schedule stay the same.",
                  effective_date="2026-09-01", **sign("Thomas Wojcik", "Chief Financial Officer", "2026-06-18"))
    st = dict(date="long", pad={"org_legal_name", "contact_email", "npi"}, phone="dots",
              na={"new_screens_per_session"})
    src = WORK / "docx" / "a2_src.docx"
    docx_content_controls("modification", a2, st, src, "RPA-MOD")
    soffice_pdf([src], WORK / "docx")
    shutil.copy(WORK / "docx" / "a2_src.pdf", case(
        "a2_modification_lo_content_controls", "pdf", "modification", "RPA-MOD", "lo_export_content_controls",
        "python-docx content controls -> soffice 7.4 writer_pdf_Export ExportFormFields=true", a2,
        "Word form built from content controls (plain text with tags txtOrgLegalName.., w14:checkbox per "
        "modification type, dropDownList for Organization Type, date controls 'September 1, 2026') exported "
        "by LibreOffice 7.4 with 'export form fields' on: no widgets are produced, the control contents "
        "(including '\u2612/\u2610' glyphs) become page text. Leading/trailing spaces and a NBSP around "
        "some values; 'New Maximum POSC Screens per Session' answered 'N/A' (expected absent)."))

    # ---- b: opaque names + /TU tooltips
    b1 = with_org("quinsig", stage2_approval_number="RPA2-2024-00077", rpa_user_ids=["RPAQD001"],
                  validation_year=2026, info_current=True, unapproved_changes=False,
                  **sign("Hoang Nguyen", "Office Manager", "2026-02-27"))
    n = TooltipNamer(tips={"fein": "Federal Employer Identification Number (FEIN). Nine digits, format NN-NNNNNNN.",
                           "npi": "National Provider Identifier (NPI) - 10 digits",
                           "provider_id": "MassHealth Provider ID/Service Location (PID/SL)",
                           "zip": "ZIP Code (5 or 9 digits)"})
    s = Sheet("annual_validation", "RPA-AV", fillable=True, namer=n,
              hide_label={"provider_id", "npi", "fein", "city", "state", "zip", "rpa_user_ids", "signer_title"})
    n.sheet = s
    s.render_form(b1, dict(date="abbr", phone="paren"))
    s.save(case("b1_annual_tooltip_names", "pdf", "annual_validation", "RPA-AV", "fillable_pdf_tooltips",
                "hand-written PDF (fillable)", b1,
                "Fillable PDF in the IRS/LiveCycle style: field names are opaque and hierarchical "
                "(topmostSubform[0].Page1[0].f1_03[0], c1_05[0]); every field carries its label in the /TU "
                "tooltip (some with instructions: 'Federal Employer Identification Number (FEIN). Nine digits, "
                "format NN-NNNNNNN.'). NO printed label beside the PID/SL, NPI, FEIN, City, State, ZIP Code, "
                "RPA User ID(s) and Authorized Signatory Title fields. Radio kids /1 /2 /3 with per-button "
                "tooltips ('Organization Type: MassHealth Provider'); checkboxes export /1. Date 'Feb. 27, 2026'."))

    b2 = with_org("pinnacle", operational_since="2020-11-16", current_user_ids=["PRP0101", "PRP0102", "PRP0103"],
                  rpa_tool_name="Automation Anywhere", rpa_tool_vendor="Automation Anywhere, Inc.",
                  rpa_tool_version="A360", bot_count=3, screens_per_session=14, avg_weekly_transactions=1900,
                  transactions=["claim_status", "claim_submission", "remittance_advice"], testing_completed=True,
                  testing_completed_date="2022-09-12", user_ids_requested=3,
                  docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                  **sign("Samuel Adeyemi", "RPA Program Manager", "2026-01-20"))
    n = TooltipNamer()
    s = Sheet("stage2_grandfathered", "RPA-S2G", fillable=True, namer=n,
              hide_label={"transactions", "docs_enclosed", "current_user_ids", "rpa_tool_version", "testing_completed"})
    n.sheet = s
    s.render_form(b2, dict(date="us_short", phone="plus1", list_sep=", "))
    s.save(case("b2_s2g_tooltip_names", "pdf", "stage2_grandfathered", "RPA-S2G", "fillable_pdf_tooltips",
                "hand-written PDF (fillable)", b2,
                "Grandfathered Stage II, opaque hierarchical names with /TU tooltips. The question/heading text "
                "of POSC Transactions, Supporting Documentation Enclosed, the testing yes/no, RPA Tool Version "
                "and POSC User ID(s) is NOT printed (only choice labels are); the checkbox tooltips read "
                "'POSC Transactions: Claim Status Inquiry', 'Supporting Documentation Enclosed: Test Scenarios'. "
                "Phone '+1 (781) 555-0107', ZIP+4, dates '11/16/2020'."))

    # ---- c: Acrobat auto-detected names
    c1 = with_org("harborview", rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                  rpa_tool_version="2025.4", bot_count=2, bot_names=["HCA-Status-01", "HCA-Other-02"],
                  hosting="cloud", transactions=["claim_status", "other"],
                  transactions_other="Download the POSC claim detail PDF for each denied claim",
                  posc_screens=["Login", "Claim Status Search", "Claim Status Results", "Claim Detail"],
                  screens_per_session=9, avg_weekly_transactions=300, est_monthly_transactions=1200,
                  planned_go_live="2026-05-04", **sign("Jonathan Feld", "VP, Intelligent Automation", "2026-03-05"))
    n = AcrobatNamer(undefined={"bot_names", "posc_screens"})
    s = Sheet("stage1", "RPA-S1", fillable=True, namer=n, split={"signature_date", "contact_phone"})
    n.sheet = s
    s.render_form(c1, dict(list_sep="\n", date="us"))
    s.save(case("c1_stage1_acrobat_autonames", "pdf", "stage1", "RPA-S1", "fillable_pdf_acrobat_autonames",
                "hand-written PDF (fillable)", c1,
                "Names as Acrobat's Prepare Form auto-detection makes them: label text without punctuation "
                "('RPA Tool Product Name', 'Federal Employer Identification Number FEIN'), 'undefined' / "
                "'undefined_2' for the multi-line Bot Name(s) and POSC Screens boxes, 'Check Box1'..'Check Box7' "
                "per transaction (export /Yes) and 'Check Box8' for the attestation (export /On), 'Group1' "
                "(Organization Type) and 'Group2' (Bot Hosting) with /Choice1../Choice3. Date Signed is three "
                "boxes 'Date Signed' / 'Date Signed_2' / 'Date Signed_3' (03 / 05 / 2026); the phone is three "
                "boxes 'Primary Contact Telephone' / _2 / _3 (617 / 555 / 0142)."))

    c2 = with_org("mystic", stage2_approval_number="RPA2-2025-01142", rpa_user_ids=["RPAMR004"],
                  modification_types=["add_sequential_transaction", "increase_screens"], new_screens_per_session=18,
                  added_transaction="prior_authorization", same_session=True,
                  description="After each eligibility check the same bot session will submit the prior "
                              "authorization request, which needs six more POSC screens (12 to 18).",
                  effective_date="2026-08-15", **sign("Bridget Kelleher", "Director of Finance", "2026-07-09"))

    def on_behalf(sh):
        sh.need(24)
        sh.t(sh.x0, sh.y - 10, "Signed on behalf of (Organization Legal Name)", 8.5)
        nm, _, _ = sh.name("text", "org_legal_name")
        sh.w_text(nm, None, sh.x0 + sh.LW + 6, sh.y - 15, sh.x1 - sh.x0 - sh.LW - 6, 14, c2["org_legal_name"])
        sh.y -= 22
    n = AcrobatNamer(undefined={"description", "rpa_user_ids"})
    s = Sheet("modification", None, fillable=True, namer=n)
    n.sheet = s
    s.render_form(c2, dict(date="us_short", phone="paren"), extra_bottom=on_behalf)
    s.save(case("c2_modification_acrobat_autonames", "pdf", "modification", None,
                "fillable_pdf_acrobat_autonames", "hand-written PDF (fillable)", c2,
                "Acrobat auto-detected names; 'Check Box1'..'Check Box6' for Type of Modification, 'Group1' "
                "Organization Type, 'Group2' Transaction to Add (seven /ChoiceN states), 'Group3' same-session "
                "Yes/No (/Choice1 = Yes); 'undefined' and 'undefined_2' for RPA User ID(s) and Description; a "
                "second 'Organization Legal Name_2' field in the signature block (same value). No form code printed."))

    # ---- d: glyph-by-glyph flattened PDFs
    d1 = with_org("southcoast", stage1_approval_number="RPA1-2025-00871", rpa_tool_name="UiPath Studio",
                  rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10",
                  transactions=["eligibility_inquiry", "prior_authorization"], testing_completed=True,
                  testing_completed_date="2026-03-30", user_ids_requested=2,
                  docs_enclosed=["rpa_agreement", "test_scenarios"],
                  **sign("Dr. Renata Sousa", "Chief Operating Officer", "2026-04-14"))
    s = Sheet("stage2", "RPA-S2", text_mode="glyph_tm")
    s.render_form(d1, dict(date="us", dates={"testing_completed_date": "us_dash2"}, phone="dash"))
    s.save(case("d1_stage2_glyphs_tm", "pdf", "stage2", "RPA-S2", "flattened_pdf_glyphs",
                "hand-written PDF (flattened)", d1,
                "Flattened Stage II where every glyph is its own text object position ('1 0 0 1 x y Tm (c) Tj'), "
                "no space characters anywhere (word gaps are only geometry). Choice marks are drawn boxes with "
                "stroked X. Testing date '03-30-26' (US MM-DD-YY). Systems Design Documentation not ticked."))

    d2 = dict(org_legal_name=ORGS["granite"]["org_legal_name"], signer_name="Marc Thibodeau",
              signer_title="Managing Member", signature_date="2026-05-11")
    agreement_sheet(d2, "RPA-AGR", "glyph_td", case(
        "d2_agreement_glyphs_td", "pdf", "rpa_agreement", "RPA-AGR", "flattened_pdf_glyphs",
        "hand-written PDF (flattened)", d2,
        "Signed RPA Agreement, flattened; glyphs chained with relative Td moves, one Tj per character, "
        "no spaces. '/s/ Marc Thibodeau' signature line, Date Signed 'May 11, 2026'."), dict(date="long"))

    d3 = with_org("berkshire", stage2_approval_number="RPA2-2025-00318", rpa_user_ids=["RPABR011", "RPABR012"],
                  validation_year=2026, info_current=True, unapproved_changes=False,
                  **sign("Thomas Wojcik", "Chief Financial Officer", "2026-10-02"))
    s = Sheet("annual_validation", "RPA-AV", text_mode="glyph_td")
    s.render_form(d3, dict(date="dmy_long", phone="paren_tight", fein_nohyphen=True, list_sep="; "))
    s.save(case("d3_annual_glyphs_td", "pdf", "annual_validation", "RPA-AV", "flattened_pdf_glyphs",
                "hand-written PDF (flattened)", d3,
                "Annual Validation, flattened, glyphs chained with relative Td (no spaces); FEIN '049876123' "
                "(no hyphen), phone '(413)555-0171', Date Signed '2 October 2026'."))

    # ---- e: page geometry, and an e-mail with two attachments
    e1 = with_org("granite", rpa_tool_name="Microsoft Power Automate", rpa_tool_vendor="Microsoft Corporation",
                  bot_count=1, bot_names=["GSMB-Remit"], hosting="cloud",
                  transactions=["claim_status", "remittance_advice"],
                  posc_screens=["Login", "Remittance Advice Search", "Remittance Advice Download", "Claim Status Search"],
                  screens_per_session=6, avg_weekly_transactions=150, est_monthly_transactions=600,
                  planned_go_live="2026-10-05", **sign("Marc Thibodeau", "Managing Member", "2026-08-21"))
    s = Sheet("stage1", "RPA-S1", landscape=True)
    s.render_form(e1, dict(date="iso", na={"rpa_tool_version", "operating_hours", "org_dba"}, phone="digits"))
    s.save(case("e1_stage1_landscape_2col", "pdf", "stage1", "RPA-S1", "flattened_pdf_landscape",
                "hand-written PDF (flattened)", e1,
                "Landscape Letter page (792 x 612, no /Rotate), two columns of 'label | value' rows "
                "(Section 3 and the attestation in the right column). Doing Business As, RPA Tool Version and "
                "Bot Operating Hours printed as 'N/A' (expected absent). Phone '6035550129', dates ISO. "
                "Out-of-state (NH) business partner."))

    e2 = with_org("harborview", stage2_approval_number="RPA2-2023-00412",
                  rpa_user_ids=["RPAHV021", "RPAHV022", "RPAHV023"], validation_year=2026, info_current=True,
                  unapproved_changes=False, **sign("Jonathan Feld", "VP, Intelligent Automation", "2026-09-30"))
    s = Sheet("annual_validation", "RPA-AV", rotate90=True)
    s.render_form(e2, dict(date="us", list_sep="\n", pad={"contact_name"}))
    s.save(case("e2_annual_rotate90", "pdf", "annual_validation", "RPA-AV", "flattened_pdf_rotated",
                "hand-written PDF (flattened)", e2,
                "Portrait form stored on a landscape MediaBox [0 0 792 612] with /Rotate 90: the content stream "
                "draws through '0 1 -1 0 792 0 cm', so text is vertical in user space and upright only when "
                "the page rotation is applied. RPA User ID(s) one per line."))

    e3s = with_org("mystic", stage1_approval_number="RPA1-2026-00019", rpa_tool_name="UiPath Studio",
                   rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2025.4",
                   transactions=["claim_adjustment", "claim_status"], testing_completed=True,
                   testing_completed_date="2026-05-28", user_ids_requested=2,
                   docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                   **sign("Bridget Kelleher", "Director of Finance", "2026-06-03"))
    e3a = dict(org_legal_name=e3s["org_legal_name"], signer_name="Bridget Kelleher",
               signer_title="Director of Finance", signature_date="2026-06-02")
    pdfp, docp = WORK / "MysticRiver_StageII_signed.pdf", WORK / "MassHealth RPA Agreement - Mystic River.docx"
    s = Sheet("stage2", "RPA-S2")
    s.render_form(e3s, dict(date="us_short"))
    s.save(pdfp)
    docx_agreement_table(e3a, dict(date="long"), docp, "RPA-AGR")
    msg = EmailMessage()
    msg["From"] = "Bridget Kelleher <bkelleher@mystichha.org>"
    msg["To"] = "functional.coordination@example.org"
    msg["Subject"] = "RPA Stage II registration - Mystic River Home Health Agency (RPA1-2026-00019)"
    msg["Date"] = format_datetime(datetime(2026, 6, 3, 16, 42, 10, tzinfo=timezone(timedelta(hours=-4))))
    msg["Message-ID"] = "<20260603164210.7731@mail.mystichha.org>"
    msg.set_content("Hello,\n\nAttached are our Stage II registration form and the signed MassHealth RPA "
                    "Agreement. The Systems Design Documentation and Test Scenarios will follow.\n\n"
                    "Bridget Kelleher\nDirector of Finance\n")
    msg.add_attachment(pdfp.read_bytes(), maintype="application", subtype="pdf", filename=pdfp.name)
    msg.add_attachment(docp.read_bytes(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=docp.name)
    p = case("e3_stage2_with_agreement_email", "eml", "stage2", "RPA-S2", "email_two_attachments",
             "hand-written PDF + python-docx + email.message", e3s,
             "An .eml with two attachments: the Stage II form as a flattened PDF and its signed RPA Agreement "
             "as a DOCX (agreement text, then a shaded label | value signer table). The agreement is dated one "
             "day before the form. Systems Design and Test Scenarios are ticked but NOT attached.",
             extra={"documents": [
                 {"filename": pdfp.name, "form_type": "stage2", "form_version": "RPA-S2",
                  "fields": expected("stage2", e3s)},
                 {"filename": docp.name, "form_type": "rpa_agreement", "form_version": "RPA-AGR",
                  "fields": expected("rpa_agreement", e3a)}]})
    CASES[-1].pop("fields")
    CASES[-1]["form_type"] = None
    CASES[-1]["form_version"] = None
    p.write_bytes(bytes(msg))

    # ---- f: DOCX quirks
    f1 = with_org("southcoast", rpa_tool_name="Pega Robotic Automation", rpa_tool_vendor="Pegasystems Inc.",
                  rpa_tool_version="22.1", bot_count=2, bot_names=["SCHN-Elig", "SCHN-PA"], hosting="vendor_hosted",
                  transactions=["eligibility_inquiry", "other", "prior_authorization"],
                  transactions_other="Member demographic lookup on the POSC member search screen",
                  posc_screens=["Login", "Member Search", "Member Eligibility", "Prior Authorization Request",
                                "PA Confirmation"],
                  screens_per_session=15, avg_weekly_transactions=875, est_monthly_transactions=3500,
                  operating_hours="24x7", planned_go_live="2026-11-02",
                  **sign("Dr. Renata Sousa", "Chief Operating Officer", "2026-03-05"))
    st = dict(date="us", dates={"signature_date": "us_dash2"}, list_sep="; ", thousands=True,
              list_seps={"posc_screens": ", "}, nbsp={"org_legal_name", "street"})
    docx_tab_in_cell("stage1", f1, st, case(
        "f1_stage1_docx_tab_in_cell", "docx", "stage1", "RPA-S1", "docx_label_tab_value_same_cell",
        "python-docx + raw OOXML", f1,
        "Two fields per table row and ONE cell per field: 'Organization Legal Name:<TAB>SouthCoast ...' "
        "(label run bold, value after a w:tab in the same paragraph); choices as \u2612/\u2610 after the TAB; "
        "wide items span both columns. NBSP inside the legal name and street; '3,500' with separator; "
        "Date Signed '03-05-26' (US MM-DD-YY)."), "RPA-S1")

    f2 = with_org("pinnacle", stage2_approval_number="RPA2-2024-00951", rpa_user_ids=["RPAPN007"],
                  modification_types=["retire_bot"],
                  description="Retire bot PRP-Elig-07; its eligibility checks moved to an X12 270/271 "
                              "connection. Please deactivate RPA User ID RPAPN007.",
                  effective_date="2026-07-01", **sign("Samuel Adeyemi", "RPA Program Manager", "2026-05-29"))
    st = dict(date="dmy_long", na={"org_dba", "new_rpa_tool_name", "new_rpa_tool_vendor", "added_transaction_x"},
              phone="paren", pad={"stage2_approval_number", "city"})
    f2p = case("f2_modification_docx_linebreak_in_cell", "docx", "modification", "RPA-MOD",
               "docx_label_break_value_same_cell", "python-docx + raw OOXML", f2,
               "Three cells per row; each cell holds the label (8 pt bold), a line break (w:br) and the value in "
               "ONE paragraph; choices one per line as \u2612/\u2610 lines. 'N/A' typed for Doing Business As, "
               "New RPA Tool (Product Name) and New RPA Tool Vendor (expected absent). Dates '29 May 2026', "
               "'1 July 2026'; padded values.")
    docx_linebreak_in_cell("modification", f2, st, f2p, "RPA-MOD")
    f6p = case("f6_modification_docm_copy", "docm", "modification", "RPA-MOD", "docm_macro_enabled_copy",
               "zip rewrite of f2", f2,
               "Byte-for-byte the parts of f2 in a .docm: the main part content type is "
               "application/vnd.ms-word.document.macroEnabled.main+xml (no vbaProject part).")
    to_docm(f2p, f6p)

    f3 = with_org("nashoba", operational_since="2021-06-07", current_user_ids=["NVPBOT01", "NVPBOT02"],
                  rpa_tool_name="WinAutomation", rpa_tool_vendor="Softomotive (Microsoft)", rpa_tool_version="9.2",
                  bot_count=2, screens_per_session=7, avg_weekly_transactions=540,
                  transactions=["eligibility_inquiry"], testing_completed=True, testing_completed_date="2022-08-30",
                  user_ids_requested=2, docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                  **sign("Ellen Marsh, MD", "Managing Physician", "2026-02-11"))
    f3p = case("f3_s2g_docx_shaded_merged", "docx", "stage2_grandfathered", "RPA-S2G", "docx_shaded_merged_cells",
               "python-docx + raw OOXML", f3,
               "Per section a 5-column table: column 1 is the section name, shaded and vertically merged "
               "(w:vMerge) over all its rows; labels in grey-shaded cells (w:shd D9D9D9); two label|value pairs "
               "per row, long items merged across columns 3-5 (w:gridSpan). Footer 'Form RPA-S2G'. Phone "
               "'978.555.0114', dates 'August 30, 2022'.")
    docx_shaded_merged("stage2_grandfathered", f3, dict(date="long", phone="dots"), f3p, "RPA-S2G")

    f4 = dict(org_legal_name=ORGS["quinsig"]["org_legal_name"], signer_name="Farid Haddad, DMD",
              signer_title="Owner and Managing Dentist", signature_date="2026-03-19")
    docx_agreement_textbox(f4, dict(date="dmy_long"), case(
        "f4_agreement_docx_textbox_signature", "docx", "rpa_agreement", "RPA-AGR", "docx_textbox_signature",
        "python-docx + raw OOXML", f4,
        "RPA Agreement whose signature block is a floating text box (wps:txbx/w:txbxContent, with the VML "
        "v:textbox fallback holding the same content): Signature '/s/ Farid Haddad, DMD', name, title and "
        "Date Signed '19 March 2026', each 'Label:<TAB>value'. Organization Legal Name is a body paragraph."),
        "RPA-AGR")

    f7 = with_org("granite", stage1_approval_number="RPA1-2026-00007", rpa_tool_name="Microsoft Power Automate",
                  rpa_tool_vendor="Microsoft Corporation", transactions=["claim_status", "remittance_advice"],
                  testing_completed=True, testing_completed_date="2026-07-22", user_ids_requested=1,
                  docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                  **sign("Laura Bergeron", "Operations Manager", "2026-08-04"))
    st = dict(date="slash_iso", dates={"signature_date": "dmy_long"}, fein_nohyphen=True, phone="paren_tight",
              na={"org_dba", "rpa_tool_version", "contact_title_x"}, nbsp={"signer_title", "contact_name"},
              pad={"org_legal_name", "stage1_approval_number", "contact_email"})
    f7p = case("f7_stage2_docx_paragraph_breaks_nocode", "docx", "stage2", None, "docx_paragraphs_label_break_value",
               "python-docx + raw OOXML", f7,
               "Paragraph per field: bold 'Label:' then a w:br and the value in the same paragraph; choices as "
               "\u2612/\u2610 side by side. Messy values: leading/trailing spaces and NBSP, 'N/A' for DBA and "
               "RPA Tool Version (expected absent), FEIN '020456789', phone '(603)555-0129', testing date "
               "'2026/07/22', signed '4 August 2026'. No form code (no footer).")
    docx_paragraph_breaks("stage2", f7, st, f7p, None)

    # ---- g: scans
    (WORK / "print").mkdir()
    shutil.copy(f3p, WORK / "print" / "f3.docx")
    shutil.copy(f7p, WORK / "print" / "f7.docx")
    soffice_pdf([WORK / "print" / "f3.docx", WORK / "print" / "f7.docx"], WORK / "print", form_fields=False)
    scan_flatbed(WORK / "print" / "f3.pdf", case(
        "g1_s2g_scan_300dpi_skewed", "pdf", "stage2_grandfathered", "RPA-S2G", "scanned_pdf",
        "LibreOffice print of f3 -> pdftoppm 300 dpi -> Pillow -> img2pdf", f3,
        "Image-only scan of the DOCX form with shaded/merged tables (f3) printed by LibreOffice: 300 dpi "
        "greyscale, skewed 1.2 deg, blur, specks, JPEG.", scan=True), seed=31, angle=1.2)
    scan_phone(WORK / "print" / "f7.pdf", case(
        "g2_stage2_phone_camera", "pdf", "stage2", None, "scanned_pdf",
        "LibreOffice print of f7 -> pdftoppm 150 dpi -> Pillow -> img2pdf", f7,
        "Image-only 'phone photo' of f7: 150 dpi greyscale, slight perspective (top narrower), -0.8 deg "
        "rotation, dark border, uneven lighting (diagonal gradient + vignette), soft focus, JPEG.", scan=True),
        seed=32)

    for e in CASES:
        stem = e["file"].rsplit(".", 1)[0]
        (OUT / f"{stem}.expected.json").write_text(json.dumps(e, indent=2, ensure_ascii=False) + "\n")
    return CASES


def main():
    cases = build()
    for e in cases:
        f = OUT / e["file"]
        print(f"{e['file']:48s} {f.stat().st_size // 1024:4d} KB  {e['form_type']}")


if __name__ == "__main__":
    main()
