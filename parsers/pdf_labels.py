"""Opaque AcroForm names (Text1, Check Box3): the printed label beside a widget, found in
the page's words: on its line to the left, just above it, or right of a small checkbox."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.labels import Vocabulary
from parsers.pdf_layout import Word, lines_of, segments_of


def label_near(words: Sequence[Word], rect: tuple[float, float, float, float],
               vocabulary: Vocabulary | None = None) -> str:
    """The printed text beside a widget (top-down coordinates): on its line to the left
    (with the lines above it when the label is wrapped), or just above it; for a small
    (checkbox) widget, to its right first."""
    x0, top, x1, bottom = rect
    middle = (top + bottom) / 2
    same_line = [w for w in words if w.top <= middle <= w.bottom + 2 or abs(w.top - top) < 4]
    if x1 - x0 < 20:
        right = [w for w in same_line if w.x0 >= x1 - 1]
        if right:
            return _join(_nearest_segment(sorted(right, key=lambda w: w.x0), first=True))
    left = [w for w in same_line if w.x1 <= x0 + 1]
    if left:
        segment = _nearest_segment(sorted(left, key=lambda w: w.x0), first=False)
        found = _unwrap(words, segment, vocabulary)
        if vocabulary is None or vocabulary.is_field_label(found):
            return found
    above = _above(words, rect, vocabulary)
    if vocabulary is None:
        return above
    straddling = _straddling(words, rect)
    if vocabulary.is_field_label(straddling):
        return straddling
    below, below_gap = _below(words, rect)  # a signature block: the label under the line
    above_gap = _gap_above(words, rect)
    if vocabulary.is_field_label(below) and \
            (below_gap < above_gap or not vocabulary.is_field_label(above)):
        return below
    return above if not left or vocabulary.is_field_label(above) else found


def _below(words: Sequence[Word],
           rect: tuple[float, float, float, float]) -> tuple[str, float]:
    """The text just under a widget, and how far under it."""
    x0, _top, x1, bottom = rect
    lines = lines_of(w for w in words if 0 <= w.top - bottom < 14)
    if not lines:
        return "", 99.0
    segments = [s for s in segments_of(lines[0]) if s[0].x0 < x1 and s[-1].x1 > x0 - 5]
    return _join([word for segment in segments for word in segment]), lines[0][0].top - bottom


def _straddling(words: Sequence[Word], rect: tuple[float, float, float, float]) -> str:
    """A label wrapped onto two lines left of the widget, one just above its middle and
    one just below (a right-aligned label column)."""
    x0, top, _x1, bottom = rect
    middle = (top + bottom) / 2
    left = [w for w in words if w.x1 <= x0 + 1 and abs((w.top + w.bottom) / 2 - middle) < 12]
    halves = lines_of(left)
    if len(halves) != 2:
        return ""
    return " ".join(_join(_nearest_segment(line, first=False)) for line in halves)


def _gap_above(words: Sequence[Word], rect: tuple[float, float, float, float]) -> float:
    x0, top, x1, _bottom = rect
    gaps = [top - w.bottom for w in words if 0 < top - w.bottom < 18 and w.x0 < x1
            and w.x1 > x0 - 5]
    return min(gaps, default=99.0)


def _above(words: Sequence[Word], rect: tuple[float, float, float, float],
           vocabulary: Vocabulary | None) -> str:
    """The label just above a widget: the segments of the nearest line above that reach
    over the widget, whole (a label may run on past the widget's right edge); a wrapped
    label's line above that is joined when only both make a label."""
    x0, top, x1, _bottom = rect
    lines = lines_of(w for w in words if 0 < top - w.bottom < 18)
    if not lines:
        return ""
    segments = [s for s in segments_of(lines[-1]) if s[0].x0 < x1 and s[-1].x1 > x0 - 5]
    text = _join([word for segment in segments for word in segment])
    if vocabulary is None or vocabulary.is_field_label(text) or not segments:
        return text
    upper = lines_of(w for w in words if 0 < segments[0][0].top - w.bottom < 8)
    if upper:
        joined = f"{_join(upper[-1])} {text}"
        if vocabulary.is_field_label(joined):
            return joined
    return text


def _unwrap(words: Sequence[Word], segment: list[Word], vocabulary: Vocabulary | None) -> str:
    """The segment's text, joined with the label lines wrapped above or below it."""
    text = _join(segment)
    if vocabulary is None or vocabulary.is_field_label(text):
        return text
    lines = lines_of(words)
    number = next((i for i, line in enumerate(lines) if segment[0] in line), None)
    if number is None:
        return text
    for start, end in ((number - 1, number + 1), (number - 2, number + 1),
                       (number, number + 2), (number, number + 3), (number - 1, number + 2)):
        parts = [next((s for s in segments_of(line) if abs(s[0].x0 - segment[0].x0) < 3), [])
                 for line in lines[max(start, 0):end]]
        candidate = " ".join(_join(part) for part in parts if part)
        if vocabulary.is_field_label(candidate):
            return candidate
    return text


def _nearest_segment(words: list[Word], *, first: bool) -> list[Word]:
    segments = segments_of(words)
    return segments[0] if first else segments[-1]


def _join(words: Sequence[Word]) -> str:
    return re.sub(r"\s+", " ", " ".join(word.text for word in words)).strip()


def question_near(words: Sequence[Word], rect: tuple[float, float, float, float],
                  vocabulary: Vocabulary) -> str:
    """The question a row of boxes answers ("Testing completed ...?  ( ) Yes  ( ) No"):
    a field label on the row to the left of the first box, or on the lines just above
    (a wrapped question is joined). "" when no field label is found."""
    x0, top, _x1, bottom = rect
    middle = (top + bottom) / 2
    left = [w for w in words if w.x1 <= x0 + 1 and (w.top <= middle <= w.bottom + 2)]
    if left:
        text = _unwrap(words, _nearest_segment(sorted(left, key=lambda w: w.x0), first=False),
                       vocabulary)
        if vocabulary.is_field_label(text):
            return text
    above = [line for line in lines_of(w for w in words if 0 < top - w.bottom < 40)]
    for count in (1, 2, 3):
        chosen = above[-count:]
        if len(chosen) < count or top - chosen[-1][0].bottom > 18:
            break
        texts = [" ".join(_join(line) for line in chosen)]
        if count == 1:
            texts += [_join(segment) for segment in segments_of(chosen[0])]
        found = next((text for text in texts if vocabulary.is_field_label(text)), "")
        if found:
            return found
    return ""
