import FAIControl
import Testing
import XenAPI

/// Answers HEAD requests from a set of URLs that exist.
struct SetProber: URLProber {
    var existing: Set<String>
    func head(_ url: String) throws -> Int { existing.contains(url) ? 200 : 404 }
}

@Suite struct PreflightTests {
    let netboot = "http://192.168.1.250/debian/dists/lenny/main/installer-i386/current/images/netboot/xen/"

    @Test func installerURLsFollowEliloader() {
        #expect(
            InstallerFiles.forInstall(repository: "http://deb.debian.org/debian", distro: "debianlike", release: "wheezy", arch: "amd64")
                == InstallerFiles(alternatives: [[
                    "http://deb.debian.org/debian/dists/wheezy/main/installer-amd64/current/images/netboot/xen/vmlinuz",
                    "http://deb.debian.org/debian/dists/wheezy/main/installer-amd64/current/images/netboot/xen/initrd.gz",
                ]]))
        #expect(
            InstallerFiles.forInstall(repository: "http://m/debian/dists/lenny/", distro: "debianlike", release: "lenny", arch: "i386")?
                .alternatives.first?.first == "http://m/debian/dists/lenny/main/installer-i386/current/images/netboot/xen/vmlinuz")
        #expect(
            InstallerFiles.forInstall(repository: "http://m/centos/5/os/x86_64", distro: "rhlike", release: nil, arch: nil)
                == InstallerFiles(alternatives: [
                    ["http://m/centos/5/os/x86_64/images/xen/vmlinuz", "http://m/centos/5/os/x86_64/images/xen/initrd.img"],
                    ["http://m/centos/5/os/x86_64/isolinux/vmlinuz", "http://m/centos/5/os/x86_64/isolinux/initrd.img"],
                ]))
        #expect(InstallerFiles.forInstall(repository: "cdrom", distro: "debianlike", release: "lenny", arch: "i386") == nil)
    }

    @Test func templatePassesWhenEverythingIsThere() {
        let report = Preflight(prober: SetProber(existing: [netboot + "vmlinuz", netboot + "initrd.gz"]))
            .run(TestRecords.faiTemplate, hosts: [])
        #expect(report.passed)
        #expect(report.checks.map(\.status).allSatisfy { $0 == .pass })
    }

    @Test func missingKernelFailsNamingTheURL() {
        let report = Preflight(prober: SetProber(existing: [netboot + "initrd.gz"])).run(TestRecords.faiTemplate, hosts: [])
        #expect(!report.passed)
        #expect(report.checks.filter { $0.status == .fail } == [PreflightCheck("kernel URL", .fail, netboot + "vmlinuz: HTTP 404")])
    }

    @Test func pvArgsWithoutFAIFail() {
        #expect(
            Preflight.pvArgsChecks("-- quiet console=hvc0").map(\.status) == [.pass, .fail, .fail])
        #expect(Preflight.pvArgsChecks(TestRecords.faiArgs).map(\.status) == [.pass, .pass, .pass])
    }

    @Test func abortedVMFailsOnBootloaderAndDistro() {
        var aborted = TestRecords.aborted
        aborted.vifs = ["OpaqueRef:vif-0"]
        let report = Preflight(prober: SetProber(existing: [netboot + "vmlinuz", netboot + "initrd.gz"]))
            .run(aborted, hosts: [])
        #expect(report.checks.filter { $0.status == .fail }.map(\.name) == ["PV-bootloader", "install-distro"])
        #expect(report.checks.first { $0.name == "network" }?.detail == "1 VIF")
    }

    @Test func aVMWithoutAVIFFailsAndATemplateWithoutOneDoesNot() {
        let vm = Preflight.networkCheck(TestRecords.aborted)
        #expect(vm.status == .fail && vm.detail.hasPrefix("no VIF: FAI cannot mount its NFS root (xe vif-create vm-uuid=\(TestRecords.aborted.uuid)"))
        let template = Preflight.networkCheck(TestRecords.faiTemplate)
        #expect(template.status == .pass && template.detail.contains("xsfai install adds one"))
    }

    @Test func xcpng83IsKnownToLackEliloader() {
        #expect(PVInstallPath.lacksEliloader(["product_brand": "XCP-ng", "product_version": "8.3.0"]))
        #expect(!PVInstallPath.lacksEliloader(["product_brand": "XCP-ng", "product_version": "8.2.1"]))
        #expect(!PVInstallPath.lacksEliloader(["product_brand": "XenServer", "product_version": "8.3.0"]) == true)
    }
}
