"""Client credentials with a certificate instead of a secret: msal signs a JWT assertion
with the private key, the local authority checks it with the registered certificate."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from servers.https import LocalCertificate
from servers.identity import Identity

from config.settings import ConfigError
from notifier.oauth import CredentialsRejected, OAuthConfig, TokenProvider
from notifier.oauth_files import read_certificate


def make_pem(directory: Path, name: str) -> tuple[Path, bytes]:
    key, cert = directory / f"{name}.key", directory / f"{name}.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"],
                   check=True, capture_output=True, timeout=60)
    combined = directory / f"{name}.pem"
    combined.write_text(key.read_text() + cert.read_text())
    return combined, cert.read_bytes()


def config_for(identity: Identity, tls: LocalCertificate, client_id: str,
               pem: Path) -> OAuthConfig:
    return OAuthConfig(name="smtp", tenant_id=identity.tenant, client_id=client_id,
                       certificate_file=str(pem), authority_host=identity.authority_host,
                       ca_file=str(tls.ca))


def test_certificate_credential(identity: Identity, local_tls: LocalCertificate,
                                tmp_path: Path) -> None:
    pem, cert = make_pem(tmp_path, "app")
    client = identity.register("mb@example.org", certificate_pem=cert)
    assert TokenProvider(config_for(identity, local_tls, client.client_id, pem)).token()
    parsed = read_certificate("smtp", str(pem))
    assert len(parsed.thumbprint) == 40 and "PRIVATE KEY" not in repr(parsed)


def test_another_certificate_is_refused(identity: Identity, local_tls: LocalCertificate,
                                        tmp_path: Path) -> None:
    _, registered = make_pem(tmp_path, "registered")
    other, _ = make_pem(tmp_path, "other")
    client = identity.register("mb@example.org", certificate_pem=registered)
    with pytest.raises(CredentialsRejected, match="invalid_client"):
        TokenProvider(config_for(identity, local_tls, client.client_id, other)).token()


def test_a_file_without_the_key_is_a_config_error(tmp_path: Path) -> None:
    _, cert = make_pem(tmp_path, "nokey")
    only_cert = tmp_path / "only.pem"
    only_cert.write_bytes(cert)
    with pytest.raises(ConfigError, match="needs both the private key"):
        read_certificate("smtp", str(only_cert))
