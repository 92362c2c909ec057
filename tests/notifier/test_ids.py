"""Reference numbers with a check digit, and our signed Message-IDs."""

from __future__ import annotations

import logging

import pytest

from notifier import message_ids
from notifier.message_ids import is_our_message_id, make_message_id
from notifier.references import find_references, is_valid_reference, make_reference

KEY, DOMAIN = "k-2026", "rpa-intake.example.org"


def test_reference_shape_and_check_digit() -> None:
    reference = make_reference(42, 2026)
    assert reference.startswith("FC-2026-000042-") and len(reference) == 16
    assert is_valid_reference(reference)


@pytest.mark.parametrize("sequence", [1, 7, 42, 999, 123456, 999999])
def test_every_single_digit_typo_is_caught(sequence: int) -> None:
    reference = make_reference(sequence, 2026)
    for position, char in enumerate(reference):
        if not char.isdigit():
            continue
        for digit in "0123456789":
            if digit != char:
                typo = reference[:position] + digit + reference[position + 1:]
                assert not is_valid_reference(typo), typo


def test_swapped_neighbours_are_caught() -> None:
    reference = make_reference(123457, 2026)  # no 0/9 neighbours (Luhn's one blind spot)
    swapped = reference[:8] + reference[9] + reference[8] + reference[10:]
    assert swapped != reference and not is_valid_reference(swapped)


def test_find_references_in_subjects() -> None:
    good, other = make_reference(42, 2026), make_reference(43, 2026)
    broken = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert find_references(f"RE: [{good}] Received: Stage I") == [good]
    assert find_references(f"Re: Re: [{good.lower()}] and [{other}] [{good}]") == [good, other]
    assert find_references(f"[{broken}] typo") == []
    assert find_references("no reference here, FC-2026-42") == []
    assert find_references("") == []
    assert not is_valid_reference(f"x{good}")


def test_our_message_ids_are_recognized() -> None:
    ours = make_message_id("ack-17", key=KEY, domain=DOMAIN)
    assert "<" not in ours and ours.endswith("@" + DOMAIN)
    assert is_our_message_id(ours, key=KEY, domain=DOMAIN)
    assert is_our_message_id(f"<{ours}>", key=KEY, domain=DOMAIN)
    assert make_message_id("ack-17", key=KEY, domain=DOMAIN) != ours  # unique per message


@pytest.mark.parametrize("change", ["key", "domain", "token", "signature", "foreign"])
def test_forged_or_foreign_message_ids_are_not_ours(change: str) -> None:
    ours = make_message_id("ack-17", key=KEY, domain=DOMAIN)
    local, _, domain = ours.partition("@")
    body, _, signature = local.rpartition(".")
    candidates = {
        "key": (ours, "another-key", DOMAIN),
        "domain": (ours, KEY, "elsewhere.example"),
        "token": (f"{body.replace('ack-17', 'ack-18')}.{signature}@{domain}", KEY, DOMAIN),
        "signature": (f"{body}.{'0' * 20}@{domain}", KEY, DOMAIN),
        "foreign": ("CAF=abc123@mail.gmail.com", KEY, DOMAIN),
    }
    message_id, key, expected_domain = candidates[change]
    assert not is_our_message_id(message_id, key=key, domain=expected_domain)


def test_hostile_tokens_stay_safe() -> None:
    made = make_message_id("a b\r\n<x>@y", key=KEY, domain=DOMAIN)
    assert all(char not in made for char in " \r\n<>") and made.count("@") == 1


def test_an_empty_key_warns_once(caplog: pytest.LogCaptureFixture,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_ids, "_WARNED", [])
    caplog.set_level(logging.WARNING, logger="notifier.message_ids")
    first = make_message_id("ack-1", key="", domain=DOMAIN)
    make_message_id("ack-2", key="", domain=DOMAIN)
    assert is_our_message_id(first, key="", domain=DOMAIN)
    assert not is_our_message_id(first, key=KEY, domain=DOMAIN)
    assert caplog.text.count("signing_key is not set") == 1
