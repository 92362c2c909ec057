"""Settings: TOML, environment overrides, *_file secrets, and one-line errors."""

from pathlib import Path

import pytest

from config.settings import PACKAGE_DIR, ConfigError, load_settings


def test_example_config_loads() -> None:
    no_secrets = {"RPA_INTAKE_IMAP__PASSWORD_FILE": "",
                  "RPA_INTAKE_ACKNOWLEDGMENT__SIGNING_KEY_FILE": ""}
    settings = load_settings(PACKAGE_DIR / "example.toml", environ=no_secrets)
    assert settings.database.url == "sqlite:////var/lib/rpa-intake/rpa-intake.db"
    assert settings.imap.security == "ssl"
    assert settings.digest.recipients == ("coordinators@example.org",)


def test_environment_overrides_and_secret_files(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    config = tmp_path / "c.toml"
    config.write_text(f'[imap]\npassword_file = "{secret}"\n')
    settings = load_settings(config, environ={"RPA_INTAKE_IMAP__PORT": "1143",
                                              "RPA_INTAKE_DIGEST__RECIPIENTS": "a@x.org, b@y.org"})
    assert settings.imap.password == "s3cret"
    assert settings.imap.port == 1143
    assert settings.digest.recipients == ("a@x.org", "b@y.org")
    assert "s3cret" not in repr(settings)


@pytest.mark.parametrize(("text", "environ", "message"), [
    ("[imap]\nport = 'x'\n", {}, "imap.port: expected int"),
    ("[imap]\nhots = 'a'\n", {}, "imap.hots: unknown key"),
    ("[nope]\n", {}, "unknown section [nope]"),
    ("[digest]\nsend_at = '25:00'\n", {}, "digest.send_at: expected HH:MM"),
    ("[digest]\ntimezone = 'Mars/Olympus'\n", {}, "digest.timezone: unknown time zone"),
    ("[smtp]\nsecurity = 'plain'\nhost = 'mail.example.org'\n", {}, "smtp.security: plain"),
    ("", {"RPA_INTAKE_BOGUS__X": "1"}, "unknown section [bogus]"),
    ("[imap\n", {}, "not valid TOML"),
    ("[service]\npoll_interval_seconds = -5\n", {}, "poll_interval_seconds: must be above zero"),
    ("[limits]\nseconds_per_message = 0\n", {}, "seconds_per_message: must be above zero"),
    ("[limits]\nocr_engine = 'easyocr'\n", {}, "limits.ocr_engine: 'easyocr' is not one of"),
    ("", {"RPA_INTAKE_DIGEST__RECIPIENTS": '["a@x.org", 3]'}, "digest.recipients: expected"),
    ("", {"RPA_INTAKE_DIGEST__RECIPIENTS": "a@x.org>, b"}, "digest.recipients: not an email"),
    ("[imap]\npassword_file = '/nonexistent/pw'\n", {}, "imap.password_file: cannot read"),
])
def test_bad_config_names_the_key(tmp_path: Path, text: str, environ: dict[str, str],
                                  message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_settings(config, environ=environ)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_lists_from_the_environment_may_be_json(tmp_path: Path) -> None:
    settings = load_settings(None, environ={
        "RPA_INTAKE_DIGEST__RECIPIENTS": '["a@x.org", "b@y.org"]'})
    assert settings.digest.recipients == ("a@x.org", "b@y.org")


def test_a_secret_file_of_a_section_not_in_use_is_not_needed(tmp_path: Path) -> None:
    """The example names an IMAP password file; a maildir setup need not have it."""
    config = tmp_path / "c.toml"
    config.write_text("[mailbox]\nsource = 'maildir'\npath = '/tmp'\n"
                      "[imap]\npassword_file = '/nonexistent/pw'\n")
    settings = load_settings(config, environ={})
    assert settings.imap.password == ""


def test_a_relative_sqlite_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "c.toml"
    config.parent.mkdir()
    config.write_text("[database]\nurl = 'sqlite:///var/rpa-intake.db'\n")
    settings = load_settings(config, environ={})
    assert settings.database.url == f"sqlite:///{tmp_path}/etc/var/rpa-intake.db"
