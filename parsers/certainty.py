"""Validation stage, honesty (SPEC §3 "only what was read is reported to the sender"): a
problem is told to the provider only when every field it is about was read with full
confidence, as a value or as a blank the reader is sure of (an empty fillable field,
content control, legacy field or table cell beside its label). Anything else goes to a
coordinator: an unseen required field is "could not be read", a doubtful value that breaks
a rule keeps its code but becomes a review item. Also the confidence of a whole document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from parsers.formdefs import FormDefinition
from parsers.labels import normalize_label
from parsers.mapping import MappedValue, is_blank
from parsers.model import Problem, Source

SURE = 1.0
# A value paired with its label by position only (beside, below, above it on the page):
# good enough to keep, not enough to tell a provider that it breaks a rule.
PAIRED_BY_POSITION = 0.9
# Readers whose empty value is an empty control the provider saw and left empty; the page
# readers (layout, paragraphs, OCR) only report what they found, so their silence is no
# proof of a blank.
BLANK_SOURCES: frozenset[Source] = frozenset(
    {"acroform", "xfa", "content_control", "legacy_field", "table_cell"})
# Controls that hold exactly what the provider typed into that one field.
TYPED_SOURCES: frozenset[Source] = frozenset(
    {"acroform", "xfa", "content_control", "legacy_field"})


@dataclass(frozen=True, slots=True)
class Certainty:
    """Which keys the reader saw at all, and which it is sure of (a value or a blank)."""

    seen: frozenset[str]
    sure: frozenset[str]


def certainty_of(mapped: Mapping[str, MappedValue],
                 definition: FormDefinition) -> Certainty:
    labels = _other_labels(definition)
    sure = {key for key, item in mapped.items()
            if _sure(item) and not _runs_into_a_label(item, labels.get(key, ()))}
    return Certainty(frozenset(mapped), frozenset(sure))


def _sure(item: MappedValue) -> bool:
    if item.confidence < SURE or item.conflicts:
        return False
    return not is_blank(item.raw) or item.source in BLANK_SOURCES or item.understood


@lru_cache(maxsize=32)  # once per form definition, not per document
def _other_labels(definition: FormDefinition) -> dict[str, tuple[str, ...]]:
    """Per key, the labels of the form's other fields (two words or more, normalized)."""
    names = {item.key: {text for name in (item.label, *item.aliases)
                        if len((text := normalize_label(name)).split()) >= 2}
             for item in definition.fields}
    return {key: tuple(text for other, texts in names.items() if other != key
                       for text in texts - own) for key, own in names.items()}


def _runs_into_a_label(item: MappedValue, labels: Iterable[str]) -> bool:
    """A page reader's value holding another field's label took the next fields with it
    (it misread the layout): kept for a coordinator, not sure enough to tell a provider."""
    if item.source in TYPED_SOURCES or is_blank(item.raw):
        return False
    parts = item.raw if isinstance(item.raw, tuple) else (item.raw,)
    text = f" {normalize_label(' '.join(str(part) for part in parts))} "
    return any(f" {label} " in text for label in labels)


def settle(problem: Problem, involved: Iterable[str], certainty: Certainty,
           definition: FormDefinition) -> Problem:
    """The problem as told: unchanged when every field it is about is sure; otherwise a
    review item ("could not be read" for a field the reader never saw)."""
    keys = set(involved)
    if problem.severity != "error" or keys <= certainty.sure:
        return problem
    key = problem.field
    if key is not None and key not in certainty.seen and key in definition.keys:
        label = definition.field(key).label
        return Problem("unreadable", f'"{label}" could not be read; a coordinator will '
                       "check it.", key, "review")
    return replace(problem, severity="review")


def document_confidence(definition: FormDefinition, mapped: Mapping[str, MappedValue],
                        certainty: Certainty) -> float:
    """Below 1 when any value is doubtful, and in proportion when the required fields were
    mostly not found (a document whose labels were seen but values were not)."""
    required = [item.key for item in definition.fields if item.required]
    found = [key for key in required if key in certainty.sure or
             (key in mapped and not is_blank(mapped[key].raw))]
    share = len(found) / len(required) if required else 1.0
    lowest = min((item.confidence for item in mapped.values()), default=1.0)
    return round(min(share, lowest), 3)
