#!/usr/bin/env python3
"""Regenerate the SECOND independent (blind) sample set for rpa-intake.

Drawn from /work/shared/SPEC.md only (sections 2 and 5).  Nobody read the project's
parsers/, formgen/, config/forms or tests while writing this (only the first blind set's
README and generator, to avoid repeating its shapes).

Tools (different from the first set, which used LibreOffice HTML forms):

* a small hand-written PDF writer in this file (raw PDF objects, standard-14 Helvetica,
  hand-built AcroForm widgets and appearance streams, Flate-compressed content).  The
  same layout renders either as a fillable form (widgets) or as a "flattened" form
  (values drawn into the page content, no AcroForm);
* python-docx for the DOCX forms (4-column tables, typed paragraphs);
* pdftoppm (poppler) + Pillow + img2pdf for the scans (200 dpi, JPEG grey and CCITT G4).

    cd /work/main && .venv/bin/python tests/data/independent2/make_independent2.py

Output is byte-for-byte deterministic for the PDFs written here (no dates, no IDs); the
DOCX zip timestamps and scan PDFs may differ in metadata only.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import zlib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from PIL import Image, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parent
WORK = Path(tempfile.mkdtemp(prefix="rpa_indep2_"))
FONTDIR = Path("/usr/share/fonts/truetype/liberation2")

# =========================================================================== SPEC data
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
    "org_legal_name": "Organization Legal Name",
    "org_dba": "Doing Business As (DBA)",
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
    "rpa_user_ids": "RPA User ID(s) Affected",
    "modification_types": "Type of Modification",
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
TXN = {"eligibility_inquiry": "Member Eligibility Verification",
       "claim_submission": "Claim Submission (DDE)", "claim_status": "Claim Status Inquiry",
       "claim_adjustment": "Claim Adjustment/Void", "prior_authorization": "Prior Authorization Request",
       "remittance_advice": "Remittance Advice Download", "other": "Other DDE Activity"}
CHOICES = {
    "org_type": {"provider": "MassHealth Provider", "business_partner": "Business Partner",
                 "relationship_entity": "Relationship Entity"},
    # Bot Hosting choice labels are not printed in the SPEC; these are our wording.
    "hosting": {"on_premises": "On-Premises", "cloud": "Cloud", "vendor_hosted": "Vendor-Hosted"},
    "transactions": TXN, "added_transaction": TXN,
    "docs_enclosed": {"rpa_agreement": "MassHealth RPA Agreement",
                      "systems_design": "Systems Design Documentation",
                      "test_scenarios": "Test Scenarios"},
    "modification_types": {"replace_tool": "Replace RPA Tool",
                           "increase_screens": "Increase POSC Screens per Session",
                           "decrease_screens": "Decrease POSC Screens per Session",
                           "add_sequential_transaction": "Add Sequential Transaction in Same Session",
                           "retire_bot": "Retire Bot", "other": "Other"},
}
SET_KEYS = {"transactions", "docs_enclosed", "modification_types"}
ONE_KEYS = {"org_type", "hosting", "added_transaction"}
YESNO_KEYS = {"testing_completed", "same_session", "info_current", "unapproved_changes"}
LIST_KEYS = {"bot_names", "posc_screens", "rpa_user_ids", "current_user_ids"}
DATE_KEYS = {"signature_date", "planned_go_live", "testing_completed_date", "operational_since",
             "effective_date"}
INT_KEYS = {"bot_count", "screens_per_session", "avg_weekly_transactions", "est_monthly_transactions",
            "user_ids_requested", "new_screens_per_session", "validation_year"}
LONG_KEYS = {"description", "posc_screens", "bot_names", "transactions_other", "current_user_ids"}


def label_of(form, key):
    return FORM_LABELS.get(form, {}).get(key, LABELS[key])


# =========================================================================== data
def npi(base9: str) -> str:
    """Append the Luhn check digit computed over '80840' + base9 (NPI rule)."""
    for c in "0123456789":
        digits = "80840" + base9 + c
        tot = 0
        for i, d in enumerate(reversed(digits)):
            n = int(d) * (2 if i % 2 else 1)
            tot += n - 9 if n > 9 else n
        if tot % 10 == 0:
            return base9 + c
    raise AssertionError


assert npi("123456789") == "1234567893"  # the CMS published example

ORGS = {
    "harbor": dict(org_legal_name="Harbor Point Community Health Center, Inc.", org_dba="Harbor Point CHC",
                   org_type="provider", provider_id="110024680E", npi=npi("146802357"), fein="04-2468013",
                   street="88 Atlantic Avenue, 4th Floor", city="Boston", state="MA", zip="02111",
                   contact_name="Jennifer Alvarez", contact_title="Billing Operations Manager",
                   contact_email="jalvarez@harborpointchc.org", contact_phone="617-555-0142"),
    "nashoba": dict(org_legal_name="Nashoba Claims Solutions LLC", org_type="business_partner",
                    fein="20-7788123", street="12 Great Road", city="Acton", state="MA", zip="01720",
                    contact_name="Priya Raman", contact_title="Automation Lead",
                    contact_email="praman@nashobaclaims.com", contact_phone="978-555-0117"),
    "berkshire": dict(org_legal_name="Berkshire Pediatric Associates, P.C.", org_dba="Berkshire Peds",
                      org_type="provider", provider_id="110013579F", npi=npi("135792468"), fein="04-3579246",
                      street="725 North Street", city="Pittsfield", state="MA", zip="01201-4109",
                      contact_name="Thomas O'Brien", contact_title="Office Manager",
                      contact_email="tobrien@berkshirepeds.com", contact_phone="413-555-0188"),
    "southcoast": dict(org_legal_name="SouthCoast Care Network", org_type="relationship_entity",
                       fein="27-1122334", street="400 Purchase Street", city="New Bedford", state="MA",
                       zip="02740", contact_name="Luis Medeiros", contact_title="Data Integration Manager",
                       contact_email="lmedeiros@southcoastcare.org", contact_phone="508-555-0151"),
    "northshore": dict(org_legal_name="North Shore Dental Group LLC", org_type="provider",
                       provider_id="110086420G", npi=npi("197531864"), fein="04-8642097",
                       street="10 Federal Street", city="Salem", state="MA", zip="01970",
                       contact_name="Karen Whitfield", contact_title="Practice Manager",
                       contact_email="kwhitfield@nsdentalgroup.com", contact_phone="978-555-0104"),
    "granite": dict(org_legal_name="Granite State Revenue Partners, Inc.", org_dba="GSRP",
                    org_type="business_partner", fein="02-5566778", street="1 Elm Street, Suite 210",
                    city="Manchester", state="NH", zip="03101", contact_name="Mark Donnelly",
                    contact_title="VP, Operations", contact_email="mdonnelly@gsrevpartners.com",
                    contact_phone="603-555-0160"),
}


def sign(name, title, d):
    return dict(attest=True, signer_name=name, signer_title=title, signature_date=d)


def with_org(org, **kw):
    d = dict(ORGS[org])
    d.update(kw)
    return d


def half_up(x) -> int:
    return int(Decimal(str(x)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


# =========================================================================== raw formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(iso, style):
    y, m, d = (int(x) for x in iso.split("-"))
    return {"us": f"{m:02d}/{d:02d}/{y}", "us_short": f"{m}/{d}/{y}",
            "long": f"{MONTHS[m - 1]} {d}, {y}", "abbr": f"{MONTHS[m - 1][:3]} {d}, {y}",
            "dash": f"{m:02d}-{d:02d}-{y}", "iso": iso}[style]


def fmt_phone(p, style):
    a, b, c = p.split("-")
    return {"paren": f"({a}) {b}-{c}", "dots": f"{a}.{b}.{c}", "dash": p,
            "plain10": f"{a}{b}{c}", "space": f"{a} {b} {c}"}[style]


def raw(key, v, st):
    """What a person would type for key=v (text rendering, also for choices as text)."""
    if key in DATE_KEYS:
        return fmt_date(v, st.get("dates", {}).get(key, st.get("date", "us")))
    if key == "contact_phone":
        return fmt_phone(v, st.get("phone", "paren"))
    if key in LIST_KEYS:
        return st.get("list_sep", ", ").join(v)
    if key in INT_KEYS:
        return f"{v:,}" if st.get("thousands") and v >= 1000 else str(v)
    if key in YESNO_KEYS:
        return st.get("yes", "Yes") if v else st.get("no", "No")
    if key == "attest":
        return "Yes" if v else "No"
    if key in SET_KEYS:
        return st.get("choice_sep", "; ").join(CHOICES[key][k] for k in v)
    if key in ONE_KEYS:
        return CHOICES[key][v]
    return str(v)


# =========================================================================== tiny PDF writer
FONT_R = ImageFont.truetype(str(FONTDIR / "LiberationSans-Regular.ttf"), 1000)  # Helvetica metrics
FONT_B = ImageFont.truetype(str(FONTDIR / "LiberationSans-Bold.ttf"), 1000)


def tw(s, size, bold=False):
    return (FONT_B if bold else FONT_R).getlength(s) * size / 1000.0


def pdf_str(s: str) -> bytes:
    b = s.encode("cp1252")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_text_str(s: str) -> bytes:
    """A PDF text string (field /V, /TU): PDFDocEncoding when ASCII, UTF-16BE otherwise."""
    if all(ord(c) < 128 for c in s):
        return pdf_str(s)
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"


def pdf_name(s: str) -> bytes:
    out = "/"
    for ch in s:
        if ch.isalnum() or ch in "-_.":
            out += ch
        else:
            out += "#%02X" % ord(ch)
    return out.encode()


def n2(x):
    return ("%.2f" % x).rstrip("0").rstrip(".")


class RawPDF:
    def __init__(self):
        self.objs: dict[int, bytes] = {}
        self.n = 0

    def reserve(self):
        self.n += 1
        return self.n

    def put(self, num, data):
        self.objs[num] = data if isinstance(data, bytes) else data.encode("latin-1")

    def add(self, data):
        num = self.reserve()
        self.put(num, data)
        return num

    def stream(self, head: str, content: bytes, compress=True):
        if compress:
            content = zlib.compress(content, 9)
            head += " /Filter /FlateDecode"
        return self.add(b"<< " + head.encode() + b" /Length %d >>\nstream\n" % len(content)
                        + content + b"\nendstream")

    def write(self, path, root, info=None):
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offs = {}
        for i in range(1, self.n + 1):
            offs[i] = len(out)
            out += b"%d 0 obj\n" % i + self.objs[i] + b"\nendobj\n"
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (self.n + 1)
        for i in range(1, self.n + 1):
            out += b"%010d 00000 n \n" % offs[i]
        inf = b" /Info %d 0 R" % info if info else b""
        out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (self.n + 1, root, inf, x)
        Path(path).write_bytes(bytes(out))


PW, PH = 612, 792
LM, RM = 48, 564


class Form:
    """A page layout; renders as a fillable PDF (widgets) or flattened (values as text)."""

    def __init__(self, form, data, mode, st, names):
        self.form, self.d, self.mode, self.st, self.names = form, data, mode, st, names
        self.pages = []        # list of [ops]
        self.widgets = []      # list of [widget specs]
        self.shown = set()     # canonical keys whose value was put on the page
        self.newpage()

    # ---------------------------------------------------------------- primitives
    def newpage(self):
        self.pages.append([])
        self.widgets.append([])
        self.y = PH - 46

    def ensure(self, h):
        if self.y - h < 58:
            self.newpage()

    def op(self, s):
        self.pages[-1].append(s)

    def text(self, x, y, s, size=9, bold=False, align="l"):
        if align == "r":
            x -= tw(s, size, bold)
        elif align == "c":
            x -= tw(s, size, bold) / 2
        self.op("BT /%s %s Tf %s %s Td %s Tj ET" % ("F2" if bold else "F1", n2(size), n2(x), n2(y),
                                                   pdf_str(s).decode("latin-1")))

    def rect(self, x, y, w, h, lw=0.6):
        self.op(f"q {n2(lw)} w {n2(x)} {n2(y)} {n2(w)} {n2(h)} re S Q")

    def hline(self, x1, x2, y, lw=0.5):
        self.op(f"q {n2(lw)} w {n2(x1)} {n2(y)} m {n2(x2)} {n2(y)} l S Q")

    def wrap(self, s, width, size, bold=False):
        lines, cur = [], ""
        for word in s.split(" "):
            t = (cur + " " + word).strip()
            if tw(t, size, bold) > width and cur:
                lines.append(cur)
                cur = word
            else:
                cur = t
        if cur:
            lines.append(cur)
        return lines

    # ---------------------------------------------------------------- fields
    def has(self, key):
        v = self.d.get(key)
        return v not in (None, "", [])

    def value_text(self, key):
        if not self.has(key):
            return ""
        return raw(key, self.d[key], self.st)

    def text_field(self, key, x, y, w, h, size=9, multiline=False, value=None):
        v = self.value_text(key) if value is None else value
        if v:
            self.shown.add(key)
        name = self.names(key)
        if self.mode == "fill":
            self.widgets[-1].append(dict(kind="text", name=name, rect=(x, y, w, h), value=v, size=size,
                                         multiline=multiline, tu=self.st.get("tooltips") and LABELS.get(key)))
        elif v:
            self.draw_value(v, x, y, w, h, size, multiline)

    def draw_value(self, v, x, y, w, h, size, multiline):
        if multiline:
            lines = []
            for part in v.split("\n"):
                lines += self.wrap(part, w - 4, size)
            yy = y + h - size - 1.5
            for ln in lines:
                self.text(x + 2, yy, ln, size)
                yy -= size + 1.5
        else:
            self.text(x + 2, y + (h - size) / 2 + 1.8, v, size)

    def box_mark(self, name, x, y, on_state, checked, size=9, radio_group=None, key=None):
        """Checkbox / radio kid.  Fill: widget; flat: drawn box with an X when chosen."""
        if self.mode == "fill":
            spec = dict(kind="check", name=name, rect=(x, y, size, size), on=on_state, checked=checked)
            if radio_group is not None:
                radio_group["kids"].append(spec)
            else:
                self.widgets[-1].append(spec)
        else:
            self.rect(x, y, size, size, 0.6)
            if checked:
                self.text(x + size / 2, y + 1.6, "X", size - 1.5, bold=True, align="c")

    # ---------------------------------------------------------------- layout blocks
    def title(self):
        self.text(LM, self.y, TITLES[self.form], 15, bold=True)
        self.y -= 14
        if self.st.get("subtitle", True):
            self.text(LM, self.y, "Executive Office of Health and Human Services \u2013 Office of Medicaid "
                                  "(MassHealth) \u2013 Provider Online Service Center (POSC)", 8)
            self.y -= 8
        self.hline(LM, RM, self.y, 1.2)
        self.y -= 16

    def section(self, s):
        self.ensure(40)
        self.y -= 4
        self.text(LM, self.y, s, 10.5, bold=True)
        self.hline(LM, RM, self.y - 3, 0.4)
        self.y -= 19

    def inline_row(self, items, h=15, gap=14, colon=None):
        """Several fields on one row: 'Label ____  Label ____'. items = [(key, width_or_None)]."""
        self.ensure(h + 6)
        colon = self.st.get("colon", self.mode == "flat") if colon is None else colon
        x = LM
        y = self.y
        n = len(items)
        for i, (key, w) in enumerate(items):
            lbl = label_of(self.form, key) + (":" if colon else "")
            self.text(x, y + 3, lbl, 9)
            fx = x + tw(lbl, 9) + 4
            if w is None or i == n - 1:
                w = RM - fx
            self.text_field(key, fx, y - 1, w, h - 2, 9)
            if self.st.get("underline", True):
                self.hline(fx, fx + w, y - 1.5)
            x = fx + w + gap
        self.y -= h + 6

    def sig_below_row(self, items, h=16):
        """Value on the line, label printed UNDER the line. items = [(key, width)]."""
        self.ensure(h + 26)
        self.y -= 8
        x = LM
        for key, w in items:
            self.text_field(key, x, self.y, w, h, 10)
            self.hline(x, x + w, self.y - 1, 0.8)
            self.text(x, self.y - 10, label_of(self.form, key), 7.5)
            x += w + 18
        self.y -= h + 16

    def boxed_row(self, items, h=27, multiline=False):
        """Each field a rectangle; small label top-left inside, value below it in the box."""
        self.ensure(h + 2)
        x = LM
        top = self.y + 9
        for key, w in items:
            if w is None:
                w = RM - x
            self.rect(x, top - h, w, h, 0.7)
            lbl = label_of(self.form, key)
            if self.st.get("box_numbers"):
                lbl = self.st["box_numbers"].get(key, "") + lbl
            self.text(x + 2.5, top - 7.5, lbl, 6.5)
            self.text_field(key, x + 1.5, top - h + 1.5, w - 3, h - 11, 9, multiline=multiline)
            x += w
        self.y -= h

    def twocol_row(self, key, h=14, multiline=False, split=214):
        """Right-aligned label with colon in the left column, value in the right column."""
        lbl = label_of(self.form, key) + ":"
        lines = self.wrap(lbl, split - LM - 6, 8.5)
        hh = max(h, 10 * len(lines) + 2)
        self.ensure(hh + 5)
        yy = self.y + 2
        for ln in lines:
            self.text(split - 6, yy, ln, 8.5, align="r")
            yy -= 10
        self.text_field(key, split, self.y - hh + 11, RM - split, hh, 9, multiline=multiline)
        self.hline(split, RM, self.y - hh + 10.5, 0.4)
        self.y -= hh + 5

    def choices(self, key, label_x=LM, cols=2, label=True, onstates=None, label_mode="left"):
        """Checkbox list (sets) or radio group (one-of) with the choice label beside each box."""
        opts = CHOICES[key]
        chosen = self.d.get(key)
        chosen = set(chosen) if key in SET_KEYS else ({chosen} if chosen else set())
        if chosen:
            self.shown.add(key)
        self.ensure(14 * ((len(opts) + cols - 1) // cols) + 16)
        if label:
            lbl = label_of(self.form, key) + (":" if label_mode == "colon" else "")
            self.text(label_x, self.y + 2, lbl, 9)
            self.y -= 14
        colw = (RM - label_x - 10) / cols
        group = None
        if key in ONE_KEYS and self.mode == "fill":
            group = dict(kind="radio", name=self.names(key), kids=[],
                         opt=self.st.get("radio_opt") and list(opts.values()))
            self.widgets[-1].append(group)
        for i, (ck, clabel) in enumerate(opts.items()):
            cx = label_x + 10 + (i % cols) * colw
            cy = self.y - (i // cols) * 14
            on = onstates(key, ck, clabel, i) if onstates else "Yes"
            nm = self.names(key + "." + ck)
            self.box_mark(nm, cx, cy, on, ck in chosen, radio_group=group, key=key)
            self.text(cx + 13, cy + 1.5, clabel, 8.5)
        self.y -= 14 * ((len(opts) + cols - 1) // cols) + 4

    def yesno(self, key, onstates=("Yes", "No"), same_line=None):
        if not self.has(key) and key not in self.d:
            return
        v = self.d.get(key)
        self.shown.add(key)
        lbl = label_of(self.form, key)
        lines = self.wrap(lbl, 390, 9)
        self.ensure(14 * len(lines) + 6)
        for j, ln in enumerate(lines):
            self.text(LM, self.y + 2 - 11 * j, ln, 9)
        yy = self.y + 1 - 11 * (len(lines) - 1)
        group = None
        if self.mode == "fill":
            group = dict(kind="radio", name=self.names(key), kids=[],
                         opt=["Yes", "No"] if self.st.get("radio_opt") else None)
            self.widgets[-1].append(group)
        for i, (txt, val) in enumerate((("Yes", True), ("No", False))):
            cx = 460 + i * 52
            self.box_mark(self.names(key + "." + txt), cx, yy, onstates[i], v is val, radio_group=group)
            self.text(cx + 13, yy + 1.5, txt, 9)
        self.y -= 11 * len(lines) + 6

    def attest(self, on="Yes"):
        self.ensure(20)
        self.box_mark(self.names("attest"), LM, self.y, on, bool(self.d.get("attest")))
        if self.d.get("attest"):
            self.shown.add("attest")
        self.text(LM + 14, self.y + 1.5, LABELS["attest"] + ".", 9)
        self.y -= 18

    def para(self, s, size=8.5, width=RM - LM):
        for ln in self.wrap(s, width, size):
            self.ensure(12)
            self.text(LM, self.y, ln, size)
            self.y -= size + 2.5
        self.y -= 4

    def skip(self, h):
        self.y -= h

    # ---------------------------------------------------------------- output
    def save(self, path):
        pdf = RawPDF()
        f1 = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        f2 = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        font_res = f"<< /Font << /F1 {f1} 0 R /F2 {f2} 0 R /Helv {f1} 0 R >> >>"
        pages_num = pdf.reserve()
        page_nums = []
        fields = []
        npages = len(self.pages)
        footer = self.st.get("footer")
        for pi, ops in enumerate(self.pages):
            ops = list(ops)
            if footer:
                ft = footer.format(page=pi + 1, pages=npages)
                ops.append("BT /F1 7.5 Tf %s 30 Td %s Tj ET" % (n2(LM), pdf_str(ft).decode("latin-1")))
                if self.st.get("footer_right"):
                    r = self.st["footer_right"].format(page=pi + 1, pages=npages)
                    ops.append("BT /F1 7.5 Tf %s 30 Td %s Tj ET" % (n2(RM - tw(r, 7.5)),
                                                                    pdf_str(r).decode("latin-1")))
            content = pdf.stream("", "\n".join(ops).encode("latin-1"))
            pnum = pdf.reserve()
            page_nums.append(pnum)
            annots = []
            for w in self.widgets[pi]:
                annots += self._widget(pdf, w, pnum, f1, fields)
            ann = (" /Annots [%s]" % " ".join(f"{a} 0 R" for a in annots)) if annots else ""
            pdf.put(pnum, f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 {PW} {PH}] "
                          f"/Resources {font_res} /Contents {content} 0 R{ann} >>")
        pdf.put(pages_num, "<< /Type /Pages /Kids [%s] /Count %d >>"
                % (" ".join(f"{p} 0 R" for p in page_nums), npages))
        acro = ""
        if fields:
            na = "true" if self.st.get("need_appearances") else "false"
            af = pdf.add(f"<< /Fields [{' '.join(f'{x} 0 R' for x in fields)}] /NeedAppearances {na} "
                         f"/DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv {f1} 0 R >> >> >>")
            acro = f" /AcroForm {af} 0 R"
        info = pdf.add(b"<< /Producer (rpa-intake independent2 raw writer) /Title "
                       + pdf_text_str(TITLES[self.form]) + b" >>")
        root = pdf.add(f"<< /Type /Catalog /Pages {pages_num} 0 R{acro} >>")
        pdf.write(path, root, info)

    def _ap(self, pdf, w, h, body: str, f1):
        return pdf.stream(f"/Type /XObject /Subtype /Form /BBox [0 0 {n2(w)} {n2(h)}] "
                          f"/Resources << /Font << /Helv {f1} 0 R >> >>", body.encode("latin-1"))

    def _widget(self, pdf, w, pnum, f1, fields):
        if w["kind"] == "text":
            x, y, ww, hh = w["rect"]
            num = pdf.reserve()
            v = w["value"]
            size = w["size"]
            ap = ""
            if not self.st.get("need_appearances") or not v:
                if w["multiline"]:
                    lines = []
                    for part in v.split("\n"):
                        lines += self.wrap(part, ww - 4, size)
                    body = "".join("BT /Helv %s Tf 0 g 2 %s Td %s Tj ET\n" % (
                        n2(size), n2(hh - size - 1.5 - i * (size + 1.5)), pdf_str(t).decode("latin-1"))
                        for i, t in enumerate(lines))
                else:
                    body = "BT /Helv %s Tf 0 g 2 %s Td %s Tj ET" % (
                        n2(size), n2((hh - size) / 2 + 1.8), pdf_str(v).decode("latin-1")) if v else ""
                apn = self._ap(pdf, ww, hh, "/Tx BMC q " + body + " Q EMC", f1)
                ap = f" /AP << /N {apn} 0 R >>"
            ff = " /Ff 4096" if w["multiline"] else ""
            vv = (b" /V " + pdf_text_str(v)) if v else b""
            tu = (b" /TU " + pdf_text_str(w["tu"])) if w.get("tu") else b""
            pdf.put(num, b"<< /Type /Annot /Subtype /Widget /FT /Tx /T " + pdf_text_str(w["name"]) + tu
                    + vv + (f"{ff} /F 4 /P {pnum} 0 R /Rect [{n2(x)} {n2(y)} {n2(x + ww)} {n2(y + hh)}] "
                            f"/DA (/Helv {n2(size)} Tf 0 g) /MK << >>{ap} >>").encode())
            fields.append(num)
            return [num]
        if w["kind"] == "sig":
            x, y, ww, hh = w["rect"]
            num = pdf.add(b"<< /Type /Annot /Subtype /Widget /FT /Sig /T " + pdf_text_str(w["name"])
                          + f" /F 4 /P {pnum} 0 R /Rect [{n2(x)} {n2(y)} {n2(x + ww)} {n2(y + hh)}] >>".encode())
            fields.append(num)
            return [num]
        if w["kind"] == "check":
            num = self._button(pdf, w, pnum, f1, parent=None)
            fields.append(num)
            return [num]
        if w["kind"] == "radio":
            par = pdf.reserve()
            kids = [self._button(pdf, k, pnum, f1, parent=par, radio=True, index=i)
                    for i, k in enumerate(w["kids"])]
            on = [k for k in w["kids"] if k["checked"]]
            if w.get("opt"):
                vname = pdf_name(str(w["kids"].index(on[0]))) if on else b"/Off"
                opt = b" /Opt [" + b" ".join(pdf_text_str(o) for o in w["opt"]) + b"]"
            else:
                vname = pdf_name(on[0]["on"]) if on else b"/Off"
                opt = b""
            pdf.put(par, b"<< /FT /Btn /Ff 49152 /T " + pdf_text_str(w["name"]) + b" /V " + vname + opt
                    + (" /Kids [%s] >>" % " ".join(f"{k} 0 R" for k in kids)).encode())
            fields.append(par)
            return kids
        raise ValueError(w["kind"])

    def _button(self, pdf, w, pnum, f1, parent=None, radio=False, index=0):
        x, y, s, _ = w["rect"]
        on = str(index) if (radio and parent and self._opt_mode(parent)) else w["on"]
        border = f"0.6 w 0.3 0.3 {n2(s - 0.6)} {n2(s - 0.6)} re S"
        off_ap = self._ap(pdf, s, s, "q " + border + " Q", f1)
        mark = (f"q {border} 1.3 w 2 2 m {n2(s - 2)} {n2(s - 2)} l S 2 {n2(s - 2)} m {n2(s - 2)} 2 l S Q")
        on_ap = self._ap(pdf, s, s, mark, f1)
        state = pdf_name(on) if w["checked"] else b"/Off"
        head = b"<< /Type /Annot /Subtype /Widget"
        if parent:
            head += b" /Parent %d 0 R" % parent
        else:
            head += b" /FT /Btn /T " + pdf_text_str(w["name"]) + b" /V " + state
        return pdf.add(head + b" /AS " + state + (f" /F 4 /P {pnum} 0 R /Rect [{n2(x)} {n2(y)} {n2(x + s)} "
                       f"{n2(y + s)}] /MK << >> /AP << /N << ").encode()
                       + pdf_name(on) + b" %d 0 R /Off %d 0 R >> >> >>" % (on_ap, off_ap))

    def _opt_mode(self, parent):
        return bool(self.st.get("radio_opt"))


# =========================================================================== extra layout blocks
def _block_field(self, key, h=30):
    """Label on its own line, a multi-line box under it."""
    self.ensure(h + 16)
    lbl = label_of(self.form, key) + (":" if self.mode == "flat" and self.st.get("colon", True) else "")
    self.text(LM, self.y + 2, lbl, 9)
    self.y -= 4
    if self.st.get("block_frame", True):
        self.rect(LM, self.y - h, RM - LM, h, 0.5)
    self.text_field(key, LM + 1, self.y - h + 1, RM - LM - 2, h - 2, 9, multiline=True)
    self.y -= h + 10


def _boxed_choices(self, key, cols=3, onstates=None):
    opts = CHOICES[key]
    rows = (len(opts) + cols - 1) // cols
    h = 11 + 13 * rows
    self.ensure(h + 2)
    top = self.y + 9
    self.rect(LM, top - h, RM - LM, h, 0.7)
    self.text(LM + 2.5, top - 7.5, label_of(self.form, key), 6.5)
    chosen = self.d.get(key)
    chosen = set(chosen) if key in SET_KEYS else ({chosen} if chosen else set())
    if chosen:
        self.shown.add(key)
    group = None
    if key in ONE_KEYS and self.mode == "fill":
        group = dict(kind="radio", name=self.names(key), kids=[], opt=None)
        self.widgets[-1].append(group)
    colw = (RM - LM - 12) / cols
    for i, (ck, cl) in enumerate(opts.items()):
        cx = LM + 8 + (i % cols) * colw
        cy = top - 21 - (i // cols) * 13
        on = onstates(key, ck, cl, i) if onstates else "Yes"
        self.box_mark(self.names(key + "." + ck), cx, cy, on, ck in chosen, size=8, radio_group=group)
        self.text(cx + 11, cy + 1, cl, 8)
    self.y -= h


def _boxed_yesno(self, key, onstates=("Yes", "No")):
    lbl = label_of(self.form, key)
    h = 24
    self.ensure(h + 2)
    top = self.y + 9
    self.rect(LM, top - h, RM - LM, h, 0.7)
    self.text(LM + 2.5, top - 7.5, lbl, 6.5)
    v = self.d.get(key)
    self.shown.add(key)
    group = None
    if self.mode == "fill":
        group = dict(kind="radio", name=self.names(key), kids=[], opt=None)
        self.widgets[-1].append(group)
    for i, (txt, val) in enumerate((("Yes", True), ("No", False))):
        cx = LM + 8 + i * 60
        self.box_mark(self.names(key + "." + txt), cx, top - 20, onstates[i], v is val, size=8,
                      radio_group=group)
        self.text(cx + 11, top - 19, txt, 8)
    self.y -= h


def _twocol_choices(self, key, cols=1, split=214, onstates=None):
    opts = CHOICES[key]
    rows = (len(opts) + cols - 1) // cols
    self.ensure(13 * rows + 6)
    self.text(split - 6, self.y + 2, label_of(self.form, key) + ":", 8.5, align="r")
    chosen = self.d.get(key)
    chosen = set(chosen) if key in SET_KEYS else ({chosen} if chosen else set())
    if chosen:
        self.shown.add(key)
    group = None
    if key in ONE_KEYS and self.mode == "fill":
        group = dict(kind="radio", name=self.names(key), kids=[], opt=None)
        self.widgets[-1].append(group)
    colw = (RM - split) / cols
    for i, (ck, cl) in enumerate(opts.items()):
        cx = split + (i % cols) * colw
        cy = self.y - (i // cols) * 13
        on = onstates(key, ck, cl, i) if onstates else "Yes"
        self.box_mark(self.names(key + "." + ck), cx, cy, on, ck in chosen, size=8.5, radio_group=group)
        self.text(cx + 12, cy + 1.2, cl, 8.5)
    self.y -= 13 * rows + 5


def _twocol_yesno(self, key, split=214, onstates=("Yes", "No")):
    lbl = label_of(self.form, key) + ":"
    lines = self.wrap(lbl, split - LM - 6, 8.5)
    self.ensure(10 * len(lines) + 6)
    for j, ln in enumerate(lines):
        self.text(split - 6, self.y + 2 - 10 * j, ln, 8.5, align="r")
    v = self.d.get(key)
    self.shown.add(key)
    group = None
    if self.mode == "fill":
        group = dict(kind="radio", name=self.names(key), kids=[], opt=None)
        self.widgets[-1].append(group)
    for i, (txt, val) in enumerate((("Yes", True), ("No", False))):
        cx = split + i * 55
        self.box_mark(self.names(key + "." + txt), cx, self.y, onstates[i], v is val, size=8.5,
                      radio_group=group)
        self.text(cx + 12, self.y + 1.2, txt, 8.5)
    self.y -= 10 * len(lines) + 6


Form.block_field = _block_field
Form.boxed_choices = _boxed_choices
Form.boxed_yesno = _boxed_yesno
Form.twocol_choices = _twocol_choices
Form.twocol_yesno = _twocol_yesno


# =========================================================================== layout plans
SIG3 = [("signer_name", 190), ("signer_title", 190), ("signature_date", None)]

ROWS = {
    "org": [[("org_legal_name", None)], [("org_dba", None)], ("choice", "org_type", 3),
            [("provider_id", 90)], [("npi", 80), ("fein", None)], [("street", None)],
            [("city", 150), ("state", 28), ("zip", None)],
            [("contact_name", 150), ("contact_title", None)],
            [("contact_email", 190), ("contact_phone", None)]],
    "stage1": [[("rpa_tool_name", 150), ("rpa_tool_vendor", None)],
               [("rpa_tool_version", 70), ("bot_count", 30)], [("bot_names", None)],
               ("choice", "hosting", 3), ("choice", "transactions", 2), [("transactions_other", None)],
               [("posc_screens", None)], [("screens_per_session", 40)],
               [("avg_weekly_transactions", 50), ("est_monthly_transactions", None)],
               [("operating_hours", 190), ("planned_go_live", None)]],
    "stage2": [[("stage1_approval_number", 110)], [("rpa_tool_name", 150), ("rpa_tool_vendor", None)],
               [("rpa_tool_version", 80)], ("choice", "transactions", 2), ("yesno", "testing_completed"),
               [("testing_completed_date", 80), ("user_ids_requested", None)],
               ("choice", "docs_enclosed", 3)],
    "stage2_grandfathered": [[("operational_since", 80)], [("current_user_ids", None)],
                             [("rpa_tool_name", 150), ("rpa_tool_vendor", None)],
                             [("rpa_tool_version", 70), ("bot_count", 30)], [("screens_per_session", 40)],
                             [("avg_weekly_transactions", 60)], ("choice", "transactions", 2),
                             ("yesno", "testing_completed"),
                             [("testing_completed_date", 80), ("user_ids_requested", None)],
                             ("choice", "docs_enclosed", 3)],
    "modification": [[("stage2_approval_number", 110), ("rpa_user_ids", None)],
                     ("choice", "modification_types", 2),
                     [("new_rpa_tool_name", 150), ("new_rpa_tool_vendor", None)],
                     [("new_screens_per_session", 40)], ("choice", "added_transaction", 2),
                     ("yesno", "same_session"), ("block", "description", 40), [("effective_date", 90)]],
    "annual_validation": [[("stage2_approval_number", 110), ("rpa_user_ids", None)],
                          [("validation_year", 50)], ("yesno", "info_current"),
                          ("yesno", "unapproved_changes")],
}
SECTION_TITLES = {
    "stage1": "Section 2. RPA Tool, Bots and POSC Transactions",
    "stage2": "Section 2. Stage I Reference, Transactions and Testing",
    "stage2_grandfathered": "Section 2. Existing Bot, Transactions and Testing",
    "modification": "Section 2. Modification Requested",
    "annual_validation": "Section 2. Validation",
}

BOXED = {
    "org": [[("org_legal_name", 330), ("org_dba", None)], ("choice", "org_type", 3),
            [("provider_id", 200), ("npi", 130), ("fein", None)], [("street", None)],
            [("city", 220), ("state", 60), ("zip", None)],
            [("contact_name", 200), ("contact_title", None)],
            [("contact_email", 300), ("contact_phone", None)]],
    "stage1": [[("rpa_tool_name", 200), ("rpa_tool_vendor", 200), ("rpa_tool_version", None)],
               [("bot_count", 110), ("bot_names", None)], ("choice", "hosting", 3),
               ("choice", "transactions", 3), [("transactions_other", None)], [("posc_screens", None)],
               [("screens_per_session", 170), ("avg_weekly_transactions", 180), ("est_monthly_transactions", None)],
               [("operating_hours", 300), ("planned_go_live", None)]],
    "stage2_grandfathered": [[("operational_since", 190), ("current_user_ids", None)],
                             [("rpa_tool_name", 200), ("rpa_tool_vendor", 200), ("rpa_tool_version", None)],
                             [("bot_count", 110), ("screens_per_session", 170), ("avg_weekly_transactions", None)],
                             ("choice", "transactions", 3), ("yesno", "testing_completed"),
                             [("testing_completed_date", 200), ("user_ids_requested", None)],
                             ("choice", "docs_enclosed", 3)],
    "modification": [[("stage2_approval_number", 200), ("rpa_user_ids", None)],
                     ("choice", "modification_types", 2),
                     [("new_rpa_tool_name", 260), ("new_rpa_tool_vendor", None)],
                     [("new_screens_per_session", 200), ("effective_date", None)],
                     ("choice", "added_transaction", 3), ("yesno", "same_session"),
                     ("mbox", "description", 46)],
}


def render_rows(f: Form, plan, st):
    for item in plan:
        if isinstance(item, list):
            if st.get("hide_blank_rows") and not any(f.has(k) for k, _ in item):
                continue
            f.inline_row(item)
        elif item[0] == "choice":
            if st.get("choices_as_text"):
                if item[1] in SET_KEYS and st.get("choice_sep") == "\n":
                    f.block_field(item[1], 14 * len(f.d.get(item[1], [])) + 6)
                else:
                    f.inline_row([(item[1], None)])
            else:
                f.choices(item[1], cols=item[2], onstates=st.get("onstates"))
        elif item[0] == "yesno":
            if st.get("choices_as_text"):
                f.inline_row([(item[1], None)])
            else:
                f.yesno(item[1], onstates=st.get("yesno_states", ("Yes", "No")))
        elif item[0] == "block":
            f.block_field(item[1], item[2])


def render_boxed(f: Form, plan, st):
    for item in plan:
        if isinstance(item, list):
            f.boxed_row(item)
        elif item[0] == "choice":
            f.boxed_choices(item[1], cols=item[2], onstates=st.get("onstates"))
        elif item[0] == "yesno":
            f.boxed_yesno(item[1], onstates=st.get("yesno_states", ("Yes", "No")))
        elif item[0] == "mbox":
            f.boxed_row([(item[1], None)], h=item[2], multiline=True)


def sig_block(f: Form, st, boxed=False):
    f.attest(on=st.get("attest_on", "Yes"))
    if boxed:
        f.boxed_row([("signer_name", 200), ("signer_title", 200), ("signature_date", None)])
    else:
        f.sig_below_row([(k, w if w else RM - LM - 190 - 190 - 36) for k, w in SIG3])


def build_pdf(case_id, form, data, mode, shape, st, names):
    f = Form(form, data, mode, st, names)
    f.title()
    if shape == "rows":
        f.section("Section 1. Organization Information")
        render_rows(f, ROWS["org"], st)
        f.section(SECTION_TITLES[form])
        render_rows(f, ROWS[form], st)
        f.section("Section 3. Attestation and Signature")
        sig_block(f, st)
    elif shape == "boxed":
        f.section("Part A \u2013 Organization Information")
        render_boxed(f, BOXED["org"], st)
        f.skip(6)
        f.section("Part B \u2013 " + SECTION_TITLES[form].split(". ", 1)[1])
        render_boxed(f, BOXED[form], st)
        f.skip(6)
        f.section("Part C \u2013 Attestation")
        sig_block(f, st, boxed=st.get("boxed_sig", True))
    elif shape == "twocol":
        f.section("1. Organization Information")
        for k in ["org_legal_name", "org_dba"]:
            f.twocol_row(k)
        f.twocol_choices("org_type", cols=3)
        for k in ["provider_id", "npi", "fein", "street", "city", "state", "zip", "contact_name",
                  "contact_title", "contact_email", "contact_phone"]:
            f.twocol_row(k)
        for sec, keys in st["twocol_sections"]:
            if sec == "PAGEBREAK":
                f.newpage()
                continue
            f.section(sec)
            for k in keys:
                if k in SET_KEYS or k in ONE_KEYS:
                    f.twocol_choices(k, cols=2 if k != "docs_enclosed" else 1)
                elif k in YESNO_KEYS:
                    f.twocol_yesno(k)
                elif k == "attest":
                    f.attest()
                else:
                    f.twocol_row(k, h=24 if k in LONG_KEYS else 14, multiline=k in LONG_KEYS)
    else:
        raise ValueError(shape)
    path = OUT / f"{case_id}.pdf"
    f.save(path)
    return f


# =========================================================================== names
def opaque_names(style, seed):
    rng = random.Random(seed)
    cache = {}

    def nm(key):
        if key not in cache:
            n = len(cache) + 1
            if style == "hex":
                cache[key] = "f_%06x" % rng.randrange(1 << 24)
            elif style == "seq":
                cache[key] = "Field_%02d" % n
            elif style == "untitled":
                cache[key] = "Untitled%d" % (n * 3 + 1)
            elif style == "fill":
                cache[key] = "fill_%d" % n
            else:
                raise ValueError(style)
        return cache[key]
    return nm
