"""Settings: a TOML file, overridden by RPA_INTAKE_<SECTION>__<KEY> variables, with secrets
read from ``*_file`` keys. Everything else reads these frozen dataclasses, never os.environ.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ENV_PREFIX = "RPA_INTAKE_"
CONFIG_ENV = "RPA_INTAKE_CONFIG"
PACKAGE_DIR = Path(__file__).resolve().parent
FORMS_DIR = PACKAGE_DIR / "forms"


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line naming the key."""


@dataclass(frozen=True, slots=True)
class DatabaseSettings:
    url: str = "sqlite:///rpa-intake.db"
    echo: bool = False


@dataclass(frozen=True, slots=True)
class MailboxSettings:
    source: str = "imap"  # imap | maildir (checked when the mailbox is opened)
    path: str = ""  # maildir: a Maildir or a directory of .eml files
    processed_path: str = ""  # maildir: where filed messages go (default: <path>/.processed)
    quarantine_path: str = ""  # maildir: where failed messages go (default: <path>/.quarantine)
    max_message_bytes: int = 25 * 1024 * 1024
    batch_size: int = 20
    reader_workers: int = 0  # processes reading messages in parallel; 0: one per core
    share_reading: bool = True  # PostgreSQL: an instance that does not poll reads and files
    # messages the poller stored (a second machine adds throughput)
    reading_lease_seconds: int = 120  # a message leased for reading is freed for another
    # instance after this long (its reader died); longer than a few messages' reading time
    max_attempts: int = 3  # a message interrupted (killed, timed out, database errors) this
    # many times is quarantined instead of being tried again
    start_from_now: bool = False  # first run: mark what is already there as seen, file nothing
    backfill_acknowledge: bool = False  # when backfilling old mail, send acknowledgments too
    backfill_before: str = ""  # ISO date: mail older than this is backfill (no acknowledgment)


@dataclass(frozen=True, slots=True)
class OAuthFields:
    """Microsoft identity platform credentials, shared by [imap], [smtp] and [graph]."""

    oauth_flow: str = "client_credentials"  # client_credentials (app-only) | delegated
    tenant_id: str = ""
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    certificate_file: str = ""  # PEM with the private key and its certificate
    authority_host: str = "https://login.microsoftonline.com"
    oauth_scope: str = ""  # empty: Exchange Online's (IMAP/SMTP) or Graph's .default scope
    oauth_ca_file: str = ""  # a private CA for the token endpoint; empty: the system's
    oauth_timeout_seconds: float = 30.0
    refresh_token_file: str = ""  # delegated: where the rotated refresh token is kept (0600)
    credential_expires: str = ""  # YYYY-MM-DD the secret expires (a certificate says its own)


@dataclass(frozen=True, slots=True)
class ImapSettings(OAuthFields):
    host: str = "127.0.0.1"
    port: int = 993
    security: str = "ssl"  # ssl | starttls | plain
    allow_plain: bool = False  # plain is refused unless set, and only towards 127.0.0.1
    auth: str = "password"  # password | oauth2 (SASL XOAUTH2)
    username: str = ""
    password: str = field(default="", repr=False)
    ca_file: str = ""
    verify: bool = True
    folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    idle: bool = True
    idle_seconds: int = 300
    timeout_seconds: float = 30.0


@dataclass(frozen=True, slots=True)
class SmtpSettings(OAuthFields):
    transport: str = "smtp"  # smtp | graph (Microsoft Graph sendMail, with [graph]'s login)
    host: str = "127.0.0.1"
    port: int = 587
    security: str = "starttls"  # ssl | starttls | plain
    allow_plain: bool = False
    auth: str = "password"  # password | oauth2 (SASL XOAUTH2)
    username: str = ""
    password: str = field(default="", repr=False)
    ca_file: str = ""
    verify: bool = True
    timeout_seconds: float = 30.0
    from_address: str = "functional.coordination@example.org"
    from_name: str = "MassHealth RPA Functional Coordination"
    reply_to: str = ""
    outbox_dir: str = ""  # when set, "send" by writing .eml files here (the demo)


@dataclass(frozen=True, slots=True)
class GraphSettings(OAuthFields):
    """Microsoft Graph: the mail source (mailbox.source = "graph") and sendMail."""

    mailbox: str = ""  # the (shared) mailbox's address or user id
    folder: str = "inbox"  # a well-known folder name or a display name under the root
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    base_url: str = "https://graph.microsoft.com/v1.0"
    ca_file: str = ""
    timeout_seconds: float = 30.0
    page_size: int = 50
    max_retries: int = 5  # throttled (429) or unavailable (503/504) answers per request
    max_retry_after_seconds: float = 120.0


@dataclass(frozen=True, slots=True)
class AcknowledgmentSettings:
    templates_dir: str = ""  # empty: the bundled templates
    signing_key: str = field(default="", repr=False)  # HMAC key for our Message-IDs
    message_id_domain: str = "rpa-intake.example.org"
    per_sender_limit: int = 5
    per_sender_window_minutes: int = 60
    global_limit: int = 200
    global_window_minutes: int = 60
    retry_for_hours: int = 48
    bounce_suppress_days: int = 7


@dataclass(frozen=True, slots=True)
class DigestSettings:
    recipients: tuple[str, ...] = ("coordinators@example.org",)
    send_at: str = "07:00"
    timezone: str = "America/New_York"


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    poll_interval_seconds: int = 60
    outbox_interval_seconds: int = 30
    housekeeping_at: str = "03:00"
    raw_retention_days: int = 365
    alert_after_minutes: int = 30
    alert_recipients: tuple[str, ...] = ()  # empty: the digest recipients
    log_format: str = "plain"
    log_level: str = "INFO"


@dataclass(frozen=True, slots=True)
class LimitsSettings:
    max_attachment_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_decompressed_bytes: int = 100 * 1024 * 1024
    max_compression_ratio: int = 200
    seconds_per_document: float = 20.0
    seconds_per_message: float = 25.0  # headers, MIME tree and every document of one message
    memory_mb_per_document: int = 2048  # address space: OCR (onnxruntime, OpenCV) maps ~1.5 GB
    ocr: bool = True
    ocr_seconds_per_page: float = 20.0
    ocr_engine: str = "rapidocr"  # or "tesseract": faster, fewer fields right on scans


@dataclass(frozen=True, slots=True)
class ValidationSettings:
    """Annual validation outreach (issue 14): when the job runs, how far ahead it asks,
    the reminder intervals (days before and after the due date) and the grace period."""

    enabled: bool = True
    run_at: str = "06:00"  # local time, in digest.timezone
    lead_days: int = 60
    reminder_days_before: tuple[int, ...] = (30, 7)
    reminder_days_after: tuple[int, ...] = (7, 21)
    grace_days: int = 30
    attach_docx: bool = True
    workers: int = 0  # processes making the pre-filled forms; 0: one per core


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The coordinators' console (``rpa-intake web``; also started by ``run`` when enabled)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: str = field(default="", repr=False)  # signs session cookies; secret_key_file
    cookie_secure: bool = True  # send the session cookie over HTTPS only
    session_hours: int = 8
    page_cache_size: int = 64  # rendered page images kept in memory


@dataclass(frozen=True, slots=True)
class Settings:
    database: DatabaseSettings = DatabaseSettings()
    mailbox: MailboxSettings = MailboxSettings()
    imap: ImapSettings = ImapSettings()
    smtp: SmtpSettings = SmtpSettings()
    graph: GraphSettings = GraphSettings()
    acknowledgment: AcknowledgmentSettings = AcknowledgmentSettings()
    digest: DigestSettings = DigestSettings()
    service: ServiceSettings = ServiceSettings()
    limits: LimitsSettings = LimitsSettings()
    validation: ValidationSettings = ValidationSettings()
    web: WebSettings = WebSettings()
    forms_dir: str = str(FORMS_DIR)
    source_file: str = ""
    # "section.key_file: why" for secret files that could not be read; an error only when
    # that section is in use (a maildir setup need not have the IMAP password file)
    unreadable_secrets: tuple[str, ...] = ()

    def replace(self, **sections: Any) -> Settings:
        """A copy with some sections' keys changed: ``s.replace(imap={"port": 1143})``."""
        changed = {name: dataclasses.replace(getattr(self, name), **values)
                   for name, values in sections.items()}
        return dataclasses.replace(self, **changed)


SECTIONS = {item.name: item for item in fields(Settings) if dataclasses.is_dataclass(item.default)}


def load_settings(path: str | os.PathLike[str] | None = None,
                  environ: dict[str, str] | None = None) -> Settings:
    """Load settings from ``path`` (or $RPA_INTAKE_CONFIG, or defaults) plus environment."""
    environ = dict(os.environ if environ is None else environ)
    path = path or environ.get(CONFIG_ENV) or None
    data: dict[str, Any] = _read_toml(Path(path)) if path else {}
    _apply_environment(data, environ)
    settings = _build(data, base=Path(path).resolve().parent if path else None)
    return dataclasses.replace(settings, source_file=str(path or ""))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ConfigError(f"config file {path} does not exist") from err
    except OSError as err:
        raise ConfigError(f"config file {path} cannot be read: {err.strerror}") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {path} is not valid TOML: {err}") from err


def _apply_environment(data: dict[str, Any], environ: dict[str, str]) -> None:
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        if section not in SECTIONS:
            raise ConfigError(f"environment variable {name}: unknown section [{section}]")
        data.setdefault(section, {})[key] = value


def _build(data: dict[str, Any], base: Path | None = None) -> Settings:
    values: dict[str, Any] = {}
    unreadable: list[str] = []
    for name, raw in data.items():
        if name == "forms_dir":
            values[name] = str(raw)
            continue
        if name not in SECTIONS:
            raise ConfigError(f"unknown section [{name}]")
        if not isinstance(raw, dict):
            raise ConfigError(f"[{name}] must be a table")
        values[name] = _build_section(name, SECTIONS[name].type, raw, unreadable)
    settings = Settings(**values, unreadable_secrets=tuple(unreadable))
    settings = _resolve_sqlite_path(settings, base)
    _validate(settings)
    return settings


def _build_section(section: str, cls: Any, raw: dict[str, Any], unreadable: list[str]) -> Any:
    cls = globals()[cls] if isinstance(cls, str) else cls
    hints = get_type_hints(cls)
    known = {item.name for item in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key.endswith("_file") and key[:-5] in known and key not in known:
            values[key[:-5]] = _read_secret(f"{section}.{key}", value, unreadable)
            continue
        if key not in known:
            raise ConfigError(f"{section}.{key}: unknown key")
        values[key] = _coerce(f"{section}.{key}", value, hints[key])
    return cls(**values)


def _read_secret(where: str, value: Any, unreadable: list[str]) -> str:
    if not value:
        return ""
    try:
        return Path(str(value)).read_text(encoding="utf-8").strip()
    except OSError as err:
        unreadable.append(f"{where}: cannot read secret file {value}: {err.strerror}")
        return ""


def _resolve_sqlite_path(settings: Settings, base: Path | None) -> Settings:
    """``sqlite:///relative.db`` is relative to the config file's folder (to the working
    directory without one), never to wherever the service happens to start; four slashes
    (``sqlite:////var/lib/rpa-intake/rpa-intake.db``) are an absolute path."""
    prefix = "sqlite:///"
    url = settings.database.url
    if base is None or not url.startswith(prefix) or url.startswith(prefix + "/"):
        return settings
    path = url[len(prefix):].split("?")[0]
    if not path or path == ":memory:":
        return settings
    return settings.replace(database={"url": prefix + str(base / url[len(prefix):])})


def _coerce(where: str, value: Any, hint: Any) -> Any:
    """Turn TOML or environment values into the declared type, or say which key is wrong."""
    text = value.strip() if isinstance(value, str) else value
    try:
        if hint is bool:
            if isinstance(text, bool):
                return text
            if str(text).lower() in {"1", "true", "yes", "on"}:
                return True
            if str(text).lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError
        if hint is int:
            if isinstance(text, bool):
                raise ValueError
            return int(text)
        if hint is float:
            return float(text)
        if hint == tuple[str, ...]:
            if isinstance(text, str) and text.startswith("["):
                text = json.loads(text)  # a JSON list, as people write them in env files
            if isinstance(text, str):
                return tuple(part.strip() for part in text.split(",") if part.strip())
            if isinstance(text, list) and all(isinstance(item, str) for item in text):
                return tuple(text)
            raise ValueError
        if hint == tuple[int, ...]:
            parts = text.split(",") if isinstance(text, str) else text
            if not isinstance(parts, list) or any(isinstance(item, bool) for item in parts):
                raise ValueError
            return tuple(int(item) for item in parts if str(item).strip())
        if isinstance(text, dict | list):
            raise ValueError
        return str(text)
    except (TypeError, ValueError) as err:  # json.JSONDecodeError is a ValueError
        kind = getattr(hint, "__name__", "list of strings")
        raise ConfigError(f"{where}: expected {kind}, got {value!r}") from err


# Keys that must be above zero (intervals, sizes, limits); every other number at least zero.
POSITIVE = (
    "mailbox.max_message_bytes", "mailbox.batch_size", "mailbox.max_attempts",
    "imap.port", "imap.idle_seconds", "imap.timeout_seconds", "smtp.port",
    "smtp.timeout_seconds", "acknowledgment.per_sender_limit",
    "acknowledgment.per_sender_window_minutes", "acknowledgment.global_limit",
    "acknowledgment.global_window_minutes", "acknowledgment.retry_for_hours",
    "service.poll_interval_seconds", "service.outbox_interval_seconds",
    "service.raw_retention_days", "service.alert_after_minutes",
    "limits.max_attachment_bytes", "limits.max_pages", "limits.max_decompressed_bytes",
    "limits.max_compression_ratio", "limits.seconds_per_document",
    "limits.seconds_per_message", "limits.memory_mb_per_document",
    "limits.ocr_seconds_per_page", "mailbox.reading_lease_seconds",
)
_ADDRESS = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def _validate(settings: Settings) -> None:
    _validate_numbers(settings)
    _validate_addresses(settings)
    _validate_secrets(settings)
    choices = {
        "mailbox.source": (settings.mailbox.source, {"imap", "maildir", "graph"}),
        "imap.auth": (settings.imap.auth, {"password", "oauth2"}),
        "smtp.auth": (settings.smtp.auth, {"password", "oauth2"}),
        "smtp.transport": (settings.smtp.transport, {"smtp", "graph"}),
        "imap.security": (settings.imap.security, {"ssl", "starttls", "plain"}),
        "smtp.security": (settings.smtp.security, {"ssl", "starttls", "plain"}),
        "service.log_format": (settings.service.log_format, {"plain", "json"}),
        "limits.ocr_engine": (settings.limits.ocr_engine, {"rapidocr", "tesseract"}),
    }
    for where, (value, allowed) in choices.items():
        if value not in allowed:
            raise ConfigError(f"{where}: {value!r} is not one of {', '.join(sorted(allowed))}")
    for where, value in (("digest.send_at", settings.digest.send_at),
                         ("service.housekeeping_at", settings.service.housekeeping_at),
                         ("validation.run_at", settings.validation.run_at)):
        parse_clock(where, value)
    try:
        ZoneInfo(settings.digest.timezone)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ConfigError(
            f"digest.timezone: unknown time zone {settings.digest.timezone!r}") from err
    for where, security, allow, host in (
        ("imap", settings.imap.security, settings.imap.allow_plain, settings.imap.host),
        ("smtp", settings.smtp.security, settings.smtp.allow_plain, settings.smtp.host),
    ):
        if security == "plain" and not (allow and host in {"127.0.0.1", "localhost", "::1"}):
            raise ConfigError(f"{where}.security: plain is only allowed towards 127.0.0.1 "
                              f"with {where}.allow_plain = true")
    _validate_oauth(settings)


def oauth_sections(settings: Settings) -> list[tuple[str, OAuthFields]]:
    """The sections that log in to the Microsoft identity platform with this config."""
    used = {"imap": settings.mailbox.source == "imap" and settings.imap.auth == "oauth2",
            "smtp": settings.smtp.transport == "smtp" and settings.smtp.auth == "oauth2"
            and not settings.smtp.outbox_dir,
            "graph": settings.mailbox.source == "graph" or (
                settings.smtp.transport == "graph" and not settings.smtp.outbox_dir)}
    sections: list[tuple[str, OAuthFields]] = [
        ("imap", settings.imap), ("smtp", settings.smtp), ("graph", settings.graph)]
    return [(name, section) for name, section in sections if used[name]]


def _validate_oauth(settings: Settings) -> None:
    """Each section that will log in to Microsoft has what the chosen flow needs."""
    for name, section in oauth_sections(settings):
        check_oauth_fields(name, section)
        if name != "graph" and not getattr(section, "username", ""):
            raise ConfigError(f"{name}.username: required with {name}.auth = oauth2 (the "
                              "mailbox address)")
    if settings.mailbox.source == "graph" and not settings.graph.mailbox:
        raise ConfigError("graph.mailbox: required when mailbox.source is graph")


def check_oauth_fields(name: str, section: OAuthFields) -> None:
    if section.oauth_flow not in {"client_credentials", "delegated"}:
        raise ConfigError(f"{name}.oauth_flow: {section.oauth_flow!r} is not one of "
                          "client_credentials, delegated")
    for key in ("tenant_id", "client_id"):
        if not getattr(section, key):
            raise ConfigError(f"{name}.{key}: required for OAuth 2.0")
    if section.oauth_flow == "delegated" and not section.refresh_token_file:
        raise ConfigError(f"{name}.refresh_token_file: required with oauth_flow = delegated")
    if section.oauth_flow == "client_credentials" and not (
            section.client_secret or section.certificate_file):
        raise ConfigError(f"{name}.client_secret: required (or client_secret_file, or "
                          f"certificate_file) for OAuth 2.0 client credentials")
    if not section.authority_host.startswith("https://"):
        raise ConfigError(f"{name}.authority_host: must be an https:// URL")
    if section.credential_expires:
        try:
            date.fromisoformat(section.credential_expires)
        except ValueError as err:
            raise ConfigError(f"{name}.credential_expires: expected YYYY-MM-DD, got "
                              f"{section.credential_expires!r}") from err


def _validate_numbers(settings: Settings) -> None:
    for name in SECTIONS:
        section = getattr(settings, name)
        for item in fields(section):
            value, where = getattr(section, item.name), f"{name}.{item.name}"
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if value < 0 or (value == 0 and where in POSITIVE):
                bound = "above zero" if where in POSITIVE else "zero or more"
                raise ConfigError(f"{where}: must be {bound}, got {value!r}")


def _validate_addresses(settings: Settings) -> None:
    addresses = [("smtp.from_address", settings.smtp.from_address)]
    addresses += [("smtp.reply_to", settings.smtp.reply_to)] if settings.smtp.reply_to else []
    addresses += [("digest.recipients", item) for item in settings.digest.recipients]
    addresses += [("service.alert_recipients", item)
                  for item in settings.service.alert_recipients]
    for where, value in addresses:
        if not _ADDRESS.match(value):
            raise ConfigError(f"{where}: not an email address: {value!r}")


def _validate_secrets(settings: Settings) -> None:
    """A secret file that cannot be read is an error when its section is in use."""
    sends = not settings.smtp.outbox_dir
    in_use = {"imap": settings.mailbox.source == "imap",
              "web": settings.web.enabled,
              "smtp": sends and settings.smtp.transport == "smtp",
              "graph": settings.mailbox.source == "graph" or (
                  sends and settings.smtp.transport == "graph")}
    for problem in settings.unreadable_secrets:
        if in_use.get(problem.split(".")[0], False):
            raise ConfigError(problem)


def parse_clock(where: str, value: str) -> tuple[int, int]:
    """``"07:00"`` → (7, 0), or a ConfigError naming ``where``."""
    hour, sep, minute = value.partition(":")
    if sep and hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60:
        return int(hour), int(minute)
    raise ConfigError(f"{where}: expected HH:MM, got {value!r}")
