"""Outreach, the parallel part: each registration's pre-filled forms and its whole request
message (rendered, composed, forms attached) made in a process pool of the cores; the
driver then only writes rows."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from config.settings import Settings
from formgen.prefill import FORM_TYPE, FormJob, make_prefilled
from notifier.outreach import ComposedMail, OutreachMail, compose_outreach
from parsers.formdefs import FormDefinition, load_definitions

PARALLEL_FROM = 16  # fewer than this are built in the calling process


@dataclass(frozen=True, slots=True)
class RequestTask:
    job: FormJob  # the pre-filled values, keyed by registration number
    mail: OutreachMail  # everything but the forms


@lru_cache(maxsize=4)
def validation_definition(forms_dir: str) -> FormDefinition:
    return load_definitions(Path(forms_dir))[FORM_TYPE]


@lru_cache(maxsize=4)
def transaction_labels(forms_dir: str) -> dict[str, str]:
    """Transaction keys → their printed labels (a provider reads labels, not keys)."""
    field = load_definitions(Path(forms_dir))["stage1"].field("transactions")
    return {choice.key: choice.label for choice in field.choices}


def build_one(task: RequestTask, settings: Settings, now: datetime) -> ComposedMail:
    definition = validation_definition(settings.forms_dir)
    forms = make_prefilled(definition, task.job, docx=settings.validation.attach_docx)
    mail = dataclasses.replace(task.mail, pdf=forms.pdf, docx=forms.docx)
    return compose_outreach(mail, settings=settings, now=now)


def build_all(tasks: Sequence[RequestTask], settings: Settings, *, now: datetime,
              workers: int = 0) -> dict[str, ComposedMail]:
    """Every task's message, by registration number; in a pool when there are many."""
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(tasks) < PARALLEL_FROM:
        return {task.job.key: build_one(task, settings, now) for task in tasks}
    size = max(1, len(tasks) // (count * 8))
    chunks = [list(tasks[start:start + size]) for start in range(0, len(tasks), size)]
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker,
                             initargs=(settings, now)) as pool:
        built = pool.map(_build_chunk, chunks)
        return {task.job.key: mail for chunk, mails in zip(chunks, built, strict=True)
                for task, mail in zip(chunk, mails, strict=True)}


_WORKER: list[tuple[Settings, datetime]] = []


def _init_worker(settings: Settings, now: datetime) -> None:
    _WORKER[:] = [(settings, now)]


def _build_chunk(tasks: list[RequestTask]) -> list[ComposedMail]:
    settings, now = _WORKER[0]
    return [build_one(task, settings, now) for task in tasks]
