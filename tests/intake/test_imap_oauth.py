"""XOAUTH2 against the real Dovecot: real msal takes a token from the local authority
(verified TLS, instance discovery off), real imapclient presents it, and Dovecot's oauth2
passdb validates it by calling the introspection endpoint the test serves."""

from __future__ import annotations

import time

import pytest
from intake_helpers import deliver
from mail_samples import plain
from servers.dovecot import Dovecot
from servers.https import LocalCertificate
from servers.identity import Identity

from config.settings import Settings
from intake.imap_source import ImapSource
from intake.mailbox import MailboxAuthError, MailboxError

pytestmark = pytest.mark.imap


def oauth_settings(settings: Settings, identity: Identity, certificate: LocalCertificate,
                   client_id: str, secret: str, **extra: object) -> Settings:
    values = {"auth": "oauth2", "tenant_id": identity.tenant, "client_id": client_id,
              "client_secret": secret, "authority_host": identity.authority_host,
              "oauth_ca_file": str(certificate.ca)}
    return settings.replace(imap=values | extra)


def open_imap(settings: Settings) -> ImapSource:
    return ImapSource(settings.imap, settings.mailbox)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_xoauth2_login_lists_the_mailbox(dovecot: Dovecot, imap_user: str,
                                         imap_settings: Settings, identity: Identity,
                                         local_tls: LocalCertificate) -> None:
    client = identity.register(imap_user, secret="s3cret-value")
    deliver(dovecot, imap_user, plain(1), plain(2))
    settings = oauth_settings(imap_settings, identity, local_tls, client.client_id,
                              "s3cret-value")
    source = open_imap(settings)
    try:
        assert len(source.list_refs()) == 2
    finally:
        source.close()
    second = open_imap(settings)  # the cached token is used again
    second.close()
    assert identity.token_requests(client.client_id) == 1


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_expired_token_is_renewed(dovecot: Dovecot, imap_user: str, imap_settings: Settings,
                                  identity: Identity,
                                  local_tls: LocalCertificate) -> None:
    """Tokens that live 302 s: msal renews them 5 minutes ahead, so after 2 s a new one is
    asked for, and Dovecot accepts it."""
    client = identity.register(imap_user, secret="pw-302", lifetime=302)
    settings = oauth_settings(imap_settings, identity, local_tls, client.client_id,
                              "pw-302")
    open_imap(settings).close()
    time.sleep(2.2)
    open_imap(settings).close()
    assert identity.token_requests(client.client_id) == 2


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_refused_token_is_renewed_once_then_reported(dovecot: Dovecot, imap_user: str,
                                                     imap_settings: Settings,
                                                     identity: Identity,
                                                     local_tls: LocalCertificate) -> None:
    client = identity.register(imap_user, secret="pw-revoke")
    settings = oauth_settings(imap_settings, identity, local_tls, client.client_id,
                              "pw-revoke")
    open_imap(settings).close()
    identity.revoke_tokens(client.client_id)  # msal still caches it; Dovecot now refuses it
    open_imap(settings).close()  # refused once, renewed, accepted
    assert identity.token_requests(client.client_id) == 2
    client.mailbox = "someone-else"  # the app lost its permission on this mailbox
    identity.revoke_tokens(client.client_id)
    with pytest.raises(MailboxAuthError) as caught:
        open_imap(settings)
    assert "refused a fresh OAuth token" in str(caught.value)
    assert identity.token_requests(client.client_id) == 3  # renewed once, not in a loop


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("change", "expected"), [
    ({"client_secret": "wrong"}, "invalid_client"),
    ({"client_id": "app-unknown"}, "unauthorized_client"),
    ({"tenant_id": "no-such-tenant"}, "tenant 'no-such-tenant' not found"),
])
def test_wrong_credentials_give_one_clear_line(dovecot: Dovecot, imap_user: str,
                                               imap_settings: Settings, identity: Identity,
                                               local_tls: LocalCertificate,
                                               change: dict[str, str], expected: str) -> None:
    client = identity.register(imap_user, secret="right-secret")
    settings = oauth_settings(imap_settings, identity, local_tls, client.client_id,
                              "right-secret")
    settings = settings.replace(imap=change)
    with pytest.raises(MailboxAuthError) as caught:
        open_imap(settings)
    message = str(caught.value)
    assert expected in message and "\n" not in message
    assert "right-secret" not in message and "wrong" not in message.replace("wrong tenant", "")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_untrusted_token_endpoint_is_refused(dovecot: Dovecot, imap_user: str,
                                             imap_settings: Settings, identity: Identity,
                                             local_tls: LocalCertificate) -> None:
    """TLS to the authority stays verified: without the private CA, no token."""
    client = identity.register(imap_user, secret="tls-secret")
    settings = oauth_settings(imap_settings, identity, local_tls, client.client_id,
                              "tls-secret", oauth_ca_file="")
    with pytest.raises(MailboxError) as caught:
        open_imap(settings)
    assert "unreachable" in str(caught.value)
    assert identity.token_requests(client.client_id) == 0
