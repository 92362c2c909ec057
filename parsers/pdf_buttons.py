"""PDF AcroForm buttons whose on-state is a code (``/T3``, ``/MHP``, ``/SDD``, ``/Choice2``):
the choice a ticked box or selected radio button stands for, read where a person reads it:
the widget's caption (``/MK /CA``), its tooltip (``/TU``), or the text printed beside it.
When none names a choice, nothing is given, and the mapping sends the field to review."""

from __future__ import annotations

from collections.abc import Sequence

from parsers.labels import Vocabulary, normalize_label
from parsers.layout_words import Word
from parsers.pdf_fields import Widget
from parsers.pdf_labels import label_near

# On-states that say only "ticked" or answer a yes/no question by themselves.
_PLAIN_STATES = frozenset({"on", "off", "yes", "no", "y", "n", "true", "false", "1", "0", "x",
                           "checked", "selected"})


def coded(widget: Widget, vocabulary: Vocabulary) -> bool:
    """A ticked box or selected button whose on-state is neither a plain state nor a
    label or choice the forms know: a code its choice must be found for."""
    export = widget.export_value.strip()
    return widget.field_type == "/Btn" and bool(widget.value) and bool(export) and \
        normalize_label(export) not in _PLAIN_STATES and not vocabulary.is_label(export)


def printed_choice(widget: Widget, words: Sequence[Word], height: float,
                   vocabulary: Vocabulary) -> str:
    """The choice named by the caption, the tooltip (whole, or after its field label:
    "Organization Type: Business Partner") or the text beside the widget; "" if none."""
    candidates = [widget.caption, *_tooltip_choices(widget.tooltip, vocabulary)]
    if widget.rect is not None and words:
        x0, y0, x1, y1 = widget.rect
        candidates.append(label_near(words, (x0, height - y1, x1, height - y0)))
    return next((text for text in candidates if text and vocabulary.is_choice_label(text)), "")


def _tooltip_choices(tooltip: str, vocabulary: Vocabulary) -> list[str]:
    split = vocabulary.split_label(tooltip) if tooltip else None
    tail = split[1].strip(" -:.") if split is not None else ""
    return [tooltip, tail] if tail else [tooltip]
