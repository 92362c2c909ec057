"""A private Dovecot IMAP server for the test session: its own config in a temp dir,
listening on 127.0.0.1 (plain and TLS with a self-signed certificate), users from a
passwd-file, mail in a maildir owned by a normal uid. Started and stopped by PID."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

MAIL_UID = 1000  # the mail store's owner: at or above first_valid_uid
PASSWORD = "secret-pw"
USERS = 500


@dataclass
class Dovecot:
    root: Path
    config: Path
    port: int
    tls_port: int
    ca_file: Path
    process: subprocess.Popen[bytes]
    next_user: int = 0

    def doveadm(self, *args: str) -> str:
        result = subprocess.run(["doveadm", "-c", str(self.config), *args],
                                capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def add_user(self) -> str:
        """A user nobody has used yet (created up front: Dovecot caches the passwd-file by
        its modification time, which has one-second resolution)."""
        self.next_user += 1
        if self.next_user > USERS:
            raise RuntimeError("out of test users; raise USERS")
        return f"user{self.next_user}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def dovecot_available() -> bool:
    return shutil.which("dovecot") is not None and shutil.which("doveadm") is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_dovecot(root: Path, introspection_url: str = "", introspection_ca: str = "") -> Dovecot:
    """With ``introspection_url``, an oauth2 passdb (XOAUTH2, OAUTHBEARER) beside the
    passwd-file one, validating bearer tokens by POSTing them to that URL."""
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o755)
    ca_file = _certificate(root)
    port, tls_port = free_port(), free_port()
    (root / "users").write_text("".join(f"user{n}:{{PLAIN}}{PASSWORD}\n"
                                        for n in range(1, USERS + 1)))
    for name in ("run", "state", "mail", "home"):
        (root / name).mkdir(exist_ok=True)
    if os.geteuid() == 0:
        for name in ("mail", "home"):
            os.chown(root / name, MAIL_UID, MAIL_UID)
    config = root / "dovecot.conf"
    config.write_text(_config(root, port, tls_port) + _oauth2(root, introspection_url,
                                                               introspection_ca))
    process = subprocess.Popen(["dovecot", "-F", "-c", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_listening(port, process, root)
    return Dovecot(root, config, port, tls_port, ca_file, process)


def _config(root: Path, port: int, tls_port: int) -> str:
    as_root = os.geteuid() == 0
    uid = MAIL_UID if as_root else os.geteuid()
    gid = MAIL_UID if as_root else os.getegid()
    users = "" if as_root else f"default_login_user = {os.environ.get('USER', 'nobody')}\n"
    return f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{root}/server.pem
ssl_key = <{root}/server.key
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {min(uid, 500) if not as_root else 500}
{"default_login_user = dovenull" if as_root else users}
{"default_internal_user = dovecot" if as_root else ""}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
protocol imap {{
  mail_max_userip_connections = 50
  imap_idle_notify_interval = 1 secs
}}
"""


def _oauth2(root: Path, url: str, ca_file: str) -> str:
    if not url:
        return ""
    (root / "oauth2.conf.ext").write_text(
        f"introspection_mode = post\nintrospection_url = {url}\n"
        "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
        f"force_introspection = yes\ntls_ca_cert_file = {ca_file}\n")
    os.chmod(root / "oauth2.conf.ext", 0o644)
    return f"""
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
"""


def _certificate(root: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 and localhost; it is its own CA."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(root / "server.key"), "-out", str(root / "server.pem"),
         "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True, timeout=60)
    os.chmod(root / "server.key", 0o600)
    return root / "server.pem"


def _wait_listening(port: int, process: subprocess.Popen[bytes], root: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"dovecot exited: {stderr} {log[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("dovecot did not start listening within 20 s")
