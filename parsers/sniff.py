"""File kinds from the bytes, never from a file name or a Content-Type."""

from __future__ import annotations

import io
import zipfile

KINDS = frozenset({
    "pdf", "docx", "docm", "xlsx", "pptx", "odt", "zip", "doc", "encrypted_office", "ole",
    "rtf", "png", "jpeg", "gif", "tiff", "tnef", "pkcs7", "eml", "html", "text", "empty",
    "other",
})

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"{\\rtf", "rtf"),
    (b"\x78\x9f\x3e\x22", "tnef"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PKCS7_OID = bytes.fromhex("2a864886f70d0107")  # 1.2.840.113549.1.7
_HEADER_START = (b"received:", b"from:", b"return-path:", b"message-id:", b"mime-version:",
                 b"date:", b"subject:", b"to:", b"delivered-to:", b"x-")


def sniff(data: bytes) -> str:
    """One of KINDS."""
    if not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE):
        return _ole_kind(data)
    if data[:1] == b"\x30" and _PKCS7_OID in data[:64]:
        return "pkcs7"
    return _text_kind(head)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument.text" in archive.read("mimetype")[:100]:
                return "odt"
            if "[Content_Types].xml" not in names:
                return "zip"
            types = archive.read("[Content_Types].xml")[:200_000]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, NotImplementedError):
        return "zip"
    if "word/document.xml" in names:
        return "docm" if b"macroEnabled" in types else "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def _ole_kind(data: bytes) -> str:
    """Word binary or an encrypted OOXML package (both live in an OLE container); the stream
    names are UTF-16 in the directory sectors."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "encrypted_office"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    return "ole"


def _text_kind(head: bytes) -> str:
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith(_HEADER_START) and b":" in lowered.split(b"\n", 1)[0]:
        return "eml"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "other"
    return "text"
