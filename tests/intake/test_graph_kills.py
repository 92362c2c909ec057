"""The Graph source under SIGKILL at random moments during a backlog (as the IMAP test
does): each killed `poll --once` is a new process with no delta link, the last one runs
to the end; nothing is lost and nothing is filed twice."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_helpers import MAILBOX, counts
from mail_samples import plain, with_form
from servers.graph import GraphMail, start_graph
from servers.https import LocalCertificate
from servers.identity import Identity

from config.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def graph(identity: Identity, local_tls: LocalCertificate) -> Iterator[GraphMail]:
    server = start_graph(local_tls, identity, MAILBOX)
    yield server
    server.server.stop()


def write_config(path: Path, db_url: str, graph: GraphMail, identity: Identity,
                 tls: LocalCertificate, tmp_path: Path) -> None:
    client = identity.register(MAILBOX, secret="kill-test-secret")
    (tmp_path / "secret").write_text("kill-test-secret\n")
    path.write_text(
        f'[database]\nurl = "{db_url}"\n'
        f'[mailbox]\nsource = "graph"\nbatch_size = 4\n'
        f'[graph]\nmailbox = "{MAILBOX}"\ntenant_id = "{identity.tenant}"\n'
        f'client_id = "{client.client_id}"\nclient_secret_file = "{tmp_path / "secret"}"\n'
        f'authority_host = "{identity.authority_host}"\noauth_ca_file = "{tls.ca}"\n'
        f'base_url = "{graph.base_url}"\nca_file = "{tls.ca}"\npage_size = 5\n'
        f'[smtp]\noutbox_dir = "{tmp_path / "outbox"}"\n'
        f'[acknowledgment]\nsigning_key = "sixteen-char-key"\n')


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_killed_at_random_moments_then_restarted(graph: GraphMail, identity: Identity,
                                                 local_tls: LocalCertificate, db_url: str,
                                                 tmp_path: Path) -> None:
    graph.deliver(*(with_form(n) if n % 5 == 0 else plain(n) for n in range(1, 21)))
    config = tmp_path / "rpa.toml"
    write_config(config, db_url, graph, identity, local_tls, tmp_path)
    command = [sys.executable, str(ROOT / "run_service.py"), "--config", str(config),
               "poll", "--once"]
    rng = random.Random(20261202)
    for _ in range(4):  # four kills at random moments, then a clean run
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(rng.uniform(0.8, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    final = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert final.returncode == 0, final.stderr
    assert counts(load_settings(config)) == (20, 20)
    assert graph.count("Inbox") == 0 and graph.count("Processed") == 20
