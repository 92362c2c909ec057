"""The console on PostgreSQL: the demo's mail filed through the pipeline into a private
schema, then the queue search, the submission page with its page image, and a Stage I
approval that queues its notice."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from console_helpers import Console, console_app, start_console
from sqlalchemy import select
from test_console_http import signed_in

from registry.models import OutboxMessage, Submission

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_console(tmp_path_factory: pytest.TempPathFactory, postgres_schemas) -> Iterator[Console]:
    out = tmp_path_factory.mktemp("console-pg")
    app = console_app(out, database_url=postgres_schemas.new_url())
    running = start_console(app, out)
    yield running
    running.server.stop()
    app.close()


def test_search_page_image_and_approval_on_postgres(pg_console: Console) -> None:
    client: httpx.Client = signed_in(pg_console, "alice")
    queue = client.get("/", params={"q": "Acme Health", "form": "stage1"})
    references = re.findall(r'href="/submissions/(FC-[0-9-]+)"', queue.text)
    assert len(references) == 1
    page = client.get(f"/submissions/{references[0]}")
    image = re.search(r'src="(/documents/\d+/pages/1\.png)"', page.text)
    assert image and client.get(image.group(1)).headers["content-type"] == "image/png"
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    done = client.post(f"/submissions/{references[0]}/approve", data={"csrf_token": token})
    assert "Approved as RPA1-2026-" in done.text
    with pg_console.app.sessions() as session:
        submission = session.scalars(select(Submission).where(
            Submission.reference == references[0])).one()
        notice = session.scalars(select(OutboxMessage).where(
            OutboxMessage.submission_id == submission.id,
            OutboxMessage.kind == "notice")).one()
    assert submission.status == "approved" and notice.status == "queued"
