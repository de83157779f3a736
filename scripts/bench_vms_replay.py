#!/usr/bin/env python3
"""A loopback XML-RPC server that answers every call with bytes recorded once from `xsfai sim`.

Usage: bench_vms_replay.py UPSTREAM_URL REQUEST_DIR

Logs in to UPSTREAM_URL (an `xsfai sim`), records its replies to the calls `xsfai vms` and the SDK
make (login, VM.get_all_records, host.get_all_records, logout), writes the VM.get_all_records
request body to REQUEST_DIR/vm_get_all_records.xml (for `curl`), then serves the recorded replies
on 127.0.0.1 with a free port (HTTP/1.1 keep-alive, one thread per connection) and prints
`READY <port>`. Every client of the benchmark therefore receives the same bytes, and the
simulator's own time to build an 18 MB reply is out of every figure.
"""
import http.client
import http.server
import os
import re
import socket
import sys
import urllib.parse

METHOD = re.compile(rb"<methodName>([^<]*)</methodName>")


def call(connection, body):
    connection.request("POST", "/", body, {"Content-Type": "text/xml"})
    response = connection.getresponse()
    return response.read()


def method_call(name, *params):
    values = "".join(f"<param><value><string>{p}</string></value></param>" for p in params)
    return (f"<?xml version='1.0'?><methodCall><methodName>{name}</methodName>"
            f"<params>{values}</params></methodCall>").encode()


def record(upstream, request_dir):
    url = urllib.parse.urlsplit(upstream)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    login = call(connection, method_call("session.login_with_password", "root", "xenroot", "1.1", "bench"))
    reference = re.search(rb"OpaqueRef:[^<]*", login).group(0).decode()
    replies = {b"session.login_with_password": login}
    for name in ("VM.get_all_records", "host.get_all_records", "pool.get_all_records", "SR.get_all_records"):
        body = method_call(name, reference)
        replies[name.encode()] = call(connection, body)
        if name == "VM.get_all_records":
            with open(os.path.join(request_dir, "vm_get_all_records.xml"), "wb") as request_file:
                request_file.write(body)
    replies[b"session.logout"] = call(connection, method_call("session.logout", reference))
    return replies


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench_vms_replay.py UPSTREAM_URL REQUEST_DIR")
    replies = record(sys.argv[1], sys.argv[2])

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            match = METHOD.search(body)
            reply = replies.get(match.group(1) if match else b"")
            if reply is None:
                self.send_error(404)
                return
            # Headers and body in one write on a TCP_NODELAY socket, as xapi answers: two small
            # writes would meet the client's delayed ACK and add 40 ms to every reply.
            head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                    f"Content-Length: {len(reply)}\r\n\r\n").encode()
            self.wfile.write(head + reply)

        def setup(self):
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"READY {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
