"""Every command starts light: the CLI and the mail modules load neither msal (only OAuth
logins need it) nor Alembic (only a schema change does), and the fork server of the reader
pool holds no OCR libraries. A guard on the processes' memory (bench/bench_backlog.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def loaded_after(imports: str, *modules: str) -> list[str]:
    probe = (f"import sys; {imports}; "
             f"print(' '.join(m for m in {modules!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    return result.stdout.split()


def test_the_cli_and_the_mail_modules_load_no_msal_nor_alembic() -> None:
    imports = "import intake.cli, intake.imap_source, notifier.smtp, intake.credentials"
    assert loaded_after(imports, "msal", "requests", "alembic") == []


def test_the_fork_server_preloads_no_ocr() -> None:
    imports = ("import importlib; from parsers.isolation import PRELOAD; "
               "[importlib.import_module(name) for name in PRELOAD]")
    assert loaded_after(imports, "numpy", "cv2", "onnxruntime", "rapidocr") == []
