#!/usr/bin/env python3
"""`xsfai vms --json` done with the official XenAPI Python SDK (`pip install xenapi`), end to end.

Usage: bench_vms_sdk.py URL

Logs in, reads VM.get_all_records and host.get_all_records, keeps the VMs that are not templates,
snapshots or control domains, prints the same rows as `xsfai vms --json` (sorted by name and
UUID), and logs out: what an operator's script would do with the SDK.
"""
import json
import sys

import XenAPI


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench_vms_sdk.py URL")
    session = XenAPI.Session(sys.argv[1])
    session.xenapi.login_with_password("root", "xenroot", "1.1", "bench")
    try:
        vms = session.xenapi.VM.get_all_records()
        hosts = session.xenapi.host.get_all_records()
    finally:
        session.xenapi.session.logout()
    rows = [
        {
            "name": vm["name_label"], "uuid": vm["uuid"], "powerState": vm["power_state"],
            "host": hosts.get(vm["resident_on"], {}).get("name_label", ""),
            "pvBootloader": vm["PV_bootloader"], "pvArgs": vm["PV_args"],
        }
        for vm in vms.values()
        if not vm["is_a_template"] and not vm["is_a_snapshot"] and not vm["is_control_domain"]
    ]
    rows.sort(key=lambda row: (row["name"], row["uuid"]))
    json.dump(rows, sys.stdout)


if __name__ == "__main__":
    main()
