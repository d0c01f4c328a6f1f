// Shared by the image ITs: the CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 and a free port,
// storing under <dir>, with a login (htpasswd, bcrypt) when asked; stopped when the invoker's JVM ends if
// verify.groovy did not (it kills the pid in <dir>/registry.pid).
// Use: def registry = evaluate(new File(repositoryRoot, 'src/it/docker-registry.groovy'))(new File(basedir, 'registry'), false)
// It returns [host: '127.0.0.1:<port>'].
return { File dir, boolean withLogin ->
    def binary = new File('/usr/bin/docker-registry')
    assert binary.canExecute() : 'docker-registry is missing: run src/it/install-test-servers.sh (as root) to install Debian\'s docker-registry'
    dir.mkdirs()
    def socket = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
    int port = socket.localPort
    socket.close()
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
    // The registry under a watchdog shell that stops it when this JVM ends, whatever ends it.
    def watchdog = '"$0" serve "$1/config.yml" & server=$!; echo $server > "$1/registry.pid"; ' +
            "while kill -0 ${ProcessHandle.current().pid()} 2>/dev/null && kill -0 \$server 2>/dev/null; do sleep 1; done; " +
            'kill $server 2>/dev/null'
    new ProcessBuilder('sh', '-c', watchdog, binary.absolutePath, dir.absolutePath)
            .redirectInput(new File('/dev/null'))
            .redirectErrorStream(true)
            .redirectOutput(new File(dir, 'registry.log'))
            .start()
    long deadline = System.currentTimeMillis() + 10000
    while (true) {
        try {
            new Socket('127.0.0.1', port).close()
            break
        } catch (IOException e) {
            assert System.currentTimeMillis() < deadline : "docker-registry did not listen on ${port}: ${new File(dir, 'registry.log').text}"
            Thread.sleep(100)
        }
    }
    return [host: "127.0.0.1:${port}".toString()]
}
