"""Who is signed in, what they may do, and the CSRF token every form carries. Sessions are
Starlette's signed cookies (HttpOnly, SameSite=Lax, Secure unless configured off); the role
is read from the registry on every request, so a disabled account stops at once."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from starlette.exceptions import HTTPException
from starlette.requests import Request

from intake.users import user_role
from registry.models import ADMIN, COORDINATOR

CSRF_FIELD = "csrf_token"
DECIDERS = {COORDINATOR, ADMIN}


@dataclass(frozen=True, slots=True)
class Viewer:
    name: str
    role: str

    @property
    def can_decide(self) -> bool:
        return self.role in DECIDERS

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def check_csrf(request: Request) -> dict[str, str]:
    """The submitted form, once its CSRF token matches the session's; 403 otherwise."""
    form = await request.form()
    sent = str(form.get(CSRF_FIELD) or "")
    expected = str(request.session.get("csrf") or "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(403, "The form was out of date or not sent by this console. "
                                 "Reload the page and try again.")
    return {key: str(value) for key, value in form.items() if isinstance(value, str)}


def start_session(request: Request, name: str, now: datetime) -> None:
    request.session.clear()  # a fresh session (and token) at sign-in: no fixation
    request.session.update({"user": name, "since": now.isoformat(timespec="seconds"),
                            "csrf": secrets.token_urlsafe(32)})


def current_viewer(request: Request) -> Viewer | None:
    name = request.session.get("user")
    if not name:
        return None
    with request.app.state.sessions() as session:
        role = user_role(session, str(name))
    if role is None:
        request.session.clear()
        return None
    return Viewer(str(name), role)


def require_viewer(request: Request) -> Viewer:
    viewer = current_viewer(request)
    if viewer is None:
        raise HTTPException(303, headers={"Location": f"/login?next={request.url.path}"})
    return viewer


def require_decider(request: Request) -> Viewer:
    viewer = require_viewer(request)
    if not viewer.can_decide:
        raise HTTPException(403, "Your account may read the queue but not decide. "
                                 "Ask an administrator for the coordinator role.")
    return viewer


def require_admin(request: Request) -> Viewer:
    viewer = require_viewer(request)
    if not viewer.is_admin:
        raise HTTPException(403, "Only administrators may do this.")
    return viewer


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
