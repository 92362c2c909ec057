"""A local mailbox: a Maildir (cur/new) or a plain directory of .eml files. Filed messages
move to the processed directory, failed ones to the quarantine directory — only after the
database commit, as with IMAP."""

from __future__ import annotations

import os
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
            self._paths[path.name] = path
            refs.append(MessageRef(uid=number, size=path.stat().st_size, name=path.name))
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

    def move_processed(self, ref: MessageRef) -> None:
        self._move(ref, self.processed)

    def move_quarantine(self, ref: MessageRef) -> None:
        self._move(ref, self.quarantine)

    def _move(self, ref: MessageRef, target: Path) -> None:
        source = self._paths.pop(ref.name, None)
        if source is None or not source.exists():
            return
        target.mkdir(parents=True, exist_ok=True)
        os.replace(source, target / source.name)

    def close(self) -> None:
        self._paths.clear()
