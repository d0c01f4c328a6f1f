// Shared by the IT helpers that start a server on 127.0.0.1 (docker-registry.groovy, build-cache-store.groovy).
// Use: def local = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy'))
//      String registry = local.provision('registry')   // servers/provision.sh: built once, then cached
//      String nginx = local.onPath('nginx')             // null when PATH has none
//      int port = local.freePort()
//      local.start(['/usr/bin/x', 'serve', 'config.yml'], new File(dir, 'x.log'), port, 'x') { new File(dir, 'x.log').text }
// start runs the server in the foreground under a watchdog shell that stops it when this JVM ends, whatever ends
// it (verify.groovy stops it first, but a build that fails before verify must not leave it running), and returns
// its pid once it listens on the port; otherwise it fails with what diagnostics says.
return [
    provision: { String server ->
        def process = new ProcessBuilder(['bash', new File(repositoryRoot, 'src/it/servers/provision.sh').absolutePath, server])
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start()
        def path = process.inputStream.text.trim()
        assert process.waitFor() == 0 : "src/it/servers/provision.sh ${server} failed (its output is above)"
        path
    },
    onPath: { String name ->
        System.getenv('PATH').split(File.pathSeparator).collect { new File(it, name) }.find { it.canExecute() }?.absolutePath
    },
    freePort: { ->
        def socket = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
        int port = socket.localPort
        socket.close()
        port
    },
    start: { List<String> command, File output, int port, String name, Closure<String> diagnostics ->
        def pidFile = new File(output.parentFile, "${name}.watchdog-pid")
        def watchdog = '"$@" & server=$!; echo $server > "$0"; ' +
                "while kill -0 ${ProcessHandle.current().pid()} 2>/dev/null && kill -0 \$server 2>/dev/null; do sleep 1; done; " +
                'kill $server 2>/dev/null'
        new ProcessBuilder(['sh', '-c', watchdog, pidFile.absolutePath] + command)
                .redirectInput(new File('/dev/null'))
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start()
        long deadline = System.currentTimeMillis() + 10000
        while (true) {
            try {
                new Socket('127.0.0.1', port).close()
                break
            } catch (IOException e) {
                assert System.currentTimeMillis() < deadline : "${name} did not listen on ${port}: ${diagnostics()}"
                Thread.sleep(100)
            }
        }
        pidFile.text.trim()
    }
]
