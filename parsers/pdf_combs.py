"""Comb boxes on a printed page: a code, number or date typed ONE CHARACTER PER DRAWN BOX
comes as single-character words at an even pitch, with the separators ("-", "/") printed
between box groups. Such a run is one value again ("1 1 / 0 3 / 2 0 2 6" → "11/03/2026",
"0 1 8 4 4 -" before four empty ZIP+4 boxes → "01844"), so the pairing reads it as typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parsers.glyphs import CODE_SEPARATORS
from parsers.layout_words import Word, lines_of

PITCH_SHARE = 0.3  # how far one step between boxes may be off the run's usual step
WIDEST_PITCH = 2.6  # box steps wider than this many type heights are columns, not a comb
SEPARATOR_STEPS = 2.6  # a box group's separator spans at most this many steps


def comb_words(words: Sequence[Word]) -> list[Word]:
    """The words with every comb run on a line joined into one word."""
    joined: list[Word] = []
    for line in lines_of(words):
        joined += _joined_line(line)
    return joined


def _joined_line(line: list[Word]) -> list[Word]:
    out: list[Word] = []
    index = 0
    while index < len(line):
        end = _run_end(line, index)
        if end - index >= 2:
            out.append(_one_word(line[index:end]))
            index = end
        else:
            out.append(line[index])
            index += 1
    return out


def _run_end(line: list[Word], start: int) -> int:
    """The index after the comb run starting at ``start`` (``start`` when none starts)."""
    if not _cell(line[start]):
        return start
    steps: list[float] = []
    end = start + 1
    while end < len(line):
        word, last = line[end], line[end - 1]
        if word.text in CODE_SEPARATORS and end + 1 < len(line) and _cell(line[end + 1]) \
                and _fits(_middle(line[end + 1]) - _middle(last), steps, last, SEPARATOR_STEPS):
            end += 2
            continue
        step = _middle(word) - _middle(last)
        if not _cell(word) or word.font != last.font or not _fits(step, steps, last, 1.0):
            break  # one comb is typed in one font
        steps.append(step)
        end += 1
    if end < len(line) and line[end].text in CODE_SEPARATORS and steps and \
            line[end].x0 - line[end - 1].x1 < steps[0]:
        end += 1  # the separator printed before a group of empty boxes (ZIP+4)
    run = line[start:end]
    if not steps or all(word.text in {"X", "x"} for word in run if _cell(word)):
        return start  # a row of ticks in boxes is no comb
    return end


def _cell(word: Word) -> bool:
    return len(word.text) == 1 and word.text.isalnum()


def _middle(word: Word) -> float:
    return (word.x0 + word.x1) / 2


def _fits(step: float, steps: list[float], last: Word, most: float) -> bool:
    """One box step (``most`` steps across a separator): as wide as the run's steps so
    far, and, for the first step, wider than the letter yet within a comb's reach."""
    height = last.bottom - last.top
    if not steps:
        return (last.x1 - last.x0) < step <= WIDEST_PITCH * height * most
    usual = steps[0]
    if most == 1.0:
        return abs(step - usual) <= PITCH_SHARE * usual
    return usual * (1 - PITCH_SHARE) < step <= usual * most


def _one_word(run: Sequence[Word]) -> Word:
    text = "".join(word.text for word in run).rstrip("".join(CODE_SEPARATORS))
    return replace(run[0], text=text, x1=run[-1].x1,
                   top=min(word.top for word in run), bottom=max(word.bottom for word in run),
                   confidence=min(word.confidence for word in run))
