"""The start-up check of the Microsoft 365 credentials (``run`` and ``poll --once``): a token
is asked for each OAuth login in use, so that a wrong tenant, client id, secret or a
revoked refresh token stops the command with one line (exit 2) instead of a service that
runs and reads nothing. An authority that cannot be reached is only a warning: it may be
back by the next poll."""

from __future__ import annotations

import logging

from config.settings import ConfigError, Settings, oauth_sections

log = logging.getLogger(__name__)


def check_credentials(settings: Settings) -> None:
    sections = list(oauth_sections(settings))
    if not sections:
        return  # password logins: msal is not even loaded
    from notifier.oauth import (
        EXCHANGE_SCOPE,
        GRAPH_SCOPE,
        CredentialsRejected,
        OAuthError,
        oauth_config,
        token_provider,
    )

    for name, section in sections:
        scope = GRAPH_SCOPE if name == "graph" else EXCHANGE_SCOPE
        provider = token_provider(oauth_config(name, section, scope))
        try:
            provider.token()
        except CredentialsRejected as err:
            raise ConfigError(str(err)) from err
        except OAuthError as err:
            log.warning("cannot check the %s credentials now: %s", name, err)
