"""Console accounts: argon2 hashes, sign-in rate limits by name and by client, disabled
accounts, weak passwords and duplicate names refused; every attempt recorded."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from intake import users
from intake.users import UserError, add_user, set_role, sign_in
from registry.db import transaction
from registry.models import ConsoleUser, LoginAttempt

NOW = datetime(2026, 12, 2, 9, 0)
GOOD = "a sufficiently long password"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same argon2id, with small costs: these tests check the rules, not the cost."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(users, "HASHER", cheap)
    monkeypatch.setattr(users, "_DUMMY_HASH", cheap.hash("dummy"))


def test_sign_in_is_hashed_limited_and_recorded(session_factory) -> None:
    with transaction(session_factory) as session:
        add_user(session, "Alice", role="coordinator", password=GOOD, now=NOW, actor="t")
    with transaction(session_factory) as session:
        stored = session.scalars(select(ConsoleUser)).one()
        assert stored.name == "alice" and GOOD not in stored.password_hash
        assert stored.password_hash.startswith("$argon2id$")
        assert sign_in(session, "alice", GOOD, client="10.0.0.1", now=NOW).role == "coordinator"
        for _ in range(5):
            assert not sign_in(session, "alice", "wrong", client="10.0.0.2", now=NOW).ok
        refused = sign_in(session, "alice", GOOD, client="10.0.0.3", now=NOW)
        assert not refused.ok and "Too many" in refused.reason
        later = NOW + timedelta(minutes=16)
        assert sign_in(session, "alice", GOOD, client="10.0.0.3", now=later).ok
        assert session.query(LoginAttempt).count() == 8


def test_a_client_guessing_many_names_is_stopped(session_factory) -> None:
    with transaction(session_factory) as session:
        add_user(session, "bob", role="viewer", password=GOOD, now=NOW, actor="t")
        for number in range(20):
            sign_in(session, f"guess{number}", "x", client="192.0.2.7", now=NOW)
        assert not sign_in(session, "bob", GOOD, client="192.0.2.7", now=NOW).ok
        assert sign_in(session, "bob", GOOD, client="192.0.2.8", now=NOW).ok


def test_accounts_are_checked(session_factory) -> None:
    with transaction(session_factory) as session:
        add_user(session, "carol", role="admin", password=GOOD, now=NOW, actor="t")
        with pytest.raises(UserError, match="exists"):
            add_user(session, "carol", role="admin", password=GOOD, now=NOW, actor="t")
        with pytest.raises(UserError, match="at least"):
            add_user(session, "dave", role="admin", password="short", now=NOW, actor="t")
        with pytest.raises(UserError, match="role"):
            add_user(session, "erin", role="root", password=GOOD, now=NOW, actor="t")
        set_role(session, "carol", disabled=True, now=NOW, actor="t")
        result = sign_in(session, "carol", GOOD, client="10.0.0.1", now=NOW)
        assert not result.ok and "disabled" in result.reason
