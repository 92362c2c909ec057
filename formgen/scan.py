"""A "scanned" form: the flattened PDF rendered to a slightly skewed, noisy image and wrapped
into an image-only PDF (no text layer), as a office scanner would send it."""

from __future__ import annotations

import io
import random
from collections.abc import Mapping
from typing import Any

import pypdfium2
from PIL import Image, ImageFilter

from formgen.pdf_form import flattened_pdf
from parsers.formdefs import FormDefinition


def scanned_pdf(definition: FormDefinition, values: Mapping[str, Any], *, dpi: int = 200,
                skew_degrees: float = 0.6, noise: bool = True, seed: int = 7) -> bytes:
    document = pypdfium2.PdfDocument(flattened_pdf(definition, values))
    pages = [_scan(document[number].render(scale=dpi / 72).to_pil(), skew_degrees, noise, seed)
             for number in range(len(document))]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buffer.getvalue()


def _scan(image: Image.Image, skew: float, noise: bool, seed: int) -> Image.Image:
    page = image.convert("L").rotate(skew, expand=False, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        width, height = page.size
        for _ in range(width * height // 400):
            page.putpixel((rng.randrange(width), rng.randrange(height)), rng.choice((0, 200)))
        page = page.filter(ImageFilter.GaussianBlur(0.4))
    return page.convert("RGB")
