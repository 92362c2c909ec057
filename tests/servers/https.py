"""Small HTTPS servers for the tests, on 127.0.0.1 with a private self-signed certificate
(its own CA, which clients are told to trust: TLS stays verified). Started in a thread and
stopped by the test that started it."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from servers.dovecot import free_port


@dataclass(frozen=True)
class LocalCertificate:
    ca: Path  # what clients trust
    cert: Path  # the servers' certificate, signed by ``ca``
    key: Path


def make_certificate(directory: Path) -> LocalCertificate:
    """A private test CA and a server certificate for 127.0.0.1 and localhost."""
    directory.mkdir(parents=True, exist_ok=True)
    ca, ca_key = directory / "ca.pem", directory / "ca.key"
    cert, key, csr = directory / "server.pem", directory / "server.key", directory / "server.csr"
    extensions = directory / "server.ext"
    extensions.write_text("basicConstraints=critical,CA:FALSE\n"
                          "keyUsage=critical,digitalSignature,keyEncipherment\n"
                          "extendedKeyUsage=serverAuth\n"
                          "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                          "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n")
    for command in (
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(ca_key),
         "-out", str(ca), "-subj", "/CN=rpa-intake test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr),
         "-subj", "/CN=127.0.0.1"],
        ["x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
         "-CAcreateserial", "-days", "2", "-out", str(cert), "-extfile", str(extensions)],
    ):
        subprocess.run(["openssl", *command], check=True, capture_output=True, timeout=60)
    for path in (key, ca_key):
        os.chmod(path, 0o600)
    for path in (ca, cert):
        os.chmod(path, 0o644)
    return LocalCertificate(ca, cert, key)


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        return {key: values[0] for key, values in parse_qs(self.body.decode()).items()}

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] | None = None


def json_response(status: int, value: Any, **headers: str) -> Response:
    return Response(status, json.dumps(value).encode(), headers=headers or None)


Route = Callable[[Request], Response]


class HttpsServer:
    def __init__(self, certificate: LocalCertificate, route: Route) -> None:
        self.port = free_port()
        self.base = f"https://127.0.0.1:{self.port}"
        handler = _handler_for(route)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.httpd.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate.cert, certificate.key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler_for(route: Route) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            request = Request(self.command, parts.path, query,
                              {key.lower(): value for key, value in self.headers.items()}, body)
            try:
                response = route(request)
            except Exception as err:  # a bug in the test server: make it visible
                response = json_response(500, {"error": {"code": "testServerBug",
                                                         "message": repr(err)}})
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for key, value in (response.headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(response.body)

        do_GET = do_POST = do_PATCH = do_DELETE = _serve

    return Handler
