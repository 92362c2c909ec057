"""Credential files for OAuth 2.0: a certificate (PEM: private key + certificate) with its
thumbprint and expiry, and the delegated flow's refresh token, written atomically with mode
0600 every time Microsoft rotates it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from config.settings import ConfigError


@dataclass(frozen=True, slots=True)
class Certificate:
    private_key: str = field(repr=False)
    certificate: str
    thumbprint: str  # SHA-1 of the DER certificate, hex: what Entra ID shows
    not_after: datetime  # UTC, naive

    def msal_credential(self) -> dict[str, str]:
        return {"private_key": self.private_key, "thumbprint": self.thumbprint,
                "public_certificate": self.certificate}


def read_certificate(section: str, path: str) -> Certificate:
    try:
        text = Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{section}.certificate_file: cannot read {path}") from err
    key, cert = _pem_block(text, "PRIVATE KEY"), _pem_block(text, "CERTIFICATE")
    if not key or not cert:
        raise ConfigError(f"{section}.certificate_file: {path} needs both the private key "
                          "and the certificate (PEM)")
    try:
        parsed = x509.load_pem_x509_certificate(cert.encode("ascii"))
    except ValueError as err:
        raise ConfigError(f"{section}.certificate_file: {path} holds no valid "
                          "certificate") from err
    return Certificate(private_key=key, certificate=cert,
                       thumbprint=parsed.fingerprint(hashes.SHA1()).hex().upper(),
                       not_after=parsed.not_valid_after_utc.replace(tzinfo=None))


def _pem_block(text: str, kind: str) -> str:
    """The first PEM block whose label ends with ``kind`` (RSA PRIVATE KEY, PRIVATE KEY)."""
    start = text.find("-----BEGIN ")
    while start != -1:
        label_end = text.find("-----", start + 11)
        label = text[start + 11:label_end]
        end_marker = f"-----END {label}-----"
        end = text.find(end_marker, label_end)
        if end == -1:
            return ""
        if label.endswith(kind):
            return text[start:end + len(end_marker)] + "\n"
        start = text.find("-----BEGIN ", end)
    return ""


def read_refresh_token(path: str) -> str:
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ConfigError(f"refresh_token_file: cannot read {path} (run `rpa-intake oauth "
                          "login` to sign in once)") from err
    if not token:
        raise ConfigError(f"refresh_token_file: {path} is empty (run `rpa-intake oauth login`)")
    return token


def store_refresh_token(path: str, token: str) -> bool:
    """Replace the file's token atomically (mode 0600); False when it was already current."""
    target = Path(path)
    with contextlib.suppress(OSError):
        if target.read_text(encoding="utf-8").strip() == token:
            return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".refresh-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as writer:  # mkstemp creates it 0600
            writer.write(token.encode("utf-8") + b"\n")
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(target.parent)
    return True


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
