"""Sign-in and sign-out: local accounts checked by intake.users (rate limited, audited)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from intake.clock import utcnow
from intake.users import sign_in
from registry.db import transaction
from web.auth import check_csrf, client_address, current_viewer, start_session
from web.responses import flash, redirect, render


async def login_page(request: Request) -> Response:
    if current_viewer(request) is not None:
        return redirect("/")
    return render(request, "login.html", next=_next(request.query_params.get("next")))


async def login(request: Request) -> Response:
    form = await check_csrf(request)
    now = utcnow()
    with transaction(request.app.state.sessions) as session:
        result = sign_in(session, form.get("name", ""), form.get("password", ""),
                         client=client_address(request), now=now)
    if not result.ok:
        return render(request, "login.html", status=401 if "Wrong" in result.reason else 429,
                      error=result.reason, name=form.get("name", "")[:100],
                      next=_next(form.get("next")))
    start_session(request, result.name, now)
    return redirect(_next(form.get("next")))


async def logout(request: Request) -> Response:
    await check_csrf(request)
    request.session.clear()
    flash(request, "You are signed out.")
    return redirect("/login")


def _next(value: str | None) -> str:
    """Only a path of this console: never an open redirect."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


ROUTES = [
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
