#!/usr/bin/env python3
"""Regenerate the fourth blind sample set (independent4).

Drawn only from /work/shared/SPEC.md (section 2 titles/labels/keys, section 5 normalized
values).  No project code is imported; reportlab is not used.  Fillable PDFs are written by
hand (raw PDF objects); flattened PDFs are python-docx documents printed by LibreOffice;
e-mails are built with the Python email package.

    /work/main/.venv/bin/python tests/data/independent4/make_independent4.py
"""
import copy
import email.message
import email.policy
import email.utils
import json
import os
import shutil
import subprocess
import tempfile

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"

OUT = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------- SPEC labels
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
ORG_TYPE = {"provider": "MassHealth Provider", "business_partner": "Business Partner",
            "relationship_entity": "Relationship Entity"}
HOSTING = {"on_premises": "On-Premises", "cloud": "Cloud", "vendor_hosted": "Vendor-Hosted"}
TX = {"eligibility_inquiry": "Member Eligibility Verification",
      "claim_submission": "Claim Submission (DDE)", "claim_status": "Claim Status Inquiry",
      "claim_adjustment": "Claim Adjustment/Void",
      "prior_authorization": "Prior Authorization Request",
      "remittance_advice": "Remittance Advice Download", "other": "Other DDE Activity"}
MODS = {"replace_tool": "Replace RPA Tool", "increase_screens": "Increase POSC Screens per Session",
        "decrease_screens": "Decrease POSC Screens per Session",
        "add_sequential_transaction": "Add Sequential Transaction in Same Session",
        "retire_bot": "Retire Bot", "other": "Other"}
DOCS = {"rpa_agreement": "MassHealth RPA Agreement",
        "systems_design": "Systems Design Documentation", "test_scenarios": "Test Scenarios"}

LABEL = {
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
CHOICES = {"org_type": ORG_TYPE, "hosting": HOSTING, "transactions": TX,
           "docs_enclosed": DOCS, "modification_types": MODS, "added_transaction": TX}
MULTI = {"transactions", "docs_enclosed", "modification_types"}
YESNO = {"testing_completed", "same_session", "info_current", "unapproved_changes"}

ORG_KEYS = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street",
            "city", "state", "zip", "contact_name", "contact_title", "contact_email",
            "contact_phone"]
ATTEST_KEYS = ["attest", "signer_name", "signer_title", "signature_date"]
SECTION2 = {
    "stage1": ("Section 2 \u2013 RPA Bot Information",
               ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version", "bot_count", "bot_names",
                "hosting", "transactions", "transactions_other", "posc_screens",
                "screens_per_session", "avg_weekly_transactions", "est_monthly_transactions",
                "operating_hours", "planned_go_live"]),
    "stage2": ("Section 2 \u2013 Stage II Information",
               ["stage1_approval_number", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
                "transactions", "testing_completed", "testing_completed_date",
                "user_ids_requested", "docs_enclosed"]),
    "stage2_grandfathered": ("Section 2 \u2013 Bot Information",
                             ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version", "bot_count",
                              "operational_since", "current_user_ids", "transactions",
                              "screens_per_session", "avg_weekly_transactions",
                              "testing_completed", "testing_completed_date",
                              "user_ids_requested", "docs_enclosed"]),
    "modification": ("Section 2 \u2013 Modification Request",
                     ["stage2_approval_number", "rpa_user_ids", "modification_types",
                      "new_rpa_tool_name", "new_rpa_tool_vendor", "new_screens_per_session",
                      "added_transaction", "same_session", "description", "effective_date"]),
    "annual_validation": ("Section 2 \u2013 Annual Validation",
                          ["stage2_approval_number", "rpa_user_ids", "validation_year",
                           "info_current", "unapproved_changes"]),
}


def label(key, ftype):
    if key == "transactions" and ftype != "stage1":
        return "POSC Transactions"
    if key == "rpa_user_ids" and ftype == "annual_validation":
        return "RPA User ID(s)"
    return LABEL[key]


def npi(base9):
    """10-digit NPI: base9 + Luhn check digit computed over 80840 + base9."""
    digits = [int(c) for c in "80840" + base9]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return base9 + str((10 - total % 10) % 10)


# ----------------------------------------------------------------------------- organizations
ORGS = {
    "harbor": dict(org_legal_name="Harborview Billing Partners LLC", org_dba="HBP Claims",
                   org_type="business_partner", fein="04-3318270",
                   street="225 Atlantic Avenue, Suite 410", city="Boston", state="MA",
                   zip="02110", contact_name="Renata Okafor",
                   contact_title="Revenue Cycle Director",
                   contact_email="renata.okafor@harborviewbilling.com",
                   contact_phone="617-555-0183"),
    "pvp": dict(org_legal_name="Pioneer Valley Pediatrics, P.C.", org_type="provider",
                provider_id="110045678B", npi=npi("174839265"), fein="04-2719935",
                street="88 Elm Street", city="Northampton", state="MA", zip="01060",
                contact_name="Daniel Ferreira", contact_title="Practice Administrator",
                contact_email="dferreira@pvpeds.org", contact_phone="413-555-0126"),
    "capeann": dict(org_legal_name="Cape Ann Care Coordination Collaborative, Inc.",
                    org_dba="Cape Ann CCC", org_type="relationship_entity", fein="20-5583146",
                    street="14 Washington Street", city="Gloucester", state="MA", zip="01930",
                    contact_name="Mei-Lin Chow", contact_title="IT Operations Manager",
                    contact_email="mchow@capeanncare.org", contact_phone="978-555-0167"),
    "merrimack": dict(org_legal_name="Merrimack Home Health Services, LLC", org_type="provider",
                      provider_id="110078213C", npi=npi("152306748"), fein="26-1147702",
                      street="310 Broadway", city="Lowell", state="MA", zip="01854-2208",
                      contact_name="Tomas Aguilar", contact_title="Compliance Officer",
                      contact_email="taguilar@merrimackhhs.com", contact_phone="978-555-0149"),
    "granite": dict(org_legal_name="Granite Revenue Solutions, Inc.", org_type="business_partner",
                    fein="02-0611458", street="1 Commercial Street", city="Manchester",
                    state="NH", zip="03101", contact_name="Priya Raman",
                    contact_title="Automation Lead", contact_email="praman@graniterev.com",
                    contact_phone="603-555-0172"),
    "southshore": dict(org_legal_name="South Shore Family Dental Group", org_type="provider",
                       provider_id="110093377A", npi=npi("198765432"), fein="04-3055917",
                       street="400 Quincy Avenue", city="Braintree", state="MA", zip="02184",
                       contact_name="Alicia Brennan", contact_title="Office Manager",
                       contact_email="abrennan@ssfdg.com", contact_phone="781-555-0193"),
}


def attest(name, title, date):
    return dict(attest=True, signer_name=name, signer_title=title, signature_date=date)


# ----------------------------------------------------------------------------- raw rendering
def raw_text(key, norm, raw):
    """Printed text for a text field (raw overrides, else derived from the value)."""
    if key in raw:
        return raw[key]
    v = norm[key]
    if isinstance(v, list):
        return ", ".join(v)
    if key.endswith("date") or key in ("planned_go_live", "operational_since", "effective_date",
                                       "testing_completed_date"):
        y, m, d = v.split("-")
        return f"{int(m):02d}/{int(d):02d}/{y}"
    return str(v)


def items_for(ftype):
    """[(section title, [keys])] in printed order."""
    secs = [("Section 1 \u2013 Organization Information", ORG_KEYS)]
    secs.append(SECTION2[ftype])
    secs.append(("Section 3 \u2013 Attestation", ATTEST_KEYS))
    return secs


# ============================================================================= fillable PDF
def pdf_str(s):
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + s + ")"


def text_width(s, size):
    return len(s) * size * 0.5


def wrap(s, n):
    words, lines, cur = s.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > n:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    lines.append(cur)
    return lines


class PdfWriter:
    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = body

    def stream(self, content, extra=""):
        data = content.encode("cp1252")
        return self.add(f"<< {extra} /Length {len(data)} >>\nstream\n".encode("latin-1")
                        + data + b"\nendstream")

    def write(self, path, root):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, o in enumerate(self.objs, 1):
            offs.append(len(out))
            if isinstance(o, str):
                o = o.encode("cp1252")
            out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
        x = len(out)
        out += f"xref\n0 {len(self.objs) + 1}\n0000000000 65535 f \n".encode()
        for off in offs:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(self.objs) + 1} /Root {root} 0 R >>\n"
                f"startxref\n{x}\n%%EOF\n").encode()
        with open(path, "wb") as f:
            f.write(out)


def make_fillable(path, ftype, norm, raw, names, choice_codes, listbox=(), ap_only=(),
                  combo_yesno=None, code=True):
    """Hand-written AcroForm PDF.

    names: key -> field name.  choice_codes: key -> {value key: export code} for one-of and
    multi choices rendered as /Ch fields (combo; multi as multi-select list box if key in
    listbox).  Multi choices not in choice_codes become checkboxes (/Yes).  combo_yesno:
    key -> [(export, display) for yes, for no].  ap_only: text keys written without /V
    (value only in the appearance stream)."""
    w = PdfWriter()
    cat = w.add("")
    pages_num = w.add("")
    acro = w.add("")
    helv = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    helvb = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    zadb = w.add("<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
    fontres = f"/Font << /Helv {helv} 0 R /HeBo {helvb} 0 R /ZaDb {zadb} 0 R >>"
    pages = []          # (content list, annots list)
    fields = []
    state = {"y": 0, "page": None}

    def new_page():
        content, annots = [], []
        pages.append((content, annots))
        state["page"] = (content, annots)
        state["y"] = 740
        if code:
            content.append(f"BT /Helv 7 Tf 40 30 Td {pdf_str(CODES[ftype] + '  Rev. 01/2026  Page ' + str(len(pages)))} Tj ET")

    def need(h):
        if state["y"] - h < 50:
            new_page()

    def text(x, y, s, size=8, font="Helv"):
        state["page"][0].append(f"BT /{font} {size} Tf {x:.1f} {y:.1f} Td {pdf_str(s)} Tj ET")

    def box_ap(wd, ht, inner, tag="/Tx"):
        body = f"q 1 1 {wd - 2} {ht - 2} re W n {inner} Q"
        if tag:
            body = f"{tag} BMC {body} EMC"
        body = f"0.5 G 0.6 w 0.3 0.3 {wd - 0.6} {ht - 0.6} re S {body}"
        return w.stream(body,
                        f"/Type /XObject /Subtype /Form /BBox [0 0 {wd} {ht}] /Resources << {fontres} >>")

    def widget(d):
        pnum_placeholder = "__PAGE__"
        num = w.add(d)
        state["page"][1].append(num)
        fields.append(num)
        return num

    new_page()
    text(40, 755, TITLES[ftype], 13, "HeBo")
    state["y"] = 725
    X, W, H = 300, 270, 15
    for sec, keys in items_for(ftype):
        need(40)
        state["y"] -= 8
        text(40, state["y"], sec, 10, "HeBo")
        state["y"] -= 18
        for key in keys:
            lab = label(key, ftype)
            name = names.get(key, key)
            if key == "attest":
                need(24)
                y = state["y"]
                on = norm.get("attest", False)
                s_on = box_ap(12, 12, "BT /ZaDb 10 Tf 1.5 2 Td (4) Tj ET", "")
                s_off = box_ap(12, 12, "", "")
                widget(f"<< /Type /Annot /Subtype /Widget /FT /Btn /T {pdf_str(name)} "
                       f"/Rect [40 {y - 2} 52 {y + 10}] /F 4 /MK << /BC [0 0 0] /CA (4) >> "
                       f"/DA (/ZaDb 0 Tf 0 g) /V /{'Yes' if on else 'Off'} /AS /{'Yes' if on else 'Off'} "
                       f"/AP << /N << /Yes {s_on} 0 R /Off {s_off} 0 R >> >> >>")
                text(58, y, lab, 8)
                state["y"] -= 22
                continue
            if key in MULTI and key not in choice_codes:
                need(14 + 14 * len(CHOICES[key]))
                text(40, state["y"], lab, 8)
                state["y"] -= 14
                sel = set(norm.get(key, []))
                for ck, cl in CHOICES[key].items():
                    y = state["y"]
                    on = ck in sel
                    s_on = box_ap(11, 11, "BT /ZaDb 9 Tf 1.5 2 Td (4) Tj ET", "")
                    s_off = box_ap(11, 11, "", "")
                    widget(f"<< /Type /Annot /Subtype /Widget /FT /Btn /T {pdf_str(name + '_' + ck)} "
                           f"/Rect [60 {y - 2} 71 {y + 9}] /F 4 /MK << /BC [0 0 0] /CA (4) >> "
                           f"/DA (/ZaDb 0 Tf 0 g) /V /{'Yes' if on else 'Off'} /AS /{'Yes' if on else 'Off'} "
                           f"/AP << /N << /Yes {s_on} 0 R /Off {s_off} 0 R >> >> >>")
                    text(76, y, cl, 8)
                    state["y"] -= 14
                state["y"] -= 4
                continue
            lines = wrap(lab, 58)
            if key in choice_codes or (combo_yesno and key in combo_yesno):
                if key in YESNO:
                    opts = combo_yesno[key]
                    v = norm.get(key)
                    cur = None if v is None else (opts[0] if v else opts[1])
                    optpairs = opts
                    sel = [cur] if cur else []
                else:
                    codes = choice_codes[key]
                    optpairs = [(codes[ck], cl) for ck, cl in CHOICES[key].items() if ck in codes]
                    vals = norm.get(key)
                    vals = vals if isinstance(vals, list) else ([vals] if vals else [])
                    sel = [(codes[v], CHOICES[key][v]) for v in vals]
                opt = "[" + " ".join(f"[{pdf_str(e)} {pdf_str(d)}]" for e, d in optpairs) + "]"
                idx = [optpairs.index(s) for s in sel]
                if key in listbox:
                    ht = 12 * len(optpairs) + 4
                    need(max(ht, 12 * len(lines)) + 8)
                    y = state["y"]
                    inner = ""
                    for i, (e, d) in enumerate(optpairs):
                        yy = ht - 2 - 12 * (i + 1)
                        if i in idx:
                            inner += f"0.6 0.75 0.9 rg 1 {yy} {W - 2} 12 re f 0 g "
                        inner += f"BT /Helv 9 Tf 3 {yy + 3} Td {pdf_str(d)} Tj ET "
                    ap = box_ap(W, ht, inner)
                    v = "[" + " ".join(pdf_str(s[0]) for s in sel) + "]"
                    widget(f"<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 2097152 /T {pdf_str(name)} "
                           f"/Rect [{X} {y + 11 - ht} {X + W} {y + 11}] /F 4 /MK << /BC [0 0 0] >> "
                           f"/DA (/Helv 9 Tf 0 g) /Opt {opt} /V {v} /I [{' '.join(map(str, idx))}] "
                           f"/AP << /N {ap} 0 R >> >>")
                    for i, ln in enumerate(lines):
                        text(40, y - 10 * i, ln, 8)
                    state["y"] -= max(ht, 10 * len(lines)) + 8
                else:
                    need(10 * len(lines) + 10)
                    y = state["y"]
                    disp = sel[0][1] if sel else ""
                    ap = box_ap(W, H, f"BT /Helv 9 Tf 3 4 Td {pdf_str(disp)} Tj ET")
                    vpart = f"/V {pdf_str(sel[0][0])} /I [{idx[0]}] " if sel else ""
                    widget(f"<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 131072 /T {pdf_str(name)} "
                           f"/Rect [{X} {y - 4} {X + W} {y + 11}] /F 4 /MK << /BC [0 0 0] >> "
                           f"/DA (/Helv 9 Tf 0 g) /Opt {opt} {vpart}/AP << /N {ap} 0 R >> >>")
                    for i, ln in enumerate(lines):
                        text(40, y - 10 * i, ln, 8)
                    state["y"] -= max(20, 10 * len(lines) + 6)
                continue
            # text field
            need(10 * len(lines) + 10)
            y = state["y"]
            val = raw_text(key, norm, raw) if key in norm else ""
            ap = box_ap(W, H, f"BT /Helv 9 Tf 3 4 Td {pdf_str(val)} Tj ET" if val else "")
            vpart = f"/V {pdf_str(val)} " if val and key not in ap_only else ""
            widget(f"<< /Type /Annot /Subtype /Widget /FT /Tx /T {pdf_str(name)} "
                   f"/Rect [{X} {y - 4} {X + W} {y + 11}] /F 4 /MK << /BC [0 0 0] >> "
                   f"/DA (/Helv 9 Tf 0 g) {vpart}/AP << /N {ap} 0 R >> >>")
            for i, ln in enumerate(lines):
                text(40, y - 10 * i, ln, 8)
            state["y"] -= max(20, 10 * len(lines) + 6)
    kids = []
    for content, annots in pages:
        cs = w.stream("\n".join(content))
        pnum = w.add("")
        for a in annots:
            w.set(a, w.objs[a - 1].replace("/F 4", f"/F 4 /P {pnum} 0 R", 1))
        w.set(pnum, f"<< /Type /Page /Parent {pages_num} 0 R /MediaBox [0 0 612 792] "
                    f"/Resources << {fontres} >> /Contents {cs} 0 R "
                    f"/Annots [{' '.join(f'{a} 0 R' for a in annots)}] >>")
        kids.append(pnum)
    w.set(pages_num, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    w.set(acro, f"<< /Fields [{' '.join(f'{f} 0 R' for f in fields)}] /DA (/Helv 0 Tf 0 g) "
                f"/DR << {fontres} >> >>")
    w.set(cat, f"<< /Type /Catalog /Pages {pages_num} 0 R /AcroForm {acro} 0 R >>")
    w.write(path, cat)


# ============================================================================= DOCX helpers
def new_doc(ftype, code=True, header_pages=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "DejaVu Sans"
    st.font.size = Pt(9.5)
    sec = doc.sections[0]
    sec.top_margin = sec.bottom_margin = Pt(50)
    sec.left_margin = sec.right_margin = Pt(60)
    if code:
        sec.footer.paragraphs[0].text = f"Form {CODES[ftype]}  (Rev. 01/2026)"
    if header_pages:
        p = sec.header.paragraphs[0]
        p.add_run(TITLES[ftype] + "    Page ")
        fld(p, "PAGE")
        p.add_run(" of ")
        fld(p, "NUMPAGES")
    h = doc.add_paragraph()
    r = h.add_run(TITLES[ftype])
    r.bold = True
    r.font.size = Pt(14)
    return doc


def fld(p, instr):
    f = OxmlElement("w:fldSimple")
    f.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    f.append(r)
    p._p.append(f)


def heading(doc, text, size=11):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)
    return p


def choice_line(key, norm, on, off, sep="   "):
    sel = norm.get(key)
    sel = sel if isinstance(sel, list) else [sel]
    return sep.join(f"{on if ck in sel else off} {cl}".strip() for ck, cl in CHOICES[key].items())


def docx_to_pdf(docx_path, pdf_path):
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{td}/u",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", td, docx_path],
                       check=True, capture_output=True)
        base = os.path.splitext(os.path.basename(docx_path))[0]
        shutil.move(os.path.join(td, base + ".pdf"), pdf_path)


# ============================================================================= cases
CASES = []


def expected(case, fname, ftype, fields, shape, desc, code=True, extra=None):
    e = {"file": fname, "form_type": ftype, "form_version": CODES.get(ftype) if code else None,
         "fields": fields, "shape": shape, "scan": False, "description": desc}
    if extra:
        e.update(extra)
    with open(os.path.join(OUT, case + ".expected.json"), "w") as f:
        json.dump(e, f, indent=2, ensure_ascii=False)
        f.write("\n")
    CASES.append(e)


def sorted_fields(d):
    out = {}
    for k, v in d.items():
        if k in MULTI and isinstance(v, list):
            v = sorted(v)
        out[k] = v
    return out


# ---------------------------------------------------------------- a1 stage1 combos
def a1():
    norm = dict(ORGS["harbor"])
    norm.update(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                rpa_tool_version="2024.10", bot_count=2,
                bot_names=["HBP-ELIG-01", "HBP-STATUS-02"], hosting="cloud",
                transactions=["eligibility_inquiry", "claim_status"],
                posc_screens=["Member Eligibility", "Claim Status Search", "Claim Status Detail"],
                screens_per_session=6, avg_weekly_transactions=1150,
                est_monthly_transactions=4600, operating_hours="Mon-Fri 6:00 PM - 6:00 AM ET",
                planned_go_live="2026-06-15")
    norm.update(attest("Gregory Lindqvist", "Managing Partner", "2026-03-18"))
    raw = dict(contact_phone="(617) 555-0183", avg_weekly_transactions="1,150",
               est_monthly_transactions="4,600", planned_go_live="June 15, 2026",
               signature_date="03/18/2026", bot_names="HBP-ELIG-01; HBP-STATUS-02",
               posc_screens="Member Eligibility; Claim Status Search; Claim Status Detail")
    names = {k: "S1_" + k.upper() for k in LABEL}
    codes = {"org_type": {"provider": "PR", "business_partner": "BP", "relationship_entity": "RE"},
             "hosting": {"on_premises": "01", "cloud": "02", "vendor_hosted": "03"}}
    f = "a1_stage1_combo_choices.pdf"
    make_fillable(os.path.join(OUT, f), "stage1", norm, raw, names, codes)
    expected("a1_stage1_combo_choices", f, "stage1", sorted_fields(norm), "fillable_pdf_choice_fields",
             "Hand-written fillable PDF. Organization Type and Bot Hosting are /Ch combo boxes "
             "(/Ff 131072) with /Opt [export display] pairs: Organization Type "
             "[(PR)(MassHealth Provider)] [(BP)(Business Partner)] [(RE)(Relationship Entity)], "
             "/V (BP); Bot Hosting [(01)(On-Premises)] [(02)(Cloud)] [(03)(Vendor-Hosted)], /V (02). "
             "/V holds the export code, only the appearance shows the label. Field names S1_ORG_TYPE etc. "
             "Transactions as checkboxes (/Yes). Phone '(617) 555-0183', '1,150' / '4,600', "
             "'June 15, 2026', lists '; '-separated.")


# ---------------------------------------------------------------- a2 modification list box
def a2():
    norm = dict(ORGS["pvp"])
    norm.update(stage2_approval_number="RPA2-2025-00417", rpa_user_ids=["RPAPVP01", "RPAPVP02"],
                modification_types=["increase_screens", "add_sequential_transaction"],
                new_screens_per_session=12, added_transaction="claim_adjustment",
                same_session=True,
                description="Raise the screen limit from 8 to 12 so the claim status bot can "
                            "open Claim Adjustment/Void in the same session after a denied status.",
                effective_date="2026-07-01")
    norm.update(attest("Dr. Helen Marsh", "President", "2026-05-04"))
    raw = dict(effective_date="2026-07-01", signature_date="5/4/2026",
               contact_phone="413.555.0126")
    names = {k: f"Text{i}" for i, k in enumerate(LABEL, 1)}
    codes = {"org_type": {"provider": "PR", "business_partner": "BP", "relationship_entity": "RE"},
             "modification_types": {k: f"{i:02d}" for i, k in enumerate(MODS, 1)},
             "added_transaction": {k: f"T{i}" for i, k in enumerate(TX, 1)}}
    f = "a2_modification_listbox_choices.pdf"
    make_fillable(os.path.join(OUT, f), "modification", norm, raw, names, codes,
                  listbox={"modification_types"},
                  combo_yesno={"same_session": [("Y", "Yes"), ("N", "No")]})
    expected("a2_modification_listbox_choices", f, "modification", sorted_fields(norm),
             "fillable_pdf_choice_fields",
             "Hand-written fillable PDF with generic names Text1..; Type of Modification is a "
             "multi-select /Ch list box (/Ff 2097152) with /Opt [(01)(Replace RPA Tool)] .. "
             "[(06)(Other)] and /V [(02) (04)] (Increase POSC Screens per Session, Add Sequential "
             "Transaction in Same Session) plus /I [1 3]; Organization Type combo /V (PR); Transaction "
             "to Add combo /Opt [(T1)(Member Eligibility Verification)]..[(T7)(Other DDE Activity)] "
             "/V (T4); same-session yes/no combo [(Y)(Yes)] [(N)(No)] /V (Y). Phone '413.555.0126', "
             "dates ISO and '5/4/2026'.")


# ---------------------------------------------------------------- a3 annual combos yes/no
def a3():
    norm = dict(ORGS["capeann"])
    norm.update(stage2_approval_number="RPA2-2024-00088",
                rpa_user_ids=["CACCBOT1", "CACCBOT2", "CACCBOT3"], validation_year=2026,
                info_current=True, unapproved_changes=False)
    norm.update(attest("Joanne Pelletier", "Executive Director", "2026-02-09"))
    raw = dict(rpa_user_ids="CACCBOT1, CACCBOT2, CACCBOT3", signature_date="02/09/2026",
               contact_phone="+1 978 555 0167")
    names = {k: "form1[0].p1[0]." + "".join(p.title() for p in k.split("_")) + "[0]" for k in LABEL}
    codes = {"org_type": {"provider": "1", "business_partner": "2", "relationship_entity": "3"}}
    f = "a3_annual_combo_yesno.pdf"
    make_fillable(os.path.join(OUT, f), "annual_validation", norm, raw, names, codes,
                  combo_yesno={"info_current": [("01", "Yes"), ("02", "No")],
                               "unapproved_changes": [("01", "Yes"), ("02", "No")]})
    expected("a3_annual_combo_yesno", f, "annual_validation", sorted_fields(norm),
             "fillable_pdf_choice_fields",
             "Hand-written fillable PDF, LiveCycle-like names (form1[0].p1[0].InfoCurrent[0]). "
             "Both yes/no questions are /Ch combo boxes with /Opt [(01)(Yes)] [(02)(No)]: info_current "
             "/V (01) = Yes, unapproved_changes /V (02) = No. Organization Type combo with numeric "
             "exports [(1)(MassHealth Provider)] [(2)(Business Partner)] [(3)(Relationship Entity)], "
             "/V (3). Phone '+1 978 555 0167'.")


# ---------------------------------------------------------------- a4 stage2 appearance only
def a4():
    norm = dict(ORGS["southshore"])
    norm.update(stage1_approval_number="RPA1-2025-00931", rpa_tool_name="Power Automate Desktop",
                rpa_tool_vendor="Microsoft Corporation", rpa_tool_version="2.52",
                transactions=["eligibility_inquiry", "prior_authorization"],
                testing_completed=True, testing_completed_date="2026-04-22",
                user_ids_requested=2,
                docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    norm.update(attest("Alicia Brennan", "Office Manager", "2026-04-29"))
    raw = dict(testing_completed_date="April 22, 2026", signature_date="04/29/2026",
               contact_phone="781-555-0193")
    ap_only = {"org_legal_name", "npi", "city", "contact_email", "rpa_tool_name",
               "testing_completed_date", "signer_name", "signature_date"}
    names = {k: "S2." + k for k in LABEL}
    codes = {"org_type": {"provider": "P", "business_partner": "B", "relationship_entity": "R"}}
    f = "a4_stage2_appearance_only_values.pdf"
    make_fillable(os.path.join(OUT, f), "stage2", norm, raw, names, codes, ap_only=ap_only,
                  combo_yesno={"testing_completed": [("Y", "Yes"), ("N", "No")]})
    expected("a4_stage2_appearance_only_values", f, "stage2", sorted_fields(norm),
             "fillable_pdf_appearance_only",
             "Hand-written fillable PDF as some 'print to PDF' tools leave it: the text fields "
             + ", ".join(sorted(ap_only)) + " have NO /V; their values exist only in the widget "
             "appearance streams (/AP /N content '(...) Tj'). The other text fields have /V and a "
             "matching appearance. Testing yes/no is a combo [(Y)(Yes)] [(N)(No)] /V (Y); Organization "
             "Type combo [(P)(MassHealth Provider)].. /V (P); transactions and documents are "
             "checkboxes (/Yes). Expected = the values shown.")


# ---------------------------------------------------------------- b1 s2g flattened numbered / underscores
def b1():
    ftype = "stage2_grandfathered"
    norm = dict(ORGS["merrimack"])
    norm.update(rpa_tool_name="Automation Anywhere A360", rpa_tool_vendor="Automation Anywhere, Inc.",
                rpa_tool_version="A360.29", bot_count=1, operational_since="2021-03-15",
                current_user_ids=["MHHS0142"], transactions=["claim_status", "remittance_advice"],
                screens_per_session=5, avg_weekly_transactions=300, testing_completed=True,
                testing_completed_date="2026-01-20", user_ids_requested=1,
                docs_enclosed=["rpa_agreement", "systems_design", "test_scenarios"])
    norm.update(attest("Tomas Aguilar", "Compliance Officer", "2026-02-02"))
    raw = dict(operational_since="03/15/2021", testing_completed_date="01/20/2026",
               signature_date="February 2, 2026", contact_phone="(978) 555-0149")
    doc = new_doc(ftype)
    numbering = {}
    sec_no = 0
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]
    for sec, keys in items_for(ftype):
        sec_no += 1
        heading(doc, sec)
        for i, key in enumerate(keys):
            if sec_no == 1:
                # 1.1 .. 1.5, then A. B. C. for address, then (iii)-style for contact
                if i < 6:
                    num = f"1.{i + 1}"
                elif i < 10:
                    num = "ABCD"[i - 6] + "."
                else:
                    num = f"({romans[i - 10]})"
            elif sec_no == 2:
                num = f"2.{i + 1}"
            else:
                num = f"({romans[i]})"
            lab = label(key, ftype)
            if key in MULTI or key in CHOICES:
                doc.add_paragraph(f"{num} {lab}:  " + choice_line(key, norm, "[X]", "[  ]"))
            elif key in YESNO:
                doc.add_paragraph(f"{num} {lab}:  [X] Yes   [  ] No" if norm[key] else
                                  f"{num} {lab}:  [  ] Yes   [X] No")
            elif key == "attest":
                doc.add_paragraph(f"{num} [X] {lab}")
            elif key in norm:
                doc.add_paragraph(f"{num} {lab}: ____{raw_text(key, norm, raw)}____")
            else:
                doc.add_paragraph(f"{num} {lab}: ____________________")
    dp = os.path.join(tempfile.gettempdir(), "b1_s2g_numbered_underscores.docx")
    doc.save(dp)
    f = "b1_s2g_numbered_underscores.pdf"
    docx_to_pdf(dp, os.path.join(OUT, f))
    expected("b1_s2g_numbered_underscores", f, ftype, sorted_fields(norm), "flattened_pdf_numbered_labels",
             "Flattened PDF (python-docx printed by LibreOffice). Labels carry numbering: "
             "'1.1 Organization Legal Name', '1.6 Federal Employer ...', 'A. Street Address', "
             "'B. City', 'C. State', 'D. ZIP Code', '(i) Primary Contact Name' .. '(iv)', "
             "'2.1 RPA Tool (Product Name)' .., '(iii) Authorized Signatory Title'. Every value sits on "
             "an underscore fill line: 'B. City: ____Lowell____'. The empty Doing Business As line "
             "is bare underscores (absent). Choices as [X]/[  ]. ZIP+4 '01854-2208'.")


# ---------------------------------------------------------------- b2 stage1 three pages
def b2():
    ftype = "stage1"
    norm = dict(ORGS["granite"])
    norm.update(rpa_tool_name="Blue Prism Enterprise", rpa_tool_vendor="SS&C Blue Prism",
                rpa_tool_version="7.3", bot_count=3,
                bot_names=["GRS Claims Runner", "GRS Status Checker", "GRS Remit Fetcher"],
                hosting="vendor_hosted",
                transactions=["claim_submission", "claim_status", "remittance_advice", "other"],
                transactions_other="Download of 835 companion PDF reports",
                posc_screens=["Claims Entry", "Claim Status Search", "Remittance Advice Search",
                              "Report Download"],
                screens_per_session=10, avg_weekly_transactions=2250,
                est_monthly_transactions=9000, operating_hours="24x7 except Sunday 2-6 AM",
                planned_go_live="2026-09-01")
    norm.update(attest("Victor Oduya", "Chief Operating Officer", "2026-07-14"))
    raw = dict(planned_go_live="09/01/2026", signature_date="7/14/2026",
               contact_phone="603.555.0172", avg_weekly_transactions="2,250",
               est_monthly_transactions="9,000")
    doc = new_doc(ftype, header_pages=True)

    def line(key):
        lab = label(key, ftype).upper() + ":"
        if key in CHOICES:
            p = doc.add_paragraph(lab)
            sel = norm.get(key)
            sel = sel if isinstance(sel, list) else [sel]
            for ck, cl in CHOICES[key].items():
                doc.add_paragraph(("\u2611 " if ck in sel else "\u2610 ") + cl).paragraph_format.left_indent = Pt(18)
        elif key == "attest":
            doc.add_paragraph("(X) " + LABEL["attest"])
        elif key in norm:
            doc.add_paragraph(f"{lab}  {raw_text(key, norm, raw)}")
        else:
            doc.add_paragraph(f"{lab}")

    def pagebreak():
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "SECTION 1 \u2013 ORGANIZATION INFORMATION")
    for k in ORG_KEYS:
        line(k)
    pagebreak()
    heading(doc, "SECTION 2 \u2013 RPA BOT INFORMATION")
    keys2 = SECTION2[ftype][1]
    for k in keys2[:7]:
        line(k)
    pagebreak()
    heading(doc, "SECTION 2 (continued)")
    for k in keys2[7:]:
        line(k)
    heading(doc, "SECTION 3 \u2013 ATTESTATION")
    for k in ATTEST_KEYS:
        line(k)
    dp = os.path.join(tempfile.gettempdir(), "b2_stage1_three_pages.docx")
    doc.save(dp)
    f = "b2_stage1_three_pages_continued.pdf"
    docx_to_pdf(dp, os.path.join(OUT, f))
    expected("b2_stage1_three_pages_continued", f, ftype, sorted_fields(norm),
             "flattened_pdf_multipage_continued",
             "Three-page flattened PDF (python-docx printed by LibreOffice). Page header on every page "
             "'<title>    Page n of 3' (PAGE/NUMPAGES fields), footer 'Form RPA-S1 (Rev. 01/2026)'. "
             "Labels in ALL CAPS with trailing colon ('RPA TOOL VENDOR:  SS&C Blue Prism'). Section 2 "
             "starts on page 2 (tool .. POSC Transactions Requested) and runs on page 3 under the "
             "heading 'SECTION 2 (continued)' (If Other, describe .. Planned Production Date), then "
             "Section 3 on the same page. Choices listed one per line with \u2611/\u2610; the attestation as "
             "'(X) I attest ...'. Monthly 9,000 and weekly 2,250. Out-of-state (NH) business partner.")


# ---------------------------------------------------------------- c1 modification DOCX caps + underscores
def c1():
    ftype = "modification"
    norm = dict(ORGS["harbor"])
    norm.update(stage2_approval_number="RPA2-2025-00233", rpa_user_ids=["HBPRPA07"],
                modification_types=["replace_tool"], new_rpa_tool_name="UiPath Studio",
                new_rpa_tool_vendor="UiPath, Inc.", same_session=True,
                description="Replace the retiring WinAutomation scripts with UiPath Studio for the "
                            "existing claim status bot; no change to screens or transactions.",
                effective_date="2026-08-03")
    norm.update(attest("Gregory Lindqvist", "Managing Partner", "2026-06-11"))
    raw = dict(effective_date="Aug. 3, 2026", signature_date="06-11-2026",
               contact_phone="617 555 0183")
    doc = new_doc(ftype)
    n = 0
    for sec, keys in items_for(ftype):
        heading(doc, sec.upper())
        for key in keys:
            n += 1
            lab = f"{n}. " + label(key, ftype).upper() + ":"
            if key in CHOICES:
                sel = norm.get(key)
                sel = sel if isinstance(sel, list) else [sel]
                doc.add_paragraph(lab + "  " + "   ".join(
                    ("[\u2713] " if ck in sel else "[ ] ") + cl for ck, cl in CHOICES[key].items()))
            elif key in YESNO:
                doc.add_paragraph(lab + " ____Yes.____" if norm[key] else lab + " ____NO____")
            elif key == "attest":
                doc.add_paragraph(f"{n}. [\u2713] " + LABEL["attest"].upper())
            elif key in norm:
                doc.add_paragraph(f"{lab} ____{raw_text(key, norm, raw)}____")
            else:
                doc.add_paragraph(f"{lab} ______________________")
    f = "c1_modification_docx_caps_underscores.docx"
    doc.save(os.path.join(OUT, f))
    expected("c1_modification_docx_caps_underscores", f, ftype, sorted_fields(norm),
             "docx_paragraphs_caps_underscores",
             "Typed DOCX paragraphs; labels numbered and ALL CAPS with trailing colon "
             "('8. CITY: ____Boston____'), values between underscore fill runs, blank fields as bare "
             "underscores (absent). Choices as '[\u2713] Replace RPA Tool   [ ] Increase ...'. "
             "Transaction to Add printed with no box ticked (absent). Same-session answer typed "
             "'____Yes.____' (true). Attestation '[\u2713] I ATTEST ...'. Dates 'Aug. 3, 2026', "
             "'06-11-2026'; phone '617 555 0183'.")


# ---------------------------------------------------------------- c2 stage2 DOCX row content controls
def sdt_row(tr, tag, alias, sid):
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    a = OxmlElement("w:alias")
    a.set(qn("w:val"), alias)
    t = OxmlElement("w:tag")
    t.set(qn("w:val"), tag)
    i = OxmlElement("w:id")
    i.set(qn("w:val"), str(sid))
    pr.extend([a, t, i])
    content = OxmlElement("w:sdtContent")
    sdt.append(pr)
    sdt.append(content)
    tr.addprevious(sdt)
    content.append(tr)


def c2():
    ftype = "stage2"
    norm = dict(ORGS["merrimack"])
    norm.update(stage1_approval_number="RPA1-2026-00112", rpa_tool_name="UiPath Studio",
                rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2025.4",
                transactions=["eligibility_inquiry", "claim_submission"],
                testing_completed=True, testing_completed_date="2026-05-27",
                user_ids_requested=3, docs_enclosed=["rpa_agreement", "test_scenarios"])
    norm.update(attest("Tomas Aguilar", "Compliance Officer", "2026-06-02"))
    raw = dict(testing_completed_date="27 May 2026", signature_date="June 2, 2026",
               contact_phone="9785550149")
    doc = new_doc(ftype)
    sid = 1000
    for sec, keys in items_for(ftype):
        heading(doc, sec)
        tbl = doc.add_table(rows=0, cols=2)
        tbl.style = "Table Grid"
        for key in keys:
            row = tbl.add_row()
            row.cells[0].text = label(key, ftype)
            if key in CHOICES:
                sel = norm.get(key)
                sel = sel if isinstance(sel, list) else [sel]
                row.cells[1].text = "\n".join(("\u2714 " if ck in sel else "\u2003 ") + cl
                                              for ck, cl in CHOICES[key].items())
            elif key in YESNO:
                row.cells[1].text = "Yes." if norm[key] else "NO"
            elif key == "attest":
                row.cells[1].text = "\u2714"
            else:
                row.cells[1].text = raw_text(key, norm, raw) if key in norm else ""
            sid += 1
            sdt_row(row._tr, "row_" + key, label(key, ftype), sid)
    f = "c2_stage2_docx_row_content_controls.docx"
    doc.save(os.path.join(OUT, f))
    expected("c2_stage2_docx_row_content_controls", f, ftype, sorted_fields(norm),
             "docx_row_content_controls",
             "DOCX two-column label | value tables where EVERY table row is wrapped in a rich-text "
             "content control (w:tbl/w:sdt/w:sdtContent/w:tr, alias = label, tag row_<key>), so the "
             "w:tr elements are not direct children of w:tbl. Choices listed one per line in the value "
             "cell, selected ones with \u2714, the others with an em-space; testing yes/no typed 'Yes.'; "
             "attestation cell is a bare \u2714. Systems Design Documentation NOT ticked. Phone "
             "'9785550149', dates '27 May 2026', 'June 2, 2026', ZIP+4.")


# ---------------------------------------------------------------- c3 annual DOCX boxed answers
def c3():
    ftype = "annual_validation"
    norm = dict(ORGS["southshore"])
    norm.update(stage2_approval_number="RPA2-2023-00675", rpa_user_ids=["SSFDG01", "SSFDG02"],
                validation_year=2026, info_current=True, unapproved_changes=False)
    norm.update(attest("Dr. Samuel Okonkwo", "Owner and Managing Dentist", "2026-09-08"))
    raw = dict(rpa_user_ids="SSFDG01\nSSFDG02", signature_date="Sept. 8, 2026",
               contact_phone="(781) 555-0193")
    doc = new_doc(ftype)
    for sec, keys in items_for(ftype):
        heading(doc, sec)
        for key in keys:
            if key == "attest":
                doc.add_paragraph("\u2611 " + LABEL["attest"])
                continue
            p = doc.add_paragraph(label(key, ftype))
            p.paragraph_format.space_after = Pt(1)
            p.paragraph_format.space_before = Pt(6)
            t = doc.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            if key in CHOICES:
                val = CHOICES[key][norm[key]]
            elif key in YESNO:
                val = "Yes." if norm[key] else "NO"
            else:
                val = raw_text(key, norm, raw) if key in norm else ""
            lines = val.split("\n")
            t.cell(0, 0).text = lines[0]
            for ln in lines[1:]:
                t.cell(0, 0).add_paragraph(ln)
    f = "c3_annual_docx_boxed_answers.docx"
    doc.save(os.path.join(OUT, f))
    expected("c3_annual_docx_boxed_answers", f, ftype, sorted_fields(norm), "docx_boxed_answers",
             "DOCX where every label is its own paragraph and the answer sits in a bordered 1x1 table "
             "(Table Grid) directly below it; Doing Business As box left empty (absent). Organization "
             "Type answered by its label text 'MassHealth Provider'. Yes/no typed 'Yes.' "
             "(info_current) and 'NO' (unapproved_changes). RPA User ID(s) one per paragraph in the "
             "box. Attestation as a \u2611 paragraph. Date 'Sept. 8, 2026'.")


# ---------------------------------------------------------------- c4 agreement DOCX underscores
def c4():
    ftype = "rpa_agreement"
    norm = dict(org_legal_name=ORGS["granite"]["org_legal_name"], signer_name="Victor Oduya",
                signer_title="Chief Operating Officer", signature_date="2026-07-14")
    doc = new_doc(ftype)
    doc.add_paragraph(f"This MassHealth RPA Agreement is entered into by the Executive Office of "
                      f"Health and Human Services and the organization named below. The organization "
                      f"agrees to operate its registered RPA bots on the Provider Online Service "
                      f"Center only as approved, to keep bot credentials confidential, to report any "
                      f"change through an RPA Modification Request, and to stop any bot at "
                      f"MassHealth's request.")
    doc.add_paragraph("ORGANIZATION LEGAL NAME: ____" + norm["org_legal_name"] + "____")
    doc.add_paragraph("SIGNATURE: ____/s/ Victor Oduya____")
    doc.add_paragraph("AUTHORIZED SIGNATORY NAME: ____Victor Oduya____")
    doc.add_paragraph("AUTHORIZED SIGNATORY TITLE: ____Chief Operating Officer____")
    doc.add_paragraph("DATE SIGNED: ____07/14/2026____")
    f = "c4_agreement_docx_caps_underscores.docx"
    doc.save(os.path.join(OUT, f))
    expected("c4_agreement_docx_caps_underscores", f, ftype, norm, "docx_paragraphs_caps_underscores",
             "Signed RPA Agreement as DOCX: agreement text, then ALL CAPS 'LABEL: ____value____' "
             "paragraphs (Organization Legal Name, '/s/' signature, signer name, title, Date Signed "
             "07/14/2026). Goes with b2 (same organization).")


# ---------------------------------------------------------------- d1 forwarded email with stage1 PDF
def d1():
    ftype = "stage1"
    norm = dict(ORGS["capeann"])
    norm.update(rpa_tool_name="Robocorp Control Room", rpa_tool_vendor="Robocorp Technologies, Inc.",
                bot_count=1, bot_names=["CACC-Elig"], hosting="on_premises",
                transactions=["eligibility_inquiry"], posc_screens=["Member Eligibility"],
                screens_per_session=3, avg_weekly_transactions=400, est_monthly_transactions=1600,
                planned_go_live="2026-10-05")
    norm.update(attest("Joanne Pelletier", "Executive Director", "2026-08-19"))
    raw = dict(planned_go_live="10/5/2026", signature_date="08/19/2026",
               contact_phone="978-555-0167")
    doc = new_doc(ftype)
    for sec, keys in items_for(ftype):
        heading(doc, sec)
        tbl = doc.add_table(rows=0, cols=2)
        tbl.style = "Table Grid"
        for key in keys:
            row = tbl.add_row()
            row.cells[0].text = label(key, ftype)
            if key in CHOICES:
                sel = norm.get(key)
                sel = sel if isinstance(sel, list) else [sel]
                row.cells[1].text = "  ".join(("(X) " if ck in sel else "( ) ") + cl
                                              for ck, cl in CHOICES[key].items())
            elif key == "attest":
                row.cells[1].text = "(X)"
            else:
                row.cells[1].text = raw_text(key, norm, raw) if key in norm else ""
    dp = os.path.join(tempfile.gettempdir(), "CACC_StageI.docx")
    doc.save(dp)
    pdfp = os.path.join(tempfile.gettempdir(), "CACC_StageI.pdf")
    docx_to_pdf(dp, pdfp)
    pdf = open(pdfp, "rb").read()

    inner = email.message.EmailMessage()
    inner["From"] = "Mei-Lin Chow <mchow@capeanncare.org>"
    inner["To"] = "Joanne Pelletier <jpelletier@capeanncare.org>"
    inner["Subject"] = "Stage I form for the eligibility bot - signed copy"
    inner["Date"] = "Wed, 19 Aug 2026 16:02:11 -0400"
    inner["Message-ID"] = "<20260819160211.4411@capeanncare.org>"
    inner.set_content("Joanne,\n\nHere is the signed Stage I form for the eligibility bot.\n"
                      "Can you forward it to MassHealth?\n\nMei-Lin\n")
    inner.add_attachment(pdf, maintype="application", subtype="pdf",
                         filename="CACC_StageI_signed.pdf")
    outer = email.message.EmailMessage()
    outer["From"] = "Joanne Pelletier <jpelletier@capeanncare.org>"
    outer["To"] = "RPA Functional Coordination <functional.coordination@example.org>"
    outer["Subject"] = "Fwd: Stage I form for the eligibility bot - signed copy"
    outer["Date"] = "Thu, 20 Aug 2026 09:14:37 -0400"
    outer["Message-ID"] = "<20260820091437.77@capeanncare.org>"
    outer.set_content("Hello,\n\nPlease find our Stage I registration attached in the forwarded "
                      "message below.\n\nJoanne Pelletier\nExecutive Director\n")
    outer.add_attachment(inner)   # message/rfc822, Content-Disposition: attachment
    f = "d1_stage1_forwarded_rfc822.eml"
    with open(os.path.join(OUT, f), "wb") as fh:
        fh.write(outer.as_bytes(policy=email.policy.SMTP))
    e = {"file": f, "shape": "email_forwarded_rfc822", "scan": False,
         "description": "Outer email (text body only) whose only attachment is a message/rfc822 "
                        "part: the earlier internal email, which itself carries the Stage I form as "
                        "'CACC_StageI_signed.pdf' (flattened PDF: python-docx table printed by "
                        "LibreOffice, choices marked '(X)' / '( )', attestation '(X)'). RPA Tool "
                        "Version and Bot Operating Hours left empty (absent).",
         "documents": [{"filename": "CACC_StageI_signed.pdf", "form_type": ftype,
                        "form_version": CODES[ftype], "fields": sorted_fields(norm)}]}
    with open(os.path.join(OUT, "d1_stage1_forwarded_rfc822.expected.json"), "w") as fh:
        json.dump(e, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    CASES.append(dict(e, form_type=ftype))


# ---------------------------------------------------------------- e1 test scenarios, repeating section
TS_ROWS = [
    ("TS-01", "Member Eligibility Verification", "Member Eligibility", "Eligibility displayed", "Eligibility displayed", "Pass"),
    ("TS-02", "Member Eligibility Verification", "Member Eligibility", "Inactive member message", "Inactive member message", "Pass"),
    ("TS-03", "Claim Submission (DDE)", "Claims Entry; Claim Confirmation", "ICN returned", "ICN returned", "Pass"),
    ("TS-04", "Claim Submission (DDE)", "Claims Entry", "Edit 0502 shown for bad NPI", "No edit shown", "Fail"),
    ("TS-05", "Claim Submission (DDE)", "Claims Entry; Claim Confirmation", "ICN returned", "ICN returned", "Pass"),
]


def e1():
    doc = Document()
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9)
    heading(doc, "MassHealth RPA Test Scenarios", 14)
    doc.add_paragraph("Organization Legal Name: Merrimack Home Health Services, LLC")
    doc.add_paragraph("Stage I Approval Number: RPA1-2026-00112")
    tbl = doc.add_table(rows=1, cols=6)
    tbl.style = "Table Grid"
    for c, h in zip(tbl.rows[0].cells, ["Scenario ID", "Transaction", "POSC Screen(s)",
                                         "Expected Result", "Actual Result", "Pass/Fail"]):
        c.text = h
    # Word "repeating section" content control: one sdt around all data rows,
    # with one repeating-section-item sdt around each row.
    outer = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    tag = OxmlElement("w:tag")
    tag.set(qn("w:val"), "ScenarioRows")
    pr.append(tag)
    etree.SubElement(pr, W15 + "repeatingSection", nsmap={"w15": W15[1:-1]})
    content = OxmlElement("w:sdtContent")
    outer.extend([pr, content])
    tbl._tbl.append(outer)
    for row in TS_ROWS:
        tr = tbl.add_row()
        for c, v in zip(tr.cells, row):
            c.text = v
        item = OxmlElement("w:sdt")
        ipr = OxmlElement("w:sdtPr")
        etree.SubElement(ipr, W15 + "repeatingSectionItem", nsmap={"w15": W15[1:-1]})
        ic = OxmlElement("w:sdtContent")
        item.extend([ipr, ic])
        tr._tr.addprevious(item)
        ic.append(tr._tr)
        content.append(item)
    f = "e1_test_scenarios_docx_repeating_section.docx"
    doc.save(os.path.join(OUT, f))
    expected("e1_test_scenarios_docx_repeating_section", f, "test_scenarios", {},
             "supporting_docx_repeating_section",
             "Test Scenarios DOCX (goes with c2). The six-column table's data rows sit inside a Word "
             "repeating-section content control (w15:repeatingSection, each row in a "
             "w15:repeatingSectionItem sdt), so no data w:tr is a direct child of w:tbl. TS-04 fails.",
             code=False,
             extra={"scenario_summary": {"eligibility_inquiry": {"scenarios": 2, "passed": 2},
                                         "claim_submission": {"scenarios": 3, "passed": 2}}})


# ---------------------------------------------------------------- e2 systems design flattened pdf
def e2():
    doc = Document()
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9.5)
    sec = doc.sections[0]
    p = sec.header.paragraphs[0]
    p.add_run("Harborview Billing Partners LLC \u2013 Systems Design    Page ")
    fld(p, "PAGE")
    p.add_run(" of ")
    fld(p, "NUMPAGES")
    heading(doc, "MassHealth RPA Systems Design Documentation", 14)
    doc.add_paragraph("Organization Legal Name: Harborview Billing Partners LLC")
    heading(doc, "1. Member Eligibility Verification \u2013 process flow")
    for s in ["1.1 Log in to the POSC with the RPA User ID.",
              "1.2 Open Member Eligibility; enter member ID and date of service.",
              "1.3 Read the eligibility result and write it to the work queue.",
              "1.4 Log out."]:
        doc.add_paragraph(s)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading(doc, "2. Claim Status Inquiry \u2013 process flow")
    for s in ["2.1 Log in; open Claim Status Search.", "2.2 Search by ICN; open Claim Status Detail.",
              "2.3 Record status and denial reasons; log out."]:
        doc.add_paragraph(s)
    dp = os.path.join(tempfile.gettempdir(), "e2_sd.docx")
    doc.save(dp)
    f = "e2_systems_design_two_pages.pdf"
    docx_to_pdf(dp, os.path.join(OUT, f))
    expected("e2_systems_design_two_pages", f, "systems_design", {}, "supporting_pdf",
             "Systems Design Documentation (goes with a1), two flattened pages with a 'Page n of 2' "
             "header; one process flow per transaction, the second on page 2.", code=False,
             extra={"transactions_mentioned": ["claim_status", "eligibility_inquiry"]})


# ---------------------------------------------------------------- f1 s2g DOCX mixed marks
def f1():
    ftype = "stage2_grandfathered"
    norm = dict(ORGS["pvp"])
    norm.update(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.",
                rpa_tool_version="2021.10", bot_count=2, operational_since="2020-11-02",
                current_user_ids=["PVPPOSC3", "PVPPOSC4"],
                transactions=["eligibility_inquiry", "claim_status", "claim_adjustment"],
                screens_per_session=7, avg_weekly_transactions=520, testing_completed=False,
                user_ids_requested=2, docs_enclosed=["rpa_agreement"])
    norm.update(attest("Dr. Helen Marsh", "President", "2026-03-30"))
    raw = dict(operational_since="November 2, 2020", signature_date="3/30/26",
               current_user_ids="PVPPOSC3; PVPPOSC4", contact_phone="413-555-0126")
    doc = new_doc(ftype)
    marks = {"org_type": ("\u2611", "\u2610"), "transactions": ("\u2714", "\u2003"),
             "docs_enclosed": ("(X)", "( )")}
    for sec, keys in items_for(ftype):
        heading(doc, sec)
        for key in keys:
            lab = label(key, ftype)
            if key in CHOICES:
                on, off = marks[key]
                doc.add_paragraph(lab + ":")
                for ln in choice_line(key, norm, on, off, sep="\n").split("\n"):
                    doc.add_paragraph(ln).paragraph_format.left_indent = Pt(18)
            elif key in YESNO:
                doc.add_paragraph(f"{lab}: " + ("Yes." if norm[key] else "NO"))
            elif key == "attest":
                doc.add_paragraph("[\u2713] " + lab)
            elif key in norm:
                doc.add_paragraph(f"{lab}: {raw_text(key, norm, raw)}")
            else:
                doc.add_paragraph(f"{lab}:")
    f = "f1_s2g_docx_mixed_marks.docx"
    doc.save(os.path.join(OUT, f))
    expected("f1_s2g_docx_mixed_marks", f, ftype, sorted_fields(norm), "docx_paragraphs_mixed_marks",
             "Typed DOCX 'Label: value' paragraphs, choices one per indented paragraph with a "
             "different mark per group: Organization Type \u2611/\u2610, POSC Transactions \u2714 "
             "(unselected lines start with an em-space), Supporting Documentation '(X)'/'( )', "
             "attestation '[\u2713]'. Testing yes/no typed 'NO' (false; a business problem the service "
             "should report), so Testing Completion Date is blank (absent). Dates 'November 2, 2020', "
             "'3/30/26'.")


def main():
    for fn in (a1, a2, a3, a4, b1, b2, c1, c2, c3, c4, d1, e1, e2, f1):
        fn()
        print("made", CASES[-1]["file"])
    for e in CASES:
        p = os.path.join(OUT, e["file"])
        assert os.path.getsize(p) < 150_000, p


if __name__ == "__main__":
    main()
