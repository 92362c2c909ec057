"""Value types passed between the pure parsing stages.

Every stage of ``parsers`` takes bytes or these frozen dataclasses and returns them; none of
them touches a database, a clock, a settings object or the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

# Where a value came from; also the `source` in the SPEC §5 JSON.
Source = Literal[
    "acroform",
    "xfa",
    "content_control",
    "legacy_field",
    "table_cell",
    "paragraph",
    "layout",
    "ocr",
]

# How a whole document was read; the `method` in the SPEC §5 JSON.
Method = Literal[
    "acroform",
    "xfa",
    "content_controls",
    "legacy_fields",
    "tables",
    "paragraphs",
    "layout",
    "ocr",
    "none",
]

Severity = Literal["error", "warning", "review"]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a provider must fix (error), should know (warning) or a coordinator must
    look at (review). ``message`` is a sentence a provider understands."""

    code: str
    message: str
    field: str | None = None
    severity: Severity = "error"

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "field": self.field, "message": self.message,
                "severity": self.severity}


@dataclass(frozen=True, slots=True)
class Attachment:
    """One file found in an email, after unwrapping forwards and winmail.dat."""

    filename: str  # decoded and sanitized (no path, no control characters)
    declared_type: str  # the Content-Type the sender claimed; never trusted
    kind: str  # sniffed from the bytes: see parsers.sniff.KINDS
    data: bytes
    sha256: str
    inline: bool = False  # an inline image of a signature, a logo...
    origin: str = "attachment"  # attachment | forwarded | tnef


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """The parts of an inbound message the pipeline needs, all header values sanitized."""

    message_id: str  # without angle brackets; "" when absent
    subject: str
    from_address: str  # lower-cased addr-spec; "" when unusable
    from_name: str
    to: tuple[str, ...]
    date: datetime | None
    in_reply_to: str
    references: tuple[str, ...]
    return_path: str | None  # None when absent, "" for the null path <>
    auto_headers: tuple[tuple[str, str], ...]  # headers RFC 3834 checks look at (lower-case names)
    content_type: str  # of the top-level part, e.g. multipart/report
    body_text: str
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Spot:
    """Where on a PDF page a value was read: the page (0-based) and the box in points,
    top-down (x0, top, x1, bottom), as pdfplumber measures it; for a scan, in points too."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def as_json(self) -> dict[str, Any]:
        return {"page": self.page + 1,
                "box": [round(self.x0, 1), round(self.top, 1), round(self.x1, 1),
                        round(self.bottom, 1)]}


@dataclass(frozen=True, slots=True)
class RawField:
    """A value as a reader found it, before it is matched to a canonical key.

    ``name`` is what the file calls it (AcroForm name, content-control tag or title, legacy
    field name); ``label`` is the printed text beside it when the reader knows it. ``value``
    is a string, or a bool for a checkbox, or a tuple of strings for a multi-select.
    """

    name: str
    value: str | bool | tuple[str, ...]
    source: Source
    confidence: float = 1.0
    label: str = ""
    export_value: str = ""  # a checkbox's or radio button's on-state name (e.g. "claim_status")
    page: int = 0
    beside: str = ""  # the choice printed beside a box whose label is the question ("Yes")
    understood: bool = False  # an empty value the reader is sure of (a label with nothing
    # after, under or above it, between lines it read entirely)
    tooltip: str = ""  # a fillable field's /TU, as its designer wrote it ("Row 3 Transaction")
    spot: Spot | None = None  # the widget, or the label and its value on the page


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader saw in one file: its text (for classification) and raw fields."""

    method: Method
    text: str  # title, footer and body text; bounded in size
    fields: tuple[RawField, ...] = ()
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()  # tables as rows of cell texts
    problems: tuple[Problem, ...] = ()
    pages: int = 0
    signed: bool = False  # a signed signature field was seen


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One canonical field of a form: raw text, normalized value, provenance, confidence."""

    key: str
    raw: str
    value: Any  # int, str, bool, ISO date string, or list of strings
    source: Source
    confidence: float = 1.0
    spot: Spot | None = None  # where it was read, when the reader knows (PDF pages)


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """One classified and extracted attachment: the SPEC §5 document shape."""

    filename: str
    sha256: str
    form_type: str  # a form type of SPEC §2, or "unknown"
    form_version: str | None
    method: Method
    fields: tuple[FieldValue, ...] = ()
    problems: tuple[Problem, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)  # e.g. scenario counts, signed

    def value(self, key: str, default: Any = None) -> Any:
        for item in self.fields:
            if item.key == key:
                return item.value
        return default

    def values(self) -> dict[str, Any]:
        return {item.key: item.value for item in self.fields}

    @property
    def min_confidence(self) -> float:
        return min((item.confidence for item in self.fields), default=1.0)

    @property
    def confidence(self) -> float:
        """Of the whole document: below 1 when a value is doubtful or most required values
        were not found (parsers.certainty); 0 when nothing could be read."""
        if self.form_type == "unknown":
            return 0.0
        return float(self.facts.get("confidence", self.min_confidence))

    def as_json(self) -> dict[str, Any]:
        return {
            "form_type": self.form_type,
            "form_version": self.form_version,
            "method": self.method,
            "confidence": self.confidence,
            "fields": self.values(),
            "field_sources": {item.key: _field_source(item) for item in self.fields},
            "problems": [problem.as_json() for problem in self.problems],
        }


def spot_from_json(found: dict[str, Any] | None) -> Spot | None:
    """A stored spot (``Spot.as_json``) back as a value; None when absent or malformed."""
    try:
        x0, top, x1, bottom = (float(item) for item in found["box"])  # type: ignore[index]
        return Spot(int(found["page"]) - 1, x0, top, x1, bottom)  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return None


def _field_source(item: FieldValue) -> dict[str, Any]:
    """How a value was read, and where when the reader knows: ``page`` (1-based) and
    ``box`` in points from the page's top left."""
    found: dict[str, Any] = {"source": item.source, "confidence": round(item.confidence, 3)}
    return found | (item.spot.as_json() if item.spot is not None else {})
