"""Limits for tests that measure what is read, not how fast: time limits no load reaches.
On a machine busy with other work an OCR page can pass the product's 20 s and be given up;
the time limits themselves have their own tests (the hostile suite, tests/parsers/
test_pdf_ocr.py). bench/score_blind.py --unhurried uses the same values."""

from parsers.limits import Limits

UNHURRIED = Limits(seconds_per_document=300.0, seconds_per_message=400.0,
                   ocr_seconds_per_page=300.0)
