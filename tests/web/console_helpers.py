"""A console on a registry filled through the real pipeline (the demo's mail, plus a
message whose sender text is HTML), served by uvicorn on 127.0.0.1 in a thread."""

from __future__ import annotations

import re
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from config.settings import Settings
from formgen.mail import build_email
from intake.app import App
from intake.demo import run_demo
from intake.maildir_source import MaildirSource
from intake.poll import poll_once
from intake.users import add_user
from registry.db import transaction
from web.server import ConsoleServer, build_server

NOW = datetime(2026, 12, 2, 12, 0)
PASSWORD = "correct horse battery staple"
SECRET = "test-console-secret-key-0123456789"
HOSTILE = '<script>alert("owned")</script>'


@dataclass
class Console:
    app: App
    url: str
    server: ConsoleServer
    out: Path


def console_app(out: Path, *, database_url: str | None = None, secure: bool = False) -> App:
    """The demo's registry (SQLite); with ``database_url``, the demo's mail filed again into
    that database through the same pipeline (no approval in between)."""
    demo_app, _run = run_demo(out, now=NOW, outreach=False)  # its Stage II left to decide
    demo_app.close()
    settings = demo_settings_for(demo_app.settings, database_url, secure)
    app = App(settings)
    if database_url:
        _refile(app, out / "mailbox" / ".processed")
    _deliver_hostile(app, out)
    with transaction(app.sessions) as session:
        for name, role in (("alice", "coordinator"), ("victor", "viewer"), ("ada", "admin")):
            add_user(session, name, role=role, password=PASSWORD, now=NOW, actor="test")
    return app


def demo_settings_for(settings: Settings, database_url: str | None, secure: bool) -> Settings:
    changes: dict[str, dict[str, object]] = {
        "web": {"secret_key": SECRET, "cookie_secure": secure, "host": "127.0.0.1"}}
    if database_url:
        changes["database"] = {"url": database_url}
    return settings.replace(**changes)


def _refile(app: App, processed: Path) -> None:
    source = MaildirSource(app.settings.mailbox.__class__(source="maildir", path=str(processed),
                                                          processed_path=str(processed) + "-2"))
    poll_once(app.sessions, source, app.context, now_fn=lambda: NOW)


def _deliver_hostile(app: App, out: Path) -> None:
    raw = build_email(sender=f'"{HOSTILE} Eve" <eve@example.net>', to="intake@example.org",
                      subject=f"Question {HOSTILE}", body=f"Hello {HOSTILE}",
                      message_id="hostile-1@example.net", date=NOW)
    (out / "mailbox" / "99-hostile.eml").write_bytes(raw)
    poll_once(app.sessions, MaildirSource(app.settings.mailbox), app.context,
              now_fn=lambda: NOW + timedelta(minutes=1))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_console(app: App, out: Path) -> Console:
    port = free_port()
    server = build_server(app, host="127.0.0.1", port=port)
    import threading

    server.thread = threading.Thread(target=server.server.run, daemon=True)
    server.thread.start()
    deadline = time.monotonic() + 15
    while not server.server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the console did not start")
        time.sleep(0.05)
    return Console(app, f"http://127.0.0.1:{port}", server, out)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)
