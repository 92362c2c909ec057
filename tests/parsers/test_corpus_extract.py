"""Every file of ../shared/corpus (third-party emails, PDFs and DOCX files, some of them real
spam) goes through `rpa-intake extract` without a traceback, within 10 s and 512 MB each.
Runs only when the corpus is there; the suite never needs it."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = sorted(path for folder in ("eml", "pdf", "docx") for path in
               (CORPUS / folder).glob("*") if path.is_file()) if CORPUS.is_dir() else []
MEMORY = 512 * 1024 * 1024


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY * 2, MEMORY * 2))  # the interpreter too


@pytest.mark.corpus
@pytest.mark.skipif(not FILES, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_extract_never_crashes_on_the_corpus(path: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[limits]\nseconds_per_document = 10\nmemory_mb_per_document = 512\n')
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "run_service.py"), "--config",
                             str(config), "extract", str(path), "--json"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT,
                            preexec_fn=_limit_memory)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    payload = json.loads(result.stdout)
    assert payload["file"] == path.name
    for document in payload["documents"]:
        assert document["form_type"] == "unknown"  # none of them is an RPA form
        assert not any(p["code"] == "too_slow" for p in document["problems"])
    attachments = 1 if path.suffix != ".eml" else max(1, len(payload["documents"]))
    assert elapsed < 10 * attachments + 10  # per document, plus the interpreter's start
