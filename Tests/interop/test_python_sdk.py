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


def network_named(session, name):
    refs = session.xenapi.network.get_by_name_label(name)
    assert len(refs) == 1, f"expected one network named {name}"
    return refs[0]


def vif_record(session, network, vm, device, mac=""):
    return {
        "device": device, "network": network, "VM": vm, "MAC": mac, "MTU": "1500", "other_config": {},
        "qos_algorithm_type": "", "qos_algorithm_params": {}, "locking_mode": "network_default",
    }


def test_networks_as_xenserver_names_them(session):
    networks = session.xenapi.network.get_all_records()
    by_name = {record["name_label"]: record for record in networks.values()}
    eth0 = by_name["Pool-wide network associated with eth0"]
    assert eth0["bridge"] == "xenbr0" and eth0["MTU"] == "1500"
    internal = by_name["Host internal management network"]
    assert internal["other_config"]["is_host_internal_management_network"] == "true"
    # The seeded VMs have one VIF each on eth0's network; the network lists them.
    fai01 = session.xenapi.VM.get_record(vm_named(session, "fai01"))
    assert len(fai01["VIFs"]) == 1 and fai01["VIFs"][0] in eth0["VIFs"]


def test_vif_create_get_record_and_destroy(session):
    template = vm_named(session, "FAI Squeeze 64")
    assert session.xenapi.VM.get_VIFs(template) == []  # a Debian template has no VIF
    vm = session.xenapi.VM.clone(template, "interop-vif")
    assert session.xenapi.VM.get_VIFs(vm) == []
    network = network_named(session, "Pool-wide network associated with eth0")

    vif = session.xenapi.VIF.create(vif_record(session, network, vm, "0"))
    record = session.xenapi.VIF.get_record(vif)
    assert record["VM"] == vm and record["network"] == network and record["device"] == "0"
    assert record["MAC_autogenerated"] is True
    first_octet = int(record["MAC"].split(":")[0], 16)
    assert len(record["MAC"].split(":")) == 6 and first_octet & 0x02 and not first_octet & 0x01  # local, unicast
    assert record["MTU"] == "1500" and record["locking_mode"] == "network_default"
    assert record["currently_attached"] is False
    assert session.xenapi.VM.get_VIFs(vm) == [vif]
    assert vif in session.xenapi.network.get_VIFs(network)
    assert session.xenapi.VIF.get_by_uuid(record["uuid"]) == vif

    # A MAC given is kept as given; a device in use or not a number is refused as xapi refuses it.
    chosen = session.xenapi.VIF.create(vif_record(session, network, vm, "1", mac="02:00:00:aa:bb:cc"))
    assert session.xenapi.VIF.get_MAC(chosen) == "02:00:00:aa:bb:cc"
    assert session.xenapi.VIF.get_MAC_autogenerated(chosen) is False
    for device, mac, code in [("0", "", "DEVICE_ALREADY_EXISTS"), ("eth2", "", "INVALID_DEVICE"), ("2", "nonsense", "MAC_INVALID")]:
        with pytest.raises(XenAPI.Failure) as failure:
            session.xenapi.VIF.create(vif_record(session, network, vm, device, mac=mac))
        assert failure.value.details[0] == code

    session.xenapi.VIF.destroy(chosen)
    assert session.xenapi.VM.get_VIFs(vm) == [vif]
    assert chosen not in session.xenapi.network.get_VIFs(network)
    with pytest.raises(XenAPI.Failure) as failure:
        session.xenapi.VIF.get_record(chosen)
    assert failure.value.details[:2] == ["HANDLE_INVALID", "VIF"]

    # A clone copies the VIFs with new MACs (from its own new mac_seed), same device and network.
    copy = session.xenapi.VM.clone(vm, "interop-vif-clone")
    copied = [session.xenapi.VIF.get_record(ref) for ref in session.xenapi.VM.get_VIFs(copy)]
    assert [(each["device"], each["network"]) for each in copied] == [("0", network)]
    assert copied[0]["MAC"] != record["MAC"] and copied[0]["MAC_autogenerated"] is True

    # VM.destroy removes the VM's VIFs with it.
    session.xenapi.VM.destroy(copy)
    assert copied[0]["uuid"] not in [session.xenapi.VIF.get_uuid(ref) for ref in session.xenapi.network.get_VIFs(network)]
    session.xenapi.VM.destroy(vm)
    assert vif not in session.xenapi.VIF.get_all()


def test_vif_follows_the_domain_and_async_create_gives_a_task(session):
    vm = session.xenapi.VM.clone(vm_named(session, "FAI Squeeze 64"), "interop-vif-run")
    session.xenapi.VM.provision(vm)
    network = network_named(session, "Pool-wide network associated with eth0")
    task = session.xenapi.Async.VIF.create(vif_record(session, network, vm, "0"))
    for _ in range(50):
        if session.xenapi.task.get_status(task) != "pending":
            break
        time.sleep(0.1)
    assert session.xenapi.task.get_status(task) == "success"
    vif = session.xenapi.task.get_result(task).replace("<value>", "").replace("</value>", "")
    assert session.xenapi.VM.get_VIFs(vm) == [vif]
    session.xenapi.task.destroy(task)

    session.xenapi.VM.start(vm, False, False)
    assert session.xenapi.VIF.get_currently_attached(vif) is True
    with pytest.raises(XenAPI.Failure) as failure:
        session.xenapi.VIF.destroy(vif)
    assert failure.value.details == ["OPERATION_NOT_ALLOWED", "VIF currently attached to a running VM"]
    session.xenapi.VM.hard_shutdown(vm)
    assert session.xenapi.VIF.get_currently_attached(vif) is False
    session.xenapi.VIF.destroy(vif)
    assert session.xenapi.VM.get_VIFs(vm) == []
