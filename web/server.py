"""Serving the console with uvicorn: in the foreground (``rpa-intake web``) or in a thread
beside the scheduled service (``rpa-intake run`` with ``[web] enabled = true``)."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import uvicorn

from intake.app import App
from web.app import ConsoleError, create_app

log = logging.getLogger(__name__)


@dataclass
class ConsoleServer:
    server: uvicorn.Server
    thread: threading.Thread | None = None

    def stop(self, timeout: float = 8.0) -> None:
        self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(timeout=timeout)


def build_server(app: App, *, host: str | None = None, port: int | None = None) -> ConsoleServer:
    web = app.settings.web
    config = uvicorn.Config(create_app(app), host=host or web.host, port=port or web.port,
                            log_level="warning", access_log=False, server_header=False,
                            proxy_headers=False, lifespan="off")
    return ConsoleServer(uvicorn.Server(config))


def serve(app: App, *, host: str | None = None, port: int | None = None) -> int:
    """Run in the foreground until SIGINT/SIGTERM."""
    console = build_server(app, host=host, port=port)
    log.info("console on http://%s:%s/", console.server.config.host, console.server.config.port)
    console.server.run()
    return 0


def start_in_thread(app: App) -> ConsoleServer:
    """Start beside the service; signals stay with the service's main loop."""
    console = build_server(app)
    console.thread = threading.Thread(target=console.server.run, name="console", daemon=True)
    console.thread.start()
    log.info("console on http://%s:%s/", app.settings.web.host, app.settings.web.port)
    return console


__all__ = ["ConsoleError", "ConsoleServer", "build_server", "serve", "start_in_thread"]
