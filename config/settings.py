"""Settings: a TOML file, overridden by RPA_INTAKE_<SECTION>__<KEY> variables, with secrets
read from ``*_file`` keys. Everything else reads these frozen dataclasses, never os.environ.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
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
    start_from_now: bool = False  # first run: mark what is already there as seen, file nothing
    backfill_acknowledge: bool = False  # when backfilling old mail, send acknowledgments too
    backfill_before: str = ""  # ISO date: mail older than this is backfill (no acknowledgment)


@dataclass(frozen=True, slots=True)
class ImapSettings:
    host: str = "127.0.0.1"
    port: int = 993
    security: str = "ssl"  # ssl | starttls | plain
    allow_plain: bool = False  # plain is refused unless set, and only towards 127.0.0.1
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
class SmtpSettings:
    host: str = "127.0.0.1"
    port: int = 587
    security: str = "starttls"  # ssl | starttls | plain
    allow_plain: bool = False
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
    seconds_per_document: float = 30.0
    memory_mb_per_document: int = 768
    ocr: bool = True
    ocr_seconds_per_page: float = 20.0


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
    acknowledgment: AcknowledgmentSettings = AcknowledgmentSettings()
    digest: DigestSettings = DigestSettings()
    service: ServiceSettings = ServiceSettings()
    limits: LimitsSettings = LimitsSettings()
    web: WebSettings = WebSettings()
    forms_dir: str = str(FORMS_DIR)
    source_file: str = ""

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
    settings = _build(data)
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


def _build(data: dict[str, Any]) -> Settings:
    values: dict[str, Any] = {}
    for name, raw in data.items():
        if name == "forms_dir":
            values[name] = str(raw)
            continue
        if name not in SECTIONS:
            raise ConfigError(f"unknown section [{name}]")
        if not isinstance(raw, dict):
            raise ConfigError(f"[{name}] must be a table")
        values[name] = _build_section(name, SECTIONS[name].type, raw)
    settings = Settings(**values)
    _validate(settings)
    return settings


def _build_section(section: str, cls: Any, raw: dict[str, Any]) -> Any:
    cls = globals()[cls] if isinstance(cls, str) else cls
    hints = get_type_hints(cls)
    known = {item.name for item in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key.endswith("_file") and key[:-5] in known and key not in known:
            values[key[:-5]] = _read_secret(f"{section}.{key}", value)
            continue
        if key not in known:
            raise ConfigError(f"{section}.{key}: unknown key")
        values[key] = _coerce(f"{section}.{key}", value, hints[key])
    return cls(**values)


def _read_secret(where: str, value: Any) -> str:
    if not value:
        return ""
    try:
        return Path(str(value)).read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ConfigError(f"{where}: cannot read secret file {value}: {err.strerror}") from err


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
            if isinstance(text, str):
                return tuple(part.strip() for part in text.split(",") if part.strip())
            if isinstance(text, list) and all(isinstance(item, str) for item in text):
                return tuple(text)
            raise ValueError
        if isinstance(text, dict | list):
            raise ValueError
        return str(text)
    except (TypeError, ValueError) as err:
        kind = getattr(hint, "__name__", "list of strings")
        raise ConfigError(f"{where}: expected {kind}, got {value!r}") from err


def _validate(settings: Settings) -> None:
    choices = {
        "mailbox.source": (settings.mailbox.source, {"imap", "maildir"}),
        "imap.security": (settings.imap.security, {"ssl", "starttls", "plain"}),
        "smtp.security": (settings.smtp.security, {"ssl", "starttls", "plain"}),
        "service.log_format": (settings.service.log_format, {"plain", "json"}),
    }
    for where, (value, allowed) in choices.items():
        if value not in allowed:
            raise ConfigError(f"{where}: {value!r} is not one of {', '.join(sorted(allowed))}")
    for where, value in (("digest.send_at", settings.digest.send_at),
                         ("service.housekeeping_at", settings.service.housekeeping_at)):
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


def parse_clock(where: str, value: str) -> tuple[int, int]:
    """``"07:00"`` → (7, 0), or a ConfigError naming ``where``."""
    hour, sep, minute = value.partition(":")
    if sep and hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60:
        return int(hour), int(minute)
    raise ConfigError(f"{where}: expected HH:MM, got {value!r}")
