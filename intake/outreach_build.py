"""Outreach, the parallel part: each registration's pre-filled forms and its whole request
message (rendered, composed, forms attached) made in a process pool of the cores; the
driver then only writes rows."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from multiprocessing import get_context
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


def build_batches(tasks: Sequence[RequestTask], settings: Settings, *, now: datetime,
                  workers: int = 0, size: int = 500) -> Iterator[dict[str, ComposedMail]]:
    """Every task's message, by registration number, ``size`` at a time: the pool builds the
    next batch while the caller writes this one (and only two batches are held at once)."""
    batches = [list(tasks[start:start + size]) for start in range(0, len(tasks), size)]
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(tasks) < PARALLEL_FROM:
        for batch in batches:
            yield {task.job.key: build_one(task, settings, now) for task in batch}
        return
    # A fork server, not fork: the service calls this from a scheduler thread while other
    # threads (intake, outbox) may hold locks a forked child would inherit held.
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("forkserver"),
                             initializer=_init_worker, initargs=(settings, now)) as pool:
        pending = _submit(pool, batches[0], count)
        for index in range(len(batches)):
            current = pending
            if index + 1 < len(batches):
                pending = _submit(pool, batches[index + 1], count)
            yield {task.job.key: mail for chunk, future in current
                   for task, mail in zip(chunk, future.result(), strict=True)}


def _submit(pool: ProcessPoolExecutor, batch: list[RequestTask],
            count: int) -> list[tuple[list[RequestTask], Future[list[ComposedMail]]]]:
    size = max(1, len(batch) // (count * 4))
    chunks = [batch[start:start + size] for start in range(0, len(batch), size)]
    return [(chunk, pool.submit(_build_chunk, chunk)) for chunk in chunks]


_WORKER: list[tuple[Settings, datetime]] = []


def _init_worker(settings: Settings, now: datetime) -> None:
    _WORKER[:] = [(settings, now)]


def _build_chunk(tasks: list[RequestTask]) -> list[ComposedMail]:
    settings, now = _WORKER[0]
    return [build_one(task, settings, now) for task in tasks]
