import XMLRPC

/// `templates --json` writes its rows with ``JSONWriter`` (keys sorted, as `JSONEncoder` did).
extension TemplatesCommand.Row: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { row in
            row.key("arch")
            row.string(arch)
            row.key("distro")
            row.string(distro)
            row.key("installRepository")
            row.string(installRepository)
            row.key("isDefault")
            row.bool(isDefault)
            row.key("isPV")
            row.bool(isPV)
            row.key("name")
            row.string(name)
            row.key("pvArgs")
            row.string(pvArgs)
            row.key("pvBootloader")
            row.string(pvBootloader)
            row.key("release")
            row.string(release)
            row.key("uuid")
            row.string(uuid)
        }
    }
}
