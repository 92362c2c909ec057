"""The coordinator's CLI views on the demo's registry: readable ``show``, list formats with
whole values, unknown filters refused, decisions' input checks, inquiries, the export's
problems and organization, the digest in words (issue 12)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from intake.cli import main
from intake.demo import run_demo

NOW = datetime(2026, 12, 2, 12, 0)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("views")
    app, result = run_demo(out, now=NOW)
    app.close()
    return str(result.config_file)


def cli(config: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--config", config, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def exported(config: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = cli(config, capsys, "submissions", "export")
    assert code == 0
    return json.loads(out)


def by_form(items: list[dict], form_type: str, status: str) -> dict:
    return next(item for item in items if item["form_type"] == form_type
                and item["status"] == status)


def test_show_prints_the_decision_and_the_approval_number(config, capsys) -> None:
    approved = by_form(exported(config, capsys), "stage1", "approved")
    code, out, _ = cli(config, capsys, "submissions", "show", approved["reference"])
    assert code == 0
    assert "Decision: approved by coordinator.demo" in out
    assert "approval:      RPA1-2026-" in out
    assert "Federal Employer Identification Number" in out and "Thread:" in out
    code, out, _ = cli(config, capsys, "review", "show", approved["reference"], "--json")
    shown = json.loads(out)
    assert shown["decision"]["approvals"][0]["number"].startswith("RPA1-2026-")


def test_show_names_the_supporting_documents_results(config, capsys) -> None:
    grandfathered = by_form(exported(config, capsys), "stage2_grandfathered", "complete")
    _code, out, _ = cli(config, capsys, "submissions", "show", grandfathered["reference"])
    assert "signed: yes" in out
    assert "transactions covered:" in out and "scenarios passed per transaction:" in out


@pytest.mark.parametrize("fmt", ["tsv", "json", "table"])
def test_lists_print_whole_values_in_every_format(config, capsys, fmt: str) -> None:
    code, out, _ = cli(config, capsys, "review", "list", "--format", fmt)
    assert code == 0
    if fmt == "json":
        rows = json.loads(out)
        assert rows and all(row["reference"].startswith("FC-2026-") for row in rows)
    elif fmt == "tsv":
        header, *rows = out.splitlines()
        assert header.split("\t")[:3] == ["reference", "status", "form"]
        assert all(len(row.split("\t")) == 6 for row in rows)
    else:  # not a terminal: aligned, nothing folded
        assert all("FC-2026-0000" in line for line in out.splitlines()[3:])


def test_unknown_filter_values_exit_2(config, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--config", config, "submissions", "list", "--status", "pending"])
    assert stopped.value.code == 2


def test_export_names_problems_and_organization_of_an_incomplete_form(config, capsys) -> None:
    incomplete = by_form(exported(config, capsys), "stage1", "incomplete")
    assert incomplete["organization"]  # the form's legal name, though no FEIN was given
    fields = {item["field"] for item in incomplete["problems"]}
    assert {"fein", "signer_title"} <= fields  # what the demo's DOCX leaves out
    assert all(item["document"] for item in incomplete["problems"] if item["field"])


def test_decisions_check_their_input(config, capsys) -> None:
    items = exported(config, capsys)
    grandfathered = by_form(items, "stage2_grandfathered", "complete")["reference"]
    code, _out, err = cli(config, capsys, "reject", grandfathered, "--reason", " ")
    assert code == 2 and "a reason is required" in err
    code, _out, err = cli(config, capsys, "approve", grandfathered, "--user-ids", "bot-1")
    assert code == 2 and "not an RPA User ID: BOT-1" in err


def test_an_inquiry_waits_and_is_answered(config, capsys) -> None:
    _code, out, _ = cli(config, capsys, "review", "list", "--format", "json")
    inquiries = [row for row in json.loads(out) if row["status"] == "inquiry"]
    assert len(inquiries) == 1  # the question; the out-of-office reply is not one
    reference = inquiries[0]["reference"]
    code, out, _ = cli(config, capsys, "answer", reference, "--message",
                       "Send the Stage I form first; the Stage II follows after testing.")
    assert code == 0 and f"answered {reference}" in out
    _code, out, _ = cli(config, capsys, "review", "list", "--format", "json")
    assert reference not in out
    code, _out, err = cli(config, capsys, "answer", reference, "--message", "again")
    assert code == 2 and "no open inquiry" in err


def test_the_digest_speaks_in_words(config, capsys) -> None:
    code, out, _ = cli(config, capsys, "digest", "--print", "--date", "2026-12-02")
    assert code == 0
    assert "stage2_grandfathered" not in out and "Stage II (grandfathered)" in out
    assert "Inquiries waiting for an answer" in out
    assert "automatic or other mail, no form: 1" in out


def test_users_are_added_listed_and_refused_when_weak(config, capsys, monkeypatch) -> None:
    monkeypatch.setenv("RPA_INTAKE_NEW_PASSWORD", "a long enough password")
    code, out, _ = cli(config, capsys, "users", "add", "carol", "--role", "viewer")
    assert code == 0 and "added carol (viewer)" in out
    _code, out, _ = cli(config, capsys, "users", "list", "--format", "json")
    assert {"name": "carol", "role": "viewer", "state": "active"}.items() <= next(
        row for row in json.loads(out) if row["name"] == "carol").items()
    monkeypatch.setenv("RPA_INTAKE_NEW_PASSWORD", "short")
    code, _out, err = cli(config, capsys, "users", "add", "dave", "--role", "admin")
    assert code == 2 and "at least 10 characters" in err


def test_demo_config_opens_the_console(config) -> None:
    text = Path(config).read_text(encoding="utf-8")
    assert "[web]" in text and "secret_key_file" in text
