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


# =========================================================================== RPA Agreement (fillable)
AGREEMENT_TEXT = [
    "This Agreement is made between the Executive Office of Health and Human Services, Office of "
    "Medicaid (\"MassHealth\"), and the organization named below, which intends to operate robotic "
    "process automation (RPA) bots on the MassHealth Provider Online Service Center (POSC).",
    "1. Scope. The organization will run bots only for the POSC transactions MassHealth approved "
    "through the Stage I and Stage II registration process, using only the RPA User IDs assigned "
    "to it, and within the approved number of POSC screens per bot session.",
    "2. Security and privacy. The organization will protect member data as required by HIPAA and "
    "Massachusetts law and will report any incident involving a bot within one business day.",
    "3. Changes. The organization will file an RPA Modification Request Form before changing a bot "
    "and will complete the RPA Annual Validation each year.",
    "4. Suspension. MassHealth may suspend or terminate bot access at any time for non-compliance.",
]


def build_agreement_pdf(case_id, data, st, names):
    f = Form("rpa_agreement", data, "fill", st, names)
    f.title()
    for ptxt in AGREEMENT_TEXT:
        f.para(ptxt, 9)
    f.skip(6)
    f.inline_row([("org_legal_name", None)], colon=False)
    f.skip(10)
    f.text(LM, f.y, "IN WITNESS WHEREOF, the organization signs this Agreement by its authorized signatory.", 9)
    f.y -= 16
    # row 1: typed signature ("Signed by") + date; row 2: printed name + title; labels below lines
    f.y -= 8
    y = f.y
    f.widgets[-1].append(dict(kind="text", name=names("signed_by"), rect=(LM, y, 260, 16),
                              value="/s/ " + data["signer_name"], size=11, multiline=False, tu=None))
    f.hline(LM, LM + 260, y - 1, 0.8)
    f.text(LM, y - 10, "Signed by (type /s/ and your name)", 7.5)
    f.text_field("signature_date", LM + 290, y, 120, 16, 10)
    f.hline(LM + 290, LM + 410, y - 1, 0.8)
    f.text(LM + 290, y - 10, LABELS["signature_date"], 7.5)
    f.y -= 40
    f.sig_below_row([("signer_name", 230), ("signer_title", 230)])
    f.y -= 6
    f.text(LM, f.y, "Digital signature (optional):", 8)
    f.widgets[-1].append(dict(kind="sig", name=names("digital_signature"), rect=(LM + 110, f.y - 8, 200, 24)))
    f.rect(LM + 110, f.y - 8, 200, 24, 0.4)
    f.shown.add("org_legal_name")
    f.save(OUT / f"{case_id}.pdf")
    return f


# =========================================================================== DOCX (python-docx)
def new_docx(form, footer_text, font="Calibri", size=10):
    from docx import Document
    from docx.shared import Pt, Inches
    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Inches(0.75)
    sec.top_margin = sec.bottom_margin = Inches(0.6)
    stl = doc.styles["Normal"]
    stl.font.name = font
    stl.font.size = Pt(size)
    stl.paragraph_format.space_after = Pt(2)
    p = doc.add_paragraph()
    r = p.add_run(TITLES[form])
    r.bold = True
    r.font.size = Pt(15)
    doc.add_paragraph("MassHealth \u2013 Provider Online Service Center (POSC) bot registration")
    if footer_text:
        sec.footer.paragraphs[0].text = footer_text
    return doc


def docx_heading(doc, text):
    from docx.shared import Pt
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(11)


def docx_4col(form, d, st, path, sections):
    """Word users' 4-column table: label | value | label | value; long values span 3 cells."""
    from docx.shared import Pt
    doc = new_docx(form, st.get("footer"))
    shown = set()
    for title, keys in sections:
        docx_heading(doc, title)
        t = doc.add_table(rows=0, cols=4)
        t.style = "Table Grid"
        pending = []

        def flush():
            if not pending:
                return
            cells = t.add_row().cells
            for i, k in enumerate(pending):
                cells[2 * i].text = label_of(form, k) if k != "attest" else LABELS[k]
                cells[2 * i + 1].text = raw(k, d[k], st) if k in d and d[k] not in (None, "", []) else ""
                for par in cells[2 * i].paragraphs:
                    for rn in par.runs:
                        rn.bold = st.get("bold_labels", True)
                        rn.font.size = Pt(9)
            pending.clear()

        for k in keys:
            if k in d and d[k] not in (None, "", []):
                shown.add(k)
            wide = k in LONG_KEYS or k in YESNO_KEYS or k in SET_KEYS or k == "attest" or k == "org_legal_name"
            if wide:
                flush()
                row = t.add_row()
                cells = row.cells
                cells[0].text = label_of(form, k) if k != "attest" else LABELS[k]
                v = raw(k, d[k], st) if k in d and d[k] not in (None, "", []) else ""
                m = cells[1].merge(cells[3])
                m.text = v
                for rn in cells[0].paragraphs[0].runs:
                    rn.bold = st.get("bold_labels", True)
                    rn.font.size = Pt(9)
            else:
                pending.append(k)
                if len(pending) == 2:
                    flush()
        flush()
    doc.save(path)
    return shown


def docx_paras(form, d, st, path, sections):
    """Typed paragraphs: 'Label: value', several per line on some rows; choices typed as text."""
    from docx.shared import Pt
    doc = new_docx(form, st.get("footer"), font=st.get("font", "Arial"), size=10)
    shown = set()
    sep = st.get("multi_sep", "    ")
    for title, rows in sections:
        docx_heading(doc, title)
        for row in rows:
            keys = row if isinstance(row, list) else [row]
            present = [k for k in keys if k in d and d[k] not in (None, "", [])]
            shown.update(present)
            if len(keys) == 1 and keys[0] in SET_KEYS | LIST_KEYS and st.get("newline_lists", {}).get(keys[0]):
                k = keys[0]
                doc.add_paragraph(label_of(form, k) + ":")
                items = [CHOICES[k][c] for c in d[k]] if k in SET_KEYS else d[k]
                for it in items:
                    doc.add_paragraph(it)
                continue
            parts = []
            for k in keys:
                if k not in present and st.get("skip_blank", True):
                    continue
                lbl = LABELS["attest"] if k == "attest" else label_of(form, k)
                parts.append(f"{lbl}: {raw(k, d[k], st) if k in present else ''}")
            if parts:
                doc.add_paragraph(sep.join(parts))
    doc.save(path)
    return shown


def docx_agreement_sigbelow(d, st, path):
    """Agreement as DOCX; signature table with the values on top and the labels UNDER them."""
    from docx.shared import Pt
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    doc = new_docx("rpa_agreement", st.get("footer"), font="Times New Roman", size=11)
    for ptxt in AGREEMENT_TEXT:
        doc.add_paragraph(ptxt)
    doc.add_paragraph("")
    doc.add_paragraph(f"{LABELS['org_legal_name']}: {d['org_legal_name']}")
    doc.add_paragraph("")
    t = doc.add_table(rows=4, cols=2)
    vals = [("/s/ " + d["signer_name"], fmt_date(d["signature_date"], st.get("date", "long"))),
            ("Signature", LABELS["signature_date"]),
            (d["signer_name"], d["signer_title"]),
            (LABELS["signer_name"], LABELS["signer_title"])]
    for i, (a, b) in enumerate(vals):
        for j, v in enumerate((a, b)):
            c = t.rows[i].cells[j]
            c.text = v
            if i % 2 == 0:   # value row: bottom border = the signature line
                c._tc.get_or_add_tcPr().append(parse_xml(
                    f'<w:tcBorders {nsdecls("w")}><w:bottom w:val="single" w:sz="8" w:color="000000"/></w:tcBorders>'))
            else:
                for rn in c.paragraphs[0].runs:
                    rn.font.size = Pt(8)
    doc.save(path)
    return {"org_legal_name", "signer_name", "signer_title", "signature_date"}


# =========================================================================== scans
def make_scan(src_pdf, dst_pdf, seed, angle, kind="jpeg", dpi=200):
    rng = random.Random(seed)
    tmp = WORK / f"scan_{seed}"
    tmp.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(src_pdf), str(tmp / "p")], check=True)
    imgs = []
    for i, png in enumerate(sorted(tmp.glob("p*.png"))):
        im = Image.open(png).convert("L")
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        px = im.load()
        w, h = im.size
        for _ in range(w * h // 900):           # dust specks
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.randrange(0, 110)
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        if kind == "jpeg":
            im = im.point(lambda v: 236 if v > 200 else v)     # greyish paper
            out = tmp / f"s{i}.jpg"
            im.save(out, "JPEG", quality=38, dpi=(dpi, dpi))
        else:
            im = im.point(lambda v: 255 if v > 150 else 0).convert("1")
            out = tmp / f"s{i}.tif"
            im.save(out, "TIFF", compression="group4", dpi=(dpi, dpi))
        imgs.append(str(out))
    subprocess.run(["img2pdf", "--pagesize", "Letter", "-o", str(dst_pdf)] + imgs, check=True)


# =========================================================================== cases
CASES = []


def case(cid, form, shape, tool, expected_fields, desc, ext="pdf", scan=False, code=True, extra=None):
    c = dict(file=f"{cid}.{ext}", form_type=form, form_version=CODES[form] if code else None,
             fields=expected_fields, shape=shape, scan=scan, drawn_with=tool, description=desc)
    if extra:
        c.update(extra)
    CASES.append(c)
    return c


def shown_fields(d, shown):
    return {k: d[k] for k in d if k in shown and d[k] not in (None, "", [])}


def label_exports(key, ck, clabel, i):
    return clabel


def opaque_states(prefix):
    return lambda key, ck, clabel, i: (clabel if key in SET_KEYS else f"{prefix}{i + 1}")


RAW_PDF = "hand-written PDF writer (this script), standard Helvetica"
RAW_FILL = RAW_PDF + ", hand-built AcroForm"
FOOT = "{code} Rev. 03/2024"


def define_and_build():
    # ------------------------------------------------------------------ a1 stage1 fillable, rows
    d = with_org("harbor", rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                 rpa_tool_version="2024.10.4", bot_count=3,
                 bot_names=["HPC-Elig-01", "HPC-Status-02", "HPC-Remit-03"], hosting="on_premises",
                 transactions=["claim_status", "eligibility_inquiry", "remittance_advice"],
                 posc_screens=["Login", "Member Eligibility", "Claim Status Search", "Remittance Advice"],
                 screens_per_session=14, avg_weekly_transactions=625, est_monthly_transactions=2500,
                 operating_hours="Mon-Sat 7:00 PM - 5:00 AM ET", planned_go_live="2026-07-15",
                 **sign("Dr. Samuel Greene", "Chief Executive Officer", "2026-04-09"))
    st = dict(footer=FOOT.format(code="RPA-S1"), date="us", phone="paren", list_sep=", ",
              onstates=lambda key, ck, cl, i: cl if key in SET_KEYS else f"opt{i + 1:02d}",
              attest_on="Agree")
    f = build_pdf("a1_stage1_fill_rows_labelexports", "stage1", d, "fill", "rows", st, opaque_names("hex", 11))
    case("a1_stage1_fill_rows_labelexports", "stage1", "fillable_pdf_opaque_names", RAW_FILL,
         shown_fields(d, f.shown),
         "Fillable PDF, opaque field names (f_xxxxxx). Two or three fields per row (City ___ State ___ "
         "ZIP Code ___; Tool/Vendor; Version/Number of Bots; weekly/monthly), label LEFT of each field "
         "without colon. Transaction checkboxes have export values equal to the choice label "
         "(/Claim#20Status#20Inquiry ...); Organization Type and Bot Hosting are radio groups whose kids "
         "use opaque on-states (/opt01, /opt02, /opt03); attestation checkbox exports /Agree. Signature "
         "block: values ABOVE the line, labels printed UNDER it.")

    # ------------------------------------------------------------------ a2 modification fillable, boxed
    d = with_org("nashoba", stage2_approval_number="RPA2-2025-00318", rpa_user_ids=["RPANC014", "RPANC015"],
                 modification_types=["replace_tool"], new_rpa_tool_name="Power Automate Desktop",
                 new_rpa_tool_vendor="Microsoft Corporation",
                 description="Replace Blue Prism with Microsoft Power Automate Desktop for both claim "
                             "status bots. Screens, transactions and volumes stay the same.",
                 effective_date="2026-09-01", **sign("Priya Raman", "Automation Lead", "2026-06-22"))
    st = dict(footer="Form " + FOOT.format(code="RPA-MOD"), date="us_short", phone="dots",
              onstates=lambda key, ck, cl, i: "On" if key in SET_KEYS else f"rb{i + 1}",
              yesno_states=("rb1", "rb2"))
    f = build_pdf("a2_modification_fill_boxed_replace_tool", "modification", d, "fill", "boxed", st,
                  opaque_names("seq", 12))
    case("a2_modification_fill_boxed_replace_tool", "modification", "fillable_pdf_opaque_names", RAW_FILL,
         shown_fields(d, f.shown),
         "Fillable PDF, boxed fields: each field a rectangle with a small label at its top-left INSIDE "
         "the box and the widget below it in the same box; names Field_01.. . Modification type "
         "checkboxes export /On; Organization Type radio kids /rb1 /rb2 /rb3. Replace RPA Tool with "
         "New RPA Tool (Product Name) / New RPA Tool Vendor. Signature block boxed too. "
         "same_session is left unanswered (no radio chosen).",
         extra={"notes": "Will the added transaction run in the same bot session? is printed with both "
                         "radio buttons off; it is not a field value."})

    # ------------------------------------------------------------------ a3 annual fillable, NeedAppearances
    d = with_org("berkshire", stage2_approval_number="RPA2-2024-00207", rpa_user_ids=["RPABP031"],
                 validation_year=2026, info_current=True, unapproved_changes=False,
                 **sign("Dr. Helen Kowalski", "Managing Partner", "2026-03-02"))
    st = dict(footer=FOOT.format(code="RPA-AV"), date="long", phone="dash", need_appearances=True,
              radio_opt=True, onstates=lambda key, ck, cl, i: f"{i}", tooltips=False)
    f = build_pdf("a3_annual_fill_needappearances", "annual_validation", d, "fill", "rows", st,
                  opaque_names("untitled", 13))
    case("a3_annual_fill_needappearances", "annual_validation", "fillable_pdf_no_appearances", RAW_FILL,
         shown_fields(d, f.shown),
         "Fillable PDF whose text fields carry /V but NO appearance streams (/NeedAppearances true), so "
         "the values are invisible to text extraction of the page; names Untitled4, Untitled7 ... . "
         "Radio groups (Organization Type, both yes/no questions) use /Opt with kid states /0 /1 (/2): "
         "Yes/No via /Opt [(Yes) (No)]. Multi-field rows and signature labels under the line.")

    # ------------------------------------------------------------------ a4 agreement fillable
    d = dict(org_legal_name=ORGS["southcoast"]["org_legal_name"], signer_name="Margaret Souza",
             signer_title="Executive Director", signature_date="2026-05-18")
    st = dict(footer=FOOT.format(code="RPA-AGR"), date="us")
    build_agreement_pdf("a4_agreement_fill_signedby", d, st, opaque_names("fill", 14))
    case("a4_agreement_fill_signedby", "rpa_agreement", "fillable_pdf_opaque_names", RAW_FILL, dict(d),
         "MassHealth RPA Agreement as a fillable PDF: agreement text, Organization Legal Name field, a "
         "'Signed by' text field holding '/s/ Margaret Souza', Date Signed, Authorized Signatory "
         "Name/Title fields with labels UNDER the lines, and an UNSIGNED /Sig field. Names fill_1.. . "
         "Signed per SPEC 2.9 because signer name and date are filled.")

    # ------------------------------------------------------------------ a5 stage1 fillable twocol 2 pages
    d = with_org("granite", rpa_tool_name="Automation 360", rpa_tool_vendor="Automation Anywhere, Inc.",
                 rpa_tool_version="v.33", bot_count=2, bot_names=["GSRP_PA_1", "GSRP_PA_2"], hosting="cloud",
                 transactions=["other", "prior_authorization"],
                 transactions_other="Download prior authorization decision letters (PDF) from the POSC inbox",
                 posc_screens=["Login", "Prior Authorization Request", "PA Status", "Inbox"],
                 screens_per_session=9, avg_weekly_transactions=90, est_monthly_transactions=360,
                 operating_hours="Daily 10:00 PM - 4:00 AM", planned_go_live="2026-08-03",
                 **sign("Mark Donnelly", "VP, Operations", "2026-02-27"))
    st = dict(footer="RPA-S1 Rev. 03/2024  Page {page} of {pages}", date="us", phone="paren",
              list_sep="; ", onstates=lambda key, ck, cl, i: "X" if key in SET_KEYS else f"c{i}",
              twocol_sections=[("2. RPA Tool and Bots", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
                                                         "bot_count", "bot_names", "hosting"]),
                               ("PAGEBREAK", []),
                               ("3. POSC Transactions and Volume",
                                ["transactions", "transactions_other", "posc_screens", "screens_per_session",
                                 "avg_weekly_transactions", "est_monthly_transactions", "operating_hours",
                                 "planned_go_live"]),
                               ("4. Attestation", ["attest", "signer_name", "signer_title", "signature_date"])])
    f = build_pdf("a5_stage1_fill_twocol_2pages", "stage1", d, "fill", "twocol", st, opaque_names("fill", 15))
    assert len(f.pages) == 2
    case("a5_stage1_fill_twocol_2pages", "stage1", "fillable_pdf_opaque_names", RAW_FILL,
         shown_fields(d, f.shown),
         "Two-page fillable PDF: labels RIGHT-aligned in the left column with a colon, widgets in the "
         "right column; sections 3-4 (transactions, volumes, attestation) on PAGE 2. Footer "
         "'RPA-S1 Rev. 03/2024  Page n of 2' on both pages. Transaction checkboxes export /X; radio "
         "kids /c0 /c1 /c2. Other DDE Activity with 'If Other, describe'. Out-of-state (NH) business partner.")

    # ------------------------------------------------------------------ a6 s2g fillable rows
    d = with_org("southcoast", operational_since="2020-11-16", current_user_ids=["SCCN0007", "SCCN0008", "SCCN0011"],
                 rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.2",
                 bot_count=3, screens_per_session=10, avg_weekly_transactions=2100,
                 transactions=["claim_submission", "claim_status"], testing_completed=True,
                 testing_completed_date="2022-09-12", user_ids_requested=3,
                 docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                 **sign("Margaret Souza", "Executive Director", "2026-05-18"))
    st = dict(footer=FOOT.format(code="RPA-S2G"), date="us", phone="paren", thousands=True,
              onstates=lambda key, ck, cl, i: cl if key in SET_KEYS else f"k{i + 7}", yesno_states=("k1", "k2"))
    f = build_pdf("a6_s2g_fill_rows_labelexports", "stage2_grandfathered", d, "fill", "rows", st,
                  opaque_names("hex", 16))
    case("a6_s2g_fill_rows_labelexports", "stage2_grandfathered", "fillable_pdf_opaque_names", RAW_FILL,
         shown_fields(d, f.shown),
         "Fillable PDF, opaque names, multi-field rows; transactions and documents checkboxes export the "
         "choice label (/MassHealth#20RPA#20Agreement, /Claim#20Submission#20#28DDE#29 ...); the testing "
         "yes/no radio kids are /k1 (Yes) and /k2 (No), Organization Type kids /k7../k9; "
         "'2,100' typed with a thousands separator. Signature labels under the line.")

    # ------------------------------------------------------------------ b1 stage2 flattened rows (scan source)
    d = with_org("northshore", stage1_approval_number="RPA1-2026-00071", rpa_tool_name="UiPath Studio",
                 rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10",
                 transactions=["claim_adjustment", "claim_status"], testing_completed=True,
                 testing_completed_date="2026-04-30", user_ids_requested=2,
                 docs_enclosed=["rpa_agreement", "test_scenarios"],
                 **sign("Karen Whitfield", "Practice Manager", "2026-05-06"))
    st = dict(footer="Form " + FOOT.format(code="RPA-S2"), date="us", phone="dots", underline=False, colon=True,
              hide_blank_rows=False)
    f = build_pdf("b1_stage2_flat_rows", "stage2", d, "flat", "rows", st, opaque_names("seq", 0))
    case("b1_stage2_flat_rows", "stage2", "flattened_pdf", RAW_PDF, shown_fields(d, f.shown),
         "Flattened (no AcroForm): 'Label: value' with two or three fields on ONE printed line "
         "('City: Salem   State: MA   ZIP Code: 01970'), no table rules; choices as drawn boxes with an X "
         "(Helvetica-Bold) beside the choice label; DBA row printed but blank; signature block with values "
         "above the line and labels under it.")

    # ------------------------------------------------------------------ b2 s2g flattened boxed
    d = with_org("berkshire", operational_since="2021-02-01", current_user_ids=["BPA00991"],
                 rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
                 rpa_tool_version="2.41", bot_count=1, screens_per_session=6, avg_weekly_transactions=300,
                 transactions=["eligibility_inquiry"], testing_completed=True,
                 testing_completed_date="2022-08-29", user_ids_requested=1,
                 docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                 **sign("Dr. Helen Kowalski", "Managing Partner", "2026-01-20"))
    st = dict(footer=FOOT.format(code="RPA-S2G"), date="long", phone="paren")
    f = build_pdf("b2_s2g_flat_boxed", "stage2_grandfathered", d, "flat", "boxed", st, opaque_names("seq", 0))
    case("b2_s2g_flat_boxed", "stage2_grandfathered", "flattened_pdf", RAW_PDF, shown_fields(d, f.shown),
         "Flattened boxed form: every field a rectangle, 6.5 pt label at the top-left inside the box, the "
         "value below it inside the same box (label and value never on the same baseline); choice groups "
         "as boxes of small X-marked squares; dates written 'February 1, 2021'; signature row boxed.")

    # ------------------------------------------------------------------ b3 stage2 flattened twocol 2 pages
    d = with_org("nashoba", stage1_approval_number="RPA1-2026-00102", rpa_tool_name="Blue Prism",
                 rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.3.1",
                 transactions=["claim_status", "eligibility_inquiry"], testing_completed=True,
                 testing_completed_date="2026-06-05", user_ids_requested=2,
                 docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                 **sign("Alan Whitcomb", "Managing Member", "2026-06-11"))
    st = dict(footer="RPA-S2 Rev. 03/2024  Page {page} of {pages}", date="us_short", phone="paren",
              twocol_sections=[("2. Stage I Reference and RPA Tool", ["stage1_approval_number", "rpa_tool_name",
                                                                     "rpa_tool_vendor", "rpa_tool_version"]),
                               ("PAGEBREAK", []),
                               ("3. Transactions and Testing", ["transactions", "testing_completed",
                                                                "testing_completed_date", "user_ids_requested",
                                                                "docs_enclosed"]),
                               ("4. Attestation", ["attest", "signer_name", "signer_title", "signature_date"])])
    f = build_pdf("b3_stage2_flat_twocol_2pages", "stage2", d, "flat", "twocol", st, opaque_names("seq", 0))
    assert len(f.pages) == 2
    case("b3_stage2_flat_twocol_2pages", "stage2", "flattened_pdf", RAW_PDF, shown_fields(d, f.shown),
         "Flattened two-page form: right-aligned labels with colons in the left column (long labels wrap "
         "onto two right-aligned lines), values in the right column on a hairline; transactions, testing "
         "and attestation on PAGE 2; footer 'RPA-S2 Rev. 03/2024  Page n of 2' on every page.")

    # ------------------------------------------------------------------ b4 stage1 flattened, monthly only
    d = with_org("southcoast", rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                 rpa_tool_version="2023.10.8", bot_count=1, bot_names=["SCCN-EV-Bot"], hosting="vendor_hosted",
                 transactions=["eligibility_inquiry"], posc_screens=["Login", "Member Eligibility"],
                 screens_per_session=4, est_monthly_transactions=1850,
                 operating_hours="Weekdays 8:00 AM - 6:00 PM", planned_go_live="2026-09-14",
                 **sign("Margaret Souza", "Executive Director", "2026-07-01"))
    st = dict(footer=FOOT.format(code="RPA-S1"), date="us", phone="paren", thousands=True, underline=True,
              colon=True)
    f = build_pdf("b4_stage1_flat_rows_monthly_only", "stage1", d, "flat", "rows", st, opaque_names("seq", 0))
    exp = shown_fields(d, f.shown)
    exp["avg_weekly_transactions"] = half_up(1850 / 4)   # 462.5 -> 463 (SPEC 2.4: derived)
    case("b4_stage1_flat_rows_monthly_only", "stage1", "flattened_pdf", RAW_PDF, exp,
         "Flattened multi-field rows with underlines; only 'Estimated Transactions per Month: 1,850' is "
         "given, 'Average Number of Transactions per Week:' printed with NO value. Expected weekly is the "
         "SPEC 2.4 derivation 1850/4 = 462.5 -> 463 (round half up).",
         extra={"derived_fields": ["avg_weekly_transactions"]})

    # ------------------------------------------------------------------ b5 modification flattened, typed choices (scan source)
    d = with_org("harbor", stage2_approval_number="RPA2-2025-00144", rpa_user_ids=["RPAHP101", "RPAHP102"],
                 modification_types=["add_sequential_transaction", "increase_screens"], new_screens_per_session=18,
                 added_transaction="prior_authorization", same_session=True,
                 description="After the eligibility check, the same bot session will open the Prior "
                             "Authorization Request screens; maximum screens per session goes from 14 to 18.",
                 effective_date="2026-10-05", **sign("Dr. Samuel Greene", "Chief Executive Officer", "2026-08-17"))
    st = dict(footer=FOOT.format(code="RPA-MOD"), date="us", phone="dash", underline=False, colon=True,
              choices_as_text=True, choice_sep="; ", hide_blank_rows=True)
    f = build_pdf("b5_modification_flat_rows_text_choices", "modification", d, "flat", "rows", st,
                  opaque_names("seq", 0))
    case("b5_modification_flat_rows_text_choices", "modification", "flattened_pdf", RAW_PDF,
         shown_fields(d, f.shown),
         "Flattened, no rules, every choice typed as text: 'Organization Type: MassHealth Provider', "
         "'Type of Modification: Add Sequential Transaction in Same Session; Increase POSC Screens per "
         "Session', 'Transaction to Add: Prior Authorization Request', 'Will the added transaction run in "
         "the same bot session?: Yes'. Rows with no value are left out; signature labels under the line.")

    # ------------------------------------------------------------------ b6 stage1 flattened rows, newline txns
    d = with_org("berkshire", rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
                 rpa_tool_version="2.45", bot_count=2, bot_names=["BP-Claims-A", "BP-Claims-B"], hosting="cloud",
                 transactions=["claim_adjustment", "claim_status", "claim_submission"],
                 posc_screens=["Login", "Claim Submission", "Claim Status Search", "Adjust/Void Claim"],
                 screens_per_session=16, avg_weekly_transactions=200, est_monthly_transactions=800,
                 operating_hours="Mon-Fri 6 PM - 11 PM", planned_go_live="2026-11-02",
                 **sign("Dr. Helen Kowalski", "Managing Partner", "2026-09-30"))
    st = dict(footer="Form " + FOOT.format(code="RPA-S1"), date="us_short", phone="paren", underline=False,
              colon=True, choices_as_text=True, choice_sep="\n", list_sep="; ", block_frame=False)
    f = build_pdf("b6_stage1_flat_rows_newline_txns", "stage1", d, "flat", "rows", st, opaque_names("seq", 0))
    case("b6_stage1_flat_rows_newline_txns", "stage1", "flattened_pdf", RAW_PDF, shown_fields(d, f.shown),
         "Flattened, no rules; POSC Transactions Requested given as text, one choice label per line under "
         "the label (no marks); Organization Type and Bot Hosting typed as their choice text "
         "('MassHealth Provider', 'Cloud'); City/State/ZIP on one line; labels under the signature line.")

    # ------------------------------------------------------------------ b7 stage1 flattened boxed
    d = with_org("nashoba", rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.3",
                 bot_count=4, bot_names=["NCS-01", "NCS-02", "NCS-03", "NCS-04"], hosting="on_premises",
                 transactions=["claim_status", "claim_submission", "remittance_advice"],
                 posc_screens=["Login", "Claim Submission", "Claim Status", "Remittance Advice", "Download"],
                 screens_per_session=20, avg_weekly_transactions=3000, est_monthly_transactions=12000,
                 operating_hours="24x7", planned_go_live="2026-10-19",
                 **sign("Alan Whitcomb", "Managing Member", "2026-07-28"))
    st = dict(footer=FOOT.format(code="RPA-S1"), date="us", phone="space", thousands=True, list_sep=", ")
    f = build_pdf("b7_stage1_flat_boxed", "stage1", d, "flat", "boxed", st, opaque_names("seq", 0))
    case("b7_stage1_flat_boxed", "stage1", "flattened_pdf", RAW_PDF, shown_fields(d, f.shown),
         "Flattened boxed form (label top-left inside each rectangle, value below it); three boxes per row "
         "for tool name/vendor/version and screens/weekly/monthly; '12,000' and '3,000' with separators; "
         "phone '978 555 0117'.")

    # ------------------------------------------------------------------ scans
    make_scan(OUT / "b1_stage2_flat_rows.pdf", OUT / "g1_stage2_scan_jpeg.pdf", 201, 0.8, "jpeg")
    src = json.loads(json.dumps(CASES[[c["file"] for c in CASES].index("b1_stage2_flat_rows.pdf")]))
    case("g1_stage2_scan_jpeg", "stage2", "scanned_pdf", "pdftoppm -r 200 + Pillow + img2pdf (JPEG)",
         src["fields"], "Image-only scan of b1_stage2_flat_rows.pdf ('Label: value' lines, no ruled "
         "tables): 200 dpi greyscale, 0.8 deg rotation, dust specks, slight blur, JPEG q38.", scan=True)
    make_scan(OUT / "b5_modification_flat_rows_text_choices.pdf", OUT / "g2_modification_scan_g4.pdf", 202,
              -0.6, "g4")
    src = CASES[[c["file"] for c in CASES].index("b5_modification_flat_rows_text_choices.pdf")]
    case("g2_modification_scan_g4", "modification", "scanned_pdf", "pdftoppm -r 200 + Pillow + img2pdf (CCITT G4)",
         dict(src["fields"]), "Image-only scan of b5_modification_flat_rows_text_choices.pdf (choices typed "
         "as text, no rules): 200 dpi black-and-white CCITT Group 4, -0.6 deg rotation, dust specks.", scan=True)

    # ------------------------------------------------------------------ DOCX
    ORGK = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street", "city", "state",
            "zip", "contact_name", "contact_title", "contact_email", "contact_phone"]
    ATT = ["attest", "signer_name", "signer_title", "signature_date"]

    d = with_org("northshore", rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                 rpa_tool_version="2025.4", bot_count=2, bot_names=["NSDG-Elig", "NSDG-Remit"], hosting="on_premises",
                 transactions=["eligibility_inquiry", "remittance_advice"],
                 posc_screens=["Login", "Member Eligibility", "Remittance Advice Search", "RA Download"],
                 screens_per_session=8, avg_weekly_transactions=150, est_monthly_transactions=600,
                 operating_hours="Mon-Fri 5:00-7:00 AM", planned_go_live="2026-06-29",
                 **sign("Karen Whitfield", "Practice Manager", "2026-03-16"))
    st = dict(footer="RPA-S1 (Rev. 03/2024)", date="us", phone="paren", list_sep=", ", choice_sep="; ")
    secs = [("Section 1. Organization Information", ORGK),
            ("Section 2. RPA Tool and Bots", ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version", "bot_count",
                                              "hosting", "bot_names"]),
            ("Section 3. POSC Transactions and Volume", ["transactions", "screens_per_session",
                                                         "avg_weekly_transactions", "est_monthly_transactions",
                                                         "planned_go_live", "operating_hours", "posc_screens"]),
            ("Section 4. Attestation", ATT)]
    shown = docx_4col("stage1", d, st, OUT / "d1_stage1_docx_4col.docx", secs)
    case("d1_stage1_docx_4col", "stage1", "docx_table_4col", "python-docx", shown_fields(d, shown),
         "DOCX as a Word user builds it: a 4-column 'Table Grid' table per section (label | value | label | "
         "value), long items (transactions, screens, attestation) as label + value spanning three merged "
         "cells; choices typed as their label ('MassHealth Provider', 'On-Premises', 'Member Eligibility "
         "Verification; Remittance Advice Download'); attestation answered 'Yes'. Code in the page footer.",
         ext="docx")

    d = with_org("nashoba", operational_since="2018-09-04", current_user_ids=["NCSB0100", "NCSB0101"],
                 rpa_tool_name="Blue Prism", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="6.10",
                 bot_count=2, screens_per_session=12, avg_weekly_transactions=875,
                 transactions=["claim_status", "remittance_advice"], testing_completed=True,
                 testing_completed_date="2022-09-28", user_ids_requested=2,
                 docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                 **sign("Priya Raman", "Automation Lead", "2026-01-12"))
    st = dict(footer="RPA-S2G  Rev. 03/2024", date="us_short", phone="dash", list_sep="; ", choice_sep=", ",
              bold_labels=False)
    secs = [("Organization", ORGK),
            ("Existing Bot", ["operational_since", "current_user_ids", "rpa_tool_name", "rpa_tool_vendor",
                              "rpa_tool_version", "bot_count", "screens_per_session", "avg_weekly_transactions"]),
            ("Transactions and Testing", ["transactions", "testing_completed", "testing_completed_date",
                                          "user_ids_requested", "docs_enclosed"]),
            ("Attestation", ATT)]
    shown = docx_4col("stage2_grandfathered", d, st, OUT / "d2_s2g_docx_4col.docx", secs)
    case("d2_s2g_docx_4col", "stage2_grandfathered", "docx_table_4col", "python-docx", shown_fields(d, shown),
         "Grandfathered Stage II in a 4-column table, labels NOT bold; DBA/PID/NPI cells present but empty "
         "(business partner); transactions and documents typed comma-separated "
         "('MassHealth RPA Agreement, Systems Design Documentation, Test Scenarios'); testing answered 'Yes'.",
         ext="docx")

    d = with_org("berkshire", stage2_approval_number="RPA2-2025-00389", rpa_user_ids=["RPABP031", "RPABP032"],
                 modification_types=["decrease_screens", "other"], new_screens_per_session=6,
                 description="Drop the claim history screens from the eligibility bot (10 to 6 screens per "
                             "session) and rename bot BP-Elig to BP-Eligibility.",
                 effective_date="2026-10-02", **sign("Dr. Helen Kowalski", "Managing Partner", "2026-09-14"))
    st = dict(footer="RPA-MOD Rev. 03/2024", date="abbr", dates={"signature_date": "iso"}, phone="paren",
              list_sep=", ", choice_sep="; ", multi_sep="    ", font="Arial")
    secs = [("Organization", [["org_legal_name"], ["org_dba"], ["org_type"], ["provider_id", "npi"], ["fein"],
                              ["street"], ["city", "state", "zip"], ["contact_name", "contact_title"],
                              ["contact_email", "contact_phone"]]),
            ("Modification", [["stage2_approval_number"], ["rpa_user_ids"], ["modification_types"],
                              ["new_screens_per_session", "effective_date"], ["description"]]),
            ("Attestation", [["attest"], ["signer_name", "signer_title"], ["signature_date"]])]
    shown = docx_paras("modification", d, st, OUT / "d3_modification_docx_paras_typed.docx", secs)
    case("d3_modification_docx_paras_typed", "modification", "docx_paragraphs", "python-docx",
         shown_fields(d, shown),
         "Typed 'Label: value' paragraphs, several per paragraph separated by four spaces ('City: "
         "Pittsfield    State: MA    ZIP Code: 01201-4109'); 'Organization Type: MassHealth Provider'; "
         "'Type of Modification: Decrease POSC Screens per Session; Other'; dates 'Oct 2, 2026' (effective) "
         "and '2026-09-14' (signed); attestation typed 'Yes'; Arial body font.", ext="docx")

    d = with_org("southcoast", stage2_approval_number="RPA2-2024-00415", rpa_user_ids=["RPASC201", "RPASC202", "RPASC203"],
                 validation_year=2026, info_current=True, unapproved_changes=False,
                 **sign("Luis Medeiros", "Data Integration Manager", "2026-02-05"))
    st = dict(footer="RPA-AV Rev. 03/2024", date="dash", phone="plain10", list_sep="\n", yes="Y", no="N",
              multi_sep="\t", newline_lists={"rpa_user_ids": True}, font="Calibri")
    secs = [("Organization", [["org_legal_name"], ["org_type"], ["fein"], ["street"], ["city", "state", "zip"],
                              ["contact_name", "contact_title"], ["contact_email", "contact_phone"]]),
            ("Validation", [["stage2_approval_number", "validation_year"], "rpa_user_ids", ["info_current"],
                            ["unapproved_changes"]]),
            ("Attestation", [["attest"], ["signer_name"], ["signer_title"], ["signature_date"]])]
    shown = docx_paras("annual_validation", d, st, OUT / "d4_annual_docx_paras_yn.docx", secs)
    case("d4_annual_docx_paras_yn", "annual_validation", "docx_paragraphs", "python-docx", shown_fields(d, shown),
         "Typed paragraphs with a TAB between fields on the same line; yes/no answered 'Y' / 'N' (attest "
         "'Yes'); RPA User ID(s) listed one per paragraph under the label; phone typed as ten digits "
         "'5085550151'; dates '02-05-2026'.", ext="docx")

    d = with_org("granite", rpa_tool_name="Automation 360", rpa_tool_vendor="Automation Anywhere, Inc.",
                 bot_count=2, bot_names=["GSRP-CS-1", "GSRP-CS-2"], hosting="vendor_hosted",
                 transactions=["claim_status", "claim_submission", "eligibility_inquiry"],
                 posc_screens=["Login", "Member Eligibility", "Claim Submission", "Claim Status"],
                 screens_per_session=11, est_monthly_transactions=2002, planned_go_live="2026-10-26",
                 **sign("Mark Donnelly", "VP, Operations", "2026-08-04"))
    st = dict(footer="Form RPA-S1 Rev. 03/2024", date="long", phone="dots", list_sep=", ", thousands=True,
              newline_lists={"transactions": True}, multi_sep="     ")
    secs = [("Organization", [["org_legal_name"], ["org_dba"], ["org_type"], ["fein"], ["street"],
                              ["city", "state", "zip"], ["contact_name"], ["contact_title"], ["contact_email"],
                              ["contact_phone"]]),
            ("RPA Tool", [["rpa_tool_name", "rpa_tool_vendor"], ["bot_count"], ["bot_names"], ["hosting"]]),
            ("Transactions", ["transactions", ["posc_screens"], ["screens_per_session"],
                              ["est_monthly_transactions"], ["planned_go_live"]]),
            ("Attestation", [["attest"], ["signer_name", "signer_title"], ["signature_date"]])]
    shown = docx_paras("stage1", d, st, OUT / "d5_stage1_docx_paras_monthly_only.docx", secs)
    exp = shown_fields(d, shown)
    exp["avg_weekly_transactions"] = half_up(2002 / 4)   # 500.5 -> 501
    case("d5_stage1_docx_paras_monthly_only", "stage1", "docx_paragraphs", "python-docx", exp,
         "Typed paragraphs; 'Organization Type: Business Partner', 'Bot Hosting: Vendor-Hosted'; POSC "
         "Transactions Requested followed by one choice label per paragraph; ONLY 'Estimated Transactions "
         "per Month: 2,002' (no weekly line at all): expected weekly = 2002/4 = 500.5 -> 501 (SPEC 2.4). "
         "No RPA Tool Version and no operating hours.", ext="docx",
         extra={"derived_fields": ["avg_weekly_transactions"]})

    d = with_org("harbor", stage1_approval_number="RPA1-2026-00048", rpa_tool_name="UiPath Studio",
                 rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10.4",
                 transactions=["claim_status", "eligibility_inquiry"], testing_completed=True,
                 testing_completed_date="2026-06-19", user_ids_requested=3,
                 docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"],
                 **sign("Dr. Samuel Greene", "Chief Executive Officer", "2026-06-24"))
    st = dict(footer="RPA-S2 Rev. 03/2024", date="us", phone="paren", choice_sep="\n", yes="Y", no="N")
    secs = [("1. Organization Information", ORGK),
            ("2. Stage I Reference and RPA Tool", ["stage1_approval_number", "rpa_tool_name", "rpa_tool_vendor",
                                                   "rpa_tool_version"]),
            ("3. Transactions and Testing", ["transactions", "testing_completed", "testing_completed_date",
                                             "user_ids_requested", "docs_enclosed"]),
            ("4. Attestation", ATT)]
    shown = docx_4col("stage2", d, st, OUT / "d6_stage2_docx_4col_yn.docx", secs)
    case("d6_stage2_docx_4col_yn", "stage2", "docx_table_4col", "python-docx", shown_fields(d, shown),
         "Stage II in a 4-column table; testing completed answered 'Y'; POSC Transactions and Supporting "
         "Documentation Enclosed typed one choice label per line inside the merged value cell; attestation "
         "'Yes'.", ext="docx")

    d = dict(org_legal_name=ORGS["harbor"]["org_legal_name"], signer_name="Dr. Samuel Greene",
             signer_title="Chief Executive Officer", signature_date="2026-06-24")
    docx_agreement_sigbelow(d, dict(footer="RPA-AGR Rev. 03/2024", date="long"),
                            OUT / "d7_agreement_docx_sigbelow.docx")
    case("d7_agreement_docx_sigbelow", "rpa_agreement", "docx_paragraphs", "python-docx", dict(d),
         "RPA Agreement DOCX; the signature block is a borderless table whose value row sits on a bottom "
         "border (the line) with the labels (Signature, Date Signed, Authorized Signatory Name, Authorized "
         "Signatory Title) in small type UNDER it; date 'June 24, 2026'.", ext="docx")


# =========================================================================== build
def main():
    for p in OUT.iterdir():
        if p.suffix in (".pdf", ".docx") or p.name.endswith(".expected.json"):
            p.unlink()
    define_and_build()
    for c in CASES:
        f = OUT / c["file"]
        size = f.stat().st_size
        limit = 400_000 if c["scan"] else 150_000
        assert size < limit, (c["file"], size)
        for k, v in c["fields"].items():
            assert k in LABELS, k
        fl = c["fields"]
        for k in SET_KEYS & set(fl):
            fl[k] = sorted(fl[k])
        if "signature_date" in fl:
            assert fl["signature_date"].startswith("2026-") and fl["signature_date"] < "2026-11-01"
        if "bot_names" in fl:
            assert len(fl["bot_names"]) == fl["bot_count"]
        if "npi" in fl:
            assert npi(fl["npi"][:9]) == fl["npi"]
        stem = c["file"].rsplit(".", 1)[0]
        (OUT / f"{stem}.expected.json").write_text(json.dumps(c, indent=2, ensure_ascii=False) + "\n")
        print(f"{c['file']:48s} {size:>7d}  {c['form_type']}")
    print(len(CASES), "cases")


if __name__ == "__main__":
    sys.exit(main())
