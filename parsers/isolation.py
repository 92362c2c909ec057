"""Isolation for the extraction stage: run one parser call in a child process with a CPU
time budget (wall clock, killed on expiry) and an address-space limit, so a hostile or
broken file can cost at most one document, never the service."""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
CONTEXT = "forkserver" if sys.platform != "win32" else "spawn"
# Imported once by the fork server, so that each child starts with the readers loaded
# (otherwise every document pays ~0.7 s of imports).
# Not the OCR side (our pdf_ocr and its numpy, 16 MB; the engine's OpenCV and onnxruntime,
# about 0.6 s to import and 100 MB): a warm reader worker imports them with its first scan
# and keeps them, and a fork server that held them would make every worker that large.
PRELOAD = ["parsers.extract", "parsers.message_reader", "parsers.pdf",
           "parsers.docx_reader", "parsers.mime", "parsers.reader_pool"]
if CONTEXT == "forkserver":
    multiprocessing.get_context(CONTEXT).set_forkserver_preload(PRELOAD)


class IsolationError(Exception):
    """The isolated call did not finish: ``reason`` is timeout, memory or crashed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_isolated(func: Callable[..., T], *args: Any, seconds: float, memory_mb: int) -> T:
    """``func(*args)`` in a child process; its result, its exception re-raised (with the
    child's traceback as a note, which ``traceback.format_exception`` shows), or
    IsolationError. ``func`` and the arguments must be picklable (module-level)."""
    context: Any = multiprocessing.get_context(CONTEXT)
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, func, args, memory_mb), daemon=True)
    process.start()
    sender.close()  # only the child writes; EOF then means the child is gone
    try:
        if not receiver.poll(seconds):
            raise IsolationError("timeout")
        try:
            status, payload = receiver.recv()
        except EOFError as err:  # killed (segfault, the kernel's OOM killer...)
            raise IsolationError("crashed") from err
    finally:
        _stop(process)
        receiver.close()
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "memory":
        raise IsolationError("memory")
    error, child_traceback = payload
    error.add_note(f"in the isolated child process:\n{child_traceback}")
    raise error


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.join(timeout=0.5)
    if process.is_alive():
        process.kill()
        process.join(timeout=5)


def _child(sender: Connection, func: Callable[..., Any], args: tuple[Any, ...],
           memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit applies: keep it
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, Any] = ("ok", func(*args))
    except MemoryError:
        result = ("memory", None)
    except Exception as err:  # handed back to the parent, which raises it
        result = ("error", (_picklable(err), traceback.format_exc()))
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("memory", None))
    finally:
        sender.close()


def _picklable(err: Exception) -> Exception:
    import pickle

    try:
        pickle.loads(pickle.dumps(err))
    except Exception:  # an exception that cannot travel: keep its type name and text
        return RuntimeError(f"{type(err).__name__}: {err}")
    return err
