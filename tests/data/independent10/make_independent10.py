#!/usr/bin/env python3
"""Tenth independent (blind) sample set, drawn from /work/shared/SPEC.md only.

Run:  /work/main/.venv/bin/python tests/data/independent10/make_independent10.py [CASE ...]

Writes every document and its <case>.expected.json into this directory.  Scratch files go to
/work/wt/_work10/.  No project module is imported.  Every expected value comes from the same
value table the document is drawn from (CASES below).
"""
import datetime as dt
import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = Path("/work/wt/_work10")
WORK.mkdir(parents=True, exist_ok=True)
RNG = random.Random(10010)

# ----------------------------------------------------------------------------- SPEC tables
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

# re-typed, abbreviated labels (shape class "abbreviated labels")
ABBREV = {
    "org_legal_name": "Org. Legal Name", "org_dba": "DBA", "org_type": "Org. Type",
    "provider_id": "PID/SL", "npi": "NPI #", "fein": "FEIN / Tax ID", "street": "Address",
    "city": "City/Town", "state": "St.", "zip": "Zip", "contact_name": "Contact",
    "contact_title": "Contact Title", "contact_email": "Contact E-mail",
    "contact_phone": "Contact Tel.",
    "attest": "Attestation \u2013 info on this form is true & complete",
    "signer_name": "Signed by (Name)", "signer_title": "Signer Title", "signature_date": "Date",
    "rpa_tool_name": "RPA Product", "rpa_tool_vendor": "Vendor", "rpa_tool_version": "Ver.",
    "bot_count": "No. of Bots", "bot_names": "Bot Names", "hosting": "Hosting",
    "transactions": "POSC Txns", "transactions_other": "Other (describe)",
    "posc_screens": "POSC Screens", "screens_per_session": "Max Screens/Session",
    "avg_weekly_transactions": "Avg Txns/Wk", "est_monthly_transactions": "Est. Txns/Mo",
    "operating_hours": "Operating Hrs", "planned_go_live": "Go-Live Date",
    "stage1_approval_number": "Stage I Appr. #",
    "testing_completed": "Testing done in MassHealth TPTE?",
    "testing_completed_date": "Testing Compl. Date", "user_ids_requested": "# RPA User IDs Req.",
    "docs_enclosed": "Docs Enclosed", "operational_since": "Operational on POSC since",
    "current_user_ids": "Current POSC User IDs", "stage2_approval_number": "Stage II Appr. #",
    "rpa_user_ids": "RPA User IDs", "modification_types": "Mod. Type",
    "new_rpa_tool_name": "New RPA Product", "new_rpa_tool_vendor": "New Vendor",
    "new_screens_per_session": "New Max Screens/Session", "added_transaction": "Txn to Add",
    "same_session": "Same bot session?", "description": "Description", "effective_date": "Eff. Date",
    "validation_year": "Year", "info_current": "Info on file current & accurate?",
    "unapproved_changes": "Bot modified w/o MH approval since last validation?",
}

TXN = [("eligibility_inquiry", "Member Eligibility Verification"),
       ("claim_submission", "Claim Submission (DDE)"), ("claim_status", "Claim Status Inquiry"),
       ("claim_adjustment", "Claim Adjustment/Void"),
       ("prior_authorization", "Prior Authorization Request"),
       ("remittance_advice", "Remittance Advice Download"), ("other", "Other DDE Activity")]
TXN_LABEL = dict(TXN)
TXN_SHORT = {"eligibility_inquiry": "Elig. Verification", "claim_submission": "Claim Submission (DDE)",
             "claim_status": "Claim Status", "claim_adjustment": "Claim Adj./Void",
             "prior_authorization": "Prior Auth Request", "remittance_advice": "RA Download",
             "other": "Other DDE Activity"}
OPTIONS = {
    "org_type": [("provider", "MassHealth Provider"), ("business_partner", "Business Partner"),
                 ("relationship_entity", "Relationship Entity")],
    "hosting": [("on_premises", "On-Premises"), ("cloud", "Cloud"), ("vendor_hosted", "Vendor-Hosted")],
    "transactions": TXN,
    "added_transaction": TXN,
    "docs_enclosed": [("rpa_agreement", "MassHealth RPA Agreement"),
                      ("systems_design", "Systems Design Documentation"),
                      ("test_scenarios", "Test Scenarios")],
    "modification_types": [("replace_tool", "Replace RPA Tool"),
                           ("increase_screens", "Increase POSC Screens per Session"),
                           ("decrease_screens", "Decrease POSC Screens per Session"),
                           ("add_sequential_transaction", "Add Sequential Transaction in Same Session"),
                           ("retire_bot", "Retire Bot"), ("other", "Other")],
}
SHORT_OPTIONS = {"org_type": {"provider": "MH Provider", "business_partner": "Bus. Partner",
                              "relationship_entity": "Rel. Entity"},
                 "transactions": TXN_SHORT, "added_transaction": TXN_SHORT}
YESNO = {"testing_completed", "same_session", "info_current", "unapproved_changes"}
SETS = {"transactions", "docs_enclosed", "modification_types"}
CHOICE = {"org_type", "hosting", "added_transaction"}
LISTS = {"bot_names", "posc_screens", "current_user_ids", "rpa_user_ids"}
DATES = {"signature_date", "planned_go_live", "testing_completed_date", "operational_since",
         "effective_date"}
INTS = {"bot_count", "screens_per_session", "avg_weekly_transactions", "est_monthly_transactions",
        "user_ids_requested", "new_screens_per_session", "validation_year"}
LONG = {"description", "posc_screens", "transactions_other", "operating_hours"}

ORG_KEYS = ["org_legal_name", "org_dba", "org_type", "provider_id", "npi", "fein", "street", "city",
            "state", "zip", "contact_name", "contact_title", "contact_email", "contact_phone"]
ATT_KEYS = ["attest", "signer_name", "signer_title", "signature_date"]
TOOL = ["rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version"]
LAYOUT = {
    "stage1": [("Section 1 \u2013 Organization Information", ORG_KEYS),
               ("Section 2 \u2013 RPA Tool and Bots", TOOL + ["bot_count", "bot_names", "hosting"]),
               ("Section 3 \u2013 POSC Use", ["transactions", "transactions_other", "posc_screens",
                                              "screens_per_session", "avg_weekly_transactions",
                                              "est_monthly_transactions", "operating_hours",
                                              "planned_go_live"]),
               ("Section 4 \u2013 Attestation", ATT_KEYS)],
    "stage2": [("Section 1 \u2013 Organization Information", ORG_KEYS),
               ("Section 2 \u2013 Stage I Reference and RPA Tool", ["stage1_approval_number"] + TOOL),
               ("Section 3 \u2013 Transactions and Testing",
                ["transactions", "testing_completed", "testing_completed_date", "user_ids_requested",
                 "docs_enclosed"]),
               ("Section 4 \u2013 Attestation", ATT_KEYS)],
    "stage2_grandfathered": [
        ("Section 1 \u2013 Organization Information", ORG_KEYS),
        ("Section 2 \u2013 Bot in Operation", ["operational_since", "current_user_ids"] + TOOL +
         ["bot_count", "screens_per_session", "avg_weekly_transactions"]),
        ("Section 3 \u2013 Transactions and Testing",
         ["transactions", "testing_completed", "testing_completed_date", "user_ids_requested",
          "docs_enclosed"]),
        ("Section 4 \u2013 Attestation", ATT_KEYS)],
    "modification": [("Section 1 \u2013 Organization Information", ORG_KEYS),
                     ("Section 2 \u2013 Registration", ["stage2_approval_number", "rpa_user_ids"]),
                     ("Section 3 \u2013 Requested Modification",
                      ["modification_types", "new_rpa_tool_name", "new_rpa_tool_vendor",
                       "new_screens_per_session", "added_transaction", "same_session",
                       "description", "effective_date"]),
                     ("Section 4 \u2013 Attestation", ATT_KEYS)],
    "annual_validation": [("Section 1 \u2013 Organization Information", ORG_KEYS),
                          ("Section 2 \u2013 Registration on File",
                           ["stage2_approval_number", "rpa_user_ids", "validation_year",
                            "info_current", "unapproved_changes"]),
                          ("Section 3 \u2013 Attestation", ATT_KEYS)],
    "rpa_agreement": [("Signature", ["org_legal_name", "signer_name", "signer_title",
                                     "signature_date"])],
}
AGREEMENT_TEXT = [
    "This MassHealth RPA Agreement is entered into by the organization named below and the "
    "Massachusetts Executive Office of Health and Human Services, Office of Medicaid (MassHealth).",
    "1. The organization shall operate robotic process automation (RPA) bots on the Provider "
    "Online Service Center (POSC) only as registered and approved by MassHealth, and only under "
    "the RPA User IDs assigned to those bots.",
    "2. The organization shall keep the bot's credentials confidential, shall not exceed the "
    "approved number of POSC screens per bot session, and shall notify MassHealth before any "
    "change to the RPA tool or the bot's transactions.",
    "3. The organization remains responsible for every transaction a bot performs and shall "
    "validate its registration every year.",
]


# ----------------------------------------------------------------------------- identifiers
def luhn_npi(nine):
    digits = "80840" + nine
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return nine + str((10 - total % 10) % 10)


def npi():
    return luhn_npi("1" + "".join(RNG.choice("0123456789") for _ in range(8)))


def fein():
    return "%02d-%07d" % (RNG.randint(10, 88), RNG.randint(1000000, 9999999))


def pid():
    return "1100%05d%s" % (RNG.randint(10000, 99999), RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))


def org(name, dba, otype, street, city, zipc, cname, ctitle, email, phone, state="MA"):
    d = {"org_legal_name": name, "org_dba": dba, "org_type": otype, "fein": fein(),
         "street": street, "city": city, "state": state, "zip": zipc, "contact_name": cname,
         "contact_title": ctitle, "contact_email": email, "contact_phone": phone}
    if otype == "provider":
        d["provider_id"] = pid()
        d["npi"] = npi()
    return {k: v for k, v in d.items() if v is not None}


ORGS = {
    "merrimack": org("Merrimack Valley Pediatric Associates, P.C.", "MV Pediatrics", "provider",
                     "410 Broadway, Suite 3", "Methuen", "01844", "Rosalind Achterberg",
                     "Revenue Cycle Manager", "rachterberg@mvpediatrics.org", "978-555-0131"),
    "harborview": org("Harborview Billing Partners, LLC", None, "business_partner",
                      "77 Summer Street, 9th Floor", "Boston", "02110-1004", "Tobias Nakashima",
                      "Automation Lead", "t.nakashima@harborviewbilling.com", "617-555-0179"),
    "berkshire": org("Berkshire Hills Home Health, Inc.", "BHHH", "provider", "12 Wendell Avenue",
                     "Pittsfield", "01201", "Marguerite Delacroix-Oyelaran", "Billing Director",
                     "mdelacroix@bhhh.org", "413-555-0164"),
    "nantucket": org("Nantucket Sound Behavioral Health Collaborative", None, "relationship_entity",
                     "5 Old South Road", "Nantucket", "02554", "Eamon Whitcombe",
                     "Operations Analyst", "ewhitcombe@nsbhc.org", "508-555-0112"),
    "pioneer": org("Pioneer Valley Dialysis Center, LLC", "PVDC", "provider", "1 Hampden Street",
                   "Springfield", "01103", "Anjali Raghunathan", "Director of Patient Accounts",
                   "araghunathan@pvdialysis.com", "413-555-0190"),
    "quabbin": org("Quabbin Data Services Corp.", "QDS", "business_partner",
                   "220 Main Street", "Amherst", "01002", "Lorenzo Facchetti", "RPA Engineer",
                   "lfacchetti@quabbindata.com", "413-555-0107"),
    "salem": org("Salem Harbor Community Pharmacy Cooperative", "Harbor Rx", "provider",
                 "93 Derby Street", "Salem", "01970", "Priya Venkataraman", "Pharmacy Manager",
                 "pvenkataraman@harborrx.coop", "978-555-0158"),
    "granite": org("Granite State Claims Automation, Inc.", None, "business_partner",
                   "1000 Elm Street", "Manchester", "03101", "Wendell Osei-Bonsu", "CTO",
                   "wosei@gsclaims.io", "603-555-0144", state="NH"),
    "worcester": org("Worcester County Physical Therapy Group", "WCPT", "provider",
                     "340 Park Avenue", "Worcester", "01609", "Colette Marchetti",
                     "Office Administrator", "cmarchetti@wcptgroup.com", "508-555-0126"),
    "charles": org("Charles River Health Information Exchange", "CR-HIE", "relationship_entity",
                   "25 First Street", "Cambridge", "02141", "Dmitri Alvarez-Huang",
                   "Integration Manager", "dalvarez@crhie.org", "617-555-0183"),
    "plymouth": org("Plymouth Rock Skilled Nursing & Rehabilitation", None, "provider",
                    "8 Samoset Street", "Plymouth", "02360", "Beatrix Holloway",
                    "Business Office Manager", "bholloway@plymouthrocksnf.com", "508-555-0171"),
    "mystic": org("Mystic Seaport Dental Partners, P.C.", "Mystic Dental", "provider",
                  "61 High Street", "Medford", "02155", "Oluwaseun Adebayo", "Practice Administrator",
                  "sadebayo@mysticdental.net", "781-555-0139"),
    "cape": org("Cape Cod Revenue Solutions, LLC", "CCRS", "business_partner", "15 Barnstable Road",
                "Hyannis", "02601", "Ingeborg Sorensen", "Managing Partner",
                "isorensen@capecodrev.com", "508-555-0105"),
    "lowell": org("Lowell Community Health Network, Inc.", "LCHN", "provider", "161 Jackson Street",
                  "Lowell", "01852", "Sokha Chhim", "Revenue Integrity Supervisor",
                  "schhim@lchn.org", "978-555-0122"),
    "blue": org("Blue Hills Care Coordination Alliance", None, "relationship_entity",
                "2 Granite Avenue", "Milton", "02186", "Fiona MacAllister", "Program Director",
                "fmacallister@bluehillscca.org", "617-555-0148"),
    "taunton": org("Taunton River Ambulance Service, Inc.", "TRAS", "provider", "44 Winthrop Street",
                   "Taunton", "02780", "Ravi Subramaniam", "Billing Supervisor",
                   "rsubramaniam@trambulance.com", "508-555-0196"),
}


def att(name, title, date):
    return {"attest": True, "signer_name": name, "signer_title": title, "signature_date": date}


# ----------------------------------------------------------------------------- formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(iso, style):
    if not isinstance(iso, str) or len(iso) != 10 or iso[4] != "-":
        return str(iso)
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:])
    mon = MONTHS[m - 1]
    return {"us": "%02d/%02d/%d" % (m, d, y), "usshort": "%d/%d/%d" % (m, d, y),
            "long": "%s %d, %d" % (mon, d, y), "iso": iso, "dmy": "%d %s %d" % (d, mon, y),
            "abbr": "%s %d, %d" % (mon[:3], d, y), "dmyabbr": "%02d-%s-%d" % (d, mon[:3], y),
            "usdash": "%02d-%02d-%d" % (m, d, y)}[style]


def fmt_phone(p, style):
    if len(p) != 12:
        return p
    a, b, c = p[:3], p[4:7], p[8:]
    return {"paren": "(%s) %s-%s" % (a, b, c), "dash": p, "dots": "%s.%s.%s" % (a, b, c),
            "plus": "+1 %s %s %s" % (a, b, c), "digits": a + b + c}[style]


def disp(key, val, st):
    """Display text of one value (sets and choices: chosen option labels)."""
    if val is None:
        return ""
    if key in DATES:
        return fmt_date(val, st.get("date", "us"))
    if key == "contact_phone":
        return fmt_phone(val, st.get("phone", "paren"))
    if key in INTS:
        if isinstance(val, int) and val >= 1000 and key != "validation_year":
            return "{:,}".format(val)
        return str(val)
    if key in LISTS:
        return st.get("sep", "; ").join(val)
    if key in YESNO:
        return "Yes" if val else "No"
    if key == "attest":
        return "Yes" if val else ""
    if key in SETS or key in CHOICE:
        vals = val if isinstance(val, list) else [val]
        lab = dict(OPTIONS[key])
        return ", ".join(opt_label(key, v, st) for v in vals if v in lab)
    return str(val)


def opt_label(key, v, st):
    if st.get("short_opts") and key in SHORT_OPTIONS and v in SHORT_OPTIONS[key]:
        return SHORT_OPTIONS[key][v]
    return dict(OPTIONS[key])[v]


def options_of(key, val, st):
    """[(label, checked)] for a choice/set/yes-no key."""
    if key in YESNO:
        return [("Yes", val is True), ("No", val is False)]
    chosen = set(val if isinstance(val, list) else ([val] if val else []))
    return [(opt_label(key, k, st), k in chosen) for k, _ in OPTIONS[key]]


def is_choice(key):
    return key in YESNO or key in SETS or key in CHOICE


def label_of(key, st, ft=None):
    lab = (ABBREV if st.get("abbrev") else LABELS)[key]
    if key == "transactions" and ft in ("stage2", "stage2_grandfathered") and not st.get("abbrev"):
        lab = "POSC Transactions"
    if key == "rpa_user_ids" and ft == "annual_validation" and not st.get("abbrev"):
        lab = "RPA User ID(s)"
    return lab


def normalized(fields):
    out = {}
    for k, v in fields.items():
        if v is None or v == "" or v == []:
            continue
        if k in SETS and isinstance(v, list):
            v = sorted(v)
        out[k] = v
    return out


def footer_text(ft, st):
    code = CODES.get(ft)
    if not code:
        return ""
    return st.get("footer", "Form %s (Rev. 10/2026)" % code).replace("{code}", code)


# ----------------------------------------------------------------------------- reportlab layout
from reportlab.lib.pagesizes import letter, landscape  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rlcanvas  # noqa: E402

DJ = "/usr/share/fonts/truetype/dejavu/"
for _n, _f in [("DJSans", "DejaVuSans.ttf"), ("DJSansB", "DejaVuSans-Bold.ttf"),
               ("DJSerif", "DejaVuSerif.ttf"), ("DJSerifB", "DejaVuSerif-Bold.ttf"),
               ("DJMono", "DejaVuSansMono.ttf"), ("DJCond", "DejaVuSansCondensed.ttf"),
               ("DJCondB", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(_n, DJ + _f))

COMB = {"fein": ([2, 7], "-"), "zip": ([5, 4], "-"), "state": ([2], ""), "provider_id": ([10], ""),
        "npi": ([10], ""), "contact_phone": ([3, 3, 4], "-"), "stage1_approval_number": ([4, 4, 5], "-"),
        "stage2_approval_number": ([4, 4, 5], "-")}
for _k in DATES:
    COMB[_k] = ([2, 2, 4], "/")
COMB_INT = {"bot_count": 2, "screens_per_session": 3, "user_ids_requested": 2,
            "avg_weekly_transactions": 6, "est_monthly_transactions": 6, "validation_year": 4,
            "new_screens_per_session": 3}


def comb_chars(key, val):
    """Characters per comb group for a value (invalid values fill left to right)."""
    if key in COMB_INT:
        s = str(val)
        return [[""] * (COMB_INT[key] - len(s)) + list(s)]
    groups, sep = COMB[key]
    if key in DATES and isinstance(val, str) and len(val) == 10 and val[4] == "-":
        raw = val[5:7] + val[8:10] + val[:4]
    elif key == "contact_phone":
        raw = val.replace("-", "")
    else:
        raw = val.replace(sep, "") if sep else val
    out, i = [], 0
    for g in groups:
        out.append([raw[i + j] if i + j < len(raw) else "" for j in range(g)])
        i += g
    return out


def wrap(text, font, size, width):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if pdfmetrics.stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


class Layout:
    """Lays a form out into pages of drawing ops; 'value' ops are what the filler typed."""

    def __init__(self, ft, fields, st, pagesize=letter):
        self.ft, self.f, self.st = ft, fields, st
        self.W, self.H = pagesize
        self.pages = []
        self.lab_font = st.get("lab_font", "Helvetica")
        self.lab_bold = st.get("lab_bold", "Helvetica-Bold")
        self.val_font = st.get("val_font", "Helvetica")
        self.x0, self.vx = 50, st.get("vx", 252)
        self.vx1 = self.W - 50
        self.comb = st.get("comb", False)
        self.new_page()

    def new_page(self):
        self.ops = []
        self.pages.append(self.ops)
        self.y = self.H - 56
        n = len(self.pages)
        ft = footer_text(self.ft, self.st)
        txt = (ft + "    " if ft else "") + "Page %d" % n
        self.ops.append(("text", self.x0, 30, txt, self.lab_font, 7.5))

    def need(self, h):
        if self.y - h < 60:
            self.new_page()

    def title(self, text, sub=None):
        for line in wrap(text, self.lab_bold, 14, self.W - 100):
            self.ops.append(("text", self.x0, self.y, line, self.lab_bold, 14))
            self.y -= 18
        if sub:
            self.ops.append(("text", self.x0, self.y, sub, self.lab_font, 8.5))
            self.y -= 14
        self.y -= 4

    def heading(self, text):
        self.need(40)
        self.y -= 6
        self.ops.append(("fillrect", self.x0, self.y - 4, self.W - 100, 15, 0.85))
        self.ops.append(("text", self.x0 + 4, self.y, text, self.lab_bold, 10))
        self.y -= 20

    def para(self, text, size=9.5):
        for line in wrap(text, self.lab_font, size, self.W - 100):
            self.need(14)
            self.ops.append(("text", self.x0, self.y, line, self.lab_font, size))
            self.y -= size + 3.5
        self.y -= 5

    def field(self, key):
        st, val = self.st, self.f.get(key)
        lab = label_of(key, st, self.ft)
        if key == "attest":
            return self.attest(lab, val)
        lab_lines = wrap(lab, self.lab_font, 8.5, self.vx - self.x0 - 10)
        if is_choice(key):
            return self.choice(key, lab_lines, val)
        if self.comb and (key in COMB or key in COMB_INT):
            return self.comb_field(key, lab_lines, val)
        text = disp(key, val, st)
        width = self.vx1 - self.vx - 6
        vlines = wrap(text, self.val_font, 9.5, width) if text else [""]
        h = max(len(lab_lines) * 10.5, len(vlines) * 12) + 6
        self.need(h + 4)
        self.labels(lab_lines)
        self.ops.append(("rect", self.vx, self.y - h + 9, self.vx1 - self.vx, h))
        yy = self.y - 1
        for vl in vlines:
            if vl:
                self.ops.append(("value", self.vx + 4, yy, vl, self.val_font, 9.5))
            yy -= 12
        self.y -= h + 4

    def labels(self, lab_lines):
        yy = self.y
        for ll in lab_lines:
            self.ops.append(("text", self.x0, yy, ll, self.lab_font, 8.5))
            yy -= 10.5

    def comb_field(self, key, lab_lines, val):
        h = max(len(lab_lines) * 10.5, 16) + 4
        self.need(h + 4)
        self.labels(lab_lines)
        groups = comb_chars(key, val) if val not in (None, "") else None
        spec = [COMB_INT[key]] if key in COMB_INT else COMB[key][0]
        sep = "" if key in COMB_INT else COMB[key][1]
        x, bw = self.vx, 14
        for gi, g in enumerate(spec):
            if gi and sep:
                self.ops.append(("text", x + 2, self.y - 2, sep, self.lab_bold, 10))
                x += 10
            elif gi:
                x += 6
            for j in range(g):
                self.ops.append(("rect", x, self.y - 6, bw, 16))
                ch = groups[gi][j] if groups else ""
                if ch:
                    self.ops.append(("cvalue", x + bw / 2, self.y - 1, ch, self.val_font, 10))
                x += bw
        self.y -= h + 4

    def choice(self, key, lab_lines, val):
        opts = options_of(key, val, self.st)
        rows, cur, cx = [], [], self.vx
        for lab, on in opts:
            w = 14 + pdfmetrics.stringWidth(lab, self.lab_font, 8.5) + 12
            if cx + w > self.vx1 and cur:
                rows.append(cur)
                cur, cx = [], self.vx
            cur.append((cx, lab, on))
            cx += w
        rows.append(cur)
        h = max(len(lab_lines) * 10.5, len(rows) * 13) + 4
        self.need(h + 4)
        self.labels(lab_lines)
        yy = self.y
        for row in rows:
            for cx, lab, on in row:
                self.mark(cx, yy, on)
                self.ops.append(("text", cx + 13, yy, lab, self.lab_font, 8.5))
            yy -= 13
        self.y -= h + 4

    def mark(self, x, y, on):
        glyphs = self.st.get("glyphs")
        if glyphs:
            self.ops.append(("value" if on else "text", x, y, glyphs[0] if on else glyphs[1],
                             "DJSans", 9.5))
            return
        self.ops.append(("rect", x, y - 1.5, 8.5, 8.5))
        if on:
            self.ops.append(("cvalue", x + 4.25, y, self.st.get("xmark", "X"), "Helvetica-Bold", 8))

    def attest(self, lab, val):
        lines = wrap(lab, self.lab_font, 8.5, self.W - 120)
        self.need(len(lines) * 10.5 + 8)
        self.mark(self.x0, self.y, bool(val))
        yy = self.y
        for ll in lines:
            self.ops.append(("text", self.x0 + 14, yy, ll, self.lab_font, 8.5))
            yy -= 10.5
        self.y = yy - 6

    def form(self):
        ft, st = self.ft, self.st
        self.title(TITLES[ft], st.get("subtitle"))
        if ft == "rpa_agreement":
            for p in AGREEMENT_TEXT:
                self.para(p)
        for sec, keys in LAYOUT[ft]:
            self.heading(sec)
            for k in keys:
                self.field(k)
        if ft == "rpa_agreement":
            self.need(30)
            self.ops.append(("text", self.x0, self.y, "Signature", self.lab_font, 8.5))
            self.ops.append(("line", self.vx, self.y - 3, self.vx1, self.y - 3))
            sig = st.get("sig_text")
            if sig:
                self.ops.append(("value", self.vx + 4, self.y, sig, "Helvetica-Oblique", 10))
            self.sig_pos = (len(self.pages) - 1, self.vx, self.y - 3)
            self.y -= 24
        return self.pages


def paint(path, pages, mode="inline", pagesize=letter, value_color=(0, 0, 0)):
    """Draw layout pages; mode 'inline' (all in order), 'overlay' (template in a Form XObject,
    values drawn after it) or 'blank' (no values; they are returned for annotations)."""
    c = rlcanvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    c.setTitle(path.stem if hasattr(path, "stem") else "form")
    held = []
    for pno, ops in enumerate(pages):
        tmpl = [o for o in ops if o[0] not in ("value", "cvalue")]
        vals = [o for o in ops if o[0] in ("value", "cvalue")]
        if mode == "overlay":
            name = "tmpl%d" % pno
            c.beginForm(name)
            draw_ops(c, tmpl)
            c.endForm()
            c.doForm(name)
            c.setFillColorRGB(*value_color)
            draw_ops(c, vals)
        elif mode == "blank":
            draw_ops(c, tmpl)
            held.extend((pno,) + o for o in vals)
        else:
            draw_ops(c, ops)
        c.showPage()
    c.save()
    return held


def draw_ops(c, ops):
    for o in ops:
        kind = o[0]
        if kind in ("text", "value"):
            c.setFont(o[4], o[5])
            c.drawString(o[1], o[2], o[3])
        elif kind == "cvalue":
            c.setFont(o[4], o[5])
            c.drawCentredString(o[1], o[2], o[3])
        elif kind == "rect":
            c.setLineWidth(0.6)
            c.rect(o[1], o[2], o[3], o[4])
        elif kind == "fillrect":
            c.saveState()
            c.setFillGray(o[5])
            c.rect(o[1], o[2], o[3], o[4], stroke=0, fill=1)
            c.restoreState()
        elif kind == "line":
            c.setLineWidth(0.6)
            c.line(o[1], o[2], o[3], o[4])


def rl_form(path, ft, fields, st, mode="inline"):
    lay = Layout(ft, fields, st)
    pages = lay.form()
    held = paint(path, pages, mode, value_color=st.get("value_color", (0, 0, 0)))
    return lay, held


# ----------------------------------------------------------------------------- pypdf helpers
from pypdf import PdfReader, PdfWriter, Transformation, PageObject  # noqa: E402
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject,  # noqa: E402
                           NumberObject, StreamObject, TextStringObject)


def _pdfstr(s):
    b = s.encode("cp1252", "replace")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _font_helv(writer):
    return writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))


def _stream(writer, data, bbox, resources=None):
    s = StreamObject()
    s._data = data
    s.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
              NameObject("/BBox"): ArrayObject([FloatObject(v) for v in bbox])})
    if resources is not None:
        s[NameObject("/Resources")] = resources
    return writer._add_object(s)


def add_freetext(writer, page, x, y, text, size, helv, color=(0, 0, 0.55), date_str="D:20261201120000"):
    """An Acrobat 'Fill & Sign'/Preview-style FreeText annotation with its own appearance."""
    w = len(text) * size * 0.56 + 6
    rect = [x - 2, y - 3, x + w, y + size + 1]
    ap = b"/Tx BMC q BT %.3f %.3f %.3f rg /Helv %.1f Tf 2 3 Td (" % (color + (size,)) + \
        _pdfstr(text) + b") Tj ET Q EMC"
    res = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/Helv"): helv})})
    apref = _stream(writer, ap, [0, 0, rect[2] - rect[0], rect[3] - rect[1]], res)
    annot = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        NameObject("/Contents"): TextStringObject(text),
        NameObject("/DA"): TextStringObject("%.3f %.3f %.3f rg /Helv %.1f Tf" % (color + (size,))),
        NameObject("/F"): NumberObject(4), NameObject("/M"): TextStringObject(date_str),
        NameObject("/T"): TextStringObject("Preparer"),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): apref})})
    ref = writer._add_object(annot)
    if "/Annots" not in page:
        page[NameObject("/Annots")] = ArrayObject()
    page["/Annots"].append(ref)


def add_ink(writer, page, x, y, w=150):
    """A hand-drawn signature as an /Ink annotation."""
    rnd = random.Random(int(x * 7 + y))
    pts = []
    for i in range(26):
        pts += [x + i * w / 25.0, y + 6 + 8 * ((i % 4) in (1, 2)) * rnd.uniform(0.4, 1.0)]
    rect = [x - 2, y - 2, x + w + 2, y + 22]
    path = b"0 0 0.4 RG 1.1 w 1 J 1 j " + b"%.2f %.2f m " % (pts[0] - rect[0], pts[1] - rect[1])
    for i in range(2, len(pts), 2):
        path += b"%.2f %.2f l " % (pts[i] - rect[0], pts[i + 1] - rect[1])
    path += b"S"
    apref = _stream(writer, path, [0, 0, rect[2] - rect[0], rect[3] - rect[1]], DictionaryObject())
    annot = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Ink"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        NameObject("/InkList"): ArrayObject([ArrayObject([FloatObject(v) for v in pts])]),
        NameObject("/F"): NumberObject(4), NameObject("/C"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(0.4)]),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): apref})})
    ref = writer._add_object(annot)
    if "/Annots" not in page:
        page[NameObject("/Annots")] = ArrayObject()
    page["/Annots"].append(ref)


def fill_and_sign(path, ft, fields, st, ink=False):
    """Blank printed form + the values as FreeText annotations (not AcroForm, not page text)."""
    tmp = WORK / (path.stem + "_blank.pdf")
    lay, held = rl_form(tmp, ft, fields, st, mode="blank")
    w = PdfWriter(clone_from=str(tmp))
    helv = _font_helv(w)
    for pno, kind, x, y, text, font, size in held:
        if kind == "cvalue":
            x -= len(text) * size * 0.28
        add_freetext(w, w.pages[pno], x, y, text, 10 if kind == "value" else size, helv)
    if ink and hasattr(lay, "sig_pos"):
        pno, x, y = lay.sig_pos
        add_ink(w, w.pages[pno], x + 6, y + 1)
    w.write(str(path))


def n_up(src, dst):
    """'2 pages per sheet' print: source pages scaled side by side on landscape sheets."""
    r = PdfReader(str(src))
    w = PdfWriter()
    W, H = landscape(letter)
    s = min((W / 2 - 18) / 612.0, (H - 36) / 792.0)
    for i in range(0, len(r.pages), 2):
        sheet = PageObject.create_blank_page(width=W, height=H)
        for j, p in enumerate(r.pages[i:i + 2]):
            tx = 12 + j * W / 2 + (W / 2 - 24 - 612 * s) / 2
            ty = (H - 792 * s) / 2
            sheet.merge_transformed_page(p, Transformation().scale(s).translate(tx, ty))
        w.add_page(sheet)
    w.write(str(dst))


def rotate_stored(src, dst, rot):
    """Store each upright portrait page turned by -rot degrees and set /Rotate rot, so a viewer
    that honours /Rotate shows it upright."""
    r = PdfReader(str(src))
    w = PdfWriter()
    for p in r.pages:
        pw, ph = float(p.mediabox.width), float(p.mediabox.height)
        if rot in (90, 270):
            page = PageObject.create_blank_page(width=ph, height=pw)
            if rot == 90:   # displayed = stored turned 90 cw; store it turned 90 ccw
                t = Transformation().rotate(90).translate(ph, 0)
            else:
                t = Transformation().rotate(-90).translate(0, pw)
        else:
            page = PageObject.create_blank_page(width=pw, height=ph)
            t = Transformation().rotate(180).translate(pw, ph)
        page.merge_transformed_page(p, t)
        page[NameObject("/Rotate")] = NumberObject(rot)
        w.add_page(page)
    w.write(str(dst))


# ----------------------------------------------------------------------------- fillable comb PDF
def fillable_comb(path, ft, fields, st):
    """reportlab AcroForm: comb text fields (/Ff comb, /MaxLen) for codes and dates, the FEIN as
    nine one-character fields, opaque Spanish-style names, printed labels at the left."""
    from reportlab.lib.colors import black, white
    c = rlcanvas.Canvas(str(path), pagesize=letter, invariant=1)
    form = c.acroForm
    W, H = letter
    y = [H - 56]
    page = [1]
    seq = [0]

    def foot():
        c.setFont("Helvetica", 7.5)
        c.drawString(50, 30, footer_text(ft, st) + "    Page %d" % page[0])

    def need(h):
        if y[0] - h < 60:
            foot()
            c.showPage()
            page[0] += 1
            y[0] = H - 56

    def name(stem):
        seq[0] += 1
        return "%s_%02d" % (stem, seq[0])

    c.setFont("Helvetica-Bold", 14)
    for line in wrap(TITLES[ft], "Helvetica-Bold", 14, W - 100):
        c.drawString(50, y[0], line)
        y[0] -= 18
    vx = 262
    for sec, keys in LAYOUT[ft]:
        need(40)
        y[0] -= 6
        c.setFillGray(0.85)
        c.rect(50, y[0] - 4, W - 100, 15, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(54, y[0], sec)
        y[0] -= 22
        for key in keys:
            val = fields.get(key)
            lab = label_of(key, st, ft)
            if key == "attest":
                need(24)
                form.checkbox(name="casilla_atest", x=50, y=y[0] - 3, size=11, checked=bool(val),
                              buttonStyle="check", borderColor=black, fillColor=white)
                c.setFont("Helvetica", 8.5)
                c.drawString(66, y[0], lab)
                y[0] -= 22
                continue
            lines = wrap(lab, "Helvetica", 8.5, vx - 60)
            if is_choice(key):
                opts = options_of(key, val, st)
                need(14 * len(opts) + 6)
                c.setFont("Helvetica", 8.5)
                for i, ll in enumerate(lines):
                    c.drawString(50, y[0] - i * 10.5, ll)
                stem = "casilla" if key in SETS else "opcion"
                for lab2, on in opts:
                    form.checkbox(name=name(stem), x=vx, y=y[0] - 3, size=10, checked=on,
                                  buttonStyle="cross", borderColor=black, fillColor=white)
                    c.setFont("Helvetica", 8.5)
                    c.drawString(vx + 14, y[0], lab2)
                    y[0] -= 14
                y[0] -= max(0, 10.5 * len(lines) - 14 * len(opts)) + 6
                continue
            need(max(24, 10.5 * len(lines) + 10))
            c.setFont("Helvetica", 8.5)
            for i, ll in enumerate(lines):
                c.drawString(50, y[0] - i * 10.5, ll)
            if key == "fein":
                raw = (val or "").replace("-", "")
                x = vx
                for i in range(9):
                    if i == 2:
                        c.setFont("Helvetica-Bold", 10)
                        c.drawString(x + 2, y[0], "-")
                        x += 10
                    form.textfield(name="ein_digito_%d" % (i + 1), value=raw[i] if i < len(raw) else "",
                                   x=x, y=y[0] - 5, width=15, height=17, maxlen=1, fontSize=10,
                                   borderColor=black, fillColor=white, fontName="Helvetica")
                    x += 15
            elif key in COMB or key in COMB_INT:
                if key in COMB_INT:
                    n, text = COMB_INT[key], "" if val is None else str(val)
                else:
                    n = sum(COMB[key][0]) + len(COMB[key][0]) - 1
                    text = disp(key, val, {"date": "us", "phone": "dash"}) if val else ""
                    if key == "zip":
                        n = 10
                form.textfield(name=name("peine"), value=text, x=vx, y=y[0] - 5, width=15 * n,
                               height=17, maxlen=n, fieldFlags="comb", fontSize=10,
                               borderColor=black, fillColor=white, fontName="Courier")
            else:
                text = disp(key, val, st)
                tall = key in LONG and len(text) > 60
                hh = 30 if tall else 17
                form.textfield(name=name("campo"), value=text, x=vx, y=y[0] - 5 - (hh - 17),
                               width=W - 50 - vx, height=hh, fontSize=9, borderColor=black,
                               fillColor=white, fontName="Helvetica",
                               fieldFlags="multiline" if tall else "")
                y[0] -= hh - 17
            y[0] -= max(24, 10.5 * len(lines) + 10)
    foot()
    c.showPage()
    c.save()


def need_appearances(path):
    """Ask viewers to redraw the widgets (so comb fields are spread over their boxes); /DR names
    the /Helv and /ZaDb fonts the widgets' /DA strings use."""
    from pypdf.generic import BooleanObject
    w = PdfWriter(clone_from=str(path))
    af = w._root_object["/AcroForm"]
    af[NameObject("/NeedAppearances")] = BooleanObject(True)
    zadb = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    cour = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Courier"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    fonts = DictionaryObject({NameObject("/Helv"): _font_helv(w), NameObject("/ZaDb"): zadb,
                              NameObject("/Cour"): cour})
    af[NameObject("/DR")] = DictionaryObject({NameObject("/Font"): fonts})
    af[NameObject("/DA")] = TextStringObject("/Helv 0 Tf 0 g")
    w.write(str(path))


# ----------------------------------------------------------------------------- HTML -> Chromium
from html import escape as h  # noqa: E402


def chromium(html, dst, landscape_page=False):
    src = WORK / (dst.stem + ".html")
    src.write_text(html, encoding="utf-8")
    prof = WORK / "chrome-profile"
    cmd = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
           "--proxy-server=127.0.0.1:9", "--no-pdf-header-footer", "--user-data-dir=%s" % prof,
           "--print-to-pdf=%s" % dst, "file://%s" % src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    # Chromium stamps the print time; pin it so reruns give the same bytes
    w = PdfWriter(clone_from=str(dst))
    w.add_metadata({"/CreationDate": "D:20261130100000+00'00'", "/ModDate": "D:20261130100000+00'00'"})
    w._ID = None
    w.write(str(dst))


def html_form(ft, fields, st):
    """A re-typed web/HTML form: a two-column label | value table per section."""
    g_on, g_off = st.get("glyphs", ("\u2612", "\u2610"))
    css = st.get("css", "")
    rows = []
    for sec, keys in LAYOUT[ft]:
        rows.append('<tr><th colspan="2" class="sec">%s</th></tr>' % h(sec))
        for key in keys:
            val = fields.get(key)
            lab = label_of(key, st, ft)
            if key == "attest":
                rows.append('<tr><td colspan="2" class="att"><span class="mk">%s</span> %s</td></tr>'
                            % (g_on if val else g_off, h(lab)))
                continue
            if is_choice(key):
                cell = " ".join('<span class="opt"><span class="mk">%s</span>&nbsp;%s</span>'
                                % (g_on if on else g_off, h(l)) for l, on in options_of(key, val, st))
            elif key in LISTS and st.get("list_br"):
                cell = "<br>".join(h(x) for x in (val or []))
            else:
                cell = h(disp(key, val, st))
            rows.append('<tr><td class="lab">%s</td><td class="val">%s</td></tr>' % (h(lab), cell))
    code = footer_text(ft, st)
    page = st.get("page_css", "@page { size: Letter; margin: 0.6in 0.6in 0.7in 0.6in; }")
    return """<!doctype html><html><head><meta charset="utf-8"><style>
%s
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
h1 { font-size: 14pt; margin: 0 0 4pt 0; } .sub { font-size: 8pt; color: #444; margin-bottom: 8pt; }
table { border-collapse: collapse; width: 100%%; }
td, th { border: 0.6pt solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th.sec { background: #dfe6ee; font-size: 10pt; }
td.lab { width: 36%%; font-weight: bold; } .opt { margin-right: 10pt; white-space: nowrap; }
.mk { font-family: 'DejaVu Sans'; } .foot { margin-top: 10pt; font-size: 7.5pt; color: #333; }
%s
</style></head><body><h1>%s</h1><div class="sub">%s</div><table>%s</table>
<div class="foot">%s</div></body></html>""" % (page, css, h(TITLES[ft]), h(st.get("subtitle", "")),
                                                "\n".join(rows), h(code))


# ----------------------------------------------------------------------------- DOCX
import docx  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, Inches  # noqa: E402


def new_doc(font="Calibri", size=10, landscape_page=False):
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Office Staff"
    cp.created = cp.modified = dt.datetime(2026, 11, 2, 9, 0, 0)
    cp.last_modified_by = "Office Staff"
    cp.revision = 1
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    if landscape_page:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Inches(0.8))
    sec.top_margin = sec.bottom_margin = Inches(0.7)
    return d


def set_footer(d, text):
    if text:
        d.sections[0].footer.paragraphs[0].text = text


def save_docx(d, path):
    buf = io.BytesIO()
    d.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(str(path), "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))


def shade(cell, fill="D9E2F3"):
    tcPr = cell._tc.get_or_add_tcPr()
    s = OxmlElement("w:shd")
    s.set(qn("w:val"), "clear")
    s.set(qn("w:color"), "auto")
    s.set(qn("w:fill"), fill)
    tcPr.append(s)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    trPr.append(e)


def marks_text(key, val, st):
    on, off = st.get("glyphs", ("\u2612", "\u2610"))
    return "   ".join("%s %s" % (on if o else off, l) for l, o in options_of(key, val, st))


def docx_table_form(path, ft, fields, st):
    """Typed two-column label | value table (labels as the organization re-typed them)."""
    d = new_doc(st.get("font", "Calibri"), st.get("size", 10))
    d.add_paragraph().add_run(TITLES[ft]).bold = True
    if st.get("subtitle"):
        d.add_paragraph(st["subtitle"])
    for sec, keys in LAYOUT[ft]:
        p = d.add_paragraph()
        p.add_run(sec).bold = True
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for key in keys:
            val = fields.get(key)
            lab = label_of(key, st, ft) + st.get("colon", "")
            r = t.add_row()
            if key == "attest":
                on, off = st.get("glyphs", ("\u2612", "\u2610"))
                r.cells[0].merge(r.cells[1])
                r.cells[0].text = "%s %s" % (on if val else off, label_of(key, st, ft))
                continue
            r.cells[0].text = lab
            shade(r.cells[0])
            if is_choice(key):
                r.cells[1].text = marks_text(key, val, st)
            else:
                r.cells[1].text = disp(key, val, st)
        for row in t.rows:
            row.cells[0].width = Inches(2.4)
    set_footer(d, footer_text(ft, st))
    save_docx(d, path)


def docx_para_form(path, ft, fields, st):
    """Typed 'Label: value' paragraphs; choices as glyph marks on the line."""
    d = new_doc(st.get("font", "Arial"), st.get("size", 10))
    d.add_paragraph().add_run(TITLES[ft]).bold = True
    for sec, keys in LAYOUT[ft]:
        p = d.add_paragraph()
        p.add_run(sec.upper()).bold = True
        for key in keys:
            val = fields.get(key)
            lab = label_of(key, st, ft)
            if key == "attest":
                on, off = st.get("glyphs", ("\u2612", "\u2610"))
                d.add_paragraph("%s %s" % (on if val else off, lab))
                continue
            p = d.add_paragraph()
            p.add_run(lab + ": ").bold = True
            p.add_run(marks_text(key, val, st) if is_choice(key) else disp(key, val, st))
            p.paragraph_format.space_after = Pt(2)
    set_footer(d, footer_text(ft, st))
    save_docx(d, path)


def _run(text, bold=False):
    r = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _fld(kind):
    r = OxmlElement("w:r")
    f = OxmlElement("w:fldChar")
    f.set(qn("w:fldCharType"), kind)
    r.append(f)
    return r


def _instr(text):
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def merge_field(p, name, result):
    """A MERGEFIELD complex field with its merged result (what Word shows after the merge)."""
    el = p._p
    el.append(_fld("begin"))
    el.append(_instr(" MERGEFIELD %s \\* MERGEFORMAT " % name))
    el.append(_fld("separate"))
    el.append(_run(result if result else "\u00ab%s\u00bb" % name if result is None and False else result or ""))
    el.append(_fld("end"))


def merge_check(p, name, on, label):
    """{ IF { MERGEFIELD name } = "Y" "☒" "☐" } with its cached result, then the option text."""
    el = p._p
    el.append(_fld("begin"))
    el.append(_instr(" IF "))
    el.append(_fld("begin"))
    el.append(_instr(" MERGEFIELD %s " % name))
    el.append(_fld("separate"))
    el.append(_run("Y" if on else "N"))
    el.append(_fld("end"))
    el.append(_instr(' = "Y" "\u2612" "\u2610" '))
    el.append(_fld("separate"))
    el.append(_run("\u2612" if on else "\u2610"))
    el.append(_fld("end"))
    el.append(_run(" " + label + "   "))


def camel(key):
    return "".join(w.capitalize() for w in key.split("_"))


def docx_merge_form(path, ft, fields, st):
    """Mail-merged form: every value is the result of a MERGEFIELD; choices are IF fields."""
    d = new_doc(st.get("font", "Cambria"), 10)
    d.add_paragraph().add_run(TITLES[ft]).bold = True
    if ft == "rpa_agreement":
        for ptxt in AGREEMENT_TEXT:
            d.add_paragraph(ptxt)
    for sec, keys in LAYOUT[ft]:
        d.add_paragraph().add_run(sec).bold = True
        t = d.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        for key in keys:
            val = fields.get(key)
            r = t.add_row()
            lab = label_of(key, st, ft)
            if key == "attest":
                r.cells[0].merge(r.cells[1])
                merge_check(r.cells[0].paragraphs[0], "Attest", bool(val), lab)
                continue
            r.cells[0].text = lab
            p = r.cells[1].paragraphs[0]
            if is_choice(key):
                for (k, l), (_, on) in zip(
                        OPTIONS[key] if key not in YESNO else [("yes", "Yes"), ("no", "No")],
                        options_of(key, val, st)):
                    merge_check(p, camel(key) + "_" + camel(k), on, l if key in YESNO else opt_label(key, k, st))
            else:
                merge_field(p, camel(key), disp(key, val, st))
    if ft == "rpa_agreement":
        p = d.add_paragraph("Signature: ")
        merge_field(p, "SignatureLine", st.get("sig_text", ""))
    set_footer(d, footer_text(ft, st))
    save_docx(d, path)


def sdt_cell(cell, text, tag, maxlen=None):
    """Put a cell's text inside a plain-text content control (w:sdt in the paragraph)."""
    p = cell.paragraphs[0]
    for r in list(p._p):
        if r.tag == qn("w:r"):
            p._p.remove(r)
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    al = OxmlElement("w:alias")
    al.set(qn("w:val"), tag)
    tg = OxmlElement("w:tag")
    tg.set(qn("w:val"), tag)
    pr.append(al)
    pr.append(tg)
    pr.append(OxmlElement("w:text"))
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    content.append(_run(text))
    sdt.append(content)
    p._p.append(sdt)


def formtext_cell(cell, text, name, maxlen=0):
    """Put a cell's text inside a legacy FORMTEXT field (Word 97-2003 protected-form box)."""
    p = cell.paragraphs[0]
    for r in list(p._p):
        if r.tag == qn("w:r"):
            p._p.remove(r)
    begin = _fld("begin")
    ff = OxmlElement("w:ffData")
    nm = OxmlElement("w:name")
    nm.set(qn("w:val"), name[:20])
    ff.append(nm)
    ff.append(OxmlElement("w:enabled"))
    coe = OxmlElement("w:calcOnExit")
    coe.set(qn("w:val"), "0")
    ff.append(coe)
    ti = OxmlElement("w:textInput")
    if maxlen:
        ml = OxmlElement("w:maxLength")
        ml.set(qn("w:val"), str(maxlen))
        ti.append(ml)
    ff.append(ti)
    begin[0].append(ff)
    p._p.append(begin)
    p._p.append(_instr(" FORMTEXT "))
    p._p.append(_fld("separate"))
    p._p.append(_run(text if text else "\u2002" * 5))
    p._p.append(_fld("end"))


def docx_comb_form(path, ft, fields, st):
    """Word table with one character per cell for codes, numbers and dates (a comb in Word);
    with st['sdt'] every filled cell holds its character in its own content control."""
    NC = 13
    seq = []
    d = new_doc(st.get("font", "Segoe UI"), 9)
    d.add_paragraph().add_run(TITLES[ft]).bold = True
    for sec, keys in LAYOUT[ft]:
        d.add_paragraph().add_run(sec).bold = True
        t = d.add_table(rows=0, cols=NC + 1)
        t.style = "Table Grid"
        for key in keys:
            val = fields.get(key)
            r = t.add_row()
            lab = label_of(key, st, ft)
            if key == "attest":
                a = r.cells[0].merge(r.cells[NC])
                on, off = st.get("glyphs", ("\u2612", "\u2610"))
                a.text = "%s %s" % (on if val else off, lab)
                continue
            r.cells[0].text = lab
            if key in COMB or key in COMB_INT:
                chars = []
                if val not in (None, ""):
                    groups = comb_chars(key, val)
                    sep = "" if key in COMB_INT else COMB[key][1]
                    for gi, g in enumerate(groups):
                        if gi and sep:
                            chars.append(sep)
                        chars.extend(g)
                for i in range(NC):
                    ch = chars[i] if i < len(chars) else ""
                    if st.get("sdt") and ch and ch not in "-/":
                        sdt_cell(r.cells[i + 1], ch, "%s_%d" % (camel(key), i + 1))
                    elif st.get("legacy") and ch not in "-/":
                        formtext_cell(r.cells[i + 1], ch, "Text%d" % (seq.append(1) or len(seq)), 1)
                    else:
                        r.cells[i + 1].text = ch
            else:
                a = r.cells[1].merge(r.cells[NC])
                text = marks_text(key, val, st) if is_choice(key) else disp(key, val, st)
                if st.get("sdt") and not is_choice(key) and text:
                    sdt_cell(a, text, camel(key))
                elif st.get("legacy") and not is_choice(key):
                    formtext_cell(a, text, "Text%d" % (seq.append(1) or len(seq)))
                else:
                    a.text = text
        for row in t.rows:
            row.cells[0].width = Inches(2.3)
    set_footer(d, footer_text(ft, st))
    save_docx(d, path)


# ----------------------------------------------------------------------------- supporting docs
SCREENS = {
    "eligibility_inquiry": ["Member Search", "Eligibility Detail", "Coverage Summary"],
    "claim_submission": ["DDE Claim Entry", "Service Line Detail", "Claim Confirmation"],
    "claim_status": ["Claim Search", "Claim Detail", "Status History"],
    "claim_adjustment": ["Paid Claim Lookup", "Adjust/Void Request", "Request Confirmation"],
    "prior_authorization": ["PA Request Entry", "PA Attachments", "PA Submission Receipt"],
    "remittance_advice": ["RA Search", "RA Download List", "File Download"],
    "other": ["Provider Profile", "Correspondence List"],
}
CHECKS = {
    "eligibility_inquiry": ["active member, single plan", "member with managed care plan",
                            "member not found", "member with termination date in range",
                            "date of service in the past 90 days", "member with two coverages"],
    "claim_submission": ["professional claim, one line", "claim with three service lines",
                         "claim with secondary diagnosis", "claim rejected for missing NPI",
                         "claim with modifier", "resubmission after edit"],
    "claim_status": ["paid claim", "pended claim", "denied claim", "claim number not found",
                     "search by date range", "claim with multiple lines"],
    "claim_adjustment": ["adjust units on a paid claim", "void a paid claim",
                         "adjust a claim older than 90 days", "void with reason code",
                         "adjust rendering provider"],
    "prior_authorization": ["new PA request", "PA with attachment", "PA for out-of-state service",
                            "PA request missing diagnosis", "PA extension request"],
    "remittance_advice": ["download latest RA", "RA for a date range", "no RA for the week",
                          "RA with adjustments", "RA file naming check"],
    "other": ["update correspondence preference", "read a provider letter"],
}


def scenario_rows(prefix, plan):
    """plan: [(txn, n, failing indexes)] -> rows and the expected summary."""
    rows, counts = [], {}
    k = 1
    for txn, n, fails in plan:
        counts[txn] = 0
        for i in range(n):
            scr = SCREENS[txn]
            screens = ", ".join(scr[: 2 + (i % 2)]) if len(scr) > 2 else ", ".join(scr)
            chk = CHECKS[txn][i % len(CHECKS[txn])]
            ok = i not in fails
            exp = "Bot completes the %s case and logs the result" % chk
            act = ("Completed as expected; result logged" if ok else
                   "Bot stopped at %s; timeout after 60 s" % scr[-1])
            rows.append(["%s-%02d" % (prefix, k), TXN_LABEL[txn], screens,
                         "%s: %s" % (chk[0].upper() + chk[1:], exp[0].lower() + exp[1:]), act,
                         "Pass" if ok else "Fail"])
            counts[txn] += ok
            k += 1
    return rows, {"transactions": sorted(counts), "scenario_pass_counts": dict(sorted(counts.items()))}


TS_HEAD = ["Scenario ID", "Transaction", "POSC Screen(s)", "Expected Result", "Actual Result",
           "Pass/Fail"]
TS_TITLE = "MassHealth RPA Test Scenarios"


def ts_platypus(path, orgname, rows, intro):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ps = ParagraphStyle("c", fontName="Helvetica", fontSize=8, leading=9.5)
    hs = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=8, leading=9.5)
    doc = SimpleDocTemplate(str(path), pagesize=landscape(letter), leftMargin=36, rightMargin=36,
                            topMargin=40, bottomMargin=40, invariant=1, title=TS_TITLE)
    data = [[Paragraph(x, hs) for x in TS_HEAD]] + [[Paragraph(h(x), ps) for x in r] for r in rows]
    t = Table(data, colWidths=[60, 110, 120, 200, 160, 50], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0.3, 0.3, 0.3)),
                           ("BACKGROUND", (0, 0), (-1, 0), (0.82, 0.86, 0.92)),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    tit = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=14, leading=17)

    def onpage(c, d):
        c.setFont("Helvetica", 7.5)
        c.drawString(36, 24, "%s \u2013 %s    Page %d" % (TS_TITLE, orgname, d.page))
    doc.build([Paragraph(TS_TITLE, tit), Paragraph(h(orgname), ps), Spacer(1, 4),
               Paragraph(h(intro), ps), Spacer(1, 8), t], onFirstPage=onpage, onLaterPages=onpage)


def ts_html(path, orgname, rows, intro, rowspan=False):
    body = []
    i = 0
    while i < len(rows):
        r = rows[i]
        if rowspan:
            n = 1
            while i + n < len(rows) and rows[i + n][1] == r[1]:
                n += 1
            for j in range(n):
                rr = rows[i + j]
                cells = ["<td>%s</td>" % h(rr[0])]
                if j == 0:
                    cells.append('<td rowspan="%d" class="tx">%s</td>' % (n, h(rr[1])))
                cells += ["<td>%s</td>" % h(x) for x in rr[2:]]
                body.append("<tr>%s</tr>" % "".join(cells))
            i += n
        else:
            body.append("<tr>%s</tr>" % "".join("<td>%s</td>" % h(x) for x in r))
            i += 1
    html = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: Letter landscape; margin: 0.5in; }
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans'; font-size: 8.5pt; }
h1 { font-size: 15pt; margin: 0; } table { border-collapse: collapse; width: 100%%; }
thead { display: table-header-group; } tr { page-break-inside: avoid; }
th { background: #264b73; color: white; text-align: left; }
th, td { border: 0.5pt solid #888; padding: 3pt 4pt; vertical-align: top; } td.tx { background: #eef3f8; }
</style></head><body><h1>%s</h1><p>%s<br>%s</p><table><thead><tr>%s</tr></thead><tbody>%s</tbody></table>
</body></html>""" % (TS_TITLE, h(orgname), h(intro), "".join("<th>%s</th>" % x for x in TS_HEAD),
                     "\n".join(body))
    chromium(html, path)


def ts_docx(path, orgname, rows, intro, cover=False):
    d = new_doc("Calibri", 9, landscape_page=True)
    if cover:
        from docx.enum.text import WD_BREAK
        for _ in range(8):
            d.add_paragraph()
        r = d.add_paragraph().add_run(TS_TITLE)
        r.bold, r.font.size = True, Pt(26)
        d.add_paragraph("Prepared for MassHealth \u2013 RPA registration, Stage II")
        d.add_paragraph(orgname).add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph().add_run(TS_TITLE).bold = True
    d.add_paragraph(orgname)
    d.add_paragraph(intro)
    t = d.add_table(rows=1, cols=6)
    t.style = "Table Grid"
    for c, x in zip(t.rows[0].cells, TS_HEAD):
        c.text = x
        c.paragraphs[0].runs[0].bold = True
        shade(c, "BDD7EE")
    repeat_header(t.rows[0])
    for r in rows:
        cells = t.add_row().cells
        for c, x in zip(cells, r):
            c.text = x
    save_docx(d, path)


def ts_fill_and_sign(path, orgname, rows, intro):
    """Blank printed scenario table, the rows typed in as FreeText annotations."""
    tmp = WORK / (path.stem + "_blank.pdf")
    W, H = landscape(letter)
    c = rlcanvas.Canvas(str(tmp), pagesize=(W, H), invariant=1)
    cols = [36, 96, 206, 326, 526, 686, 756]
    c.setFont("Helvetica-Bold", 14)
    c.drawString(36, H - 48, TS_TITLE)
    c.setFont("Helvetica", 9)
    c.drawString(36, H - 64, "Organization: ______________________________   (type the rows below)")
    top, rh = H - 90, 26
    nrows = len(rows) + 3
    c.setFont("Helvetica-Bold", 8)
    for i, x in enumerate(TS_HEAD):
        c.drawString(cols[i] + 3, top - 13, x)
    for j in range(nrows + 2):
        c.line(36, top - j * rh, 756, top - j * rh)
    for x in cols:
        c.line(x, top, x, top - (nrows + 1) * rh)
    c.setFont("Helvetica", 7)
    c.drawString(36, 24, TS_TITLE + "    Page 1")
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=str(tmp))
    helv = _font_helv(w)
    pg = w.pages[0]
    add_freetext(w, pg, 100, H - 64, orgname, 9, helv)
    for j, r in enumerate(rows):
        y = top - (j + 1) * rh - 11
        for i, x in enumerate(r):
            width = cols[i + 1] - cols[i] - 6
            lines = wrap(x, "Helvetica", 6.5, width)
            for li, ln in enumerate(lines[:2]):
                add_freetext(w, pg, cols[i] + 3, y + 4 - li * 8, ln, 6.5, helv)
    w.write(str(path))


SD_TITLE = "RPA Systems Design Documentation"


def sd_steps(txn):
    scr = SCREENS[txn]
    steps = [("Log in", "POSC Login", "Bot signs in with its RPA User ID and reads the work queue")]
    for i, s in enumerate(scr):
        steps.append(("Step %d" % (i + 2), s, "Bot opens %s, enters the queued values and waits for the page" % s))
    steps.append(("Record", "Work queue (internal)", "Bot writes the outcome and a screenshot reference"))
    steps.append(("Log out", "POSC Home", "Bot signs out; session ends"))
    return steps


def sd_platypus(path, orgname, txns, pagesize=letter):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, PageBreak
    ps = ParagraphStyle("c", fontName="Times-Roman", fontSize=10, leading=12.5)
    cs = ParagraphStyle("cs", fontName="Times-Roman", fontSize=9, leading=11)
    h2 = ParagraphStyle("h2", fontName="Times-Bold", fontSize=12, leading=15, spaceBefore=6)
    tit = ParagraphStyle("t", fontName="Times-Bold", fontSize=16, leading=19)
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, invariant=1, title=SD_TITLE,
                            topMargin=50, bottomMargin=50)
    story = [Paragraph(SD_TITLE, tit), Paragraph(h(orgname), ps), Spacer(1, 6),
             Paragraph("This document describes the process flow of each bot transaction end to end, "
                       "listing every POSC screen the bot touches. Transactions covered: %s."
                       % h(", ".join(TXN_LABEL[t] for t in txns)), ps)]
    for n, t in enumerate(txns):
        story.append(Paragraph("%d. Process flow \u2013 %s" % (n + 1, h(TXN_LABEL[t])), h2))
        data = [["Step", "POSC screen / system", "Bot action"]]
        rows = sd_steps(t) + [("Check %d.%d" % (i + 1, j + 1), s,
                               "Bot compares value group %d shown on %s with the work item; a mismatch "
                               "parks the item for a person" % (j + 1, s))
                              for i, s in enumerate(SCREENS[t]) for j in range(4)]
        rows += [("Retry", s, "On error the bot reloads %s once, then parks the item" % s) for s in SCREENS[t]]
        data += [[a, b, Paragraph(h(c), cs)] for a, b, c in rows]
        tb = Table(data, colWidths=[60, 140, 300], repeatRows=1)
        tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0.4, 0.4, 0.4)),
                                ("FONT", (0, 0), (-1, 0), "Times-Bold"),
                                ("FONT", (0, 1), (1, -1), "Times-Roman"),
                                ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [tb, Spacer(1, 8)]
        if n == 0 and len(txns) > 2:
            story.append(PageBreak())

    def onpage(c, d):
        c.setFont("Times-Roman", 8)
        c.drawString(72, 30, "%s \u2013 %s    Page %d" % (SD_TITLE, orgname, d.page))
    doc.build(story, onFirstPage=onpage, onLaterPages=onpage)


def sd_docx(path, orgname, txns):
    d = new_doc("Georgia", 10)
    d.add_paragraph().add_run("Systems Design Documentation \u2013 RPA Bot").bold = True
    d.add_paragraph(orgname)
    d.add_paragraph("Scope: the bot performs %s. Every POSC screen the bot touches is listed per "
                    "transaction, in order, end to end." % ", ".join(TXN_LABEL[t] for t in txns))
    for n, t in enumerate(txns):
        d.add_paragraph().add_run("%d  %s \u2013 process flow" % (n + 1, TXN_LABEL[t])).bold = True
        tb = d.add_table(rows=1, cols=3)
        tb.style = "Table Grid"
        for c, x in zip(tb.rows[0].cells, ["Step", "POSC screen / system", "Bot action"]):
            c.text = x
            shade(c, "E2EFD9")
        repeat_header(tb.rows[0])
        for a, b, c in sd_steps(t) + [("Exception", s, "Screenshot, park the item, alert the operator")
                                      for s in SCREENS[t]]:
            cells = tb.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = a, b, c
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "Systems Design Documentation \u2013 %s" % orgname
    save_docx(d, path)


def sd_html(path, orgname, txns):
    parts = []
    for t in txns:
        lis = "".join("<li><b>%s</b> \u2013 %s: %s</li>" % (h(a), h(b), h(c)) for a, b, c in sd_steps(t))
        parts.append("<section><h2>%s</h2><ol>%s</ol></section>" % (h(TXN_LABEL[t]), lis))
    html = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: Letter; margin: 0.8in; } body { font-family: 'DejaVu Serif'; font-size: 10pt; }
.cover { height: 8.5in; display: flex; flex-direction: column; justify-content: center; text-align: center;
 page-break-after: always; } .cover h1 { font-size: 24pt; } section { page-break-inside: avoid; }
h2 { font-size: 13pt; border-bottom: 1pt solid #999; }
</style></head><body><div class="cover"><h1>Systems Design Documentation</h1><p>RPA bot for the
MassHealth Provider Online Service Center</p><p>%s</p><p>Version 1.2 \u2013 November 2026</p></div>
<h2>1 Overview</h2><p>The bot covers these transactions: %s. Each flow below runs end to end and names every
POSC screen the bot touches.</p>%s</body></html>""" % (h(orgname), h(", ".join(TXN_LABEL[t] for t in txns)),
                                                         "".join(parts))
    chromium(html, path)


# ----------------------------------------------------------------------------- scans
def scan(src, dst, dpi, tilt, q=55, flip_pages=(), fax_header=None, seed=0):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    rnd = random.Random(seed)
    base = WORK / (dst.stem + "_pg")
    for old in WORK.glob(dst.stem + "_pg*"):
        old.unlink()
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(src), str(base)], check=True)
    imgs = []
    for i, pf in enumerate(sorted(WORK.glob(dst.stem + "_pg*.pgm"))):
        im = Image.open(pf).convert("L")
        if fax_header:
            dr = ImageDraw.Draw(im)
            fnt = ImageFont.truetype(DJ + "DejaVuSansMono.ttf", int(dpi * 0.1))
            dr.text((int(dpi * 0.3), int(dpi * 0.12)), fax_header % (i + 1), fill=20, font=fnt)
        ang = tilt * (1 if i % 2 == 0 else 0.7)
        im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
        px = im.load()
        w, hh = im.size
        for _ in range(int(w * hh * 0.0015)):
            x, y = rnd.randrange(w), rnd.randrange(hh)
            px[x, y] = rnd.choice((0, 60, 120))
        for _ in range(40):
            x, y, r = rnd.randrange(w), rnd.randrange(hh), rnd.randint(1, 3)
            ImageDraw.Draw(im).ellipse((x, y, x + r, y + r), fill=rnd.randint(0, 90))
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        im = im.point(lambda v: int(v * 0.93 + 12))
        if i in flip_pages:
            im = im.rotate(180)
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=q)
        imgs.append(Image.open(io.BytesIO(buf.getvalue())))
    fixed = dt.datetime(2026, 11, 30, 10, 0, 0).timetuple()
    imgs[0].save(str(dst), "PDF", resolution=float(dpi), save_all=True, append_images=imgs[1:],
                 creationDate=fixed, modDate=fixed, producer="ScanSnap Manager", title=dst.stem)


# ----------------------------------------------------------------------------- e-mail
from email.mime.application import MIMEApplication  # noqa: E402
from email.mime.image import MIMEImage  # noqa: E402
from email.mime.multipart import MIMEMultipart  # noqa: E402
from email.mime.text import MIMEText  # noqa: E402
from email.header import Header  # noqa: E402

MIME = {".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def tiny_png():
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (120, 40), (20, 60, 110))
    ImageDraw.Draw(im).text((8, 12), "logo", fill=(255, 255, 255))
    b = io.BytesIO()
    im.save(b, "PNG")
    return b.getvalue()


def eml_outlook(path, frm, subj, date, body, atts):
    """Outlook/Exchange shape: mixed > related(alternative(plain, html), image001.png) + files;
    file names RFC 2047-encoded in name= and filename=."""
    root = MIMEMultipart("mixed", boundary="_004_SN6PR04MB4013A1B2C3D4E5F6_")
    for k, v in [("From", frm), ("To", "RPA Registration <functional.coordination@example.org>"),
                 ("Subject", subj), ("Date", date), ("Message-ID", "<%s@EX-MBX01.example.net>" % path.stem),
                 ("Thread-Topic", subj), ("Thread-Index", "AdtEe1dyI1xQ0m3+Sx2QpVb4Lq0v7g=="),
                 ("Accept-Language", "en-US"), ("Content-Language", "en-US"),
                 ("X-MS-Has-Attach", "yes"), ("X-MS-TNEF-Correlator", ""),
                 ("X-Mailer", "Microsoft Outlook 16.0")]:
        root[k] = v
    rel = MIMEMultipart("related", boundary="_003_SN6PR04MB4013A1B2C3D4E5F6_")
    alt = MIMEMultipart("alternative", boundary="_000_SN6PR04MB4013A1B2C3D4E5F6_")
    alt.attach(MIMEText(body, "plain", "utf-8"))
    html = "<html><body><div style='font-family:Calibri'>%s<br><img src='cid:image001.png@01DB4E2A.1C3F5A70'></div></body></html>" % (
        "<br>".join(h(x) for x in body.split("\n")))
    alt.attach(MIMEText(html, "html", "utf-8"))
    rel.attach(alt)
    img = MIMEImage(tiny_png(), "png")
    img.add_header("Content-ID", "<image001.png@01DB4E2A.1C3F5A70>")
    img.add_header("Content-Disposition", "inline", filename="image001.png")
    rel.attach(img)
    root.attach(rel)
    for fname, data in atts:
        maintype, sub = MIME[Path(fname).suffix].split("/")
        part = MIMEApplication(data, sub)
        enc = Header(fname, "utf-8").encode()
        del part["Content-Type"]
        part["Content-Type"] = '%s/%s; name="%s"' % (maintype, sub, enc)
        part["Content-Description"] = enc
        part["Content-Disposition"] = 'attachment; filename="%s"; size=%d; creation-date="Tue, 01 Dec 2026 14:02:11 GMT"' % (enc, len(data))
        root.attach(part)
    path.write_bytes(root.as_bytes())


def eml_gmail(path, frm, subj, date, body, atts):
    """Gmail shape: mixed > alternative(plain, html) + attachments with X-Attachment-Id."""
    root = MIMEMultipart("mixed", boundary="000000000000a1b2c3d4e5f60718")
    for k, v in [("MIME-Version", "1.0"), ("From", frm),
                 ("Date", date), ("Message-ID", "<CAF%s+mx0Q@mail.gmail.com>" % path.stem.upper()),
                 ("Subject", subj), ("To", "functional.coordination@example.org")]:
        if k in root:
            del root[k]
        root[k] = v
    alt = MIMEMultipart("alternative", boundary="000000000000a1b2c3d4e5f60717")
    alt.attach(MIMEText(body, "plain", "utf-8"))
    alt.attach(MIMEText('<div dir="ltr">%s</div>' % "<br>".join(h(x) for x in body.split("\n")), "html", "utf-8"))
    root.attach(alt)
    for i, (fname, data) in enumerate(atts):
        sub = MIME[Path(fname).suffix].split("/")[1]
        part = MIMEApplication(data, sub, name=fname)
        part.add_header("Content-Disposition", "attachment", filename=fname)
        part["Content-ID"] = "<f_m3x%d%02d>" % (i, len(fname))
        part["X-Attachment-Id"] = "f_m3x%d%02d" % (i, len(fname))
        root.attach(part)
    path.write_bytes(root.as_bytes())


def eml_apple(path, frm, subj, date, body_parts, atts):
    """Apple Mail shape: mixed with text parts BETWEEN inline attachments; attachments as
    application/octet-stream with only name= (x-unix-mode), Content-Disposition inline."""
    root = MIMEMultipart("mixed", boundary="Apple-Mail=_6F1A3C2E-9B44-4D7A-8E21-5C0B7D3A9F10")
    for k, v in [("From", frm), ("Content-Transfer-Encoding", "7bit"),
                 ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))"),
                 ("Subject", subj), ("Message-Id", "<%s-7C1E@example.net>" % path.stem.upper()),
                 ("Date", date), ("To", "functional.coordination@example.org"),
                 ("X-Mailer", "Apple Mail (2.3826.300.87.4.3)")]:
        if k in root:
            del root[k]
        root[k] = v
    for i, (fname, data) in enumerate(atts):
        t = MIMEText(body_parts[i], "plain", "us-ascii")
        root.attach(t)
        part = MIMEApplication(data, "octet-stream")
        del part["Content-Type"]
        part["Content-Type"] = 'application/octet-stream; x-unix-mode=0644; name="%s"' % fname
        part["Content-Disposition"] = 'inline; filename="%s"' % fname
        root.attach(part)
    root.attach(MIMEText(body_parts[-1], "plain", "us-ascii"))
    path.write_bytes(root.as_bytes())


# ----------------------------------------------------------------------------- value tables
def F(orgkey, *parts, drop=(), **over):
    d = dict(ORGS[orgkey])
    for p in parts:
        d.update(p)
    d.update(over)
    for k in drop:
        d.pop(k, None)
    return d


S1_UI = dict(rpa_tool_name="UiPath Studio", rpa_tool_vendor="UiPath, Inc.", rpa_tool_version="2024.10.6")
S1_AA = dict(rpa_tool_name="Automation Anywhere Automation 360", rpa_tool_vendor="Automation Anywhere, Inc.",
             rpa_tool_version="v.31")
S1_BP = dict(rpa_tool_name="Blue Prism Enterprise", rpa_tool_vendor="SS&C Blue Prism", rpa_tool_version="7.3.1")
S1_PA = dict(rpa_tool_name="Power Automate Desktop", rpa_tool_vendor="Microsoft Corporation",
             rpa_tool_version="2.49")


def stage1_vals(tool, count, names, hosting, txns, screens, sps, weekly, monthly, hours, golive, other=None):
    d = dict(tool, bot_count=count, bot_names=names, hosting=hosting, transactions=txns,
             posc_screens=screens, screens_per_session=sps, avg_weekly_transactions=weekly,
             est_monthly_transactions=monthly, operating_hours=hours, planned_go_live=golive)
    if other:
        d["transactions_other"] = other
    return {k: v for k, v in d.items() if v is not None}


def stage2_vals(num, tool, txns, tested, tdate, uids, docs):
    d = dict(tool, stage1_approval_number=num, transactions=txns, testing_completed=tested,
             testing_completed_date=tdate, user_ids_requested=uids, docs_enclosed=docs)
    return {k: v for k, v in d.items() if v is not None}


def s2g_vals(since, cur, tool, count, sps, weekly, txns, tested, tdate, uids, docs):
    d = dict(tool, operational_since=since, current_user_ids=cur, bot_count=count,
             screens_per_session=sps, avg_weekly_transactions=weekly, transactions=txns,
             testing_completed=tested, testing_completed_date=tdate, user_ids_requested=uids,
             docs_enclosed=docs)
    return {k: v for k, v in d.items() if v is not None}


def mod_vals(num, uids, types, desc, eff=None, **kw):
    d = dict(stage2_approval_number=num, rpa_user_ids=uids, modification_types=types,
             description=desc, effective_date=eff, **kw)
    return {k: v for k, v in d.items() if v is not None}


def av_vals(num, uids, year, cur, unapproved):
    return dict(stage2_approval_number=num, rpa_user_ids=uids, validation_year=year,
                info_current=cur, unapproved_changes=unapproved)


ALLDOCS = ["rpa_agreement", "systems_design", "test_scenarios"]


def agr_vals(orgkey, name, title, date, signed=True):
    d = {"org_legal_name": ORGS[orgkey]["org_legal_name"], "signer_name": name, "signer_title": title,
         "signature_date": date}
    d = {k: v for k, v in d.items() if v}
    d["signed"] = signed
    return d


CAPS_KEYS = {"org_legal_name", "org_dba", "street", "city", "contact_name", "contact_title",
             "signer_name", "signer_title", "rpa_tool_name", "rpa_tool_vendor", "rpa_tool_version",
             "new_rpa_tool_name", "new_rpa_tool_vendor", "description", "operating_hours",
             "transactions_other", "posc_screens", "bot_names", "rpa_user_ids", "current_user_ids"}


def caps(fields):
    """Block capitals, as people fill paper and comb forms (e-mail addresses left as typed)."""
    out = dict(fields)
    for k, v in fields.items():
        if k in CAPS_KEYS:
            out[k] = [x.upper() for x in v] if isinstance(v, list) else v.upper()
    return out


# ----------------------------------------------------------------------------- cases
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def expected(name, ext, ft, fields, shape, drawn, desc, problems=(), scan_=False, extra=None):
    fv = CODES.get(ft)
    e = {"file": name + ext, "form_type": ft, "form_version": fv, "fields": normalized(fields),
         "expected_problems": [{"code": c, "field": f} for c, f in problems], "shape": shape,
         "scan": scan_, "drawn_with": drawn, "description": desc}
    if extra:
        e.update(extra)
    return e


def write_expected(e):
    p = HERE / (Path(e["file"]).stem + ".expected.json")
    p.write_text(json.dumps(e, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def ts_extra(rows):
    lab2key = {v: k for k, v in TXN}
    out = {}
    for r in rows:
        e = out.setdefault(lab2key[r[1]], {"scenarios": 0, "passed": 0})
        e["scenarios"] += 1
        e["passed"] += r[5] == "Pass"
    return {"scenario_summary": dict(sorted(out.items()))}


def sd_extra(txns):
    return {"transactions_mentioned": sorted(txns)}


def doc_entry(fname, ft, fields, problems=()):
    return {"filename": fname, "form_type": ft, "form_version": CODES.get(ft),
            "fields": normalized(fields),
            "expected_problems": [{"code": c, "field": f} for c, f in problems]}


# --- class 1: comb boxes -------------------------------------------------------------------
def V_c01():
    return F("merrimack", stage1_vals(S1_UI, 2, ["MVP-ELIG-01", "MVP-STATUS-01"], "on_premises",
                                      ["eligibility_inquiry", "claim_status"],
                                      ["Member Search", "Eligibility Detail", "Claim Search", "Claim Detail"],
                                      6, 700, 2800, "Mon-Sat 5:00 AM - 7:00 AM ET", "2027-01-18"),
             att("Dr. Helen Castellanos", "President", "2026-11-09"))


@case
def c01_stage1_comb_boxes():
    n, f = "c01_stage1_comb_boxes", V_c01()
    rl_form(HERE / (n + ".pdf"), "stage1", f, {"comb": True})
    return expected(n, ".pdf", "stage1", f, [1], "reportlab canvas",
                    "Printed Stage I where PID/SL, NPI, FEIN, State, ZIP (5+4 boxes, the +4 left empty), telephone, "
                    "numbers (right-aligned, leading boxes empty) and dates (MM / DD / YYYY groups) are typed ONE "
                    "CHARACTER PER BOX (comb boxes); separators '-' and '/' are printed between box groups. Text "
                    "values in long boxes. Choices: X in a drawn box.")


def V_c02():
    return F("harborview", stage2_vals("RPA1-2026-00388", S1_AA, ["claim_submission", "claim_status"], True,
                                       "2026-10-21", 3, ALLDOCS),
             att("Marcus Oyelowo-Brandt", "Chief Operating Officer", "2026-11-12"))


@case
def c02_stage2_comb_boxes_bp():
    n, f = "c02_stage2_comb_boxes_bp", caps(V_c02())
    rl_form(HERE / (n + ".pdf"), "stage2", f, {"comb": True, "val_font": "Courier"})
    return expected(n, ".pdf", "stage2", f, [1, 14], "reportlab canvas",
                    "Printed Stage II of a business partner filled in BLOCK CAPITALS (names, address, titles, "
                    "tool; the e-mail address as typed): Stage I Approval Number in 4+4+5 comb boxes "
                    "(R P A 1 - 2 0 2 6 - 0 0 3 8 8), FEIN/ZIP/phone/dates one character per box, values in "
                    "Courier; PID/SL and NPI comb boxes left empty (not a provider).")


@case
def c03_annual_comb_bad_fein():
    n = "c03_annual_comb_bad_fein"
    f = F("salem", av_vals("RPA2-2025-00114", ["RPASH1021", "RPASH1022"], 2026, True, False),
          att("Priya Venkataraman", "Pharmacy Manager", "2026-11-05"), fein="04-123456")
    rl_form(HERE / (n + ".pdf"), "annual_validation", f, {"comb": True, "glyphs": None})
    return expected(n, ".pdf", "annual_validation", f, [1, 11], "reportlab canvas",
                    "Printed Annual Validation with comb boxes. PROBLEM: the FEIN boxes hold only eight digits "
                    "(0 4 - 1 2 3 4 5 6, the last box empty) -> invalid FEIN; fields.fein is the printed value.",
                    [("invalid", "fein")])


@case
def c04_s2g_fillable_comb_digit_fields():
    n = "c04_s2g_fillable_comb_digit_fields"
    f = F("berkshire", s2g_vals("2020-11-02", ["MHBH04417", "MHBH04418"], S1_BP, 2, 8, 450,
                                ["eligibility_inquiry", "prior_authorization"], True, "2026-09-30", 2, ALLDOCS),
          att("Marguerite Delacroix-Oyelaran", "Billing Director", "2026-10-19"))
    p = HERE / (n + ".pdf")
    fillable_comb(p, "stage2_grandfathered", f, {"phone": "dash"})
    need_appearances(p)
    return expected(n, ".pdf", "stage2_grandfathered", f, [1], "reportlab acroForm + pypdf (NeedAppearances)",
                    "Fillable grandfathered Stage II: PID/SL, NPI, ZIP, State, phone, numbers and dates are COMB "
                    "text fields (/Ff comb, /MaxLen = number of boxes; dates typed MM/DD/YYYY); the FEIN is NINE "
                    "one-character fields ein_digito_1..9 with a printed '-'; other fields named campo_NN / "
                    "peine_NN / casilla_NN / opcion_NN (Spanish, numbered, no tooltips); every choice option is its "
                    "own checkbox (on-state /Yes), no radio groups. Labels printed at the left.")


@case
def c05_mod_fillable_comb_missing_stage2_number():
    n = "c05_mod_fillable_comb_missing_stage2_number"
    f = F("worcester", mod_vals(None, ["RPAWC3301"], ["increase_screens"],
                                "Raise the screen limit so the bot can open the claim detail and the status "
                                "history in one session.", "2027-01-04", new_screens_per_session=9),
          att("Colette Marchetti", "Office Administrator", "2026-11-16"))
    p = HERE / (n + ".pdf")
    fillable_comb(p, "modification", f, {})
    need_appearances(p)
    return expected(n, ".pdf", "modification", f, [1, 11], "reportlab acroForm + pypdf (NeedAppearances)",
                    "Fillable Modification Request with comb fields (as c04). PROBLEM: the Stage II Approval "
                    "Number comb field is present and EMPTY (required).", [("missing_required", "stage2_approval_number")])


def V_k01():
    return F("plymouth", av_vals("RPA2-2024-00071", ["RPAPR2201", "RPAPR2202", "RPAPR2203"], 2026, True, False),
             att("Beatrix Holloway", "Business Office Manager", "2026-10-27"))


@case
def k01_annual_docx_char_cells():
    n, f = "k01_annual_docx_char_cells", V_k01()
    docx_comb_form(HERE / (n + ".docx"), "annual_validation", f, {"glyphs": ("\u25a0", "\u25a1")})
    return expected(n, ".docx", "annual_validation", f, [1], "python-docx",
                    "DOCX table of 14 grid columns: label in the first cell, then ONE CHARACTER PER CELL for the "
                    "Stage II Approval Number, PID/SL, NPI, FEIN, State, ZIP, telephone, Validation Year and Date "
                    "Signed (separators in their own cells, trailing cells empty); text values in a cell merged "
                    "over the 13 character columns. Choices as \u25a0/\u25a1.")


@case
def k02_stage1_docx_char_cells_bad_npi():
    n = "k02_stage1_docx_char_cells_bad_npi"
    good = ORGS["taunton"]["npi"]
    bad = good[:-1] + str((int(good[-1]) + 3) % 10)
    f = F("taunton", stage1_vals(S1_PA, 1, ["TRAS-RA-BOT"], "cloud", ["remittance_advice", "claim_status"],
                                 ["RA Search", "RA Download List", "Claim Search"], 4, 120, 480,
                                 "Daily 2:00 AM - 3:00 AM", "2027-02-01"),
          att("Ravi Subramaniam", "Billing Supervisor", "2026-11-18"), npi=bad)
    docx_comb_form(HERE / (n + ".docx"), "stage1", f, {"glyphs": ("\u2612", "\u2610"), "date": "us",
                                                     "legacy": True})
    return expected(n, ".docx", "stage1", f, [1, 11], "python-docx",
                    "Stage I as a DOCX character-cell table (as k01) where every character cell is a LEGACY "
                    "FORMTEXT field with maxLength 1 (Text1, Text2 ..; empty ones show the five en-space "
                    "default) and every text value a FORMTEXT in its merged cell. PROBLEM: the NPI %s fails the 80840 Luhn "
                    "check (last digit changed)." % bad, [("invalid", "npi")])


@case
def g01_agreement_comb_signed():
    n = "g01_agreement_comb_signed"
    f = agr_vals("lowell", "Sokha Chhim", "Revenue Integrity Supervisor", "2026-11-03")
    rl_form(HERE / (n + ".pdf"), "rpa_agreement", f, {"comb": True, "sig_text": "/s/ Sokha Chhim"})
    return expected(n, ".pdf", "rpa_agreement", f, [1, 12], "reportlab canvas",
                    "Signed RPA Agreement: agreement text, then the signer block with Date Signed in comb boxes "
                    "(1 1 / 0 3 / 2 0 2 6) and a '/s/ Sokha Chhim' signature line.")


@case
def x02_stage2_docx_char_cells_re():
    n = "x02_stage2_docx_char_cells_re"
    f = F("nantucket", stage2_vals("RPA1-2026-00402", S1_BP, ["eligibility_inquiry", "prior_authorization"], True,
                                   "2026-11-18", 3, ALLDOCS),
          att("Eamon Whitcombe", "Operations Analyst", "2026-11-28"))
    docx_comb_form(HERE / (n + ".docx"), "stage2", f, {"glyphs": ("\u2611", "\u2610"), "sdt": True})
    return expected(n, ".docx", "stage2", f, [1], "python-docx",
                    "Stage II of a relationship entity as a DOCX character-cell table (as k01) where every "
                    "filled character cell holds its character in its OWN plain-text content control (w:sdt, "
                    "tag/alias StageIApprovalNumber_1 ..; separators plain text) and every text value is a "
                    "content control inside its merged cell (SDTs inside table cells): Stage I Approval "
                    "Number R P A 1 - 2 0 2 6 - 0 0 4 0 2 one character per cell, PID/SL and NPI rows all empty "
                    "cells (not a provider); marks \u2611/\u2610. Goes with o01 (Nantucket).")


# --- class 2: Fill & Sign (FreeText annotations on a printed blank) -----------------------
def V_f01():
    return F("pioneer", stage2_vals("RPA1-2026-00251", S1_UI, ["eligibility_inquiry", "claim_submission"], True,
                                    "2026-10-08", 2, ALLDOCS),
             att("Anjali Raghunathan", "Director of Patient Accounts", "2026-10-30"))


@case
def f01_stage2_fill_sign_freetext():
    n, f = "f01_stage2_fill_sign_freetext", V_f01()
    fill_and_sign(HERE / (n + ".pdf"), "stage2", f, {"date": "us", "phone": "paren"})
    return expected(n, ".pdf", "stage2", f, [2], "reportlab canvas (blank) + pypdf FreeText annotations",
                    "A NON-fillable printed Stage II filled with a PDF viewer's 'Fill & Sign' / Preview text tool: "
                    "every value (and every X in a choice box, and the attestation X) is a /FreeText annotation "
                    "with /Contents and its own /AP appearance, placed over the empty boxes; no AcroForm, the page "
                    "content has only the labels and boxes.")


def V_f02():
    return F("mystic", s2g_vals("2021-03-15", ["MHMD7710"], S1_AA, 1, 5, 260, ["claim_status", "remittance_advice"],
                                True, "2026-09-25", 1, ALLDOCS),
             att("Dr. Nathaniel Oduya", "Managing Dentist", "2026-10-06"))


@case
def f02_s2g_fill_sign_freetext():
    n, f = "f02_s2g_fill_sign_freetext", V_f02()
    fill_and_sign(HERE / (n + ".pdf"), "stage2_grandfathered", f, {"date": "dmyabbr", "phone": "dots"})
    return expected(n, ".pdf", "stage2_grandfathered", f, [2], "reportlab canvas (blank) + pypdf FreeText annotations",
                    "Grandfathered Stage II filled with FreeText annotations (as f01); dates typed DD-Mon-YYYY "
                    "(15-Mar-2021), phone 781.555.0139.")


def V_f03():
    return agr_vals("pioneer", "Anjali Raghunathan", "Director of Patient Accounts", "2026-10-30")


@case
def f03_agreement_fill_sign_ink():
    n, f = "f03_agreement_fill_sign_ink", V_f03()
    fill_and_sign(HERE / (n + ".pdf"), "rpa_agreement", f, {"date": "long"}, ink=True)
    return expected(n, ".pdf", "rpa_agreement", f, [2, 12], "reportlab canvas (blank) + pypdf FreeText + Ink annotations",
                    "RPA Agreement signed in a viewer: name, title, organization and 'October 30, 2026' are "
                    "FreeText annotations, the signature is a hand-drawn /Ink annotation on the Signature line "
                    "(no text). Signed: name and date filled (SPEC 2.9). Goes with f01.")


@case
def f04_mod_fill_sign_not_same_session():
    n = "f04_mod_fill_sign_not_same_session"
    f = F("quabbin", mod_vals("RPA2-2025-00302", ["RPAQD5501", "RPAQD5502"], ["add_sequential_transaction"],
                              "Add Prior Authorization Request after the eligibility check.", "2027-01-11",
                              added_transaction="prior_authorization", same_session=False),
          att("Lorenzo Facchetti", "RPA Engineer", "2026-11-20"))
    fill_and_sign(HERE / (n + ".pdf"), "modification", f, {"date": "iso"})
    return expected(n, ".pdf", "modification", f, [2, 11], "reportlab canvas (blank) + pypdf FreeText annotations",
                    "Modification Request filled with FreeText annotations. PROBLEM: Add Sequential Transaction "
                    "(Prior Authorization Request) but the same-session answer is No -> a new Stage I is needed.",
                    [("new_stage1_required", "same_session")])


@case
def x01_test_scenarios_fill_sign():
    n = "x01_test_scenarios_fill_sign"
    rows, summ = scenario_rows("PV", [("eligibility_inquiry", 4, {2}), ("claim_submission", 4, ())])
    ts_fill_and_sign(HERE / (n + ".pdf"), ORGS["pioneer"]["org_legal_name"], rows, "")
    return expected(n, ".pdf", "test_scenarios", summ, [2, 12], "reportlab canvas (blank table) + pypdf FreeText",
                    "A printed blank Test Scenarios table (ruled grid, landscape) whose organization and eight rows "
                    "were typed in as FreeText annotations (long cells as two annotations). PV-03 fails. Goes "
                    "with f01.", extra=ts_extra(rows))


# --- class 3: template Form XObject + overlaid values -------------------------------------
def V_o01():
    return F("nantucket", stage1_vals(S1_BP, 3, ["NSB-ELIG-A", "NSB-ELIG-B", "NSB-PA-C"], "vendor_hosted",
                                      ["eligibility_inquiry", "prior_authorization", "other"],
                                      ["Member Search", "Eligibility Detail", "PA Request Entry", "PA Attachments",
                                       "Provider Profile"], 10, 1500, 6000, "24x7 with a 1:00-2:00 AM pause",
                                      "2027-03-01", other="Download of program correspondence letters"),
             att("Eamon Whitcombe", "Operations Analyst", "2026-11-23"))


@case
def o01_stage1_overlay_template():
    n, f = "o01_stage1_overlay_template", V_o01()
    rl_form(HERE / (n + ".pdf"), "stage1", f, {"val_font": "Courier", "value_color": (0.05, 0.1, 0.45),
                                                "date": "usdash", "sep": ", "}, mode="overlay")
    return expected(n, ".pdf", "stage1", f, [3], "reportlab canvas (beginForm/doForm)",
                    "Overlay print, as form-filling software merges a data layer onto the agency form: on every "
                    "page the labels, boxes and section bands are ONE Form XObject (drawn with 'Do'), and the "
                    "values are drawn after it in the page stream in blue Courier, so labels and values are in "
                    "different content streams and only positions relate them. Dates 03-01-2027 style; monthly "
                    "6,000 and weekly 1,500; Other described.")


@case
def o02_annual_overlay_unapproved_changes():
    n = "o02_annual_overlay_unapproved_changes"
    f = F("charles", av_vals("RPA2-2024-00209", ["RPACR0091"], 2026, False, True),
          att("Dmitri Alvarez-Huang", "Integration Manager", "2026-11-24"))
    rl_form(HERE / (n + ".pdf"), "annual_validation", f, {"val_font": "Courier", "date": "abbr"}, mode="overlay")
    return expected(n, ".pdf", "annual_validation", f, [3, 11], "reportlab canvas (beginForm/doForm)",
                    "Overlay-printed Annual Validation (template XObject + values). PROBLEM: 'modified without "
                    "MassHealth approval' answered Yes (info current No) -> a Modification Request is required.",
                    [("modification_required", "unapproved_changes")])


@case
def o03_agreement_overlay_unsigned():
    n = "o03_agreement_overlay_unsigned"
    f = agr_vals("cape", "Ingeborg Sorensen", "Managing Partner", None, signed=False)
    rl_form(HERE / (n + ".pdf"), "rpa_agreement", f, {"val_font": "Courier"}, mode="overlay")
    return expected(n, ".pdf", "rpa_agreement", f, [3, 11, 12], "reportlab canvas (beginForm/doForm)",
                    "Overlay-printed RPA Agreement with organization, signer name and title filled but Date Signed "
                    "and the Signature line empty -> not signed (SPEC 2.9 needs a signature, or name AND date).",
                    [("unsigned", "signed")])


def V_o04():
    return F("blue", stage2_vals("RPA1-2026-00460", S1_PA, ["claim_status"], True, "2026-11-02", 1, ALLDOCS),
             att("Fiona MacAllister", "Program Director", "2026-11-25"))


@case
def o04_stage2_overlay_template():
    n, f = "o04_stage2_overlay_template", V_o04()
    rl_form(HERE / (n + ".pdf"), "stage2", f, {"val_font": "Helvetica-Oblique", "value_color": (0.1, 0.1, 0.1),
                                                "date": "dmy", "phone": "plus"}, mode="overlay")
    return expected(n, ".pdf", "stage2", f, [3], "reportlab canvas (beginForm/doForm)",
                    "Overlay-printed Stage II of a relationship entity (values in Helvetica-Oblique after the "
                    "template XObject), dates '2 November 2026', phone '+1 617 555 0148'.")


# --- class 4: two pages per sheet ----------------------------------------------------------
@case
def n01_stage1_two_up_sheet():
    n = "n01_stage1_two_up_sheet"
    f = F("lowell", stage1_vals(S1_AA, 2, ["LCHN-CLM-1", "LCHN-CLM-2"], "on_premises",
                                ["claim_submission", "claim_adjustment"],
                                ["DDE Claim Entry", "Service Line Detail", "Paid Claim Lookup", "Adjust/Void Request"],
                                7, 2250, 9000, "Mon-Fri 7:00 PM - 5:00 AM", "2027-02-15"),
          att("Sokha Chhim", "Revenue Integrity Supervisor", "2026-11-03"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "stage1", f, {"glyphs": ("\u2612", "\u2610"), "date": "long"})
    n_up(src, HERE / (n + ".pdf"))
    return expected(n, ".pdf", "stage1", f, [4], "reportlab canvas + pypdf (2 pages per sheet)",
                    "'Print 2 pages per sheet': the two portrait pages of a printed Stage I scaled to 65 % and "
                    "placed side by side on ONE landscape Letter page (form page 1 left, page 2 right, each with "
                    "its own 'Form RPA-S1 (Rev. 10/2026) Page n' footer). \u2612/\u2610 marks; dates 'February 15, 2027'.")


@case
def n02_mod_two_up_sheet():
    n = "n02_mod_two_up_sheet"
    f = F("cape", mod_vals("RPA2-2025-00188", ["RPACC1001", "RPACC1002"], ["replace_tool"],
                           "Replace Blue Prism with UiPath; same screens and transactions.", "2027-01-25",
                           new_rpa_tool_name="UiPath Studio", new_rpa_tool_vendor="UiPath, Inc."),
          att("Ingeborg Sorensen", "Managing Partner", "2026-11-19"))
    f = caps(f)
    src = WORK / (n + "_src.pdf")
    rl_form(src, "modification", f, {"date": "usshort", "phone": "digits", "val_font": "Courier-Bold"})
    n_up(src, HERE / (n + ".pdf"))
    return expected(n, ".pdf", "modification", f, [4, 14], "reportlab canvas + pypdf (2 pages per sheet)",
                    "Modification Request (Replace RPA Tool) printed 2 pages per sheet on one landscape page; "
                    "values in BLOCK CAPITALS (Courier-Bold; e-mail as typed), phone typed as 10 digits, dates "
                    "1/25/2027 style.")


@case
def n03_s2g_two_up_sheet():
    n = "n03_s2g_two_up_sheet"
    f = F("granite", s2g_vals("2019-06-03", ["GSCA-BOT-07", "GSCA-BOT-08", "GSCA-BOT-09"], S1_UI, 3, 12, 3100,
                              ["claim_submission", "claim_status", "remittance_advice"], True, "2026-10-15", 3, ALLDOCS),
          att("Wendell Osei-Bonsu", "CTO", "2026-10-29"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "stage2_grandfathered", f, {"comb": True, "sep": ", "})
    n_up(src, HERE / (n + ".pdf"))
    return expected(n, ".pdf", "stage2_grandfathered", f, [4, 1], "reportlab canvas + pypdf (2 pages per sheet)",
                    "Grandfathered Stage II of a New Hampshire business partner with comb boxes, printed 2 pages "
                    "per sheet (scaled 65 %).")


@case
def d04_systems_design_two_up():
    n = "d04_systems_design_two_up"
    txns = ["claim_submission", "claim_adjustment"]
    src = WORK / (n + "_src.pdf")
    sd_platypus(src, ORGS["lowell"]["org_legal_name"], txns)
    n_up(src, HERE / (n + ".pdf"))
    return expected(n, ".pdf", "systems_design", {"transactions": txns}, [4, 12],
                    "reportlab platypus + pypdf (2 pages per sheet)",
                    "Systems Design Documentation (Times) printed 2 pages per sheet: overview naming the "
                    "transactions, a step table per transaction. Goes with n01.", extra=sd_extra(txns))


# --- class 5: /Rotate 270 and /Rotate 180 --------------------------------------------------
@case
def r01_s2g_rotate270():
    n = "r01_s2g_rotate270"
    f = F("taunton", s2g_vals("2021-09-20", ["TRAS0001"], S1_PA, 1, 4, 90, ["eligibility_inquiry"], True,
                              "2026-11-06", 1, ALLDOCS),
          att("Ravi Subramaniam", "Billing Supervisor", "2026-11-18"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "stage2_grandfathered", f, {"date": "abbr"})
    rotate_stored(src, HERE / (n + ".pdf"), 270)
    return expected(n, ".pdf", "stage2_grandfathered", f, [5], "reportlab canvas + pypdf",
                    "Every page is stored on a LANDSCAPE MediaBox with the portrait form drawn turned 90\u00b0 "
                    "clockwise and the page dictionary says /Rotate 270, so it is upright only when /Rotate is "
                    "honoured (a scanner/copier 'rotate' saved this way). Text runs are vertical in page space.")


@case
def r02_stage2_rotate180_untested():
    n = "r02_stage2_rotate180_untested"
    f = F("merrimack", stage2_vals("RPA1-2026-00301", S1_UI, ["eligibility_inquiry", "claim_status"], False,
                                   None, 2, ["rpa_agreement", "systems_design"]),
          att("Dr. Helen Castellanos", "President", "2026-11-26"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "stage2", f, {"glyphs": ("\u2611", "\u2610")})
    rotate_stored(src, HERE / (n + ".pdf"), 180)
    return expected(n, ".pdf", "stage2", f, [5, 11], "reportlab canvas + pypdf",
                    "Pages stored UPSIDE DOWN with /Rotate 180 (portrait MediaBox). PROBLEM: Testing completed "
                    "answered No (must be Yes); no testing date; Test Scenarios not ticked.",
                    [("invalid", "testing_completed")])


@case
def r03_mod_rotate270_missing_description():
    n = "r03_mod_rotate270_missing_description"
    f = F("mystic", mod_vals("RPA2-2024-00045", ["MHMD7710"], ["decrease_screens"], None, "2027-01-04",
                             new_screens_per_session=3),
          att("Dr. Nathaniel Oduya", "Managing Dentist", "2026-11-30"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "modification", f, {"val_font": "DJSerif", "date": "dmy"})
    rotate_stored(src, HERE / (n + ".pdf"), 270)
    return expected(n, ".pdf", "modification", f, [5, 11], "reportlab canvas + pypdf",
                    "Decrease POSC Screens modification stored turned with /Rotate 270 (as r01). PROBLEM: the "
                    "required Description of Modification box is empty.", [("missing_required", "description")])


# --- class 6: multi-page tables with repeated header rows ----------------------------------
@case
def t01_test_scenarios_platypus_repeat_header():
    n = "t01_test_scenarios_platypus_repeat_header"
    rows, summ = scenario_rows("MV", [("eligibility_inquiry", 14, {5, 11}), ("claim_status", 14, {3})])
    ts_platypus(HERE / (n + ".pdf"), ORGS["merrimack"]["org_legal_name"], rows,
                "Executed in the MassHealth Trading Partner Testing Environment, 13-21 October 2026.")
    return expected(n, ".pdf", "test_scenarios", summ, [6, 12], "reportlab platypus (repeatRows=1)",
                    "28 scenarios in one landscape table that runs over several pages; the header row Scenario "
                    "ID | Transaction | POSC Screen(s) | Expected Result | Actual Result | Pass/Fail is REPEATED at "
                    "the top of every page. MV-06, MV-12 (eligibility) and MV-18 (claim status) fail. Goes with "
                    "c01/r02 (Merrimack).", extra=ts_extra(rows))


@case
def t02_test_scenarios_chromium_thead():
    n = "t02_test_scenarios_chromium_thead"
    rows, summ = scenario_rows("HB", [("claim_submission", 12, {0, 7}), ("claim_status", 10, ()),
                                      ("claim_adjustment", 5, {0, 1, 2, 3, 4})])
    ts_html(HERE / (n + ".pdf"), ORGS["harborview"]["org_legal_name"], rows,
            "Test cycle 2 \u2013 all scenarios end to end in the Trading Partner Testing Environment.")
    return expected(n, ".pdf", "test_scenarios", summ, [6, 12], "HTML (thead) -> headless Chromium",
                    "27 scenarios in an HTML table printed by Chromium: the <thead> is repeated on every page "
                    "(white text on a dark band); every Claim Adjustment/Void scenario fails (pass count 0). Goes "
                    "with c02 (Harborview).", extra=ts_extra(rows))


@case
def t03_test_scenarios_docx_tblheader():
    n = "t03_test_scenarios_docx_tblheader"
    rows, summ = scenario_rows("BH", [("eligibility_inquiry", 12, {4}), ("prior_authorization", 12, {2, 9})])
    ts_docx(HERE / (n + ".docx"), ORGS["berkshire"]["org_legal_name"], rows,
            "Scenarios executed 22-30 September 2026.", cover=True)
    return expected(n, ".docx", "test_scenarios", summ, [6, 12, 13], "python-docx",
                    "Landscape DOCX with a COVER PAGE (the title in 26 pt, 'Prepared for MassHealth', the "
                    "organization, then a page break) and 24 scenario rows; the header row is marked w:tblHeader "
                    "(Word repeats it on each page). Goes with c04 (Berkshire).", extra=ts_extra(rows))


@case
def t04_test_scenarios_chromium_rowspan():
    n = "t04_test_scenarios_chromium_rowspan"
    rows, summ = scenario_rows("GS", [("claim_submission", 8, {7}), ("claim_status", 10, ()),
                                      ("remittance_advice", 9, {1, 4})])
    ts_html(HERE / (n + ".pdf"), ORGS["granite"]["org_legal_name"], rows, "Regression run for the grandfathered bots.",
            rowspan=True)
    return expected(n, ".pdf", "test_scenarios", summ, [6, 12], "HTML (thead, rowspan) -> headless Chromium",
                    "27 scenarios grouped by transaction: the Transaction cell spans all rows of its group "
                    "(rowspan), so only the first row of a group prints the transaction name; the <thead> is "
                    "repeated on page 2 (Chromium keeps each rowspan group on one page). Goes with n03 (Granite "
                    "State).", extra=ts_extra(rows))


@case
def d01_systems_design_platypus_repeat_header():
    n = "d01_systems_design_platypus_repeat_header"
    txns = ["eligibility_inquiry", "claim_status"]
    sd_platypus(HERE / (n + ".pdf"), ORGS["merrimack"]["org_legal_name"], txns)
    return expected(n, ".pdf", "systems_design", {"transactions": txns}, [6, 12], "reportlab platypus",
                    "Systems Design Documentation: overview, then per transaction a Step | POSC screen / system | "
                    "Bot action table with repeated header rows. Goes with c01.", extra=sd_extra(txns))


@case
def d02_systems_design_docx_tblheader():
    n = "d02_systems_design_docx_tblheader"
    txns = ["eligibility_inquiry", "prior_authorization"]
    sd_docx(HERE / (n + ".docx"), ORGS["berkshire"]["org_legal_name"], txns)
    return expected(n, ".docx", "systems_design", {"transactions": txns}, [6, 12], "python-docx",
                    "Systems Design as DOCX (title 'Systems Design Documentation \u2013 RPA Bot', the same in the "
                    "page header with the organization), step tables with w:tblHeader rows. Goes with c04.",
                    extra=sd_extra(txns))


@case
def d03_systems_design_cover_page():
    n = "d03_systems_design_cover_page"
    txns = ["claim_status", "remittance_advice"]
    sd_html(HERE / (n + ".pdf"), ORGS["mystic"]["org_legal_name"], txns)
    return expected(n, ".pdf", "systems_design", {"transactions": txns}, [12, 13], "HTML -> headless Chromium",
                    "Systems Design with a COVER PAGE (title centred on page 1, version and date), the flows from "
                    "page 2 as numbered lists. Goes with f02 (Mystic).", extra=sd_extra(txns))


# --- class 7: re-typed, abbreviated labels; other check glyphs ----------------------------
@case
def a01_stage1_docx_abbrev_squares():
    n = "a01_stage1_docx_abbrev_squares"
    f = F("salem", stage1_vals(S1_PA, 1, ["HRX-ELIG"], "cloud", ["eligibility_inquiry"],
                               ["Member Search", "Eligibility Detail"], 3, 400, 1600, "Mon-Sun 6-8 AM",
                               "2027-01-04"),
          att("Priya Venkataraman", "Pharmacy Manager", "2026-11-10"))
    st = {"abbrev": True, "short_opts": True, "glyphs": ("\u25a0", "\u25a1"), "colon": ":", "date": "usshort",
          "footer": "MassHealth {code} (retyped 11/2026)"}
    docx_table_form(HERE / (n + ".docx"), "stage1", f, st)
    return expected(n, ".docx", "stage1", f, [7], "python-docx",
                    "Stage I RE-TYPED by the organization with abbreviated labels ('Org. Legal Name:', 'PID/SL:', "
                    "'NPI #:', 'FEIN / Tax ID:', 'Contact Tel.:', 'RPA Product:', 'No. of Bots:', 'Max "
                    "Screens/Session:', 'Avg Txns/Wk:', 'Est. Txns/Mo:', 'Go-Live Date:', 'Signed by (Name):', "
                    "'Date:') and shortened options ('MH Provider', 'Elig. Verification'), marks \u25a0/\u25a1 "
                    "(U+25A0/U+25A1). Footer 'MassHealth RPA-S1 (retyped 11/2026)'.")


@case
def a02_mod_chromium_abbrev_boxed_x():
    n = "a02_mod_chromium_abbrev_boxed_x"
    f = F("harborview", mod_vals("RPA2-2025-00233", ["RPAHB0401", "RPAHB0402", "RPAHB0403"],
                                 ["add_sequential_transaction", "increase_screens"],
                                 "Check claim status right after each DDE claim is submitted, in the same session.",
                                 "2027-02-01", new_screens_per_session=10, added_transaction="claim_status",
                                 same_session=True),
          att("Marcus Oyelowo-Brandt", "Chief Operating Officer", "2026-11-24"))
    st = {"abbrev": True, "short_opts": True, "glyphs": ("\u22a0", "\u2610"), "date": "abbr",
          "footer": "{code} | re-keyed copy", "list_br": True}
    chromium(html_form("modification", f, st), HERE / (n + ".pdf"))
    return expected(n, ".pdf", "modification", f, [7], "HTML -> headless Chromium",
                    "Modification Request re-keyed into a web page with abbreviated labels ('Stage II Appr. #', "
                    "'Mod. Type', 'Txn to Add', 'Same bot session?', 'Eff. Date', 'New Max Screens/Session'), "
                    "marks \u22a0/\u2610 (U+22A0 SQUARED TIMES), RPA User IDs one per line (<br>).")


@case
def a03_annual_docx_abbrev_bad_email():
    n = "a03_annual_docx_abbrev_bad_email"
    f = F("nantucket", av_vals("RPA2-2025-00150", ["RPANS0310"], 2026, True, False),
          att("Eamon Whitcombe", "Operations Analyst", "2026-11-13"), contact_email="ewhitcombe.nsbhc.org")
    st = {"abbrev": True, "glyphs": ("\u2718", "\u25fb"), "date": "dmyabbr", "phone": "dots"}
    docx_para_form(HERE / (n + ".docx"), "annual_validation", f, st)
    return expected(n, ".docx", "annual_validation", f, [7, 11], "python-docx",
                    "'Abbrev: value' paragraphs (section headings in capitals), marks \u2718/\u25fb "
                    "(U+2718 HEAVY BALLOT X, U+25FB WHITE MEDIUM SQUARE), date 13-Nov-2026. PROBLEM: Contact "
                    "E-mail 'ewhitcombe.nsbhc.org' has no '@'.", [("invalid", "contact_email")])


@case
def a04_s2g_chromium_abbrev_not_eligible():
    n = "a04_s2g_chromium_abbrev_not_eligible"
    f = F("worcester", s2g_vals("2022-08-15", ["WCPT-RPA-1"], S1_UI, 1, 5, 200, ["claim_submission"], True,
                                "2026-10-01", 1, ALLDOCS),
          att("Colette Marchetti", "Office Administrator", "2026-11-02"))
    st = {"abbrev": True, "glyphs": ("\u2713", "\u25cb"), "date": "us",
          "css": "td.lab { font-weight: normal; font-variant: small-caps; }"}
    chromium(html_form("stage2_grandfathered", f, st), HERE / (n + ".pdf"))
    return expected(n, ".pdf", "stage2_grandfathered", f, [7, 11], "HTML -> headless Chromium",
                    "Grandfathered Stage II re-keyed with abbreviated small-caps labels ('Operational on POSC "
                    "since', 'Current POSC User IDs', 'Testing done in MassHealth TPTE?'), chosen options \u2713, "
                    "others \u25cb. PROBLEM: operational since 08/15/2022 (after 2022-07-01) -> not eligible.",
                    [("not_eligible", "operational_since")])


@case
def x03_stage2_docx_abbrev_missing_user_ids():
    n = "x03_stage2_docx_abbrev_missing_user_ids"
    f = F("plymouth", stage2_vals("RPA1-2026-00412", S1_BP, ["claim_submission", "claim_status"], True,
                                  "2026-11-04", None, ALLDOCS),
          att("Beatrix Holloway", "Business Office Manager", "2026-11-27"))
    st = {"abbrev": True, "glyphs": ("\u25a3", "\u25a2"), "date": "long", "font": "Verdana"}
    docx_para_form(HERE / (n + ".docx"), "stage2", f, st)
    return expected(n, ".docx", "stage2", f, [7, 11], "python-docx",
                    "Abbreviated-label paragraphs with marks \u25a3/\u25a2 (U+25A3/U+25A2). PROBLEM: '# RPA User "
                    "IDs Req.:' is followed by nothing (required).", [("missing_required", "user_ids_requested")])


# --- class 8: mail-merged DOCX -------------------------------------------------------------
@case
def m01_s2g_docx_mailmerge():
    n = "m01_s2g_docx_mailmerge"
    f = F("charles", s2g_vals("2020-02-10", ["CRHIE-01", "CRHIE-02"], S1_AA, 2, 6, 640,
                              ["eligibility_inquiry", "claim_status"], True, "2026-10-20", 2, ALLDOCS),
          att("Dmitri Alvarez-Huang", "Integration Manager", "2026-11-06"))
    docx_merge_form(HERE / (n + ".docx"), "stage2_grandfathered", f, {"date": "long"})
    return expected(n, ".docx", "stage2_grandfathered", f, [8], "python-docx + raw OOXML fields",
                    "A form produced by a Word MAIL MERGE and saved without unlinking the fields: every value is "
                    "the cached result of a { MERGEFIELD OrgLegalName \\* MERGEFORMAT } complex field "
                    "(fldChar begin / instrText / separate / result / end); every choice mark is a nested "
                    "{ IF { MERGEFIELD Transactions_ClaimStatus } = \"Y\" \"\u2612\" \"\u2610\" } whose cached "
                    "result is \u2612 or \u2610 (the inner field's result Y/N is also text in the paragraph).")


@case
def m02_annual_docx_mailmerge():
    n = "m02_annual_docx_mailmerge"
    f = F("granite", av_vals("RPA2-2024-00133", ["GSCA-BOT-07", "GSCA-BOT-08", "GSCA-BOT-09"], 2026, True, False),
          att("Wendell Osei-Bonsu", "CTO", "2026-11-17"))
    docx_merge_form(HERE / (n + ".docx"), "annual_validation", f, {"date": "iso", "sep": ", "})
    return expected(n, ".docx", "annual_validation", f, [8], "python-docx + raw OOXML fields",
                    "Mail-merged Annual Validation (as m01), NH business partner, ISO date.")


@case
def m03_agreement_docx_mailmerge():
    n = "m03_agreement_docx_mailmerge"
    f = agr_vals("charles", "Dmitri Alvarez-Huang", "Integration Manager", "2026-11-06")
    docx_merge_form(HERE / (n + ".docx"), "rpa_agreement", f, {"date": "us", "sig_text": "/s/ Dmitri Alvarez-Huang"})
    return expected(n, ".docx", "rpa_agreement", f, [8, 12], "python-docx + raw OOXML fields",
                    "Mail-merged RPA Agreement: agreement text, signer table of MERGEFIELD results and a "
                    "'Signature: /s/ \u2026' merge field. Goes with m01.")


@case
def m04_stage1_docx_mailmerge_bot_names_count():
    n = "m04_stage1_docx_mailmerge_bot_names_count"
    f = F("quabbin", stage1_vals(S1_UI, 3, ["QDS-PA-01", "QDS-PA-02"], "vendor_hosted",
                                 ["prior_authorization", "eligibility_inquiry"],
                                 ["Member Search", "PA Request Entry", "PA Attachments", "PA Submission Receipt"],
                                 8, 950, 3800, "Mon-Fri 8 PM - 4 AM", "2027-03-15"),
          att("Lorenzo Facchetti", "RPA Engineer", "2026-11-21"))
    docx_merge_form(HERE / (n + ".docx"), "stage1", f, {"date": "abbr", "sep": "; "})
    return expected(n, ".docx", "stage1", f, [8, 11], "python-docx + raw OOXML fields",
                    "Mail-merged Stage I. PROBLEM: Number of Bots Requested 3 but only two Bot Name(s).",
                    [("invalid", "bot_names")])


# --- class 9: e-mails with several attachments ---------------------------------------------
@case
def e01_outlook_stage2_package():
    n = "e01_outlook_stage2_package"
    org_ = "lowell"
    s2 = F(org_, stage2_vals("RPA1-2026-00355", S1_AA, ["claim_submission", "claim_adjustment"], True,
                             "2026-11-20", 2, ALLDOCS), att("Sokha Chhim", "Revenue Integrity Supervisor", "2026-11-30"))
    ag = agr_vals(org_, "Dr. Amara Nwachukwu", "Chief Executive Officer", "2026-11-30")
    txns = ["claim_submission", "claim_adjustment"]
    rows, summ = scenario_rows("LC", [("claim_submission", 6, {2}), ("claim_adjustment", 5, ())])
    a1, a2, a3, a4 = (WORK / (n + x) for x in ("_s2.pdf", "_agr.docx", "_sd.pdf", "_ts.docx"))
    rl_form(a1, "stage2", s2, {"comb": True})
    docx_merge_form(a2, "rpa_agreement", ag, {"date": "long", "sig_text": "/s/ Amara Nwachukwu"})
    sd_platypus(a3, ORGS[org_]["org_legal_name"], txns)
    ts_docx(a4, ORGS[org_]["org_legal_name"], rows, "Executed 16-20 November 2026.")
    names = ["LCHN \u2013 Stage II Registration (signed).pdf", "LCHN \u2013 MassHealth RPA Agreement.docx",
             "LCHN Systems Design v1.3.pdf", "LCHN Test Scenarios \u2013 final.docx"]
    eml_outlook(HERE / (n + ".eml"), "Sokha Chhim <schhim@lchn.org>",
                "Stage II registration \u2013 Lowell Community Health Network (RPA1-2026-00355)",
                "Mon, 30 Nov 2026 16:41:07 +0000",
                "Good afternoon,\n\nPlease find attached our Stage II registration form and the three supporting "
                "documents for our claims bot.\n\nThank you,\nSokha Chhim\nRevenue Integrity Supervisor",
                [(names[0], a1.read_bytes()), (names[1], a2.read_bytes()), (names[2], a3.read_bytes()),
                 (names[3], a4.read_bytes())])
    docs = [doc_entry(names[0], "stage2", s2), doc_entry(names[1], "rpa_agreement", ag),
            dict(doc_entry(names[2], "systems_design", {"transactions": txns}), **sd_extra(txns)),
            dict(doc_entry(names[3], "test_scenarios", summ), **ts_extra(rows))]
    docs[2]["form_version"] = docs[3]["form_version"] = None
    return {"file": n + ".eml", "form_type": None, "form_version": None, "expected_problems": [],
            "shape": [9, 1, 8, 6, 12], "scan": False, "drawn_with": "email.mime (Outlook/Exchange layout)",
            "description": "Outlook-style message: multipart/mixed > multipart/related (plain + HTML alternative "
                           "and an inline signature image image001.png with a Content-ID, which is NOT a "
                           "document) + four attachments whose names contain an en dash and are RFC 2047 "
                           "encoded (=?utf-8?b?...?=) in both name= and filename=, with size= and creation-date=. "
                           "Stage II (comb-box PDF), RPA Agreement (mail-merged DOCX), Systems Design (PDF) and "
                           "Test Scenarios (DOCX, LC-03 fails). The 'documents' list names the four attachments.",
            "documents": docs}


@case
def e02_gmail_mod_and_annual():
    n = "e02_gmail_mod_and_annual"
    md = F("quabbin", mod_vals("RPA2-2025-00302", ["RPAQD5502"], ["retire_bot"],
                               "Retire the second prior-authorization bot; its volume moves to RPAQD5501.",
                               "2026-12-31"), att("Lorenzo Facchetti", "RPA Engineer", "2026-12-01"))
    av = F("quabbin", av_vals("RPA2-2025-00302", ["RPAQD5501", "RPAQD5502"], 2026, True, False),
           att("Lorenzo Facchetti", "RPA Engineer", "2026-12-01"))
    a1, a2 = WORK / (n + "_mod.pdf"), WORK / (n + "_av.docx")
    fill_and_sign(a1, "modification", md, {"date": "us"})
    docx_table_form(a2, "annual_validation", av, {"abbrev": True, "glyphs": ("\u25a0", "\u25a1"), "date": "usshort"})
    names = ["QDS_RPA_Modification_Request.pdf", "QDS Annual Validation 2026.docx"]
    eml_gmail(HERE / (n + ".eml"), "Lorenzo Facchetti <lorenzo.facchetti@gmail.com>",
              "Modification + annual validation (Quabbin Data Services)", "Tue, 1 Dec 2026 09:12:44 -0500",
              "Hello,\n\nAttached: a modification request (retiring one bot) and our 2026 annual validation.\n\n"
              "Lorenzo", [(names[0], a1.read_bytes()), (names[1], a2.read_bytes())])
    return {"file": n + ".eml", "form_type": None, "form_version": None, "expected_problems": [],
            "shape": [9, 2, 7], "scan": False, "drawn_with": "email.mime (Gmail layout)",
            "description": "Gmail-style message (sent from a personal gmail.com address, not the organization "
                           "domain): multipart/mixed > multipart/alternative + two attachments with Content-ID "
                           "and X-Attachment-Id: a Retire Bot modification filled with FreeText annotations and an "
                           "Annual Validation DOCX with abbreviated labels. Two forms, two documents.",
            "documents": [doc_entry(names[0], "modification", md), doc_entry(names[1], "annual_validation", av)]}


@case
def e03_applemail_s2g_inline():
    n = "e03_applemail_s2g_inline"
    sg = F("cape", s2g_vals("2021-05-24", ["CCRS-BOT1", "CCRS-BOT2"], S1_BP, 2, 7, 700,
                            ["claim_status", "claim_adjustment"], True, "2026-11-12", 2, ALLDOCS),
           att("Ingeborg Sorensen", "Managing Partner", "2026-11-25"))
    ag = agr_vals("cape", "Ingeborg Sorensen", "Managing Partner", "2026-11-25")
    rows, summ = scenario_rows("CC", [("claim_status", 4, ()), ("claim_adjustment", 4, {3})])
    a1, a2, a3 = WORK / (n + "_s2g.pdf"), WORK / (n + "_agr.pdf"), WORK / (n + "_ts.pdf")
    rl_form(a1, "stage2_grandfathered", sg, {"val_font": "Courier", "date": "abbr"}, mode="overlay")
    rl_form(a2, "rpa_agreement", ag, {"val_font": "Courier", "sig_text": "/s/ Ingeborg Sorensen", "date": "abbr"},
            mode="overlay")
    ts_html(a3, ORGS["cape"]["org_legal_name"], rows, "Run 2026-11-10.")
    names = ["CCRS Stage II Grandfathered.pdf", "CCRS RPA Agreement signed.pdf", "CCRS test scenarios.pdf"]
    eml_apple(HERE / (n + ".eml"), "Ingeborg Sorensen <isorensen@capecodrev.com>",
              "Grandfathered registration - Cape Cod Revenue Solutions", "Wed, 25 Nov 2026 15:03:29 -0500",
              ["Hi,\n\nHere is our grandfathered Stage II form:\n", "\nthe signed agreement:\n",
               "\nand the test scenarios. The systems design follows tomorrow.\n",
               "\nBest,\nIngeborg\n\nSent from my Mac\n"],
              [(names[0], a1.read_bytes()), (names[1], a2.read_bytes()), (names[2], a3.read_bytes())])
    docs = [doc_entry(names[0], "stage2_grandfathered", sg), doc_entry(names[1], "rpa_agreement", ag),
            dict(doc_entry(names[2], "test_scenarios", summ), **ts_extra(rows))]
    docs[2]["form_version"] = None
    return {"file": n + ".eml", "form_type": None, "form_version": None, "expected_problems": [],
            "shape": [9, 3, 6, 12], "scan": False, "drawn_with": "email.mime (Apple Mail layout)",
            "description": "Apple-Mail-style message: text/plain parts BETWEEN the attachments (body, file, body, "
                           "file, ...), each attachment 'application/octet-stream; x-unix-mode=0644; name=...' "
                           "with Content-Disposition INLINE (not attachment). Grandfathered Stage II and signed "
                           "agreement (overlay PDFs) and Test Scenarios (Chromium). The Systems Design is NOT "
                           "attached (a Stage II cross-check, not a document problem).",
            "documents": docs}


# --- class 10: scans ----------------------------------------------------------------------
def scan_case(n, ft, fields, src, dpi, tilt, desc, extra=None, **kw):
    scan(src, HERE / (n + ".pdf"), dpi, tilt, seed=sum(map(ord, n)), **kw)
    return expected(n, ".pdf", ft, fields, [10], "pdftoppm + Pillow", desc, scan_=True, extra=extra)


@case
def s01_stage1_scan_comb_150dpi():
    n, f = "s01_stage1_scan_comb_150dpi", V_c01()
    src = WORK / "c01_src.pdf"
    rl_form(src, "stage1", f, {"comb": True})
    return scan_case(n, "stage1", f, src, 150, 0.9, "Image-only scan of c01 (comb boxes): 150 dpi grey, tilt "
                     "0.9\u00b0, blur, noise, specks, JPEG q50. Same true values as c01.", q=50)


@case
def s02_stage2_scan_fill_sign_200dpi():
    n, f = "s02_stage2_scan_fill_sign_200dpi", V_f01()
    src = WORK / "f01_src.pdf"
    fill_and_sign(src, "stage2", f, {"date": "us", "phone": "paren"})
    return scan_case(n, "stage2", f, src, 200, -0.6, "Image-only scan of f01 (Fill & Sign printout) whose "
                     "page 2 was fed UPSIDE DOWN (image turned 180\u00b0, no /Rotate): 200 dpi grey, tilt "
                     "-0.6\u00b0, JPEG q55. Same true values as f01.", flip_pages=(1,))


@case
def s03_mod_scan_page2_upside_down():
    n = "s03_mod_scan_page2_upside_down"
    f = F("blue", mod_vals("RPA2-2025-00277", ["RPABH0601", "RPABH0602"], ["increase_screens"],
                           "Allow the bot to open the coverage summary as well.", "2027-01-19",
                           new_screens_per_session=7), att("Fiona MacAllister", "Program Director", "2026-11-09"))
    src = WORK / (n + "_src.pdf")
    rl_form(src, "modification", f, {"glyphs": ("\u2612", "\u2610"), "date": "long"})
    return scan_case(n, "modification", f, src, 170, 1.1, "Image-only scan of a printed two-page Modification "
                     "Request (Increase POSC Screens to 7) where page 2 was fed UPSIDE DOWN (the image is turned "
                     "180\u00b0, no /Rotate): 170 dpi grey, tilt 1.1\u00b0.", flip_pages=(1,))


@case
def s04_agreement_scan_ink_180dpi():
    n, f = "s04_agreement_scan_ink_180dpi", V_f03()
    src = WORK / "f03_src.pdf"
    fill_and_sign(src, "rpa_agreement", f, {"date": "long"}, ink=True)
    return scan_case(n, "rpa_agreement", f, src, 180, 0.5, "Image-only scan of f03 (agreement with ink "
                     "signature): 180 dpi grey, tilt 0.5\u00b0. Same true values as f03.")


@case
def s05_test_scenarios_scan_multipage():
    n = "s05_test_scenarios_scan_multipage"
    rows, summ = scenario_rows("MV", [("eligibility_inquiry", 14, {5, 11}), ("claim_status", 14, {3})])
    src = WORK / "t01_src.pdf"
    ts_platypus(src, ORGS["merrimack"]["org_legal_name"], rows,
                "Executed in the MassHealth Trading Partner Testing Environment, 13-21 October 2026.")
    return scan_case(n, "test_scenarios", summ, src, 160, -1.0, "Image-only scan of t01 (multi-page scenario "
                     "table with repeated headers) received by FAX: a transmission line 'DEC-01-2026 08:02  "
                     "FROM: MV PEDIATRICS 978 555 0131  P.00n' across the top of each page; 160 dpi grey, tilt "
                     "-1.0\u00b0. Same true values as t01.",
                     fax_header="DEC-01-2026 08:02   FROM: MV PEDIATRICS 978 555 0131   P.%03d",
                     extra=ts_extra(rows))


@case
def s06_annual_scan_fax_header():
    n, f = "s06_annual_scan_fax_header", V_k01()
    src = WORK / (n + "_src.pdf")
    rl_form(src, "annual_validation", f, {"date": "us"}, mode="overlay")
    return scan_case(n, "annual_validation", f, src, 200, 0.7, "Image-only scan of a printed Annual Validation "
                     "(values of k01) received by FAX: a fax transmission line 'NOV-27-2026 10:14  FROM: "
                     "508 555 0100  TO: MASSHEALTH RPA  P.001' printed across the top of the page above the "
                     "form; 200 dpi grey, tilt 0.7\u00b0, JPEG q45.", q=45,
                     fax_header="NOV-27-2026 10:14   FROM: 508 555 0100   TO: MASSHEALTH RPA   P.%03d")


# ----------------------------------------------------------------------------- main
def main(names):
    todo = names or list(CASES)
    if not names:
        for p in HERE.iterdir():
            if p.suffix in (".pdf", ".docx", ".eml") or p.name.endswith(".expected.json"):
                p.unlink()
    for name in todo:
        e = CASES[name]()
        write_expected(e)
        print("ok", name)


if __name__ == "__main__":
    main(sys.argv[1:])
