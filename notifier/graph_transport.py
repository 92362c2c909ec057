"""Mail out through Microsoft Graph ``sendMail`` (smtp.transport = "graph"): the stored MIME
bytes, base64-encoded as the API asks, sent as the configured mailbox with [graph]'s
credentials. The outbox's rules stay: throttling, outages and refused credentials are
temporary (the message waits, health reports the login), a rejected message is permanent."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from urllib.parse import quote

from config.settings import GraphSettings
from notifier.graph_client import GraphAuthError, GraphClient, GraphError
from notifier.smtp import PermanentDeliveryError, TemporaryDeliveryError

MAX_MIME_BYTES = 4 * 1024 * 1024  # Graph's request size limit for sendMail


class GraphTransport:
    def __init__(self, settings: GraphSettings, *, client: GraphClient | None = None) -> None:
        self.settings = settings
        self.client = client or GraphClient(settings)

    def send(self, raw: bytes, *, sender: str, recipients: Sequence[str]) -> None:
        body = base64.b64encode(with_envelope(raw, recipients))
        if len(body) > MAX_MIME_BYTES:
            raise PermanentDeliveryError(f"graph sendMail: message of {len(body)} bytes "
                                         "(base64) is over Graph's 4 MB limit")
        try:
            response = self.client.request(
                "POST", f"/users/{quote(sender, safe='@')}/sendMail", content=body,
                headers={"Content-Type": "text/plain"})
        except GraphAuthError as err:
            raise TemporaryDeliveryError(str(err)) from err
        except GraphError as err:
            raise TemporaryDeliveryError(str(err)) from err
        if response.status == 202 or 200 <= response.status < 300:
            return
        detail = f"graph sendMail: {response.status} {response.error_code()}"
        if response.status >= 500 or response.status in (408, 429):
            raise TemporaryDeliveryError(detail)
        raise PermanentDeliveryError(detail)

    def close(self) -> None:
        self.client.close()


def with_envelope(raw: bytes, recipients: Sequence[str]) -> bytes:
    """Graph takes the recipients from the MIME headers: any envelope recipient missing from
    To, Cc and Bcc is added as a Bcc line (which Exchange removes before delivery)."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:256 * 1024])
    listed = {address.lower() for _, address in getaddresses(
        [str(value) for name in ("To", "Cc", "Bcc") for value in headers.get_all(name, [])])}
    missing = [address for address in recipients if address.lower() not in listed]
    if not missing:
        return raw
    return b"Bcc: " + ", ".join(missing).encode("ascii", "replace") + b"\r\n" + raw
