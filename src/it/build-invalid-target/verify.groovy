def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1)
assert runs.size() == 2
def unknown = "Unknown target 'linux/amd46' (closest: linux/amd64, linux/arm64, linux/386) in <targets> (go.targets) for Go "

// Run 1: the enforcer runs in validate; the rule fails on the target instead of reporting "passed".
assert runs[0].contains('[ERROR] Rule 0: dev.gomvn.enforcer.ForbidGosumdbOff failed with message:')
assert runs[0].contains(unknown)
assert !runs[0].contains('forbidGosumdbOff passed for')
assert !runs[0].contains(':toolchain (default-toolchain)')

// Run 2: without rules, go:toolchain (initialize) refuses it: go:build never starts.
assert runs[1].contains(':toolchain (default-toolchain) on project build-invalid-target')
assert runs[1].contains(unknown)

runs.each { run ->
    assert !run.contains(':build (default-build)') : 'go:build must not start'
    assert !run.contains("'go build ")
    assert !run.contains('verified binar')
}
// Nothing built, not even the valid target.
assert !new File(basedir, 'target/go/bin').exists() : 'nothing may build when a target is invalid'
return true
