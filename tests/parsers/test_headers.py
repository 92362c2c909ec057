"""Header values from hostile mail: the sender's address comes from the header as it
arrived; an encoded word can only ever be a display name (issue #10, items 2 and 7)."""

from __future__ import annotations

import pytest

from parsers.headers import is_addr_spec, message_id_of, parse_address, parse_mailboxes


@pytest.mark.parametrize(("header", "expected"), [
    ('"Smith, John" <John.Smith@Clinic.example>', ("Smith, John", "john.smith@clinic.example")),
    ("=?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jm@clinic.example>", ("Jörg Müller", "jm@clinic.example")),
    ("=?UTF-8?B?RGFuYSBXw6l5?=\r\n <dana@clinic.example>", ("Dana Wéy", "dana@clinic.example")),
    ("jane@clinic.example (Jane)", ("", "jane@clinic.example")),
    ("John Q. Public <jqp@clinic.example>", ("John Q. Public", "jqp@clinic.example")),
])
def test_senders_as_mail_clients_write_them(header: str, expected: tuple[str, str]) -> None:
    assert parse_address(header) == expected


def test_an_encoded_display_name_never_becomes_the_address() -> None:
    """DMARC passes for the attacker's own domain; the name pretends to be clinic B."""
    name, address = parse_address(
        "=?utf-8?q?=3Cnormal.b=40clinic-b.example=3E?= <attacker@evil.example>")
    assert address == "attacker@evil.example"
    assert name == "<normal.b@clinic-b.example>"


def test_a_decoded_crlf_in_the_name_is_text_not_a_header() -> None:
    name, address = parse_address(
        "=?utf-8?q?Eve_Smith=0D=0ABcc=3A_victim2=40evil.example?= <eve@evil.example>")
    assert address == "eve@evil.example"
    assert "\r" not in name and "\n" not in name


@pytest.mark.parametrize("header", [
    "a@b.example>\r\nRCPT TO:<victim@evil.example>",
    "a@b.example> RCPT TO:<victim@evil.example>",
    "=?utf-8?q?a=40b.example=3E=0D=0ARCPT_TO=3A=3Cvictim=40evil.example?=",
    "<=?utf-8?q?victim=40evil.example?=@x.example>",
    "one@a.example, two@b.example",
    "undisclosed-recipients:;",
    '"quoted local"@clinic.example',
    "root@localhost",
    "x" * 3000 + "@clinic.example",
    "",
])
def test_anything_but_one_plain_mailbox_gives_no_address(header: str) -> None:
    assert parse_address(header)[1] == ""


def test_to_lists_are_parsed_whole_or_not_at_all() -> None:
    assert [item[1] for item in parse_mailboxes("a@x.example, B <b@y.example>")] == [
        "a@x.example", "b@y.example"]
    assert parse_mailboxes("a@x.example, <victim@evil.example\r\nBcc: c@d.example>") == []


@pytest.mark.parametrize(("address", "ok"), [
    ("provider@clinic.example", True), ("a.b+c@sub.clinic.example", True),
    ("a@b", False), ("a..b@clinic.example", False), ("a@b.example>", False),
    ("a@b.example\r\nRCPT TO:<v@evil.example>", False), ("a b@c.example", False),
])
def test_addr_spec(address: str, ok: bool) -> None:
    assert is_addr_spec(address) is ok


def test_message_ids_are_read_from_the_raw_value() -> None:
    outlook = "<BN8PR12MB0739ABCDEF0123456789@BN8PR12MB0739.namprd12.prod.outlook.com>"
    assert message_id_of("\r\n " + outlook) == outlook.strip("<>")
