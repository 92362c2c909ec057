"""Responses every view uses: a rendered page (with the viewer, the CSRF token and a one-time
message), a one-time message for the next page, and the redirect after a POST."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from web.auth import csrf_token, current_viewer


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page, with the viewer, their CSRF token and any one-time message."""
    env: Environment = request.app.state.templates
    viewer = context.pop("viewer", None) or current_viewer(request)
    flash = request.session.pop("flash", None)
    html = env.get_template(template).render(request=request, viewer=viewer, flash=flash,
                                         csrf=csrf_token(request), **context)
    return HTMLResponse(html, status_code=status)


def flash(request: Request, message: str, kind: str = "ok") -> None:
    request.session["flash"] = {"message": message, "kind": kind}


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


