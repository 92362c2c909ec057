"""Classification stage: which form type a RawDocument is, from its title, its footer form
code and how many of its fields a form definition knows.

Titles that sit inside a longer title of another form (Stage II inside "Stage II ... –
Grandfathered Entities") give way to the longer one; ``RPA-S2`` never matches ``RPA-S2G``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from parsers.fieldindex import field_index
from parsers.formdefs import FormDefinition
from parsers.labels import clean_field_name, normalize_label
from parsers.model import RawDocument

CODE_WEIGHT = 6.0
TITLE_TOP_WEIGHT = 4.0
ALIAS_TOP_WEIGHT = 3.0
TITLE_BODY_WEIGHT = 1.0
OVERLAP_WEIGHT = 4.0
TABLE_WEIGHT = 6.0
THRESHOLD = 2.5
TOP_LINES = 6
SCAN_CHARS = 60_000
SCENARIO_COLUMNS = ("scenario id", "transaction", "posc screen s", "expected result",
                    "actual result", "pass/fail")


@dataclass(frozen=True, slots=True)
class Classification:
    form_type: str  # a definition's form_type, or "unknown"
    form_version: str | None  # the footer form code when it was printed
    score: float


@dataclass(frozen=True, slots=True)
class _TitleHit:
    form_type: str
    start: int
    end: int
    weight: float


def classify(raw: RawDocument, definitions: Mapping[str, FormDefinition]) -> Classification:
    """The best-scoring form type, or ``unknown`` when nothing scores above THRESHOLD."""
    text = raw.text[:SCAN_CHARS]
    codes = found_codes(text, definitions)
    scores = {form_type: 0.0 for form_type in definitions}
    for form_type in codes:
        scores[form_type] += CODE_WEIGHT
    titled = set(codes)
    for hit in _title_hits(text, definitions):
        scores[hit.form_type] += hit.weight
        titled.add(hit.form_type)
    for form_type, overlap in field_overlap(raw, definitions).items():
        scores[form_type] += OVERLAP_WEIGHT * overlap
    if "test_scenarios" in scores and has_scenario_table(raw):
        scores["test_scenarios"] += TABLE_WEIGHT
        titled.add("test_scenarios")
    # Shared fields alone are not enough: any form asks for a name, an address and a phone.
    titled |= distinctive(raw, definitions)
    scores = {form_type: score for form_type, score in scores.items() if form_type in titled}
    best = max(scores, key=lambda form_type: scores[form_type], default=None)
    if best is None or scores[best] < THRESHOLD:
        return Classification("unknown", None, max(scores.values(), default=0.0))
    version = definitions[best].form_code if best in codes else None
    return Classification(best, version, round(scores[best], 3))


def found_codes(text: str, definitions: Mapping[str, FormDefinition]) -> set[str]:
    """Form types whose footer code is printed; a code must not run on into letters or
    digits (RPA-S2 is not RPA-S2G)."""
    found = set()
    for definition in definitions.values():
        code = definition.form_code
        if not code:
            continue
        pattern = re.escape(code).replace(r"\-", r"\s?[-\u2010-\u2015]\s?")
        if re.search(rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])", text, re.IGNORECASE):
            found.add(definition.form_type)
    return found


def _title_hits(text: str, definitions: Mapping[str, FormDefinition]) -> list[_TitleHit]:
    lines = [line for line in text.splitlines() if line.strip()]
    top = f" {normalize_label(' '.join(lines[:TOP_LINES]))} "
    body = f" {normalize_label(text)} "
    hits: list[_TitleHit] = []
    for definition in definitions.values():
        titles = [(definition.title, TITLE_TOP_WEIGHT)]
        titles += [(alias, ALIAS_TOP_WEIGHT) for alias in definition.title_aliases]
        for title, weight in titles:
            hits += _find(top, definition.form_type, title, weight)
            hits += _find(body, definition.form_type, title, TITLE_BODY_WEIGHT, offset=10**9)
    kept = [hit for hit in hits if not _covered(hit, hits)]
    best: dict[tuple[str, bool], _TitleHit] = {}  # one top and one body hit per form
    for hit in kept:
        slot = (hit.form_type, hit.start >= 10**9)
        if slot not in best or hit.weight > best[slot].weight:
            best[slot] = hit
    return list(best.values())


def _find(haystack: str, form_type: str, title: str, weight: float,
          offset: int = 0) -> list[_TitleHit]:
    needle = f" {normalize_label(title)} "
    if needle.strip() == "":
        return []
    return [_TitleHit(form_type, offset + found.start(), offset + found.start() + len(needle),
                      weight)
            for found in re.finditer(re.escape(needle), haystack)]


def _covered(hit: _TitleHit, hits: list[_TitleHit]) -> bool:
    """Inside a longer title of another form (Stage II in the grandfathered title)."""
    return any(other.form_type != hit.form_type and other.start <= hit.start
               and other.end >= hit.end and (other.end - other.start) > (hit.end - hit.start)
               for other in hits)


def field_overlap(raw: RawDocument,
                  definitions: Mapping[str, FormDefinition]) -> dict[str, float]:
    """Per form type, about 0..1.25: the share of the document's named keys the form knows,
    plus a quarter of their Jaccard overlap (the closer-fitting form wins a tie)."""
    named = named_keys(raw, definitions)
    seen = set().union(*named.values()) if named else set()
    if len(seen) < 3:  # too few to say anything
        return {}
    return {form_type: len(keys) / len(seen) + len(keys) / len(seen | set(
        definitions[form_type].keys)) / 4 for form_type, keys in named.items() if keys}


def distinctive(raw: RawDocument, definitions: Mapping[str, FormDefinition]) -> set[str]:
    """Form types at least three of whose own keys (not the organization or attestation
    blocks every form shares) the document names: field names can stand for a title."""
    named = named_keys(raw, definitions)
    counts: dict[str, int] = {}
    for definition in definitions.values():
        for key in definition.keys:
            counts[key] = counts.get(key, 0) + 1
    common = {key for key, count in counts.items() if count >= 4}
    return {form_type for form_type, keys in named.items() if len(keys - common) >= 3}


def named_keys(raw: RawDocument, definitions: Mapping[str, FormDefinition]) -> dict[str, set[str]]:
    """Per form type, the canonical keys the document's field names or labels match."""
    named: dict[str, set[str]] = {form_type: set() for form_type in definitions}
    indexes = {form_type: field_index(item) for form_type, item in definitions.items()}
    for item in raw.fields[:2000]:
        cleaned = clean_field_name(item.name)
        names = {normalize_label(name) for name in (cleaned, item.label, *cleaned.split("."))}
        names.discard("")
        for form_type, index in indexes.items():
            for name in names:
                found = index.field_normalized(name)
                if found is not None:
                    named[form_type].add(found.key)
    return named


def has_scenario_table(raw: RawDocument) -> bool:
    """A table whose header row has the six test-scenario columns."""
    for table in raw.tables:
        for row in table[:3]:
            cells = {normalize_label(cell) for cell in row}
            if sum(any(column in cell for cell in cells) for column in SCENARIO_COLUMNS) >= 5:
                return True
    return False
