#!/usr/bin/env python3
"""Eleventh independent (blind) sample set for rpa-intake, drawn only from SPEC.md.
Run: /work/main/.venv/bin/python tests/data/independent11/make_independent11.py
Writes every document and <case>.expected.json into this directory; scratch in /work/wt/_work11."""
import io, os, json, random, zipfile, subprocess, copy, base64, re
from datetime import date, datetime
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.pagesizes import letter, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib import colors

OUT = os.path.dirname(os.path.abspath(__file__))
WORK = '/work/wt/_work11'
os.makedirs(WORK, exist_ok=True)
FD = '/usr/share/fonts/truetype/dejavu/'
for n, f in [('DV', 'DejaVuSans.ttf'), ('DVB', 'DejaVuSans-Bold.ttf'), ('DVS', 'DejaVuSerif.ttf'),
             ('DVM', 'DejaVuSansMono.ttf'), ('DVC', 'DejaVuSansCondensed.ttf')]:
    pdfmetrics.registerFont(TTFont(n, FD + f))
RNG = random.Random(11011)

# ---------------------------------------------------------------- data
def npi_make(nine):
    s = '80840' + nine
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return nine + str((10 - tot % 10) % 10)

def rnd_npi(): return npi_make('1' + ''.join(str(RNG.randrange(10)) for _ in range(8)))
def rnd_fein(): return '%02d-%07d' % (RNG.randrange(10, 99), RNG.randrange(10**6, 10**7))
def rnd_pid(): return '1100%05d%s' % (RNG.randrange(10**5), RNG.choice('ABCDEFGHJKLM'))

TXN = [('eligibility_inquiry', 'Member Eligibility Verification'), ('claim_submission', 'Claim Submission (DDE)'),
       ('claim_status', 'Claim Status Inquiry'), ('claim_adjustment', 'Claim Adjustment/Void'),
       ('prior_authorization', 'Prior Authorization Request'), ('remittance_advice', 'Remittance Advice Download'),
       ('other', 'Other DDE Activity')]
TXT = dict(TXN)
ORGT = [('provider', 'MassHealth Provider'), ('business_partner', 'Business Partner'), ('relationship_entity', 'Relationship Entity')]
HOST = [('on_premises', 'On-Premises'), ('cloud', 'Cloud'), ('vendor_hosted', 'Vendor-Hosted')]
MODT = [('replace_tool', 'Replace RPA Tool'), ('increase_screens', 'Increase POSC Screens per Session'),
        ('decrease_screens', 'Decrease POSC Screens per Session'), ('add_sequential_transaction', 'Add Sequential Transaction in Same Session'),
        ('retire_bot', 'Retire Bot'), ('other', 'Other')]
DOCS = [('rpa_agreement', 'MassHealth RPA Agreement'), ('systems_design', 'Systems Design Documentation'), ('test_scenarios', 'Test Scenarios')]

def org(name, dba, typ, street, city, st, zp, cn, ct, em, ph, sn, stt):
    o = dict(org_legal_name=name, org_dba=dba, org_type=typ, fein=rnd_fein(), street=street, city=city, state=st, zip=zp,
             contact_name=cn, contact_title=ct, contact_email=em, contact_phone=ph, signer_name=sn, signer_title=stt)
    if typ == 'provider':
        o['provider_id'] = rnd_pid(); o['npi'] = rnd_npi()
    if not dba: del o['org_dba']
    return o

ORGS = {
 'QFD': org('Quinsigamond Family Dental Group, P.C.', 'QFD Group', 'provider', '88 Shrewsbury Street', 'Worcester', 'MA', '01604',
            'Marisol Vantongeren', 'Billing Operations Lead', 'mvantongeren@qfdgroup.com', '508-555-0162', 'Dr. Anand Ramaswamy', 'Managing Partner'),
 'BVH': org('Blackstone Valley Home Care Services, Inc.', None, 'provider', '19 Mendon Street', 'Uxbridge', 'MA', '01569-1207',
            'Terrence Okonkwo-Hale', 'Director of Finance', 'tokonkwohale@bvhomecare.org', '508-555-0119', 'Patricia Gendreau', 'Chief Executive Officer'),
 'CAB': org('Cape Ann Behavioral Health Collaborative', 'CABHC', 'provider', '4 Pond Road, Unit 12', 'Gloucester', 'MA', '01930',
            'Ingrid Sørensen-Pike', 'Revenue Cycle Analyst', 'isorensenpike@capeannbh.org', '978-555-0144', 'Michael J. Doucette', 'Executive Director'),
 'TCS': org('Tidewater Claims Solutions LLC', 'Tidewater', 'business_partner', '250 Westminster Street, 9th Floor', 'Providence', 'RI', '02903',
            'Keisha Abernathy', 'Automation Program Manager', 'kabernathy@tidewaterclaims.com', '401-555-0177', 'Gordon Villanueva', 'Chief Operating Officer'),
 'POS': org('Pittsfield Orthopedic & Sports Medicine, LLC', 'Berkshire Ortho', 'provider', '777 North Street', 'Pittsfield', 'MA', '01201',
            'Shauna McAllister', 'Practice Administrator', 'smcallister@berkshireortho.com', '413-555-0126', 'Dr. Leonard Fitzgibbon', 'Medical Director'),
 'NRC': org('Nashoba Regional Clearinghouse Corp.', None, 'business_partner', '31 Park Street', 'Ayer', 'MA', '01432',
            'Deepak Venkataraman', 'RPA Solutions Architect', 'dvenkataraman@nashobaclear.com', '978-555-0108', 'Rebecca Thornquist', 'President'),
 'SHX': org('Seaport Health Information Exchange, Inc.', 'SeaportHIE', 'relationship_entity', '1 Marina Park Drive, Suite 400', 'Boston', 'MA', '02210',
            'Ana Lúcia Ferreira', 'Integration Manager', 'aferreira@seaporthie.org', '617-555-0183', 'Jonathan Whitcomb-Reyes', 'Vice President, Operations'),
 'WPT': org('Westfield Pediatric Therapy Associates', 'WPTA', 'provider', '62 Elm Street', 'Westfield', 'MA', '01085',
            'Colleen Brassard', 'Office Manager', 'cbrassard@westfieldpeds.com', '413-555-0150', 'Dr. Yusuf Karimi', 'Owner'),
 'BNH': org('Brockton Neighborhood Health Partners, Inc.', None, 'provider', '63 Main Street', 'Brockton', 'MA', '02301',
            'Fernanda Tavares', 'Patient Accounts Supervisor', 'ftavares@brocktonnhp.org', '508-555-0137', 'Walter Nkemelu', 'Chief Financial Officer'),
 'KRA': org('Kestrel Revenue Automation Inc.', 'Kestrel RA', 'business_partner', '20 Trafalgar Square, Suite 210', 'Nashua', 'NH', '03063',
            'Brendan Szymanski', 'Bot Operations Lead', 'bszymanski@kestrelra.com', '603-555-0191', 'Lorraine Ducharme', 'Chief Executive Officer'),
 'MWV': org('Mount Wachusett Visiting Nurse Association', 'MW VNA', 'provider', '145 Pearson Boulevard', 'Gardner', 'MA', '01440',
            'Hollis Ebersole', 'Reimbursement Specialist', 'hebersole@mwvna.org', '978-555-0112', 'Sister Margaret Tierney', 'President'),
 'SHD': org('Salem Harbor Dialysis Center, LLC', None, 'provider', '9 Derby Street', 'Salem', 'MA', '01970',
            'Quentin Albrecht', 'Billing Manager', 'qalbrecht@salemharbordialysis.com', '978-555-0166', 'Dr. Priyanka Mehra', 'Medical Director'),
}
ORG_KEYS = ['org_legal_name', 'org_dba', 'org_type', 'provider_id', 'npi', 'fein', 'street', 'city', 'state', 'zip',
            'contact_name', 'contact_title', 'contact_email', 'contact_phone']

ORG_SECS = [('Organization', ['org_legal_name', 'org_dba', 'org_type', 'fein', 'provider_id', 'npi']),
            ('Address', ['street', 'city', 'state', 'zip']),
            ('Primary Contact', ['contact_name', 'contact_title', 'contact_email', 'contact_phone'])]
# field definitions: key -> (label, kind, options)
F = {
 'org_legal_name': ('Organization Legal Name', 'text'), 'org_dba': ('Doing Business As (DBA)', 'text'),
 'org_type': ('Organization Type', 'choice', ORGT),
 'provider_id': ('MassHealth Provider ID/Service Location (PID/SL)', 'text'), 'npi': ('National Provider Identifier (NPI)', 'text'),
 'fein': ('Federal Employer Identification Number (FEIN)', 'text'), 'street': ('Street Address', 'text'), 'city': ('City', 'text'),
 'state': ('State', 'text'), 'zip': ('ZIP Code', 'text'), 'contact_name': ('Primary Contact Name', 'text'),
 'contact_title': ('Primary Contact Title', 'text'), 'contact_email': ('Primary Contact Email', 'text'),
 'contact_phone': ('Primary Contact Telephone', 'phone'),
 'attest': ('I attest that the information on this form is true and complete', 'check'),
 'signer_name': ('Authorized Signatory Name', 'text'), 'signer_title': ('Authorized Signatory Title', 'text'),
 'signature_date': ('Date Signed', 'date'),
 'rpa_tool_name': ('RPA Tool (Product Name)', 'text'), 'rpa_tool_vendor': ('RPA Tool Vendor', 'text'),
 'rpa_tool_version': ('RPA Tool Version', 'text'), 'bot_count': ('Number of Bots Requested', 'int'),
 'bot_names': ('Bot Name(s)', 'list'), 'hosting': ('Bot Hosting', 'choice', HOST),
 'transactions': ('POSC Transactions Requested', 'set', TXN), 'transactions_other': ('If Other, describe', 'text'),
 'posc_screens': ('POSC Screens Accessed', 'list'), 'screens_per_session': ('Maximum POSC Screens per Bot Session', 'int'),
 'avg_weekly_transactions': ('Average Number of Transactions per Week', 'int'),
 'est_monthly_transactions': ('Estimated Transactions per Month', 'int'), 'operating_hours': ('Bot Operating Hours', 'text'),
 'planned_go_live': ('Planned Production Date', 'date'),
 'stage1_approval_number': ('Stage I Approval Number', 'text'),
 'testing_completed': ('Testing completed in the MassHealth Trading Partner Testing Environment', 'yn'),
 'testing_completed_date': ('Testing Completion Date', 'date'), 'user_ids_requested': ('Number of RPA User IDs Requested', 'int'),
 'docs_enclosed': ('Supporting Documentation Enclosed', 'set', DOCS),
 'operational_since': ('Date Bot Became Operational on the POSC', 'date'),
 'current_user_ids': ('POSC User ID(s) Currently Used by the Bot', 'list'),
 'stage2_approval_number': ('Stage II Approval Number', 'text'), 'rpa_user_ids': ('RPA User ID(s) Affected', 'list'),
 'modification_types': ('Type of Modification', 'set', MODT), 'new_rpa_tool_name': ('New RPA Tool (Product Name)', 'text'),
 'new_rpa_tool_vendor': ('New RPA Tool Vendor', 'text'), 'new_screens_per_session': ('New Maximum POSC Screens per Session', 'int'),
 'added_transaction': ('Transaction to Add', 'choice', TXN),
 'same_session': ('Will the added transaction run in the same bot session?', 'yn'),
 'description': ('Description of Modification', 'text'), 'effective_date': ('Requested Effective Date', 'date'),
 'validation_year': ('Validation Year', 'int'),
 'info_current': ('The RPA information on file with MassHealth is current and accurate', 'yn'),
 'unapproved_changes': ('Has the bot been modified without MassHealth approval since the last validation?', 'yn'),
}
REQ = {'org_legal_name', 'org_type', 'fein', 'street', 'city', 'state', 'zip', 'contact_name', 'contact_email', 'contact_phone',
       'attest', 'signer_name', 'signer_title', 'signature_date', 'rpa_tool_name', 'rpa_tool_vendor', 'bot_count', 'transactions',
       'posc_screens', 'screens_per_session', 'stage1_approval_number', 'testing_completed', 'user_ids_requested',
       'operational_since', 'current_user_ids', 'stage2_approval_number', 'rpa_user_ids', 'modification_types', 'description',
       'validation_year', 'info_current', 'avg_weekly_transactions'}
TITLES = {'stage1': 'MassHealth RPA Stage I Registration Form', 'stage2': 'MassHealth RPA Stage II Registration Form',
          'stage2_grandfathered': 'MassHealth RPA Stage II Registration Form – Grandfathered Entities',
          'modification': 'MassHealth RPA Modification Request Form', 'annual_validation': 'MassHealth RPA Annual Validation',
          'rpa_agreement': 'MassHealth RPA Agreement'}
CODES = {'stage1': 'RPA-S1', 'stage2': 'RPA-S2', 'stage2_grandfathered': 'RPA-S2G', 'modification': 'RPA-MOD',
         'annual_validation': 'RPA-AV', 'rpa_agreement': 'RPA-AGR'}
SECTIONS = {
 'stage1': [('Tool and Bots', ['rpa_tool_name', 'rpa_tool_vendor', 'rpa_tool_version', 'bot_count', 'bot_names', 'hosting']),
            ('POSC Transactions and Volume', ['transactions', 'transactions_other', 'posc_screens', 'screens_per_session',
             'avg_weekly_transactions', 'est_monthly_transactions', 'operating_hours', 'planned_go_live'])],
 'stage2': [('Stage I Reference', ['stage1_approval_number', 'rpa_tool_name', 'rpa_tool_vendor', 'rpa_tool_version']),
            ('Transactions and Testing', ['transactions', 'testing_completed', 'testing_completed_date', 'user_ids_requested', 'docs_enclosed'])],
 'stage2_grandfathered': [('Bot on the POSC', ['rpa_tool_name', 'rpa_tool_vendor', 'rpa_tool_version', 'bot_count', 'operational_since',
             'current_user_ids', 'screens_per_session', 'avg_weekly_transactions']),
            ('Transactions and Testing', ['transactions', 'testing_completed', 'testing_completed_date', 'user_ids_requested', 'docs_enclosed'])],
 'modification': [('Approved Registration', ['stage2_approval_number', 'rpa_user_ids']),
            ('Requested Modification', ['modification_types', 'new_rpa_tool_name', 'new_rpa_tool_vendor', 'new_screens_per_session',
             'added_transaction', 'same_session', 'description', 'effective_date'])],
 'annual_validation': [('Registration on File', ['stage2_approval_number', 'rpa_user_ids', 'validation_year']),
            ('Validation', ['info_current', 'unapproved_changes'])],
}

def fields_for(ft, o, extra, omit=()):
    d = {k: o[k] for k in ORG_KEYS if k in o}
    d.update(extra)
    d.setdefault('attest', True)
    for k in ('signer_name', 'signer_title'): d.setdefault(k, o[k])
    for k in omit: d.pop(k, None)
    return {k: v for k, v in d.items() if v is not None}

def label(k, ft):
    l = F[k][0]
    if ft in ('stage2', 'stage2_grandfathered') and k == 'transactions': l = 'POSC Transactions'
    if ft == 'annual_validation' and k == 'rpa_user_ids': l = 'RPA User ID(s)'
    return l

def fmt_date(v, style):
    d = date.fromisoformat(v)
    return {'us': d.strftime('%m/%d/%Y'), 'long': d.strftime('%B ') + str(d.day) + d.strftime(', %Y'), 'iso': v,
            'dmy': '%d %s %d' % (d.day, d.strftime('%b'), d.year), 'dash': d.strftime('%m-%d-%Y')}[style]

def fmt_phone(v, style):
    a, b, c = v.split('-')
    return {'paren': '(%s) %s-%s' % (a, b, c), 'dot': '%s.%s.%s' % (a, b, c), 'dash': v, 'sp': '%s %s %s' % (a, b, c)}[style]

def disp(k, v, fmt):
    kind = F[k][1]
    if v is None: return ''
    if kind == 'date': return fmt_date(v, fmt.get('date', 'us'))
    if kind == 'phone': return fmt_phone(v, fmt.get('phone', 'dash'))
    if kind == 'list': return fmt.get('listsep', ', ').join(v)
    if kind == 'int': return '{:,}'.format(v) if v >= 1000 and fmt.get('commas') else str(v)
    return str(v)

CASES = []   # dicts: name, ext, ft, fields, problems, shape, scan, drawn_with, description, extra
def add(name, ext, ft, fields, shape, drawn, desc, problems=(), scan=False, **extra):
    c = dict(name=name, ext=ext, ft=ft, fields=fields, problems=list(problems), shape=shape, scan=scan, drawn=drawn, desc=desc)
    c.update(extra); CASES.append(c); return c

def expected_of(c):
    e = {'file': c['name'] + c['ext'], 'form_type': c['ft'], 'form_version': CODES.get(c['ft']),
         'fields': c['fields'], 'expected_problems': [{'code': a, 'field': b} for a, b in c['problems']],
         'shape': c['shape'], 'scan': c['scan'], 'drawn_with': c['drawn'], 'description': c['desc']}
    if c['ft'] == 'test_scenarios': e['scenario_summary'] = c['summary']
    if c['ft'] == 'systems_design': e['transactions_mentioned'] = c['fields']['transactions']
    return e

# ---------------------------------------------------------------- printed PDF (reportlab canvas)
class Pen:
    """Records text per page so it can be drawn in order, word by word scrambled, or as an OCR layer."""
    def __init__(self, path, scramble=False, pagesize=letter, footer=''):
        self.c = rl_canvas.Canvas(path, pagesize=pagesize, invariant=1)
        self.W, self.H = pagesize; self.scramble = scramble; self.items = []; self.pages = []; self.pno = 1
        self.footer = footer; self.y = self.H - 50; self.rng = random.Random(path.rsplit('/', 1)[-1])
    def text(self, x, y, s, font='DV', size=9):
        if s: self.items.append((x, y, s, font, size))
    def words(self):
        out = []
        for x, y, s, f, z in self.items:
            pos = 0
            for m in re.finditer(r'\S+', s):
                out.append((x + pdfmetrics.stringWidth(s[:m.start()], f, z), y, m.group(), f, z))
        return out
    def flush(self):
        if self.footer:
            self.text(50, 30, self.footer + '    Page %d' % self.pno, 'DV', 7)
        its = self.words() if self.scramble else self.items
        if self.scramble: self.rng.shuffle(its)
        for x, y, s, f, z in its:
            self.c.setFont(f, z); self.c.drawString(x, y, s)
        self.pages.append(self.words()); self.items = []
    def need(self, h):
        if self.y - h < 60: self.newpage()
    def newpage(self):
        self.flush(); self.c.showPage(); self.pno += 1; self.y = self.H - 50
    def save(self):
        self.flush(); self.c.save(); return self.pages

def wrap(s, font, size, width):
    out, cur = [], ''
    for w in s.split():
        t = (cur + ' ' + w).strip()
        if pdfmetrics.stringWidth(t, font, size) > width and cur: out.append(cur); cur = w
        else: cur = t
    return out + [cur] if cur else out

def mark_line(opts, sel, single):
    on, off = ('☒', '☐')
    return '   '.join(('%s %s' % (on if k in sel else off, t)) for k, t in opts)

def print_form(path, ft, fields, style, fmt, footer=None, scramble=False, heading_case='caps'):
    """style: box | line | twocol ; fmt: sep (': ', ' – ', ' = ', 'tab', 'gap'), date, phone"""
    code = CODES[ft]
    p = Pen(path, scramble=scramble, footer=footer or 'Form %s (Rev. 10/2026)' % code)
    c = p.c
    p.text(50, p.y, TITLES[ft], 'DVB', 13); p.y -= 16
    p.text(50, p.y, 'MassHealth Provider Online Service Center (POSC) · Robotic Process Automation', 'DV', 8); p.y -= 22
    secs = ORG_SECS + SECTIONS.get(ft, []) + [('Attestation and Signature', ['attest', 'signer_name', 'signer_title', 'signature_date'])]
    sep = fmt.get('sep', ': ')
    for title, keys in secs:
        p.need(60)
        t = title.upper() if heading_case == 'caps' else title
        c.setFillColor(colors.HexColor('#d9e2ef')); c.rect(45, p.y - 4, p.W - 90, 15, fill=1, stroke=0); c.setFillColor(colors.black)
        # headings are white on a band: draw directly (still part of the text layer)
        p.items.append((50, p.y, t, 'DVB', 9)); p.y -= 22
        if style == 'twocol':
            row = []
            simple = [k for k in keys if F[k][1] in ('text', 'int', 'date', 'phone') and k not in ('description', 'street', 'org_legal_name', 'transactions_other', 'operating_hours')]
            i = 0
            while i < len(keys):
                k = keys[i]
                if k in simple and i + 1 < len(keys) and keys[i + 1] in simple:
                    for col, kk in ((50, k), (318, keys[i + 1])):
                        lab = label(kk, ft) + ':'
                        p.text(col, p.y, lab, 'DVC', 7.5)
                        p.text(col + pdfmetrics.stringWidth(lab, 'DVC', 7.5) + 4, p.y, disp(kk, fields.get(kk), fmt), 'DV', 8.5)
                    p.y -= 15; i += 2; continue
                line_field(p, ft, k, fields, fmt, ': ', 'DVC', 7.5); i += 1
            p.y -= 6; continue
        for k in keys:
            if style == 'box': box_field(p, ft, k, fields, fmt)
            else: line_field(p, ft, k, fields, fmt, sep, 'DVB', 8.5)
        p.y -= 6
    return p.save()

def line_field(p, ft, k, fields, fmt, sep, lf, ls):
    kind = F[k][1]; v = fields.get(k)
    p.need(30)
    if kind == 'check':
        p.text(50, p.y, ('☒ ' if v else '☐ ') + F[k][0], 'DV', 8.5); p.y -= 15; return
    lab = label(k, ft)
    if kind in ('choice', 'set', 'yn'):
        opts = F[k][2] if kind != 'yn' else [(True, 'Yes'), (False, 'No')]
        sel = set(v or []) if kind == 'set' else ({v} if v is not None else set())
        p.text(50, p.y, lab + (':' if sep.strip() == ':' else ''), lf, ls); p.y -= 12
        line = ''
        parts = [('☒ ' if kk in sel else '☐ ') + t for kk, t in opts]
        for part in parts:
            if pdfmetrics.stringWidth(line + '    ' + part, 'DV', 8.5) > p.W - 130:
                p.text(64, p.y, line, 'DV', 8.5); p.y -= 12; line = part
            else:
                line = (line + '    ' + part) if line else part
        p.text(64, p.y, line, 'DV', 8.5); p.y -= 15; return
    val = disp(k, v, fmt)
    if sep in ('tab', 'gap'):
        labt = lab
        x = 50 + pdfmetrics.stringWidth(labt, lf, ls) + (10 if sep == 'gap' else 0)
        if sep == 'tab': x = max(x + 6, 300)
    else:
        labt = lab + sep.rstrip() if sep.strip() == ':' else lab + sep.rstrip()
        x = 50 + pdfmetrics.stringWidth(labt + ' ', lf, ls)
    p.text(50, p.y, labt, lf, ls)
    lines = wrap(val, 'DV', 9, p.W - 50 - x) if val else []
    for i, ln in enumerate(lines):
        p.text(x, p.y, ln, 'DV', 9)
        if i < len(lines) - 1: p.y -= 11
    p.y -= 15

def box_field(p, ft, k, fields, fmt):
    c = p.c; kind = F[k][1]; v = fields.get(k)
    if kind == 'check':
        p.need(20); c.rect(50, p.y - 2, 9, 9)
        if v: p.text(51.5, p.y, 'X', 'DVB', 8)
        p.text(64, p.y, F[k][0] + ' *', 'DV', 8.5); p.y -= 18; return
    lab = label(k, ft) + (' *' if k in REQ else '')
    if kind in ('choice', 'set', 'yn'):
        opts = F[k][2] if kind != 'yn' else [(True, 'Yes'), (False, 'No')]
        sel = set(v or []) if kind == 'set' else ({v} if v is not None else set())
        p.need(40); p.text(50, p.y, lab, 'DVB', 8); p.y -= 14
        x = 56
        for kk, t in opts:
            w = pdfmetrics.stringWidth(t, 'DV', 8.5) + 30
            if x + w > p.W - 50: x = 56; p.y -= 14
            c.rect(x, p.y - 2, 9, 9)
            if kk in sel: p.text(x + 1.5, p.y, 'X', 'DVB', 8)
            p.text(x + 13, p.y, t, 'DV', 8.5); x += w
        p.y -= 20; return
    val = disp(k, v, fmt)
    lines = wrap(val, 'DV', 9, p.W - 112) or ['']
    h = 8 + 11 * len(lines)
    p.need(h + 16)
    p.text(50, p.y, lab, 'DVB', 8); p.y -= 4
    c.setStrokeColor(colors.HexColor('#555555')); c.rect(50, p.y - h, p.W - 100, h); c.setStrokeColor(colors.black)
    yy = p.y - 11
    for ln in lines: p.text(55, yy, ln, 'DV', 9); yy -= 11
    p.y -= h + 14

AGR_TEXT = [
 'This MassHealth Robotic Process Automation (RPA) Agreement is entered into by the Organization named below and the '
 'Massachusetts Executive Office of Health and Human Services (MassHealth). The Organization may operate registered RPA bots on '
 'the Provider Online Service Center (POSC) only for the transactions approved by MassHealth.',
 '1. The Organization will keep every RPA User ID assigned to a bot confidential and will not share it with a person or another bot.',
 '2. Bots will not exceed the number of POSC screens per session approved by MassHealth and will run only in approved sessions.',
 '3. The Organization will submit an RPA Modification Request Form before any change to an approved bot and will complete the '
 'Annual Validation each year.',
 '4. MassHealth may suspend or revoke RPA User IDs of any bot that degrades POSC performance or that operates outside this Agreement.',
]

def print_agreement(path, f, fmt, signature=None, footer='RPA-AGR  MassHealth RPA Agreement (10/2026)', sig_fields=True):
    p = Pen(path, footer=footer)
    p.text(50, p.y, TITLES['rpa_agreement'], 'DVB', 14); p.y -= 26
    for para in AGR_TEXT:
        for ln in wrap(para, 'DVS', 9.5, p.W - 100): p.text(50, p.y, ln, 'DVS', 9.5); p.y -= 12.5
        p.y -= 6
    p.y -= 14
    rows = [('Organization Legal Name', f.get('org_legal_name')), ('Authorized Signatory Name', f.get('signer_name')),
            ('Authorized Signatory Title', f.get('signer_title')),
            ('Date Signed', fmt_date(f['signature_date'], fmt.get('date', 'us')) if f.get('signature_date') else ''),
            ('Signature', signature or '')]
    for lab, val in rows:
        p.text(50, p.y, lab + ':', 'DVB', 9); p.c.line(210, p.y - 3, 520, p.y - 3)
        if val: p.text(214, p.y, val, 'DVS' if lab != 'Signature' else 'DVS', 10)
        p.y -= 26
    return p.save()

# ---------------------------------------------------------------- supporting documents
def scen_rows(prefix, plan):
    """plan: list of (txn_key, [results 'P'/'F' ...]) -> rows + summary"""
    rows, summ, n = [], {}, 0
    screens = {'eligibility_inquiry': 'Member Search > Eligibility Detail', 'claim_status': 'Claim Search > Claim Detail',
               'claim_submission': 'Claim Entry > Service Lines > Submit', 'claim_adjustment': 'Claim Search > Adjust/Void',
               'prior_authorization': 'PA Request > PA Detail', 'remittance_advice': 'Remittance Advice > Download',
               'other': 'Provider Correspondence Inbox'}
    for t, res in plan:
        s = summ.setdefault(t, {'scenarios': 0, 'passed': 0})
        for i, r in enumerate(res):
            n += 1; s['scenarios'] += 1; s['passed'] += (r == 'P')
            exp = {'eligibility_inquiry': 'Eligibility segment shown for date of service', 'claim_status': 'Status and ICN returned',
                   'claim_submission': 'Claim accepted, ICN assigned', 'claim_adjustment': 'Adjustment accepted', 'prior_authorization': 'PA request number issued',
                   'remittance_advice': 'RA file saved to share', 'other': 'Letter downloaded'}[t]
            act = 'As expected' if r == 'P' else ['Timeout on second screen', 'Wrong member selected', 'Session ended early'][i % 3]
            rows.append(['%s-%02d' % (prefix, n), TXT[t], screens[t], exp + (' (case %d)' % (i + 1)), act, r])
    fields = {'transactions': sorted(summ), 'scenario_pass_counts': {k: summ[k]['passed'] for k in sorted(summ)}}
    return rows, fields, {k: summ[k] for k in sorted(summ)}

def ts_platypus_merged(path, orgname, rows, spell=('PASSED', 'FAILED')):
    doc = SimpleDocTemplate(path, pagesize=landscape(letter), leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40,
                            invariant=1, title='Test Scenarios')
    ss = getSampleStyleSheet(); st = ss['BodyText']; st.fontName = 'DV'; st.fontSize = 8; st.leading = 10
    data = [['Scenario ID', 'Transaction', 'POSC Screen(s)', 'Expected Result', 'Actual Result', 'Pass/Fail']]
    spans = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1][5] == rows[i][5] and rows[j + 1][1] == rows[i][1]: j += 1
        for k in range(i, j + 1):
            r = rows[k]
            data.append([r[0], Paragraph(r[1], st), Paragraph(r[2], st), Paragraph(r[3], st), Paragraph(r[4], st),
                         (spell[0] if r[5] == 'P' else spell[1]) if k == i else ''])
        if j > i: spans.append(('SPAN', (5, i + 1), (5, j + 1)))
        i = j + 1
    t = Table(data, colWidths=[62, 120, 150, 170, 130, 70], repeatRows=1)
    t.setStyle(TableStyle([('FONT', (0, 0), (-1, -1), 'DV', 8), ('FONT', (0, 0), (-1, 0), 'DVB', 8),
                           ('GRID', (0, 0), (-1, -1), 0.4, colors.grey), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                           ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#dde4ee'))] + spans))
    h = ss['Heading1']; h.fontName = 'DVB'
    doc.build([Paragraph('Test Scenarios – POSC RPA Bot', h), Paragraph(orgname + ' · executed in the MassHealth Trading Partner Testing Environment', st), Spacer(1, 10), t])

def sd_text(orgname, txns, bot):
    paras = ['This document describes the process flow of the %s bot operated by %s on the MassHealth Provider Online Service '
             'Center (POSC). It covers every POSC screen the bot touches, end to end, for each transaction the bot performs.' % (bot, orgname)]
    flows = {'eligibility_inquiry': ['Log in to the POSC with the bot\'s RPA User ID', 'Open Member Search and enter the member ID and date of service',
                                     'Read the Eligibility Detail screen and store the coverage segment', 'Return to the POSC home page'],
             'claim_status': ['Open Claim Search from the POSC menu', 'Search by ICN or by member and service dates', 'Read the Claim Detail screen (status, paid amount, EOB codes)', 'Write the result to the work queue'],
             'claim_submission': ['Open Claim Entry', 'Key header and service lines from the billing extract', 'Submit and capture the ICN from the confirmation screen'],
             'prior_authorization': ['Open the PA Request screen', 'Attach the clinical summary and submit', 'Record the PA request number from PA Detail'],
             'remittance_advice': ['Open Remittance Advice', 'Select the latest payment cycle', 'Download the RA file to the secure share'],
             'claim_adjustment': ['Open Claim Search and the paid claim', 'Choose Adjust or Void and enter the reason code', 'Capture the new ICN']}
    sections = []
    for t in txns:
        sections.append(('Process flow: ' + TXT[t], flows[t]))
    return paras, sections

def sd_pdf(path, orgname, txns, bot, scramble=False):
    paras, secs = sd_text(orgname, txns, bot)
    p = Pen(path, scramble=scramble)
    p.text(50, p.y, 'Systems Design Documentation', 'DVB', 15); p.y -= 16
    p.text(50, p.y, orgname + ' – RPA bot ' + bot, 'DV', 9); p.y -= 24
    for para in paras:
        for ln in wrap(para, 'DVS', 10, p.W - 100): p.text(50, p.y, ln, 'DVS', 10); p.y -= 13
        p.y -= 8
    for title, steps in secs:
        p.need(80); p.text(50, p.y, title, 'DVB', 11); p.y -= 16
        for i, s in enumerate(steps, 1):
            p.text(60, p.y, 'Step %d.' % i, 'DVB', 9); p.text(100, p.y, s, 'DVS', 9.5); p.y -= 13
        p.y -= 10
    return p.save()

# ---------------------------------------------------------------- fillable PDFs
def fill_ts(path, orgname, rows, blank_rows=(), npr=10):
    c = rl_canvas.Canvas(path, pagesize=landscape(letter), invariant=1); W, H = landscape(letter)
    cols = [('ScenarioID', 'Scenario ID', 60), ('Transaction', 'Transaction', 140), ('Screens', 'POSC Screen(s)', 150),
            ('Expected', 'Expected Result', 170), ('Actual', 'Actual Result', 130), ('Pass/Fail', 'Pass/Fail', 60)]
    total = len(rows) + len(blank_rows) + 2
    it = iter(rows); rn = 0; page = 0
    while rn < total:
        c.setFont('DVB', 14); c.drawString(36, H - 44, 'Test Scenarios'); c.setFont('DV', 8)
        c.drawString(36, H - 58, 'Organization: ' + orgname)
        y = H - 86; x = 36
        c.setFont('DVB', 8)
        for _, t, w in cols: c.rect(x, y, w, 16); c.drawString(x + 3, y + 5, t); x += w
        for _ in range(npr):
            if rn >= total: break
            rn += 1; y -= 18; x = 36
            r = None if (rn in blank_rows or rn > len(rows) + len(blank_rows)) else next(it)
            for ci, (nm, t, w) in enumerate(cols):
                c.acroForm.textfield(name='Row%d.%s' % (rn, nm), x=x, y=y, width=w, height=18, value=(r[ci] if r else ''),
                                     fontName='Helvetica', fontSize=7, borderWidth=0.5, borderColor=colors.grey, fillColor=colors.white)
                x += w
        c.setFont('DV', 7); c.drawString(36, 30, 'Page %d' % (page + 1)); c.showPage(); page += 1
    c.save()

def fill_form(path, ft, fields, fmt):
    """fillable PDF with meaningful names; label at the left, field at the right"""
    c = rl_canvas.Canvas(path, pagesize=letter, invariant=1); W, H = letter
    y = [H - 50]; page = [1]
    def need(h):
        if y[0] - h < 60:
            c.setFont('DV', 7); c.drawString(50, 30, 'Form %s (Rev. 10/2026)   Page %d' % (CODES[ft], page[0])); c.showPage(); page[0] += 1; y[0] = H - 50
    c.setFont('DVB', 13); c.drawString(50, y[0], TITLES[ft]); y[0] -= 28
    secs = [('Organization', ORG_KEYS)] + SECTIONS[ft] + [('Attestation', ['attest', 'signer_name', 'signer_title', 'signature_date'])]
    names = {}
    for title, keys in secs:
        need(40); c.setFont('DVB', 10); c.drawString(50, y[0], title); y[0] -= 18
        for k in keys:
            kind = F[k][1]; v = fields.get(k); lab = label(k, ft)
            nm = ''.join(w.capitalize() for w in k.split('_'))
            if kind in ('choice', 'set', 'yn', 'check'):
                opts = F[k][2] if kind in ('choice', 'set') else ([(True, 'Yes'), (False, 'No')] if kind == 'yn' else [(True, '')])
                need(16 + 13 * len(opts))
                c.setFont('DV', 8); 
                for ln in wrap(lab, 'DV', 8, 190)[:2]: c.drawString(50, y[0], ln); y[0] -= 10
                y[0] += 10
                for kk, t in opts:
                    on = (kk in v) if (kind == 'set' and v) else (v == kk if v is not None else False)
                    fname = '%s_%s' % (nm, kk if kind == 'set' else ('Yes' if kk is True else 'No')) if kind != 'check' else 'Attest'
                    c.acroForm.checkbox(name=fname, x=250, y=y[0] - 2, size=10, checked=bool(on), buttonStyle='cross', borderWidth=0.6)
                    names[fname] = (k, kk)
                    c.setFont('DV', 8); c.drawString(264, y[0], t); y[0] -= 13
                y[0] -= 4; continue
            need(20); c.setFont('DV', 8)
            lines = wrap(lab, 'DV', 8, 190)
            for i, ln in enumerate(lines[:2]): c.drawString(50, y[0] - 10 * i, ln)
            c.acroForm.textfield(name=nm, tooltip=lab, x=250, y=y[0] - 4, width=300, height=15, value=disp(k, v, fmt),
                                 fontName='Helvetica', fontSize=8, borderWidth=0.6, borderColor=colors.grey, fillColor=colors.white)
            names[nm] = (k, None)
            y[0] -= 20 if len(lines) < 2 else 26
    c.setFont('DV', 7); c.drawString(50, 30, 'Form %s (Rev. 10/2026)   Page %d' % (CODES[ft], page[0])); c.save()
    return names

def incremental_update(path, changes):
    """append an incremental update to path: changes = {fieldname: value} ('/Yes' or '/Off' for checkboxes)"""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject
    with open(path, 'rb') as fh: orig = fh.read()
    w = PdfWriter(io.BytesIO(orig), incremental=True)
    for page in w.pages:
        for a in page.get('/Annots', []) or []:
            a = a.get_object(); nm = a.get('/T')
            if nm in changes:
                val = changes[nm]
                if a.get('/FT') == '/Btn':
                    a[NameObject('/V')] = NameObject(val); a[NameObject('/AS')] = NameObject(val)
                else:
                    a[NameObject('/V')] = TextStringObject(val)
                    w.update_page_form_field_values(page, {nm: val}, auto_regenerate=False)
    w._root_object['/AcroForm'][NameObject('/NeedAppearances')] = __import__('pypdf').generic.BooleanObject(True)
    out = io.BytesIO(); w.write(out)
    data = out.getvalue(); assert data.startswith(orig[:len(orig) - 64])
    with open(path, 'wb') as fh: fh.write(data)

# ---------------------------------------------------------------- DOCX
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt
from xml.sax.saxutils import escape as xesc
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'

def r(t, b=False, extra=''):
    rp = '<w:rPr>%s%s</w:rPr>' % ('<w:b/>' if b else '', extra)
    parts = re.split(r'(\t)', t)
    inner = ''.join('<w:tab/>' if s == '\t' else '<w:t xml:space="preserve">%s</w:t>' % xesc(s) for s in parts if s)
    return '<w:r>%s%s</w:r>' % (rp, inner)

def para(inner, style=None):
    ps = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ''
    return '<w:p %s>%s%s</w:p>' % (W_NS, ps, inner)

class Docx:
    def __init__(self, footer=None):
        self.d = Document(); self.body = self.d.element.body; self.sect = self.body[-1]
        st = self.d.styles['Normal']; st.font.name = 'Calibri'; st.font.size = Pt(10)
        if footer:
            fp = self.d.sections[0].footer.paragraphs[0]; fp.text = footer
    def add(self, xml):
        self.sect.addprevious(parse_xml(xml if xml.startswith('<w:p ') or xml.startswith('<w:tbl ') else xml))
    def p(self, inner, style=None): self.add(para(inner, style))
    def heading(self, t, lvl=1): self.d.add_paragraph(t, style='Heading %d' % lvl); self.sect.addprevious(self.body[-2]) if False else None
    def table(self, rows_xml, widths=(3600, 5800)):
        grid = ''.join('<w:gridCol w:w="%d"/>' % w for w in widths)
        self.add('<w:tbl %s><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
                 '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
                 '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                 % (W_NS, grid, ''.join(rows_xml)))
    def save(self, path, title='', author='Registration Desk'):
        cp = self.d.core_properties
        cp.author = author; cp.last_modified_by = author; cp.title = title; cp.revision = 3
        cp.created = datetime(2026, 11, 20, 14, 5, 0); cp.modified = datetime(2026, 11, 30, 9, 41, 0)
        bio = io.BytesIO(); self.d.save(bio)
        zin = zipfile.ZipFile(io.BytesIO(bio.getvalue()))
        out = io.BytesIO(); zo = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
        for n in sorted(zin.namelist(), key=lambda n: (n != '[Content_Types].xml', n)):
            zi = zipfile.ZipInfo(n, date_time=(2026, 11, 30, 9, 41, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            zo.writestr(zi, zin.read(n))
        zo.close(); open(path, 'wb').write(out.getvalue())

def cell(inner, w=None, extra=''):
    return '<w:tc><w:tcPr>%s%s</w:tcPr>%s</w:tc>' % ('<w:tcW w:w="%d" w:type="dxa"/>' % w if w else '', extra,
                                                     inner if inner.startswith('<w:p') else '<w:p>%s</w:p>' % inner)
def trow(*cells): return '<w:tr>%s</w:tr>' % ''.join(cells)

def sdt_text(val, tag, placeholder='Click or tap here to enter text.'):
    if val:
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="%d"/><w:text/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
                % (tag, tag, abs(hash(tag)) % 90000000 if False else len(tag) * 7919 + sum(map(ord, tag)), r(val)))
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>'
            '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>' % (tag, tag, placeholder))
def sdt_drop(val, tag, items):
    li = ''.join('<w:listItem w:displayText="%s" w:value="%s"/>' % (xesc(t), xesc(t)) for t in items)
    if val:
        return '<w:sdt><w:sdtPr><w:tag w:val="%s"/><w:dropDownList>%s</w:dropDownList></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % (tag, li, r(val))
    return ('<w:sdt><w:sdtPr><w:tag w:val="%s"/><w:showingPlcHdr/><w:dropDownList><w:listItem w:value=""/>%s</w:dropDownList></w:sdtPr><w:sdtContent>'
            '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr><w:t>Choose an item.</w:t></w:r></w:sdtContent></w:sdt>' % (tag, li))
def sdt_date(val, tag, shown):
    if val:
        return ('<w:sdt><w:sdtPr><w:tag w:val="%s"/><w:date w:fullDate="%sT00:00:00Z"><w:dateFormat w:val="M/d/yyyy"/><w:lid w:val="en-US"/>'
                '<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % (tag, val, r(shown)))
    return ('<w:sdt><w:sdtPr><w:tag w:val="%s"/><w:showingPlcHdr/><w:date><w:dateFormat w:val="M/d/yyyy"/><w:lid w:val="en-US"/></w:date></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/></w:rPr><w:t>Click or tap to enter a date.</w:t></w:r></w:sdtContent></w:sdt>' % tag)
def sdt_check(on, tag):
    return ('<w:sdt><w:sdtPr><w:tag w:val="%s"/><w14:checkbox><w14:checked w14:val="%d"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
            '<w:t>%s</w:t></w:r></w:sdtContent></w:sdt>' % (tag, 1 if on else 0, '☒' if on else '☐'))
_ffn = [0]
def ff_check(on, name=None):
    _ffn[0] += 1; nm = name or 'Check%d' % _ffn[0]
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="%s"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>'
            '<w:default w:val="%d"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (nm, 1 if on else 0))
def ff_text(val, name=None):
    _ffn[0] += 1; nm = name or 'Text%d' % _ffn[0]
    shown = val if val else '\u2002' * 5
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="%s"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (nm, r(shown)))

def frag(t, rng, b=False):
    """Google-Docs-like: a string cut into runs of 1-4 characters with rsids, proofErr and empty bookmarks between"""
    out, i = [], 0
    while i < len(t):
        n = rng.randint(1, 4); s = t[i:i + n]; i += n
        rs = 'w:rsidR="00%06X"' % rng.randrange(16**6)
        out.append('<w:r %s><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>%s<w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
                   % (rs, '<w:b/>' if b else '', xesc(s)))
        if rng.random() < 0.15: out.append('<w:proofErr w:type="spellStart"/>')
        if rng.random() < 0.08:
            bid = rng.randrange(1000); out.append('<w:bookmarkStart w:id="%d" w:name="_heading=h.%x"/><w:bookmarkEnd w:id="%d"/>' % (bid, rng.randrange(16**6), bid))
    return ''.join(out)

def nbh(t):
    """runs where every '-' is w:noBreakHyphen, every space inside a code a no-break space"""
    parts = t.split('-')
    inner = '<w:noBreakHyphen/>'.join('<w:t xml:space="preserve">%s</w:t>' % xesc(p) if p else '' for p in parts)
    return '<w:r>%s</w:r>' % inner

def docx_form(path, ft, fields, fmt, mode, footer=None, title_note=None):
    """mode: cc (content controls), lg (legacy fields), sp (tab/dash/equals paragraphs), gd (fragmented), nb (no-break hyphen table)"""
    D = Docx(footer=footer or 'Form %s (Rev. 10/2026)' % CODES[ft])
    rng = random.Random(path.rsplit('/', 1)[-1])
    D.p(r(TITLES[ft], b=True, extra='<w:sz w:val="30"/>'))
    D.p(r(title_note or 'Return the completed form to the MassHealth RPA functional coordination mailbox.', extra='<w:i/><w:sz w:val="16"/>'))
    secs = [('Organization', ORG_KEYS)] + SECTIONS[ft] + [('Attestation and Signature', ['attest', 'signer_name', 'signer_title', 'signature_date'])]
    seps = fmt.get('seps', ['\t'])
    si = 0
    for title, keys in secs:
        if mode == 'gd': D.p(frag(title, rng, b=True))
        else: D.p(r(title, b=True, extra='<w:sz w:val="24"/>'), style=None)
        rows = []
        for k in keys:
            kind = F[k][1]; v = fields.get(k); lab = label(k, ft); tag = ''.join(w.capitalize() for w in k.split('_'))
            if kind == 'check':
                mk = {'cc': sdt_check(v, 'Attest'), 'lg': ff_check(v, 'Attest')}.get(mode, r('☒' if v else '☐'))
                D.p(mk + r(' ' + F[k][0])); continue
            if kind in ('choice', 'set', 'yn'):
                opts = F[k][2] if kind != 'yn' else [(True, 'Yes'), (False, 'No')]
                sel = set(v or []) if kind == 'set' else ({v} if v is not None else set())
                if mode == 'cc' and kind in ('choice', 'yn'):
                    shown = dict(opts).get(v) if v is not None else None
                    val_xml = sdt_drop(shown, tag, [t for _, t in opts])
                elif mode == 'cc':
                    val_xml = ''.join(sdt_check(kk in sel, tag + '_' + kk) + r(' %s   ' % t) for kk, t in opts)
                elif mode == 'lg':
                    val_xml = ''.join(ff_check(kk in sel) + r('\u00a0%s   ' % t) for kk, t in opts)
                elif mode == 'gd':
                    val_xml = ''.join(frag(('☑ ' if kk in sel else '☐ ') + t + '    ', rng) for kk, t in opts)
                else:
                    val_xml = r('   '.join(('☒ ' if kk in sel else '☐ ') + t for kk, t in opts))
            else:
                s = disp(k, v, fmt)
                if mode == 'cc':
                    val_xml = sdt_date(v, tag, s) if kind == 'date' else sdt_text(s, tag)
                elif mode == 'lg': val_xml = ff_text(s)
                elif mode == 'gd': val_xml = frag(s, rng) if s else ''
                elif mode == 'nb': val_xml = nbh(s) if ('-' in s and k in ('fein', 'contact_phone', 'stage1_approval_number', 'stage2_approval_number', 'zip', 'signature_date', 'rpa_user_ids', 'current_user_ids', 'operational_since')) else r(s)
                else: val_xml = r(s)
            if mode == 'sp':
                sep = seps[si % len(seps)]; si += 1
                if kind in ('choice', 'set', 'yn'): D.p(r(lab, b=True) + r(sep)); D.p(val_xml)
                else: D.p(r(lab, b=True) + r(sep) + val_xml)
            else:
                lab_xml = frag(lab, rng, b=True) if mode == 'gd' else r(lab, b=True)
                rows.append(trow(cell(lab_xml, 3600), cell(val_xml, 5800)))
        if rows: D.table(rows)
        D.p('')
    D.save(path, title=TITLES[ft])

def docx_agreement(path, f, fmt, mode='nb', signature=None):
    D = Docx(footer='RPA-AGR (10/2026)')
    D.p(r(TITLES['rpa_agreement'], b=True, extra='<w:sz w:val="30"/>'))
    for t in AGR_TEXT: D.p(r(t))
    rows = []
    for lab, k in [('Organization Legal Name', 'org_legal_name'), ('Authorized Signatory Name', 'signer_name'),
                   ('Authorized Signatory Title', 'signer_title'), ('Date Signed', 'signature_date')]:
        v = f.get(k); s = fmt_date(v, fmt.get('date', 'us')) if (k == 'signature_date' and v) else (v or '')
        rows.append(trow(cell(r(lab, b=True), 3600), cell(nbh(s) if mode == 'nb' else r(s), 5800)))
    rows.append(trow(cell(r('Signature', b=True), 3600), cell(r(signature or ''), 5800)))
    D.table(rows); D.save(path, title='MassHealth RPA Agreement')

def docx_ts_merged(path, orgname, rows):
    D = Docx()
    D.p(r('Test Scenarios', b=True, extra='<w:sz w:val="32"/>')); D.p(r('Organization: ' + orgname))
    hdr = trow(*[cell(r(t, b=True)) for t in ['Scenario ID', 'Transaction', 'POSC Screen(s)', 'Expected Result', 'Actual Result', 'Pass/Fail']])
    out = [hdr.replace('<w:tr>', '<w:tr><w:trPr><w:tblHeader/></w:trPr>', 1)]
    for i, rw in enumerate(rows):
        first = i == 0 or rows[i - 1][5] != rw[5] or rows[i - 1][1] != rw[1]
        mark = ('✓' if rw[5] == 'P' else '✗')
        pf = cell(r(mark) if first else '', extra='<w:vMerge w:val="restart"/>' if first else '<w:vMerge/>')
        out.append(trow(*[cell(r(x)) for x in rw[:5]], pf))
    D.table(out, widths=(1100, 2000, 2200, 2300, 1800, 900)); D.p(r('✓ = passed, ✗ = failed')); D.save(path, title='Test Scenarios')

def docx_sd(path, orgname, txns, bot):
    paras, secs = sd_text(orgname, txns, bot)
    D = Docx(); D.p(r('Systems Design Documentation', b=True, extra='<w:sz w:val="32"/>')); D.p(r(orgname))
    for t in paras: D.p(r(t))
    for title, steps in secs:
        D.p(r(title, b=True))
        for i, s in enumerate(steps, 1): D.p(r('%d.\t%s' % (i, s)))
    D.save(path, title='Systems Design Documentation')

# ---------------------------------------------------------------- scans
from PIL import Image, ImageFilter, ImageDraw
def scan(src_pdf, out_pdf, dpi, angle, q, ocr_pages=None):
    import glob
    stem = os.path.join(WORK, os.path.basename(out_pdf) + '_pg')
    for f in glob.glob(stem + '*'): os.remove(f)
    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-png', src_pdf, stem], check=True)
    pages = sorted(glob.glob(stem + '*.png'))
    rng = random.Random(os.path.basename(out_pdf))
    c = rl_canvas.Canvas(out_pdf, pagesize=letter, invariant=1)
    for i, pg in enumerate(pages):
        im = Image.open(pg).convert('L')
        a = angle * (1 if i % 2 == 0 else 0.8)
        im = im.rotate(a, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.7))
        dr = ImageDraw.Draw(im)
        for _ in range(140):
            x, y = rng.randrange(im.width), rng.randrange(im.height); s = rng.choice([1, 1, 2, 3])
            dr.ellipse([x, y, x + s, y + s], fill=rng.randrange(40, 140))
        im = im.point(lambda v: min(255, int(v * 0.93 + 14)))
        jp = pg[:-4] + '.jpg'; im.save(jp, 'JPEG', quality=q)
        W, H = letter
        c.drawImage(jp, 0, 0, W, H)
        if ocr_pages:
            c.saveState(); c.translate(W / 2, H / 2); c.rotate(a); c.translate(-W / 2, -H / 2)
            for x, y, s, f, z in ocr_pages[i]:
                t = c.beginText(); t.setTextRenderMode(3); t.setFont('Helvetica', z); t.setTextOrigin(x, y); t.textOut(s.replace('☒', '[X]').replace('☐', '[ ]')); c.drawText(t)
            c.restoreState()
        c.showPage()
    c.save()

# ---------------------------------------------------------------- e-mails
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.base import MIMEBase
from email import encoders
from email.header import Header
MIME = {'.pdf': ('application', 'pdf'), '.docx': ('application', 'vnd.openxmlformats-officedocument.wordprocessingml.document')}
def attach(msg, path, fname, style):
    ext = os.path.splitext(fname)[1]; mt = MIME[ext]
    part = MIMEBase(*mt)
    part.set_payload(open(path, 'rb').read()); encoders.encode_base64(part)
    if style == 'outlook':
        part.set_param('name', fname)
        part.add_header('Content-Description', fname)
        part.add_header('Content-Disposition', 'attachment', filename=fname, size=str(os.path.getsize(path)),
                        **{'creation-date': 'Mon, 30 Nov 2026 15:02:11 GMT', 'modification-date': 'Mon, 30 Nov 2026 15:02:11 GMT'})
    elif style == 'gmail':
        part.set_param('name', fname); part.add_header('Content-Disposition', 'attachment', filename=fname)
        xid = 'f_mi%05d' % (sum(map(ord, fname)) * 7 % 99999)
        part.add_header('Content-ID', '<%s>' % xid); part.add_header('X-Attachment-Id', xid)
    else:
        part.add_header('Content-Disposition', 'attachment', filename=fname)
        part.set_param('x-unix-mode', '0644'); part.set_param('name', fname)
    msg.attach(part)

def eml(path, style, headers, body, atts):
    if style == 'apple':
        m = MIMEMultipart('mixed', boundary='Apple-Mail=_8C1E4A27-55D3-4F0B-9B61-2F0C7D5A3E11')
    elif style == 'gmail':
        m = MIMEMultipart('mixed', boundary='000000000000b4e1f2062b9a1c77')
    else:
        m = MIMEMultipart('mixed', boundary='_004_MN2PR17MB39580C1A2F6D4E8B9A7CMN2PR17MB3958namp_')
    for k, v in headers: m[k] = v
    alt = MIMEMultipart('alternative', boundary={'apple': 'Apple-Mail=_3F0A9E1B-0C22-4D7E-A5B8-6E1D2C9F4A70',
                                                 'gmail': '000000000000b4e1ef062b9a1c75',
                                                 'outlook': '_000_MN2PR17MB39580C1A2F6D4E8B9A7CMN2PR17MB3958namp_'}[style])
    alt.attach(MIMEText(body, 'plain', 'utf-8'))
    alt.attach(MIMEText('<html><body><div dir="ltr">' + '<br>'.join(xesc(l) for l in body.split('\n')) + '</div></body></html>', 'html', 'utf-8'))
    m.attach(alt)
    for pth, fn in atts: attach(m, pth, fn, style)
    open(path, 'wb').write(m.as_bytes())

# ---------------------------------------------------------------- cases
def P(n): return os.path.join(OUT, n)
def S1(o, **kw):
    d = dict(rpa_tool_name='UiPath Studio', rpa_tool_vendor='UiPath, Inc.', rpa_tool_version='2025.4.2', bot_count=2,
             bot_names=['%s-BOT-01' % o, '%s-BOT-02' % o], hosting='on_premises', transactions=['claim_status', 'eligibility_inquiry'],
             posc_screens=['Member Search', 'Eligibility Detail', 'Claim Search', 'Claim Detail'], screens_per_session=6,
             avg_weekly_transactions=450, est_monthly_transactions=1800, operating_hours='Mon-Fri 6:00 AM - 8:00 AM ET',
             planned_go_live='2027-02-01', signature_date='2026-11-18'); d.update(kw); return d
def S2(o, **kw):
    d = dict(stage1_approval_number='RPA1-2026-00%d' % (400 + len(o) * 7 + ord(o[0]) % 50), rpa_tool_name='Power Automate Desktop', rpa_tool_vendor='Microsoft Corporation',
             rpa_tool_version='2.49', transactions=['claim_status', 'eligibility_inquiry'], testing_completed=True,
             testing_completed_date='2026-11-06', user_ids_requested=2, docs_enclosed=['rpa_agreement', 'systems_design', 'test_scenarios'],
             signature_date='2026-11-24'); d.update(kw); return d
def S2G(o, **kw):
    d = dict(rpa_tool_name='Automation Anywhere Automation 360', rpa_tool_vendor='Automation Anywhere, Inc.', rpa_tool_version='v.31',
             bot_count=1, operational_since='2021-03-15', current_user_ids=['%sPOSC01' % o], screens_per_session=5,
             avg_weekly_transactions=300, transactions=['eligibility_inquiry', 'remittance_advice'], testing_completed=True,
             testing_completed_date='2026-10-29', user_ids_requested=1, docs_enclosed=['rpa_agreement', 'systems_design', 'test_scenarios'],
             signature_date='2026-11-12'); d.update(kw); return d
def MOD(o, **kw):
    d = dict(stage2_approval_number='RPA2-2025-00%d' % (200 + ord(o[1]) % 90), rpa_user_ids=['RPA%s101' % o],
             modification_types=['increase_screens'], new_screens_per_session=9,
             description='Raise the screen limit so the bot can open Claim Detail for each line of a multi-line claim.',
             effective_date='2027-01-04', signature_date='2026-11-20'); d.update(kw); return d
def AV(o, **kw):
    d = dict(stage2_approval_number='RPA2-2025-00%d' % (300 + ord(o[2]) % 90), rpa_user_ids=['RPA%s201' % o, 'RPA%s202' % o],
             validation_year=2026, info_current=True, unapproved_changes=False, signature_date='2026-11-27'); d.update(kw); return d

def build_all():
    for f in os.listdir(OUT):
        if f.endswith(('.pdf', '.docx', '.eml', '.expected.json')): os.remove(os.path.join(OUT, f))
    SRC = {}
    # ---- (a) required asterisk, box under label
    f = fields_for('stage1', ORGS['QFD'], S1('QFD', est_monthly_transactions=None, avg_weekly_transactions=520))
    print_form(P('p01_stage1_box_asterisk.pdf'), 'stage1', f, 'box', {'date': 'long', 'phone': 'paren'})
    add('p01_stage1_box_asterisk', '.pdf', 'stage1', f, ['a'], 'reportlab canvas',
        "Printed Stage I: required labels end with ' *', every value in a ruled box UNDER its label; choices as drawn boxes with X; dates 'November 18, 2026', phone '(508) 555-0162'.")
    SRC['p01'] = ('p01_stage1_box_asterisk.pdf', f)
    f = fields_for('stage2', ORGS['BVH'], S2('BVH', stage1_approval_number=None, docs_enclosed=['rpa_agreement', 'test_scenarios']), omit=['org_dba'])
    print_form(P('p02_stage2_box_asterisk_missing_stage1.pdf'), 'stage2', f, 'box', {'date': 'us'})
    add('p02_stage2_box_asterisk_missing_stage1', '.pdf', 'stage2', f, ['a', 'problem'], 'reportlab canvas',
        'Printed Stage II, asterisk labels and boxes under the labels. PROBLEM: the Stage I Approval Number box is empty (required).',
        problems=[('missing_required', 'stage1_approval_number')])
    # ---- (b) blanks before headings
    f = fields_for('stage1', ORGS['CAB'], S1('CAB', rpa_tool_version=None, operating_hours=None, planned_go_live=None, hosting='cloud',
                   transactions=['claim_status', 'other', 'prior_authorization'], transactions_other='Download of PA decision letters',
                   bot_count=3, bot_names=['CAB-PA-1', 'CAB-PA-2', 'CAB-ST-1'], avg_weekly_transactions=875, est_monthly_transactions=3500), omit=['contact_title'])
    print_form(P('h01_stage1_gap_blank_before_heading.pdf'), 'stage1', f, 'line', {'sep': 'gap', 'date': 'dmy', 'commas': True})
    add('h01_stage1_gap_blank_before_heading', '.pdf', 'stage1', f, ['b', 'f'], 'reportlab canvas',
        "Printed Stage I, label then value after a 10 pt gap (no colon); Primary Contact Title, RPA Tool Version, Bot Operating Hours and Planned Production Date left blank; the blank Planned Production Date is directly followed by the CAPS band heading 'ATTESTATION AND SIGNATURE' (not a value). Numbers with thousands commas (3,500).")
    SRC['h01'] = ('h01_stage1_gap_blank_before_heading.pdf', f)
    f = fields_for('stage2_grandfathered', ORGS['TCS'], S2G('TCS', operational_since='2022-09-12', testing_completed_date=None, rpa_tool_version=None), omit=['contact_title'])
    print_form(P('h02_s2g_blank_before_heading_not_eligible.pdf'), 'stage2_grandfathered', f, 'line', {'sep': ': ', 'date': 'dash', 'phone': 'dot'}, heading_case='title')
    add('h02_s2g_blank_before_heading_not_eligible', '.pdf', 'stage2_grandfathered', f, ['b', 'problem'], 'reportlab canvas',
        "Printed grandfathered Stage II 'Label: value' lines with Title Case band headings (Organization / Address / Primary Contact / ...); business partner, so PID/SL and NPI are blank and the blank NPI sits directly before the 'Address' heading; Primary Contact Title, RPA Tool Version and Testing Completion Date blank. PROBLEM: operational since 09-12-2022 (after 2022-07-01) -> not eligible.",
        problems=[('not_eligible', 'operational_since')])
    # ---- (f) printed separators
    f = fields_for('modification', ORGS['POS'], MOD('POS', modification_types=[]), omit=[])
    f.pop('modification_types')
    print_form(P('p03_mod_dash_lines_no_type.pdf'), 'modification', f, 'line', {'sep': ' – ', 'date': 'long', 'phone': 'sp'})
    add('p03_mod_dash_lines_no_type', '.pdf', 'modification', f, ['f', 'problem'], 'reportlab canvas',
        "Printed Modification Request as 'Label – value' lines (en dash). PROBLEM: no Type of Modification ticked (at least one required) though a new screen limit and description are given.",
        problems=[('missing_required', 'modification_types')])
    f = fields_for('annual_validation', ORGS['SHX'], AV('SHX'))
    print_form(P('p04_annual_equals_lines.pdf'), 'annual_validation', f, 'line', {'sep': ' = ', 'date': 'iso'})
    add('p04_annual_equals_lines', '.pdf', 'annual_validation', f, ['f'], 'reportlab canvas', "Printed Annual Validation of a relationship entity as 'Label = value' lines; ISO dates; two RPA User IDs comma separated.")
    SRC['p04'] = ('p04_annual_equals_lines.pdf', f)
    # ---- N4 scrambled
    f = fields_for('stage1', ORGS['NRC'], S1('NRC', hosting='vendor_hosted', bot_count=1, bot_names=['NRC-Status'], transactions=['claim_status'],
                   posc_screens=['Claim Search', 'Claim Detail'], screens_per_session=3, avg_weekly_transactions=1250, est_monthly_transactions=5000))
    w01_pages = print_form(P('w01_stage1_scrambled_words.pdf'), 'stage1', f, 'line', {'sep': ': ', 'date': 'us'}, scramble=True)
    add('w01_stage1_scrambled_words', '.pdf', 'stage1', f, ['N4'], 'reportlab canvas (word-level text objects, shuffled)',
        'Printed Stage I whose page stream draws EVERY WORD as its own text object in a seeded random order (as some PDF producers emit): the visual layout is ordinary Label: value lines, but stream order is unrelated to reading order.')
    f = fields_for('modification', ORGS['KRA'], MOD('KRA', modification_types=['replace_tool'], new_screens_per_session=None,
                   new_rpa_tool_name='Blue Prism Enterprise', new_rpa_tool_vendor='SS&C Blue Prism',
                   description='Replace the retired WinAutomation tool by Blue Prism; same transactions and screen limit.'))
    print_form(P('w02_mod_scrambled_words.pdf'), 'modification', f, 'box', {'date': 'us'}, scramble=True)
    add('w02_mod_scrambled_words', '.pdf', 'modification', f, ['N4', 'a'], 'reportlab canvas (word-level text objects, shuffled)',
        "Boxed Modification Request (asterisk labels, values under the labels) whose words are drawn in shuffled stream order. Replace RPA Tool, NH business partner.")
    # ---- N8 tight two-column
    f = fields_for('stage2', ORGS['WPT'], S2('WPT', transactions=['eligibility_inquiry'], user_ids_requested=1, rpa_tool_version=None))
    print_form(P('t01_stage2_tight_two_column.pdf'), 'stage2', f, 'twocol', {'date': 'us', 'phone': 'paren'})
    add('t01_stage2_tight_two_column', '.pdf', 'stage2', f, ['N8'], 'reportlab canvas',
        "Printed Stage II in a TIGHT two-column 'Label: value' layout (condensed labels): the right column's label starts at x=318 on the same baseline, a few points after the end of long left values (e.g. the e-mail), so a reader must not glue the right label onto the left value. RPA Tool Version blank.")
    f = fields_for('annual_validation', ORGS['BNH'], AV('BNH', rpa_user_ids=['RPABNH201']))
    f['zip'] = '0230'
    print_form(P('t02_annual_tight_two_column_bad_zip.pdf'), 'annual_validation', f, 'twocol', {'date': 'long', 'phone': 'dot'})
    add('t02_annual_tight_two_column_bad_zip', '.pdf', 'annual_validation', f, ['N8', 'problem'], 'reportlab canvas',
        "Annual Validation in the tight two-column layout. PROBLEM: ZIP Code '0230' (four digits) -> invalid.", problems=[('invalid', 'zip')])
    # ---- N1 incremental updates
    o = 'MWV'
    f0 = fields_for('stage1', ORGS[o], S1(o, bot_count=2, bot_names=['MWV-Elig-A', 'MWV-Elig-B'], transactions=['eligibility_inquiry'],
                    posc_screens=['Member Search', 'Eligibility Detail'], screens_per_session=4, avg_weekly_transactions=600, est_monthly_transactions=2400))
    fmt = {'date': 'us'}
    names = fill_form(P('i01_stage1_fillable_incremental_update.pdf'), 'stage1', f0, fmt)
    f = copy.deepcopy(f0); f.update(bot_count=3, bot_names=['MWV-Elig-A', 'MWV-Elig-B', 'MWV-Elig-C'], avg_weekly_transactions=900,
                                    est_monthly_transactions=3600, signature_date='2026-11-30')
    incremental_update(P('i01_stage1_fillable_incremental_update.pdf'), {'BotCount': '3', 'BotNames': 'MWV-Elig-A, MWV-Elig-B, MWV-Elig-C',
                       'AvgWeeklyTransactions': '900', 'EstMonthlyTransactions': '3600', 'SignatureDate': '11/30/2026'})
    add('i01_stage1_fillable_incremental_update', '.pdf', 'stage1', f, ['N1'], 'reportlab acroForm + pypdf incremental update',
        'Fillable Stage I saved twice: the first revision says 2 bots / 600 a week / 2,400 a month / signed 11/18/2026; an INCREMENTAL UPDATE appended after the first %%EOF rewrites five fields (3 bots with three names, 900, 3,600, 11/30/2026). The latest revision wins: expected has the updated values.')
    o = 'SHD'
    f0 = fields_for('annual_validation', ORGS[o], AV(o, info_current=False))
    fill_form(P('i02_annual_fillable_incremental_update.pdf'), 'annual_validation', f0, {'date': 'us'})
    f = copy.deepcopy(f0); f['info_current'] = True
    incremental_update(P('i02_annual_fillable_incremental_update.pdf'), {'InfoCurrent_Yes': '/Yes', 'InfoCurrent_No': '/Off'})
    add('i02_annual_fillable_incremental_update', '.pdf', 'annual_validation', f, ['N1'], 'reportlab acroForm + pypdf incremental update',
        "Fillable Annual Validation whose first revision ticks 'information current: No'; an incremental update unticks No and ticks Yes (checkbox /V and /AS). Latest wins: info_current true.")
    o = 'SHX'
    fa = {'org_legal_name': ORGS[o]['org_legal_name'], 'signer_name': ORGS[o]['signer_name'], 'signer_title': ORGS[o]['signer_title']}
    c = rl_canvas.Canvas(P('i03_agreement_fillable_signed_in_update.pdf'), pagesize=letter, invariant=1)
    y = 740; c.setFont('DVB', 14); c.drawString(50, y, TITLES['rpa_agreement']); y -= 26
    for para_t in AGR_TEXT:
        for ln in wrap(para_t, 'DVS', 9.5, 512): c.setFont('DVS', 9.5); c.drawString(50, y, ln); y -= 12.5
        y -= 6
    y -= 10
    for lab, nm, v in [('Organization Legal Name', 'OrgLegalName', fa['org_legal_name']), ('Authorized Signatory Name', 'SignerName', fa['signer_name']),
                       ('Authorized Signatory Title', 'SignerTitle', fa['signer_title']), ('Date Signed', 'SignatureDate', ''), ('Signature', 'SignatureTyped', '')]:
        c.setFont('DVB', 9); c.drawString(50, y, lab)
        c.acroForm.textfield(name=nm, x=220, y=y - 4, width=300, height=16, value=v, fontName='Helvetica', fontSize=9, borderWidth=0.6, fillColor=colors.white)
        y -= 26
    c.setFont('DV', 7); c.drawString(50, 30, 'RPA-AGR  (Rev. 10/2026)'); c.save()
    incremental_update(P('i03_agreement_fillable_signed_in_update.pdf'), {'SignatureDate': 'December 1, 2026', 'SignatureTyped': '/s/ ' + fa['signer_name']})
    fa.update(signature_date='2026-12-01', signed=True)
    add('i03_agreement_fillable_signed_in_update', '.pdf', 'rpa_agreement', fa, ['N1'], 'reportlab acroForm + pypdf incremental update',
        "Fillable agreement prepared by the office (first revision: name and title, Date Signed and Signature EMPTY = unsigned); the signatory's incremental update fills 'December 1, 2026' and '/s/ Jonathan Whitcomb-Reyes'. Latest revision: signed.")
    # ---- (c) fillable test scenarios
    rows, tf, summ = scen_rows('BN', [('eligibility_inquiry', 'PPPFPPP'), ('claim_status', 'PPPPFP'), ('remittance_advice', 'PPP')])
    for i, rw in enumerate(rows): rw[5] = ['Pass', 'PASS', 'pass'][i % 3] if rw[5] == 'P' else ['Fail', 'FAIL'][i % 2]
    fill_ts(P('f01_test_scenarios_fillable_rows_gap.pdf'), ORGS['BNH']['org_legal_name'], rows, blank_rows=(9,))
    add('f01_test_scenarios_fillable_rows_gap', '.pdf', 'test_scenarios', tf, ['c'], 'reportlab acroForm',
        "Fillable Test Scenarios, fields Row1.ScenarioID .. Row1.Pass/Fail per row (flat dotted names), 10 rows a page over two pages; Row9 left EMPTY in the middle, two empty trailing rows; results typed in mixed case (Pass / PASS / pass / Fail / FAIL).", summary=summ)
    rows, tf, summ = scen_rows('QF', [('claim_status', 'PPFPP'), ('eligibility_inquiry', 'PFPPPP')])
    rows0 = copy.deepcopy(rows)
    fill_ts(P('f02_test_scenarios_fillable_retest_update.pdf'), ORGS['QFD']['org_legal_name'],
            [rw[:5] + ['Fail' if rw[5] == 'F' or i in (1, 9) else 'Pass'] for i, rw in enumerate(rows0)], npr=12)
    incremental_update(P('f02_test_scenarios_fillable_retest_update.pdf'), {'Row2.Pass/Fail': 'Pass', 'Row2.Actual': 'As expected (retest 11/30)',
                                                                             'Row10.Pass/Fail': 'Pass', 'Row10.Actual': 'As expected (retest 11/30)'})
    add('f02_test_scenarios_fillable_retest_update', '.pdf', 'test_scenarios', tf, ['c', 'N1'], 'reportlab acroForm + pypdf incremental update',
        'Fillable Test Scenarios (Row1.Transaction, Row1.Pass/Fail ..) where the first revision had QF-02 and QF-10 failed; an incremental update after the retest sets them to Pass (Actual Result updated). QF-03 and QF-07 still fail. Latest revision counts.', summary=summ)
    SRC['f02'] = (None, None)
    # ---- N5 merged pass/fail
    rows, tf, summ = scen_rows('TC', [('claim_submission', 'PPPFF'), ('claim_status', 'PPPP'), ('claim_adjustment', 'PPFP')])
    ts_platypus_merged(P('m01_test_scenarios_merged_passed_failed.pdf'), ORGS['TCS']['org_legal_name'], rows)
    add('m01_test_scenarios_merged_passed_failed', '.pdf', 'test_scenarios', tf, ['N5'], 'reportlab platypus (SPAN)',
        "Printed Test Scenarios where consecutive rows of one transaction with the same result share ONE merged Pass/Fail cell (SPAN) spelled PASSED / FAILED: the word appears once, vertically centred, for 2-4 scenarios.", summary=summ)
    SRC['m01'] = ('m01_test_scenarios_merged_passed_failed.pdf', tf, summ)
    rows, tf, summ = scen_rows('WP', [('eligibility_inquiry', 'PPPPFPP')])
    docx_ts_merged(P('m02_test_scenarios_docx_vmerge_checkmarks.docx'), ORGS['WPT']['org_legal_name'], rows)
    add('m02_test_scenarios_docx_vmerge_checkmarks', '.docx', 'test_scenarios', tf, ['N5'], 'python-docx + raw OOXML',
        "DOCX Test Scenarios whose Pass/Fail column uses ✓ / ✗ (legend under the table) in vertically merged cells (w:vMerge restart/continue) over runs of equal results; header row w:tblHeader.", summary=summ)
    SRC['m02'] = ('m02_test_scenarios_docx_vmerge_checkmarks.docx', tf, summ)
    rows, tf, summ = scen_rows('KR', [('claim_submission', 'PPP'), ('remittance_advice', 'PFP')])
    for rw in rows: rw[5] = '✔ Pass' if rw[5] == 'P' else '✘ Fail'
    ts_platypus_merged(P('m03_test_scenarios_tick_pass_fail.pdf'), ORGS['KRA']['org_legal_name'], rows, spell=('', ''))
    add('m03_test_scenarios_tick_pass_fail', '.pdf', 'test_scenarios', tf, ['N5'], 'reportlab platypus',
        "Printed Test Scenarios with Pass/Fail written '✔ Pass' / '✘ Fail' (U+2714 / U+2718).", summary=summ)
    # ---- DOCX (d) content controls
    f = fields_for('stage2_grandfathered', ORGS['NRC'], S2G('NRC', testing_completed_date=None, current_user_ids=None, rpa_tool_version=None), omit=['contact_title'])
    docx_form(P('c01_s2g_docx_cc_placeholders_missing_user_ids.docx'), 'stage2_grandfathered', f, {'date': 'us'}, 'cc')
    add('c01_s2g_docx_cc_placeholders_missing_user_ids', '.docx', 'stage2_grandfathered', f, ['d', 'problem'], 'python-docx + raw OOXML',
        "Grandfathered Stage II DOCX with content controls: text, dropDownList (Organization Type, yes/no), date (w:fullDate) and w14 checkboxes. Primary Contact Title, PID/SL, NPI (business partner), RPA Tool Version and POSC User ID(s) still show 'Click or tap here to enter text.', the Testing Completion Date 'Click or tap to enter a date.' (w:showingPlcHdr) = blank. PROBLEM: POSC User ID(s) Currently Used by the Bot left as placeholder (required).",
        problems=[('missing_required', 'current_user_ids')])
    f = fields_for('annual_validation', ORGS['KRA'], AV('KRA', unapproved_changes=True))
    docx_form(P('c02_annual_docx_cc_unapproved_changes.docx'), 'annual_validation', f, {'date': 'us'}, 'cc')
    add('c02_annual_docx_cc_unapproved_changes', '.docx', 'annual_validation', f, ['d', 'problem'], 'python-docx + raw OOXML',
        "Annual Validation DOCX with content controls; yes/no answers as dropDownLists; PID/SL and NPI placeholders 'Click or tap here to enter text.' (business partner). PROBLEM: modified without MassHealth approval = Yes -> Modification Request required.",
        problems=[('modification_required', 'unapproved_changes')])
    f = fields_for('stage1', ORGS['POS'], S1('POS', hosting=None, planned_go_live=None, transactions=['prior_authorization'], posc_screens=['PA Request', 'PA Detail'],
                   bot_count=1, bot_names=['BOSM-PA'], est_monthly_transactions=None, avg_weekly_transactions=140))
    docx_form(P('c03_stage1_docx_cc_choose_item.docx'), 'stage1', f, {'date': 'long'}, 'cc')
    add('c03_stage1_docx_cc_choose_item', '.docx', 'stage1', f, ['d'], 'python-docx + raw OOXML',
        "Stage I DOCX with content controls: Bot Hosting dropdown left at 'Choose an item.', Planned Production Date at 'Click or tap to enter a date.', Estimated Transactions per Month at the text placeholder (all blank, optional).")
    # ---- (e) legacy
    f = fields_for('stage2', ORGS['SHD'], S2('SHD', transactions=['claim_status', 'claim_submission', 'eligibility_inquiry'], user_ids_requested=3,
                   docs_enclosed=['rpa_agreement', 'systems_design']))
    docx_form(P('k01_stage2_docx_formcheckbox.docx'), 'stage2', f, {'date': 'us'}, 'lg')
    add('k01_stage2_docx_formcheckbox', '.docx', 'stage2', f, ['e'], 'python-docx + raw OOXML (legacy fields)',
        'Stage II DOCX with legacy form fields: FORMTEXT values, FORMCHECKBOX groups for Organization Type, POSC Transactions and Supporting Documentation Enclosed (Test Scenarios unticked), Yes/No FORMCHECKBOX pair for Testing completed; a no-break space after each box.')
    f = fields_for('modification', ORGS['WPT'], MOD('WPT', modification_types=['add_sequential_transaction'], new_screens_per_session=None,
                   added_transaction='claim_status', same_session=False, description='Add a claim status look-up after each eligibility check.'))
    docx_form(P('k02_mod_docx_formcheckbox_new_session.docx'), 'modification', f, {'date': 'dmy'}, 'lg')
    add('k02_mod_docx_formcheckbox_new_session', '.docx', 'modification', f, ['e', 'problem'], 'python-docx + raw OOXML (legacy fields)',
        'Modification Request with FORMCHECKBOX groups (Type of Modification, Transaction to Add as a one-of group) and a Yes/No pair. PROBLEM: Add Sequential Transaction but same session = No -> new Stage I.',
        problems=[('new_stage1_required', 'same_session')])
    # ---- (f) DOCX paragraphs tab/dash/equals
    f = fields_for('stage2_grandfathered', ORGS['BVH'], S2G('BVH', testing_completed=False, testing_completed_date=None), omit=['org_dba'])
    docx_form(P('l01_s2g_docx_tab_dash_equals_untested.docx'), 'stage2_grandfathered', f, {'date': 'long', 'seps': ['\t', ' – ', ' = ']}, 'sp')
    add('l01_s2g_docx_tab_dash_equals_untested', '.docx', 'stage2_grandfathered', f, ['f', 'problem'], 'python-docx + raw OOXML',
        "Grandfathered Stage II typed as paragraphs whose separator rotates 'Label<TAB>value', 'Label – value', 'Label = value'; choice lines ☒/☐ under their label. PROBLEM: Testing completed = No.",
        problems=[('invalid', 'testing_completed')])
    f = fields_for('stage1', ORGS['TCS'], S1('TCS', hosting='cloud', rpa_tool_name='Robocorp', rpa_tool_vendor='Robocorp Technologies, Inc.', rpa_tool_version='17.2'))
    docx_form(P('l02_stage1_docx_tab_dash_equals.docx'), 'stage1', f, {'date': 'iso', 'seps': [' = ', '\t', ' – ']}, 'sp')
    add('l02_stage1_docx_tab_dash_equals', '.docx', 'stage1', f, ['f'], 'python-docx + raw OOXML', "Stage I paragraphs with rotating '=', TAB and en-dash separators; business partner.")
    # ---- N6 google docs fragmented
    f = fields_for('stage1', ORGS['WPT'], S1('WPT', bot_count=1, bot_names=['WPTA-ELIG'], transactions=['eligibility_inquiry']))
    f['npi'] = f['npi'][:-1] + str((int(f['npi'][-1]) + 3) % 10)
    docx_form(P('g01_stage1_gdocs_fragmented_bad_npi.docx'), 'stage1', f, {'date': 'us', 'phone': 'paren'}, 'gd')
    add('g01_stage1_gdocs_fragmented_bad_npi', '.docx', 'stage1', f, ['N6', 'problem'], 'python-docx + raw OOXML (fragmented runs)',
        'Google-Docs-like DOCX: every label and value cut into runs of 1-4 characters with rsid attributes, spellStart proofErr marks and empty _heading bookmarks between runs; marks ☑/☐. PROBLEM: the NPI fails the 80840 Luhn check (last digit changed).',
        problems=[('invalid', 'npi')])
    f = fields_for('annual_validation', ORGS['CAB'], AV('CAB'))
    docx_form(P('g02_annual_gdocs_fragmented.docx'), 'annual_validation', f, {'date': 'long'}, 'gd')
    add('g02_annual_gdocs_fragmented', '.docx', 'annual_validation', f, ['N6'], 'python-docx + raw OOXML (fragmented runs)', 'Annual Validation as a run-fragmented Google-Docs-like DOCX.')
    # ---- N7 noBreakHyphen
    f = fields_for('stage2_grandfathered', ORGS['MWV'], S2G('MWV', current_user_ids=['MWVPOSC01', 'MWVPOSC02'], bot_count=2, user_ids_requested=2, operational_since='2020-08-03'))
    docx_form(P('n01_s2g_docx_nobreak_hyphens.docx'), 'stage2_grandfathered', f, {'date': 'dash', 'phone': 'dash'}, 'nb')
    add('n01_s2g_docx_nobreak_hyphens', '.docx', 'stage2_grandfathered', f, ['N7'], 'python-docx + raw OOXML',
        "Grandfathered Stage II table whose FEIN, telephone and dates (08-03-2020 style) contain Word NON-BREAKING HYPHENS (w:noBreakHyphen elements, Ctrl+Shift+-), not '-' characters: a reader that joins only w:t loses the hyphen ('04' '1234567').")
    f = fields_for('modification', ORGS['QFD'], MOD('QFD', modification_types=['decrease_screens'], new_screens_per_session=4,
                   description='Lower the limit: the bot no longer opens the Claim Detail history screens.'))
    docx_form(P('n02_mod_docx_nobreak_hyphens.docx'), 'modification', f, {'date': 'dash'}, 'nb')
    add('n02_mod_docx_nobreak_hyphens', '.docx', 'modification', f, ['N7'], 'python-docx + raw OOXML',
        'Decrease-screens Modification Request table with non-breaking hyphens in the Stage II Approval Number, FEIN, phone and dates.')
    fa = {'org_legal_name': ORGS['BNH']['org_legal_name'], 'signer_name': ORGS['BNH']['signer_name'], 'signer_title': ORGS['BNH']['signer_title'], 'signature_date': '2026-11-23', 'signed': True}
    docx_agreement(P('n03_agreement_docx_nobreak_date.docx'), fa, {'date': 'dash'}, 'nb', signature='/s/ ' + fa['signer_name'])
    add('n03_agreement_docx_nobreak_date', '.docx', 'rpa_agreement', fa, ['N7'], 'python-docx + raw OOXML', "Signed agreement DOCX: Date Signed '11-23-2026' written with non-breaking hyphens, '/s/ Walter Nkemelu'.")
    # ---- agreements
    fa = {'org_legal_name': ORGS['QFD']['org_legal_name'], 'signer_name': ORGS['QFD']['signer_name'], 'signer_title': ORGS['QFD']['signer_title'], 'signature_date': '2026-11-19', 'signed': True}
    print_agreement(P('a01_agreement_printed_signed.pdf'), fa, {'date': 'long'}, signature='/s/ ' + fa['signer_name'])
    add('a01_agreement_printed_signed', '.pdf', 'rpa_agreement', fa, [], 'reportlab canvas', "Printed signed agreement (Date Signed 'November 19, 2026', '/s/' signature).")
    SRC['a01'] = ('a01_agreement_printed_signed.pdf', fa)
    fa = {'org_legal_name': ORGS['POS']['org_legal_name'], 'signer_name': ORGS['POS']['signer_name'], 'signer_title': ORGS['POS']['signer_title'], 'signed': False}
    docx_agreement(P('a02_agreement_docx_unsigned.docx'), fa, {}, 'plain')
    add('a02_agreement_docx_unsigned', '.docx', 'rpa_agreement', fa, ['problem'], 'python-docx + raw OOXML',
        'Agreement DOCX with organization, signatory name and title, but Date Signed and Signature cells EMPTY -> unsigned.', problems=[('unsigned', 'signed')])
    # ---- systems design
    sd = fields = {'transactions': ['claim_status', 'eligibility_inquiry']}
    sd_pdf(P('d01_systems_design_numbered_steps.pdf'), ORGS['QFD']['org_legal_name'], ['eligibility_inquiry', 'claim_status'], 'QFD-BOT')
    add('d01_systems_design_numbered_steps', '.pdf', 'systems_design', {'transactions': ['claim_status', 'eligibility_inquiry']}, ['sd'], 'reportlab canvas', 'Systems Design: overview paragraph and per transaction a numbered step list of POSC screens.')
    sd_pdf(P('d02_systems_design_scrambled.pdf'), ORGS['TCS']['org_legal_name'], ['claim_submission', 'claim_status', 'claim_adjustment'], 'TIDE-1', scramble=True)
    add('d02_systems_design_scrambled', '.pdf', 'systems_design', {'transactions': ['claim_adjustment', 'claim_status', 'claim_submission']}, ['N4'], 'reportlab canvas (shuffled words)', 'Systems Design drawn word by word in shuffled stream order.')
    docx_sd(P('d03_systems_design_docx.docx'), ORGS['SHD']['org_legal_name'], ['eligibility_inquiry', 'claim_status', 'claim_submission'], 'SHD-RPA')
    add('d03_systems_design_docx', '.docx', 'systems_design', {'transactions': ['claim_status', 'claim_submission', 'eligibility_inquiry']}, ['sd'], 'python-docx', "Systems Design DOCX, steps typed '1.<TAB>step'.")
    sd_pdf(P('_d04src.pdf'.replace('_', '')) if False else os.path.join(WORK, 'd04src.pdf'), ORGS['MWV']['org_legal_name'], ['eligibility_inquiry'], 'MWV-Elig')
    scan(os.path.join(WORK, 'd04src.pdf'), P('s05_systems_design_scan.pdf'), 150, -0.4, 55)
    add('s05_systems_design_scan', '.pdf', 'systems_design', {'transactions': ['eligibility_inquiry']}, ['scan'], 'reportlab + pdftoppm + Pillow', 'Image-only scan (150 dpi grey, tilt -0.4°, JPEG q55) of a one-transaction Systems Design.', scan=True)
    # ---- scans (image only)
    scan(P(SRC['p01'][0]), P('s01_stage1_scan_boxes.pdf'), 170, 0.8, 50)
    add('s01_stage1_scan_boxes', '.pdf', 'stage1', SRC['p01'][1], ['scan', 'a'], 'reportlab + pdftoppm + Pillow', 'Image-only scan of p01: 170 dpi grey, tilt 0.8° (page 2 0.64°), blur, specks, JPEG q50.', scan=True)
    f = fields_for('stage2', ORGS['CAB'], S2('CAB', transactions=['claim_status', 'prior_authorization']))
    print_form(os.path.join(WORK, 's02src.pdf'), 'stage2', f, 'line', {'sep': ': ', 'date': 'us'})
    scan(os.path.join(WORK, 's02src.pdf'), P('s02_stage2_scan_lines.pdf'), 200, -1.1, 45)
    add('s02_stage2_scan_lines', '.pdf', 'stage2', f, ['scan'], 'reportlab + pdftoppm + Pillow', "Image-only scan of a printed 'Label: value' Stage II: 200 dpi, tilt -1.1°, JPEG q45.", scan=True)
    f = fields_for('modification', ORGS['SHD'], MOD('SHD', modification_types=['retire_bot'], new_screens_per_session=None, description='Retire RPASHD101; the eligibility bot is replaced by an 837 batch.'))
    print_form(os.path.join(WORK, 's03src.pdf'), 'modification', f, 'box', {'date': 'long'})
    scan(os.path.join(WORK, 's03src.pdf'), P('s03_mod_scan_boxes.pdf'), 160, 1.2, 58)
    add('s03_mod_scan_boxes', '.pdf', 'modification', f, ['scan', 'a'], 'reportlab + pdftoppm + Pillow', 'Image-only scan of a boxed Retire Bot Modification Request: 160 dpi, tilt 1.2°, JPEG q58.', scan=True)
    scan(P(SRC['a01'][0]), P('s04_agreement_scan.pdf'), 180, 0.3, 52)
    add('s04_agreement_scan', '.pdf', 'rpa_agreement', SRC['a01'][1], ['scan'], 'reportlab + pdftoppm + Pillow', 'Image-only scan of a01: 180 dpi, tilt 0.3°.', scan=True)
    scan(P(SRC['m01'][0]), P('s06_test_scenarios_scan.pdf'), 190, -0.7, 60)
    add('s06_test_scenarios_scan', '.pdf', 'test_scenarios', SRC['m01'][1], ['scan', 'N5'], 'reportlab + pdftoppm + Pillow', 'Image-only scan of m01 (merged PASSED/FAILED cells): 190 dpi, tilt -0.7°.', scan=True, summary=SRC['m01'][2])
    # ---- N3 searchable scans (invisible OCR text layer)
    f = fields_for('stage2_grandfathered', ORGS['SHX'], S2G('SHX', transactions=['eligibility_inquiry'], operational_since='2019-11-04'))
    pg = print_form(os.path.join(WORK, 'o01src.pdf'), 'stage2_grandfathered', f, 'line', {'sep': ': ', 'date': 'us'})
    scan(os.path.join(WORK, 'o01src.pdf'), P('o01_s2g_searchable_scan_ocr_layer.pdf'), 150, 0.6, 50, ocr_pages=pg)
    add('o01_s2g_searchable_scan_ocr_layer', '.pdf', 'stage2_grandfathered', f, ['N3', 'scan'], 'reportlab + pdftoppm + Pillow + invisible text',
        "SEARCHABLE scan: page image (150 dpi grey, tilt 0.6°, JPEG q50) plus an invisible OCR text layer (text render mode 3, Helvetica, one text object per word, rotated with the image; the OCR engine wrote check boxes as '[X]' / '[ ]') as scanner software writes it. The text layer is the only text; the form still came from paper.", scan=True)
    pg = print_form(os.path.join(WORK, 'o02src.pdf'), 'annual_validation', SRC['p04'][1], 'line', {'sep': ' = ', 'date': 'iso'})
    scan(os.path.join(WORK, 'o02src.pdf'), P('o02_annual_searchable_scan_ocr_layer.pdf'), 200, -0.9, 55, ocr_pages=pg)
    add('o02_annual_searchable_scan_ocr_layer', '.pdf', 'annual_validation', SRC['p04'][1], ['N3', 'scan', 'f'], 'reportlab + pdftoppm + Pillow + invisible text',
        "Searchable scan of p04 (200 dpi, tilt -0.9°) with an invisible word-level OCR layer (Tr 3).", scan=True)
    # ---- e-mails
    E = []
    o = ORGS['SHD']
    f2 = fields_for('stage2', o, S2('SHD', transactions=['claim_status', 'eligibility_inquiry']))
    e1 = [(os.path.join(WORK, 'e01a.pdf'), 'SHDC – Stage II Registration.pdf', 'stage2', f2)]
    print_form(e1[0][0], 'stage2', f2, 'box', {'date': 'us'})
    fa = {'org_legal_name': o['org_legal_name'], 'signer_name': o['signer_name'], 'signer_title': o['signer_title'], 'signature_date': '2026-11-24', 'signed': True}
    e1.append((os.path.join(WORK, 'e01b.docx'), 'SHDC RPA Agreement signed.docx', 'rpa_agreement', fa)); docx_agreement(e1[1][0], fa, {'date': 'long'}, 'plain', signature='/s/ ' + o['signer_name'])
    sdf = {'transactions': ['claim_status', 'eligibility_inquiry']}
    e1.append((os.path.join(WORK, 'e01c.pdf'), 'Systems Design Documentation.pdf', 'systems_design', sdf)); sd_pdf(e1[2][0], o['org_legal_name'], ['eligibility_inquiry', 'claim_status'], 'SHD-RPA')
    rows, tf, summ = scen_rows('SH', [('eligibility_inquiry', 'PPPF'), ('claim_status', 'PPP')])
    e1.append((os.path.join(WORK, 'e01d.pdf'), 'Test Scenarios – SHDC.pdf', 'test_scenarios', tf, summ)); ts_platypus_merged(e1[3][0], o['org_legal_name'], rows)
    eml(P('e01_outlook_stage2_package.eml'), 'outlook', [
        ('From', 'Quentin Albrecht <qalbrecht@salemharbordialysis.com>'), ('To', 'MassHealth RPA Coordination <functional.coordination@example.org>'),
        ('Subject', 'Stage II RPA registration - Salem Harbor Dialysis Center'), ('Thread-Topic', 'Stage II RPA registration - Salem Harbor Dialysis Center'),
        ('Thread-Index', 'AdtC3mY1q9v0cXf4TWe8nJmZq2kL4A=='), ('Date', 'Tue, 1 Dec 2026 14:12:09 +0000'),
        ('Message-ID', '<MN2PR17MB39580C1A2F6D4E8B9A7CMN2PR17MB3958@MN2PR17MB3958.namprd17.prod.outlook.com>'),
        ('Accept-Language', 'en-US'), ('Content-Language', 'en-US'), ('X-MS-Has-Attach', 'yes'), ('X-MS-TNEF-Correlator', ''),
        ('X-MS-Exchange-Organization-AuthAs', 'Anonymous'), ('MIME-Version', '1.0')],
        'Hello,\n\nPlease find attached our Stage II registration with the signed agreement, the systems design and the test scenarios.\n\nThank you,\nQuentin Albrecht\nBilling Manager | Salem Harbor Dialysis Center\n978-555-0166',
        [(a[0], a[1]) for a in e1])
    E.append(('e01_outlook_stage2_package', e1, 'Outlook / Exchange: multipart/mixed > alternative + four attachments with Content-Description, size=, creation-date=, an en dash in two file names (RFC 2231 encoded).'))
    o = ORGS['KRA']
    fs = fields_for('stage1', o, S1('KRA', hosting='cloud', bot_count=2, bot_names=['KRA-SUB-1', 'KRA-SUB-2'], transactions=['claim_submission', 'remittance_advice'],
                   posc_screens=['Claim Entry', 'Service Lines', 'Remittance Advice'], screens_per_session=8, avg_weekly_transactions=2000, est_monthly_transactions=8000))
    e2 = [(os.path.join(WORK, 'e02a.docx'), 'Kestrel_StageI_RPA.docx', 'stage1', fs)]; docx_form(e2[0][0], 'stage1', fs, {'date': 'us', 'seps': ['\t']}, 'sp')
    fm = fields_for('modification', o, MOD('KRA', modification_types=['increase_screens'], new_screens_per_session=10))
    e2.append((os.path.join(WORK, 'e02b.pdf'), 'Kestrel_Modification_Request.pdf', 'modification', fm)); print_form(e2[1][0], 'modification', fm, 'line', {'sep': ' – ', 'date': 'long'})
    eml(P('e02_gmail_stage1_and_mod.eml'), 'gmail', [
        ('MIME-Version', '1.0'), ('Date', 'Mon, 30 Nov 2026 10:41:52 -0500'), ('Message-ID', '<CAK7vQp2x9TfYw3mR1s0bWc8Z4n5uQ@mail.gmail.com>'),
        ('Subject', 'Kestrel RA: Stage I for new submission bots + modification'), ('From', 'Brendan Szymanski <bszymanski@kestrelra.com>'),
        ('To', 'functional.coordination@example.org')],
        'Hi team,\n\nAttached are a Stage I for our two claim submission bots and a modification request to raise the screen limit of our existing bot.\n\nBest,\nBrendan',
        [(a[0], a[1]) for a in e2])
    E.append(('e02_gmail_stage1_and_mod', e2, 'Gmail (Google Workspace): 000000000000… boundaries, attachments with Content-ID and X-Attachment-Id: a tab-separated Stage I DOCX and an en-dash-line Modification PDF.'))
    o = ORGS['BNH']
    fv = fields_for('annual_validation', o, AV('BNH'))
    e3 = [(os.path.join(WORK, 'e03a.pdf'), 'BNHP Annual Validation 2026.pdf', 'annual_validation', fv)]; print_form(e3[0][0], 'annual_validation', fv, 'box', {'date': 'us'})
    fg = fields_for('stage2_grandfathered', o, S2G('BNH', operational_since='2020-01-06'))
    e3.append((os.path.join(WORK, 'e03b.docx'), 'BNHP Grandfathered Stage II.docx', 'stage2_grandfathered', fg)); docx_form(e3[1][0], 'stage2_grandfathered', fg, {'date': 'us'}, 'cc')
    rows, tf, summ = scen_rows('BH', [('eligibility_inquiry', 'PPP'), ('remittance_advice', 'PPF')])
    e3.append((os.path.join(WORK, 'e03c.docx'), 'Test Scenarios.docx', 'test_scenarios', tf, summ)); docx_ts_merged(e3[2][0], o['org_legal_name'], rows)
    eml(P('e03_applemail_annual_s2g.eml'), 'apple', [
        ('From', 'Fernanda Tavares <ftavares@brocktonnhp.org>'), ('Content-Type', 'multipart/mixed'), ('Mime-Version', '1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))'),
        ('Subject', 'Annual validation and grandfathered Stage II'), ('Message-Id', '<4F8E2C1B-7A3D-4B59-9E21-0D6C5A8B3F72@brocktonnhp.org>'),
        ('Date', 'Wed, 2 Dec 2026 08:57:33 -0500'), ('To', 'functional.coordination@example.org'), ('X-Mailer', 'Apple Mail (2.3826.200.121)')],
        'Good morning,\n\nOur annual validation, the grandfathered Stage II for the eligibility bot and its test scenarios are attached.\n\nFernanda Tavares\nBrockton Neighborhood Health Partners',
        [(a[0], a[1]) for a in e3])
    E.append(('e03_applemail_annual_s2g', e3, 'Apple Mail: Apple-Mail=_ boundaries, Mime-Version comment, attachments with x-unix-mode=0644: boxed Annual Validation PDF, content-control grandfathered Stage II DOCX, vMerge ✓/✗ Test Scenarios DOCX.'))
    for name, atts, desc in E:
        docs = []
        for a in atts:
            d = {'filename': a[1], 'form_type': a[2], 'form_version': CODES.get(a[2]), 'fields': a[3], 'expected_problems': []}
            if a[2] == 'test_scenarios': d['scenario_summary'] = a[4]
            if a[2] == 'systems_design': d['transactions_mentioned'] = a[3]['transactions']
            docs.append(d)
        CASES.append(dict(name=name, ext='.eml', email=True, docs=docs, desc=desc))
    for c in CASES:
        if c.get('email'):
            e = {'file': c['name'] + '.eml', 'form_type': None, 'form_version': None, 'expected_problems': [], 'shape': ['email'],
                 'scan': False, 'drawn_with': 'email.mime', 'description': c['desc'], 'documents': c['docs']}
        else: e = expected_of(c)
        with open(P(c['name'] + '.expected.json'), 'w') as fh: json.dump(e, fh, indent=2, ensure_ascii=False); fh.write('\n')
    print(len(CASES), 'cases')

if __name__ == '__main__':
    build_all()
