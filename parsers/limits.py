"""Limits every parser runs under: bytes, pages, decompressed size, ratio, time, memory."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    max_attachment_bytes: int = 20 * 1024 * 1024
    max_message_bytes: int = 25 * 1024 * 1024
    max_pages: int = 50
    max_decompressed_bytes: int = 100 * 1024 * 1024
    max_compression_ratio: int = 200
    max_text_chars: int = 2_000_000
    max_fields: int = 5_000
    max_attachments: int = 50
    max_nesting: int = 64  # forwarded messages inside forwarded messages (each one a level)
    seconds_per_document: float = 20.0
    seconds_per_message: float = 25.0  # the MIME tree and all documents of one message
    memory_mb_per_document: int = 2048  # address space: OCR (onnxruntime, OpenCV) maps ~1.5 GB
    ocr: bool = True
    ocr_seconds_per_page: float = 20.0
    ocr_engine: str = "rapidocr"  # or "tesseract" (parsers.ocr_engines.ENGINES)


class LimitExceededError(Exception):
    """An input is larger, deeper or slower than the limits allow; the message says which."""
