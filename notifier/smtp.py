"""Mail transports. SmtpTransport is the only place that speaks SMTP: ssl, starttls, or plain
towards 127.0.0.1 when allowed; certificates verified; the password never logged. One
connection (one TLS handshake and login) serves a whole outbox flush, as Django's SMTP
backend does; it is checked with NOOP before reuse and opened again when the server dropped
it or said 421."""

from __future__ import annotations

import contextlib
import itertools
import smtplib
import ssl
from collections.abc import Sequence
from pathlib import Path

from config.settings import SmtpSettings
from notifier.oauth_errors import EXCHANGE_SCOPE, OAuthError


class DeliveryError(Exception):
    """A message could not be handed over."""


class TemporaryDeliveryError(DeliveryError):
    """Try again later: 4xx, connection trouble, timeouts."""


class PermanentDeliveryError(DeliveryError):
    """Give up: 5xx."""


class SmtpTransport:
    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._client: smtplib.SMTP | None = None
        self.connections = 0  # how many times a connection was opened (tests, logs)

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        try:
            refused = self._session().sendmail(sender, list(recipients), raw)
        except smtplib.SMTPRecipientsRefused as err:
            raise _classify(*next(iter(err.recipients.values()))) from err
        except smtplib.SMTPResponseException as err:
            if err.smtp_code == 421:  # the server is closing this connection
                self._drop()
            raise _classify(err.smtp_code, err.smtp_error) from err
        except (smtplib.SMTPException, OSError) as err:
            self._drop()
            raise TemporaryDeliveryError(f"{type(err).__name__}: {err}") from err
        if refused:
            raise _classify(*next(iter(refused.values())))

    def close(self) -> None:
        """QUIT the connection, if one is open (the end of a flush)."""
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
            with contextlib.suppress(OSError):
                client.close()

    def _session(self) -> smtplib.SMTP:
        if self._client is not None and not self._alive(self._client):
            self._drop()
        if self._client is None:
            self._client = self._connect()
            self.connections += 1
        return self._client

    @staticmethod
    def _alive(client: smtplib.SMTP) -> bool:
        try:
            return client.noop()[0] == 250
        except (smtplib.SMTPException, OSError):
            return False

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(OSError):
                client.close()

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        context = _tls_context(settings)
        if settings.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                    timeout=settings.timeout_seconds,
                                                    context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
            if settings.security == "starttls":
                client.starttls(context=context)
        try:
            _authenticate(client, settings)
        except BaseException:
            client.close()
            raise
        return client


def _authenticate(client: smtplib.SMTP, settings: SmtpSettings) -> None:
    """AUTH with the password, or XOAUTH2 with a token renewed once when refused. A login
    problem is temporary for the message: the outbox keeps it and health reports it."""
    if settings.auth != "oauth2":
        if settings.username:
            client.login(settings.username, settings.password)
        return
    from notifier.oauth import oauth_config, token_provider, with_token

    provider = token_provider(oauth_config("smtp", settings, EXCHANGE_SCOPE))

    def attempt(token: str) -> None:
        client.ehlo_or_helo_if_needed()
        client.auth("XOAUTH2", lambda challenge=None: "" if challenge else
                    f"user={settings.username}\x01auth=Bearer {token}\x01\x01",
                    initial_response_ok=True)

    try:
        with_token(provider, attempt, (smtplib.SMTPAuthenticationError,), "the SMTP server")
    except OAuthError as err:
        raise TemporaryDeliveryError(str(err)) from err


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.ca_file or None)
    if not settings.verify:  # only for a test server; never the default
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _classify(code: int, detail: bytes | str) -> DeliveryError:
    text = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else str(detail)
    error_type = PermanentDeliveryError if 500 <= code < 600 else TemporaryDeliveryError
    return error_type(f"{code} {text}"[:500])


class FileTransport:
    """Writes each message as ``<n>-<recipient>.eml`` (the demo and dry runs)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        taken = {path.name for path in self.directory.glob("*.eml")}
        for number in itertools.count(len(taken) + 1):
            name = f"{number:03d}-{_file_safe(recipients[0])}.eml"
            if name not in taken:
                (self.directory / name).write_bytes(raw)
                return

    def close(self) -> None:
        """Nothing to close: files are written whole."""


class MemoryTransport:
    """Keeps what was sent (tests)."""

    def __init__(self) -> None:
        self.sent: list[tuple[bytes, str, tuple[str, ...]]] = []

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        self.sent.append((raw, sender, tuple(recipients)))

    def close(self) -> None:
        """Nothing to close."""


def _file_safe(address: str) -> str:
    return "".join(char if char.isalnum() or char in "@._-" else "_" for char in address)[:80]
