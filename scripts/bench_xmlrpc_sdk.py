#!/usr/bin/env python3
"""Times the official XenAPI Python SDK's decode path on a saved XML-RPC reply.

Usage: bench_xmlrpc_sdk.py PAYLOAD_PATH [--runs N]

The SDK (`pip install xenapi`, module `XenAPI`) is an xmlrpc.client.ServerProxy: each reply goes
through xmlrpc.client's parser (expat + Unmarshaller, what `xmlrpc.client.loads` runs) and then the
SDK's own `_parse_result`, which checks Status and returns Value. This script times exactly those two
steps on the bytes, and prints JSON figures (median of N runs) on stdout.
"""
import json
import statistics
import sys
import time
import xmlrpc.client

try:
    from XenAPI.XenAPI import _parse_result
    SDK = "XenAPI._parse_result(xmlrpc.client.loads(...))"
except ImportError:  # the SDK is missing: time xmlrpc.client alone and say so
    def _parse_result(result):
        return result["Value"]
    SDK = "xmlrpc.client.loads (XenAPI SDK not installed)"


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit("usage: bench_xmlrpc_sdk.py PAYLOAD_PATH [--runs N]")
    path = args[0]
    runs = 3
    if len(args) == 3 and args[1] == "--runs":
        runs = int(args[2])
    elif len(args) != 1:
        sys.exit("usage: bench_xmlrpc_sdk.py PAYLOAD_PATH [--runs N]")
    with open(path, "rb") as payload_file:
        payload = payload_file.read()

    seconds = []
    records = 0
    for _ in range(runs):
        start = time.perf_counter()
        params, _method = xmlrpc.client.loads(payload)
        value = _parse_result(params[0])
        seconds.append(time.perf_counter() - start)
        records = len(value)
        del params, value
    median = statistics.median(seconds)
    print(json.dumps({
        "benchmark": SDK,
        "payload_bytes": len(payload),
        "records_decoded": records,
        "runs": runs,
        "median_seconds": round(median, 4),
        "mb_per_second": round(len(payload) / 1e6 / median, 4),
    }))


if __name__ == "__main__":
    main()
