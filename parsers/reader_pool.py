"""Reading messages on every core: a pool of warm worker processes, each reading one message
at a time (headers, MIME tree and every document) under the same limits as a child of its
own — an address-space limit for the worker, the message's time budget (a worker past it is
killed and replaced), each document's alarm inside the worker. Workers are recycled after
``MAX_TASKS`` messages so a slow leak in a reader cannot grow without bound.

The caller submits messages in order and collects each result in order (``PendingRead``);
the pool reads the next ones meanwhile. A worker that died (a reader crashed, or memory ran
out) leaves its message to be read again the slow way, one child per file, as before."""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
from collections.abc import Callable, Mapping
from concurrent.futures import Future, TimeoutError
from datetime import date
from typing import Any

from pebble import ProcessExpired, ProcessPool

from parsers.formdefs import FormDefinition
from parsers.isolation import CONTEXT
from parsers.limits import Limits
from parsers.message_reader import (
    MessageTooSlowError,
    ReadMessage,
    read_apart,
    read_here,
    read_message,
)

MAX_TASKS = 200  # messages a worker reads before it is replaced by a fresh one
_worker_definitions: dict[str, FormDefinition] = {}  # set once in each worker


class PendingRead:
    """One message being read; ``result()`` waits for it (in submission order)."""

    def __init__(self, future: Future[ReadMessage] | None, raw: bytes, pool: ReaderPool,
                 today: date) -> None:
        self._future, self._raw, self._pool, self._today = future, raw, pool, today

    def result(self) -> ReadMessage:
        """The message read, MessageTooSlowError past its budget, or the reader's own
        exception (with the worker's traceback as its cause)."""
        pool = self._pool
        if self._future is None:  # not isolated: read here and now
            return read_message(self._raw, pool.definitions, limits=pool.limits,
                                today=self._today, isolate=False)
        try:
            return self._future.result()
        except TimeoutError as err:
            raise MessageTooSlowError("timeout") from err
        except (ProcessExpired, MemoryError):  # the worker died or ran out of memory
            return read_apart(self._raw, pool.definitions, limits=pool.limits,
                              today=self._today)

    def cancel(self) -> None:
        if self._future is not None:
            self._future.cancel()


class ReaderPool:
    """``workers`` warm processes (0: one per core), started with the first message and kept
    until ``close``; ``isolate=False`` reads in the caller's process instead (tests)."""

    def __init__(self, definitions: Mapping[str, FormDefinition], limits: Limits, *,
                 workers: int = 0, isolate: bool = True,
                 reader: Callable[[bytes, Limits, date], ReadMessage] | None = None) -> None:
        self.definitions, self.limits = dict(definitions), limits
        self._reader = reader or read_in_worker  # module-level: it travels by name
        self.workers = workers or multiprocessing.cpu_count()
        # Messages handed to the pool ahead of the one being filed: one per worker.
        self.lookahead = self.workers if isolate else 0
        self._pool: ProcessPool | None = None
        if isolate:
            self._pool = ProcessPool(
                max_workers=self.workers, max_tasks=MAX_TASKS, initializer=_start_worker,
                initargs=(self.definitions, limits.memory_mb_per_document),
                context=multiprocessing.get_context(CONTEXT))

    def submit(self, raw: bytes, today: date) -> PendingRead:
        if self._pool is None:
            return PendingRead(None, raw, self, today)
        future = self._pool.schedule(self._reader, args=(raw, self.limits, today),
                                     timeout=self.limits.seconds_per_message)
        return PendingRead(future, raw, self, today)

    def close(self) -> None:
        """Stop the workers (a message being read is abandoned: it was not filed)."""
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()


def _start_worker(definitions: dict[str, FormDefinition], memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit applies: keep it
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _worker_definitions.update(definitions)


def read_in_worker(raw: bytes, limits: Limits, today: date) -> ReadMessage:
    """What each worker does with a message (with the definitions it was started with)."""
    return read_here(raw, _worker_definitions, limits, today, True)
