"""A local mailbox: a Maildir (cur/new) or a plain directory of .eml files. Filed messages
move to the processed directory, failed ones to the quarantine directory — only after the
database commit, as with IMAP — and never replace a file already there."""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from config.settings import ConfigError, MailboxSettings
from intake.mailbox import MailboxError, MessageRef


class MaildirSource:
    uidvalidity = 1

    def __init__(self, settings: MailboxSettings) -> None:
        self.root = Path(settings.path).expanduser()
        if not self.root.is_dir():
            raise ConfigError(f"mailbox.path: {self.root} is not a directory")
        self.processed = Path(settings.processed_path or self.root / ".processed")
        self.quarantine = Path(settings.quarantine_path or self.root / ".quarantine")
        self.key = f"maildir://{self.root.resolve()}"
        self._paths: dict[str, Path] = {}

    def list_refs(self) -> list[MessageRef]:
        refs = []
        for number, path in enumerate(self._message_files(), start=1):
            name = path.relative_to(self.root).as_posix()  # new/1.eml and cur/1.eml differ
            self._paths[name] = path
            refs.append(MessageRef(uid=number, size=path.stat().st_size, name=name))
        return refs

    def _message_files(self) -> list[Path]:
        folders = [self.root / "new", self.root / "cur"]
        if not any(folder.is_dir() for folder in folders):
            folders = [self.root]
        files = [path for folder in folders if folder.is_dir()
                 for path in sorted(folder.iterdir())
                 if path.is_file() and not path.name.startswith(".")]
        return sorted(files, key=lambda path: (path.stat().st_mtime, path.name))

    def fetch(self, refs: Sequence[MessageRef]) -> Iterator[tuple[MessageRef, bytes]]:
        for ref in refs:
            try:
                yield ref, self._paths[ref.name].read_bytes()
            except (OSError, KeyError) as err:
                raise MailboxError(f"cannot read {ref.name}: {err}") from err

    def fetch_headers(self, ref: MessageRef) -> bytes:
        with self._paths[ref.name].open("rb") as handle:
            return handle.read(64 * 1024).split(b"\r\n\r\n")[0].split(b"\n\n")[0]

    def move_processed(self, refs: Sequence[MessageRef]) -> None:
        for ref in refs:
            self._move(ref, self.processed)

    def move_quarantine(self, refs: Sequence[MessageRef]) -> None:
        for ref in refs:
            self._move(ref, self.quarantine)

    def _move(self, ref: MessageRef, target: Path) -> None:
        source = self._paths.pop(ref.name, None)
        if source is None or not source.exists():
            return
        target.mkdir(parents=True, exist_ok=True)
        move_no_clobber(source, target)

    def close(self) -> None:
        self._paths.clear()


def move_no_clobber(source: Path, target: Path) -> Path:
    """Move ``source`` into the directory ``target`` without ever replacing a file there:
    a name already taken by other bytes gets a numbered one (``1.eml``, ``1-2.eml``). The
    same bytes already there (a run that died mid-move) are not kept twice."""
    for candidate in _candidates(target, source.name):
        if candidate.exists() and filecmp.cmp(source, candidate, shallow=False):
            source.unlink()
            return candidate
        try:
            _place(source, candidate)
        except FileExistsError:
            continue  # taken, perhaps a moment ago by another run: try the next name
        source.unlink()
        return candidate
    raise MailboxError(f"cannot move {source.name}: no free name in {target}")


def _candidates(target: Path, name: str, limit: int = 10_000) -> Iterator[Path]:
    stem, suffix = (name[:-4], name[-4:]) if name.lower().endswith(".eml") else (name, "")
    yield target / name
    for number in range(2, limit):
        yield target / f"{stem}-{number}{suffix}"


def _place(source: Path, candidate: Path) -> None:
    """Create ``candidate`` with the bytes of ``source``; FileExistsError when it exists.
    A hard link is atomic; across file systems, an exclusive-create copy."""
    try:
        os.link(source, candidate)
    except FileExistsError:
        raise
    except OSError:  # another file system (EXDEV), or one without hard links
        with source.open("rb") as reader, candidate.open("xb") as writer:
            shutil.copyfileobj(reader, writer)
