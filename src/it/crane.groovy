// Shared by the image ITs: go-containerregistry's crane (servers/crane, built from the Go module proxy by
// servers/provision.sh), an image tool with no gomvn code in it, so what it reads back is what other tools see.
// Use: def crane = evaluate(new File(repositoryRoot, 'src/it/crane.groovy'))(new File(basedir, 'crane.log'))
//      String digest = crane.text('digest', '127.0.0.1:5000/acme/app:1')     // stdout; fails the IT unless crane exits 0
//      byte[] tar = crane.bytes('export', '127.0.0.1:5000/acme/app:1', '-')
//      String why = crane.refused('push', 'image.tar', '127.0.0.1:5000/acme/app:2')  // stderr of a run that must fail
// Every command, its stderr, exit code and time go to the log, the file to read when an assertion about crane's answer fails.
// crane speaks plain http to 127.0.0.1 registries by itself.
return { File log ->
    String binary = evaluate(new File(repositoryRoot, 'src/it/local-server.groovy')).provision('crane')
    def run = { List<Object> given ->
        List<String> arguments = given*.toString()
        def errors = File.createTempFile('crane', '.stderr', log.parentFile)
        try {
            long started = System.nanoTime()
            def process = new ProcessBuilder([binary] + arguments)
                    .redirectInput(new File('/dev/null'))
                    .redirectError(errors)
                    .start()
            byte[] output = process.inputStream.bytes
            int exit = process.waitFor()
            log << "\$ crane ${arguments.join(' ')}\n${errors.text}exit ${exit} in ${(System.nanoTime() - started).intdiv(1000000)} ms\n"
            [exit: exit, output: output, errors: errors.text]
        } finally {
            errors.delete()
        }
    }
    def succeeded = { List<Object> arguments ->
        def result = run(arguments)
        assert result.exit == 0 : "crane ${arguments.join(' ')} failed: ${result.errors}"
        result.output
    }
    return [
        bytes: { Object... arguments -> succeeded(arguments as List) },
        text: { Object... arguments -> new String(succeeded(arguments as List), 'UTF-8').trim() },
        refused: { Object... arguments ->
            def result = run(arguments as List)
            assert result.exit != 0 : "crane ${arguments.join(' ')} succeeded, but was expected to refuse"
            result.errors
        }
    ]
}
