def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
def unknown = "Unknown target 'linux/amd46' (closest: linux/amd64, linux/arm64, linux/386) in <targets> (go.targets) for Go "

// Run 1: go:toolchain, the go packaging's first goal, runs in validate ahead of the enforcer and refuses it.
assert runs[0].contains(':toolchain (default-toolchain) on project build-invalid-target')
assert runs[0].contains(unknown)
assert !runs[0].contains('--- enforcer:')

// Run 2: with the goals skipped (or go:toolchain not bound, as with jar packaging), the rule fails on
// the target in validate instead of reporting "passed".
assert runs[1].contains('[ERROR] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff failed with message:')
assert runs[1].contains(unknown)
assert !runs[1].contains('forbidGosumdbOff passed for')

runs.each { run ->
    assert !run.contains(':build (default-build)') : 'go:build must not start'
    assert !run.contains("'go build ")
    assert !run.contains('verified binar')
}
// Nothing built, not even the valid target.
assert !new File(basedir, 'target/go/bin').exists() : 'nothing may build when a target is invalid'
return true
