"""Settings and counts for the tests of the Graph mail source."""

from __future__ import annotations

from servers.graph import GraphMail
from servers.https import LocalCertificate
from servers.identity import Client, Identity
from sqlalchemy import func, select

from config.settings import Settings
from registry.db import make_engine, make_session_factory
from registry.models import RawMessage, Submission

MAILBOX = "rpa.registration@example.org"


def graph_settings(base: Settings, graph: GraphMail, identity: Identity,
                   tls: LocalCertificate, client: Client, **extra: object) -> Settings:
    values: dict[str, object] = {
        "mailbox": graph.mailbox, "tenant_id": identity.tenant, "client_id": client.client_id,
        "client_secret": client.secret, "authority_host": identity.authority_host,
        "oauth_ca_file": str(tls.ca), "base_url": graph.base_url, "ca_file": str(tls.ca),
        "page_size": 3, "timeout_seconds": 10, "max_retry_after_seconds": 2}
    return base.replace(mailbox={"source": "graph"}, graph=values | extra)


def counts(settings: Settings) -> tuple[int, int]:
    """(submissions, distinct Message-IDs stored)."""
    engine = make_engine(settings.database.url)
    with make_session_factory(engine)() as session:
        result = (session.scalar(select(func.count()).select_from(Submission)) or 0,
                  session.scalar(select(func.count(func.distinct(RawMessage.message_id))))
                  or 0)
    engine.dispose()
    return result
