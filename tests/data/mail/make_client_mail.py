"""Writes the client-shaped sample messages of this folder: a Stage I sent from Outlook
(DOCX), from Gmail (fillable PDF) and a question from Apple Mail, each with the headers,
MIME structure and Message-ID shape that client writes. Rerun after a form change:

    .venv/bin/python tests/data/mail/make_client_mail.py
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from config.settings import FORMS_DIR  # noqa: E402
from formgen.docx_form import docx_form  # noqa: E402
from formgen.pdf_form import fillable_pdf  # noqa: E402
from formgen.samples import sample_values  # noqa: E402
from parsers.formdefs import load_definitions  # noqa: E402

OUTLOOK_ID = "BN8PR12MB07CFCDF9DEC0C750194D0A1B2C3D4E5F6@BN8PR12MB0739.namprd12.prod.outlook.com"
GMAIL_ID = "CAGk6i7rY+3tZ=vQ_x-Jp0aB0c9d8e7f6g5h4j3k2l1mN-oPqR@mail.gmail.com"
APPLE_ID = "2B6E0C8A-4F1D-4C3A-9E55-7A1B2C3D4E5F@harborclinic.example"


def _b64(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def outlook(docx: bytes) -> str:
    return f"""From: "Nguyen, Alice" <Alice.Nguyen@AcmeHealth.example>
To: "MassHealth RPA Functional Coordination" <functional.coordination@example.org>
Subject: Stage I RPA registration - Acme Health
Thread-Topic: Stage I RPA registration - Acme Health
Thread-Index: AdtE3kVQ0m8l0Zp9TqWb9Qk5lJ3h2w==
Date: Mon, 23 Nov 2026 14:02:11 +0000
Message-ID: <{OUTLOOK_ID}>
Accept-Language: en-US
Content-Language: en-US
X-MS-Has-Attach: yes
X-MS-TNEF-Correlator:
x-ms-publictraffictype: Email
Content-Type: multipart/mixed;
\tboundary="_004_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_"
MIME-Version: 1.0

--_004_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_
Content-Type: multipart/alternative;
\tboundary="_000_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_"

--_000_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Hello,

Please find our Stage I registration form attached.

Thank you,
Alice Nguyen
Revenue Cycle Automation Lead | Acme Health LLC

--_000_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

<html xmlns:o=3D"urn:schemas-microsoft-com:office:office"><head><meta http-e=
quiv=3D"Content-Type" content=3D"text/html; charset=3Dus-ascii"></head><body=
 lang=3D"EN-US"><div class=3D"WordSection1"><p class=3D"MsoNormal">Hello,<o:=
p></o:p></p><p class=3D"MsoNormal">Please find our Stage I registration form=
 attached.<o:p></o:p></p></div></body></html>

--_000_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_--

--_004_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;
\tname="RPA Stage I Registration - Acme Health.docx"
Content-Description: RPA Stage I Registration - Acme Health.docx
Content-Disposition: attachment;
\tfilename="RPA Stage I Registration - Acme Health.docx"; size={len(docx)};
\tcreation-date="Mon, 23 Nov 2026 14:01:40 GMT";
\tmodification-date="Mon, 23 Nov 2026 14:02:11 GMT"
Content-Transfer-Encoding: base64

{_b64(docx)}

--_004_BN8PR12MB07CFCDF9DEC0C750194DBN8PR12MB0739namprd12prod_--
"""


def gmail(pdf: bytes) -> str:
    return f"""MIME-Version: 1.0
Date: Mon, 23 Nov 2026 09:15:42 -0500
Message-ID: <{GMAIL_ID}>
Subject: RPA Stage I form - Berkshire Billing Partners
From: Ravi Patel <ravi.patel.billing@gmail.example>
To: functional.coordination@example.org
Content-Type: multipart/mixed; boundary="000000000000a1b2c3062d4e5f60"

--000000000000a1b2c3062d4e5f60
Content-Type: multipart/alternative; boundary="000000000000a1b2bf062d4e5f5e"

--000000000000a1b2bf062d4e5f5e
Content-Type: text/plain; charset="UTF-8"

Hi, attached is our Stage I form. Thanks, Ravi

--000000000000a1b2bf062d4e5f5e
Content-Type: text/html; charset="UTF-8"

<div dir=3D"ltr">Hi, attached is our Stage I form. Thanks, Ravi</div>

--000000000000a1b2bf062d4e5f5e--
--000000000000a1b2c3062d4e5f60
Content-Type: application/pdf; name="RPA_Stage_I_Berkshire.pdf"
Content-Disposition: attachment; filename="RPA_Stage_I_Berkshire.pdf"
Content-Transfer-Encoding: base64
Content-ID: <f_m3x9k2a10>
X-Attachment-Id: f_m3x9k2a10

{_b64(pdf)}
--000000000000a1b2c3062d4e5f60--
"""


def apple() -> str:
    return f"""From: Robert Lee <robert.lee@harborclinic.example>
Content-Type: text/plain;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))
Subject: Question about the Annual Validation =?utf-8?Q?=E2=80=94_due_date?=
Message-Id: <{APPLE_ID}>
Date: Mon, 23 Nov 2026 10:41:03 -0500
To: functional.coordination@example.org
X-Mailer: Apple Mail (2.3826.200.121)

Hello,

When is our annual validation due, and do we send it to this address?

Thank you,
Robert Lee=E2=80=99s office
Harbor Clinic
"""


def main() -> None:
    definitions = load_definitions(FORMS_DIR)
    docx = docx_form(definitions["stage1"], sample_values("stage1", seed=2))
    pdf = fillable_pdf(definitions["stage1"], sample_values("stage1", seed=3))
    for name, text in (("outlook_stage1_docx.eml", outlook(docx)),
                       ("gmail_stage1_pdf.eml", gmail(pdf)),
                       ("apple_mail_question.eml", apple())):
        (HERE / name).write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode())


if __name__ == "__main__":
    main()
