"""The Annual Validation form pre-filled from the registry (fillable PDF and DOCX): the
organization block, the Stage II approval number, the RPA User IDs and the validation year
set; the yes/no questions and the attestation left for the provider. Many at once are made
in a process pool (one process per core by default)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formgen.docx_form import docx_form
from formgen.pdf_form import fillable_pdf
from parsers.formdefs import FormDefinition, load_definitions

FORM_TYPE = "annual_validation"
LEFT_FOR_PROVIDER = frozenset({"info_current", "unapproved_changes", "attest", "signer_name",
                               "signer_title", "signature_date"})
PARALLEL_FROM = 8  # fewer forms than this are made in the calling process


@dataclass(frozen=True, slots=True)
class FormJob:
    key: str  # what the caller matches results by (e.g. the registration number)
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PrefilledForms:
    key: str
    pdf: bytes
    docx: bytes | None


def prefill_values(definition: FormDefinition, organization: Mapping[str, Any], *,
                   number: str, user_ids: Sequence[str], year: int) -> dict[str, Any]:
    """The values the registry knows, limited to the form's fields and never the answers."""
    known = {**organization, "stage2_approval_number": number,
             "rpa_user_ids": list(user_ids), "validation_year": year}
    keys = {field.key for field in definition.fields} - LEFT_FOR_PROVIDER
    return {key: value for key, value in known.items()
            if key in keys and value not in (None, "", [])}


def make_prefilled(definition: FormDefinition, job: FormJob, *, docx: bool) -> PrefilledForms:
    return PrefilledForms(job.key, fillable_pdf(definition, job.values),
                          docx_form(definition, job.values) if docx else None)


def make_many(jobs: Sequence[FormJob], *, forms_dir: str, docx: bool = True,
              workers: int = 0) -> dict[str, PrefilledForms]:
    """Pre-filled forms for every job, in a process pool when there are many."""
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(jobs) < PARALLEL_FROM:
        definition = load_definitions(Path(forms_dir))[FORM_TYPE]
        return {job.key: make_prefilled(definition, job, docx=docx) for job in jobs}
    chunks = _chunks(jobs, max(1, len(jobs) // (count * 4)))
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker,
                             initargs=(forms_dir,)) as pool:
        results = pool.map(_make_chunk, chunks, [docx] * len(chunks))
        return {item.key: item for chunk in results for item in chunk}


def _chunks(jobs: Sequence[FormJob], size: int) -> list[list[FormJob]]:
    return [list(jobs[start:start + size]) for start in range(0, len(jobs), size)]


_WORKER: dict[str, FormDefinition] = {}


def _init_worker(forms_dir: str) -> None:
    _WORKER[FORM_TYPE] = load_definitions(Path(forms_dir))[FORM_TYPE]


def _make_chunk(jobs: Iterable[FormJob], docx: bool) -> list[PrefilledForms]:
    definition = _WORKER[FORM_TYPE]
    return [make_prefilled(definition, job, docx=docx) for job in jobs]
