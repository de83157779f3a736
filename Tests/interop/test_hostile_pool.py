"""Hostile-pool test: a server that answers login normally and every other call with a hostile reply.

Each case runs the real `xsfai vms` against it (binary from $XSFAI_BIN) and asserts the exit code,
that the message on stderr (and the table on stdout) holds no byte a terminal would act on, and prints
the probe figures (exit code, message, peak RSS from /usr/bin/time when present, wall time).
Run: `python3 -m pytest -s Tests/interop/test_hostile_pool.py`.
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time

import pytest

BIN = os.environ.get("XSFAI_BIN", ".build/debug/xsfai")
ESCAPES = "\x1b]0;owned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[?1049h"
C1 = "\u009b2J\u009d0;t\u009c"


def record(ref, name):
    return (
        f"<member><name>{ref}</name><value><struct>"
        f"<member><name>uuid</name><value>{ref[-8:]}-0000-4000-8000-000000000000</value></member>"
        f"<member><name>name_label</name><value>{name}</value></member>"
        "<member><name>power_state</name><value>Halted</value></member>"
        "<member><name>is_a_template</name><value><boolean>0</boolean></value></member>"
        "<member><name>is_control_domain</name><value><boolean>0</boolean></value></member>"
        "<member><name>is_a_snapshot</name><value><boolean>0</boolean></value></member>"
        "</struct></value></member>"
    )


def success(value_xml):
    return (
        '<?xml version="1.0"?><methodResponse><params><param><value><struct>'
        "<member><name>Status</name><value>Success</value></member>"
        f"<member><name>Value</name>{value_xml}</member>"
        "</struct></value></param></params></methodResponse>"
    ).encode()


def failure(parts):
    items = "".join(f"<value>{part}</value>" for part in parts)
    return (
        '<?xml version="1.0"?><methodResponse><params><param><value><struct>'
        "<member><name>Status</name><value>Failure</value></member>"
        f"<member><name>ErrorDescription</name><value><array><data>{items}</data></array></value></member>"
        "</struct></value></param></params></methodResponse>"
    ).encode()


def records_reply(names):
    members = "".join(record(f"OpaqueRef:{index:08d}", name) for index, name in enumerate(names))
    return success(f"<value><struct>{members}</struct></value>")


def big_reply(megabytes):
    name = "x" * 200
    one = len(record("OpaqueRef:00000000", name))
    return records_reply([name] * (megabytes * 1_000_000 // one))


def deep_reply(depth):
    nested = "<value><array><data>" * depth + "</data></array></value>" * depth
    members = record("OpaqueRef:00000001", "deep").replace("</struct></value></member>", "")
    return success(f"<value><struct>{members}<member><name>other_config</name>{nested}</member>"
                   "</struct></value></member></struct></value>")


# mode -> (status line, body bytes or "endless")
def reply_for(mode):
    if mode == "escape-names":
        return 200, records_reply([f"evil{ESCAPES}&#x1b;]2;ref&#7;{C1}", "plain"])
    if mode == "escape-error":
        return 200, failure(["INTERNAL_ERROR", f"boom{ESCAPES}&#x1b;[31m{C1}"])
    if mode == "http-500":
        return 500, f"<html>{ESCAPES}{C1} internal error</html>".encode()
    if mode == "invalid-utf8":
        return 200, records_reply(["ok"]).replace(b"<value>ok</value>", b"<value>bad\xff\x9b2J\xc0\x80\xed\xa0\x80</value>")
    if mode == "deep":
        return 200, deep_reply(100_000)
    if mode.startswith("big-"):
        return 200, big_reply(int(mode[4:]))
    if mode == "endless":
        return 200, "endless"
    raise ValueError(mode)


class HostilePool:
    """Answers session.login_with_password and session.logout, and everything else per `mode`."""

    def __init__(self, mode):
        self.status, self.body = reply_for(mode)
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.running = True
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while self.running:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self.answer, args=(connection,), daemon=True).start()

    def answer(self, connection):
        with connection:
            buffer = b""
            try:
                while True:
                    while b"\r\n\r\n" not in buffer:
                        chunk = connection.recv(65536)
                        if not chunk:
                            return
                        buffer += chunk
                    head, _, rest = buffer.partition(b"\r\n\r\n")
                    length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
                    while len(rest) < length:
                        rest += connection.recv(65536)
                    request, buffer = rest[:length], rest[length:]
                    method = re.search(rb"<methodName>([^<]*)</methodName>", request).group(1)
                    if method == b"session.login_with_password":
                        self.send(connection, 200, success("<value>OpaqueRef:hostile-session</value>"))
                    elif method == b"session.logout":
                        self.send(connection, 200, success("<value></value>"))
                    elif self.body == "endless":
                        connection.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\nconnection: close\r\n\r\n")
                        connection.sendall(b'<?xml version="1.0"?><methodResponse><params><param><value><array><data>')
                        piece = b"<value>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</value>" * 16384
                        while self.running:
                            connection.sendall(piece)
                        return
                    else:
                        self.send(connection, self.status, self.body)
            except OSError:
                return

    @staticmethod
    def send(connection, status, body):
        reason = "OK" if status == 200 else "Internal Error"
        head = f"HTTP/1.1 {status} {reason}\r\ncontent-length: {len(body)}\r\ncontent-type: text/xml\r\nconnection: keep-alive\r\n\r\n"
        connection.sendall(head.encode() + body)

    def stop(self):
        self.running = False
        self.listener.close()


def actionable(data):
    """The bytes a terminal would act on: C0 other than tab/newline, DEL, UTF-8 C1, stray 0x80-0x9F."""
    found = [b for b in data if (b < 0x20 and b not in (0x09, 0x0A)) or b == 0x7F]
    text = data.decode("utf-8", errors="replace")
    found += [ord(c) for c in text if 0x80 <= ord(c) <= 0x9F]
    if text.encode("utf-8") != data:
        found.append(-1)  # invalid UTF-8 reached the terminal
    return found


def run_xsfai(port, *extra, limit=60):
    state = tempfile.mkdtemp()
    environment = dict(os.environ, XSFAI_URL=f"http://127.0.0.1:{port}", XSFAI_PASSWORD="x",
                       XDG_STATE_HOME=state, XDG_CONFIG_HOME=state)
    command = [BIN, "vms", *extra]
    timer = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    report = os.path.join(state, "rss")
    if timer:
        command = [timer, "-f", "%M", "-o", report, *command]
    start = time.monotonic()
    result = subprocess.run(command, env=environment, capture_output=True, timeout=limit, stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - start
    rss = open(report).read().strip().splitlines()[-1] + " KiB" if timer and os.path.exists(report) else "n/a"
    shutil.rmtree(state, ignore_errors=True)
    return result, elapsed, rss


CASES = [
    # mode, extra arguments, expected exit code, expected text in stderr (or stdout for 0)
    ("escape-names", [], 0, "evil\\e]0;owned\\x07"),
    ("escape-error", [], 9, "boom\\e]0;owned\\x07"),
    ("http-500", [], 7, "HTTP 500"),
    ("invalid-utf8", [], 0, "bad"),
    ("deep", [], 1, "xsfai: "),
    ("endless", ["--max-reply-mib", "64"], 7, "larger than the 64 MiB limit"),
    ("big-100", [], 0, "xxxxxxxx"),
    ("big-100", ["--max-reply-mib", "50"], 7, "larger than the 50 MiB limit"),
]


@pytest.mark.parametrize("mode,extra,code,text", CASES, ids=[f"{c[0]}{''.join(c[1])}" for c in CASES])
def test_hostile_reply(mode, extra, code, text):
    if not os.path.exists(BIN):
        pytest.fail(f"binary {BIN} not found (build it or set XSFAI_BIN)")
    pool = HostilePool(mode)
    try:
        result, elapsed, rss = run_xsfai(pool.port, *extra)
    finally:
        pool.stop()
    message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    print(f"\nPROBE {mode} {' '.join(extra)} -> exit {result.returncode}, {elapsed:.2f} s, peak RSS {rss}, "
          f"message: {message[-1][:160] if message else '(none)'}")
    assert result.returncode == code, result.stderr.decode(errors="replace")[-2000:]
    assert actionable(result.stderr) == []
    assert actionable(result.stdout) == []
    output = (result.stdout if code == 0 else result.stderr).decode("utf-8", errors="replace")
    assert text in output
