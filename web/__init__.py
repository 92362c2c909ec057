"""The coordinators' console: a thin ASGI app (Starlette, Jinja2, plain HTML forms). Every
action calls the functions the CLI calls; no business rule lives in a view."""
