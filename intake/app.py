"""The composed application: settings, database, intake context and mail transport, built
once by the composition root (run_service.py) and handed to each command."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config.settings import ConfigError, Settings
from intake.clock import utcnow
from intake.context import IntakeContext, build_context
from notifier.login_sink import set_status_sink
from notifier.login_status import LoginRecorder
from registry.db import make_engine, make_session_factory, require_existing
from registry.migrate import upgrade


@dataclass
class App:
    settings: Settings
    migrate: bool = True  # bring the schema up to date when the database is first opened
    # Only commands that set up or fill a registry (db upgrade, run, poll, demo) may create
    # a new SQLite file; the others refuse a database that is not there.
    create_database: bool = True
    _recorder: LoginRecorder | None = None

    @cached_property
    def engine(self) -> Engine:
        if not self.create_database:
            require_existing(self.settings.database.url)
        engine = make_engine(self.settings.database.url, echo=self.settings.database.echo)
        if self.migrate:
            upgrade(engine)
        return engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        factory = make_session_factory(self.engine)
        self._recorder = LoginRecorder(factory, utcnow)
        set_status_sink(self._recorder)  # OAuth login outcomes, for health and alerts
        return factory

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

    def require_signing_key(self) -> None:
        """Commands that send mail refuse to run without a secret key for our Message-IDs
        (with a known key anyone could forge a reply that threads into any submission)."""
        key = self.settings.acknowledgment.signing_key
        for problem in self.settings.unreadable_secrets:
            if problem.startswith("acknowledgment.signing_key"):
                raise ConfigError(problem)
        if len(key) < 16:
            raise ConfigError(
                "acknowledgment.signing_key: required (at least 16 characters) to sign our "
                "Message-IDs; make one with `python3 -c 'import secrets; "
                "print(secrets.token_hex(32))'` and set it, or signing_key_file")

    def close(self) -> None:
        close_transport = getattr(self.__dict__.get("transport"), "close", None)
        if close_transport is not None:
            close_transport()
        if getattr(self, "_recorder", None) is not None:
            set_status_sink(None)
        if "engine" in self.__dict__:
            self.engine.dispose()
