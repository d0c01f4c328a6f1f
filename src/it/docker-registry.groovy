// Shared by the image ITs: the CNCF distribution registry (servers/registry, built from the Go module proxy by servers/provision.sh)
// on 127.0.0.1 and a free port, storing under <dir>, with a login (htpasswd, bcrypt) when asked; stopped when the
// invoker's JVM ends if verify.groovy did not (it kills the pid in <dir>/registry.pid).
// Use: def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
// It returns [host: '127.0.0.1:<port>'].
return { File dir, boolean withLogin ->
    def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
    def binary = local.provision('registry')
    dir.mkdirs()
    int port = local.freePort()
    def auth = ''
    if (withLogin) {
        // User ci, password registry-s3cret (bcrypt, cost 4); settings.xml's <server> image-registry has a wrong one.
        new File(dir, 'htpasswd').text = 'ci:$2b$04$vChrdElv2BrOIdr5LJA1oOs3lveJoLXTKNapF.CP54D.vAVmP2G8C\n'
        auth = "auth:\n  htpasswd:\n    realm: gomvn-it\n    path: ${dir.absolutePath}/htpasswd\n"
    }
    new File(dir, 'config.yml').text = """\
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${dir.absolutePath}/storage
http:
  addr: 127.0.0.1:${port}
${auth}"""
    def log = new File(dir, 'registry.log')
    new File(dir, 'registry.pid').text =
            local.start([binary, 'serve', "${dir.absolutePath}/config.yml".toString()], log, port, 'registry') { log.text }
    return [host: "127.0.0.1:${port}".toString()]
}
