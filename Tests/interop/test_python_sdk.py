"""Interoperability test: the official XenAPI Python SDK (`pip install xenapi`) drives `xsfai sim`.

The simulator binary comes from $XSFAI_BIN (default .build/debug/xsfai). The test starts
`xsfai sim --port 0`, waits for `READY <port>`, runs the SDK against it over loopback, and stops
the simulator at the end. Run: `python3 -m pytest Tests/interop/test_python_sdk.py`.
"""

import os
import select
import socket
import subprocess
import time

import pytest
import XenAPI

BIN = os.environ.get("XSFAI_BIN", ".build/debug/xsfai")
USER = "root"
PASSWORD = "xenroot"


@pytest.fixture(scope="module")
def port():
    if not os.path.exists(BIN):
        pytest.fail(f"simulator binary {BIN} not found (build it or set XSFAI_BIN)")
    process = subprocess.Popen(
        [BIN, "sim", "--port", "0", "--speed", "100", "--boot-delay", "1.5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "xsfai sim did not print READY within 30 s"
        line = process.stdout.readline()
        assert line.startswith("READY "), f"unexpected first line {line!r}"
        yield int(line.split()[1])
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def session(port):
    sdk = XenAPI.Session(f"http://127.0.0.1:{port}")
    sdk.xenapi.login_with_password(USER, PASSWORD, "1.0", "xsfai-interop")
    yield sdk
    sdk.xenapi.session.logout()


def vm_named(session, name):
    refs = session.xenapi.VM.get_by_name_label(name)
    assert len(refs) == 1, f"expected one VM named {name}"
    return refs[0]


def test_login_failure_is_a_failure_with_the_code(port):
    sdk = XenAPI.Session(f"http://127.0.0.1:{port}")
    with pytest.raises(XenAPI.Failure) as failure:
        sdk.xenapi.login_with_password(USER, "wrong", "1.0", "xsfai-interop")
    assert failure.value.details[0] == "SESSION_AUTHENTICATION_FAILED"


def test_records(session):
    records = session.xenapi.VM.get_all_records()
    names = {record["name_label"] for record in records.values()}
    assert {"Debian Squeeze 6.0 (64-bit)", "FAI Squeeze 64", "fai01", "fai02", "fai03"} <= names
    template = records[vm_named(session, "Debian Squeeze 6.0 (64-bit)")]
    assert template["is_a_template"] is True
    assert template["PV_bootloader"] == "eliloader"
    assert template["memory_static_max"] == "268435456"  # xapi ints are untyped text
    assert template["other_config"]["install-distro"] == "debianlike"
    where = session.xenapi.VM.get_all_records_where('field "name_label" = "fai01"')
    assert [record["power_state"] for record in where.values()] == ["Running"]


def test_other_config_set_add_remove(session):
    vm = vm_named(session, "fai02")
    session.xenapi.VM.add_to_other_config(vm, "owner", "ops")
    with pytest.raises(XenAPI.Failure) as failure:
        session.xenapi.VM.add_to_other_config(vm, "owner", "ops")
    assert failure.value.details == ["MAP_DUPLICATE_KEY", "VM", "other_config", vm, "owner"]
    session.xenapi.VM.remove_from_other_config(vm, "owner")
    assert "owner" not in session.xenapi.VM.get_other_config(vm)
    config = session.xenapi.VM.get_other_config(vm)
    config["team"] = "fai"
    session.xenapi.VM.set_other_config(vm, config)
    assert session.xenapi.VM.get_other_config(vm)["team"] == "fai"


def test_clone_provision_start_and_console(session, port):
    template = vm_named(session, "FAI Squeeze 64")
    vm = session.xenapi.VM.clone(template, "interop-vm")
    assert session.xenapi.VM.get_other_config(vm)["base_template_name"] == "FAI Squeeze 64"
    session.xenapi.VM.provision(vm)
    assert "disks" not in session.xenapi.VM.get_other_config(vm)
    assert len(session.xenapi.VM.get_VBDs(vm)) == 1
    session.xenapi.VM.start(vm, False, False)
    record = session.xenapi.VM.get_record(vm)
    assert record["power_state"] == "Running"
    assert record["PV_bootloader"] == "pygrub"
    assert "install-distro" not in record["other_config"]
    consoles = [session.xenapi.console.get_record(ref) for ref in record["consoles"]]
    vt100 = [console for console in consoles if console["protocol"] == "vt100"]
    assert len(vt100) == 1
    location = vt100[0]["location"]
    path = location[location.index("/console"):]
    host, console_port = location.split("//")[1].split("/")[0].split(":")

    with socket.create_connection((host, int(console_port)), timeout=30) as raw:
        raw.sendall(f"CONNECT {path}&session_id={session._session} HTTP/1.0\r\ncontent-length: 0\r\n\r\n".encode())
        received = b""
        deadline = time.time() + 30
        while b"Calling task_partition" not in received and time.time() < deadline:
            chunk = raw.recv(65536)
            if not chunk:
                break
            received += chunk
    assert received.startswith(b"HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store\r\n\r\n")
    assert b"Calling task_partition" in received
    session.xenapi.VM.hard_shutdown(vm)
    assert session.xenapi.VM.get_consoles(vm) == []


def test_event_from(session):
    first = session.xenapi.event_from(["vm"], "", 0.0)
    assert first["events"] and all(event["operation"] == "add" for event in first["events"])
    assert isinstance(first["valid_ref_counts"]["vm"], int)
    vm = vm_named(session, "fai03")
    session.xenapi.VM.set_name_description(vm, "changed by the interop test")
    second = session.xenapi.event_from(["vm"], first["token"], 5.0)
    changed = [event for event in second["events"] if event["ref"] == vm]
    assert [event["operation"] for event in changed] == ["mod"]
    assert changed[0]["snapshot"]["name_description"] == "changed by the interop test"
    assert second["token"] > first["token"]
