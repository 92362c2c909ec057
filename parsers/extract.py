"""Extraction stage, the dispatcher: bytes of one attachment → sniff → reader → classify →
map → normalize → document rules → facts, one ExtractedDocument; run in an isolated child
process by default. ``extract_json`` gives the SPEC §5 shape for a file or a whole .eml.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from parsers.classify import classify
from parsers.formdefs import FormDefinition
from parsers.isolation import IsolationError, run_isolated
from parsers.labels import Vocabulary
from parsers.limits import LimitExceededError, Limits
from parsers.mapping import map_fields
from parsers.model import ExtractedDocument, ParsedEmail, Problem, RawDocument
from parsers.rules_document import check_document
from parsers.supporting import supporting_facts, supporting_fields, supporting_problems

log = logging.getLogger(__name__)

RESEND = "please resend it as a PDF or DOCX file"
UNSUPPORTED = {
    "doc": ("unsupported_file", f"is an older Word (.doc) file that cannot be read; {RESEND}."),
    "encrypted_office": ("encrypted_file", "is password-protected; please resend it without "
                         "a password as a PDF or DOCX file."),
}
ISOLATION_MESSAGES = {
    "timeout": ("too_slow", f"took too long to read; {RESEND} (one form per file)."),
    "memory": ("too_large", f"is too large to read; {RESEND} with fewer pages."),
    "crashed": ("unreadable_file", f"could not be read (the file may be damaged); {RESEND}."),
}


def extract_document(filename: str, data: bytes, definitions: Mapping[str, FormDefinition],
                     *, limits: Limits, today: date, isolate: bool = True) -> ExtractedDocument:
    """Classify and extract one attachment. Bad input gives a document with problems; with
    ``isolate`` the work runs in a child process under the time and memory limits."""
    if not isolate:
        return _extract(filename, data, dict(definitions), limits, today)
    try:
        return run_isolated(_extract, filename, data, dict(definitions), limits, today,
                            seconds=limits.seconds_per_document,
                            memory_mb=limits.memory_mb_per_document)
    except IsolationError as err:
        log.warning("extraction of one attachment stopped: %s", err.reason)
        code, message = ISOLATION_MESSAGES.get(err.reason, ISOLATION_MESSAGES["crashed"])
        return failed_document(filename, data, code, f'The file "{filename}" {message}')


def failed_document(filename: str, data: bytes, code: str, message: str) -> ExtractedDocument:
    return ExtractedDocument(filename, _sha256(data), "unknown", None, "none",
                             problems=(Problem(code, message, None, "error"),))


def _extract(filename: str, data: bytes, definitions: dict[str, FormDefinition],
             limits: Limits, today: date) -> ExtractedDocument:
    if len(data) > limits.max_attachment_bytes:
        return failed_document(filename, data, "too_large", f'The file "{filename}" '
                               f"{ISOLATION_MESSAGES['memory'][1]}")
    kind = _sniff(data)
    if kind not in ("pdf", "docx", "docm"):
        code, message = UNSUPPORTED.get(kind, ("unsupported_file", f"is not a PDF or DOCX "
                                                                   f"form; {RESEND}."))
        return failed_document(filename, data, code, f'The file "{filename}" {message}')
    vocabulary = vocabulary_for(definitions)
    try:
        raw = _read(kind, data, limits, vocabulary)
    except LimitExceededError:
        return failed_document(filename, data, "too_large", f'The file "{filename}" '
                               f"{ISOLATION_MESSAGES['memory'][1]}")
    # The readers catch the libraries' errors on hostile bytes at the library call and say
    # so in a problem; anything else raised here is a bug of ours, and goes up (the
    # pipeline quarantines the message with the traceback) rather than being told to the
    # provider as a damaged file.
    return build_document(filename, data, raw, definitions, vocabulary, today=today)


def build_document(filename: str, data: bytes, raw: RawDocument,
                   definitions: Mapping[str, FormDefinition], vocabulary: Vocabulary, *,
                   today: date) -> ExtractedDocument:
    """Everything after the reader: classify, map, normalize, check, facts."""
    found = classify(raw, definitions)
    problems = list(raw.problems)
    if raw.method == "ocr" and not any(item.code == "ocr" for item in problems):
        problems.append(Problem("ocr", "This document is a scan; its values were read by OCR "
                                "and a coordinator will check them.", None, "review"))
    if found.form_type == "unknown":
        return ExtractedDocument(filename, _sha256(data), "unknown", None, raw.method,
                                 problems=tuple(problems), facts={"pages": raw.pages})
    definition = definitions[found.form_type]
    checked = check_document(definition, map_fields(raw, definition, vocabulary), today=today)
    values = {item.key: item.value for item in checked.fields}
    facts: dict[str, Any] = {"pages": raw.pages, "score": found.score,
                             "confidence": checked.confidence}
    facts.update(supporting_facts(found.form_type, raw, values, definitions))
    fields = (*checked.fields, *supporting_fields(found.form_type, facts, raw.method))
    problems += [*checked.problems, *supporting_problems(found.form_type, facts, raw.method)]
    return ExtractedDocument(filename, _sha256(data), found.form_type, found.form_version,
                             raw.method, fields, tuple(problems), facts)


_VOCABULARIES: dict[tuple[tuple[str, int], ...], tuple[list[FormDefinition], Vocabulary]] = {}


def vocabulary_for(definitions: Mapping[str, FormDefinition]) -> Vocabulary:
    """The vocabulary of these definitions, built once (it costs ~15 ms; a document ~3 ms).
    Keyed by the definitions' identities, which the cache keeps alive."""
    key = tuple(sorted((form_type, id(item)) for form_type, item in definitions.items()))
    if key not in _VOCABULARIES:
        _VOCABULARIES.clear()  # one set of definitions at a time in practice
        _VOCABULARIES[key] = (list(definitions.values()), Vocabulary(definitions))
    return _VOCABULARIES[key][1]


def _read(kind: str, data: bytes, limits: Limits, vocabulary: Vocabulary) -> RawDocument:
    if kind == "pdf":
        from parsers.pdf import read_pdf

        return read_pdf(data, limits, vocabulary)
    from parsers.docx_reader import read_docx

    return read_docx(data, limits, vocabulary)


def _sniff(data: bytes) -> str:
    from parsers.sniff import sniff

    return sniff(data)


def _parse_email(data: bytes, limits: Limits) -> ParsedEmail:
    from parsers.mime import parse_email

    return parse_email(data, limits)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_json(filename: str, data: bytes, definitions: Mapping[str, FormDefinition], *,
                 limits: Limits, today: date, isolate: bool = True) -> dict[str, Any]:
    """SPEC §5: ``{"file": ..., "documents": [...]}``; an .eml gives one document per
    attachment that is not inline."""
    if filename.lower().endswith(".eml") or _sniff(data) == "eml":
        email = _parse_email(data, limits)
        items = [(item.filename, item.data) for item in email.attachments if not item.inline]
    else:
        items = [(filename, data)]
    documents = []
    for name, content in items:
        document = extract_document(name, content, definitions, limits=limits, today=today,
                                    isolate=isolate)
        documents.append({"filename": document.filename, "sha256": document.sha256,
                          **document.as_json()})
    return {"file": filename, "documents": documents}
