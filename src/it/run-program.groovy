// Shared by the cgo ITs' verify.groovy: runs a program (a built binary, qemu-user, readelf) and returns its output,
// failing with its error output when it exits non-zero; and whether a tool is on PATH. Use:
//   def programs = evaluate(new File(repositoryRoot, 'src/it/run-program.groovy'))
//   programs.run(['readelf', '-V', file.path]); programs.onPath('qemu-aarch64-static')
return [
    run: { List<String> command ->
        def process = command.execute()
        def out = new StringBuilder(), err = new StringBuilder()
        process.waitForProcessOutput(out, err)
        assert process.exitValue() == 0 : "${command.join(' ')} failed: ${err}"
        out.toString()
    },
    onPath: { String tool -> System.getenv('PATH').split(File.pathSeparator).any { new File(it, tool).canExecute() } },
]
