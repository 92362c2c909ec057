"""The OCR engines a scan can be read with, each giving words in the image's pixels with a
confidence: RapidOCR (PP-OCR models in ONNX, run by onnxruntime, the models shipped inside
the ``rapidocr`` wheel and loaded from there by path, never downloaded) and Tesseract (the
system's binary). Each engine is held to a time per page."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from parsers.layout_words import Word

# Tesseract's OpenMP threads fight over two cores and make it five times slower; documents
# are read one at a time anyway.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ENGINES = ("rapidocr", "tesseract")
MAX_CONFIDENCE = 0.95  # an OCR'd value always goes to a person
RAPID_MODELS = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx"}
RAPID_THREADS = 2  # documents are read one at a time, in a child of their own
# Text is found on the page scaled to this longest side (9-point text is still 10 px
# high), then each line is read from the full-size image: finding costs a quarter.
RAPID_FIND_SIDE = 960
Engine = Callable[[Image.Image, float], list[Word]]  # (image, seconds) -> words in pixels


class OcrEngineError(Exception):
    """The engine failed on a page (a timeout, a crash, an engine that is not installed)."""


def engine(name: str) -> Engine:
    """The engine called ``name`` (one of ENGINES)."""
    if name == "tesseract":
        return tesseract_words
    if name == "rapidocr":
        return rapid_words
    raise ValueError(f"unknown OCR engine {name!r}")


def tesseract_words(image: Image.Image, seconds: float) -> list[Word]:
    """Tesseract's words; the engine runs as a child process killed after ``seconds``."""
    try:
        import pytesseract

        data = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT,
                                         timeout=seconds)
    except Exception as err:  # the engine's errors (RuntimeError on a timeout, ...)
        raise OcrEngineError(type(err).__name__) from err
    words = []
    for index, text in enumerate(data["text"]):
        confidence = float(data["conf"][index])
        if not text.strip() or confidence < 0:
            continue
        left, top = data["left"][index], data["top"][index]
        width, height = data["width"][index], data["height"][index]
        words.append(Word(text.strip(), left, left + width, top, top + height,
                          confidence=min(confidence / 100, MAX_CONFIDENCE)))
    return words


def rapid_words(image: Image.Image, seconds: float) -> list[Word]:
    """RapidOCR's words (its lines split at spaces, each word with its own box). The page's
    text is found first and then read; a page whose finding took its time is not read
    (onnxruntime cannot be stopped inside a run: a run is bounded by the page's size)."""
    started = time.monotonic()
    try:
        reader = _rapid()
        pixels = np.asarray(image.convert("RGB"))
        result = reader(pixels, return_word_box=True)
    except Exception as err:  # onnxruntime's and the engine's own errors
        raise OcrEngineError(type(err).__name__) from err
    if time.monotonic() - started > seconds:
        raise OcrEngineError("timeout")
    if getattr(result, "boxes", None) is None:  # a blank page: no text found
        return []
    lines = getattr(result, "word_results", None) or ()
    return [word for line in lines for word in _rapid_line(line)]


def _rapid_line(line: Any) -> list[Word]:
    words = []
    for item in line:
        if not isinstance(item, tuple) or len(item) != 3 or item[2] is None or \
                not str(item[0]).strip():
            continue
        text, score, quad = item
        xs, ys = [point[0] for point in quad], [point[1] for point in quad]
        words.append(Word(str(text).strip(), float(min(xs)), float(max(xs)), float(min(ys)),
                          float(max(ys)), confidence=min(float(score), MAX_CONFIDENCE)))
    return words


@cache
def rapid_installed() -> bool:
    """Is the ``rapidocr`` package (and onnxruntime, which runs its models) installed?"""
    from importlib.util import find_spec

    return find_spec("rapidocr") is not None and find_spec("onnxruntime") is not None


def rapid_model_paths() -> dict[str, Path]:
    """The models inside the installed ``rapidocr`` package (the engine gets these paths,
    so it has nothing to fetch)."""
    import rapidocr

    folder = Path(rapidocr.__file__).resolve().parent / "models"
    return {stage: folder / name for stage, name in RAPID_MODELS.items()}


@cache
def _rapid() -> Any:
    """One engine per process, made on first use (its sessions load in about 0.3 s)."""
    from rapidocr import RapidOCR

    paths = rapid_model_paths()
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        raise OcrEngineError(f"models missing: {missing}")
    threads = "EngineConfig.onnxruntime.intra_op_num_threads"
    return RapidOCR(params={
        "Global.log_level": "error", "Global.use_cls": False,
        "Det.limit_type": "max", "Det.limit_side_len": RAPID_FIND_SIDE,
        threads: RAPID_THREADS, "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        **{f"{stage}.model_path": str(path) for stage, path in paths.items()}})
