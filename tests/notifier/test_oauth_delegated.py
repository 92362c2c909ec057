"""The delegated flow against the local authority: the one-time sign-in through the CLI
(authorization code with PKCE), then refresh tokens that rotate on every use, each new one
stored atomically with mode 0600 (the old one no longer works, as with Entra ID's rotation);
a revoked refresh token is one clear line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from servers.https import LocalCertificate
from servers.identity import Identity

from notifier.oauth import CredentialsRejected, OAuthConfig, TokenProvider
from notifier.oauth_files import store_refresh_token

ROOT = Path(__file__).resolve().parents[2]
MAILBOX = "delegate@example.org"


def delegated(identity: Identity, tls: LocalCertificate, client_id: str,
              path: Path) -> OAuthConfig:
    return OAuthConfig(name="imap", tenant_id=identity.tenant, client_id=client_id,
                       authority_host=identity.authority_host, ca_file=str(tls.ca),
                       flow="delegated", refresh_token_file=str(path))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_sign_in_through_the_cli_stores_the_refresh_token(identity: Identity,
                                                          local_tls: LocalCertificate,
                                                          tmp_path: Path) -> None:
    client = identity.register(MAILBOX)  # a public client: no secret
    token_file = tmp_path / "state" / "imap-refresh-token"
    config = tmp_path / "rpa.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "r.db"}"\n'
        f'[imap]\nauth = "oauth2"\noauth_flow = "delegated"\nusername = "{MAILBOX}"\n'
        f'tenant_id = "{identity.tenant}"\nclient_id = "{client.client_id}"\n'
        f'authority_host = "{identity.authority_host}"\noauth_ca_file = "{local_tls.ca}"\n'
        f'refresh_token_file = "{token_file}"\n')
    process = subprocess.Popen([sys.executable, str(ROOT / "run_service.py"), "--config",
                                str(config), "oauth", "login", "--section", "imap"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None and process.stdin is not None
    process.stdout.readline()
    url = process.stdout.readline().strip()
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(identity.authority_host) and query["code_challenge_method"] == ["S256"]
    code = identity.issue_code(client.client_id)
    _out, err = process.communicate(f"http://localhost/?code={code}&state={query['state'][0]}\n",
                                   timeout=60)
    assert process.returncode == 0, err
    assert token_file.read_text().startswith("rt-") and mode(token_file) == 0o600


def test_rotated_refresh_tokens_are_stored_each_time(identity: Identity,
                                                     local_tls: LocalCertificate,
                                                     tmp_path: Path) -> None:
    client = identity.register(MAILBOX, lifetime=302)
    path = tmp_path / "refresh-token"
    identity.refresh_tokens["rt-initial"] = client.client_id
    store_refresh_token(str(path), "rt-initial")
    provider = TokenProvider(delegated(identity, local_tls, client.client_id, path))
    provider.token()
    second = path.read_text().strip()
    assert second != "rt-initial" and mode(path) == 0o600
    assert "rt-initial" not in identity.refresh_tokens  # the old one no longer works
    time.sleep(2.2)  # the access token is now within msal's 5-minute margin
    provider.token()  # renewed silently with the cached refresh token, which rotates
    third = path.read_text().strip()
    assert third not in {second, "rt-initial"} and mode(path) == 0o600
    provider.renew()  # from the file: proves the stored token is the current one
    assert identity.token_requests(client.client_id) == 3


def test_revoked_refresh_token_is_one_clear_line(identity: Identity,
                                                 local_tls: LocalCertificate,
                                                 tmp_path: Path) -> None:
    client = identity.register(MAILBOX)
    path = tmp_path / "refresh-token"
    store_refresh_token(str(path), "rt-revoked-by-an-admin")
    provider = TokenProvider(delegated(identity, local_tls, client.client_id, path))
    with pytest.raises(CredentialsRejected) as caught:
        provider.token()
    message = str(caught.value)
    assert "invalid_grant" in message and "\n" not in message
    assert "rt-revoked-by-an-admin" not in message
