"""The Microsoft 365 settings: every key documented in config/example.toml, and one line
naming the key when something a login needs is missing."""

from __future__ import annotations

import tomllib
from dataclasses import fields

import pytest

from config.settings import (
    PACKAGE_DIR,
    ConfigError,
    GraphSettings,
    ImapSettings,
    SmtpSettings,
    load_settings,
)


@pytest.mark.parametrize(("section", "cls"), [
    ("imap", ImapSettings), ("smtp", SmtpSettings), ("graph", GraphSettings)])
def test_example_documents_every_key(section: str, cls: type) -> None:
    example = tomllib.loads((PACKAGE_DIR / "example.toml").read_text())[section]
    missing = [item.name for item in fields(cls)
               if item.name not in example and f"{item.name}_file" not in example]
    assert not missing or set(missing) <= {"allow_plain", "verify", "idle_seconds",
                                           "reply_to"}, missing


@pytest.mark.parametrize(("environ", "expected"), [
    ({"RPA_INTAKE_IMAP__AUTH": "oauth2"}, "imap.tenant_id: required"),
    ({"RPA_INTAKE_IMAP__AUTH": "token"}, "imap.auth: 'token' is not one of"),
    ({"RPA_INTAKE_IMAP__AUTH": "oauth2", "RPA_INTAKE_IMAP__TENANT_ID": "t",
      "RPA_INTAKE_IMAP__CLIENT_ID": "c", "RPA_INTAKE_IMAP__CLIENT_SECRET": "s"},
     "imap.username: required"),
    ({"RPA_INTAKE_SMTP__AUTH": "oauth2", "RPA_INTAKE_SMTP__TENANT_ID": "t",
      "RPA_INTAKE_SMTP__CLIENT_ID": "c", "RPA_INTAKE_SMTP__OAUTH_FLOW": "delegated",
      "RPA_INTAKE_SMTP__USERNAME": "u"}, "smtp.refresh_token_file: required"),
    ({"RPA_INTAKE_MAILBOX__SOURCE": "graph", "RPA_INTAKE_GRAPH__TENANT_ID": "t",
      "RPA_INTAKE_GRAPH__CLIENT_ID": "c", "RPA_INTAKE_GRAPH__CLIENT_SECRET": "s"},
     "graph.mailbox: required"),
    ({"RPA_INTAKE_SMTP__TRANSPORT": "graph", "RPA_INTAKE_GRAPH__TENANT_ID": "t",
      "RPA_INTAKE_GRAPH__CLIENT_ID": "c", "RPA_INTAKE_GRAPH__CLIENT_SECRET": "s",
      "RPA_INTAKE_GRAPH__CREDENTIAL_EXPIRES": "next year"},
     "graph.credential_expires: expected YYYY-MM-DD"),
])
def test_missing_or_wrong_oauth_keys_are_one_line(environ: dict[str, str],
                                                  expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(None, environ)
    assert str(caught.value).startswith(expected) and "\n" not in str(caught.value)


def test_the_secret_is_not_in_repr() -> None:
    settings = load_settings(None, {"RPA_INTAKE_GRAPH__CLIENT_SECRET": "very-secret-value"})
    assert settings.graph.client_secret == "very-secret-value"
    assert "very-secret-value" not in repr(settings)
