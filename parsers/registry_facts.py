"""Validation stage, inputs: what the registry knows that the submission rules need (approved
Stage I and Stage II numbers, documents received earlier in the thread). The caller (intake)
looks these up; the rules stay pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Stage1Approval:
    number: str
    fein: str | None = None
    provider_id: str | None = None
    transactions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Stage2Approval:
    number: str
    fein: str | None = None
    provider_id: str | None = None
    screens_per_session: int | None = None
    rpa_user_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RegistrationFact:
    """A registration of record as the rules see it (the current approved state)."""

    number: str
    status: str = "active"
    rpa_user_ids: tuple[str, ...] = ()
    retired_user_ids: tuple[str, ...] = ()
    transactions: frozenset[str] = frozenset()
    screens_per_session: int | None = None


@dataclass(frozen=True, slots=True)
class EarlierDocument:
    """A document received earlier in the same thread (a follow-up's predecessors)."""

    form_type: str
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RegistryFacts:
    """What the registry knows that the rules need; looked up by the caller."""

    stage1_approvals: Mapping[str, Stage1Approval] = field(default_factory=dict)
    stage2_approvals: Mapping[str, Stage2Approval] = field(default_factory=dict)
    earlier_documents: tuple[EarlierDocument, ...] = ()
    registrations: Mapping[str, RegistrationFact] = field(default_factory=dict)
    # Undecided Stage II submissions from the same sender's domain (a lone supporting
    # document is pointed to them), oldest first.
    open_stage2_references: tuple[str, ...] = ()
