"""The naive floor for bench_backlog.py: one process, imapclient fetch of every message in a
folder (BODY.PEEK[], nothing changed), then pdfplumber or python-docx reading each
attachment's fields. No database, no isolation, no validation, no acknowledgment.

    .venv/bin/python bench/naive_floor.py HOST PORT USER PASSWORD [FOLDER]
"""

from __future__ import annotations

import email
import email.policy
import io
import sys

import pdfplumber
from docx import Document
from imapclient import IMAPClient
from pdfminer.pdftypes import resolve1

BATCH = 50


def floor_pdf(data: bytes) -> int:
    """pdfplumber open + a raw walk of the AcroForm field tree (the values read)."""
    values = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        form = pdf.doc.catalog.get("AcroForm")
        stack = list(resolve1(resolve1(form)["Fields"])) if form else []
        while stack:
            node = resolve1(stack.pop())
            stack.extend(resolve1(node.get("Kids", [])))
            values += node.get("V") is not None
    return values


def floor_docx(data: bytes) -> int:
    """python-docx open + a walk of every element of the body."""
    document = Document(io.BytesIO(data))
    return sum(1 for _ in document.element.body.iter())


def main(host: str, port: str, user: str, password: str, folder: str = "INBOX") -> int:
    client = IMAPClient(host, port=int(port), ssl=False, timeout=60)
    client.login(user, password)
    client.select_folder(folder, readonly=True)
    uids = sorted(client.search(["ALL"]))
    messages = attachments = 0
    for start in range(0, len(uids), BATCH):
        for data in client.fetch(uids[start:start + BATCH], ["BODY.PEEK[]"]).values():
            message = email.message_from_bytes(data[b"BODY[]"], policy=email.policy.default)
            messages += 1
            for part in message.iter_attachments():
                name = (part.get_filename() or "").lower()
                payload = part.get_payload(decode=True) or b""
                if name.endswith(".pdf"):
                    floor_pdf(payload)
                elif name.endswith(".docx"):
                    floor_docx(payload)
                attachments += 1
    client.logout()
    print(f"floor: {messages} messages, {attachments} attachments read")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
