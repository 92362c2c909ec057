"""Watermarks ("DRAFT", "COPY") printed across a page, behind the form or over it: their
letters are set at a slant, or many times larger than the page's text, and belong to no
label and no value (they were read into the values beside them: "781.555.0129 A", and
the provider was told the number was invalid). A page turned a quarter (/Rotate 90) is
not slanted: its letters lie along an axis."""

from __future__ import annotations

import statistics
from typing import Any

_SLANT = 0.1  # a letter whose direction is this far off both axes is slanted
_LARGER = 4.0  # times the page's median type size


def without_watermarks(page: Any) -> Any:
    """The pdfplumber page without its watermark letters (the page itself when it has
    none)."""
    chars = page.chars
    if not chars:
        return page
    size = statistics.median(float(char["size"]) for char in chars)
    if not any(_watermark(char, size) for char in chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or
                       not _watermark(obj, size))


def _watermark(char: dict[str, Any], median_size: float) -> bool:
    across, up = abs(float(char["matrix"][0])), abs(float(char["matrix"][1]))
    slanted = min(across, up) > _SLANT * max(across, up)
    return slanted or float(char["size"]) >= _LARGER * median_size
