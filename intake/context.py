"""What every intake stage needs besides the message: settings, form definitions, limits,
and a test-only hook that simulates the process dying at a named step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings
from parsers.formdefs import FormDefinition, load_definitions
from parsers.limits import Limits

# The steps a crash can be simulated at, in the order a message walks through them.
CRASH_STEPS = ("after_store", "after_parse", "before_commit", "after_commit", "before_move")


class SimulatedCrash(BaseException):
    """Raised by a test hook to stand for the process dying at a step. A BaseException so
    that no error handler in the pipeline mistakes it for bad input."""


@dataclass(frozen=True, slots=True)
class IntakeContext:
    settings: Settings
    definitions: Mapping[str, FormDefinition]
    limits: Limits
    isolate: bool = True  # run each extraction in a child process with time/memory limits
    crash_at: str | None = None

    def checkpoint(self, step: str) -> None:
        """Die here if a test asked for it."""
        if self.crash_at == step:
            raise SimulatedCrash(step)


def build_context(settings: Settings, *, isolate: bool = True,
                  crash_at: str | None = None) -> IntakeContext:
    limits = settings.limits
    return IntakeContext(
        settings=settings,
        definitions=load_definitions(Path(settings.forms_dir)),
        limits=Limits(
            max_attachment_bytes=limits.max_attachment_bytes,
            max_message_bytes=settings.mailbox.max_message_bytes,
            max_pages=limits.max_pages,
            max_decompressed_bytes=limits.max_decompressed_bytes,
            max_compression_ratio=limits.max_compression_ratio,
            seconds_per_document=limits.seconds_per_document,
            seconds_per_message=limits.seconds_per_message,
            memory_mb_per_document=limits.memory_mb_per_document,
            ocr=limits.ocr,
            ocr_seconds_per_page=limits.ocr_seconds_per_page,
            ocr_engine=limits.ocr_engine,
        ),
        isolate=isolate,
        crash_at=crash_at,
    )
