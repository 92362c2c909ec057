"""A label and its value read as one segment (a scan's word boxes, or a tight printed form):
the gap after the label's last word, wider than the spaces inside the label and inside the
value, parts them. Prose keeps even spaces, so it is never split this way."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from parsers.labels import Vocabulary
from parsers.layout_words import Word, join

_WIDER = 1.6  # the parting gap against the widest space inside the label
_VALUE_WIDER = 1.4  # ... and against the widest space inside the value
_MIN_SHARE = 0.4  # ... and against the type's height, at least


def spaced_label(segment: Sequence[Word], vocabulary: Vocabulary) -> int | None:
    """How many words of ``segment`` are a field label parted from the value after it by a
    wide gap; None when no such label starts the segment."""
    for count in range(len(segment) - 1, 0, -1):
        if vocabulary.is_field_label(join(segment[:count])) and \
                _parted(segment[:count], segment[count:]):
            return count
    return None


def _parted(label: Sequence[Word], value: Sequence[Word]) -> bool:
    parting = value[0].x0 - label[-1].x1
    height = min(word.bottom - word.top for word in label)
    inner, between = max(_spaces(label), default=0.0), max(_spaces(value), default=0.0)
    return parting >= _MIN_SHARE * height and max(inner, between) > 0 and \
        parting >= _WIDER * inner and parting >= _VALUE_WIDER * between


def _spaces(words: Sequence[Word]) -> list[float]:
    """The spaces between words (an OCR'd speck of punctuation is no word)."""
    kept = [word for word in words if any(char.isalnum() for char in word.text)]
    return [right.x0 - left.x1 for left, right in pairwise(kept)]
