"""The ASGI application: routes, signed-cookie sessions, security headers, error pages.

``create_app(app)`` takes the composed intake App (settings, sessions, intake context), so
the console runs on exactly what the CLI runs on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intake.app import App
from web import page_views, views_auth, views_ops, views_queue, views_submission
from web.auth import CSRF_FIELD
from web.documents import PageCache
from web.responses import render

HERE = Path(__file__).resolve().parent
COOKIE = "rpa_console"
HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


class ConsoleError(Exception):
    """The console cannot start (e.g. no secret key); the message names the setting."""


def create_app(app: App) -> Starlette:
    web = app.settings.web
    if len(web.secret_key) < 16:
        raise ConsoleError("web.secret_key: set 16+ random characters (web.secret_key_file "
                           "or RPA_INTAKE_WEB__SECRET_KEY)")
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(SessionMiddleware, secret_key=web.secret_key, session_cookie=COOKIE,
                   max_age=web.session_hours * 3600, same_site="lax",
                   https_only=web.cookie_secure),
    ]
    starlette = Starlette(routes=routes(), middleware=middleware,
                          exception_handlers={HTTPException: http_error})  # type: ignore[dict-item]
    starlette.state.app = app
    starlette.state.sessions = app.sessions
    starlette.state.templates = templates()
    starlette.state.pages = PageCache(web.page_cache_size)
    return starlette


def routes() -> list[Any]:
    return [
        *views_auth.ROUTES, *views_queue.ROUTES, *views_submission.ROUTES, *page_views.ROUTES,
        *views_ops.ROUTES,
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True), trim_blocks=True,
                      lstrip_blocks=True)
    env.globals["CSRF_FIELD"] = CSRF_FIELD
    return env


async def http_error(request: Request, exc: HTTPException) -> Response:
    if exc.status_code in {301, 302, 303} and exc.headers:
        return RedirectResponse(exc.headers["Location"], status_code=303)
    titles = {403: "Not allowed", 404: "Not found", 405: "Not allowed"}
    return render(request, "error.html", status=exc.status_code,
                  title=titles.get(exc.status_code, "Error"), detail=exc.detail)


class SecurityHeaders:
    """The same strict headers on every response (no inline script or style anywhere)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                for key, value in HEADERS.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
