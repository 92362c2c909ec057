"""Hostile messages for the hostile-mail suite (issue #10): each case is made here, in code
(some are megabytes), and sent through a real mailbox between two good messages.

A case says what must become of it: ``filed`` (a submission, usually with a problem),
``quarantined`` (kept with its reason), or ``either``. Injection targets use the domain
``evil.example``: no outgoing envelope or header may ever name it.
"""

from __future__ import annotations

import base64
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from config.settings import FORMS_DIR
from formgen.docx_form import docx_form
from formgen.mail import build_email
from formgen.pdf_form import fillable_pdf
from formgen.samples import sample_values
from parsers.formdefs import load_definitions

EVIL = "evil.example"
XXE_MARKER = "XXE-SECRET-7f3a9c"  # the content of the file an XXE would read
PDF, DOCX = "application/pdf", ("application/vnd.openxmlformats-officedocument."
                                "wordprocessingml.document")
HEAD = ("From: {sender}\r\nTo: fc@example.org\r\nSubject: {subject}\r\n"
        "Message-ID: <{name}@hostile.example>\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n")


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    raw: bytes
    expect: str  # filed | quarantined | either
    sender: str = ""  # the address an acknowledgment may go to ("" : none may be sent)


@lru_cache(maxsize=1)
def _definitions():  # type: ignore[no-untyped-def]
    return load_definitions(FORMS_DIR)


def _stage1_pdf(**values: object) -> bytes:
    filled = sample_values("stage1", seed=7)
    filled.update(values)
    return fillable_pdf(_definitions()["stage1"], filled)


def _mail(name: str, attachments: list[tuple[str, bytes, str]], *, subject: str = "",
          sender: str = "") -> bytes:
    return build_email(sender=sender or f"Hostile {name} <{name}@attacker.example>",
                       to="fc@example.org", subject=subject or f"Registration {name}",
                       body="Form attached.", attachments=attachments,
                       message_id=f"{name}@hostile.example")


def _raw(name: str, body: bytes, *, sender: str = "", subject: str = "",
         headers: bytes = b"") -> bytes:
    head = HEAD.format(sender=sender or f"<{name}@attacker.example>",
                       subject=subject or f"Case {name}", name=name).encode()
    return head + headers + body


def _default_sender(name: str) -> str:
    return f"{name}@attacker.example"


# -- DOCX ------------------------------------------------------------------------------------

def _docx_with_document_xml(xml: bytes) -> bytes:
    """The project's DOCX form with its document.xml replaced."""
    source = zipfile.ZipFile(io.BytesIO(docx_form(_definitions()["stage1"],
                                                  sample_values("stage1", seed=7))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = xml if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    return out.getvalue()


def docx_xxe(marker_path: str) -> Case:
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
           f'"file://{marker_path}">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>MassHealth RPA Stage I '
           'Registration Form</w:t></w:r></w:p><w:p><w:r><w:t>Organization Legal Name: '
           '&xxe;</w:t></w:r></w:p></w:body></w:document>').encode()
    return Case("docx_xxe", _mail("docx_xxe", [("xxe.docx", _docx_with_document_xml(xml),
                                                 DOCX)]), "filed", _default_sender("docx_xxe"))


def docx_billion_laughs() -> Case:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
           '<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode()
    return Case("docx_billion_laughs", _mail("docx_billion_laughs", [
        ("laughs.docx", _docx_with_document_xml(xml), DOCX)]), "filed",
        _default_sender("docx_billion_laughs"))


def docx_traversal_and_huge_member() -> Case:
    source = zipfile.ZipFile(io.BytesIO(docx_form(_definitions()["stage1"],
                                                  sample_values("stage1", seed=7))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("../../../../tmp/rpa-intake-traversal.txt", b"owned")
        target.writestr("word/media/huge.bin", b"\0" * (300 * 1024 * 1024))
    return Case("docx_traversal_huge_member", _mail("docx_traversal_huge_member", [
        ("bomb.docx", out.getvalue(), DOCX)]), "filed",
        _default_sender("docx_traversal_huge_member"))


# -- PDF -------------------------------------------------------------------------------------

def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def pdf_field_cycles() -> Case:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [6 0 R] >>",
        b"<< /T (a) /Kids [5 0 R] /Parent 5 0 R >>",
        b"<< /T (b) /Kids [4 0 R 6 0 R] /Parent 4 0 R >>",
        b"<< /T (c) /FT /Tx /V (x) /Parent 5 0 R /Kids [4 0 R] /Subtype /Widget "
        b"/Rect [0 0 10 10] >>",
    ]
    return Case("pdf_field_cycles", _mail("pdf_field_cycles", [("cycles.pdf", _pdf(objects),
                                                                PDF)]), "filed",
                _default_sender("pdf_field_cycles"))


def pdf_huge_image() -> Case:
    """A 50,000 × 50,000 image (312 MB decoded at one bit, 10 GB as RGBA) in 300 kB: a
    decompression bomb for whatever renders it."""
    data = _zeros_stream(50_000 * 50_000 // 8)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject "
        b"<< /Im1 5 0 R >> >> /Contents 4 0 R >>",
        _stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
        b"<< /Type /XObject /Subtype /Image /Width 50000 /Height 50000 /ColorSpace "
        b"/DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(data) + data + b"\nendstream",
    ]
    return Case("pdf_huge_image", _mail("pdf_huge_image", [("scan.pdf", _pdf(objects), PDF)]),
                "filed", _default_sender("pdf_huge_image"))


@lru_cache(maxsize=2)
def _zeros_stream(size: int) -> bytes:
    compressor, chunk, out = zlib.compressobj(9), b"\0" * (16 * 1024 * 1024), []
    left = size
    while left > 0:
        out.append(compressor.compress(chunk[:min(left, len(chunk))]))
        left -= len(chunk)
    out.append(compressor.flush())
    return b"".join(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def pdf_300_page_scan() -> Case:
    pages = 300
    kids = b" ".join(b"%d 0 R" % (3 + 2 * n) for n in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    image = zlib.compress(b"\x80" * (100 * 100))
    for number in range(pages):
        image_ref = 3 + 2 * pages + number
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
                       b"/XObject << /Im 0 R >> >> /Contents %d 0 R >>".replace(
                           b"/Im 0 R", b"/Im %d 0 R" % image_ref) % (4 + 2 * number))
        objects.append(_stream(b"q 612 0 0 792 0 0 cm /Im Do Q"))
    for _ in range(pages):
        objects.append(b"<< /Type /XObject /Subtype /Image /Width 100 /Height 100 "
                       b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                       b"/Length %d >>\nstream\n" % len(image) + image + b"\nendstream")
    return Case("pdf_300_pages", _mail("pdf_300_pages", [("scan.pdf", _pdf(objects), PDF)]),
                "filed", _default_sender("pdf_300_pages"))


def pdf_actions() -> Case:
    pdf = _stage1_pdf()
    js = (b"/OpenAction << /S /JavaScript /JS (app.launchURL\\(\"http://evil.example\"\\)) >> "
          b"/AA << /WC << /S /Launch /F (cmd.exe) >> >> /Type /Catalog")
    pdf = pdf.replace(b"/Type /Catalog", js, 1)
    return Case("pdf_actions", _mail("pdf_actions", [("stage1.pdf", pdf, PDF)]), "filed",
                _default_sender("pdf_actions"))


def field_values_crlf_bcc() -> Case:
    pdf = _stage1_pdf(org_legal_name="Acme\r\nBcc: victim@evil.example",
                      contact_email="victim@evil.example\r\nBcc: victim2@evil.example",
                      signer_name="Eve\nSubject: pwned")
    return Case("field_crlf_bcc", _mail("field_crlf_bcc", [("stage1.pdf", pdf, PDF)]), "filed",
                _default_sender("field_crlf_bcc"))


def field_nul_bytes() -> Case:
    pdf = _stage1_pdf(org_legal_name="ZZNULZZ", signer_title="ZZNUL2ZZ")
    pdf = pdf.replace(b"(ZZNULZZ)", b"<41636D6500486561006C7468>").replace(
        b"(ZZNUL2ZZ)", b"(Chief\\000Officer)")
    return Case("field_nul_bytes", _mail("field_nul_bytes", [("stage1.pdf", pdf, PDF)]),
                "filed", _default_sender("field_nul_bytes"))


def field_invalid_utf16() -> Case:
    pdf = _stage1_pdf(org_legal_name="ZZU16ZZ", city="ZZU16BZZ")
    pdf = pdf.replace(b"(ZZU16ZZ)", b"<FEFFD800DC00D8000041>").replace(b"(ZZU16BZZ)", b"<FEFF00>")
    return Case("field_invalid_utf16", _mail("field_invalid_utf16", [("s.pdf", pdf, PDF)]),
                "filed", _default_sender("field_invalid_utf16"))


def field_one_megabyte() -> Case:
    pdf = _stage1_pdf(org_legal_name="Acme " + "Health " * 150_000)
    return Case("field_1mb", _mail("field_1mb", [("stage1.pdf", pdf, PDF)]), "filed",
                _default_sender("field_1mb"))


def field_template_and_script() -> Case:
    pdf = _stage1_pdf(org_legal_name="{{ 7*7 }} <script>alert(1)</script> Health",
                      rpa_tool_name="{% for x in range(9) %}X{% endfor %}")
    return Case("field_template_script", _mail(
        "field_template_script", [("stage1.pdf", pdf, PDF)],
        subject="{{ 7*7 }} <script>alert('s')</script> Stage I"), "filed",
        _default_sender("field_template_script"))


def pdf_that_is_html() -> Case:
    return Case("pdf_is_html", _mail("pdf_is_html", [
        ("stage1.pdf", b"<html><body><script>alert(1)</script>Stage I</body></html>", PDF)]),
        "filed", _default_sender("pdf_is_html"))


def pdf_that_is_zip() -> Case:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.exe", b"MZ" + b"\0" * 100)
    return Case("pdf_is_zip", _mail("pdf_is_zip", [("stage1.pdf", out.getvalue(), PDF)]),
                "filed", _default_sender("pdf_is_zip"))


# -- MIME and headers ------------------------------------------------------------------------

def multipart_1000_nested() -> Case:
    body = b"Content-Type: multipart/mixed; boundary=B0\r\n\r\n" + b"".join(
        b"--B%d\r\nContent-Type: multipart/mixed; boundary=B%d\r\n\r\n" % (n, n + 1)
        for n in range(1000)) + b"--B1000\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
    return Case("multipart_1000_nested", _raw("multipart_1000_nested", body), "either",
                _default_sender("multipart_1000_nested"))


def rfc822_50_nested() -> Case:
    """A form at the bottom of 50 forwarded messages is still read."""
    inner = _mail("rfc822_inner", [("stage1.pdf", _stage1_pdf(), PDF)])
    for level in range(50):
        boundary = b"F%d" % level
        inner = (b"From: <fwd%d@attacker.example>\r\nTo: fc@example.org\r\nSubject: Fwd\r\n"
                 b"Message-ID: <fwd%d@hostile.example>\r\nMIME-Version: 1.0\r\n"
                 b"Content-Type: multipart/mixed; boundary=%s\r\n\r\n--%s\r\n"
                 b"Content-Type: text/plain\r\n\r\nForwarded.\r\n--%s\r\n"
                 b"Content-Type: message/rfc822\r\n\r\n" % (level, level, boundary, boundary,
                                                           boundary)
                 ) + inner + b"\r\n--%s--\r\n" % boundary
    inner = inner.replace(b"<fwd49@attacker.example>", b"<rfc822_50_nested@attacker.example>",
                          1).replace(b"<fwd49@hostile.example>",
                                     b"<rfc822_50_nested@hostile.example>", 1)
    return Case("rfc822_50_nested", inner, "filed", _default_sender("rfc822_50_nested"))


def header_line_2mb() -> Case:
    return Case("header_line_2mb", _raw("header_line_2mb", b"\r\nhello\r\n",
                                        headers=b"X-Long: " + b"a" * 2_000_000 + b"\r\n"),
                "either", _default_sender("header_line_2mb"))


def headers_10000() -> Case:
    headers = b"".join(b"X-Header-%d: value %d\r\n" % (n, n) for n in range(10_000))
    return Case("headers_10000", _raw("headers_10000", b"\r\nhello\r\n", headers=headers),
                "either", _default_sender("headers_10000"))


def _one_part(name: str, part_headers: bytes, payload: bytes) -> bytes:
    return _raw(name, b"Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\n"
                      b"Content-Type: text/plain\r\n\r\nSee attached.\r\n--BB\r\n" +
                part_headers + b"\r\n" + payload + b"\r\n--BB--\r\n")


def broken_base64() -> Case:
    pdf = base64.encodebytes(_stage1_pdf())
    broken = pdf[:5000] + b"!!!***%%%\r\n====\r\n" + pdf[5000:9000]
    return Case("broken_base64", _one_part("broken_base64", b"Content-Type: application/pdf; "
                b"name=s.pdf\r\nContent-Transfer-Encoding: base64\r\n", broken), "filed",
                _default_sender("broken_base64"))


def broken_quoted_printable() -> Case:
    return Case("broken_qp", _one_part("broken_qp", b"Content-Type: text/plain; "
                b"charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                b"Hello =ZZ =\r\n=4 =E2=82 broken =\r"), "filed", _default_sender("broken_qp"))


def unknown_charset() -> Case:
    return Case("unknown_charset", _raw(
        "unknown_charset", b"Content-Type: text/plain; charset=x-klingon-42\r\n\r\nQapla'\r\n",
        subject="=?x-klingon-42?q?Qapla?= question"), "filed",
        _default_sender("unknown_charset"))


def rfc2231_traversal_names() -> Case:
    long_name = "%41" * 3400
    headers = (b"Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n"
               b" filename*=utf-8''..%2F..%2F..%2Fetc%2Fpasswd%00.pdf\r\n"
               b"Content-Transfer-Encoding: base64\r\n")
    second = (b"Content-Type: application/pdf; name*=utf-8''" + long_name.encode() +
              b".pdf\r\nContent-Transfer-Encoding: base64\r\n")
    payload = base64.encodebytes(_stage1_pdf())
    raw = _raw("rfc2231_names", b"Content-Type: multipart/mixed; boundary=BB\r\n\r\n--BB\r\n" +
               headers + b"\r\n" + payload + b"\r\n--BB\r\n" + second + b"\r\n" + payload +
               b"\r\n--BB--\r\n")
    return Case("rfc2231_names", raw, "filed", _default_sender("rfc2231_names"))


def rfc2231_thousands_of_parameters() -> Case:
    params = b"".join(b";\r\n filename*%d*=utf-8''%%41%%42%d" % (n, n) for n in range(5000))
    headers = (b"Content-Type: application/pdf" + params + b"\r\nContent-Disposition: "
               b"attachment" + params + b"\r\nContent-Transfer-Encoding: base64\r\n")
    return Case("rfc2231_params", _one_part("rfc2231_params", headers,
                                            base64.encodebytes(_stage1_pdf())), "filed",
                _default_sender("rfc2231_params"))


def _tnef(objects: int) -> bytes:
    def obj(level: int, attribute: int, data: bytes) -> bytes:
        return struct.pack("<BII", level, attribute, len(data)) + data + struct.pack(
            "<H", sum(data) & 0xFFFF)

    out = struct.pack("<IH", 0x223E9F78, 1) + obj(1, 0x00089006, b"\x01\0\0\0")
    for number in range(objects // 3):
        out += obj(2, 0x00069002, b"\x01\0" + b"\0" * 12)
        out += obj(2, 0x00018010, b"f%d.txt\0" % number)
        out += obj(2, 0x0006800F, b"x")
    return out


def winmail(name: str, data: bytes, expect: str) -> Case:
    headers = (b"Content-Type: application/ms-tnef; name=winmail.dat\r\n"
               b"Content-Transfer-Encoding: base64\r\n")
    return Case(name, _one_part(name, headers, base64.encodebytes(data)), expect,
                _default_sender(name))


def tnef_truncated() -> Case:
    return winmail("tnef_truncated", _tnef(30)[:200], "filed")


def tnef_many_objects() -> Case:
    return winmail("tnef_many_objects", _tnef(60_000), "filed")


def subject_100k_encoded_words() -> Case:
    subject = " ".join("=?utf-8?q?a=C3=A9?=" for _ in range(100_000))
    return Case("subject_encoded_words", _raw("subject_encoded_words", b"\r\nhello\r\n",
                                              subject=subject), "filed",
                _default_sender("subject_encoded_words"))


def subject_ansi_and_markup() -> Case:
    subject = "\x1b[31mURGENT\x1b[0m [/bold] [link=http://evil.example]click[/link] \x07 Stage I"
    return Case("subject_ansi_markup", _raw("subject_ansi_markup", b"\r\nhello\r\n",
                                            subject=subject), "filed",
                _default_sender("subject_ansi_markup"))


# -- senders ---------------------------------------------------------------------------------

def from_smtp_injection() -> Case:
    sender = "a@attacker.example>\r\n RCPT TO:<victim@evil.example"
    return Case("from_smtp_injection", _raw("from_smtp_injection", b"\r\nhello\r\n",
                                            sender=sender), "filed", "")


def from_smtp_injection_encoded() -> Case:
    sender = ("=?utf-8?q?a=40attacker.example=3E=0D=0ARCPT_TO=3A=3Cvictim=40evil.example?= "
              "<=?utf-8?q?victim=40evil.example?=>")
    return Case("from_smtp_injection_encoded", _raw("from_smtp_injection_encoded",
                                                    b"\r\nhello\r\n", sender=sender),
                "filed", "")


def from_display_name_spoof() -> Case:
    sender = "=?utf-8?q?=3Cnormal.b=40clinic-b.example=3E?= <spoofer@attacker.example>"
    return Case("from_display_spoof", _raw("from_display_spoof", b"\r\nhello\r\n",
                                           sender=sender), "filed", "spoofer@attacker.example")


def from_display_name_crlf() -> Case:
    sender = "=?utf-8?q?Eve_Smith=0D=0ABcc=3A_victim2=40evil.example?= <eve@attacker.example>"
    return Case("from_display_crlf", _raw("from_display_crlf", b"\r\nhello\r\n",
                                          sender=sender), "filed", "eve@attacker.example")


def reused_message_id(victim_id: str) -> Case:
    raw = _raw("reused_id", b"\r\nI reuse another message's id.\r\n",
               sender="<reuser@attacker.example>").replace(
        b"<reused_id@hostile.example>", f"<{victim_id}>".encode())
    return Case("reused_message_id", raw, "filed", "reuser@attacker.example")


def all_cases(marker_path: str, victim_id: str) -> list[Case]:
    builders: list[Callable[[], Case]] = [
        lambda: docx_xxe(marker_path), docx_billion_laughs, docx_traversal_and_huge_member,
        pdf_field_cycles, pdf_huge_image, pdf_300_page_scan, pdf_actions,
        field_values_crlf_bcc, field_nul_bytes, field_invalid_utf16, field_one_megabyte,
        field_template_and_script, pdf_that_is_html, pdf_that_is_zip, multipart_1000_nested,
        rfc822_50_nested, header_line_2mb, headers_10000, broken_base64,
        broken_quoted_printable, unknown_charset, rfc2231_traversal_names,
        rfc2231_thousands_of_parameters, tnef_truncated, tnef_many_objects,
        subject_100k_encoded_words, subject_ansi_and_markup, from_smtp_injection,
        from_smtp_injection_encoded, from_display_name_spoof, from_display_name_crlf,
        lambda: reused_message_id(victim_id),
    ]
    return [_as_stored(build()) for build in builders]


def _as_stored(case: Case) -> Case:
    """Line ends as an IMAP server stores them (CRLF), so the bytes we look up are the bytes
    the service fetched."""
    raw = re.sub(rb"\r?\n|\r", b"\r\n", case.raw)
    return Case(case.name, raw, case.expect, case.sender)
