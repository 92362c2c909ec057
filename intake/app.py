"""The composed application: settings, database, intake context and mail transport, built
once by the composition root (run_service.py) and handed to each command."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from intake.context import IntakeContext, build_context
from registry.db import make_engine, make_session_factory
from registry.migrate import upgrade


@dataclass
class App:
    settings: Settings
    migrate: bool = True  # bring the schema up to date when the database is first opened

    @cached_property
    def engine(self) -> Engine:
        engine = make_engine(self.settings.database.url, echo=self.settings.database.echo)
        if self.migrate:
            upgrade(engine)
        return engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return make_session_factory(self.engine)

    @cached_property
    def context(self) -> IntakeContext:
        return build_context(self.settings)

    @cached_property
    def transport(self) -> Any:
        """SMTP, Graph sendMail, or .eml files in smtp.outbox_dir (the demo, and dry runs)."""
        from notifier.smtp import FileTransport, SmtpTransport

        if self.settings.smtp.outbox_dir:
            return FileTransport(Path(self.settings.smtp.outbox_dir))
        if self.settings.smtp.transport == "graph":
            from notifier.graph_transport import GraphTransport

            return GraphTransport(self.settings.graph)
        return SmtpTransport(self.settings.smtp)

    def close(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()
