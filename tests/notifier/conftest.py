"""SMTP servers for the notifier tests: plain, and STARTTLS with a self-signed certificate."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.smtp import SmtpServer, start_smtp


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("smtp-tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
                    "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True, timeout=60)
    return root / "cert.pem", root / "key.pem"


@pytest.fixture
def smtp_tls(smtp_certificate: tuple[Path, Path]) -> Iterator[SmtpServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(smtp_certificate[0]), str(smtp_certificate[1]))
    server = start_smtp(context)
    yield server
    server.stop()


@pytest.fixture
def smtp_auth() -> Iterator[SmtpServer]:
    server = start_smtp(login=("fc-user", "s3cret-Pa55"))
    yield server
    server.stop()
