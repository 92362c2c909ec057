"""OCR engines: RapidOCR's models come from inside its installed package (nothing is
fetched: the test runs with every connection refused), both engines give words with boxes
in pixels and a confidence below 1, and an unknown engine is our own bug."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.ocr_engines import (
    _rapid,
    engine,
    rapid_installed,
    rapid_model_paths,
    rapid_words,
    tesseract_words,
)


def _text_image() -> Image.Image:
    image = Image.new("L", (900, 120), 255)
    font: Any = ImageFont.load_default(40)  # Pillow's own scalable font
    ImageDraw.Draw(image).text((30, 30), "Organization Legal Name", fill=0, font=font)
    return image


@pytest.mark.skipif(not rapid_installed(), reason="needs rapidocr and onnxruntime")
def test_rapid_reads_with_the_models_of_its_package_and_no_network(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import rapidocr

    package = Path(rapidocr.__file__).resolve().parent
    assert all(path.is_file() and package in path.parents
               for path in rapid_model_paths().values())

    def refused(*_args: object) -> None:
        raise OSError("no network in this test")
    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    _rapid.cache_clear()  # the engine made anew, under the refusal
    words = rapid_words(_text_image(), 20.0)
    assert [word.text for word in words] == ["Organization", "Legal", "Name"]
    assert all(0 < word.confidence <= 0.95 and word.x0 < word.x1 and word.top < word.bottom
               for word in words)
    assert rapid_words(Image.new("L", (200, 60), 255), 20.0) == []  # a blank page


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")
def test_tesseract_gives_the_same_kind_of_words() -> None:
    words = tesseract_words(_text_image(), 20.0)
    assert [word.text for word in words] == ["Organization", "Legal", "Name"]
    assert all(0 < word.confidence <= 0.95 for word in words)


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown OCR engine"):
        engine("easyocr")
