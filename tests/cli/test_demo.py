"""The demo, as a newcomer runs it: the table, the acknowledgments on disk, the digest."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("demo")
    result = subprocess.run([sys.executable, str(ROOT / "run_service.py"), "demo", "--out",
                             str(out)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    return out, result


def test_demo_prints_its_table(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _out, result = demo
    assert result.returncode == 0, result.stderr
    assert "submissions filed" in result.stdout
    for status in ("complete", "incomplete", "no_form"):
        assert status in result.stdout
    assert "RPA1-" in result.stdout
    assert "validation outreach --year" in result.stdout and "--dry-run" in result.stdout


def test_demo_leaves_acknowledgments_on_disk(
        demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _result = demo
    messages = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                for path in sorted((out / "outbox").glob("*.eml"))]
    subjects = [str(message["Subject"]) for message in messages]
    acknowledgments = [m for m in messages if m["Auto-Submitted"] == "auto-replied"]
    notices = [m for m in messages if m["Auto-Submitted"] is None]
    assert len(acknowledgments) >= 5, subjects
    assert all(m["X-Auto-Response-Suppress"] == "All" for m in acknowledgments)
    assert all(str(m["Subject"]).startswith(("[FC-", "[RPA2-")) for m in messages)
    requests = [m for m in messages if str(m["Subject"]).startswith("[RPA2-")]
    assert len(requests) == 1 and "Annual Validation requested" in str(requests[0]["Subject"])
    assert [part.get_content_type() for part in requests[0].iter_attachments()] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    assert len(list((out / "outbox").glob("Annual-Validation-*.pdf"))) == 1
    assert notices and "Approved" in str(notices[0]["Subject"])
    # the out-of-office reply is filed but never acknowledged
    assert not any("marcus.lee" in str(message["To"]) for message in messages)
    assert any("RPA1-" in str(message.get_body(("plain",)).get_content())
               for message in messages)


def test_demo_registry_answers_the_other_commands(
        demo: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _result = demo
    result = subprocess.run([sys.executable, str(ROOT / "run_service.py"), "--config",
                             str(out / "rpa-intake.toml"), "submissions", "export"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    submissions = json.loads(result.stdout)
    by_status = {item["status"] for item in submissions}
    assert {"complete", "incomplete", "no_form"} <= by_status | {"approved"}
    stage2 = [item for item in submissions if item["form_type"] == "stage2"]
    assert stage2 and stage2[0]["status"] == "approved"  # then the outreach runs for it
    assert len(stage2[0]["documents"]) == 4  # the follow-up's Test Scenarios joined it
    ooo = [item for item in submissions if "Automatic reply" in item["subject"]]
    assert ooo and ooo[0]["acknowledgment"]["status"] == "suppressed"
    assert (out / "digest.txt").read_text(encoding="utf-8").strip()
