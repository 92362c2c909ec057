"""SMTP AUTH XOAUTH2 against aiosmtpd: the token comes from the local authority through real
msal; the server checks it against the same authority's records (as Exchange Online does
against Entra ID). A refused token is renewed once, then the message waits (temporary)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from servers.https import LocalCertificate
from servers.identity import Identity
from servers.smtp import SmtpServer, start_smtp

from config.settings import SmtpSettings
from notifier.smtp import SmtpTransport, TemporaryDeliveryError

pytestmark = pytest.mark.smtp
MAILBOX = "functional.coordination@example.org"
RAW = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nhello\r\n"


@pytest.fixture
def oauth_smtp(identity: Identity) -> Iterator[SmtpServer]:
    def check(user: str, token: str) -> bool:
        issued = identity.active(token, "outlook.office365.com")
        return issued is not None and issued.mailbox == user

    server = start_smtp(token_check=check)
    yield server
    server.stop()


def settings_for(server: SmtpServer, identity: Identity, tls: LocalCertificate,
                 client_id: str, secret: str, **extra: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1", "port": server.port, "security": "plain", "allow_plain": True,
        "auth": "oauth2", "username": MAILBOX, "tenant_id": identity.tenant,
        "client_id": client_id, "client_secret": secret,
        "authority_host": identity.authority_host, "oauth_ca_file": str(tls.ca),
        "timeout_seconds": 10}
    return SmtpSettings(**(values | extra))  # type: ignore[arg-type]


def test_xoauth2_sends(oauth_smtp: SmtpServer, identity: Identity,
                       local_tls: LocalCertificate) -> None:
    client = identity.register(MAILBOX, secret="smtp-secret")
    transport = SmtpTransport(settings_for(oauth_smtp, identity, local_tls, client.client_id,
                                           "smtp-secret"))
    transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])
    transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])
    assert len(oauth_smtp.handler.messages) == 2
    assert identity.token_requests(client.client_id) == 1  # cached in memory


def test_refused_token_renewed_once_then_temporary(oauth_smtp: SmtpServer, identity: Identity,
                                                   local_tls: LocalCertificate) -> None:
    client = identity.register(MAILBOX, secret="smtp-secret-2")
    transport = SmtpTransport(settings_for(oauth_smtp, identity, local_tls, client.client_id,
                                           "smtp-secret-2"))
    transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])
    transport.close()  # the end of a flush: the next one logs in again
    identity.revoke_tokens(client.client_id)
    transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])  # renewed, sent
    transport.close()
    assert identity.token_requests(client.client_id) == 2
    client.mailbox = "another@example.org"  # SendAs permission gone
    identity.revoke_tokens(client.client_id)
    with pytest.raises(TemporaryDeliveryError) as caught:
        transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])
    assert "refused a fresh OAuth token" in str(caught.value)
    assert identity.token_requests(client.client_id) == 3
    assert len(oauth_smtp.handler.messages) == 2


def test_revoked_secret_is_one_line_without_the_secret(oauth_smtp: SmtpServer,
                                                       identity: Identity,
                                                       local_tls: LocalCertificate) -> None:
    client = identity.register(MAILBOX, secret="current-secret")
    transport = SmtpTransport(settings_for(oauth_smtp, identity, local_tls, client.client_id,
                                           "revoked-secret-value"))
    with pytest.raises(TemporaryDeliveryError) as caught:
        transport.send(RAW, sender=MAILBOX, recipients=["b@example.org"])
    message = str(caught.value)
    assert "invalid_client" in message and "AADSTS7000215" in message
    assert "revoked-secret-value" not in message and "\n" not in message
    assert "Trace ID" not in message
