"""The console's guards over plain HTTP: CSRF, roles, cookie flags, sign-in rate limiting,
no open redirect, strict headers, and decisions refused without their input."""

from __future__ import annotations

import time

import httpx
import pytest
from console_helpers import PASSWORD, Console, csrf_of, start_console
from sqlalchemy import select

from intake.app import App
from registry.models import AuditEvent, LoginAttempt, Submission

REFERENCE = "FC-2026-000003-7"  # the demo's complete grandfathered Stage II


def signed_in(console: Console, name: str) -> httpx.Client:
    client = httpx.Client(base_url=console.url, follow_redirects=True, timeout=30)
    page = client.get("/login")
    answer = client.post("/login", data={"csrf_token": csrf_of(page.text), "name": name,
                                         "password": PASSWORD, "next": "/"})
    assert answer.status_code == 200 and f"{name} (" in answer.text
    return client


def status_of(console: Console, reference: str) -> str:
    with console.app.sessions() as session:
        return str(session.scalar(select(Submission.status)
                                  .where(Submission.reference == reference)))


def test_a_form_without_its_csrf_token_is_refused(console: Console) -> None:
    client = signed_in(console, "alice")
    answer = client.post(f"/submissions/{REFERENCE}/approve", data={"user_ids": "RPAU0001"})
    assert answer.status_code == 403
    wrong = client.post(f"/submissions/{REFERENCE}/reject",
                        data={"csrf_token": "forged", "reason": "no"})
    assert wrong.status_code == 403
    assert status_of(console, REFERENCE) == "complete"


def test_a_viewer_cannot_decide_or_correct(console: Console) -> None:
    client = signed_in(console, "victor")
    token = csrf_of(client.get(f"/submissions/{REFERENCE}").text)
    answer = client.post(f"/submissions/{REFERENCE}/reject",
                         data={"csrf_token": token, "reason": "Not allowed to say"})
    assert answer.status_code == 403 and "may read" in answer.text
    assert status_of(console, REFERENCE) == "complete"
    assert client.post(f"/submissions/{REFERENCE}/fields/1",
                       data={"csrf_token": token, "value": "x"}).status_code == 403


def test_a_decision_without_its_reason_is_refused(console: Console) -> None:
    client = signed_in(console, "alice")
    token = csrf_of(client.get(f"/submissions/{REFERENCE}").text)
    answer = client.post(f"/submissions/{REFERENCE}/reject",
                         data={"csrf_token": token, "reason": "  "})
    assert "a reason is required" in answer.text
    assert status_of(console, REFERENCE) == "complete"


def test_pages_and_images_need_a_sign_in(console: Console) -> None:
    client = httpx.Client(base_url=console.url, timeout=30)
    for path in ("/", f"/submissions/{REFERENCE}", "/documents/1/pages/1.png"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_strict_headers_and_no_open_redirect(console: Console) -> None:
    client = httpx.Client(base_url=console.url, timeout=30)
    page = client.get("/login")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    answer = client.post("/login", data={"csrf_token": csrf_of(page.text), "name": "alice",
                                         "password": PASSWORD, "next": "//evil.example/"})
    assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_sign_ins_are_rate_limited_and_audited(console: Console) -> None:
    client = httpx.Client(base_url=console.url, timeout=30)
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        wrong = client.post("/login", data={"csrf_token": token, "name": "ada",
                                            "password": "not the password"})
        assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    right = client.post("/login", data={"csrf_token": token, "name": "ada",
                                        "password": PASSWORD})
    assert right.status_code == 429 and "Too many" in right.text
    with console.app.sessions() as session:
        failed = session.scalars(select(LoginAttempt).where(LoginAttempt.name == "ada")).all()
        audited = session.scalars(select(AuditEvent.action).where(
            AuditEvent.actor == "ada")).all()
    assert len(failed) == 6 and not any(item.success for item in failed)
    assert audited.count("login_failed") == 6


@pytest.mark.parametrize("secure", [True, False])
def test_the_session_cookie_is_httponly_samesite_and_secure_by_default(
        console: Console, secure: bool) -> None:
    app = App(console.app.settings.replace(web={"cookie_secure": secure}))
    running = start_console(app, console.out)
    try:
        page = httpx.get(f"{running.url}/login", timeout=30)
    finally:
        running.server.stop()
        app.close()
    flags = [part.strip() for part in page.headers["set-cookie"].lower().split(";")]
    assert "httponly" in flags and "samesite=lax" in flags
    assert ("secure" in flags) is secure


def test_run_starts_the_console_beside_the_service(console: Console) -> None:
    from console_helpers import free_port

    from intake.commands.run import _start_console

    port = free_port()
    app = App(console.app.settings.replace(web={"enabled": True, "port": port}))
    running = _start_console(app)
    try:
        for _ in range(100):
            if running.server.started:
                break
            time.sleep(0.05)
        assert httpx.get(f"http://127.0.0.1:{port}/login", timeout=10).status_code == 200
    finally:
        running.stop()
        app.close()
    assert not running.thread.is_alive()


def test_the_console_refuses_to_start_without_a_secret_key(console: Console) -> None:
    from intake.cli import UsageError
    from intake.commands.run import _start_console

    app = App(console.app.settings.replace(web={"enabled": True, "secret_key": ""}))
    with pytest.raises(UsageError, match=r"web\.secret_key"):
        _start_console(app)
    app.close()
